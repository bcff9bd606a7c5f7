/* The scenarios results are checked against (library.h). */
#include "library.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "platform.h"
#include "scnfile.h"

enum { LIB_PATH = 4096 };

typedef struct Entry {
    char path[LIB_PATH];
    char real[LIB_PATH];
    char *bytes;
    size_t len;
    uint64_t hash;
    bool parsed;
    Scenario *scn; /* NULL when not parsed yet or invalid */
} Entry;

struct ScnLibrary {
    Entry *items;
    size_t count, cap;
    char shipped_dir[LIB_PATH];
    char data_dir[LIB_PATH];
    size_t given;
};

/* Adds the file; 0 also when it is already there, -1 when it cannot be read
 * (the reason in why) or memory ran out. */
static int add(ScnLibrary *lib, const char *path, char *why, size_t n)
{
    char real[LIB_PATH];
    const char *r = plat_realpath(path, real, sizeof real);
    for (size_t k = 0; r && k < lib->count; k++) {
        if (strcmp(lib->items[k].real, r) == 0) {
            return 0;
        }
    }
    if (lib->count == lib->cap) {
        size_t nc = lib->cap ? lib->cap * 2 : 16;
        Entry *grown = realloc(lib->items, nc * sizeof *grown);
        if (!grown) {
            snprintf(why, n, "out of memory");
            return -1;
        }
        lib->items = grown;
        lib->cap = nc;
    }
    Entry *e = &lib->items[lib->count];
    memset(e, 0, sizeof *e);
    e->bytes = plat_read_file(path, SCN_MAX_FILE_BYTES, &e->len, why, n);
    if (!e->bytes) {
        return -1;
    }
    snprintf(e->path, sizeof e->path, "%s", path);
    snprintf(e->real, sizeof e->real, "%s", r ? r : path);
    e->hash = scn_hash(e->bytes, e->len);
    lib->count++;
    return 0;
}

/* Every *.json of dir (sorted by name); files that cannot be read are skipped. */
static void add_folder(ScnLibrary *lib, const char *dir)
{
    PlatList names;
    char why[256];
    if (plat_kind(dir) != PLAT_DIR || plat_list(dir, &names, why, sizeof why) != 0) {
        return;
    }
    for (size_t k = 0; k < names.count; k++) {
        const char *name = names.names[k];
        size_t len = strlen(name);
        char path[LIB_PATH];
        if (name[0] == '.' || len < 6 || strcmp(name + len - 5, ".json") != 0
            || snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
            continue;
        }
        (void)add(lib, path, why, sizeof why);
    }
    plat_list_free(&names);
}

ScnLibrary *library_create(const char *const *given, size_t n_given, Msgs *m)
{
    ScnLibrary *lib = calloc(1, sizeof *lib);
    if (!lib) {
        msgs_add(m, "out of memory");
        return NULL;
    }
    char why[512];
    for (size_t k = 0; k < n_given; k++) {
        if (add(lib, given[k], why, sizeof why) != 0) {
            msgs_add(m, "%s: error [KA100]: cannot read the scenario: %s", given[k], why);
            library_destroy(lib);
            return NULL;
        }
    }
    lib->given = lib->count;
    snprintf(lib->shipped_dir, sizeof lib->shipped_dir, "%s", scnfile_dir());
    add_folder(lib, lib->shipped_dir);
    char base[LIB_PATH];
    if (plat_data_dir(base, sizeof base)
        && snprintf(lib->data_dir, sizeof lib->data_dir, "%s/scenarios", base) < (int)sizeof lib->data_dir) {
        add_folder(lib, lib->data_dir);
    } else {
        lib->data_dir[0] = '\0';
    }
    return lib;
}

void library_destroy(ScnLibrary *lib)
{
    if (!lib) {
        return;
    }
    for (size_t k = 0; k < lib->count; k++) {
        free(lib->items[k].bytes);
        scenario_destroy(lib->items[k].scn);
    }
    free(lib->items);
    free(lib);
}

static const Scenario *parsed(Entry *e)
{
    if (!e->parsed) {
        Diagnostics d;
        diags_init(&d);
        e->scn = scn_parse(e->bytes, e->len, e->path, &d);
        diags_deinit(&d);
        e->parsed = true;
    }
    return e->scn;
}

bool library_find(ScnLibrary *lib, const char *id, uint64_t hash, ScnFound *out)
{
    for (size_t k = 0; k < lib->count; k++) {
        Entry *e = &lib->items[k];
        const Scenario *s = e->hash == hash ? parsed(e) : NULL;
        if (s && strcmp(s->id, id) == 0) {
            *out = (ScnFound){e->path, e->bytes, e->len, s};
            return true;
        }
    }
    return false;
}

void library_explain_unknown(ScnLibrary *lib, const char *id, uint64_t hash, char *buf, size_t n)
{
    size_t w = (size_t)snprintf(buf, n, "scenario unknown: no file holds '%s' with the hash %016" PRIx64
                                " the result was played on (looked in %s%s%s%s%s)", id, hash,
                                lib->given ? "the --scenario files, " : "", lib->shipped_dir,
                                lib->data_dir[0] ? " and " : "", lib->data_dir, "");
    for (size_t k = 0; k < lib->count && w < n; k++) {
        Entry *e = &lib->items[k];
        const Scenario *s = parsed(e);
        if (s && strcmp(s->id, id) == 0) {
            w += (size_t)snprintf(buf + w, n - w, "; %s holds another version (hash %016" PRIx64 ")", e->path,
                                  e->hash);
        }
    }
}
