/* The JSON Schema of scenarios (scenarios/schema/scenario.schema.json) is
 * written by hand for editors; the loader's field tables are the authority.
 * This walks every table from SCENARIO_SPEC and holds the schema to it, field
 * by field: the same keys and no others, required-ness, type, bounds
 * (minimum/maximum, minLength/maxLength, minItems/maxItems), enum values and
 * defaults (a row's own, or what scenario_create() holds for DEF_MODEL rows;
 * none for rules the schema cannot express). Conditional rules the tables do
 * not hold (allOf/if/then of conditions and effects) are left to the loader. */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "../check.h"
#include "../slurp.h"
#include "keyaccounts/model.h"
#include "scenario_tables.h"

static int drift;

#define DRIFT(path, ...)                        \
    do {                                        \
        drift++;                                \
        fprintf(stderr, "schema drift: %s: ", path); \
        fprintf(stderr, __VA_ARGS__);           \
        fputc('\n', stderr);                    \
    } while (0)

/* The model's storage of the objects whose defaults live in model.c. */
static const void *model_target(const Scenario *s, const char *path)
{
    if (strcmp(path, "") == 0) {
        return s;
    }
    if (strcmp(path, "costs") == 0) {
        return s->costs;
    }
    if (strcmp(path, "rules") == 0) {
        return &s->rules;
    }
    if (strcmp(path, "scoring") == 0) {
        return &s->scoring;
    }
    if (strcmp(path, "scoring.weights") == 0) {
        return s->scoring.weights;
    }
    return NULL;
}

static void join(char *out, size_t n, const char *path, const char *key)
{
    snprintf(out, n, "%s%s%s", path, path[0] && key[0] != '[' ? "." : "", key);
}

/* Keywords a property may carry besides those its kind allows. */
static bool annotation(const char *kw)
{
    static const char *const KW[] = {"description", "markdownDescription", "title", "examples",
                                     "$comment", "default"};
    for (size_t i = 0; i < sizeof KW / sizeof *KW; i++) {
        if (strcmp(kw, KW[i]) == 0) {
            return true;
        }
    }
    return false;
}

static bool listed(const char *kw, const char *const *allowed)
{
    for (; *allowed; allowed++) {
        if (strcmp(kw, *allowed) == 0) {
            return true;
        }
    }
    return false;
}

static void no_other_keywords(const cJSON *prop, const char *path, const char *const *allowed)
{
    for (const cJSON *k = prop->child; k; k = k->next) {
        if (!annotation(k->string) && !listed(k->string, allowed)) {
            DRIFT(path, "the schema says \"%s\", which the table does not", k->string);
        }
    }
}

/* A whole-number keyword: absent counts as `absent`. */
static void same_number(const cJSON *prop, const char *kw, int64_t want, bool may_be_absent,
                        int64_t absent, const char *path)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(prop, kw);
    if (!v && may_be_absent && want == absent) {
        return;
    }
    if (!cJSON_IsNumber(v)) {
        DRIFT(path, "no \"%s\"; the table says %lld", kw, (long long)want);
    } else if ((int64_t)v->valuedouble != want) {
        DRIFT(path, "\"%s\" is %.0f; the table says %lld", kw, v->valuedouble, (long long)want);
    }
}

static void same_type(const cJSON *prop, const char *want, bool may_be_absent, const char *path)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(prop, "type");
    if (!t && may_be_absent) {
        return;
    }
    if (!cJSON_IsString(t) || strcmp(t->valuestring, want) != 0) {
        DRIFT(path, "\"type\" is %s; the table says \"%s\"", cJSON_IsString(t) ? t->valuestring : "missing",
              want);
    }
}

static void same_enum(const cJSON *prop, const EnumSpec *values, const char *path)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(prop, "enum");
    if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != values->count) {
        DRIFT(path, "\"enum\" does not list the table's %d values", values->count);
        return;
    }
    int i = 0;
    for (const cJSON *v = e->child; v; v = v->next, i++) {
        if (!cJSON_IsString(v) || strcmp(v->valuestring, values->keys[i]) != 0) {
            DRIFT(path, "\"enum\" value %d is not '%s'", i, values->keys[i]);
        }
    }
}

/* The default the table gives a field, as JSON (NULL: none). */
static cJSON *table_default(const FieldSpec *f, const void *model)
{
    const unsigned char *at = model ? (const unsigned char *)model + f->offset : NULL;
    switch (f->def_kind) {
    case DEF_NONE:
    case DEF_RULE:
        return NULL;
    case DEF_ROW:
        switch (f->kind) {
        case FK_INT:
        case FK_MONEY:
            return cJSON_CreateNumber((double)f->def);
        case FK_BOOL:
            return cJSON_CreateBool(f->def != 0);
        case FK_TEXT:
            return cJSON_CreateString(f->def_text);
        case FK_ENUM:
            return cJSON_CreateString(f->values->keys[f->def]);
        default:
            return NULL;
        }
    case DEF_MODEL:
        if (!at) {
            return NULL;
        }
        if (f->kind == FK_INT) {
            int x;
            memcpy(&x, at, sizeof x);
            return cJSON_CreateNumber(x);
        }
        if (f->kind == FK_TEXT) {
            const char *x;
            memcpy(&x, at, sizeof x);
            return cJSON_CreateString(x);
        }
        return NULL;
    }
    return NULL;
}

static void same_default(const cJSON *prop, const FieldSpec *f, const void *model, const char *path)
{
    const cJSON *have = cJSON_GetObjectItemCaseSensitive(prop, "default");
    if (f->def_kind == DEF_MODEL && !model) {
        DRIFT(path, "a DEF_MODEL row in an object this test cannot find in scenario_create()");
        return;
    }
    cJSON *want = table_default(f, model);
    if (!want && have) {
        DRIFT(path, "the schema gives a default; the table gives none%s%s",
              f->def_kind == DEF_RULE ? ": " : "", f->def_kind == DEF_RULE ? f->def_text : "");
    } else if (want && !have) {
        char *text = cJSON_PrintUnformatted(want);
        DRIFT(path, "no \"default\"; the table says %s", text ? text : "?");
        free(text);
    } else if (want && !cJSON_Compare(want, have, true)) {
        char *a = cJSON_PrintUnformatted(have), *b = cJSON_PrintUnformatted(want);
        DRIFT(path, "\"default\" is %s; the table says %s", a ? a : "?", b ? b : "?");
        free(a);
        free(b);
    }
    cJSON_Delete(want);
}

static void check_object(const cJSON *schema, const ObjectSpec *spec, const char *path,
                         const Scenario *model);

/* One value of kind `kind` (a field, or the items of a list field). */
static void check_value(const cJSON *prop, const FieldSpec *f, FieldKind kind, const char *path,
                        const Scenario *model)
{
    static const char *const NUMBER[] = {"type", "minimum", "maximum", NULL};
    static const char *const CONST[] = {"const", NULL};
    static const char *const BOOLEAN[] = {"type", NULL};
    static const char *const TEXT[] = {"type", "minLength", "maxLength", "pattern", NULL};
    static const char *const ID[] = {"type", "pattern", NULL};
    static const char *const REF[] = {"type", NULL};
    static const char *const ENUM[] = {"type", "enum", NULL};
    static const char *const ARRAY[] = {"type", "items", "minItems", "maxItems", "uniqueItems", NULL};
    bool item = kind != f->kind; /* the items of a list */
    switch (kind) {
    case FK_INT:
    case FK_MONEY:
        if (cJSON_GetObjectItemCaseSensitive(prop, "const")) {
            /* a single allowed value: the table's bounds must be equal */
            no_other_keywords(prop, path, CONST);
            CHECK(f->min == f->max);
            same_number(prop, "const", f->min, false, 0, path);
            break;
        }
        no_other_keywords(prop, path, NUMBER);
        same_type(prop, "integer", false, path);
        same_number(prop, "minimum", f->min, false, 0, path);
        same_number(prop, "maximum", f->max, false, 0, path);
        break;
    case FK_BOOL:
        no_other_keywords(prop, path, BOOLEAN);
        same_type(prop, "boolean", false, path);
        break;
    case FK_TEXT:
        no_other_keywords(prop, path, TEXT);
        same_type(prop, "string", false, path);
        same_number(prop, "minLength", item ? 1 : f->min, true, 0, path);
        same_number(prop, "maxLength", item ? f->item_max : f->max, false, 0, path);
        break;
    case FK_ID: {
        no_other_keywords(prop, path, ID);
        same_type(prop, "string", false, path);
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(prop, "pattern");
        if (!cJSON_IsString(p) || strcmp(p->valuestring, "^[a-z][a-z0-9_-]{0,63}$") != 0) {
            DRIFT(path, "an id needs \"pattern\": \"^[a-z][a-z0-9_-]{0,63}$\"");
        }
        break;
    }
    case FK_REF:
        no_other_keywords(prop, path, REF);
        same_type(prop, "string", false, path);
        break;
    case FK_ENUM:
        no_other_keywords(prop, path, ENUM);
        same_type(prop, "string", true, path);
        same_enum(prop, f->values, path);
        break;
    case FK_OBJECT:
        CHECK(f->object != NULL);
        if (f->object) {
            check_object(prop, f->object, path, model);
        }
        break;
    case FK_ARRAY: {
        no_other_keywords(prop, path, ARRAY);
        same_type(prop, "array", false, path);
        same_number(prop, "minItems", f->min, true, 0, path);
        same_number(prop, "maxItems", f->max, false, 0, path);
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(prop, "uniqueItems")) != f->unique) {
            DRIFT(path, "\"uniqueItems\" is not %s as in the table", f->unique ? "true" : "false");
        }
        const cJSON *items = cJSON_GetObjectItemCaseSensitive(prop, "items");
        char p[256];
        join(p, sizeof p, path, "[]");
        if (!cJSON_IsObject(items)) {
            DRIFT(path, "no \"items\"");
        } else {
            check_value(items, f, f->item, p, model);
        }
        break;
    }
    case FK_U64:
    case FK_HEX64:
        DRIFT(path, "a kind scenarios do not use");
        break;
    }
}

static void check_object(const cJSON *schema, const ObjectSpec *keyed, const char *path,
                         const Scenario *model)
{
    FieldSpec rows[FIELDS_MAX];
    ObjectSpec table = spec_rows(keyed, rows); /* costs, weights, lines: keyed by an enum */
    const ObjectSpec *spec = &table;
    static const char *const OBJECT[] = {"type", "properties", "required", "additionalProperties",
                                         "allOf", "anyOf", "oneOf", "not", "$schema", "$id", NULL};
    no_other_keywords(schema, path, OBJECT);
    same_type(schema, "object", false, path);
    const cJSON *extra = cJSON_GetObjectItemCaseSensitive(schema, "additionalProperties");
    if (!cJSON_IsFalse(extra)) {
        DRIFT(path, "\"additionalProperties\" must be false: unknown keys are errors");
    }
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(schema, "properties");
    const cJSON *required = cJSON_GetObjectItemCaseSensitive(schema, "required");
    if (!cJSON_IsObject(props)) {
        DRIFT(path, "no \"properties\"");
        return;
    }
    const void *target = model_target(model, path);
    for (const cJSON *p = props->child; p; p = p->next) {
        bool known = false;
        for (size_t i = 0; i < spec->count; i++) {
            known |= strcmp(spec->fields[i].key, p->string) == 0;
        }
        if (!known) {
            DRIFT(path, "the schema has \"%s\", which the table lacks", p->string);
        }
    }
    int required_rows = 0;
    for (size_t i = 0; i < spec->count; i++) {
        const FieldSpec *f = &spec->fields[i];
        char p[256];
        join(p, sizeof p, path, f->key);
        bool in_required = false;
        for (const cJSON *r = required ? required->child : NULL; r; r = r->next) {
            in_required |= cJSON_IsString(r) && strcmp(r->valuestring, f->key) == 0;
        }
        required_rows += f->required;
        if (in_required != f->required) {
            DRIFT(p, "%s in \"required\", but the table says %s", in_required ? "listed" : "not listed",
                  f->required ? "required" : "optional");
        }
        const cJSON *prop = cJSON_GetObjectItemCaseSensitive(props, f->key);
        check_count++;
        if (!cJSON_IsObject(prop)) {
            DRIFT(p, "missing from the schema's \"properties\"");
            continue;
        }
        check_value(prop, f, f->kind, p, model);
        if (f->kind != FK_OBJECT) {
            same_default(prop, f, target, p);
        }
    }
    if (cJSON_GetArraySize(required) != required_rows) {
        DRIFT(path, "\"required\" lists %d keys; the table requires %d", cJSON_GetArraySize(required),
              required_rows);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_schema SCHEMA.json\n");
        return 2;
    }
    size_t len;
    char *text = slurp(argv[1], &len);
    cJSON *schema = text ? cJSON_ParseWithLength(text, len) : NULL;
    CHECK(schema != NULL);
    Scenario *model = scenario_create();
    CHECK(model != NULL);
    if (schema && model) {
        check_object(schema, &SCENARIO_SPEC, "", model);
    }
    CHECK_EQ_INT(drift, 0);
    cJSON_Delete(schema);
    scenario_destroy(model);
    free(text);
    return check_result("test_schema");
}
