// The byte-classification kernel of piiscan: the only code that reads every byte of the input.
//
// One pass over a range finds the maximal ASCII digit runs (the candidates of every numeric
// identifier), the runs of full-width digits, the '@' bytes (e-mail candidates) and counts
// newlines. Everything else in the scanner works per candidate. The kernel is C rather than
// Swift so that the AVX2 path can be chosen at run time with `__attribute__((target))` while
// the rest of the binary stays plain x86-64 (the Swift compiler applies a target feature to a
// whole module, not a function).
// See docs: ../../../Benchmarks/README.md for the measured speeds of each path.
#ifndef PIISCAN_KERNELS_H
#define PIISCAN_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which digit runs `piiscan_scan_block` reports.
///
/// A run of at least `min_run` digits is reported when its length is in
/// [standalone_min, standalone_max], or when it is joined to more of a number: a space or hyphen
/// (or two spaces) and a digit on either side ("139 1234 5670", "0755-86123456"), a mask character after it
/// ('*', 'x', 'X': "138****5678"), or a closing bracket before it ("(0755)86123456", also the
/// full-width '）'). Any other run cannot be a value on its own ("9485,", "第3页") and costs
/// nothing past the kernel.
typedef struct piiscan_run_filter {
  size_t min_run;
  size_t standalone_min;
  size_t standalone_max;
} piiscan_run_filter;

/// Set in `run_lengths` for a run of full-width digits (U+FF10...U+FF19, written EF BC 90...99
/// in UTF-8, as Chinese input methods type them): its start is the first digit's first byte and
/// the rest of the length is its number of digits (3 bytes each). Such runs are reported
/// whenever they have at least `PIISCAN_WIDE_MIN` digits, whatever the filter: the caller folds
/// them to ASCII and looks at the whole written number around them.
#define PIISCAN_WIDE_RUN (1u << 30)
#define PIISCAN_WIDE_MIN 2

/// Output buffers of one `piiscan_scan_block` call, owned by the caller (one set per worker).
typedef struct piiscan_candidates {
  /// Start offsets (relative to `buf`) of digit runs of at least `min_run` digits.
  uint32_t *run_starts;
  /// Lengths of those runs, in digits (a trailing 'X' is not included); `PIISCAN_WIDE_RUN` marks
  /// a run of full-width digits.
  uint32_t *run_lengths;
  /// Capacity of `run_starts` and `run_lengths`; must be at least (to - from) / 2 + 1.
  size_t run_capacity;
  size_t run_count;
  /// Offsets of '@' bytes in [from, to).
  uint32_t *at_positions;
  /// Capacity of `at_positions`; must be at least (to - from).
  size_t at_capacity;
  size_t at_count;
  /// Number of '\n' bytes in [from, to).
  size_t newline_count;
} piiscan_candidates;

/// Scans `buf[from, to)` and appends to `out` (the counts are reset first).
///
/// A digit run is reported when it starts in [from, to), is maximal — the byte before it is not
/// a digit (a run that began before `from` belongs to whoever scanned that byte) and it is
/// followed by a non-digit or by `limit`, the end of the readable buffer — and passes `filter`.
/// A run that starts before `to` is followed past `to`, up to `limit`, so no run is cut by the
/// range end. Requires from <= to <= limit and limit < 2^32.
void piiscan_scan_block(const uint8_t *buf, size_t from, size_t to, size_t limit,
                        const piiscan_run_filter *filter, piiscan_candidates *out);

/// Number of bytes equal to `byte` in `buf[0, n)`.
size_t piiscan_count_byte(const uint8_t *buf, size_t n, uint8_t byte);

/// Number of UTF-8 characters in `buf[0, n)`: bytes that are not continuation bytes (10xxxxxx).
/// Invalid sequences count one character per non-continuation byte.
size_t piiscan_count_utf8_chars(const uint8_t *buf, size_t n);

/// Which implementation `piiscan_scan_block` uses on this CPU: "avx2", "sse2" or "scalar".
const char *piiscan_kernel_name(void);

/// Forces an implementation ("avx2", "sse2", "scalar") for tests and benchmarks; returns 0 on
/// success, -1 when it is unknown or this CPU cannot run it.
int piiscan_force_kernel(const char *name);

/// Offset of the last '\n' in `buf[0, n)`, or -1 when there is none.
ptrdiff_t piiscan_last_newline(const uint8_t *buf, size_t n);

/// Offset of the first occurrence of `needle` in `buf[0, n)`, or -1 (glibc's memmem, which
/// Swift cannot import because it is a GNU extension).
ptrdiff_t piiscan_find(const uint8_t *buf, size_t n, const uint8_t *needle, size_t m);

/// Whether `buf[0, n)` is valid UTF-8 (no overlong forms, surrogates, or code points past
/// U+10FFFF; a sequence cut at the end is invalid). AVX2 when the CPU has it.
int piiscan_valid_utf8(const uint8_t *buf, size_t n);

/// Number of CPUs this process may run on (its affinity mask), or 0 when unknown.
int piiscan_available_cpus(void);

/// Installs a SIGBUS handler for reads through memory maps (once per process; 0 on success):
/// a page past the end of a mapped file that was truncated is replaced by zeros and counted for
/// the thread that touched it, instead of killing the process.
int piiscan_install_mapping_guard(void);

/// How many pages of truncated mappings this thread has touched since it started.
unsigned long piiscan_mapping_faults(void);

/// Removes the registered paths when SIGINT, SIGTERM or SIGHUP arrives, then lets the signal
/// end the process (0 on success).
int piiscan_install_interrupt_cleanup(void);

/// Registers a file (or an empty directory, `is_directory`) to remove on an interrupt; returns
/// a slot to unregister it with, or -1 when the table is full or the path too long.
int piiscan_register_cleanup(const char *path, int is_directory);

/// Forgets a registered path (it was renamed, removed or is to be kept).
void piiscan_unregister_cleanup(int slot);

#ifdef __cplusplus
}
#endif

#endif
