/* The one door to the heap. Test builds can make the N-th allocation fail
 * (alloc_fail_after) so that out-of-memory paths are exercised. */
#ifndef KEYACCOUNTS_ALLOC_H
#define KEYACCOUNTS_ALLOC_H

#include <stddef.h>

void *ka_malloc(size_t size);
void *ka_calloc(size_t count, size_t size);
void *ka_realloc(void *p, size_t size);
void ka_free(void *p);

/* Testing hook: the n-th allocation from now fails (n >= 1); 0 disables.
 * Returns the number of allocations made since the last call. */
unsigned long alloc_fail_after(unsigned long n);

#endif
