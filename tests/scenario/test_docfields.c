/* docs/scenario-format.md is the authors' reference; the loader's field
 * tables are the authority. This walks every table from SCENARIO_SPEC and
 * holds the section of the document that describes it to it:
 *  - a section with a key table (| `key` | type | required | default | ...):
 *    the same keys and no others, "yes"/"no" in the required column as the
 *    table says, the bounds its type column names (integer A–B, text ≤ N,
 *    string A–B, money ≥ N, array ..., A–B or ≤ N) and a plain number or bool
 *    default column as the row's own default;
 *  - a section in prose: every key of the table written as `key` or "key", and every
 *    key of an inline {"key": ...} form a key of the table;
 *  - objects keyed by an enum (costs, scoring weights, contact lines): every
 *    key of the enum written as `key` in their section.
 * usage: test_docfields docs/scenario-format.md */
#include <ctype.h>
#include <stdlib.h>

#include "../check.h"
#include "../slurp.h"
#include "scenario_tables.h"

static int drift;

#define DRIFT(section, ...)                                  \
    do {                                                     \
        drift++;                                             \
        fprintf(stderr, "doc drift: ### %s: ", section);     \
        fprintf(stderr, __VA_ARGS__);                        \
        fputc('\n', stderr);                                 \
    } while (0)

/* The section of the document that describes the objects a key holds. */
typedef struct SectionOf {
    const char *key;     /* the field whose object it is ("" for the top level) */
    const char *heading; /* the heading's text */
} SectionOf;

static const SectionOf SECTIONS[] = {
    {"", "Top level"},          {"products", "product"},
    {"costs", "costs"},         {"rules", "rules"},
    {"scoring", "scoring"},     {"weights", "scoring"},
    {"debrief_notes", "note (debrief note)"},
    {"when", "condition"},      {"accounts", "account"},
    {"departments", "department"}, {"needs", "need"},
    {"contacts", "contact"},    {"lines", "contact"},
    {"reactions", "reaction"},  {"introductions", "introduction"},
    {"ideas", "idea"},          {"events", "event"},
    {"effects", "effect"},
};

static const char *heading_for(const char *key)
{
    for (size_t i = 0; i < sizeof SECTIONS / sizeof SECTIONS[0]; i++) {
        if (strcmp(SECTIONS[i].key, key) == 0) {
            return SECTIONS[i].heading;
        }
    }
    return NULL;
}

/* The text of a section: from after its heading line to the next heading of
 * any level. Returns a malloc'd copy, or NULL when there is no such heading. */
static char *section_text(const char *doc, const char *heading)
{
    const char *p = doc;
    while (p && *p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        if (p[0] == '#') {
            const char *t = p;
            while (*t == '#') {
                t++;
            }
            while (*t == ' ') {
                t++;
            }
            if ((size_t)(t - p) < n && n - (size_t)(t - p) == strlen(heading) &&
                memcmp(t, heading, strlen(heading)) == 0) {
                const char *start = eol ? eol + 1 : p + n;
                const char *end = start;
                while (*end && !(end[0] == '#' && (end == start || end[-1] == '\n'))) {
                    end++;
                }
                char *out = malloc((size_t)(end - start) + 1);
                if (out) {
                    memcpy(out, start, (size_t)(end - start));
                    out[end - start] = '\0';
                }
                return out;
            }
        }
        p = eol ? eol + 1 : NULL;
    }
    return NULL;
}

/* Is `key` (with backticks) written in text? */
static bool names_key(const char *text, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = strchr(text, '`'); p; p = strchr(p + 1, '`')) {
        if (strncmp(p + 1, key, n) == 0 && p[1 + n] == '`') {
            return true;
        }
    }
    return false;
}

static const FieldSpec *row_named(const ObjectSpec *table, const char *key, size_t n)
{
    for (size_t i = 0; i < table->count; i++) {
        if (strlen(table->fields[i].key) == n && strncmp(table->fields[i].key, key, n) == 0) {
            return &table->fields[i];
        }
    }
    return NULL;
}

/* The cells of a table row "| a | b | c |" (at most 8), cut in place. */
static int row_cells(char *line, char *cells[8])
{
    int n = 0;
    char *p = strchr(line, '|');
    while (p && n < 8) {
        char *next = strchr(p + 1, '|');
        if (!next) {
            break;
        }
        *next = '\0';
        char *c = p + 1;
        while (*c == ' ') {
            c++;
        }
        char *e = c + strlen(c);
        while (e > c && e[-1] == ' ') {
            *--e = '\0';
        }
        cells[n++] = c;
        *next = '|';
        p = next;
    }
    return n;
}

/* Reads a number written with optional thousands commas; false when s does
 * not start with a digit. */
static bool read_number(const char **s, long long *out)
{
    const char *p = *s;
    bool neg = *p == '-';
    p += neg;
    if (!isdigit((unsigned char)*p)) {
        return false;
    }
    long long v = 0;
    while (isdigit((unsigned char)*p) || (*p == ',' && isdigit((unsigned char)p[1]))) {
        if (*p != ',') {
            v = v * 10 + (*p - '0');
        }
        p++;
    }
    *out = neg ? -v : v;
    *s = p;
    return true;
}

/* "A–B" (an en dash) or "≤ B" or "≥ A" after `after` in type; each bound
 * stays as it is when not written. */
static void type_bounds(const char *type, const char *after, long long *lo, long long *hi, bool *has_lo,
                        bool *has_hi)
{
    *has_lo = *has_hi = false;
    const char *p = strstr(type, after);
    if (!p) {
        return;
    }
    p += strlen(after);
    while (*p == ' ' || *p == ',') {
        p++;
    }
    if (strncmp(p, "\xE2\x89\xA4 ", 4) == 0) { /* ≤ */
        p += 4;
        *has_hi = read_number(&p, hi);
        return;
    }
    if (strncmp(p, "\xE2\x89\xA5 ", 4) == 0) { /* ≥ */
        p += 4;
        *has_lo = read_number(&p, lo);
        return;
    }
    if (read_number(&p, lo)) {
        *has_lo = true;
        if (strncmp(p, "\xE2\x80\x93", 3) == 0) { /* – */
            p += 3;
            *has_hi = read_number(&p, hi);
        }
    }
}

static void check_bounds(const char *section, const FieldSpec *f, const char *type)
{
    long long lo = 0, hi = 0;
    bool has_lo, has_hi;
    switch (f->kind) {
    case FK_INT:
        type_bounds(type, "integer", &lo, &hi, &has_lo, &has_hi);
        break;
    case FK_MONEY:
        type_bounds(type, "money", &lo, &hi, &has_lo, &has_hi);
        break;
    case FK_TEXT:
        type_bounds(type, strncmp(type, "string", 6) == 0 ? "string" : "text", &lo, &hi, &has_lo, &has_hi);
        if (has_hi && !has_lo) {
            has_lo = false; /* "text ≤ N": the lower bound is 1 unless said */
        }
        break;
    case FK_ARRAY: {
        const char *comma = strrchr(type, ',');
        if (comma && strncmp(type, "array", 5) == 0) {
            type_bounds(comma, ",", &lo, &hi, &has_lo, &has_hi);
        } else {
            has_lo = has_hi = false;
        }
        break;
    }
    default:
        return;
    }
    if (has_lo && lo != f->min) {
        DRIFT(section, "`%s`: the document says at least %lld, the table %lld", f->key, lo, (long long)f->min);
    }
    if (has_hi && hi != f->max) {
        DRIFT(section, "`%s`: the document says at most %lld, the table %lld", f->key, hi, (long long)f->max);
    }
}

static void check_default(const char *section, const FieldSpec *f, const char *cell)
{
    if (f->def_kind != DEF_ROW || !cell[0]) {
        return;
    }
    long long v;
    const char *p = cell;
    if (f->kind == FK_BOOL && (strcmp(cell, "false") == 0 || strcmp(cell, "true") == 0)) {
        if ((strcmp(cell, "true") == 0) != (f->def != 0)) {
            DRIFT(section, "`%s`: the document's default is %s, the table's %s", f->key, cell,
                  f->def ? "true" : "false");
        }
    } else if ((f->kind == FK_INT || f->kind == FK_MONEY) && read_number(&p, &v) && *p == '\0' &&
               v != f->def) {
        DRIFT(section, "`%s`: the document's default is %lld, the table's %lld", f->key, v, (long long)f->def);
    }
}

/* A section with a key table: every row against the table. */
static bool check_key_table(const char *section, const char *text, const ObjectSpec *table)
{
    bool seen[FIELDS_MAX] = {false};
    bool any = false;
    size_t n_text = strlen(text);
    char *copy = malloc(n_text + 1);
    if (!copy) {
        return false;
    }
    memcpy(copy, text, n_text + 1);
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "| `", 3) != 0) {
            continue;
        }
        any = true;
        char *cells[8];
        int n = row_cells(line, cells);
        if (n < 4) {
            DRIFT(section, "a row with %d cells: %s", n, line);
            continue;
        }
        /* the first cell may name several keys: `from_week`, `to_week` */
        for (char *k = strchr(cells[0], '`'); k; k = strchr(k + 1, '`')) {
            char *end = strchr(k + 1, '`');
            if (!end) {
                break;
            }
            const FieldSpec *f = row_named(table, k + 1, (size_t)(end - k - 1));
            if (!f) {
                DRIFT(section, "the document names `%.*s`, which the table does not have", (int)(end - k - 1), k + 1);
            } else {
                seen[f - table->fields] = true;
                if (strcmp(cells[2], "yes") == 0 && !f->required) {
                    DRIFT(section, "`%s`: the document says required, the table optional", f->key);
                } else if (strcmp(cells[2], "no") == 0 && f->required) {
                    DRIFT(section, "`%s`: the document says optional, the table required", f->key);
                }
                check_bounds(section, f, cells[1]);
                check_default(section, f, cells[3]);
            }
            k = end;
        }
    }
    free(copy);
    if (any) {
        for (size_t i = 0; i < table->count; i++) {
            if (!seen[i]) {
                DRIFT(section, "the table has `%s`, which the document's key table does not list",
                      table->fields[i].key);
            }
        }
    }
    return any;
}

/* A section in prose: each key written, and inline {"key": ...} forms. */
static void check_prose(const char *section, const char *text, const ObjectSpec *table)
{
    for (size_t i = 0; i < table->count; i++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\"%s\"", table->fields[i].key);
        if (!names_key(text, table->fields[i].key) && !strstr(text, quoted)) {
            DRIFT(section, "the table has `%s`, which the section does not name", table->fields[i].key);
        }
    }
    for (const char *open = strstr(text, "`{\""); open; open = strstr(open + 1, "`{\"")) {
        const char *close = strstr(open, "}`");
        for (const char *q = strchr(open + 1, '"'); q && close && q < close; q = strchr(q + 1, '"')) {
            const char *end = strchr(q + 1, '"');
            if (!end || end > close) {
                break;
            }
            if (end[1] == ':' && !row_named(table, q + 1, (size_t)(end - q - 1))) {
                DRIFT(section, "the document's {...} names \"%.*s\", which the table does not have",
                      (int)(end - q - 1), q + 1);
            }
            q = end;
        }
    }
}

static void check_keyed(const char *section, const char *text, const ObjectSpec *spec)
{
    for (int i = 0; i < spec->keys->count; i++) {
        if (!names_key(text, spec->keys->keys[i])) {
            DRIFT(section, "the key `%s` is not written in the section", spec->keys->keys[i]);
        }
    }
}

enum { MAX_SPECS = 64 };
static const ObjectSpec *visited[MAX_SPECS];
static int visited_count;
static int sections_checked;

static void check_spec(const char *doc, const ObjectSpec *spec, const char *key)
{
    for (int i = 0; i < visited_count; i++) {
        if (visited[i] == spec) {
            return;
        }
    }
    CHECK(visited_count < MAX_SPECS);
    if (visited_count >= MAX_SPECS) {
        return;
    }
    visited[visited_count++] = spec;
    const char *heading = heading_for(key);
    if (!heading) {
        DRIFT(key, "the key's objects have no section in the document (add one, and a line in SECTIONS)");
        return;
    }
    char *text = section_text(doc, heading);
    if (!text) {
        DRIFT(heading, "no such heading in the document");
        return;
    }
    sections_checked++;
    if (spec->keys) {
        check_keyed(heading, text, spec);
    } else {
        if (!check_key_table(heading, text, spec)) {
            check_prose(heading, text, spec);
        }
        for (size_t i = 0; i < spec->count; i++) {
            if (spec->fields[i].object) {
                check_spec(doc, spec->fields[i].object, spec->fields[i].key);
            }
        }
    }
    free(text);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_docfields docs/scenario-format.md\n");
        return 2;
    }
    size_t len = 0;
    char *doc = slurp(argv[1], &len);
    CHECK(doc != NULL);
    if (!doc) {
        return check_result("scenario.docs_match_tables");
    }
    check_spec(doc, &SCENARIO_SPEC, "");
    free(doc);
    CHECK_EQ_INT(drift, 0);
    CHECK(sections_checked >= 15);
    fprintf(stderr, "%d sections of the document checked against the tables\n", sections_checked);
    return check_result("scenario.docs_match_tables");
}
