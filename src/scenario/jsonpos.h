/* The scenario layer's own view of the JSON text, beside cJSON:
 *  - jp_prescan: encoding, size, nesting and string checks before cJSON runs;
 *  - jp_check_syntax: a strict JSON grammar check that names the first
 *    mistake precisely (cJSON only says where it stopped);
 *  - JsonPosMap: line and column of every cJSON node and of its key, found by
 *    walking the text and the parsed tree side by side.
 * Lines and columns are 1-based; columns count UTF-8 code points. Private to
 * src/scenario. */
#ifndef KEYACCOUNTS_SCENARIO_JSONPOS_H
#define KEYACCOUNTS_SCENARIO_JSONPOS_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "keyaccounts/arena.h"
#include "keyaccounts/diag.h"

typedef struct JsonPos {
    int line;
    int col;
} JsonPos;

/* Lexical checks of buf[0..len) (BOM already skipped): invalid UTF-8, NUL
 * bytes, \u0000 and unpaired surrogate escapes, strings over
 * SCN_MAX_STRING_BYTES, nesting over SCN_MAX_DEPTH. Reports each problem
 * (capped) and returns false when any was found. Linear, no allocation beyond
 * the diagnostics. */
bool jp_prescan(const char *buf, size_t len, Diagnostics *d);

/* Strict RFC 8259 grammar check of text that passed jp_prescan. Reports the
 * first mistake as one KA103 error and returns false; true when valid. */
bool jp_check_syntax(const char *buf, size_t len, Diagnostics *d);

typedef struct JsonPosEntry {
    const cJSON *node;
    JsonPos value; /* first character of the value */
    JsonPos key;   /* opening quote of its key; 0:0 for array items and the root */
} JsonPosEntry;

typedef struct JpIndex JpIndex;

/* Positions in document order, as the walk found them; the hash index from
 * node to entry is built on the first lookup, so a file without problems
 * never pays for it. */
typedef struct JsonPosMap {
    JsonPosEntry *entries;
    size_t count;
    JpIndex *index;
} JsonPosMap;

/* Builds the map for root, parsed by cJSON from buf[0..len), checking the
 * strict grammar on the way (one walk does both): cJSON accepts some text that
 * is not JSON, and that syntax error goes to d. Memory comes from a. False
 * when out of memory or on a syntax error (d->errors then grew). */
bool jp_map_build(JsonPosMap *m, Arena *a, const char *buf, size_t len, const cJSON *root,
                  Diagnostics *d);
/* Positions of a node's value and key; 0:0 when unknown. */
JsonPos jp_value_pos(const JsonPosMap *m, const cJSON *node);
JsonPos jp_key_pos(const JsonPosMap *m, const cJSON *node);

#endif
