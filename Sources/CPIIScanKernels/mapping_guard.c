// A guard for reading files through a memory map: when a mapped file is truncated while it is
// being read (by another process, or because the medium fails), touching a page past its new
// end raises SIGBUS, which would kill the process with no output. The guard's handler maps a
// page of zeros over the faulting address instead and notes the fault for the thread that
// touched it, so the read goes on and the reader can report the input as cut short.
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "include/piiscan_kernels.h"

static __thread volatile sig_atomic_t faults_on_this_thread;
static struct sigaction previous;
static volatile sig_atomic_t installed;

static void on_sigbus(int signal, siginfo_t *info, void *context) {
  long page = sysconf(_SC_PAGESIZE);
  uintptr_t address = (uintptr_t)info->si_addr & ~(uintptr_t)(page - 1);
  // Only faults of a mapped file are repaired (BUS_ADRERR: no backing page for the address).
  if (info->si_code == BUS_ADRERR && address != 0) {
    void *zeros = mmap((void *)address, (size_t)page, PROT_READ,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (zeros != MAP_FAILED) {
      faults_on_this_thread += 1;
      return;
    }
  }
  // Anything else is a real bus error: let the previous handler (or the default) have it.
  sigaction(SIGBUS, &previous, NULL);
  raise(signal);
  (void)context;
}

int piiscan_install_mapping_guard(void) {
  if (installed) return 0;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  if (sigaction(SIGBUS, &action, &previous) != 0) return -1;
  installed = 1;
  return 0;
}

unsigned long piiscan_mapping_faults(void) { return (unsigned long)faults_on_this_thread; }
