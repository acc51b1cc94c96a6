// CArchive: the system libarchive (libarchive-dev, pkg-config "libarchive"), seen from Swift,
// and the codec libraries it is built on: zlib (zlib1g-dev), libbz2 (libbz2-dev), liblzma
// (liblzma-dev) and libzstd (libzstd-dev).
//
// Only the PIIScanArchive target imports this module. PIIScanArchive decodes gzip, bzip2, xz and
// zstd streams with the codecs directly (Sources/PIIScanArchive/StreamDecoders.swift says why);
// libarchive reads the archive formats and the rarer compressions. Everything defined here
// exists because Swift's Clang importer cannot see the corresponding C item directly.

#ifndef CARCHIVE_SHIM_H
#define CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>
#include <bzlib.h>
#include <locale.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

// archive_set_error is variadic (printf-style), and Swift does not import variadic C
// functions. The reader's client callbacks use it to tell libarchive why a read or seek from
// the Swift source failed; passing the message through "%s" keeps a '%' in it harmless.
static inline void carchive_set_error(struct archive *a, int error_number, const char *message) {
  archive_set_error(a, error_number, "%s", message);
}

// The AE_IF* file-type constants are macros with a cast, `((__LA_MODE_T)0100000)`, which Swift
// does not import. archive_entry_filetype() returns one of them.
static inline unsigned int carchive_filetype_regular(void) { return AE_IFREG; }
static inline unsigned int carchive_filetype_directory(void) { return AE_IFDIR; }
static inline unsigned int carchive_filetype_symlink(void) { return AE_IFLNK; }

// libarchive converts entry names between the archive's charset and the charset of the
// *current locale*. A Swift process runs in the "C" locale, where a UTF-8 name (pax headers,
// zip entries flagged UTF-8, every 7z name) cannot be converted and comes back NULL. The
// reader therefore switches the calling thread (uselocale) to this locale around header reads.
// LC_CTYPE_MASK is `(1 << __LC_CTYPE)`, a macro Swift may not import, hence the wrapper.
// Returns (locale_t)0 when the C library has no C.UTF-8 locale.
static inline locale_t carchive_new_utf8_ctype_locale(void) {
  return newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

// inflateInit2 is a function-like macro (it passes the zlib version and the z_stream size), which
// Swift does not import. 16 + MAX_WBITS: a gzip wrapper (RFC 1952) with the largest window; the
// wrapper's CRC-32 and length are checked at the end of each member.
static inline int carchive_inflate_init_gzip(z_stream *stream) {
  return inflateInit2(stream, 16 + MAX_WBITS);
}

#endif  // CARCHIVE_SHIM_H
