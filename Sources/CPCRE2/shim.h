// CPCRE2: the system PCRE2 library (libpcre2-8), seen from Swift.
//
// Only the PIIScanPCRE2 target imports this module. Everything here exists because Swift's
// Clang importer cannot see the corresponding PCRE2 item directly.

#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H

// pcre2.h refuses to compile without a code unit width, and it must be set before the
// include. We only ever use the 8-bit library (UTF-8 and raw bytes), so the functions we
// call are the explicit `_8` names; the width-generic names such as `pcre2_compile` are
// function-like macros, which Swift does not import.
#define PCRE2_CODE_UNIT_WIDTH 8

#include <stddef.h>
#include <stdint.h>
#include <pcre2.h>

// PCRE2_UNSET is `(~(PCRE2_SIZE)0)`: a macro with a cast, which Swift does not import.
// It marks an unset capture group in the ovector. A `static const size_t` copy would be
// imported as an integer literal that overflows `Int` and does not compile, so this is a
// function. `size_t` arrives in Swift as `Int`, so the value is -1 there (the same bits).
static inline size_t cpcre2_unset(void) {
  return PCRE2_UNSET;
}

// PCRE2_ZERO_TERMINATED is `(~(PCRE2_SIZE)0)` as well, and is not imported for the same
// reason. The Swift wrapper always passes explicit byte lengths (pcre2_jit_match does not
// accept this value at all); the accessor exists so Swift code can name the sentinel, for
// example to assert that a length never collides with it.
static inline size_t cpcre2_zero_terminated(void) {
  return PCRE2_ZERO_TERMINATED;
}

#endif  // CPCRE2_SHIM_H
