#include "keyaccounts/alloc.h"

#include <stdlib.h>

/* The only mutable file-scope state in the core: a test hook. It stays zero
 * (no failures injected) unless a test calls alloc_fail_after(). */
static unsigned long fail_at;
static unsigned long count;

static int should_fail(void)
{
    count++;
    if (fail_at != 0 && count >= fail_at) {
        return 1;
    }
    return 0;
}

unsigned long alloc_fail_after(unsigned long n)
{
    unsigned long made = count;
    fail_at = n;
    count = 0;
    return made;
}

void *ka_malloc(size_t size)
{
    return should_fail() ? NULL : malloc(size ? size : 1);
}

void *ka_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *ka_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : realloc(p, size ? size : 1);
}

void ka_free(void *p)
{
    free(p);
}
