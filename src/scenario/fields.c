#include "fields.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "textutil.h"

void fc_report(FieldCtx *fc, Severity sev, const char *code, JsonPos at, const char *path,
               const char *fmt, ...)
{
    char text[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    diags_add(fc->d, sev, code, at.line, at.col, path, "%s", text);
}

JsonPos fc_pos(const FieldCtx *fc, const cJSON *node)
{
    return jp_value_pos(fc->map, node);
}

JsonPos fc_key_pos(const FieldCtx *fc, const cJSON *node)
{
    return jp_key_pos(fc->map, node);
}

/* Paths are built for every object, so these avoid printf: appends src to
 * out[*at..], truncating at FIELD_PATH_MAX. */
static void path_append(char *out, size_t *at, const char *src)
{
    size_t n = strlen(src);
    if (n > FIELD_PATH_MAX - 1 - *at) {
        n = FIELD_PATH_MAX - 1 - *at;
    }
    memcpy(out + *at, src, n);
    *at += n;
    out[*at] = '\0';
}

void path_key(char *out, const char *base, const char *key)
{
    size_t at = 0;
    out[0] = '\0';
    path_append(out, &at, base);
    path_append(out, &at, base[0] ? "." : "");
    path_append(out, &at, key);
}

void path_item(char *out, const char *base, const char *key, int index)
{
    char num[16];
    char *p = num + sizeof num;
    *--p = '\0';
    *--p = ']';
    unsigned v = index < 0 ? 0u : (unsigned)index;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    *--p = '[';
    size_t at = 0;
    out[0] = '\0';
    path_append(out, &at, base);
    path_append(out, &at, base[0] && key[0] ? "." : "");
    path_append(out, &at, key);
    path_append(out, &at, p);
}

/* "text", "a number", ... for "but it is ..." messages. */
static const char *json_kind_name(const cJSON *v)
{
    if (cJSON_IsString(v)) {
        return "text";
    }
    if (cJSON_IsNumber(v)) {
        return "a number";
    }
    if (cJSON_IsBool(v)) {
        return v->type & cJSON_True ? "true" : "false";
    }
    if (cJSON_IsNull(v)) {
        return "null";
    }
    if (cJSON_IsArray(v)) {
        return "a list [...]";
    }
    return "an object {...}";
}

static bool looks_numeric(const char *s)
{
    if (*s == '-') {
        s++;
    }
    if (!*s) {
        return false;
    }
    for (; *s; s++) {
        if (!((*s >= '0' && *s <= '9') || *s == '.')) {
            return false;
        }
    }
    return true;
}

/* "EUR 240000", "2,400,000", "$240,000": an amount written as people write
 * it (digits, separators, a currency sign or code), in quotes. Copies its
 * digits to `digits` and returns true when s is one. */
static bool looks_like_amount(const char *s, char *digits, size_t cap)
{
    size_t n = 0;
    int letters = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            if (n + 1 < cap) {
                digits[n++] = (char)*p;
            }
        } else if (*p >= 'A' && *p <= 'Z') {
            letters++;
        } else if (!strchr(",. '$", *p) && *p < 0x80) {
            return false; /* bytes >= 0x80: signs such as EUR's and no-break spaces */
        }
    }
    digits[n] = '\0';
    return n > 0 && letters <= 3;
}

static void wrong_type(FieldCtx *fc, const cJSON *v, const char *path, const char *expected)
{
    const char *hint = "";
    char amount[256];
    char digits[64];
    if (cJSON_IsString(v) && strcmp(expected, "a whole number") == 0 &&
        looks_numeric(v->valuestring)) {
        hint = "; remove the quotes around the number";
    } else if (cJSON_IsString(v) && strcmp(expected, "a whole number") == 0 &&
               looks_like_amount(v->valuestring, digits, sizeof digits)) {
        snprintf(amount, sizeof amount,
                 "; write the number without quotes, currency or separators: %s, not \"%.40s\"",
                 digits, v->valuestring);
        hint = amount;
    } else if (cJSON_IsString(v) && strcmp(expected, "true or false") == 0) {
        hint = "; write true or false without quotes";
    } else if (cJSON_IsString(v) && strncmp(expected, "a list", 6) == 0) {
        hint = "; put it in square brackets: [\"...\"]";
    }
    fc_report(fc, SEV_ERROR, fc->format->wrong_type, fc_pos(fc, v), path, "must be %s, but it is %s%s",
              expected, json_kind_name(v), hint);
}

int64_t field_int(const cJSON *v)
{
    return (int64_t)v->valuedouble;
}

static bool check_number(FieldCtx *fc, const FieldSpec *f, const cJSON *v, const char *path)
{
    if (!cJSON_IsNumber(v)) {
        wrong_type(fc, v, path, "a whole number");
        return false;
    }
    const FieldFormat *ff = fc->format;
    double x = v->valuedouble;
    int64_t max = f->max;
    if (isnan(x) || isinf(x)) {
        fc_report(fc, SEV_ERROR, ff->out_of_range, fc_pos(fc, v), path,
                  "this number is far too large; it must be between %lld and %lld",
                  (long long)f->min, (long long)max);
        return false;
    }
    if (x != floor(x)) {
        fc_report(fc, SEV_ERROR, ff->fraction, fc_pos(fc, v), path, "must be a whole number, without a fraction");
        return false;
    }
    if (x == 0 && signbit(x)) {
        fc_report(fc, SEV_ERROR, ff->fraction, fc_pos(fc, v), path, "write 0 instead of -0");
        return false;
    }
    if (x < (double)f->min || x > (double)max) {
        if (fabs(x) < 1e15) {
            fc_report(fc, SEV_ERROR, ff->out_of_range, fc_pos(fc, v), path, "must be between %lld and %lld, but it is %lld",
                      (long long)f->min, (long long)max, (long long)x);
        } else {
            fc_report(fc, SEV_ERROR, ff->out_of_range, fc_pos(fc, v), path, "must be between %lld and %lld",
                      (long long)f->min, (long long)max);
        }
        return false;
    }
    return true;
}

static bool check_text(FieldCtx *fc, const FieldSpec *f, const cJSON *v, const char *path)
{
    if (!cJSON_IsString(v)) {
        wrong_type(fc, v, path, "text in double quotes");
        return false;
    }
    if (f->min > 0 && tu_is_blank(v->valuestring)) {
        fc_report(fc, SEV_ERROR, fc->format->empty_text, fc_pos(fc, v), path, "must not be empty");
        return false;
    }
    size_t n = tu_utf8_length(v->valuestring);
    if (f->max > 0 && n > (size_t)f->max) {
        fc_report(fc, SEV_ERROR, fc->format->out_of_range, fc_pos(fc, v), path,
                  "is %zu characters long; the limit is %lld, so shorten it", n,
                  (long long)f->max);
        return false;
    }
    if (f->min > 1 && n < (size_t)f->min) {
        fc_report(fc, SEV_ERROR, fc->format->out_of_range, fc_pos(fc, v), path,
                  "is %zu character%s long; it must have at least %lld", n, n == 1 ? "" : "s",
                  (long long)f->min);
        return false;
    }
    return true;
}

static bool check_id(FieldCtx *fc, const cJSON *v, const char *path)
{
    if (!cJSON_IsString(v)) {
        wrong_type(fc, v, path, "an id in double quotes");
        return false;
    }
    if (!tu_is_id(v->valuestring)) {
        fc_report(fc, SEV_ERROR, fc->format->bad_id, fc_pos(fc, v), path,
                  "'%.80s' is not a valid id: use 1 to 64 characters of a-z, 0-9, '_' and '-', "
                  "starting with a letter (for example 'plant_manager')",
                  v->valuestring);
        return false;
    }
    return true;
}

int enum_find(const EnumSpec *values, const char *key)
{
    for (int i = 0; i < values->count; i++) {
        if (values->keys[i][0] == key[0] && strcmp(values->keys[i], key) == 0) {
            return i;
        }
    }
    return -1;
}

int enum_value(const EnumSpec *values, const char *key)
{
    int i = enum_find(values, key);
    assert(i >= 0);
    return values->base + i;
}

const char *enum_suggest(const EnumSpec *values, const char *word)
{
    TuSuggest sg;
    tu_suggest_init(&sg, word);
    for (int i = 0; i < values->count; i++) {
        tu_suggest_offer(&sg, values->keys[i]);
    }
    return sg.best;
}

void fields_bad_enum(FieldCtx *fc, const EnumSpec *values, const cJSON *v, const char *path,
                     const char *what)
{
    char choices[512] = "";
    for (int i = 0; i < values->count; i++) {
        tu_append(choices, sizeof choices, i ? ", " : "");
        tu_append(choices, sizeof choices, values->keys[i]);
    }
    const char *best = enum_suggest(values, v->valuestring);
    char hint[128] = "";
    if (best) {
        snprintf(hint, sizeof hint, "; did you mean '%s'?", best);
    } else {
        tu_append(hint, sizeof hint, ".");
    }
    fc_report(fc, SEV_ERROR, fc->format->bad_enum, fc_pos(fc, v), path, "'%.80s' is not a valid %s%s The choices are: %s",
              v->valuestring, what, hint, choices);
}

static bool check_enum(FieldCtx *fc, const FieldSpec *f, const cJSON *v, const char *path)
{
    if (!cJSON_IsString(v)) {
        wrong_type(fc, v, path, "text in double quotes");
        return false;
    }
    if (enum_find(f->values, v->valuestring) < 0) {
        fields_bad_enum(fc, f->values, v, path, "value");
        return false;
    }
    return true;
}

static bool check_array(FieldCtx *fc, const FieldSpec *f, const cJSON *v, const char *path)
{
    if (!cJSON_IsArray(v)) {
        wrong_type(fc, v, path, "a list [...]");
        return false;
    }
    int n = cJSON_GetArraySize(v);
    if (n < f->min) {
        fc_report(fc, SEV_ERROR, fc->format->too_few_items, fc_pos(fc, v), path, "must have at least %lld item%s",
                  (long long)f->min, f->min == 1 ? "" : "s");
        return false;
    }
    if (n > f->max) {
        fc_report(fc, SEV_ERROR, fc->format->too_many_items, fc_pos(fc, v), path,
                  "has %d items; at most %lld are allowed", n, (long long)f->max);
        return false;
    }
    if (f->item == FK_OBJECT || f->item == FK_REF) {
        return true; /* the loader checks objects and references item by item */
    }
    FieldSpec item = *f;
    item.kind = f->item;
    item.min = f->item == FK_TEXT ? 1 : 0;
    item.max = f->item == FK_TEXT ? f->item_max : 0;
    bool ok = true;
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        char p[FIELD_PATH_MAX];
        path_item(p, path, "", i);
        if (!field_check_value(fc, &item, it, p)) {
            ok = false;
            continue;
        }
        /* unique lists are short (roles: 4), so pairs are cheap */
        for (const cJSON *was = v->child; f->unique && was != it; was = was->next) {
            if (cJSON_IsString(was) && strcmp(was->valuestring, it->valuestring) == 0) {
                fc_report(fc, SEV_ERROR, fc->format->repeated_item, fc_pos(fc, it), p,
                          "'%.80s' is listed twice; remove the repeat", it->valuestring);
                ok = false;
                break;
            }
        }
    }
    return ok;
}

/* The value of a string of digits in base 10 or 16 that fits 64 bits. */
static bool parse_u64(const char *s, int base, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s) {
        return false;
    }
    for (; *s; s++) {
        int d = *s >= '0' && *s <= '9'                  ? *s - '0'
                : base == 16 && *s >= 'a' && *s <= 'f' ? *s - 'a' + 10
                : base == 16 && *s >= 'A' && *s <= 'F' ? *s - 'A' + 10
                                                        : -1;
        if (d < 0 || v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
            return false;
        }
        v = v * (uint64_t)base + (uint64_t)d;
    }
    *out = v;
    return true;
}

static bool check_u64(FieldCtx *fc, const FieldSpec *f, const cJSON *v, const char *path)
{
    bool hex = f->kind == FK_HEX64;
    if (!cJSON_IsString(v)) {
        wrong_type(fc, v, path, hex ? "16 hexadecimal digits in double quotes"
                                    : "a string of digits, such as \"42\"");
        return false;
    }
    uint64_t x;
    if ((hex && strlen(v->valuestring) != 16) || !parse_u64(v->valuestring, hex ? 16 : 10, &x)) {
        fc_report(fc, SEV_ERROR, fc->format->out_of_range, fc_pos(fc, v), path,
                  hex ? "must be 16 hexadecimal digits"
                      : "must be a string of digits below 18446744073709551616, such as \"42\"");
        return false;
    }
    return true;
}

uint64_t field_u64(const FieldSpec *f, const cJSON *v)
{
    uint64_t x = 0;
    parse_u64(v->valuestring, f->kind == FK_HEX64 ? 16 : 10, &x);
    return x;
}

bool field_check_value(FieldCtx *fc, const FieldSpec *f, const cJSON *v, const char *path)
{
    switch (f->kind) {
    case FK_INT:
    case FK_MONEY:
        return check_number(fc, f, v, path);
    case FK_BOOL:
        if (!cJSON_IsBool(v)) {
            wrong_type(fc, v, path, "true or false");
            return false;
        }
        return true;
    case FK_TEXT:
        return check_text(fc, f, v, path);
    case FK_ID:
        return check_id(fc, v, path);
    case FK_ENUM:
        return check_enum(fc, f, v, path);
    case FK_REF:
        if (!cJSON_IsString(v)) {
            wrong_type(fc, v, path, "an id in double quotes");
            return false;
        }
        return true;
    case FK_OBJECT:
        if (!cJSON_IsObject(v)) {
            wrong_type(fc, v, path, "an object {...}");
            return false;
        }
        return true;
    case FK_ARRAY:
        return check_array(fc, f, v, path);
    case FK_U64:
    case FK_HEX64:
        return check_u64(fc, f, v, path);
    }
    return false;
}

ObjectSpec spec_rows(const ObjectSpec *spec, FieldSpec rows[FIELDS_MAX])
{
    if (!spec->keys) {
        return *spec;
    }
    assert(spec->keys->count <= FIELDS_MAX);
    for (int i = 0; i < spec->keys->count; i++) {
        rows[i] = *spec->each;
        rows[i].key = spec->keys->keys[i];
        rows[i].offset = spec->each->offset + (size_t)i * spec->stride;
    }
    return (ObjectSpec){rows, (size_t)spec->keys->count, NULL, NULL, 0};
}

static int spec_index(const ObjectSpec *spec, const char *key)
{
    for (size_t i = 0; i < spec->count; i++) {
        /* Checking the first byte first skips most calls: this runs per member. */
        if (spec->fields[i].key[0] == key[0] && strcmp(spec->fields[i].key, key) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Reports an unknown key; returns the index of the field it suggests, or -1. */
static int unknown_key(FieldCtx *fc, const ObjectSpec *spec, const cJSON *member,
                       const char *path)
{
    TuSuggest sg;
    tu_suggest_init(&sg, member->string);
    for (size_t i = 0; i < spec->count; i++) {
        tu_suggest_offer(&sg, spec->fields[i].key);
    }
    JsonPos at = fc_key_pos(fc, member);
    if (sg.best) {
        fc_report(fc, SEV_ERROR, fc->format->unknown_key, at, path, "unknown key '%.80s'; did you mean '%s'?",
                  member->string, sg.best);
        return spec_index(spec, sg.best);
    } else {
        fc_report(fc, SEV_ERROR, fc->format->unknown_key, at, path,
                  "unknown key '%.80s'; remove it or check the spelling in %s", member->string,
                  fc->format->reference);
    }
    return -1;
}

bool fields_check(FieldCtx *fc, const cJSON *obj, const ObjectSpec *keyed, const char *path,
                  const cJSON *found[FIELDS_MAX])
{
    FieldSpec rows[FIELDS_MAX];
    ObjectSpec table = spec_rows(keyed, rows);
    const ObjectSpec *spec = &table;
    assert(spec->count <= FIELDS_MAX);
    const cJSON *first[FIELDS_MAX] = {0};
    bool suggested[FIELDS_MAX] = {0}; /* a misspelling already points at it */
    for (size_t i = 0; i < FIELDS_MAX; i++) {
        found[i] = NULL;
    }
    if (!cJSON_IsObject(obj)) {
        wrong_type(fc, obj, path, "an object {...}");
        return false;
    }
    /* Each member is looked up in the table, so duplicates of known keys are
     * found with one slot per field: linear however big the object is.
     * Unknown keys are errors already, repeated or not. */
    for (const cJSON *m = obj->child; m; m = m->next) {
        int i = spec_index(spec, m->string);
        if (i < 0) {
            int near = unknown_key(fc, spec, m, path);
            if (near >= 0) {
                suggested[near] = true;
            }
            continue;
        }
        if (first[i]) {
            JsonPos was = fc_key_pos(fc, first[i]);
            fc_report(fc, SEV_ERROR, fc->format->duplicate_key, fc_key_pos(fc, m), path,
                      "key '%s' appears twice in this object (first at %d:%d); keep only one",
                      m->string, was.line, was.col);
            continue;
        }
        first[i] = m;
        char p[FIELD_PATH_MAX];
        path_key(p, path, m->string);
        if (field_check_value(fc, &spec->fields[i], m, p)) {
            found[i] = m;
        }
    }
    for (size_t i = 0; i < spec->count; i++) {
        if (spec->fields[i].required && !first[i] && !suggested[i]) {
            fc_report(fc, SEV_ERROR, fc->format->missing_key, fc_pos(fc, obj), path, "the required key '%s' is missing",
                      spec->fields[i].key);
        }
    }
    return true;
}

void fields_defaults(const ObjectSpec *keyed, void *target)
{
    FieldSpec rows[FIELDS_MAX];
    ObjectSpec table = spec_rows(keyed, rows);
    const ObjectSpec *spec = &table;
    unsigned char *base = target;
    for (size_t i = 0; i < spec->count; i++) {
        const FieldSpec *f = &spec->fields[i];
        if (!f->stored || f->def_kind != DEF_ROW) {
            continue;
        }
        void *at = base + f->offset;
        switch (f->kind) {
        case FK_INT:
        case FK_ENUM: {
            int x = (int)f->def;
            memcpy(at, &x, sizeof x);
            break;
        }
        case FK_MONEY:
            memcpy(at, &f->def, sizeof f->def);
            break;
        case FK_BOOL: {
            bool x = f->def != 0;
            memcpy(at, &x, sizeof x);
            break;
        }
        case FK_TEXT:
            memcpy(at, &f->def_text, sizeof f->def_text);
            break;
        default:
            assert(!"no default of this kind");
            break;
        }
    }
}

void fields_store(FieldCtx *fc, const ObjectSpec *keyed, const cJSON *const found[FIELDS_MAX],
                  void *target)
{
    FieldSpec rows[FIELDS_MAX];
    ObjectSpec table = spec_rows(keyed, rows);
    const ObjectSpec *spec = &table;
    unsigned char *base = target;
    for (size_t i = 0; i < spec->count; i++) {
        const FieldSpec *f = &spec->fields[i];
        const cJSON *v = found[i];
        if (!f->stored || !v) {
            continue;
        }
        void *at = base + f->offset;
        switch (f->kind) {
        case FK_INT: {
            int x = (int)field_int(v);
            memcpy(at, &x, sizeof x);
            break;
        }
        case FK_MONEY: {
            int64_t x = field_int(v);
            memcpy(at, &x, sizeof x);
            break;
        }
        case FK_BOOL: {
            bool x = cJSON_IsTrue(v);
            memcpy(at, &x, sizeof x);
            break;
        }
        case FK_ENUM: {
            int x = enum_value(f->values, v->valuestring);
            memcpy(at, &x, sizeof x); /* model enums are int-sized: see load.c */
            break;
        }
        case FK_TEXT:
        case FK_ID: {
            const char *x = arena_strdup(fc->arena, v->valuestring);
            fc->oom |= x == NULL;
            memcpy(at, &x, sizeof x);
            break;
        }
        case FK_U64:
        case FK_HEX64: {
            uint64_t x = field_u64(f, v);
            memcpy(at, &x, sizeof x);
            break;
        }
        case FK_REF:
        case FK_OBJECT:
        case FK_ARRAY:
            break; /* the loader stores these itself */
        }
    }
}

const cJSON *fields_get(const ObjectSpec *keyed, const cJSON *const found[FIELDS_MAX],
                        const char *key)
{
    FieldSpec rows[FIELDS_MAX];
    ObjectSpec table = spec_rows(keyed, rows);
    const ObjectSpec *spec = &table;
    int i = spec_index(spec, key);
    assert(i >= 0);
    return i >= 0 ? found[i] : NULL;
}
