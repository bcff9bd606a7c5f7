#define _POSIX_C_SOURCE 200809L
#include "scnfile.h"

#include <stdlib.h>
#include <string.h>

#include "platform.h"

static bool is_dir(const char *p)
{
    return plat_kind(p) == PLAT_DIR;
}

const char *scnfile_dir(void)
{
    const char *env = plat_env("KEYACCOUNTS_SCENARIOS");
    if (env && env[0]) {
        return env;
    }
    if (is_dir(KA_SCENARIO_DIR)) {
        return KA_SCENARIO_DIR;
    }
    return KA_INSTALLED_SCENARIO_DIR;
}

const char *scnfile_resolve(const char *arg, char *buf, size_t n)
{
    if (plat_kind(arg) != PLAT_MISSING || strchr(arg, '/') || strstr(arg, ".json")) {
        snprintf(buf, n, "%s", arg);
    } else {
        snprintf(buf, n, "%s/%s.json", scnfile_dir(), arg);
    }
    return buf;
}
