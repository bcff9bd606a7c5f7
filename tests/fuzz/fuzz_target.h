/* The libFuzzer entry point, shared by the fuzz targets and replay_main.c. */
#ifndef KEYACCOUNTS_TESTS_FUZZ_TARGET_H
#define KEYACCOUNTS_TESTS_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
