#define _POSIX_C_SOURCE 200809L
#include "scnfile.h"

#include <stdbool.h>
#include <stdio.h>
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
        return buf;
    }
    snprintf(buf, n, "%s/%s.json", scnfile_dir(), arg);
    if (plat_kind(buf) == PLAT_FILE) {
        return buf;
    }
    char mine[4096]; /* the trainee's own scenarios: DATA/scenarios/ID.json */
    if (plat_data_dir(mine, sizeof mine)) {
        char path[4200];
        snprintf(path, sizeof path, "%s/scenarios/%s.json", mine, arg);
        if (plat_kind(path) == PLAT_FILE) {
            snprintf(buf, n, "%s", path);
        }
    }
    return buf;
}

/* Single quotes for the shell when s holds anything but [A-Za-z0-9/._+-]. */
static const char *shell_word(const char *s, char *buf, size_t n)
{
    bool plain = s[0] != '\0';
    for (const char *p = s; *p && plain; p++) {
        plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._+-", *p) != NULL;
    }
    if (plain) {
        snprintf(buf, n, "%s", s);
        return buf;
    }
    size_t k = 0;
    if (k + 1 < n) {
        buf[k++] = '\'';
    }
    for (const char *p = s; *p && k + 5 < n; p++) {
        if (*p == '\'') { /* ' ends the quote, \' is one quote, ' opens again */
            memcpy(buf + k, "'\\''", 4);
            k += 4;
        } else {
            buf[k++] = *p;
        }
    }
    if (k + 1 < n) {
        buf[k++] = '\'';
    }
    buf[k < n ? k : n - 1] = '\0';
    return buf;
}

const char *scnfile_play_arg(const char *path, char *buf, size_t n)
{
    char abs[4096], name[256], again[4200], back[4096];
    const char *real = plat_realpath(path, abs, sizeof abs);
    if (!real) {
        return shell_word(path, buf, n); /* gone since: the best there is */
    }
    const char *base = strrchr(real, '/');
    base = base ? base + 1 : real;
    size_t len = strlen(base);
    if (len > 5 && len - 5 < sizeof name && strcmp(base + len - 5, ".json") == 0) {
        memcpy(name, base, len - 5);
        name[len - 5] = '\0';
        const char *r = plat_kind(name) == PLAT_MISSING ? plat_realpath(scnfile_resolve(name, again, sizeof again),
                                                                         back, sizeof back)
                                                         : NULL;
        if (r && strcmp(r, real) == 0) {
            return shell_word(name, buf, n);
        }
    }
    return shell_word(real, buf, n);
}
