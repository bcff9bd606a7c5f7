/* Reading a whole test input into memory, for tests and benchmarks that do
 * not link the platform layer's plat_read_file. Returns a NUL-terminated buffer to
 * free(), or NULL when the file cannot be read. */
#ifndef KEYACCOUNTS_TESTS_SLURP_H
#define KEYACCOUNTS_TESTS_SLURP_H

#include <stdio.h>
#include <stdlib.h>

static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n + 1);
    }
    *len = buf ? fread(buf, 1, (size_t)n, f) : 0;
    if (buf) {
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

#endif
