#include "args.h"

#include <errno.h>
#include <stdlib.h>

bool args_u64(const char *s, uint64_t *out)
{
    if (!s || *s < '0' || *s > '9') {
        return false;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) {
        return false;
    }
    *out = (uint64_t)v;
    return true;
}

bool args_int(const char *s, int lo, int hi, int *out)
{
    uint64_t v;
    if (!args_u64(s, &v) || v < (uint64_t)(lo < 0 ? 0 : lo) || v > (uint64_t)hi) {
        return false;
    }
    *out = (int)v;
    return true;
}
