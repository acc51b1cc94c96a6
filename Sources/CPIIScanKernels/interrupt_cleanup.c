// Files a run must not leave behind when it is interrupted (SIGINT, SIGTERM, SIGHUP): the
// report being written, which reaches its real name only when the run ends, and the sizing
// report's spill files. The handler removes them, then lets the signal end the process as it
// would have (so the exit status says which signal it was). unlink and rmdir are
// async-signal-safe; nothing else is done in the handler.
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "include/piiscan_kernels.h"

#define PIISCAN_MAX_CLEANUP 64
#define PIISCAN_MAX_PATH 4096

static char cleanup_paths[PIISCAN_MAX_CLEANUP][PIISCAN_MAX_PATH];
static volatile sig_atomic_t cleanup_used[PIISCAN_MAX_CLEANUP];
static volatile sig_atomic_t cleanup_is_directory[PIISCAN_MAX_CLEANUP];

static void on_interrupt(int signal) {
  for (int i = PIISCAN_MAX_CLEANUP - 1; i >= 0; i--) {
    if (!cleanup_used[i]) continue;
    if (cleanup_is_directory[i]) {
      rmdir(cleanup_paths[i]);
    } else {
      unlink(cleanup_paths[i]);
    }
  }
  struct sigaction fallback;
  memset(&fallback, 0, sizeof fallback);
  fallback.sa_handler = SIG_DFL;
  sigaction(signal, &fallback, NULL);
  raise(signal);
}

int piiscan_install_interrupt_cleanup(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  int signals[] = {SIGINT, SIGTERM, SIGHUP};
  sigset_t unblock;
  sigemptyset(&unblock);
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    if (sigaction(signals[i], &action, NULL) != 0) return -1;
    sigaddset(&unblock, signals[i]);
  }
  // A parent may have started us with these signals blocked (some process launchers do);
  // an interrupt must still reach us.
  pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
  return 0;
}

int piiscan_register_cleanup(const char *path, int is_directory) {
  size_t length = strlen(path);
  if (length >= PIISCAN_MAX_PATH) return -1;
  for (int i = 0; i < PIISCAN_MAX_CLEANUP; i++) {
    if (cleanup_used[i]) continue;
    memcpy(cleanup_paths[i], path, length + 1);
    cleanup_is_directory[i] = is_directory;
    cleanup_used[i] = 1;
    return i;
  }
  return -1;
}

void piiscan_unregister_cleanup(int slot) {
  if (slot >= 0 && slot < PIISCAN_MAX_CLEANUP) cleanup_used[slot] = 0;
}
