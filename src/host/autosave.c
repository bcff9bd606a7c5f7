#include "autosave.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"

enum { AUTOSAVE_PATH_BYTES = 4096, AUTOSAVE_MAX_BYTES = 1 << 22 };

static const char AUTOSAVE[] = "autosave.json";
static const char LAST_SESSION[] = "last-session.json";

/* dir/name in buf; false when there is no data folder or it does not fit. */
static bool join(const char *dir, const char *name, char *buf, size_t n, char *err, size_t errlen)
{
    char data[AUTOSAVE_PATH_BYTES];
    if (!dir) {
        dir = plat_data_subdir(NULL, data, sizeof data, err, errlen);
        if (!dir) {
            return false;
        }
    }
    size_t len = strlen(dir);
    const char *sep = len > 0 && dir[len - 1] == '/' ? "" : "/";
    int w = snprintf(buf, n, "%s%s%s", dir, sep, name);
    if (w < 0 || (size_t)w >= n) {
        snprintf(err, errlen, "the data folder's path is too long");
        return false;
    }
    return true;
}

int autosave_write(const HostSession *h, const char *dir, char *err, size_t errlen)
{
    char path[AUTOSAVE_PATH_BYTES], done[AUTOSAVE_PATH_BYTES];
    if (!join(dir, AUTOSAVE, path, sizeof path, err, errlen)
        || !join(dir, LAST_SESSION, done, sizeof done, err, errlen)) {
        return -1;
    }
    size_t len = 0;
    char *json = host_session_json(h, &len);
    if (!json) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc;
    if (sim_over(host_sim_const(h))) {
        rc = plat_write_atomic(done, json, len, err, errlen);
        if (rc == 0) {
            (void)plat_remove(path); /* nothing left to resume */
        }
    } else {
        rc = plat_write_atomic(path, json, len, err, errlen);
    }
    free(json);
    return rc;
}

/* A damaged save is never overwritten: renamed FILE.damaged (or
 * FILE.damaged-2, ...). */
static void set_aside(const char *path, char *aside, size_t n)
{
    for (int k = 1; k < 100; k++) {
        if (k == 1) {
            snprintf(aside, n, "%s.damaged", path);
        } else {
            snprintf(aside, n, "%s.damaged-%d", path, k);
        }
        if (plat_kind(aside) == PLAT_MISSING) {
            break;
        }
    }
    if (plat_rename(path, aside, NULL, 0) != 0) {
        snprintf(aside, n, "%s", path); /* cannot move it: at least say which file */
    }
}

AutosaveFound autosave_read(const char *dir, SessionRecord *rec, char *aside, size_t asidelen)
{
    char path[AUTOSAVE_PATH_BYTES], why[256];
    memset(rec, 0, sizeof *rec);
    if (aside && asidelen) {
        aside[0] = '\0';
    }
    if (!join(dir, AUTOSAVE, path, sizeof path, why, sizeof why) || plat_kind(path) == PLAT_MISSING) {
        return AUTOSAVE_NONE;
    }
    size_t len = 0;
    char *buf = plat_read_file(path, AUTOSAVE_MAX_BYTES, &len, why, sizeof why);
    Diagnostics d;
    diags_init(&d);
    int rc = buf ? session_from_json(buf, len, path, rec, &d) : -1;
    bool oom = d.oom;
    diags_deinit(&d);
    free(buf);
    if (rc == 0) {
        return AUTOSAVE_FOUND;
    }
    session_record_free(rec);
    memset(rec, 0, sizeof *rec);
    if (oom) {
        return AUTOSAVE_NO_MEMORY;
    }
    char moved[AUTOSAVE_PATH_BYTES + 32];
    set_aside(path, moved, sizeof moved);
    if (aside && asidelen) {
        snprintf(aside, asidelen, "%s", moved);
    }
    return AUTOSAVE_DAMAGED;
}

bool autosave_matches(const SessionRecord *rec, const char *scenario_id, const char *path)
{
    char a[AUTOSAVE_PATH_BYTES], b[AUTOSAVE_PATH_BYTES];
    if (!rec->scenario_id || !rec->scenario_path || strcmp(rec->scenario_id, scenario_id) != 0) {
        return false;
    }
    const char *ra = plat_realpath(rec->scenario_path, a, sizeof a);
    const char *rb = plat_realpath(path, b, sizeof b);
    return ra && rb && strcmp(ra, rb) == 0;
}

void autosave_discard(const char *dir)
{
    char path[AUTOSAVE_PATH_BYTES], why[256];
    if (join(dir, AUTOSAVE, path, sizeof path, why, sizeof why)) {
        (void)plat_remove(path);
    }
}
