#define _POSIX_C_SOURCE 200809L
#include "scnfile.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *scnfile_dir(void)
{
    const char *env = getenv("KEYACCOUNTS_SCENARIOS");
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
    struct stat st;
    if (stat(arg, &st) == 0 || strchr(arg, '/') || strstr(arg, ".json")) {
        snprintf(buf, n, "%s", arg);
    } else {
        snprintf(buf, n, "%s/%s.json", scnfile_dir(), arg);
    }
    return buf;
}

Scenario *scnfile_load(const char *arg, uint64_t *hash, FILE *err)
{
    char path[4096];
    scnfile_resolve(arg, path, sizeof path);
    char why[256];
    size_t len = 0;
    char *buf = plat_read_file(path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    if (!buf) {
        fprintf(err, "%s: error [KA100]: cannot read the scenario: %s\n", path, why);
        return NULL;
    }
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(buf, len, path, &d);
    if (hash) {
        *hash = scn_hash(buf, len);
    }
    free(buf);
    if (!s) {
        Diagnostics errors;
        diags_init(&errors);
        for (size_t i = 0; i < d.count; i++) {
            const Diagnostic *x = &d.items[i];
            if (x->severity == SEV_ERROR) {
                diags_add(&errors, x->severity, x->code, x->line, x->column, x->path, "%s", x->message);
            }
        }
        diags_print(&errors, path, err);
        fprintf(err, "%s: the scenario has %zu error%s; fix %s and try again "
                     "(keyaccounts validate %s shows every problem)\n",
                path, d.errors, d.errors == 1 ? "" : "s", d.errors == 1 ? "it" : "them", path);
        diags_deinit(&errors);
    }
    diags_deinit(&d);
    return s;
}
