/* The scenario model: what a trainer authors and the simulation reads.
 *
 * A Scenario is immutable once loaded. All its strings and arrays live in one
 * Arena owned by the Scenario and freed by scenario_destroy(). Cross references
 * are array indices (never pointers) so a scenario can be copied and compared.
 * Part of the core: plain C, libc only. */
#ifndef KEYACCOUNTS_MODEL_H
#define KEYACCOUNTS_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/arena.h"

/* Hard limits. The loader reports a located error when a file exceeds one. */
enum {
    SCN_MAX_ACCOUNTS = 8,
    SCN_MAX_DEPARTMENTS = 64,
    SCN_MAX_CONTACTS = 10000,       /* per account */
    SCN_MAX_NEEDS = 1024,           /* per account */
    SCN_MAX_IDEAS = 512,            /* per account */
    SCN_MAX_EVENTS = 512,           /* per account */
    SCN_MAX_EFFECTS = 8,            /* per event */
    SCN_MAX_CONTACT_NEEDS = 32,     /* needs one contact holds */
    SCN_MAX_REFERS = 32,            /* people one contact can introduce */
    SCN_MAX_IDEA_NEEDS = 8,
    SCN_MAX_APPROVALS = 8,
    SCN_MAX_PRODUCTS = 64,
    SCN_MAX_OBJECTIVES = 16,
    SCN_MAX_NOTES = 64,
    SCN_MAX_WEEKS = 52,
    SCN_MAX_HOURS = 80,
};

typedef enum BuyingRole {
    ROLE_ECONOMIC = 1u << 0,  /* signs off the money */
    ROLE_TECHNICAL = 1u << 1, /* judges the specification */
    ROLE_USER = 1u << 2,      /* works with the product */
    ROLE_COACH = 1u << 3,     /* guides the seller inside the client */
} BuyingRole;
enum { ROLE_KIND_COUNT = 4 };

typedef enum ResponseMode {
    MODE_GROWTH,        /* wants change: receptive */
    MODE_TROUBLE,       /* has a problem to fix: receptive to fixes */
    MODE_EVEN_KEEL,     /* content: needs a reason */
    MODE_OVERCONFIDENT, /* sees no need: hard to move */
    MODE_COUNT
} ResponseMode;

typedef enum IdeaLevel {
    LEVEL_PRODUCT,
    LEVEL_SERVICE,
    LEVEL_BUSINESS,       /* a business result for the client */
    LEVEL_ORGANISATIONAL, /* changes how the client works */
    LEVEL_COUNT
} IdeaLevel;

typedef enum ActionKind {
    ACT_RESEARCH,
    ACT_MEET,
    ACT_PITCH,
    ACT_REFERRAL,
    ACT_COLD_CALL,
    ACT_PROPOSE,
    ACT_SERVICE,
    ACT_END_WEEK,
    ACT_COUNT
} ActionKind;

typedef enum SubScore {
    SUB_REVENUE,     /* revenue growth against the target */
    SUB_PENETRATION, /* engaged contacts weighted by influence */
    SUB_COVERAGE,    /* buying roles engaged */
    SUB_DEPTH,       /* relationship depth */
    SUB_REFERRALS,   /* contacts reached by introduction, chain depth */
    SUB_IDEAS,       /* ideas adopted, weighted by level */
    SUB_RESILIENCE,  /* how little hangs on one person */
    SUB_COUNT
} SubScore;

/* Lines of dialogue a contact may have; all optional. */
typedef enum LineKind {
    LINE_GREETING,
    LINE_PITCH_YES,
    LINE_PITCH_NO,
    LINE_REFERRAL_YES,
    LINE_REFERRAL_NO,
    LINE_FAREWELL,
    LINE_COUNT
} LineKind;

/* Grammatical gender of a contact, for languages whose sentences agree with
 * it (Russian: «готов» / «готова»). Required in Russian scenarios. */
typedef enum Gender {
    GENDER_UNSPECIFIED,
    GENDER_FEMALE,
    GENDER_MALE,
    GENDER_COUNT
} Gender;

/* What a contact says when one particular idea is pitched to them; either
 * line may be NULL, and then the contact's own line is said. */
typedef struct Reaction {
    int idea;              /* index */
    const char *pitch_yes; /* NULL when absent */
    const char *pitch_no;  /* NULL when absent */
} Reaction;

/* What a contact says when introducing one particular colleague. */
typedef struct Introduction {
    int contact;           /* index of the colleague introduced */
    const char *line;
} Introduction;

typedef enum ConditionKind {
    COND_ALWAYS,
    COND_CONTACT_KNOWN,        /* contact */
    COND_CONTACT_UNKNOWN,      /* contact */
    COND_RELATIONSHIP_BELOW,   /* contact, value */
    COND_RELATIONSHIP_AT_LEAST,/* contact, value */
    COND_IDEA_ADOPTED,         /* idea */
    COND_IDEA_NOT_ADOPTED,     /* idea */
    COND_ENGAGED_BELOW,        /* value: engaged contacts in the account */
    COND_ENGAGED_AT_LEAST,     /* value */
    COND_NO_SERVICE_FOR,       /* value: weeks since the last service */
    COND_SUBSCORE_BELOW,       /* subscore, value (debrief notes) */
    COND_SUBSCORE_AT_LEAST,    /* subscore, value (debrief notes) */
    COND_COUNT
} ConditionKind;

typedef struct Condition {
    ConditionKind kind;
    int account;  /* index; debrief notes name it, events use their own */
    int contact;  /* index or -1 */
    int idea;     /* index or -1 */
    SubScore subscore;
    int value;
} Condition;

typedef enum EffectKind {
    EFFECT_CONTACT_LEAVES,  /* contact */
    EFFECT_CONTACT_ARRIVES, /* contact; arrives heard of, or known when `known` */
    EFFECT_COMPETITOR,      /* weeks: a competitor courts the client */
    EFFECT_BUDGET_FREEZE,   /* weeks: no proposal can close */
    EFFECT_NEED_CHANGES,    /* contact, need_removed (-1), need_added (-1) */
    EFFECT_RELATIONSHIP,    /* contact, amount (may be negative) */
    EFFECT_COUNT
} EffectKind;

typedef struct Effect {
    EffectKind kind;
    int contact;
    int need_removed;
    int need_added;
    int weeks;
    int amount;
    bool known;
} Effect;

typedef struct Department {
    const char *id;
    const char *name;
    const char *description; /* may be "" */
} Department;

typedef struct Need {
    const char *id;
    const char *text;
    bool research; /* research can reveal it as a company-level need */
} Need;

typedef struct Contact {
    const char *id;
    const char *name;
    const char *title;
    int department;      /* index */
    unsigned roles;      /* BuyingRole bits */
    int influence;       /* 1..5 */
    ResponseMode mode;
    int relationship;    /* 0..100 at the start (or on arrival) */
    bool known;          /* the trainee knows them at the start */
    bool main;           /* the main contact */
    bool findable;       /* research can turn up their name */
    bool present;        /* works at the client at the start */
    int *needs;          /* need indices */
    int need_count;
    int *refers;         /* contact indices they can introduce, in order */
    int refer_count;
    const char *lines[LINE_COUNT]; /* NULL when absent */
    Gender gender;
    Reaction *reactions;         /* per idea, at most one per idea */
    int reaction_count;
    Introduction *introductions; /* per colleague in refers, at most one each */
    int introduction_count;
} Contact;

typedef struct Idea {
    const char *id;
    const char *title;
    const char *description;
    int product;         /* index into Scenario.products */
    int *needs;          /* need indices it answers */
    int need_count;
    int64_t value;       /* annual value when adopted */
    IdeaLevel level;
    unsigned approval_roles; /* BuyingRole bits a sponsor must hold */
    int *approval_contacts;  /* contacts who must sponsor it */
    int approval_contact_count;
} Idea;

typedef struct Event {
    const char *id;
    int from_week;       /* 1-based, inclusive */
    int to_week;         /* inclusive */
    int probability;     /* percent, checked once per week in the window */
    Condition when;
    Effect effects[SCN_MAX_EFFECTS];
    int effect_count;
    const char *message; /* shown to the trainee; may be "" */
} Event;

typedef struct Account {
    const char *id;
    const char *name;
    const char *industry;
    const char *description;
    int employees;
    int64_t baseline;      /* annual revenue today */
    int64_t potential;     /* what the client could buy */
    int64_t growth_target; /* annual growth that scores 100 */
    int weight;            /* share in the overall score */
    Department *departments;
    int department_count;
    Contact *contacts;
    int contact_count;
    Need *needs;
    int need_count;
    Idea *ideas;
    int idea_count;
    Event *events;
    int event_count;
} Account;

typedef struct Product {
    const char *id;
    const char *name;
    const char *description;
} Product;

typedef struct DebriefNote {
    Condition when;
    const char *text;
    int week_reached; /* shown only when the session got to this week (1: always) */
} DebriefNote;

/* Rule tunables; the scenario may override each. */
typedef struct Rules {
    int engaged_at;          /* relationship at which a contact counts as engaged */
    int referral_at;         /* relationship at which a referral can be asked */
    int single_thread_loss;  /* percent of baseline lost when the only thread leaves */
    int neglect_weeks;       /* weeks without service before the baseline erodes */
    int erosion;             /* percent of baseline lost per neglected week */
    int decay_weeks;         /* weeks without a meeting before goodwill fades */
} Rules;

typedef struct Scoring {
    int weights[SUB_COUNT];
    int pass_mark;           /* 0..100 */
    int referral_target;     /* introductions that score full marks */
    int idea_target;         /* idea points (product 1 .. organisational 4) for full marks */
    int penetration_target;  /* percent of influence engaged for full marks */
} Scoring;

typedef struct Scenario {
    Arena arena;             /* owns every string and array below */
    int format_version;
    const char *id;
    const char *title;
    const char *language;    /* BCP 47 tag, e.g. "en", "ru" */
    const char *summary;
    const char *briefing;
    const char *currency;    /* e.g. "EUR" */
    int difficulty;          /* 1..5 */
    const char *seller;      /* the trainee's company */
    Product *products;
    int product_count;
    const char **objectives;
    int objective_count;
    int weeks;
    int hours_per_week;
    int costs[ACT_COUNT];
    Rules rules;
    Scoring scoring;
    DebriefNote *notes;
    int note_count;
    Account *accounts;
    int account_count;
} Scenario;

/* An empty scenario holding the documented defaults of every optional field,
 * living in its own arena; NULL when out of memory. */
Scenario *scenario_create(void);
void scenario_defaults(Scenario *s);

/* Index of the item with this id, or -1 (also for a NULL id). Linear: for
 * front ends and records, not for hot loops. */
int scenario_account_index(const Scenario *s, const char *id);
int account_contact_index(const Account *a, const char *id);
int account_idea_index(const Account *a, const char *id);
void scenario_destroy(Scenario *s); /* accepts NULL */

/* The keys of the model's enums as files spell them, in enum order: the one
 * list of each, read by the *_key() functions and by the scenario loader. */
extern const char *const ACTION_KEYS[ACT_COUNT];
extern const char *const SUBSCORE_KEYS[SUB_COUNT];
extern const char *const MODE_KEYS[MODE_COUNT];
extern const char *const LEVEL_KEYS[LEVEL_COUNT];
extern const char *const ROLE_KEYS[ROLE_KIND_COUNT];   /* bit i of BuyingRole */
extern const char *const LINE_KEYS[LINE_COUNT];
extern const char *const GENDER_KEYS[GENDER_COUNT];    /* "" for GENDER_UNSPECIFIED */
extern const char *const CONDITION_KEYS[COND_COUNT];
extern const char *const EFFECT_KEYS[EFFECT_COUNT];

const char *action_key(ActionKind a);    /* "research", "meet", ... */
const char *subscore_key(SubScore s);    /* "revenue", ... */
const char *mode_key(ResponseMode m);    /* "growth", ... */
const char *level_key(IdeaLevel l);      /* "product", ... */
const char *role_key(BuyingRole r);      /* "economic_buyer", ... */
const char *line_key(LineKind k);        /* "greeting", ... */
const char *gender_key(Gender g);        /* "", "f", "m" */

/* The line a contact says after a pitch of idea that was won (or lost): the
 * reaction written for that idea, else the contact's own pitch_yes (pitch_no)
 * line; NULL when neither is written. */
const char *contact_pitch_line(const Contact *c, int idea, bool won);
/* The line a contact says when introducing colleague: the introduction
 * written for that colleague, else the contact's own referral_yes line; NULL
 * when neither is written (the front ends then say a neutral line of their
 * own). */
const char *contact_introduction_line(const Contact *c, int colleague);
const char *condition_key(ConditionKind k);
const char *effect_key(EffectKind k);
BuyingRole role_from_index(int i);       /* 0..ROLE_KIND_COUNT-1 */
int level_points(IdeaLevel l);           /* 1..4 */

#endif
