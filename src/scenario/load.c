/* scn_parse: from bytes to a validated Scenario, reporting every problem.
 *
 * Stages, each stopping the parse when it fails:
 *   1. size, emptiness, BOM, jp_prescan (encoding, NUL, nesting, strings);
 *   2. cJSON, then one walk that checks strict JSON and maps positions; on a
 *      syntax error, jp_repair reports every one and repairs the text, and the
 *      stages below check the repaired text (load_recovered);
 * then, reporting everything and never stopping early:
 *   3. the field tables below, checked by fields.c, filling the model;
 *   4. references (ids to indices) and the cross-field rules of the format;
 *   5. lint warnings, only when there was no error. */
#include "keyaccounts/scenario.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fields.h"
#include "scenario_tables.h"
#include "jsonpos.h"
#include "keyaccounts/alloc.h"
#include "lint.h"
#include "textlint.h"
#include "textutil.h"

/* fields_store writes enums through an int-sized copy. */
_Static_assert(sizeof(ResponseMode) == sizeof(int), "ResponseMode must be int-sized");
_Static_assert(sizeof(IdeaLevel) == sizeof(int), "IdeaLevel must be int-sized");
_Static_assert(sizeof(SubScore) == sizeof(int), "SubScore must be int-sized");
_Static_assert(sizeof(Gender) == sizeof(int), "Gender must be int-sized");

/* The codes of docs/diagnostics.md, KA2xx. */
static const FieldFormat SCENARIO_FORMAT = {
    .unknown_key = "KA201", .duplicate_key = "KA202", .wrong_type = "KA203", .missing_key = "KA204",
    .out_of_range = "KA205", .bad_enum = "KA206", .bad_id = "KA209", .empty_text = "KA210",
    .fraction = "KA211", .too_few_items = "KA208", .too_many_items = "KA208", .repeated_item = "KA313",
    .reference = "docs/scenario-format.md",
};

/* ---- enumerations: the model's key arrays (model.h), one list each -------- */

static const EnumSpec MODES = {MODE_KEYS, MODE_COUNT, 0};
static const EnumSpec LEVELS = {LEVEL_KEYS, LEVEL_COUNT, 0};
static const EnumSpec ROLES = {ROLE_KEYS, ROLE_KIND_COUNT, 0};
static const EnumSpec SUBSCORES = {SUBSCORE_KEYS, SUB_COUNT, 0};
static const EnumSpec CONDITIONS = {CONDITION_KEYS, COND_COUNT, 0};
static const EnumSpec EFFECTS = {EFFECT_KEYS, EFFECT_COUNT, 0};
/* GENDER_UNSPECIFIED ("") is what an absent key leaves, not a value to write. */
static const EnumSpec GENDERS = {GENDER_KEYS + 1, GENDER_COUNT - 1, GENDER_FEMALE};

/* ---- the field tables: docs/scenario-format.md, one row per key --------- */

/* Each table comes before the tables that name it (.object), leaves first. */
#define TEXT(k, req, lo, hi) .key = k, .kind = FK_TEXT, .required = req, .min = lo, .max = hi
#define INT(k, req, lo, hi) .key = k, .kind = FK_INT, .required = req, .min = lo, .max = hi
#define MONEY(k, lo) .key = k, .kind = FK_MONEY, .required = true, .min = lo, .max = FIELD_MAX_MONEY
#define BOOL(k) .key = k, .kind = FK_BOOL
#define ID(k) .key = k, .kind = FK_ID, .required = true
#define REF(k, req) .key = k, .kind = FK_REF, .required = req
#define ENUM(k, req, of) .key = k, .kind = FK_ENUM, .required = req, .values = of
#define LIST(k, req, lo, hi, of) .key = k, .kind = FK_ARRAY, .required = req, .min = lo, .max = hi, .item = of
#define OBJECTS(k, req, lo, hi, spec) LIST(k, req, lo, hi, FK_OBJECT), .object = spec
#define OBJECT(k, spec) .key = k, .kind = FK_OBJECT, .object = spec
#define AT_INDEX(type, i) .stored = true, .offset = sizeof(type) * (size_t)(i)

static const FieldSpec CONDITION_FIELDS[] = {
    {ENUM("type", true, &CONDITIONS)},
    {REF("contact", false)},
    {REF("idea", false)},
    {INT("value", false, 0, 10000), FIELD_STORE(Condition, value)},
    {ENUM("subscore", false, &SUBSCORES), FIELD_STORE(Condition, subscore)},
};
static const ObjectSpec CONDITION_SPEC = OBJECT_SPEC(CONDITION_FIELDS);

static const FieldSpec EFFECT_FIELDS[] = {
    {ENUM("type", true, &EFFECTS)},
    {REF("contact", false)},
    {BOOL("known"), FIELD_STORE(Effect, known), DEFAULT(false)},
    {INT("weeks", false, 1, SCN_MAX_WEEKS), FIELD_STORE(Effect, weeks)},
    {REF("remove", false)},
    {REF("add", false)},
    {INT("amount", false, -100, 100), FIELD_STORE(Effect, amount)},
};
static const ObjectSpec EFFECT_SPEC = OBJECT_SPEC(EFFECT_FIELDS);

static const FieldSpec EVENT_FIELDS[] = {
    {ID("id"), FIELD_STORE(Event, id)},
    {INT("week", false, 1, SCN_MAX_WEEKS)},
    {INT("from_week", false, 1, SCN_MAX_WEEKS), FIELD_STORE(Event, from_week), DEFAULT(1)},
    {INT("to_week", false, 1, SCN_MAX_WEEKS), FIELD_STORE(Event, to_week),
     DEFAULT_BY_RULE("the scenario's last week")},
    {INT("probability", false, 0, 100), FIELD_STORE(Event, probability), DEFAULT(100)},
    {OBJECT("when", &CONDITION_SPEC)},
    {OBJECTS("effects", true, 1, SCN_MAX_EFFECTS, &EFFECT_SPEC)},
    {TEXT("message", false, 0, 500), FIELD_STORE(Event, message), DEFAULT_TEXT("")},
};
static const ObjectSpec EVENT_SPEC = OBJECT_SPEC(EVENT_FIELDS);

static const FieldSpec IDEA_FIELDS[] = {
    {ID("id"), FIELD_STORE(Idea, id)},
    {TEXT("title", true, 1, 80), FIELD_STORE(Idea, title)},
    {TEXT("description", true, 1, 1000), FIELD_STORE(Idea, description)},
    {REF("product", true)},
    {LIST("needs", true, 1, SCN_MAX_IDEA_NEEDS, FK_REF), .unique = true},
    {MONEY("value", 1), FIELD_STORE(Idea, value)},
    {ENUM("level", true, &LEVELS), FIELD_STORE(Idea, level)},
    {LIST("approvals", false, 0, SCN_MAX_APPROVALS, FK_REF)},
};
static const ObjectSpec IDEA_SPEC = OBJECT_SPEC(IDEA_FIELDS);

/* contact.lines: one optional text per LineKind, keyed by LINE_KEYS */
static const EnumSpec LINE_KINDS = {LINE_KEYS, LINE_COUNT, 0};
static const FieldSpec LINE_FIELD = {TEXT("", false, 0, 300), AT_INDEX(const char *, 0)};
static const ObjectSpec LINE_SPEC = KEYED_SPEC(&LINE_KINDS, &LINE_FIELD, sizeof(const char *));

static const FieldSpec REACTION_FIELDS[] = {
    {REF("idea", true)},
    {TEXT("pitch_yes", false, 1, 300), FIELD_STORE(Reaction, pitch_yes)},
    {TEXT("pitch_no", false, 1, 300), FIELD_STORE(Reaction, pitch_no)},
};
static const ObjectSpec REACTION_SPEC = OBJECT_SPEC(REACTION_FIELDS);

static const FieldSpec INTRODUCTION_FIELDS[] = {
    {REF("contact", true)},
    {TEXT("line", true, 1, 300), FIELD_STORE(Introduction, line)},
};
static const ObjectSpec INTRODUCTION_SPEC = OBJECT_SPEC(INTRODUCTION_FIELDS);

static const FieldSpec CONTACT_FIELDS[] = {
    {ID("id"), FIELD_STORE(Contact, id)},
    {TEXT("name", true, 1, 60), FIELD_STORE(Contact, name)},
    {TEXT("title", true, 1, 80), FIELD_STORE(Contact, title)},
    {REF("department", true)},
    {LIST("roles", false, 0, ROLE_KIND_COUNT, FK_ENUM), .values = &ROLES, .unique = true},
    {INT("influence", true, 1, 5), FIELD_STORE(Contact, influence)},
    {ENUM("mode", true, &MODES), FIELD_STORE(Contact, mode)},
    {INT("relationship", false, 0, 100), FIELD_STORE(Contact, relationship),
     DEFAULT_BY_RULE("40 for a contact known at the start, else 0")},
    {BOOL("known"), FIELD_STORE(Contact, known), DEFAULT(false)},
    {BOOL("main"), FIELD_STORE(Contact, main), DEFAULT(false)},
    {BOOL("findable"), FIELD_STORE(Contact, findable), DEFAULT(false)},
    {BOOL("present"), FIELD_STORE(Contact, present), DEFAULT(true)},
    {LIST("needs", false, 0, SCN_MAX_CONTACT_NEEDS, FK_REF), .unique = true},
    {LIST("refers", false, 0, SCN_MAX_REFERS, FK_REF), .unique = true},
    {OBJECT("lines", &LINE_SPEC)},
    {ENUM("gender", false, &GENDERS), FIELD_STORE(Contact, gender)},
    {OBJECTS("reactions", false, 0, SCN_MAX_IDEAS, &REACTION_SPEC)},
    {OBJECTS("introductions", false, 0, SCN_MAX_REFERS, &INTRODUCTION_SPEC)},
};
static const ObjectSpec CONTACT_SPEC = OBJECT_SPEC(CONTACT_FIELDS);

static const FieldSpec NEED_FIELDS[] = {
    {ID("id"), FIELD_STORE(Need, id)},
    {TEXT("text", true, 1, 200), FIELD_STORE(Need, text)},
    {BOOL("research"), FIELD_STORE(Need, research), DEFAULT(false)},
};
static const ObjectSpec NEED_SPEC = OBJECT_SPEC(NEED_FIELDS);

static const FieldSpec DEPARTMENT_FIELDS[] = {
    {ID("id"), FIELD_STORE(Department, id)},
    {TEXT("name", true, 1, 60), FIELD_STORE(Department, name)},
    {TEXT("description", false, 0, 500), FIELD_STORE(Department, description), DEFAULT_TEXT("")},
};
static const ObjectSpec DEPARTMENT_SPEC = OBJECT_SPEC(DEPARTMENT_FIELDS);

static const FieldSpec ACCOUNT_FIELDS[] = {
    {ID("id"), FIELD_STORE(Account, id)},
    {TEXT("name", true, 1, 80), FIELD_STORE(Account, name)},
    {TEXT("industry", true, 1, 80), FIELD_STORE(Account, industry)},
    {INT("employees", true, 1, 10000000), FIELD_STORE(Account, employees)},
    {TEXT("description", true, 1, 2000), FIELD_STORE(Account, description)},
    {MONEY("baseline", 0), FIELD_STORE(Account, baseline)},
    {MONEY("potential", 0), FIELD_STORE(Account, potential)},
    {MONEY("growth_target", 1), FIELD_STORE(Account, growth_target)},
    {INT("weight", false, 1, 100), FIELD_STORE(Account, weight), DEFAULT(1)},
    {OBJECTS("departments", true, 1, SCN_MAX_DEPARTMENTS, &DEPARTMENT_SPEC)},
    {OBJECTS("needs", true, 1, SCN_MAX_NEEDS, &NEED_SPEC)},
    {OBJECTS("contacts", true, 1, SCN_MAX_CONTACTS, &CONTACT_SPEC)},
    {OBJECTS("ideas", true, 1, SCN_MAX_IDEAS, &IDEA_SPEC)},
    {OBJECTS("events", false, 0, SCN_MAX_EVENTS, &EVENT_SPEC)},
};
static const ObjectSpec ACCOUNT_SPEC = OBJECT_SPEC(ACCOUNT_FIELDS);

static const FieldSpec NOTE_FIELDS[] = {
    {OBJECT("when", &CONDITION_SPEC), .required = true},
    {TEXT("text", true, 1, 500), FIELD_STORE(DebriefNote, text)},
    {REF("account", false)},
    {INT("week_reached", false, 1, SCN_MAX_WEEKS), FIELD_STORE(DebriefNote, week_reached), DEFAULT(1)},
};
static const ObjectSpec NOTE_SPEC = OBJECT_SPEC(NOTE_FIELDS);

/* scoring.weights: one per SubScore, keyed by SUBSCORE_KEYS */
static const FieldSpec WEIGHT_FIELD = {INT("", false, 0, 100), AT_INDEX(int, 0), DEFAULT_FROM_MODEL};
static const ObjectSpec WEIGHT_SPEC = KEYED_SPEC(&SUBSCORES, &WEIGHT_FIELD, sizeof(int));

static const FieldSpec SCORING_FIELDS[] = {
    {OBJECT("weights", &WEIGHT_SPEC)},
    {INT("pass_mark", false, 0, 100), FIELD_STORE(Scoring, pass_mark), DEFAULT_FROM_MODEL},
    {INT("referral_target", false, 1, 100), FIELD_STORE(Scoring, referral_target), DEFAULT_FROM_MODEL},
    {INT("idea_target", false, 1, 100), FIELD_STORE(Scoring, idea_target), DEFAULT_FROM_MODEL},
    {INT("penetration_target", false, 1, 100), FIELD_STORE(Scoring, penetration_target),
     DEFAULT_FROM_MODEL},
};
static const ObjectSpec SCORING_SPEC = OBJECT_SPEC(SCORING_FIELDS);

static const FieldSpec RULE_FIELDS[] = {
    {INT("engaged_at", false, 1, 100), FIELD_STORE(Rules, engaged_at), DEFAULT_FROM_MODEL},
    {INT("referral_at", false, 1, 100), FIELD_STORE(Rules, referral_at), DEFAULT_FROM_MODEL},
    {INT("single_thread_loss", false, 0, 100), FIELD_STORE(Rules, single_thread_loss), DEFAULT_FROM_MODEL},
    {INT("neglect_weeks", false, 1, 52), FIELD_STORE(Rules, neglect_weeks), DEFAULT_FROM_MODEL},
    {INT("erosion", false, 0, 50), FIELD_STORE(Rules, erosion), DEFAULT_FROM_MODEL},
    {INT("decay_weeks", false, 1, 52), FIELD_STORE(Rules, decay_weeks), DEFAULT_FROM_MODEL},
};
static const ObjectSpec RULE_SPEC = OBJECT_SPEC(RULE_FIELDS);

/* costs: hours of every action but the last, end_week, which is free */
_Static_assert(ACT_END_WEEK == ACT_COUNT - 1, "end_week must be the last action");
static const EnumSpec PAID_ACTIONS = {ACTION_KEYS, ACT_COUNT - 1, 0};
static const FieldSpec COST_FIELD = {INT("", false, 0, 40), AT_INDEX(int, 0), DEFAULT_FROM_MODEL};
static const ObjectSpec COST_SPEC = KEYED_SPEC(&PAID_ACTIONS, &COST_FIELD, sizeof(int));

static const FieldSpec PRODUCT_FIELDS[] = {
    {ID("id"), FIELD_STORE(Product, id)},
    {TEXT("name", true, 1, 80), FIELD_STORE(Product, name)},
    {TEXT("description", false, 0, 500), FIELD_STORE(Product, description), DEFAULT_TEXT("")},
};
static const ObjectSpec PRODUCT_SPEC = OBJECT_SPEC(PRODUCT_FIELDS);

static const FieldSpec SCENARIO_FIELDS[] = {
    {INT("format_version", true, 1, 1)}, /* other versions: check_format_version */
    {ID("id"), FIELD_STORE(Scenario, id)},
    {TEXT("title", true, 1, 80), FIELD_STORE(Scenario, title)},
    {TEXT("language", false, 1, 35), FIELD_STORE(Scenario, language), DEFAULT_FROM_MODEL},
    {TEXT("summary", true, 1, 300), FIELD_STORE(Scenario, summary)},
    {TEXT("briefing", true, 1, 4000), FIELD_STORE(Scenario, briefing)},
    {LIST("objectives", true, 1, SCN_MAX_OBJECTIVES, FK_TEXT), .item_max = 200},
    {INT("difficulty", false, 1, 5), FIELD_STORE(Scenario, difficulty), DEFAULT_FROM_MODEL},
    {TEXT("currency", false, 1, 8), FIELD_STORE(Scenario, currency), DEFAULT_FROM_MODEL},
    {TEXT("seller", true, 1, 80), FIELD_STORE(Scenario, seller)},
    {OBJECTS("products", true, 1, SCN_MAX_PRODUCTS, &PRODUCT_SPEC)},
    {INT("weeks", false, 1, SCN_MAX_WEEKS), FIELD_STORE(Scenario, weeks), DEFAULT_FROM_MODEL},
    {INT("hours_per_week", false, 1, SCN_MAX_HOURS), FIELD_STORE(Scenario, hours_per_week),
     DEFAULT_FROM_MODEL},
    {OBJECT("costs", &COST_SPEC)},
    {OBJECT("rules", &RULE_SPEC)},
    {OBJECT("scoring", &SCORING_SPEC)},
    {OBJECTS("debrief_notes", false, 0, SCN_MAX_NOTES, &NOTE_SPEC)},
    {OBJECTS("accounts", true, 1, SCN_MAX_ACCOUNTS, &ACCOUNT_SPEC)},
};
const ObjectSpec SCENARIO_SPEC = OBJECT_SPEC(SCENARIO_FIELDS);

/* Which optional keys each condition and effect type uses: a key the type
 * does not use is an error, and every key it uses is required, except where
 * `optional` says so. */
enum {
    USE_CONTACT = 1 << 0,
    USE_IDEA = 1 << 1,
    USE_VALUE = 1 << 2,
    USE_SUBSCORE = 1 << 3,
    USE_KNOWN = 1 << 4,
    USE_WEEKS = 1 << 5,
    USE_REMOVE = 1 << 6,
    USE_ADD = 1 << 7,
    USE_AMOUNT = 1 << 8,
};

typedef struct TypeRule {
    unsigned uses;
    unsigned optional;
    int value_min, value_max; /* conditions: the range of `value` */
    bool notes_only;          /* conditions: only in debrief notes */
} TypeRule;

static const TypeRule CONDITION_RULES[COND_COUNT] = {
    [COND_ALWAYS] = {0, 0, 0, 0, false},
    [COND_CONTACT_KNOWN] = {USE_CONTACT, 0, 0, 0, false},
    [COND_CONTACT_UNKNOWN] = {USE_CONTACT, 0, 0, 0, false},
    [COND_RELATIONSHIP_BELOW] = {USE_CONTACT | USE_VALUE, 0, 0, 100, false},
    [COND_RELATIONSHIP_AT_LEAST] = {USE_CONTACT | USE_VALUE, 0, 0, 100, false},
    [COND_IDEA_ADOPTED] = {USE_IDEA, 0, 0, 0, false},
    [COND_IDEA_NOT_ADOPTED] = {USE_IDEA, 0, 0, 0, false},
    [COND_ENGAGED_BELOW] = {USE_VALUE, 0, 0, 10000, false},
    [COND_ENGAGED_AT_LEAST] = {USE_VALUE, 0, 0, 10000, false},
    [COND_NO_SERVICE_FOR] = {USE_VALUE, 0, 1, SCN_MAX_WEEKS, false},
    [COND_SUBSCORE_BELOW] = {USE_SUBSCORE | USE_VALUE, 0, 0, 100, true},
    [COND_SUBSCORE_AT_LEAST] = {USE_SUBSCORE | USE_VALUE, 0, 0, 100, true},
};

static const TypeRule EFFECT_RULES[EFFECT_COUNT] = {
    [EFFECT_CONTACT_LEAVES] = {USE_CONTACT, 0, 0, 0, false},
    [EFFECT_CONTACT_ARRIVES] = {USE_CONTACT | USE_KNOWN, USE_KNOWN, 0, 0, false},
    [EFFECT_COMPETITOR] = {USE_WEEKS, 0, 0, 0, false},
    [EFFECT_BUDGET_FREEZE] = {USE_WEEKS, 0, 0, 0, false},
    [EFFECT_NEED_CHANGES] = {USE_CONTACT | USE_REMOVE | USE_ADD, USE_REMOVE | USE_ADD, 0, 0, false},
    [EFFECT_RELATIONSHIP] = {USE_CONTACT | USE_AMOUNT, 0, 0, 0, false},
};

typedef struct UseKey {
    const char *key;
    unsigned bit;
} UseKey;

static const UseKey USE_KEYS[] = {
    {"contact", USE_CONTACT}, {"idea", USE_IDEA},     {"value", USE_VALUE},
    {"subscore", USE_SUBSCORE}, {"known", USE_KNOWN}, {"weeks", USE_WEEKS},
    {"remove", USE_REMOVE},   {"add", USE_ADD},       {"amount", USE_AMOUNT},
};

/* ---- the loader's state ----------------------------------------------------- */

/* The items of one id'd list (contacts of an account, products, ...): their
 * JSON objects, their id values and an id -> index map. */
typedef struct IdList {
    const char *what; /* "contact", for messages */
    StrMap map;
    const cJSON **items;
    const cJSON **ids; /* NULL where the id is missing, invalid or a duplicate */
    int count;
} IdList;

typedef struct AccountLists {
    IdList departments, needs, contacts, ideas, events;
    const cJSON *(*contact_found)[FIELDS_MAX]; /* each contact's checked fields */
} AccountLists;

typedef struct Loader {
    FieldCtx fc;
    Scenario *s;
    Arena scratch; /* freed at the end of scn_parse */
    IdList products;
    IdList accounts;
    AccountLists lists[SCN_MAX_ACCOUNTS];
    int account; /* the account being read, or -1: where other kinds of ids are looked up */
} Loader;

static void *ld_array(Loader *L, Arena *a, int count, size_t size)
{
    void *p = arena_array(a, count > 0 ? (size_t)count : 1, size);
    L->fc.oom |= p == NULL;
    return p;
}

static JsonPos ld_pos(const Loader *L, const cJSON *node)
{
    return fc_pos(&L->fc, node);
}

#define ld_error(L, code, node, path, ...) \
    fc_report(&(L)->fc, SEV_ERROR, code, ld_pos(L, node), path, __VA_ARGS__)

static int list_size(const cJSON *array)
{
    return cJSON_IsArray(array) ? cJSON_GetArraySize(array) : 0;
}

/* ---- id lists --------------------------------------------------------------- */

static void idlist_init(Loader *L, IdList *list, const char *what, const cJSON *array)
{
    list->what = what;
    list->count = list_size(array);
    list->items = ld_array(L, &L->scratch, list->count, sizeof *list->items);
    list->ids = ld_array(L, &L->scratch, list->count, sizeof *list->ids);
    if (!strmap_init(&list->map, &L->scratch, (size_t)list->count)) {
        L->fc.oom = true;
    }
    if (!list->items || !list->ids || !list->map.slots) {
        list->count = 0;
        return;
    }
    int i = 0;
    for (const cJSON *it = array ? array->child : NULL; it; it = it->next) {
        list->items[i++] = it;
    }
}

/* Registers item i's id (found valid by the field check, or NULL). */
static void idlist_register(Loader *L, IdList *list, int i, const cJSON *id, const char *path)
{
    if (!id) {
        return;
    }
    int first = strmap_put(&list->map, id->valuestring, i);
    if (first >= 0) {
        JsonPos was = ld_pos(L, list->ids[first]);
        ld_error(L, "KA301", id, path, "duplicate %s id '%s' (first defined at %d:%d); give each %s its own id",
                 list->what, id->valuestring, was.line, was.col, list->what);
        return;
    }
    list->ids[i] = id;
}

/* Adds the closest id of list to a suggestion (within a budget, so a file
 * full of dangling references stays linear). */
static void idlist_offer(Loader *L, const IdList *list, TuSuggest *sg)
{
    if (L->fc.suggestions_left <= 0) {
        return;
    }
    L->fc.suggestions_left--;
    for (int i = 0; i < list->count; i++) {
        if (list->ids[i]) {
            tu_suggest_offer(sg, list->ids[i]->valuestring);
        }
    }
}

/* ---- hints for unknown references ------------------------------------------ */

static const char *item_text(const cJSON *item, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *article(const char *noun)
{
    return strchr("aeiou", noun[0]) ? "an" : "a";
}

/* A display name folded the way ids are written: "Fiona Walsh" -> "fiona_walsh". */
static void fold_name(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    bool gap = false;
    for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < cap; p++) {
        unsigned char c = *p >= 'A' && *p <= 'Z' ? (unsigned char)(*p + 32) : *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) {
            gap = n > 0;
            continue;
        }
        if (gap) {
            out[n++] = '_';
            gap = false;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
}

/* Is ref the id of something of another kind ("an idea id, not a contact
 * id")? The lists are read from their items, whether or not their ids are
 * registered yet. */
static bool hint_other_kind(Loader *L, const IdList *list, const char *ref, char *out, size_t cap)
{
    const IdList *others[7];
    int n = 0;
    others[n++] = &L->products;
    others[n++] = &L->accounts;
    if (L->account >= 0) {
        AccountLists *al = &L->lists[L->account];
        others[n++] = &al->departments;
        others[n++] = &al->needs;
        others[n++] = &al->contacts;
        others[n++] = &al->ideas;
        others[n++] = &al->events;
    }
    for (int k = 0; k < n; k++) {
        const IdList *o = others[k];
        if (o == list || !o->what) {
            continue;
        }
        for (int i = 0; i < o->count; i++) {
            const char *id = item_text(o->items[i], "id");
            if (id && strcmp(id, ref) == 0 && tu_is_id(id)) {
                snprintf(out, cap, "'%.80s' is %s %s id, not %s %s id", ref, article(o->what), o->what,
                         article(list->what), list->what);
                return true;
            }
        }
    }
    return false;
}

/* Is ref the display name of one of list's items written as an id
 * ("fiona_walsh" for Fiona Walsh)? exact: the folded name equals ref; else
 * the closest within the edit limit of a suggestion. */
static bool hint_display_name(const IdList *list, const char *ref, bool exact, char *out, size_t cap)
{
    const char *key = strcmp(list->what, "idea") == 0 ? "title" : "name";
    size_t len = strlen(ref);
    size_t limit = exact ? 0 : (len / 3 > 1 ? len / 3 : 1);
    size_t best_distance = limit + 1;
    int best = -1;
    for (int i = 0; i < list->count; i++) {
        const char *name = item_text(list->items[i], key);
        const char *id = item_text(list->items[i], "id");
        if (!name || !id || !tu_is_id(id)) {
            continue;
        }
        char folded[128];
        fold_name(name, folded, sizeof folded);
        size_t d = tu_edit_distance(ref, folded, limit);
        if (d < best_distance) {
            best_distance = d;
            best = i;
        }
    }
    if (best < 0) {
        return false;
    }
    snprintf(out, cap, "'%.80s' is not %s %s id; the %s %s %.80s has the id '%.64s'", ref,
             article(list->what), list->what, list->what, strcmp(key, "title") == 0 ? "titled" : "named",
             item_text(list->items[best], key), item_text(list->items[best], "id"));
    return true;
}

/* Reports an unknown reference to an item of list: an id of another kind,
 * a display name written as an id, or the closest id (sg), in that order. */
static void report_unknown_ref(Loader *L, const IdList *list, const char *what, const cJSON *ref,
                               const char *path, const TuSuggest *sg, const char *where)
{
    char hint[320];
    bool budget = L->fc.suggestions_left > 0;
    L->fc.suggestions_left -= budget;
    const char *id = ref->valuestring;
    if (budget && (hint_other_kind(L, list, id, hint, sizeof hint) ||
                   hint_display_name(list, id, true, hint, sizeof hint))) {
        ld_error(L, "KA302", ref, path, "%s", hint);
    } else if (sg->best) {
        ld_error(L, "KA302", ref, path, "unknown %s '%.80s'; did you mean '%s'?", what, id, sg->best);
    } else if (budget && hint_display_name(list, id, false, hint, sizeof hint)) {
        ld_error(L, "KA302", ref, path, "%s", hint);
    } else {
        ld_error(L, "KA302", ref, path, "unknown %s '%.80s'; no %s %s has this id", what, id, what, where);
    }
}

/* Resolves a reference (a string value) to an index of list, or reports it
 * and returns -1. Non-strings were reported by the field check. */
static int idlist_resolve(Loader *L, const IdList *list, const cJSON *ref, const char *path,
                          const char *where)
{
    if (!cJSON_IsString(ref)) {
        return -1;
    }
    int i = strmap_get(&list->map, ref->valuestring);
    if (i >= 0) {
        return i;
    }
    TuSuggest sg;
    tu_suggest_init(&sg, ref->valuestring);
    idlist_offer(L, list, &sg);
    report_unknown_ref(L, list, list->what, ref, path, &sg, where);
    return -1;
}

/* Resolves a list of references into an arena array of indices; duplicates
 * in the list are errors. Returns the number stored in *out. */
static int resolve_ref_list(Loader *L, const IdList *list, const cJSON *array, const char *path,
                            const char *where, int **out)
{
    int n = list_size(array);
    int *idx = ld_array(L, &L->s->arena, n, sizeof *idx);
    int count = 0;
    *out = idx;
    if (!idx) {
        return 0;
    }
    int i = 0;
    for (const cJSON *it = array ? array->child : NULL; it; it = it->next, i++) {
        char p[FIELD_PATH_MAX];
        path_item(p, path, "", i);
        int k = idlist_resolve(L, list, it, p, where);
        if (k < 0) {
            continue;
        }
        bool repeated = false;
        for (int j = 0; j < count; j++) { /* lists are at most 32 long */
            repeated |= idx[j] == k;
        }
        if (repeated) {
            ld_error(L, "KA313", it, p, "'%s' is listed twice; remove the repeat", it->valuestring);
            continue;
        }
        idx[count++] = k;
    }
    return count;
}

/* ---- small object loaders ----------------------------------------------- */

static void load_flat(Loader *L, const cJSON *obj, const ObjectSpec *spec, const char *path,
                      void *target)
{
    const cJSON *found[FIELDS_MAX];
    if (obj && fields_check(&L->fc, obj, spec, path, found)) {
        fields_store(&L->fc, spec, found, target);
    }
}

static void load_scoring(Loader *L, const cJSON *obj)
{
    const cJSON *found[FIELDS_MAX];
    if (!obj || !fields_check(&L->fc, obj, &SCORING_SPEC, "scoring", found)) {
        return;
    }
    fields_store(&L->fc, &SCORING_SPEC, found, &L->s->scoring);
    const cJSON *weights = fields_get(&SCORING_SPEC, found, "weights");
    if (!weights) {
        return;
    }
    load_flat(L, weights, &WEIGHT_SPEC, "scoring.weights", L->s->scoring.weights);
    int sum = 0;
    for (int i = 0; i < SUB_COUNT; i++) {
        sum += L->s->scoring.weights[i];
    }
    if (sum == 0) {
        ld_error(L, "KA307", weights, "scoring.weights",
                 "all weights are 0, so nothing would count towards the score; give at least "
                 "one a value above 0");
    }
}

static void load_products(Loader *L, const cJSON *array)
{
    Scenario *s = L->s;
    idlist_init(L, &L->products, "product", array);
    s->products = ld_array(L, &s->arena, L->products.count, sizeof *s->products);
    if (!s->products) {
        return;
    }
    s->product_count = L->products.count;
    for (int i = 0; i < L->products.count; i++) {
        char p[FIELD_PATH_MAX];
        path_item(p, "", "products", i);
        const cJSON *found[FIELDS_MAX];
        Product *pr = &s->products[i];
        fields_defaults(&PRODUCT_SPEC, pr);
        if (fields_check(&L->fc, L->products.items[i], &PRODUCT_SPEC, p, found)) {
            fields_store(&L->fc, &PRODUCT_SPEC, found, pr);
            idlist_register(L, &L->products, i, fields_get(&PRODUCT_SPEC, found, "id"), p);
        }
    }
}

static void load_objectives(Loader *L, const cJSON *array)
{
    Scenario *s = L->s;
    int n = list_size(array);
    s->objectives = ld_array(L, &s->arena, n, sizeof *s->objectives);
    if (!s->objectives) {
        return;
    }
    for (const cJSON *it = array ? array->child : NULL; it; it = it->next) {
        if (cJSON_IsString(it)) {
            const char *t = arena_strdup(&s->arena, it->valuestring);
            L->fc.oom |= t == NULL;
            s->objectives[s->objective_count++] = t;
        }
    }
}

static bool is_language_tag(const char *s)
{
    /* BCP 47 in its common shapes: "en", "ru", "pt-BR", "zh-Hant-TW". */
    size_t part = 0, parts = 0;
    for (;; s++) {
        char c = *s;
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool digit = c >= '0' && c <= '9';
        if (alpha || (digit && parts > 0)) {
            if (++part > 8) {
                return false;
            }
        } else if (c == '-' || c == '\0') {
            if (part == 0 || (parts == 0 && part < 2)) {
                return false;
            }
            parts++;
            part = 0;
            if (c == '\0') {
                return true;
            }
        } else {
            return false;
        }
    }
}

/* ---- conditions and effects ----------------------------------------------- */

/* Checks which keys of a condition or effect object its type allows and
 * requires. Returns false when a required key is missing. */
static bool check_type_keys(Loader *L, const cJSON *obj, const TypeRule *rule, const char *type,
                            const char *what, const char *path)
{
    unsigned present = 0;
    for (const cJSON *m = obj->child; m; m = m->next) {
        for (size_t k = 0; k < sizeof USE_KEYS / sizeof USE_KEYS[0]; k++) {
            if (strcmp(m->string, USE_KEYS[k].key) != 0) {
                continue;
            }
            present |= USE_KEYS[k].bit;
            if (!(rule->uses & USE_KEYS[k].bit)) {
                fc_report(&L->fc, SEV_ERROR, "KA305", fc_key_pos(&L->fc, m), path,
                          "%s type '%s' does not use the key '%s'; remove it", what, type,
                          m->string);
            }
        }
    }
    bool ok = true;
    for (size_t k = 0; k < sizeof USE_KEYS / sizeof USE_KEYS[0]; k++) {
        unsigned bit = USE_KEYS[k].bit;
        if ((rule->uses & bit) && !(rule->optional & bit) && !(present & bit)) {
            ld_error(L, "KA204", obj, path, "%s type '%s' needs the key '%s'", what, type,
                     USE_KEYS[k].key);
            ok = false;
        }
    }
    return ok;
}

/* Loads a condition of account `a` (-1 when the account is unknown: then
 * references cannot be checked). */
static void load_condition(Loader *L, const cJSON *obj, int a, bool in_note, const char *path,
                           Condition *c)
{
    c->kind = COND_ALWAYS;
    c->account = a < 0 ? 0 : a;
    c->contact = -1;
    c->idea = -1;
    const cJSON *found[FIELDS_MAX];
    if (!fields_check(&L->fc, obj, &CONDITION_SPEC, path, found)) {
        return;
    }
    fields_store(&L->fc, &CONDITION_SPEC, found, c);
    const cJSON *type = fields_get(&CONDITION_SPEC, found, "type");
    if (!type) {
        return;
    }
    c->kind = (ConditionKind)enum_value(&CONDITIONS, type->valuestring);
    const TypeRule *rule = &CONDITION_RULES[c->kind];
    check_type_keys(L, obj, rule, type->valuestring, "condition", path);
    if (rule->notes_only && !in_note) {
        ld_error(L, "KA311", type, path,
                 "condition type '%s' can only be used in debrief notes, not in events",
                 type->valuestring);
    }
    const cJSON *value = fields_get(&CONDITION_SPEC, found, "value");
    if (value && (rule->uses & USE_VALUE) &&
        (c->value < rule->value_min || c->value > rule->value_max)) {
        char p[FIELD_PATH_MAX];
        path_key(p, path, "value");
        ld_error(L, "KA205", value, p, "for condition type '%s' the value must be between %d and %d",
                 type->valuestring, rule->value_min, rule->value_max);
    }
    if (a < 0) {
        return;
    }
    AccountLists *lists = &L->lists[a];
    char p[FIELD_PATH_MAX];
    const cJSON *contact = fields_get(&CONDITION_SPEC, found, "contact");
    if (contact && (rule->uses & USE_CONTACT)) {
        path_key(p, path, "contact");
        c->contact = idlist_resolve(L, &lists->contacts, contact, p, "in this account");
    }
    const cJSON *idea = fields_get(&CONDITION_SPEC, found, "idea");
    if (idea && (rule->uses & USE_IDEA)) {
        path_key(p, path, "idea");
        c->idea = idlist_resolve(L, &lists->ideas, idea, p, "in this account");
    }
}

static void load_effect(Loader *L, const cJSON *obj, int a, const char *path, Effect *e)
{
    fields_defaults(&EFFECT_SPEC, e);
    e->contact = -1;
    e->need_removed = -1;
    e->need_added = -1;
    const cJSON *found[FIELDS_MAX];
    if (!fields_check(&L->fc, obj, &EFFECT_SPEC, path, found)) {
        return;
    }
    fields_store(&L->fc, &EFFECT_SPEC, found, e);
    const cJSON *type = fields_get(&EFFECT_SPEC, found, "type");
    if (!type) {
        return;
    }
    e->kind = (EffectKind)enum_value(&EFFECTS, type->valuestring);
    const TypeRule *rule = &EFFECT_RULES[e->kind];
    check_type_keys(L, obj, rule, type->valuestring, "effect", path);
    const cJSON *remove = fields_get(&EFFECT_SPEC, found, "remove");
    const cJSON *add = fields_get(&EFFECT_SPEC, found, "add");
    if (e->kind == EFFECT_NEED_CHANGES && !cJSON_GetObjectItemCaseSensitive(obj, "remove") &&
        !cJSON_GetObjectItemCaseSensitive(obj, "add")) {
        ld_error(L, "KA204", obj, path,
                 "effect type 'need_changes' needs 'remove', 'add' or both: the need ids that change");
    }
    AccountLists *lists = &L->lists[a];
    char p[FIELD_PATH_MAX];
    const cJSON *contact = fields_get(&EFFECT_SPEC, found, "contact");
    if (contact && (rule->uses & USE_CONTACT)) {
        path_key(p, path, "contact");
        e->contact = idlist_resolve(L, &lists->contacts, contact, p, "in this account");
    }
    if (remove && (rule->uses & USE_REMOVE)) {
        path_key(p, path, "remove");
        e->need_removed = idlist_resolve(L, &lists->needs, remove, p, "in this account");
    }
    if (add && (rule->uses & USE_ADD)) {
        path_key(p, path, "add");
        e->need_added = idlist_resolve(L, &lists->needs, add, p, "in this account");
    }
    if (e->kind == EFFECT_CONTACT_ARRIVES && e->contact >= 0 &&
        L->s->accounts[a].contacts[e->contact].present) {
        path_key(p, path, "contact");
        ld_error(L, "KA308", contact, p,
                 "'%s' is already present at the start, so cannot arrive; give the contact "
                 "\"present\": false",
                 contact->valuestring);
    }
}

/* ---- events ------------------------------------------------------------------- */

static void check_event_weeks(Loader *L, const cJSON *found[FIELDS_MAX], Event *ev,
                              const char *path)
{
    const cJSON *week = fields_get(&EVENT_SPEC, found, "week");
    const cJSON *from = fields_get(&EVENT_SPEC, found, "from_week");
    const cJSON *to = fields_get(&EVENT_SPEC, found, "to_week");
    int weeks = L->s->weeks;
    char p[FIELD_PATH_MAX];
    if (week && (from || to)) {
        path_key(p, path, "week");
        fc_report(&L->fc, SEV_ERROR, "KA305", fc_key_pos(&L->fc, week), p,
                  "'week' cannot be combined with 'from_week' or 'to_week'; use either one "
                  "week or a window");
    }
    if (week) {
        ev->from_week = ev->to_week = (int)field_int(week);
    }
    const cJSON *checks[3] = {week, from, to};
    const char *names[3] = {"week", "from_week", "to_week"};
    for (int i = 0; i < 3; i++) {
        if (checks[i] && field_int(checks[i]) > weeks) {
            path_key(p, path, names[i]);
            ld_error(L, "KA304", checks[i], p,
                     "week %d is after the last week of the scenario (week %d)",
                     (int)field_int(checks[i]), weeks);
        }
    }
    if (ev->from_week > ev->to_week && !week) {
        path_key(p, path, to ? "to_week" : "from_week");
        ld_error(L, "KA304", to ? to : from, p, "the window is empty: from_week %d is after to_week %d",
                 ev->from_week, ev->to_week);
    }
}

static void load_event(Loader *L, int a, int i, const char *path)
{
    Account *acc = &L->s->accounts[a];
    IdList *list = &L->lists[a].events;
    Event *ev = &acc->events[i];
    fields_defaults(&EVENT_SPEC, ev);
    ev->to_week = L->s->weeks;
    ev->when.kind = COND_ALWAYS;
    ev->when.account = a;
    ev->when.contact = -1;
    ev->when.idea = -1;
    const cJSON *found[FIELDS_MAX];
    if (!fields_check(&L->fc, list->items[i], &EVENT_SPEC, path, found)) {
        return;
    }
    fields_store(&L->fc, &EVENT_SPEC, found, ev);
    idlist_register(L, list, i, fields_get(&EVENT_SPEC, found, "id"), path);
    check_event_weeks(L, found, ev, path);
    char p[FIELD_PATH_MAX];
    const cJSON *when = fields_get(&EVENT_SPEC, found, "when");
    if (when) {
        path_key(p, path, "when");
        load_condition(L, when, a, false, p, &ev->when);
    }
    const cJSON *effects = fields_get(&EVENT_SPEC, found, "effects");
    int k = 0;
    for (const cJSON *it = effects ? effects->child : NULL; it && k < SCN_MAX_EFFECTS;
         it = it->next, k++) {
        path_item(p, path, "effects", k);
        load_effect(L, it, a, p, &ev->effects[k]);
    }
    ev->effect_count = k;
}

/* ---- ideas ---------------------------------------------------------------- */

static int role_bit(const char *key)
{
    int r = enum_find(&ROLES, key);
    return r < 0 ? 0 : (int)role_from_index(r);
}

static void load_approvals(Loader *L, int a, Idea *idea, const cJSON *array, const char *path)
{
    int n = list_size(array);
    idea->approval_contacts = ld_array(L, &L->s->arena, n, sizeof *idea->approval_contacts);
    if (!idea->approval_contacts) {
        return;
    }
    const IdList *contacts = &L->lists[a].contacts;
    int i = 0;
    for (const cJSON *it = array ? array->child : NULL; it; it = it->next, i++) {
        char p[FIELD_PATH_MAX];
        path_item(p, path, "", i);
        if (!cJSON_IsString(it)) {
            continue;
        }
        int bit = role_bit(it->valuestring);
        if (bit) {
            idea->approval_roles |= (unsigned)bit;
            continue;
        }
        int k = strmap_get(&contacts->map, it->valuestring);
        if (k >= 0) {
            idea->approval_contacts[idea->approval_contact_count++] = k;
            continue;
        }
        TuSuggest sg;
        tu_suggest_init(&sg, it->valuestring);
        for (int r = 0; r < ROLE_KIND_COUNT; r++) {
            tu_suggest_offer(&sg, ROLE_KEYS[r]);
        }
        idlist_offer(L, contacts, &sg);
        report_unknown_ref(L, contacts, "role or contact", it, p, &sg, "in this account");
    }
}

static void load_idea(Loader *L, int a, int i, const char *path)
{
    Idea *idea = &L->s->accounts[a].ideas[i];
    IdList *list = &L->lists[a].ideas;
    idea->product = -1;
    const cJSON *found[FIELDS_MAX];
    if (!fields_check(&L->fc, list->items[i], &IDEA_SPEC, path, found)) {
        return;
    }
    fields_store(&L->fc, &IDEA_SPEC, found, idea);
    idlist_register(L, list, i, fields_get(&IDEA_SPEC, found, "id"), path);
    char p[FIELD_PATH_MAX];
    const cJSON *product = fields_get(&IDEA_SPEC, found, "product");
    if (product) {
        path_key(p, path, "product");
        idea->product = idlist_resolve(L, &L->products, product, p, "in this scenario");
    }
    const cJSON *needs = fields_get(&IDEA_SPEC, found, "needs");
    if (needs) {
        path_key(p, path, "needs");
        idea->need_count = resolve_ref_list(L, &L->lists[a].needs, needs, p, "in this account",
                                            &idea->needs);
    }
    const cJSON *approvals = fields_get(&IDEA_SPEC, found, "approvals");
    if (approvals) {
        path_key(p, path, "approvals");
        load_approvals(L, a, idea, approvals, p);
    }
}

/* ---- contacts ----------------------------------------------------------- */

/* Languages whose sentences agree with a person's grammatical gender, so
 * that every contact must have one: Russian ("ru", "ru-RU", ...). */
static bool language_needs_gender(const char *tag)
{
    return tag && (tag[0] == 'r' || tag[0] == 'R') && (tag[1] == 'u' || tag[1] == 'U')
           && (tag[2] == '\0' || tag[2] == '-' || tag[2] == '_');
}

/* One contact's introductions: each names a colleague from their refers
 * list, at most once. */
static void load_introductions(Loader *L, int a, int i, const cJSON *array, const char *path)
{
    Contact *c = &L->s->accounts[a].contacts[i];
    int n = list_size(array);
    c->introductions = ld_array(L, &L->s->arena, n, sizeof *c->introductions);
    if (!c->introductions) {
        return;
    }
    int k = 0;
    for (const cJSON *it = array ? array->child : NULL; it; it = it->next, k++) {
        char p[FIELD_PATH_MAX], q[FIELD_PATH_MAX];
        path_item(p, path, "", k);
        const cJSON *found[FIELDS_MAX];
        if (!fields_check(&L->fc, it, &INTRODUCTION_SPEC, p, found)) {
            continue;
        }
        Introduction intro = {.contact = -1};
        fields_store(&L->fc, &INTRODUCTION_SPEC, found, &intro);
        const cJSON *who = fields_get(&INTRODUCTION_SPEC, found, "contact");
        if (!who || !intro.line) {
            continue;
        }
        path_key(q, p, "contact");
        intro.contact = idlist_resolve(L, &L->lists[a].contacts, who, q, "in this account");
        if (intro.contact < 0) {
            continue;
        }
        bool listed = false;
        for (int r = 0; r < c->refer_count; r++) {
            listed |= c->refers[r] == intro.contact;
        }
        if (!listed) {
            ld_error(L, "KA315", who, q,
                     "'%s' is not in this contact's \"refers\" list, so this introduction can never "
                     "happen; add '%s' to \"refers\" or remove the introduction",
                     who->valuestring, who->valuestring);
            continue;
        }
        bool repeated = false;
        for (int r = 0; r < c->introduction_count; r++) {
            repeated |= c->introductions[r].contact == intro.contact;
        }
        if (repeated) {
            ld_error(L, "KA313", who, q, "'%s' has a second introduction; keep only one",
                     who->valuestring);
            continue;
        }
        c->introductions[c->introduction_count++] = intro;
    }
}

/* One contact's reactions to particular ideas: read once every idea of the
 * account has its id. */
static void load_reactions(Loader *L, int a, int i, const char *contact_path)
{
    const cJSON *const *found_c = L->lists[a].contact_found[i];
    const cJSON *array = fields_get(&CONTACT_SPEC, found_c, "reactions");
    if (!array) {
        return;
    }
    Contact *c = &L->s->accounts[a].contacts[i];
    char path[FIELD_PATH_MAX];
    path_key(path, contact_path, "reactions");
    int n = list_size(array);
    c->reactions = ld_array(L, &L->s->arena, n, sizeof *c->reactions);
    if (!c->reactions) {
        return;
    }
    int k = 0;
    for (const cJSON *it = array->child; it; it = it->next, k++) {
        char p[FIELD_PATH_MAX], q[FIELD_PATH_MAX];
        path_item(p, path, "", k);
        const cJSON *found[FIELDS_MAX];
        if (!fields_check(&L->fc, it, &REACTION_SPEC, p, found)) {
            continue;
        }
        Reaction r = {.idea = -1};
        fields_store(&L->fc, &REACTION_SPEC, found, &r);
        const cJSON *idea = fields_get(&REACTION_SPEC, found, "idea");
        if (!cJSON_GetObjectItemCaseSensitive(it, "pitch_yes")
            && !cJSON_GetObjectItemCaseSensitive(it, "pitch_no")) {
            ld_error(L, "KA204", it, p,
                     "a reaction needs \"pitch_yes\", \"pitch_no\" or both: what the person says "
                     "when the idea wins them over, and when it does not");
            continue;
        }
        if (!idea) {
            continue;
        }
        path_key(q, p, "idea");
        r.idea = idlist_resolve(L, &L->lists[a].ideas, idea, q, "in this account");
        if (r.idea < 0 || (!r.pitch_yes && !r.pitch_no)) {
            continue;
        }
        bool repeated = false;
        for (int j = 0; j < c->reaction_count; j++) {
            repeated |= c->reactions[j].idea == r.idea;
        }
        if (repeated) {
            ld_error(L, "KA313", idea, q,
                     "'%s' has a second reaction from this contact; keep only one",
                     idea->valuestring);
            continue;
        }
        c->reactions[c->reaction_count++] = r;
    }
}

/* First pass over one contact: fields and id, so that references between
 * contacts (refers, approvals, events) can be resolved in any order. */
static void load_contact_fields(Loader *L, int a, int i, const char *path,
                                const cJSON *found[FIELDS_MAX])
{
    Contact *c = &L->s->accounts[a].contacts[i];
    IdList *list = &L->lists[a].contacts;
    fields_defaults(&CONTACT_SPEC, c);
    c->department = -1;
    c->relationship = -1; /* until the rule of its row: see below */
    if (!fields_check(&L->fc, list->items[i], &CONTACT_SPEC, path, found)) {
        return;
    }
    fields_store(&L->fc, &CONTACT_SPEC, found, c);
    if (c->relationship < 0) {
        c->relationship = c->known ? 40 : 0;
    }
    if (language_needs_gender(L->s->language)
        && !cJSON_GetObjectItemCaseSensitive(list->items[i], "gender")) {
        ld_error(L, "KA314", list->items[i], path,
                 "the scenario is in '%s', whose sentences agree with a person's grammatical "
                 "gender; add \"gender\": \"f\" or \"gender\": \"m\"",
                 L->s->language);
    }
    const cJSON *id = fields_get(&CONTACT_SPEC, found, "id");
    if (id && role_bit(id->valuestring)) {
        ld_error(L, "KA309", id, path,
                 "the id '%s' is also the name of a buying role, so an approval naming it would "
                 "be ambiguous; rename the contact",
                 id->valuestring);
    }
    idlist_register(L, list, i, id, path);
}

static void load_contact_refs(Loader *L, int a, int i, const char *path,
                              const cJSON *const found[FIELDS_MAX])
{
    Contact *c = &L->s->accounts[a].contacts[i];
    AccountLists *lists = &L->lists[a];
    char p[FIELD_PATH_MAX];
    const cJSON *dept = fields_get(&CONTACT_SPEC, found, "department");
    if (dept) {
        path_key(p, path, "department");
        c->department = idlist_resolve(L, &lists->departments, dept, p, "in this account");
    }
    const cJSON *roles = fields_get(&CONTACT_SPEC, found, "roles");
    for (const cJSON *it = roles ? roles->child : NULL; it; it = it->next) {
        c->roles |= (unsigned)role_bit(it->valuestring);
    }
    const cJSON *needs = fields_get(&CONTACT_SPEC, found, "needs");
    path_key(p, path, "needs");
    c->need_count = resolve_ref_list(L, &lists->needs, needs, p, "in this account", &c->needs);
    const cJSON *refers = fields_get(&CONTACT_SPEC, found, "refers");
    path_key(p, path, "refers");
    c->refer_count = resolve_ref_list(L, &lists->contacts, refers, p, "in this account", &c->refers);
    for (int k = 0; k < c->refer_count; k++) {
        if (c->refers[k] == i) {
            ld_error(L, "KA312", refers, p,
                     "'%s' refers to themselves; list only other contacts", c->id);
        }
    }
    const cJSON *lines = fields_get(&CONTACT_SPEC, found, "lines");
    if (lines) {
        path_key(p, path, "lines");
        load_flat(L, lines, &LINE_SPEC, p, c->lines);
    }
    const cJSON *intros = fields_get(&CONTACT_SPEC, found, "introductions");
    if (intros) {
        path_key(p, path, "introductions");
        load_introductions(L, a, i, intros, p);
    }
}

/* True when an item's boolean flag was given but is not a boolean: rules
 * about it would only repeat that error. */
static bool flag_invalid(const cJSON *item, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);
    return v && !cJSON_IsBool(v);
}

/* Exactly one main contact, known and present; someone known and present. */
static void check_main_contact(Loader *L, int a, const cJSON *contacts, const char *path)
{
    const Account *acc = &L->s->accounts[a];
    const IdList *list = &L->lists[a].contacts;
    int main_index = -1;
    bool someone_known = false;
    for (int i = 0; i < acc->contact_count; i++) {
        const Contact *c = &acc->contacts[i];
        bool known_unclear = flag_invalid(list->items[i], "known");
        bool present_unclear = flag_invalid(list->items[i], "present");
        someone_known |= (c->known || known_unclear) && (c->present || present_unclear);
        if (!c->main) {
            continue;
        }
        const cJSON *flag = cJSON_GetObjectItemCaseSensitive(list->items[i], "main");
        char p[FIELD_PATH_MAX];
        path_item(p, path, "contacts", i);
        if (main_index >= 0) {
            JsonPos was = ld_pos(L, list->items[main_index]);
            ld_error(L, "KA303", flag, p,
                     "a second main contact; only one contact may be \"main\": true (the first is "
                     "'%s' at %d:%d)",
                     acc->contacts[main_index].id ? acc->contacts[main_index].id : "?", was.line,
                     was.col);
            continue;
        }
        main_index = i;
        if (!c->known && !known_unclear) {
            ld_error(L, "KA303", flag, p, "the main contact must also be \"known\": true");
        }
        if (!c->present && !present_unclear) {
            ld_error(L, "KA303", flag, p,
                     "the main contact must be present at the start; remove \"present\": false");
        }
    }
    char p[FIELD_PATH_MAX];
    path_key(p, path, "contacts");
    bool main_unclear = false;
    for (int i = 0; i < acc->contact_count && main_index < 0; i++) {
        main_unclear |= flag_invalid(list->items[i], "main");
    }
    if (acc->contact_count > 0 && main_index < 0 && !main_unclear) {
        ld_error(L, "KA303", contacts, p,
                 "no contact is the main contact; mark the one the trainee starts with "
                 "\"main\": true");
    }
    if (acc->contact_count > 0 && !someone_known) {
        ld_error(L, "KA306", contacts, p,
                 "no contact is known and present at the start, so the trainee could do "
                 "nothing; mark at least one \"known\": true");
    }
}

static void load_contacts(Loader *L, int a, const cJSON *contacts, const char *path)
{
    Account *acc = &L->s->accounts[a];
    int n = L->lists[a].contacts.count;
    const cJSON *(*found)[FIELDS_MAX] = ld_array(L, &L->scratch, n, sizeof *found);
    acc->contacts = ld_array(L, &L->s->arena, n, sizeof *acc->contacts);
    if (!found || !acc->contacts) {
        return;
    }
    L->lists[a].contact_found = found;
    acc->contact_count = n;
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < n; i++) {
        path_item(p, path, "contacts", i);
        load_contact_fields(L, a, i, p, found[i]);
    }
    for (int i = 0; i < n; i++) {
        path_item(p, path, "contacts", i);
        load_contact_refs(L, a, i, p, found[i]);
    }
    check_main_contact(L, a, contacts, path);
}

/* ---- accounts ------------------------------------------------------------------ */

static void load_departments(Loader *L, int a, const char *path)
{
    Account *acc = &L->s->accounts[a];
    IdList *list = &L->lists[a].departments;
    acc->departments = ld_array(L, &L->s->arena, list->count, sizeof *acc->departments);
    if (!acc->departments) {
        return;
    }
    acc->department_count = list->count;
    for (int i = 0; i < list->count; i++) {
        char p[FIELD_PATH_MAX];
        path_item(p, path, "departments", i);
        const cJSON *found[FIELDS_MAX];
        fields_defaults(&DEPARTMENT_SPEC, &acc->departments[i]);
        if (fields_check(&L->fc, list->items[i], &DEPARTMENT_SPEC, p, found)) {
            fields_store(&L->fc, &DEPARTMENT_SPEC, found, &acc->departments[i]);
            idlist_register(L, list, i, fields_get(&DEPARTMENT_SPEC, found, "id"), p);
        }
    }
}

static void load_needs(Loader *L, int a, const char *path)
{
    Account *acc = &L->s->accounts[a];
    IdList *list = &L->lists[a].needs;
    acc->needs = ld_array(L, &L->s->arena, list->count, sizeof *acc->needs);
    if (!acc->needs) {
        return;
    }
    acc->need_count = list->count;
    for (int i = 0; i < list->count; i++) {
        char p[FIELD_PATH_MAX];
        path_item(p, path, "needs", i);
        const cJSON *found[FIELDS_MAX];
        fields_defaults(&NEED_SPEC, &acc->needs[i]);
        if (fields_check(&L->fc, list->items[i], &NEED_SPEC, p, found)) {
            fields_store(&L->fc, &NEED_SPEC, found, &acc->needs[i]);
            idlist_register(L, list, i, fields_get(&NEED_SPEC, found, "id"), p);
        }
    }
}

static void load_account(Loader *L, int a, const char *path)
{
    Account *acc = &L->s->accounts[a];
    AccountLists *lists = &L->lists[a];
    fields_defaults(&ACCOUNT_SPEC, acc);
    const cJSON *found[FIELDS_MAX];
    if (!fields_check(&L->fc, L->accounts.items[a], &ACCOUNT_SPEC, path, found)) {
        return;
    }
    fields_store(&L->fc, &ACCOUNT_SPEC, found, acc);
    idlist_register(L, &L->accounts, a, fields_get(&ACCOUNT_SPEC, found, "id"), path);
    L->account = a;
    const cJSON *contacts = fields_get(&ACCOUNT_SPEC, found, "contacts");
    idlist_init(L, &lists->departments, "department", fields_get(&ACCOUNT_SPEC, found, "departments"));
    idlist_init(L, &lists->needs, "need", fields_get(&ACCOUNT_SPEC, found, "needs"));
    idlist_init(L, &lists->contacts, "contact", contacts);
    idlist_init(L, &lists->ideas, "idea", fields_get(&ACCOUNT_SPEC, found, "ideas"));
    idlist_init(L, &lists->events, "event", fields_get(&ACCOUNT_SPEC, found, "events"));
    if (L->fc.oom) {
        return;
    }
    load_departments(L, a, path);
    load_needs(L, a, path);
    load_contacts(L, a, contacts, path);
    acc->ideas = ld_array(L, &L->s->arena, lists->ideas.count, sizeof *acc->ideas);
    acc->events = ld_array(L, &L->s->arena, lists->events.count, sizeof *acc->events);
    if (!acc->ideas || !acc->events) {
        return;
    }
    acc->idea_count = lists->ideas.count;
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < acc->idea_count; i++) {
        path_item(p, path, "ideas", i);
        load_idea(L, a, i, p);
    }
    /* Reactions name ideas: read them once every idea has its id. */
    for (int i = 0; i < acc->contact_count && L->lists[a].contact_found; i++) {
        path_item(p, path, "contacts", i);
        load_reactions(L, a, i, p);
    }
    /* Events refer to ideas by id: register them all before any event. */
    acc->event_count = lists->events.count;
    for (int i = 0; i < acc->event_count; i++) {
        path_item(p, path, "events", i);
        load_event(L, a, i, p);
    }
}

static void load_accounts(Loader *L, const cJSON *array)
{
    Scenario *s = L->s;
    idlist_init(L, &L->accounts, "account", array);
    s->accounts = ld_array(L, &s->arena, L->accounts.count, sizeof *s->accounts);
    if (!s->accounts) {
        return;
    }
    s->account_count = L->accounts.count;
    for (int a = 0; a < s->account_count && !L->fc.oom; a++) {
        char p[FIELD_PATH_MAX];
        path_item(p, "", "accounts", a);
        load_account(L, a, p);
    }
    L->account = -1;
}

/* ---- debrief notes --------------------------------------------------------- */

static void load_note(Loader *L, const cJSON *obj, const char *path, DebriefNote *note)
{
    const cJSON *found[FIELDS_MAX];
    note->when.contact = -1;
    note->when.idea = -1;
    if (!fields_check(&L->fc, obj, &NOTE_SPEC, path, found)) {
        return;
    }
    fields_store(&L->fc, &NOTE_SPEC, found, note);
    int a = L->s->account_count == 1 ? 0 : -1;
    const cJSON *account = fields_get(&NOTE_SPEC, found, "account");
    char p[FIELD_PATH_MAX];
    if (account) {
        path_key(p, path, "account");
        a = idlist_resolve(L, &L->accounts, account, p, "in this scenario");
    } else if (L->s->account_count > 1 && !cJSON_GetObjectItemCaseSensitive(obj, "account")) {
        ld_error(L, "KA204", obj, path,
                 "the key 'account' is missing: this scenario has %d accounts, so say which one "
                 "the note is about",
                 L->s->account_count);
    }
    const cJSON *when = fields_get(&NOTE_SPEC, found, "when");
    if (when) {
        path_key(p, path, "when");
        L->account = a;
        load_condition(L, when, a, true, p, &note->when);
        L->account = -1;
    }
}

static void load_notes(Loader *L, const cJSON *array)
{
    Scenario *s = L->s;
    int n = list_size(array);
    s->notes = ld_array(L, &s->arena, n, sizeof *s->notes);
    if (!s->notes) {
        return;
    }
    s->note_count = n;
    int i = 0;
    for (const cJSON *it = array ? array->child : NULL; it; it = it->next, i++) {
        char p[FIELD_PATH_MAX];
        path_item(p, "", "debrief_notes", i);
        load_note(L, it, p, &s->notes[i]);
    }
}

/* ---- the top level ------------------------------------------------------- */

/* A file of another format version would drown in unknown-key errors. */
static bool check_format_version(Loader *L, const cJSON *root)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "format_version");
    if (cJSON_IsNumber(v) && v->valuedouble != 1 && fabs(v->valuedouble) < 1e9 &&
        v->valuedouble == floor(v->valuedouble)) {
        ld_error(L, "KA207", v, "format_version",
                 "format_version %d is not supported; this version of Key Accounts reads "
                 "format_version 1",
                 (int)v->valuedouble);
        return false;
    }
    return true;
}

static void load_scenario(Loader *L, const cJSON *root)
{
    Scenario *s = L->s;
    if (!cJSON_IsObject(root)) {
        ld_error(L, "KA203", root, "",
                 "a scenario file must hold one JSON object: { \"format_version\": 1, ... }");
        return;
    }
    if (!check_format_version(L, root)) {
        return;
    }
    const cJSON *found[FIELDS_MAX];
    fields_check(&L->fc, root, &SCENARIO_SPEC, "", found);
    fields_store(&L->fc, &SCENARIO_SPEC, found, s);
    const cJSON *language = fields_get(&SCENARIO_SPEC, found, "language");
    if (language && !is_language_tag(language->valuestring)) {
        ld_error(L, "KA209", language, "language",
                 "'%.40s' is not a language tag; write a code such as \"en\", \"ru\" or \"pt-BR\"",
                 language->valuestring);
    }
    load_objectives(L, fields_get(&SCENARIO_SPEC, found, "objectives"));
    load_flat(L, fields_get(&SCENARIO_SPEC, found, "costs"), &COST_SPEC, "costs", s->costs);
    load_flat(L, fields_get(&SCENARIO_SPEC, found, "rules"), &RULE_SPEC, "rules", &s->rules);
    load_scoring(L, fields_get(&SCENARIO_SPEC, found, "scoring"));
    load_products(L, fields_get(&SCENARIO_SPEC, found, "products"));
    load_accounts(L, fields_get(&SCENARIO_SPEC, found, "accounts"));
    load_notes(L, fields_get(&SCENARIO_SPEC, found, "debrief_notes"));
}

static void run_lint(Loader *L, const cJSON *root)
{
    textlint_scenario(&L->fc, root);
    LintAccount accounts[SCN_MAX_ACCOUNTS];
    for (int a = 0; a < L->s->account_count; a++) {
        accounts[a].contacts = L->lists[a].contacts.items;
        accounts[a].needs = L->lists[a].needs.items;
        accounts[a].ideas = L->lists[a].ideas.items;
        accounts[a].events = L->lists[a].events.items;
    }
    lint_scenario(&L->fc, L->s, root, accounts, &L->scratch);
}

/* ---- entry point ---------------------------------------------------------- */

enum { LD_SUGGESTION_BUDGET = 200 };

static void report_oom(Diagnostics *d)
{
    d->oom = true;
    diags_add(d, SEV_ERROR, "KA108", 0, 0, "",
              "out of memory while checking the file; close other programs and try again");
}

/* cJSON allocates one node per value and frees them one by one; for a large
 * scenario that is most of the cost of loading. During a parse its hooks point
 * into one arena instead, freed in one call. cJSON's hooks are process-wide, so
 * this is the scenario layer's one piece of file-scope state: set for the
 * length of cjson_parse_in() only. */
static Arena *cjson_arena;

static void *cjson_arena_alloc(size_t size)
{
    return arena_alloc(cjson_arena, size);
}

static void cjson_arena_free(void *p)
{
    (void)p; /* released with the arena */
}

static cJSON *cjson_parse_in(Arena *a, const char *text, size_t len)
{
    cJSON_Hooks arena_hooks = {cjson_arena_alloc, cjson_arena_free};
    cJSON_Hooks heap_hooks = {ka_malloc, ka_free}; /* so tests can make cJSON run out of memory */
    cjson_arena = a;
    cJSON_InitHooks(&arena_hooks);
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, NULL, false);
    cJSON_InitHooks(&heap_hooks);
    cjson_arena = NULL;
    return root;
}

/* Loads a parsed tree, its positions mapped: the field checks, references
 * and rules, then lint when there was no error. Returns the scenario when
 * there was no error. */
static Scenario *load_tree(Loader *L, const cJSON *root, const JsonPosMap *map, Diagnostics *diags)
{
    size_t errors_before = diags->errors;
    L->fc.format = &SCENARIO_FORMAT;
    L->fc.d = diags;
    L->fc.map = map;
    L->fc.arena = &L->s->arena;
    L->fc.suggestions_left = LD_SUGGESTION_BUDGET;
    L->account = -1;
    load_scenario(L, root);
    if (!L->fc.oom && diags->errors == errors_before) {
        run_lint(L, root);
    }
    if (L->fc.oom) {
        report_oom(diags);
    }
    Scenario *s = L->s;
    L->s = NULL;
    if (diags->errors != errors_before || L->fc.oom) {
        scenario_destroy(s);
        s = NULL;
    }
    return s;
}

/* After syntax errors: every one is reported, and the text they were
 * repaired into is checked like any other, so one run shows every problem.
 * What that finds is marked as found after recovery (a repair guesses what
 * was meant). The file still fails: nothing is returned. */
static void load_recovered(Loader *L, const char *text, size_t len, Diagnostics *diags)
{
    JpRepair *r = arena_alloc(&L->scratch, sizeof *r);
    if (!r) {
        report_oom(diags);
        return;
    }
    size_t errors_before = diags->errors;
    if (!jp_repair(text, len, &L->scratch, diags, r)) {
        if (diags->errors == errors_before) {
            report_oom(diags); /* no syntax error after all: memory ran out */
        }
        return;
    }
    cJSON *root = cjson_parse_in(&L->scratch, r->text, r->len);
    JsonPosMap map = {NULL, 0, NULL};
    L->s = root ? scenario_create() : NULL;
    if (!L->s || !jp_map_build_repaired(&map, &L->scratch, r, text, len, root)) {
        scenario_destroy(L->s); /* the repaired text is strict JSON: memory ran out */
        L->s = NULL;
        report_oom(diags);
        return;
    }
    size_t first = diags->count;
    scenario_destroy(load_tree(L, root, &map, diags));
    char note[128];
    if (r->errors == 1) {
        snprintf(note, sizeof note, " (found after recovering from the syntax error at %d:%d)",
                 r->first.line, r->first.col);
    } else {
        snprintf(note, sizeof note,
                 " (found after recovering from %d syntax errors, the first at %d:%d)", r->errors,
                 r->first.line, r->first.col);
    }
    diags_annotate(diags, first, note);
}

/* Parses text that passed the lexical checks. cJSON parses first; one walk
 * then checks the strict grammar and maps positions. When either finds a
 * mistake, load_recovered reports every syntax error and checks the rest. */
static Scenario *parse_checked(const char *text, size_t len, Diagnostics *diags)
{
    Loader L;
    memset(&L, 0, sizeof L);
    arena_init(&L.scratch); /* the cJSON tree, the position map, tables */
    cJSON *root = cjson_parse_in(&L.scratch, text, len);
    JsonPosMap map = {NULL, 0, NULL};
    Scenario *s = NULL;
    if (root && jp_map_build(&map, &L.scratch, text, len, root, NULL)) {
        L.s = scenario_create();
        if (L.s) {
            s = load_tree(&L, root, &map, diags);
        } else {
            report_oom(diags);
        }
    } else {
        load_recovered(&L, text, len, diags);
    }
    arena_deinit(&L.scratch);
    return s;
}

static bool is_blank_bytes(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\r') {
            return false;
        }
    }
    return true;
}

Scenario *scn_parse(const char *buf, size_t len, const char *name, Diagnostics *diags)
{
    (void)name; /* positions are reported by line and column; the caller prints the name */
    if (len > SCN_MAX_FILE_BYTES) {
        diags_add(diags, SEV_ERROR, "KA101", 0, 0, "",
                  "the file is %zu bytes; the limit is %d bytes (8 MiB)", len,
                  (int)SCN_MAX_FILE_BYTES);
        return NULL;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3; /* a UTF-8 byte order mark, as some Windows editors write */
        len -= 3;
    }
    if (!buf || is_blank_bytes(buf, len)) {
        diags_add(diags, SEV_ERROR, "KA105", 0, 0, "",
                  "the file is empty; a scenario is a JSON object starting with '{'");
        return NULL;
    }
    if (!jp_prescan(buf, len, diags)) {
        return NULL;
    }
    return parse_checked(buf, len, diags);
}
