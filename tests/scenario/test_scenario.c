/* Unit tests of the scenario loader: the filled model, each class of
 * diagnostic with its code and position, did-you-mean, UTF-8 columns, limits,
 * speed on big files, and out-of-memory at every allocation.
 * Runs from tests/scenario (fixtures are read relative to it). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "keyaccounts/alloc.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"

static char *read_fixture(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s (run from tests/scenario)\n", path);
        exit(1);
    }
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static char *minimal_text(void)
{
    size_t len;
    return read_fixture("valid/minimal.json", &len);
}

/* base with the first occurrence of from replaced by to (a new string). */
static char *subst(const char *base, const char *from, const char *to)
{
    const char *at = strstr(base, from);
    if (!at) {
        fprintf(stderr, "subst: '%s' not found\n", from);
        exit(1);
    }
    size_t head = (size_t)(at - base), fl = strlen(from), tl = strlen(to);
    char *out = malloc(strlen(base) - fl + tl + 1);
    memcpy(out, base, head);
    memcpy(out + head, to, tl);
    strcpy(out + head + tl, at + fl); /* test code: sizes computed above */
    return out;
}

static void dump(const Diagnostics *d)
{
    diags_print(d, "  input", stderr);
}

/* Finds a diagnostic with this code (and position and path when given). */
static const Diagnostic *find_diag(const Diagnostics *d, const char *code, int line, int col,
                                   const char *path)
{
    for (size_t i = 0; i < d->count; i++) {
        const Diagnostic *g = &d->items[i];
        if (strcmp(g->code, code) == 0 && (line < 0 || g->line == line) &&
            (col < 0 || g->column == col) && (!path || strcmp(g->path, path) == 0)) {
            return g;
        }
    }
    return NULL;
}

#define CHECK_DIAG(d, code, line, col, path)                                  \
    do {                                                                      \
        const Diagnostic *found_ = find_diag(d, code, line, col, path);       \
        CHECK(found_ != NULL);                                                \
        if (!found_) {                                                        \
            fprintf(stderr, "  wanted %s at %d:%d %s; got:\n", code, line, col, \
                    path ? path : "");                                        \
            dump(d);                                                          \
        }                                                                     \
    } while (0)

/* Parses text expecting failure; returns the diagnostics (caller deinits). */
static Diagnostics parse_bad(const char *text)
{
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(text, strlen(text), "t", &d);
    CHECK(s == NULL);
    CHECK(d.errors > 0);
    scenario_destroy(s);
    diags_sort(&d);
    return d;
}

static void test_minimal_model(void)
{
    char *text = minimal_text();
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(text, strlen(text), "minimal.json", &d);
    CHECK(s != NULL);
    CHECK_EQ_INT(d.count, 0);
    if (!s) {
        dump(&d);
        diags_deinit(&d);
        free(text);
        return;
    }
    CHECK_EQ_STR(s->id, "minimal");
    CHECK_EQ_STR(s->language, "en");
    CHECK_EQ_STR(s->currency, "EUR");
    CHECK_EQ_INT(s->weeks, 12);
    CHECK_EQ_INT(s->costs[ACT_PROPOSE], 4);
    CHECK_EQ_INT(s->objective_count, 1);
    CHECK_EQ_STR(s->objectives[0], "Meet the plant manager");
    CHECK_EQ_INT(s->product_count, 1);
    CHECK_EQ_STR(s->products[0].description, "");
    CHECK_EQ_INT(s->account_count, 1);
    const Account *a = &s->accounts[0];
    CHECK_EQ_INT(a->baseline, 200000);
    CHECK_EQ_INT(a->weight, 1);
    CHECK_EQ_INT(a->department_count, 2);
    CHECK_EQ_INT(a->contact_count, 2);
    const Contact *anna = &a->contacts[0], *ivan = &a->contacts[1];
    CHECK_EQ_STR(anna->name, "Anna Berg");
    CHECK_EQ_INT(anna->relationship, 40);
    CHECK_EQ_INT(ivan->relationship, 0);
    CHECK(anna->known && anna->main && anna->present);
    CHECK(!ivan->known && ivan->present);
    CHECK_EQ_INT(anna->roles, ROLE_ECONOMIC);
    CHECK_EQ_INT(ivan->department, 1);
    CHECK_EQ_INT(anna->mode, MODE_EVEN_KEEL);
    CHECK_EQ_INT(anna->need_count, 1);
    CHECK_EQ_INT(anna->needs[0], 0);
    CHECK_EQ_INT(anna->refer_count, 1);
    CHECK_EQ_INT(anna->refers[0], 1);
    CHECK(anna->lines[LINE_GREETING] == NULL);
    CHECK_EQ_INT(anna->gender, GENDER_UNSPECIFIED);
    CHECK_EQ_INT(anna->reaction_count + anna->introduction_count, 0);
    const Idea *idea = &a->ideas[0];
    CHECK_EQ_INT(idea->product, 0);
    CHECK_EQ_INT(idea->value, 50000);
    CHECK_EQ_INT(idea->level, LEVEL_PRODUCT);
    CHECK_EQ_INT(idea->approval_roles, ROLE_ECONOMIC);
    CHECK_EQ_INT(idea->approval_contact_count, 0);
    CHECK_EQ_INT(a->event_count, 0);
    CHECK_EQ_INT(s->note_count, 0);
    scenario_destroy(s);
    diags_deinit(&d);
    free(text);
}

static const char EVENTS[] =
    "\"ideas\": [{\"id\": \"bulk\", \"title\": \"Bulk\", \"description\": \"d\", \"product\": "
    "\"base_oil\", \"needs\": [\"lower_cost\"], \"value\": 5, \"level\": \"business\", "
    "\"approvals\": [\"ivan\", \"coach\"]}],\n"
    "\"events\": [\n"
    "  {\"id\": \"leaves\", \"week\": 6, \"effects\": [{\"type\": \"contact_leaves\", \"contact\": \"anna\"}]},\n"
    "  {\"id\": \"shift\", \"from_week\": 3, \"probability\": 50,\n"
    "   \"when\": {\"type\": \"relationship_below\", \"contact\": \"ivan\", \"value\": 30},\n"
    "   \"effects\": [{\"type\": \"need_changes\", \"contact\": \"ivan\", \"add\": \"lower_cost\"},\n"
    "                 {\"type\": \"relationship\", \"contact\": \"anna\", \"amount\": -10}]}\n"
    "]";

static void test_events_model(void)
{
    char *base = minimal_text();
    const char *from = strstr(base, "\"ideas\"");
    const char *end = strstr(from, "]\n    }\n  ]");
    CHECK(from && end);
    char *ideas = malloc((size_t)(end - from) + 2);
    memcpy(ideas, from, (size_t)(end - from) + 1);
    ideas[end - from + 1] = '\0';
    char *text = subst(base, ideas, EVENTS);
    char *text2 = subst(text, "\"influence\": 4,", "\"influence\": 4, \"roles\": [\"coach\"],");
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(text2, strlen(text2), "t", &d);
    CHECK(s != NULL);
    if (!s) {
        dump(&d);
    } else {
        const Account *a = &s->accounts[0];
        CHECK_EQ_INT(a->ideas[0].level, LEVEL_BUSINESS);
        CHECK_EQ_INT(a->ideas[0].approval_roles, ROLE_COACH);
        CHECK_EQ_INT(a->ideas[0].approval_contact_count, 1);
        CHECK_EQ_INT(a->ideas[0].approval_contacts[0], 1);
        CHECK_EQ_INT(a->event_count, 2);
        const Event *e0 = &a->events[0], *e1 = &a->events[1];
        CHECK_EQ_INT(e0->from_week, 6);
        CHECK_EQ_INT(e0->to_week, 6);
        CHECK_EQ_INT(e0->probability, 100);
        CHECK_EQ_INT(e0->when.kind, COND_ALWAYS);
        CHECK_EQ_INT(e0->when.contact, -1);
        CHECK_EQ_INT(e0->effects[0].kind, EFFECT_CONTACT_LEAVES);
        CHECK_EQ_INT(e0->effects[0].contact, 0);
        CHECK_EQ_INT(e0->effects[0].need_removed, -1);
        CHECK_EQ_STR(e0->message, "");
        CHECK_EQ_INT(e1->from_week, 3);
        CHECK_EQ_INT(e1->to_week, 12);
        CHECK_EQ_INT(e1->probability, 50);
        CHECK_EQ_INT(e1->when.kind, COND_RELATIONSHIP_BELOW);
        CHECK_EQ_INT(e1->when.contact, 1);
        CHECK_EQ_INT(e1->when.value, 30);
        CHECK_EQ_INT(e1->effect_count, 2);
        CHECK_EQ_INT(e1->effects[0].need_added, 0);
        CHECK_EQ_INT(e1->effects[0].need_removed, -1);
        CHECK_EQ_INT(e1->effects[1].amount, -10);
    }
    scenario_destroy(s);
    diags_deinit(&d);
    free(ideas);
    free(text);
    free(text2);
    free(base);
}

/* Every key of the model's enums parses to its own value. */
static void test_enum_keys_match_model(void)
{
    char *base = minimal_text();
    for (int m = 0; m < MODE_COUNT; m++) {
        char to[64];
        snprintf(to, sizeof to, "\"mode\": \"%s\"", mode_key((ResponseMode)m));
        char *text = subst(base, "\"mode\": \"even_keel\"", to);
        Diagnostics d;
        diags_init(&d);
        Scenario *s = scn_parse(text, strlen(text), "t", &d);
        CHECK(s && (int)s->accounts[0].contacts[0].mode == m);
        scenario_destroy(s);
        diags_deinit(&d);
        free(text);
    }
    for (int l = 0; l < LEVEL_COUNT; l++) {
        char to[64];
        snprintf(to, sizeof to, "\"level\": \"%s\"", level_key((IdeaLevel)l));
        char *text = subst(base, "\"level\": \"product\"", to);
        Diagnostics d;
        diags_init(&d);
        Scenario *s = scn_parse(text, strlen(text), "t", &d);
        CHECK(s && (int)s->accounts[0].ideas[0].level == l);
        scenario_destroy(s);
        diags_deinit(&d);
        free(text);
    }
    free(base);
}

static void test_schema_errors(void)
{
    char *base = minimal_text();
    struct {
        const char *from, *to, *code;
        int line, col;
        const char *path, *message_part;
    } cases[] = {
        {"\"name\": \"Anna Berg\"", "\"nmae\": \"Anna Berg\"", "KA201", 32, 11,
         "accounts[0].contacts[0]", "did you mean 'name'?"},
        {"\"name\": \"Anna Berg\"", "\"name\": \"Anna Berg\", \"name\": \"A\"", "KA202", 32, 32,
         "accounts[0].contacts[0]", "first at 32:11"},
        {"\"mode\": \"even_keel\"", "\"mode\": \"evenkeel\"", "KA206", 37, 19,
         "accounts[0].contacts[0].mode", "did you mean 'even_keel'?"},
        {"\"influence\": 3", "\"influence\": \"3\"", "KA203", 36, 24,
         "accounts[0].contacts[0].influence", "remove the quotes"},
        {"\"influence\": 3", "\"influence\": 7", "KA205", 36, 24,
         "accounts[0].contacts[0].influence", "between 1 and 5"},
        {"\"influence\": 3", "\"influence\": 2.5", "KA211", 36, 24,
         "accounts[0].contacts[0].influence", "whole number"},
        {"\"influence\": 3", "\"influence\": -0", "KA211", 36, 24,
         "accounts[0].contacts[0].influence", "-0"},
        {"\"influence\": 3", "\"influence\": 1e400", "KA205", 36, 24,
         "accounts[0].contacts[0].influence", "far too large"},
        {"\"baseline\": 200000", "\"baseline\": 2000000000000", "KA205", 19, 19,
         "accounts[0].baseline", "1000000000000"},
        {"\"influence\": 3,", "", "KA204", 30, 9, "accounts[0].contacts[0]", "'influence'"},
        {"\"format_version\": 1", "\"format_version\": 2", "KA207", 2, 21, "format_version",
         "not supported"},
        {"\"objectives\": [\"Meet the plant manager\"]", "\"objectives\": []", "KA208", 7, 17,
         "objectives", "at least 1"},
        {"\"id\": \"anna\"", "\"id\": \"Anna\"", "KA209", 31, 17, "accounts[0].contacts[0].id",
         "not a valid id"},
        {"\"title\": \"Minimal lubricants account\"", "\"title\": \"  \"", "KA210", 4, 12, "title",
         "empty"},
        {"\"department\": \"plant\"", "\"department\": \"plnat\"", "KA302", 47, 25,
         "accounts[0].contacts[1].department", "did you mean 'plant'?"},
        {"\"id\": \"ivan\"", "\"id\": \"anna\"", "KA301", 44, 17, "accounts[0].contacts[1]",
         "first defined at 31:17"},
        {"\"main\": true", "\"main\": false", "KA303", 29, 19, "accounts[0].contacts",
         "no contact is the main"},
        {"\"known\": true,", "", "KA303", 39, 19, "accounts[0].contacts[0]", "\"known\": true"},
        {"\"language\"", "\"language\"", NULL, 0, 0, NULL, NULL},
    };
    for (size_t i = 0; cases[i].code; i++) {
        char *text = subst(base, cases[i].from, cases[i].to);
        Diagnostics d = parse_bad(text);
        const Diagnostic *g = find_diag(&d, cases[i].code, cases[i].line, cases[i].col, cases[i].path);
        CHECK(g != NULL);
        if (!g) {
            fprintf(stderr, "  case %zu: wanted %s at %d:%d %s; got:\n", i, cases[i].code,
                    cases[i].line, cases[i].col, cases[i].path);
            dump(&d);
        } else if (!strstr(g->message, cases[i].message_part)) {
            CHECK(strstr(g->message, cases[i].message_part) != NULL);
            fprintf(stderr, "  case %zu: message '%s' lacks '%s'\n", i, g->message,
                    cases[i].message_part);
        }
        diags_deinit(&d);
        free(text);
    }
    free(base);
}

static void test_type_rules(void)
{
    char *base = minimal_text();
    char *t1 = subst(base, "\"refers\": [\"ivan\"]\n",
                     "\"refers\": [\"ivan\"]\n}, {\"id\": \"olga\", \"name\": \"O\", \"title\": \"T\", "
                     "\"department\": \"plant\", \"influence\": 1, \"mode\": \"growth\"\n");
    char *t2 = subst(t1, "\"level\": \"product\",",
                     "\"level\": \"product\", \"approvals\": [\"olga\", \"economc_buyer\"]},\n"
                     "{\"id\": \"x2\", \"title\": \"T\", \"description\": \"D\", \"product\": "
                     "\"base_oil\", \"needs\": [\"lower_cost\"], \"value\": 1, \"level\": \"service\",");
    char *t3 = subst(t2, "\"approvals\": [\"economic_buyer\"]\n        }\n      ]",
                     "\"approvals\": [\"economic_buyer\"]\n        }\n      ],\n"
                     "\"events\": [{\"id\": \"e1\", \"week\": 3, \"to_week\": 4, \"when\": "
                     "{\"type\": \"contact_known\", \"contact\": \"ivan\", \"value\": 3}, "
                     "\"effects\": [{\"type\": \"contact_arrives\", \"contact\": \"ivan\"}, "
                     "{\"type\": \"need_changes\", \"contact\": \"ivan\"}, "
                     "{\"type\": \"competitor\"}]},"
                     "{\"id\": \"e2\", \"week\": 13, \"when\": {\"type\": \"subscore_below\", "
                     "\"subscore\": \"revenue\", \"value\": 10}, \"effects\": [{\"type\": "
                     "\"budget_freeze\", \"weeks\": 2}]}]");
    Diagnostics d = parse_bad(t3);
    CHECK_DIAG(&d, "KA302", -1, -1, "accounts[0].ideas[0].approvals[1]");
    const Diagnostic *g = find_diag(&d, "KA302", -1, -1, "accounts[0].ideas[0].approvals[1]");
    CHECK(g && strstr(g->message, "did you mean 'economic_buyer'?"));
    CHECK_DIAG(&d, "KA305", -1, -1, "accounts[0].events[0].week");
    CHECK_DIAG(&d, "KA305", -1, -1, "accounts[0].events[0].when");
    CHECK_DIAG(&d, "KA308", -1, -1, "accounts[0].events[0].effects[0].contact");
    CHECK_DIAG(&d, "KA204", -1, -1, "accounts[0].events[0].effects[1]");
    CHECK_DIAG(&d, "KA204", -1, -1, "accounts[0].events[0].effects[2]");
    CHECK_DIAG(&d, "KA304", -1, -1, "accounts[0].events[1].week");
    CHECK_DIAG(&d, "KA311", -1, -1, "accounts[0].events[1].when");
    diags_deinit(&d);
    free(t1);
    free(t2);
    free(t3);
    free(base);
}

static void test_syntax_positions(void)
{
    struct {
        const char *text, *code;
        int line, col;
        const char *message_part;
    } cases[] = {
        {"{\"a\": 1,}", "KA103", 1, 8, "remove this comma"},
        {"{\n  \"a\": 1\n  \"b\": 2\n}", "KA103", 2, 9, "comma is missing"},
        {"{'a': 1}", "KA103", 1, 2, "single quotes"},
        {"{\n  // note\n}", "KA103", 2, 3, "comments"},
        {"{\"a\": tru}", "KA103", 1, 7, "the word 'tru'"},
        {"{\"a\": [1, 2}", "KA103", 1, 12, "must be closed with ']'"},
        {"{\"a\": 1", "KA103", 1, 8, "add the missing '}'"},
        {"{\"a\": \"x}", "KA103", 1, 7, "never closed"},
        {"{\"a\": +1}", "KA103", 1, 7, "'+'"},
        {"{\"a\": 1.}", "KA103", 1, 7, "decimal point"},
        {"{\"a\": \"\\x\"}", "KA103", 1, 8, "escape"},
        {"{a: 1}", "KA103", 1, 2, "double quotes"},
        {"   \n\t ", "KA105", 0, 0, "empty"},
        {"", "KA105", 0, 0, "empty"},
        {"{\"a\": \"\\u0000\"}", "KA106", 1, 8, "\\u0000"},
        {"{\"a\": \"\\ud800\"}", "KA102", 1, 8, "surrogate"},
        {"{\"a\": 1}\n}", "KA103", 2, 1, "extra text"},
        {"[]", "KA203", 1, 1, "one JSON object"},
        {NULL, NULL, 0, 0, NULL},
    };
    for (size_t i = 0; cases[i].text; i++) {
        Diagnostics d = parse_bad(cases[i].text);
        const Diagnostic *g = find_diag(&d, cases[i].code, cases[i].line, cases[i].col, NULL);
        CHECK(g != NULL);
        if (!g) {
            fprintf(stderr, "  syntax case %zu: wanted %s at %d:%d; got:\n", i, cases[i].code,
                    cases[i].line, cases[i].col);
            dump(&d);
        } else {
            CHECK(strstr(g->message, cases[i].message_part) != NULL);
        }
        diags_deinit(&d);
    }
}

static void test_utf8_columns(void)
{
    /* Columns count characters: "Привет" is 6 columns, 12 bytes. */
    Diagnostics d = parse_bad("{\"title\": \"Привет\", \"titel\": 1}");
    CHECK_DIAG(&d, "KA201", 1, 21, "");
    diags_deinit(&d);
    d = parse_bad("{\n  \"title\": \"Ёлка 🎄\", \"x\": \"\xff\", \"y\": \"\xe2\x82\"}");
    CHECK_DIAG(&d, "KA102", 2, 28, "");
    CHECK_DIAG(&d, "KA102", 2, 38, "");
    CHECK_EQ_INT(d.errors, 2);
    diags_deinit(&d);
    /* Overlong '/', CESU surrogate, above U+10FFFF. */
    d = parse_bad("{\"a\": \"\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\"}");
    CHECK_EQ_INT(d.errors, 3);
    CHECK_DIAG(&d, "KA102", 1, 8, "");
    CHECK_DIAG(&d, "KA102", 1, 9, "");
    CHECK_DIAG(&d, "KA102", 1, 10, "");
    diags_deinit(&d);
    /* A NUL byte. */
    const char nul[] = "{\"a\": 1,\0 \"b\": 2}";
    Diagnostics d2;
    diags_init(&d2);
    CHECK(scn_parse(nul, sizeof nul - 1, "t", &d2) == NULL);
    CHECK_DIAG(&d2, "KA106", 1, 9, "");
    diags_deinit(&d2);
    /* Invalid bytes are capped. */
    char flood[600];
    memset(flood, 0xff, sizeof flood);
    flood[0] = '"';
    flood[sizeof flood - 1] = '"';
    diags_init(&d2);
    CHECK(scn_parse(flood, sizeof flood, "t", &d2) == NULL);
    CHECK(d2.errors <= 25);
    diags_deinit(&d2);
}

static void test_bom_and_crlf(void)
{
    char *base = minimal_text();
    size_t n = strlen(base);
    char *bom = malloc(n + 4);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, base, n + 1);
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(bom, n + 3, "t", &d);
    CHECK(s != NULL);
    scenario_destroy(s);
    diags_deinit(&d);
    /* CRLF line ends count as one line break. */
    Diagnostics d2 = parse_bad("\xEF\xBB\xBF{\r\n\"a\": 1,\r\n\"titel\": 2}");
    CHECK_DIAG(&d2, "KA201", 3, 1, "");
    diags_deinit(&d2);
    free(bom);
    free(base);
}

/* Sanitizer builds run several times slower; timings there prove nothing. */
#if defined(__SANITIZE_ADDRESS__)
static const double FAST = 20.0;
#else
static const double FAST = 1.0;
#endif

static double seconds_since(clock_t start)
{
    return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* n contacts c0..c(n-1); when complete, each has a title and refers to the
 * next, so that all are reachable. Returns the length written. */
static size_t build_contacts(char *out, size_t cap, int n, bool complete)
{
    size_t used = 0;
    for (int i = 0; i < n; i++) {
        char refers[48] = "";
        if (complete && i + 1 < n) {
            snprintf(refers, sizeof refers, ",\"refers\":[\"c%d\"]", i + 1);
        }
        used += (size_t)snprintf(out + used, cap - used,
                                 "%s{\"id\":\"c%d\",\"name\":\"N\",%s\"department\":\"plant\","
                                 "\"influence\":1,\"mode\":\"growth\"%s}",
                                 i ? "," : "", i, complete ? "\"title\":\"T\"," : "", refers);
    }
    return used;
}

/* base with contacts[0..len) added at the end of its contact list; c0 is
 * made findable by Ivan referring to it. */
static char *insert_contacts(const char *base, const char *contacts, size_t len)
{
    char *t = subst(base, "\"mode\": \"growth\"\n", "\"mode\": \"growth\", \"refers\": [\"c0\"]}, XXX\n");
    char *out = malloc(strlen(t) + len + 1);
    const char *x = strstr(t, "XXX");
    size_t head = (size_t)(x - t);
    memcpy(out, t, head);
    memcpy(out + head, contacts, len);
    /* drop the contact's original closing brace: XXX stands for a whole item */
    const char *rest = x + 3;
    rest = strchr(rest, '}') + 1;
    strcpy(out + head + len, rest);
    free(t);
    return out;
}

static void test_limits_are_cheap(void)
{
    /* 100,000 nested brackets: refused at the 33rd, without cJSON. */
    size_t n = 100000;
    char *deep = malloc(n + 1);
    memset(deep, '[', n);
    deep[n] = '\0';
    deep[0] = '{';
    clock_t t = clock();
    Diagnostics d = parse_bad(deep);
    CHECK_DIAG(&d, "KA104", 1, 33, "");
    CHECK_EQ_INT(d.count, 1);
    diags_deinit(&d);
    free(deep);

    /* 100,000 contacts in one account (no title, so that the file stays
     * under 8 MiB): too many, each incomplete, and still checked quickly. */
    char *base = minimal_text();
    size_t cap = 100000 * 120 + strlen(base) + 64;
    char *big = malloc(cap);
    size_t used = build_contacts(big, cap, 100000, false);
    char *huge = insert_contacts(base, big, used);
    t = clock();
    d = parse_bad(huge);
    double secs = seconds_since(t);
    CHECK_DIAG(&d, "KA208", -1, -1, "accounts[0].contacts");
    CHECK(secs < FAST);
    fprintf(stderr, "100,000 contacts checked in %.3f s\n", secs);
    diags_deinit(&d);
    free(huge);

    /* 9,998 valid contacts (10,000 with Anna and Ivan, the limit), each referring to the next. */
    used = build_contacts(big, cap, 9998, true);
    huge = insert_contacts(base, big, used);
    Diagnostics ok;
    diags_init(&ok);
    t = clock();
    Scenario *s = scn_parse(huge, strlen(huge), "t", &ok);
    secs = seconds_since(t);
    CHECK(s != NULL);
    CHECK(s && s->accounts[0].contact_count == 10000);
    CHECK(secs < FAST);
    fprintf(stderr, "10,000 valid contacts loaded in %.3f s\n", secs);
    scenario_destroy(s);
    diags_deinit(&ok);
    free(huge);

    used = 0;
    used += (size_t)snprintf(big + used, cap - used, "{");
    for (int i = 0; i < 100000; i++) {
        used += (size_t)snprintf(big + used, cap - used, "%s\"title\": \"t\"", i ? "," : "");
    }
    snprintf(big + used, cap - used, "}");
    t = clock();
    d = parse_bad(big);
    secs = seconds_since(t);
    CHECK(d.errors > 1000);
    CHECK(d.count <= DIAG_MAX);
    CHECK(secs < FAST);
    fprintf(stderr, "100,000 duplicate keys checked in %.3f s\n", secs);
    diags_deinit(&d);
    free(big);
    free(base);
}

static void test_lint(void)
{
    char *base = minimal_text();
    char *text = subst(base, "\"refers\": [\"ivan\"]", "\"refers\": []");
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(text, strlen(text), "t", &d);
    CHECK(s != NULL); /* warnings only */
    CHECK_EQ_INT(d.errors, 0);
    CHECK_DIAG(&d, "KA401", 44, 17, "accounts[0].contacts[1]");
    scenario_destroy(s);
    diags_deinit(&d);
    free(text);
    text = subst(base, "\"approvals\": [\"economic_buyer\"]", "\"approvals\": [\"coach\"]");
    diags_init(&d);
    s = scn_parse(text, strlen(text), "t", &d);
    CHECK(s != NULL);
    CHECK_DIAG(&d, "KA405", -1, -1, "accounts[0].ideas[0]");
    scenario_destroy(s);
    diags_deinit(&d);
    free(text);
    free(base);
}

/* Every allocation in turn fails; each parse must return NULL (with the
 * out-of-memory flag) or a whole scenario, and never crash or leak. */
static void test_out_of_memory(void)
{
    char *base = minimal_text();
    char *text = subst(base, "\"ideas\": [", "\"events\": [{\"id\": \"e\", \"week\": 2, \"effects\": "
                       "[{\"type\": \"competitor\", \"weeks\": 2}]}],\n\"ideas\": [");
    int failures = 0;
    for (unsigned long n = 1; n < 100000; n++) {
        Diagnostics d;
        diags_init(&d);
        alloc_fail_after(n);
        Scenario *s = scn_parse(text, strlen(text), "t", &d);
        alloc_fail_after(0);
        if (s) {
            CHECK_EQ_INT(s->accounts[0].contact_count, 2);
            CHECK_EQ_INT(s->accounts[0].event_count, 1);
            scenario_destroy(s);
            diags_deinit(&d);
            break;
        }
        failures++;
        if (!d.oom) {
            CHECK(d.oom);
            fprintf(stderr, "  allocation %lu: NULL without oom\n", n);
            dump(&d);
        }
        diags_deinit(&d);
    }
    /* The parse allocates from two arenas (the cJSON tree and tables, and the
     * scenario) plus the diagnostics: each first block is a failure point. */
    CHECK(failures >= 2);
    fprintf(stderr, "out-of-memory: %d failing allocation points survived\n", failures);
    free(text);

    /* A larger file needs many arena blocks, so allocations fail in the middle
     * of cJSON's parse, of the position map and of the model. */
    size_t cap = 400 * 160 + 64;
    char *contacts = malloc(cap);
    size_t used = build_contacts(contacts, cap, 400, true);
    char *large = insert_contacts(base, contacts, used);
    int large_failures = 0;
    for (unsigned long n = 1; n < 100000; n++) {
        Diagnostics d;
        diags_init(&d);
        alloc_fail_after(n);
        Scenario *s = scn_parse(large, strlen(large), "t", &d);
        alloc_fail_after(0);
        if (s) {
            CHECK_EQ_INT(s->accounts[0].contact_count, 402);
            scenario_destroy(s);
            diags_deinit(&d);
            break;
        }
        large_failures++;
        CHECK(d.oom);
        diags_deinit(&d);
    }
    CHECK(large_failures > 5);
    fprintf(stderr, "out-of-memory: %d failing allocation points survived in a larger file\n",
            large_failures);
    free(large);
    free(contacts);
    free(base);
}


/* Reactions per idea, introductions per colleague and gender reach the model;
 * a version 1 file without them keeps loading (test_minimal_model), with no
 * gender, reaction or introduction. */
static void test_dialogue_model(void)
{
    char *base = minimal_text();
    char *t1 = subst(base, "\"refers\": [\"ivan\"]",
                     "\"refers\": [\"ivan\"], \"gender\": \"f\",\n"
                     "          \"lines\": {\"pitch_yes\": \"Fine.\", \"referral_yes\": \"Go on.\"},\n"
                     "          \"reactions\": [{\"idea\": \"bulk\", \"pitch_yes\": \"Bulk? Yes.\"}],\n"
                     "          \"introductions\": [{\"contact\": \"ivan\", \"line\": \"Ivan runs the plant.\"}]");
    char *text = subst(t1, "\"mode\": \"growth\"", "\"mode\": \"growth\", \"gender\": \"m\"");
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(text, strlen(text), "t", &d);
    CHECK(s != NULL);
    if (s) {
        const Contact *anna = &s->accounts[0].contacts[0], *ivan = &s->accounts[0].contacts[1];
        CHECK_EQ_INT(anna->gender, GENDER_FEMALE);
        CHECK_EQ_INT(ivan->gender, GENDER_MALE);
        CHECK_EQ_INT(anna->reaction_count, 1);
        CHECK_EQ_INT(anna->reactions[0].idea, 0);
        CHECK_EQ_STR(anna->reactions[0].pitch_yes, "Bulk? Yes.");
        CHECK(anna->reactions[0].pitch_no == NULL);
        CHECK_EQ_STR(contact_pitch_line(anna, 0, true), "Bulk? Yes.");
        CHECK(contact_pitch_line(anna, 0, false) == NULL);
        CHECK_EQ_INT(anna->introduction_count, 1);
        CHECK_EQ_STR(contact_introduction_line(anna, 1), "Ivan runs the plant.");
        CHECK(contact_introduction_line(ivan, 0) == NULL);
    } else {
        dump(&d);
    }
    scenario_destroy(s);
    diags_deinit(&d);
    /* the same file in Russian needs every contact's gender */
    char *ru = subst(t1, "\"id\": \"minimal\",", "\"id\": \"minimal\", \"language\": \"ru\",");
    Diagnostics bad = parse_bad(ru);
    CHECK_DIAG(&bad, "KA314", -1, -1, "accounts[0].contacts[1]");
    CHECK(find_diag(&bad, "KA314", -1, -1, "accounts[0].contacts[0]") == NULL);
    diags_deinit(&bad);
    /* an unknown idea gets a located did-you-mean */
    char *typo = subst(text, "{\"idea\": \"bulk\"", "{\"idea\": \"bolk\"");
    bad = parse_bad(typo);
    CHECK_DIAG(&bad, "KA302", -1, -1, "accounts[0].contacts[0].reactions[0].idea");
    CHECK(strstr(bad.count ? bad.items[0].message : "", "did you mean 'bulk'?") != NULL);
    diags_deinit(&bad);
    free(typo);
    free(ru);
    free(text);
    free(t1);
    free(base);
}

/* Autosaves are read by the same field checks as scenarios, with the KA5xx
 * codes: each damage is reported at its line and column. */
static const Diagnostic *session_error(const char *json, const char *code, Diagnostics *d)
{
    SessionRecord r;
    int rc = session_from_json(json, strlen(json), "s.json", &r, d);
    CHECK_EQ_INT(rc, -1);
    for (size_t i = 0; i < d->count; i++) {
        if (strcmp(d->items[i].code, code) == 0) {
            return &d->items[i];
        }
    }
    CHECK(!"the expected code was not reported");
    return NULL;
}

static void test_session_fields(void)
{
    const char *good = "{\"format_version\": 1, \"kind\": \"keyaccounts-session\",\n"
                       "\"scenario\": {\"id\": \"minimal\", \"path\": \"\", \"hash\": \"00000000000000ff\"},\n"
                       "\"seed\": \"18446744073709551615\", \"week\": 2, \"score\": 7, \"finished\": false,\n"
                       "\"commands\": [{\"do\": \"end_week\"}, {\"do\": \"meet\", \"account\": \"a\", \"contact\": \"c\"}]}";
    Diagnostics d;
    diags_init(&d);
    SessionRecord r;
    CHECK_EQ_INT(session_from_json(good, strlen(good), "s.json", &r, &d), 0);
    CHECK(r.seed == UINT64_MAX && r.scenario_hash == 255 && r.week == 2 && r.score == 7);
    CHECK_EQ_INT(r.command_count, 2);
    CHECK(r.command_count == 2 && r.commands[1].kind == ACT_MEET);
    CHECK(r.command_count == 2 && r.commands[1].contact && strcmp(r.commands[1].contact, "c") == 0);
    CHECK(r.trainee == NULL);
    session_record_free(&r);
    diags_deinit(&d);
    struct {
        const char *from, *to, *code;
        int line, col;
    } cases[] = {
        {"\"seed\": \"18446744073709551615\"", "\"seed\": 42", "KA504", 3, 9},
        {"\"seed\": \"18446744073709551615\"", "\"seed\": \"18446744073709551616\"", "KA508", 3, 9},
        {"\"seed\": \"18446744073709551615\"", "\"sed\": \"1\"", "KA507", 3, 1},
        {"00000000000000ff", "00000000000000fg", "KA508", 2, 51},
        {"\"week\": 2", "\"week\": 0", "KA508", 3, 41},
        {"\"do\": \"end_week\"", "\"do\": \"end_weak\"", "KA506", 4, 21},
        {"\"account\": \"a\", ", "", "KA506", 4, 34},
        {"\"finished\": false", "\"finished\": false, \"finished\": true", "KA510", 3, 75},
        {"\"kind\": \"keyaccounts-session\"", "\"kind\": \"keyaccounts-result\"", "KA502", 1, 1},
        {"\"format_version\": 1", "\"format_version\": 2", "KA503", 1, 20},
        {"]}", "]", "KA501", 4, 81},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = subst(good, cases[i].from, cases[i].to);
        diags_init(&d);
        const Diagnostic *g = session_error(text, cases[i].code, &d);
        if (g && (g->line != cases[i].line || g->column != cases[i].col)) {
            fprintf(stderr, "case %zu: %s at %d:%d, expected %d:%d: %s\n", i, g->code, g->line, g->column,
                    cases[i].line, cases[i].col, g->message);
            CHECK(false);
        }
        diags_deinit(&d);
        free(text);
    }
}

int main(void)
{
    test_minimal_model();
    test_dialogue_model();
    test_events_model();
    test_enum_keys_match_model();
    test_schema_errors();
    test_type_rules();
    test_syntax_positions();
    test_utf8_columns();
    test_bom_and_crlf();
    test_limits_are_cheap();
    test_lint();
    test_out_of_memory();
    test_session_fields();
    return check_result("test_scenario");
}
