#define _POSIX_C_SOURCE 200809L
#include "shipped.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "keyaccounts/scenario.h"
#include "scnfile.h"

static int by_difficulty(const void *a, const void *b)
{
    const ShippedScenario *x = a, *y = b;
    if (x->difficulty != y->difficulty) {
        return x->difficulty - y->difficulty;
    }
    return strcmp(x->id, y->id);
}

size_t shipped_list(ShippedScenario *out, size_t max)
{
    const char *dir = scnfile_dir();
    PlatList names;
    char lwhy[256];
    if (plat_list(dir, &names, lwhy, sizeof lwhy) != 0) {
        return 0;
    }
    size_t n = 0;
    for (size_t k = 0; n < max && k < names.count; k++) {
        const char *name = names.names[k];
        size_t len = strlen(name);
        if (name[0] == '.' || len < 6 || strcmp(name + len - 5, ".json") != 0
            || len - 5 >= sizeof out[n].arg) {
            continue;
        }
        ShippedScenario *sc = &out[n];
        memset(sc, 0, sizeof *sc);
        snprintf(sc->path, sizeof sc->path, "%s/%s", dir, name);
        memcpy(sc->arg, name, len - 5);
        sc->arg[len - 5] = '\0';
        char why[256];
        size_t blen;
        char *buf = plat_read_file(sc->path, SCN_MAX_FILE_BYTES, &blen, why, sizeof why);
        if (!buf) {
            continue;
        }
        Diagnostics diags;
        diags_init(&diags);
        Scenario *s = scn_parse(buf, blen, sc->path, &diags);
        diags_deinit(&diags);
        free(buf);
        if (!s) {
            continue;
        }
        snprintf(sc->id, sizeof sc->id, "%s", s->id);
        snprintf(sc->title, sizeof sc->title, "%s", s->title);
        snprintf(sc->language, sizeof sc->language, "%s", s->language);
        sc->difficulty = s->difficulty;
        scenario_destroy(s);
        n++;
    }
    plat_list_free(&names);
    qsort(out, n, sizeof *out, by_difficulty);
    return n;
}
