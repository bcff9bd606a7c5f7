/* Small helpers for reading command-line values strictly. */
#ifndef KEYACCOUNTS_CLI_ARGS_H
#define KEYACCOUNTS_CLI_ARGS_H

#include <stdbool.h>
#include <stdint.h>

/* Whole decimal numbers only; false on junk, sign or overflow. */
bool args_u64(const char *s, uint64_t *out);
bool args_int(const char *s, int lo, int hi, int *out);

#endif
