#define _XOPEN_SOURCE 700
#include "results.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>


#include "platform.h"
#include "shipped.h"
#include "scnfile.h"
#include "keyaccounts/scenario.h"

const char *results_now(char *buf, size_t n)
{
    return plat_utc_text(plat_now(), buf, n);
}

/* A file-name-safe form of the trainee's name: letters and digits kept (UTF-8
 * letters too), everything else one '-'; at most max bytes, whole characters. */
static void slug(const char *in, char *out, size_t max)
{
    size_t k = 0;
    bool dash = false;
    for (const unsigned char *p = (const unsigned char *)in; *p;) {
        size_t clen = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
        bool keep = *p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
        if (keep) {
            if (k + clen + 1 > max) {
                break;
            }
            for (size_t i = 0; i < clen && p[i]; i++) {
                out[k++] = (char)p[i];
            }
            dash = false;
        } else if (!dash && k > 0 && k + 2 <= max) {
            out[k++] = '-';
            dash = true;
        }
        for (size_t i = 0; i < clen && *p; i++) {
            p++;
        }
    }
    while (k > 0 && out[k - 1] == '-') {
        k--;
    }
    out[k] = '\0';
}

int results_save(const Sim *sim, const ResultMeta *meta, char *path, size_t n, char *err, size_t errlen)
{
    if (errlen > 0) {
        err[0] = '\0';
    }
    char dir[4096];
    if (!plat_data_subdir("results", dir, sizeof dir, err, errlen)) {
        return -1;
    }
    size_t len;
    char *json = result_to_json(sim, meta, &len);
    if (!json) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* 2025-03-01T09:30:00Z -> 20250301-093000 */
    char stamp[32] = "";
    size_t k = 0;
    for (const char *p = meta->finished_at; *p && k + 1 < sizeof stamp; p++) {
        if (*p >= '0' && *p <= '9') {
            stamp[k++] = *p;
            if (k == 8) {
                stamp[k++] = '-';
            }
        }
    }
    stamp[k] = '\0';
    char who[64];
    slug(meta->trainee ? meta->trainee : "", who, sizeof who);
    int rc = -1;
    for (int attempt = 1; attempt < 1000; attempt++) {
        char suffix[16] = "";
        if (attempt > 1) {
            snprintf(suffix, sizeof suffix, "-%d", attempt);
        }
        int w = snprintf(path, n, "%s/%s-%s%s%s-seed%" PRIu64 "%s.json", dir, sim_scenario(sim)->id, stamp,
                         who[0] ? "-" : "", who, sim_seed(sim), suffix);
        if (w < 0 || (size_t)w >= n) {
            snprintf(err, errlen, "the result's path is too long");
            break;
        }
        rc = plat_write_new(path, json, len, err, errlen);
        if (rc == 1) {
            rc = -1;
            continue; /* never overwrite an earlier result, nor one saved at the same moment */
        }
        break;
    }
    if (rc != 0 && !err[0]) {
        snprintf(err, errlen, "999 results of this name already exist in %s", dir);
    }
    free(json);
    return rc;
}

bool results_name_ok(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    if (strlen(name) > 200) {
        return false;
    }
    while (*p) {
        if (*p < 0x20 || *p == 0x7f) {
            return false;
        }
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *p < 0xC2) || (n == 3 && *p > 0xF4)) {
            return false;
        }
        uint32_t cp = n == 0 ? *p : (uint32_t)(*p & (0x3F >> n));
        for (int i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        p += n + 1;
    }
    return true;
}

int results_load(const char *path, ResultRecord *out, Msgs *m)
{
    char why[256];
    size_t len;
    memset(out, 0, sizeof *out);
    char *buf = plat_read_file(path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    if (!buf) {
        msgs_add(m, "%s: error [KA100]: cannot read the result: %s", path, why);
        return -1;
    }
    Diagnostics d;
    diags_init(&d);
    int rc = result_from_json(buf, len, path, out, &d);
    free(buf);
    if (rc != 0) {
        diags_sort(&d);
        msgs_add_diags(m, &d, path);
    }
    diags_deinit(&d);
    return rc;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* Appends a copy of path to the list. */
static int push(char ***list, size_t *count, size_t *cap, const char *path)
{
    if (*count == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char **grown = realloc(*list, nc * sizeof *grown);
        if (!grown) {
            return -1;
        }
        *list = grown;
        *cap = nc;
    }
    char *copy = strdup(path);
    if (!copy) {
        return -1;
    }
    (*list)[(*count)++] = copy;
    return 0;
}

int results_collect(char **args, int n, ResultSet *set, Msgs *m)
{
    memset(set, 0, sizeof *set);
    char **files = NULL;
    size_t count = 0, cap = 0;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        if (plat_kind(args[i]) == PLAT_DIR) {
            PlatList names;
            char why[256];
            if (plat_list(args[i], &names, why, sizeof why) != 0) {
                msgs_add(m, "%s: error [KA100]: cannot read the folder: %s", args[i], why);
                set->failed++;
                continue;
            }
            for (size_t e = 0; rc == 0 && e < names.count; e++) { /* sorted by name */
                const char *name = names.names[e];
                if (name[0] == '.' || !ends_with(name, ".json")
                    || ends_with(name, ".xapi.json")) { /* xAPI statements beside a result */
                    continue;
                }
                char p[4096];
                int w = snprintf(p, sizeof p, "%s/%s", args[i], name);
                if (w > 0 && (size_t)w < sizeof p) {
                    rc = push(&files, &count, &cap, p);
                }
            }
            plat_list_free(&names);
        } else {
            rc = push(&files, &count, &cap, args[i]);
        }
    }
    if (rc == 0 && count > 0) {
        set->items = calloc(count, sizeof *set->items);
        set->paths = calloc(count, sizeof *set->paths);
        rc = set->items && set->paths ? 0 : -1;
    }
    char **seen = rc == 0 && count ? calloc(count, sizeof *seen) : NULL;
    size_t nseen = 0;
    for (size_t k = 0; rc == 0 && k < count; k++) {
        char realbuf[4096];
        const char *found = plat_realpath(files[k], realbuf, sizeof realbuf);
        char *real = found ? strdup(found) : NULL;
        bool dup = false;
        for (size_t j = 0; real && j < nseen && !dup; j++) {
            dup = strcmp(seen[j], real) == 0;
        }
        if (dup) {
            free(real);
            continue;
        }
        if (real && seen) {
            seen[nseen++] = real;
        } else {
            free(real);
        }
        if (results_load(files[k], &set->items[set->count], m) != 0) {
            set->failed++;
            continue;
        }
        set->paths[set->count++] = files[k];
        files[k] = NULL;
    }
    for (size_t j = 0; j < nseen; j++) {
        free(seen[j]);
    }
    free(seen);
    for (size_t k = 0; k < count; k++) {
        free(files[k]);
    }
    free(files);
    return rc;
}

void results_set_free(ResultSet *set)
{
    for (size_t k = 0; k < set->count; k++) {
        result_record_free(&set->items[k]);
        free(set->paths[k]);
    }
    free(set->items);
    free(set->paths);
    free(set->checks);
    memset(set, 0, sizeof *set);
}
