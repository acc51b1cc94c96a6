// See piiscan_kernels.h for the contract. Three implementations of one algorithm:
// AVX2 (two 32-byte compares per 64-byte block), SSE2 (four 16-byte compares; the x86-64
// baseline) and portable scalar C. Each 64-byte block becomes a 64-bit digit mask; run starts
// and ends are the mask's rising and falling edges, visited with count-trailing-zeros.
#define _GNU_SOURCE
#include "piiscan_kernels.h"

#include <sched.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define PIISCAN_X86 1
#endif

#define RUN_SKIP ((size_t)-1)

typedef struct {
  size_t run_start;  // RUN_SKIP while inside a run that started before `from`
  int in_run;
  size_t wide_until;  // end of the last full-width run seen: its digits are not new starts
} run_state;

static inline int is_digit(uint8_t c) { return (uint8_t)(c - '0') < 10; }

// A full-width digit U+FF10...U+FF19 is EF BC 90...99 in UTF-8.
static inline int is_wide_digit(const uint8_t *buf, size_t limit, size_t p) {
  return p + 2 < limit && buf[p] == 0xEF && buf[p + 1] == 0xBC && (uint8_t)(buf[p + 2] - 0x90) < 10;
}

// The full-width run starting at `p` (a full-width digit): emitted when it has at least
// PIISCAN_WIDE_MIN digits and is maximal (a run whose earlier digits lie before the scanned
// range belongs to whoever scanned them). Returns the byte after the run.
static size_t wide_run(const uint8_t *buf, size_t limit, size_t p, piiscan_candidates *out) {
  size_t e = p;
  size_t n = 0;
  while (is_wide_digit(buf, limit, e)) {
    e += 3;
    n++;
  }
  // Within one scan an earlier digit would have been taken into an earlier run already.
  int continues = p >= 3 && is_wide_digit(buf, limit, p - 3);
  if (!continues && n >= PIISCAN_WIDE_MIN) {
    out->run_starts[out->run_count] = (uint32_t)p;
    out->run_lengths[out->run_count] = (uint32_t)n | PIISCAN_WIDE_RUN;
    out->run_count++;
  }
  return e;
}

// See piiscan_run_filter: whether the run [start, end) is part of a longer written number.
static inline __attribute__((always_inline)) int is_joined(const uint8_t *buf, size_t limit,
                                                           size_t start, size_t end) {
  uint8_t after = end < limit ? buf[end] : 0;
  uint8_t after2 = end + 1 < limit ? buf[end + 1] : 0;
  uint8_t before = start > 0 ? buf[start - 1] : 0;
  uint8_t before2 = start > 1 ? buf[start - 2] : 0;
  if (after == ' ') {
    if (is_digit(after2)) return 1;
    // The first of groups two spaces apart ("6222  0212  3456  7890  128"): the number's
    // chain is built from it, so the later groups need not be reported.
    if (after2 == ' ' && end + 2 < limit && is_digit(buf[end + 2])) return 1;
  } else if (after == '-' && is_digit(after2)) {
    return 1;
  }
  if (after == '*' || (after | 0x20) == 'x') return 1;
  if ((before == ' ' || before == '-') && is_digit(before2)) return 1;
  if (before == ')' || before == 0x89) return 1;  // 0x89 ends the UTF-8 of '）'
  if (before == ' ' && (before2 == ')' || before2 == 0x89)) return 1;
  return 0;
}

static inline __attribute__((always_inline)) void emit_run(const uint8_t *buf, size_t limit,
                                                           piiscan_candidates *out, size_t start,
                                                           size_t end,
                                                           const piiscan_run_filter *f) {
  if (start == RUN_SKIP) return;
  size_t len = end - start;
  if (len < f->min_run) return;
  if ((len < f->standalone_min || len > f->standalone_max) && !is_joined(buf, limit, start, end))
    return;
  out->run_starts[out->run_count] = (uint32_t)start;
  out->run_lengths[out->run_count] = (uint32_t)len;
  out->run_count++;
}

// Consumes one 64-byte block's masks: digits `m`, '@' bytes `at`, newlines `nl`.
static inline void consume_block(size_t p, uint64_t m, uint64_t at, uint64_t nl, run_state *st,
                                 const piiscan_run_filter *f, const uint8_t *buf, size_t limit,
                                 piiscan_candidates *out) {
  out->newline_count += (size_t)__builtin_popcountll(nl);
  while (at) {
    out->at_positions[out->at_count++] = (uint32_t)(p + (size_t)__builtin_ctzll(at));
    at &= at - 1;
  }
  if (m == 0) {
    if (st->in_run) {
      emit_run(buf, limit, out, st->run_start, p, f);
      st->in_run = 0;
    }
    return;
  }
  if (st->in_run && !(m & 1)) {
    emit_run(buf, limit, out, st->run_start, p, f);
    st->in_run = 0;
  }
  uint64_t starts = m & ~((m << 1) | (uint64_t)st->in_run);
  uint64_t ends = m & ~(m >> 1) & ~(1ULL << 63);  // an end at bit 63 is decided by the next block
  for (;;) {
    if (!st->in_run) {
      if (!starts) break;
      st->run_start = p + (size_t)__builtin_ctzll(starts);
      starts &= starts - 1;
      st->in_run = 1;
    }
    if (!ends) break;
    size_t e = p + (size_t)__builtin_ctzll(ends) + 1;
    ends &= ends - 1;
    emit_run(buf, limit, out, st->run_start, e, f);
    st->in_run = 0;
  }
}

// Scalar handling of [p, to): used for the tail of every implementation.
static void scan_scalar_range(const uint8_t *buf, size_t p, size_t to, size_t limit,
                              run_state *st, const piiscan_run_filter *f,
                              piiscan_candidates *out) {
  for (; p < to; p++) {
    uint8_t c = buf[p];
    if (is_digit(c)) {
      if (!st->in_run) {
        st->run_start = p;
        st->in_run = 1;
      }
      continue;
    }
    if (st->in_run) {
      emit_run(buf, limit, out, st->run_start, p, f);
      st->in_run = 0;
    }
    if (c == '\n') out->newline_count++;
    else if (c == '@') out->at_positions[out->at_count++] = (uint32_t)p;
    else if (c == 0xEF && p >= st->wide_until && is_wide_digit(buf, limit, p))
      st->wide_until = wide_run(buf, limit, p, out);
  }
}

// Follows a run still open at `to` up to `limit` and emits it.
static void finish_run(const uint8_t *buf, size_t to, size_t limit, run_state *st,
                       const piiscan_run_filter *f, piiscan_candidates *out) {
  if (!st->in_run) return;
  size_t e = to;
  while (e < limit && is_digit(buf[e])) e++;
  emit_run(buf, limit, out, st->run_start, e, f);
  st->in_run = 0;
}

static void begin(const uint8_t *buf, size_t from, run_state *st, piiscan_candidates *out) {
  out->run_count = 0;
  out->at_count = 0;
  out->newline_count = 0;
  st->in_run = 0;
  st->run_start = 0;
  st->wide_until = 0;
  if (from > 0 && is_digit(buf[from - 1])) {
    st->in_run = 1;
    st->run_start = RUN_SKIP;
  }
}

static void scan_scalar(const uint8_t *buf, size_t from, size_t to, size_t limit,
                        const piiscan_run_filter *f, piiscan_candidates *out) {
  run_state st;
  begin(buf, from, &st, out);
  scan_scalar_range(buf, from, to, limit, &st, f, out);
  finish_run(buf, to, limit, &st, f, out);
}

#ifdef PIISCAN_X86
static inline uint64_t sse2_mask16(__m128i v, __m128i zero, __m128i nine, __m128i at, __m128i nl,
                                   uint32_t *atm, uint32_t *nlm) {
  __m128i d = _mm_sub_epi8(v, zero);
  *atm = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, at));
  *nlm = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));
  return (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d));
}

static void scan_sse2(const uint8_t *buf, size_t from, size_t to, size_t limit,
                      const piiscan_run_filter *f, piiscan_candidates *out) {
  run_state st;
  begin(buf, from, &st, out);
  const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
  const __m128i at = _mm_set1_epi8('@'), nl = _mm_set1_epi8('\n');
  const __m128i ef = _mm_set1_epi8((char)0xEF), wide0 = _mm_set1_epi8((char)0x90);
  size_t p = from;
  // The last bytes read are p + 65 (the third byte of a full-width digit at p + 63).
  for (; p + 64 <= to && p + 66 <= limit; p += 64) {
    uint64_t m = 0, a = 0, n = 0;
    __m128i wide = _mm_setzero_si128();
    for (int k = 0; k < 4; k++) {
      uint32_t am, nm;
      __m128i v = _mm_loadu_si128((const __m128i *)(buf + p + 16 * k));
      m |= sse2_mask16(v, zero, nine, at, nl, &am, &nm) << (16 * k);
      a |= (uint64_t)am << (16 * k);
      n |= (uint64_t)nm << (16 * k);
      __m128i t = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(buf + p + 2 + 16 * k)), wide0);
      wide = _mm_or_si128(wide, _mm_and_si128(_mm_cmpeq_epi8(v, ef),
                                              _mm_cmpeq_epi8(_mm_min_epu8(t, nine), t)));
    }
    if (__builtin_expect(_mm_movemask_epi8(wide) != 0, 0)) {
      // A full-width digit may start here: this block byte by byte, in order.
      scan_scalar_range(buf, p, p + 64, limit, &st, f, out);
      continue;
    }
    consume_block(p, m, a, n, &st, f, buf, limit, out);
  }
  scan_scalar_range(buf, p, to, limit, &st, f, out);
  finish_run(buf, to, limit, &st, f, out);
}

__attribute__((target("avx2,popcnt,bmi")))
static void scan_avx2(const uint8_t *buf, size_t from, size_t to, size_t limit,
                      const piiscan_run_filter *f, piiscan_candidates *out) {
  run_state st;
  begin(buf, from, &st, out);
  const __m256i zero = _mm256_set1_epi8('0'), nine = _mm256_set1_epi8(9);
  const __m256i at = _mm256_set1_epi8('@'), nl = _mm256_set1_epi8('\n');
  const __m256i ef = _mm256_set1_epi8((char)0xEF), wide0 = _mm256_set1_epi8((char)0x90);
  size_t p = from;
  // The last bytes read are p + 65 (the third byte of a full-width digit at p + 63).
  for (; p + 64 <= to && p + 66 <= limit; p += 64) {
    __m256i v0 = _mm256_loadu_si256((const __m256i *)(buf + p));
    __m256i v1 = _mm256_loadu_si256((const __m256i *)(buf + p + 32));
    // EF with a third byte 90...99: a full-width digit may start there (the rare case).
    __m256i t0 = _mm256_sub_epi8(_mm256_loadu_si256((const __m256i *)(buf + p + 2)), wide0);
    __m256i t1 = _mm256_sub_epi8(_mm256_loadu_si256((const __m256i *)(buf + p + 34)), wide0);
    __m256i wide = _mm256_or_si256(
        _mm256_and_si256(_mm256_cmpeq_epi8(v0, ef),
                         _mm256_cmpeq_epi8(_mm256_min_epu8(t0, nine), t0)),
        _mm256_and_si256(_mm256_cmpeq_epi8(v1, ef),
                         _mm256_cmpeq_epi8(_mm256_min_epu8(t1, nine), t1)));
    if (__builtin_expect(!_mm256_testz_si256(wide, wide), 0)) {
      scan_scalar_range(buf, p, p + 64, limit, &st, f, out);
      continue;
    }
    __m256i d0 = _mm256_sub_epi8(v0, zero), d1 = _mm256_sub_epi8(v1, zero);
    uint64_t m = (uint64_t)(uint32_t)_mm256_movemask_epi8(
                     _mm256_cmpeq_epi8(_mm256_min_epu8(d0, nine), d0)) |
                 (uint64_t)(uint32_t)_mm256_movemask_epi8(
                     _mm256_cmpeq_epi8(_mm256_min_epu8(d1, nine), d1)) << 32;
    uint64_t a = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v0, at)) |
                 (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v1, at)) << 32;
    uint64_t n = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v0, nl)) |
                 (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v1, nl)) << 32;
    consume_block(p, m, a, n, &st, f, buf, limit, out);
  }
  scan_scalar_range(buf, p, to, limit, &st, f, out);
  finish_run(buf, to, limit, &st, f, out);
}
#endif

typedef void (*scan_fn)(const uint8_t *, size_t, size_t, size_t, const piiscan_run_filter *,
                        piiscan_candidates *);

static scan_fn chosen = 0;  // written once before use; see choose()
static const char *chosen_name = "scalar";

static void set_kernel(scan_fn f, const char *name) {
  chosen_name = name;
  __atomic_store_n(&chosen, f, __ATOMIC_RELEASE);
}

// Racing first calls all store the same choice, so no lock is needed.
static void choose(void) {
#ifdef PIISCAN_X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) {
    set_kernel(scan_avx2, "avx2");
    return;
  }
#if defined(__x86_64__)
  set_kernel(scan_sse2, "sse2");
  return;
#endif
#endif
  set_kernel(scan_scalar, "scalar");
}

void piiscan_scan_block(const uint8_t *buf, size_t from, size_t to, size_t limit,
                        const piiscan_run_filter *filter, piiscan_candidates *out) {
  scan_fn f = __atomic_load_n(&chosen, __ATOMIC_ACQUIRE);
  if (!f) {
    choose();
    f = chosen;
  }
  f(buf, from, to, limit, filter, out);
}

const char *piiscan_kernel_name(void) {
  if (!__atomic_load_n(&chosen, __ATOMIC_ACQUIRE)) choose();
  return chosen_name;
}

int piiscan_force_kernel(const char *name) {
  if (strcmp(name, "scalar") == 0) {
    set_kernel(scan_scalar, "scalar");
    return 0;
  }
#ifdef PIISCAN_X86
#if defined(__x86_64__)
  if (strcmp(name, "sse2") == 0) {
    set_kernel(scan_sse2, "sse2");
    return 0;
  }
#endif
  __builtin_cpu_init();
  if (strcmp(name, "avx2") == 0 && __builtin_cpu_supports("avx2")) {
    set_kernel(scan_avx2, "avx2");
    return 0;
  }
#endif
  return -1;
}

size_t piiscan_count_byte(const uint8_t *buf, size_t n, uint8_t byte) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++) count += buf[i] == byte;
  return count;
}

size_t piiscan_count_utf8_chars(const uint8_t *buf, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++) count += (buf[i] & 0xC0) != 0x80;
  return count;
}

int piiscan_available_cpus(void) {
#if defined(__linux__)
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
#endif
  return 0;
}

ptrdiff_t piiscan_last_newline(const uint8_t *buf, size_t n) {
  const uint8_t *hit = memrchr(buf, '\n', n);
  return hit ? hit - buf : -1;
}

ptrdiff_t piiscan_find(const uint8_t *buf, size_t n, const uint8_t *needle, size_t m) {
  const uint8_t *hit = memmem(buf, n, needle, m);
  return hit ? hit - buf : -1;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 validation: the lookup algorithm of Keiser and Lemire ("Validating UTF-8 in less than
// one instruction per byte", 2021). Each byte pair is classified by three 16-entry tables (high
// nibble of the previous byte, its low nibble, high nibble of this byte); the AND of the three
// is non-zero exactly for the invalid two-byte patterns. Third and fourth bytes of a sequence
// are checked with the bytes two and three back.

static int valid_utf8_scalar(const uint8_t *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) { i++; continue; }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return 0;
    if (i + len > n) return 0;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return 0;
    i += len;
  }
  return 1;
}

#ifdef PIISCAN_X86
#define TOO_SHORT (1 << 0)
#define TOO_LONG (1 << 1)
#define OVERLONG_3 (1 << 2)
#define TOO_LARGE (1 << 3)
#define SURROGATE (1 << 4)
#define OVERLONG_2 (1 << 5)
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4 (1 << 6)
#define TWO_CONTS (1 << 7)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

__attribute__((target("avx2")))
static inline __m256i prev_n(__m256i input, __m256i previous, int n) {
  __m256i shifted = _mm256_permute2x128_si256(previous, input, 0x21);
  switch (n) {
    case 1: return _mm256_alignr_epi8(input, shifted, 15);
    case 2: return _mm256_alignr_epi8(input, shifted, 14);
    default: return _mm256_alignr_epi8(input, shifted, 13);
  }
}

__attribute__((target("avx2")))
static inline __m256i utf8_block_errors(__m256i input, __m256i previous) {
  const __m256i byte_1_high_table = _mm256_setr_epi8(
      TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
      TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
      TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
      TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
      TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
      TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
  const __m256i byte_1_low_table = _mm256_setr_epi8(
      CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
      CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
      CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000);
  const __m256i byte_2_high_table = _mm256_setr_epi8(
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  __m256i prev1 = prev_n(input, previous, 1);
  __m256i b1h = _mm256_shuffle_epi8(byte_1_high_table, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble));
  __m256i b1l = _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, low_nibble));
  __m256i b2h = _mm256_shuffle_epi8(byte_2_high_table, _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble));
  __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
  __m256i prev2 = prev_n(input, previous, 2);
  __m256i prev3 = prev_n(input, previous, 3);
  // A third byte follows a lead >= E0 two back; a fourth a lead >= F0 three back.
  __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
  __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
  __m256i must23 = _mm256_or_si256(third, fourth);
  __m256i must23_80 = _mm256_and_si256(must23, _mm256_set1_epi8((char)0x80));
  return _mm256_xor_si256(must23_80, special);
}

__attribute__((target("avx2")))
static int valid_utf8_avx2(const uint8_t *s, size_t n) {
  __m256i error = _mm256_setzero_si256();
  __m256i previous = _mm256_setzero_si256();
  __m256i previous_incomplete = _mm256_setzero_si256();
  const __m256i max_value = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    __m256i input = _mm256_loadu_si256((const __m256i *)(s + i));
    if (_mm256_movemask_epi8(input) == 0) {
      error = _mm256_or_si256(error, previous_incomplete);
    } else {
      error = _mm256_or_si256(error, utf8_block_errors(input, previous));
      previous_incomplete = _mm256_subs_epu8(input, max_value);
    }
    previous = input;
  }
  if (!_mm256_testz_si256(error, error)) return 0;
  // The tail, and a sequence that started in the last block, scalar: back up to its lead.
  size_t lead = i;
  while (lead > 0 && i - lead < 4 && (s[lead - 1] & 0xC0) == 0x80) lead--;
  if (lead > 0 && i - lead < 4 && s[lead - 1] >= 0xC0) lead--;
  return valid_utf8_scalar(s + lead, n - lead);
}
#endif

int piiscan_valid_utf8(const uint8_t *buf, size_t n) {
#ifdef PIISCAN_X86
  if (__atomic_load_n(&chosen, __ATOMIC_ACQUIRE) == 0) choose();
  if (chosen == scan_avx2) return valid_utf8_avx2(buf, n);
#endif
  return valid_utf8_scalar(buf, n);
}
