/* Whole-file reading and atomic writing for the command-line layer. */
#ifndef KEYACCOUNTS_CLI_FILEIO_H
#define KEYACCOUNTS_CLI_FILEIO_H

#include <stddef.h>

/* Reads the whole file at path. On success returns a NUL-terminated buffer
 * (free with free()) and its length in *len. On failure returns NULL and puts
 * a one-line reason in err ("No such file or directory", "is a directory",
 * "larger than the 8 MiB limit", ...). Files larger than max are refused. */
char *file_read_all(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* Writes data to path atomically: a temporary file in the same directory,
 * flushed and fsync'd, then renamed over path, and the directory fsync'd.
 * Returns 0, or -1 with a reason in err; on failure the old file is untouched
 * and no temporary is left. Temporaries of this file left by a killed save
 * (older than a minute) are removed after a successful save. New files are
 * private to the user (mode 0600). */
int file_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen);

#endif
