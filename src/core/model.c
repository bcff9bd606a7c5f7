#include "keyaccounts/model.h"

#include <assert.h>
#include <string.h>

const char *const ACTION_KEYS[ACT_COUNT] = {
    "research", "meet", "pitch", "referral", "cold_call", "propose", "service", "end_week",
};
const char *const SUBSCORE_KEYS[SUB_COUNT] = {
    "revenue", "penetration", "coverage", "depth", "referrals", "ideas", "resilience",
};
const char *const MODE_KEYS[MODE_COUNT] = {
    "growth", "trouble", "even_keel", "overconfident",
};
const char *const LEVEL_KEYS[LEVEL_COUNT] = {
    "product", "service", "business", "organisational",
};
const char *const ROLE_KEYS[ROLE_KIND_COUNT] = {
    "economic_buyer", "technical_buyer", "user_buyer", "coach",
};
const char *const LINE_KEYS[LINE_COUNT] = {
    "greeting", "pitch_yes", "pitch_no", "referral_yes", "referral_no", "farewell",
};
const char *const CONDITION_KEYS[COND_COUNT] = {
    "always", "contact_known", "contact_unknown", "relationship_below",
    "relationship_at_least", "idea_adopted", "idea_not_adopted", "engaged_below",
    "engaged_at_least", "no_service_for", "subscore_below", "subscore_at_least",
};
const char *const EFFECT_KEYS[EFFECT_COUNT] = {
    "contact_leaves", "contact_arrives", "competitor", "budget_freeze", "need_changes",
    "relationship",
};
const char *const GENDER_KEYS[GENDER_COUNT] = {"", "f", "m"};

const char *action_key(ActionKind a)
{
    assert(a >= 0 && a < ACT_COUNT);
    return ACTION_KEYS[a];
}

const char *subscore_key(SubScore s)
{
    assert(s >= 0 && s < SUB_COUNT);
    return SUBSCORE_KEYS[s];
}

const char *mode_key(ResponseMode m)
{
    assert(m >= 0 && m < MODE_COUNT);
    return MODE_KEYS[m];
}

const char *level_key(IdeaLevel l)
{
    assert(l >= 0 && l < LEVEL_COUNT);
    return LEVEL_KEYS[l];
}

BuyingRole role_from_index(int i)
{
    assert(i >= 0 && i < ROLE_KIND_COUNT);
    return (BuyingRole)(1u << i);
}

const char *role_key(BuyingRole r)
{
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if ((unsigned)r == (1u << i)) {
            return ROLE_KEYS[i];
        }
    }
    assert(!"not a single role");
    return "?";
}

const char *gender_key(Gender g)
{
    assert(g >= 0 && g < GENDER_COUNT);
    return GENDER_KEYS[g];
}

const char *contact_pitch_line(const Contact *c, int idea, bool won)
{
    for (int k = 0; k < c->reaction_count; k++) {
        const Reaction *r = &c->reactions[k];
        const char *line = won ? r->pitch_yes : r->pitch_no;
        if (r->idea == idea && line) {
            return line;
        }
    }
    return c->lines[won ? LINE_PITCH_YES : LINE_PITCH_NO];
}

const char *contact_introduction_line(const Contact *c, int colleague)
{
    for (int k = 0; k < c->introduction_count; k++) {
        if (c->introductions[k].contact == colleague) {
            return c->introductions[k].line;
        }
    }
    return c->lines[LINE_REFERRAL_YES];
}

const char *line_key(LineKind k)
{
    assert(k >= 0 && k < LINE_COUNT);
    return LINE_KEYS[k];
}

const char *condition_key(ConditionKind k)
{
    assert(k >= 0 && k < COND_COUNT);
    return CONDITION_KEYS[k];
}

const char *effect_key(EffectKind k)
{
    assert(k >= 0 && k < EFFECT_COUNT);
    return EFFECT_KEYS[k];
}

int level_points(IdeaLevel l)
{
    return (int)l + 1;
}

void scenario_defaults(Scenario *s)
{
    static const int costs[ACT_COUNT] = {3, 2, 3, 1, 2, 4, 2, 0};
    static const int weights[SUB_COUNT] = {25, 15, 15, 10, 15, 10, 10};
    s->format_version = 1;
    s->language = "en";
    s->currency = "EUR";
    s->difficulty = 2;
    s->weeks = 12;
    s->hours_per_week = 12;
    for (int i = 0; i < ACT_COUNT; i++) {
        s->costs[i] = costs[i];
    }
    s->rules.engaged_at = 30;
    s->rules.referral_at = 50;
    s->rules.single_thread_loss = 60;
    s->rules.neglect_weeks = 3;
    s->rules.erosion = 3;
    s->rules.decay_weeks = 3;
    for (int i = 0; i < SUB_COUNT; i++) {
        s->scoring.weights[i] = weights[i];
    }
    s->scoring.pass_mark = 60;
    s->scoring.referral_target = 4;
    s->scoring.idea_target = 6;
    s->scoring.penetration_target = 60;
}

Scenario *scenario_create(void)
{
    Arena a;
    arena_init(&a);
    Scenario *s = arena_alloc(&a, sizeof *s);
    if (!s) {
        arena_deinit(&a);
        return NULL;
    }
    s->arena = a;
    scenario_defaults(s);
    return s;
}

void scenario_destroy(Scenario *s)
{
    if (s) {
        Arena a = s->arena;
        arena_deinit(&a); /* the Scenario itself lives in its arena */
    }
}

int scenario_account_index(const Scenario *s, const char *id)
{
    for (int a = 0; id && a < s->account_count; a++) {
        if (strcmp(s->accounts[a].id, id) == 0) {
            return a;
        }
    }
    return -1;
}

int account_contact_index(const Account *acc, const char *id)
{
    for (int c = 0; id && c < acc->contact_count; c++) {
        if (strcmp(acc->contacts[c].id, id) == 0) {
            return c;
        }
    }
    return -1;
}

int account_idea_index(const Account *acc, const char *id)
{
    for (int i = 0; id && i < acc->idea_count; i++) {
        if (strcmp(acc->ideas[i].id, id) == 0) {
            return i;
        }
    }
    return -1;
}
