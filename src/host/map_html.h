/* The scenario map: one self-contained HTML page (inline SVG and CSS, no
 * script, no external resources) that draws a scenario as its author wrote
 * it, with the warnings of validate on the things they name. For authors:
 * `keyaccounts map` and the window's F6 (docs/authoring.md). */
#ifndef KEYACCOUNTS_HOST_MAP_HTML_H
#define KEYACCOUNTS_HOST_MAP_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "msgs.h"

#include "keyaccounts/diag.h"
#include "keyaccounts/model.h"
#include "keyaccounts/text.h"

/* The bytes of a page. */
typedef struct MapPage {
    char *data; /* NUL-terminated; NULL while empty */
    size_t len, cap;
    bool oom;   /* a part was lost for want of memory */
} MapPage;

/* The map of s, loaded with lint, and its diagnostics d (NULL: none), the
 * page's own words in lang. Pure: the same scenario gives the same bytes.
 * Returns 0, or -1 when out of memory (the page is then empty). */
int map_html(const Scenario *s, const Diagnostics *d, Lang lang, MapPage *out);
void map_page_free(MapPage *p);

/* Reads the scenario file at scn_path, loads it with lint and writes its map
 * atomically to out_path; the page's words in lang, or in the scenario's
 * language when lang is negative. Every diagnostic goes to d. Returns 0
 * written; 1 the scenario has errors (in d), nothing written; -1 the file
 * could not be read or the map not written (why in m). */
int map_write(const char *scn_path, const char *out_path, int lang, Diagnostics *d, Msgs *m);

/* Where the window writes the map of scenario id: DATA/maps/ID.html (the
 * folder is made). NULL with a reason in why. */
const char *map_data_path(const char *id, char *buf, size_t n, char *why, size_t whylen);

#endif
