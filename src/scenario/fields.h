/* Field tables: every key of every object of every file format (scenarios,
 * sessions, results) is described once (key, kind, required, bounds, where it
 * is stored) and checked by the generic code here: unknown and duplicate keys,
 * missing required keys, wrong types, ranges, enum values, id syntax, text
 * lengths and list sizes. The readers (load.c, session.c) add what a table
 * cannot say: references and cross-field rules. Private to src/scenario. */
#ifndef KEYACCOUNTS_SCENARIO_FIELDS_H
#define KEYACCOUNTS_SCENARIO_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "jsonpos.h"
#include "keyaccounts/arena.h"
#include "keyaccounts/diag.h"

/* Money above this is refused (a trillion: no client buys more per year). */
#define FIELD_MAX_MONEY INT64_C(1000000000000)

typedef enum FieldKind {
    FK_INT,    /* whole number in [min, max], stored as int */
    FK_MONEY,  /* whole number in [min, max], stored as int64_t */
    FK_BOOL,   /* true or false, stored as bool */
    FK_TEXT,   /* text of min..max characters (min 1: not blank), stored as const char * */
    FK_ID,     /* an id (see tu_is_id), stored as const char * */
    FK_ENUM,   /* one of values->keys, stored as an int-sized enum */
    FK_REF,    /* an id naming something else; the loader resolves it */
    FK_OBJECT, /* an object; the loader checks it with its own table */
    FK_ARRAY,  /* a list of min..max items of kind `item` */
    FK_U64,    /* an unsigned 64-bit number as a string of 1..20 decimal digits, stored as uint64_t */
    FK_HEX64,  /* an unsigned 64-bit number as a string of 16 hex digits, stored as uint64_t */
} FieldKind;

/* An enum's keys (the model's arrays, model.h); keys[i] is stored as base + i. */
typedef struct EnumSpec {
    const char *const *keys;
    int count;
    int base;
} EnumSpec;

/* Where the value of an optional field comes from when the key is absent. */
typedef enum FieldDefault {
    DEF_NONE,  /* required, or absence means "not given" */
    DEF_ROW,   /* the row's def (number, bool, enum index) or def_text; fields_defaults writes it */
    DEF_MODEL, /* what scenario_create() leaves in the Scenario: core tests build scenarios
                * without files, so model.c holds these */
    DEF_RULE,  /* worked out by the reader from other fields; def_text says how */
} FieldDefault;

typedef struct ObjectSpec ObjectSpec;

typedef struct FieldSpec {
    const char *key;
    FieldKind kind;
    bool required;
    int64_t min, max;       /* value (INT, MONEY), characters (TEXT), items (ARRAY) */
    bool stored;            /* fields_store copies it to offset in the target */
    size_t offset;
    const EnumSpec *values; /* ENUM, or ARRAY of ENUM */
    FieldKind item;         /* ARRAY: kind of each item (TEXT, ID, ENUM, REF or OBJECT) */
    int64_t item_max;       /* ARRAY of TEXT: characters per item */
    bool unique;            /* ARRAY: no item twice (REF items: the reader checks, as it resolves them) */
    const ObjectSpec *object; /* OBJECT, or ARRAY of OBJECT: the table of the object */
    FieldDefault def_kind;
    int64_t def;            /* DEF_ROW of INT, MONEY, BOOL, ENUM */
    const char *def_text;   /* DEF_ROW of TEXT; DEF_RULE: the rule in words */
} FieldSpec;

#define FIELD_STORE(type, member) .stored = true, .offset = offsetof(type, member)
#define DEFAULT(v) .def_kind = DEF_ROW, .def = (v)
#define DEFAULT_TEXT(t) .def_kind = DEF_ROW, .def_text = (t)
#define DEFAULT_FROM_MODEL .def_kind = DEF_MODEL
#define DEFAULT_BY_RULE(how) .def_kind = DEF_RULE, .def_text = (how)

/* An object's rows: a table, or (keyed) one row per key of an enum, each like
 * `each` and stored at each->offset + i * stride, so that the keys are the
 * model's own array. */
struct ObjectSpec {
    const FieldSpec *fields;
    size_t count;
    const EnumSpec *keys;
    const FieldSpec *each;
    size_t stride;
};

#define OBJECT_SPEC(table) {table, sizeof table / sizeof table[0], NULL, NULL, 0}
#define KEYED_SPEC(keys, each, stride) {NULL, 0, keys, each, stride}

enum { FIELDS_MAX = 24, FIELD_PATH_MAX = 192 };

/* The diagnostic codes of one file format, and the document naming its keys. */
typedef struct FieldFormat {
    const char *unknown_key, *duplicate_key, *wrong_type, *missing_key;
    const char *out_of_range, *bad_enum, *bad_id, *empty_text, *fraction;
    const char *too_few_items, *too_many_items, *repeated_item;
    const char *reference; /* "docs/scenario-format.md" */
} FieldFormat;

/* What the checks need: the format, where to report, positions, where to copy
 * strings. */
typedef struct FieldCtx {
    const FieldFormat *format;
    Diagnostics *d;
    const JsonPosMap *map;
    Arena *arena;
    bool oom;
    int suggestions_left; /* bounds the cost of "did you mean" on huge files */
} FieldCtx;

void fc_report(FieldCtx *fc, Severity sev, const char *code, JsonPos at, const char *path,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));
JsonPos fc_pos(const FieldCtx *fc, const cJSON *node);
JsonPos fc_key_pos(const FieldCtx *fc, const cJSON *node);

/* "base.key" and "base.key[i]" (just "key" when base is ""). */
void path_key(char *out, const char *base, const char *key);
void path_item(char *out, const char *base, const char *key, int index);

/* The rows of spec: a keyed spec written out into rows[], any other as it is. */
ObjectSpec spec_rows(const ObjectSpec *spec, FieldSpec rows[FIELDS_MAX]);

/* Checks obj against spec; found[i] is set to the value of field i when it is
 * present and valid, else NULL. Returns false when obj is not an object. */
bool fields_check(FieldCtx *fc, const cJSON *obj, const ObjectSpec *spec, const char *path,
                  const cJSON *found[FIELDS_MAX]);
/* Writes the DEF_ROW default of every stored field into target. */
void fields_defaults(const ObjectSpec *spec, void *target);
/* Copies every valid stored field into target. */
void fields_store(FieldCtx *fc, const ObjectSpec *spec, const cJSON *const found[FIELDS_MAX],
                  void *target);
/* The found value of key (which must be in spec), or NULL. */
const cJSON *fields_get(const ObjectSpec *spec, const cJSON *const found[FIELDS_MAX],
                        const char *key);

/* Checks one value against a field's rules, reporting at path. */
bool field_check_value(FieldCtx *fc, const FieldSpec *f, const cJSON *v, const char *path);
/* The integral value of a number node already checked by field_check_value. */
int64_t field_int(const cJSON *v);
/* The value of an FK_U64 or FK_HEX64 node already checked by field_check_value. */
uint64_t field_u64(const FieldSpec *f, const cJSON *v);

/* Index of key in values, or -1. */
int enum_find(const EnumSpec *values, const char *key);
/* The stored value of a key enum_find knows (base + index). */
int enum_value(const EnumSpec *values, const char *key);
/* Reports an unknown value of an enum with a suggestion and the choices. */
void fields_bad_enum(FieldCtx *fc, const EnumSpec *values, const cJSON *v, const char *path,
                     const char *what);
/* The closest key to word among an enum's keys within the edit limit, or NULL. */
const char *enum_suggest(const EnumSpec *values, const char *word);

#endif
