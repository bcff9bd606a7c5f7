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

/* ---- recovery: every syntax error, and a repaired copy of the text ------- */

enum {
    JP_MAX_SYNTAX_REPORTS = 20, /* syntax errors reported before recovery gives up */
    JP_MAX_EDITS = 256,         /* repairs of one text (each error needs a few at most) */
};

/* One repair: del bytes at `at` of the original text replaced by ins. */
typedef struct JpEdit {
    size_t at;
    size_t del;
    const char *ins; /* static storage */
} JpEdit;

/* A stretch of the repaired text: copied from the original at orig, or
 * inserted there (then every byte of it maps to orig). */
typedef struct JpSegment {
    size_t out;
    size_t orig;
    size_t len;
    bool inserted;
} JpSegment;

typedef struct JpRepair {
    JpEdit edits[JP_MAX_EDITS];
    size_t edit_count;
    JpSegment *segments; /* edit_count * 2 + 1 at most, in the arena */
    size_t segment_count;
    char *text;          /* the repaired text, NUL-terminated, in the arena */
    size_t len;
    int errors;          /* syntax errors found (reported up to the cap) */
    JsonPos first;       /* where the first one is */
    bool eof_reported;   /* the file ends inside brackets: said once */
    bool gave_up;        /* too many errors or repairs: text is NULL */
    bool unrepaired;     /* the repairs did not give strict JSON (never expected; the
                          * fuzz target checks): text is NULL */
} JpRepair;

/* Checks the grammar of text that passed jp_prescan like jp_check_syntax, but
 * goes on after each mistake: reports it (KA103, or KA109 for a number written
 * with separators or a currency, KA110 for typographic quotes), repairs it (a
 * missing comma or quote inserted, a comment or a stray character removed, the
 * open brackets closed, ...) and checks the rest. Returns true when r->text is
 * the whole text repaired into strict JSON, false when there was no error
 * (r->errors == 0), recovery gave up, or memory ran out. Linear in len: every
 * repair either consumes input or is one of at most JP_MAX_EDITS. */
bool jp_repair(const char *buf, size_t len, Arena *a, Diagnostics *d, JpRepair *r);

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
/* The same for root parsed from r->text, a repair of orig[0..orig_len):
 * positions are those of the original text. */
bool jp_map_build_repaired(JsonPosMap *m, Arena *a, const JpRepair *r, const char *orig,
                           size_t orig_len, const cJSON *root);
/* Positions of a node's value and key; 0:0 when unknown. */
JsonPos jp_value_pos(const JsonPosMap *m, const cJSON *node);
JsonPos jp_key_pos(const JsonPosMap *m, const cJSON *node);

#endif
