#include "lint.h"

#include <stdio.h>
#include <string.h>

#include "keyaccounts/odds.h"
#include "textutil.h"

/* What the loaded model says about one account, worked out once. */
typedef struct AccountFacts {
    bool *arrives;   /* a contact_arrives effect names the contact */
    bool *available; /* present at the start or arriving */
    bool *reachable; /* the trainee can get to talk to them */
    bool *held;      /* a need some contact holds or gains */
    bool *answered;  /* a need some idea answers */
    int *queue;      /* scratch for the reachability walk */
    unsigned roles;  /* roles held by available contacts */
    unsigned *role_needs; /* per need: roles of available contacts who hold or gain it */
    bool *start;     /* reachable from people known at the start or found by research */
    unsigned warm_roles; /* roles of available contacts a pitch without fit can win beyond a long shot */
    int *gain_first; /* per contact: first of the needs events give them, or -1 */
    int *gain_need, *gain_next; /* a list per contact through the need_changes effects */
} AccountFacts;

/* Where a warning about item `node` points: its key `key` (usually "id"). */
static JsonPos lint_pos(const FieldCtx *fc, const cJSON *node, const char *key)
{
    const cJSON *v = node ? cJSON_GetObjectItemCaseSensitive(node, key) : NULL;
    return fc_pos(fc, v ? v : node);
}

static void lint_path(char *out, int a, const char *list, int i)
{
    snprintf(out, FIELD_PATH_MAX, "accounts[%d].%s[%d]", a, list, i);
}

static bool facts_init(AccountFacts *f, const Account *acc, Arena *scratch)
{
    size_t nc = (size_t)acc->contact_count + 1, nn = (size_t)acc->need_count + 1;
    f->arrives = arena_array(scratch, nc, sizeof(bool));
    f->available = arena_array(scratch, nc, sizeof(bool));
    f->reachable = arena_array(scratch, nc, sizeof(bool));
    f->held = arena_array(scratch, nn, sizeof(bool));
    f->answered = arena_array(scratch, nn, sizeof(bool));
    f->queue = arena_array(scratch, nc, sizeof(int));
    f->roles = 0;
    f->role_needs = arena_array(scratch, nn, sizeof(unsigned));
    f->start = arena_array(scratch, nc, sizeof(bool));
    size_t effects = 1;
    for (int e = 0; e < acc->event_count; e++) {
        effects += (size_t)acc->events[e].effect_count;
    }
    f->gain_first = arena_array(scratch, nc, sizeof(int));
    f->gain_need = arena_array(scratch, effects, sizeof(int));
    f->gain_next = arena_array(scratch, effects, sizeof(int));
    for (size_t i = 0; f->gain_first && i < nc; i++) {
        f->gain_first[i] = -1;
    }
    return f->arrives && f->available && f->reachable && f->held && f->answered && f->queue && f->role_needs
           && f->start && f->gain_first && f->gain_need && f->gain_next;
}

static void facts_from_events(AccountFacts *f, const Account *acc)
{
    int gains = 0;
    for (int e = 0; e < acc->event_count; e++) {
        const Event *ev = &acc->events[e];
        for (int k = 0; k < ev->effect_count; k++) {
            const Effect *ef = &ev->effects[k];
            if (ef->kind == EFFECT_CONTACT_ARRIVES && ef->contact >= 0) {
                f->arrives[ef->contact] = true;
            }
            if (ef->kind == EFFECT_NEED_CHANGES && ef->need_added >= 0) {
                f->held[ef->need_added] = true;
                f->role_needs[ef->need_added] |= acc->contacts[ef->contact].roles;
                f->gain_need[gains] = ef->need_added;
                f->gain_next[gains] = f->gain_first[ef->contact];
                f->gain_first[ef->contact] = gains++;
            }
        }
    }
}

/* Breadth-first from everyone the trainee can get to without an
 * introduction, along `refers`: each contact is queued at most once. */
static void facts_reach(AccountFacts *f, const Account *acc)
{
    int *queue = f->queue;
    int head = 0, tail = 0;
    for (int i = 0; i < acc->contact_count; i++) {
        const Contact *c = &acc->contacts[i];
        f->available[i] = c->present || f->arrives[i];
        bool direct = f->arrives[i] || (c->present && (c->known || c->findable));
        if (direct) {
            f->reachable[i] = true;
            queue[tail++] = i;
        }
        if (f->available[i]) {
            f->roles |= c->roles;
        }
        for (int k = 0; k < c->need_count; k++) {
            f->held[c->needs[k]] = true;
            f->role_needs[c->needs[k]] |= f->available[i] ? c->roles : 0u;
        }
    }
    while (head < tail) {
        const Contact *c = &acc->contacts[queue[head++]];
        for (int k = 0; k < c->refer_count; k++) {
            int r = c->refers[k];
            if (!f->reachable[r] && f->available[r]) {
                f->reachable[r] = true;
                queue[tail++] = r;
            }
        }
    }
    for (int i = 0; i < acc->idea_count; i++) {
        for (int k = 0; k < acc->ideas[i].need_count; k++) {
            f->answered[acc->ideas[i].needs[k]] = true;
        }
    }
}

static void lint_contacts(FieldCtx *fc, const Account *acc, int a, const LintAccount *src,
                          const AccountFacts *f)
{
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < acc->contact_count; i++) {
        if (f->reachable[i]) {
            continue;
        }
        lint_path(p, a, "contacts", i);
        JsonPos at = lint_pos(fc, src->contacts[i], "id");
        if (!f->available[i]) {
            fc_report(fc, SEV_WARNING, "KA401", at, p,
                      "'%s' is not present and no event makes them arrive, so the trainee can "
                      "never meet them",
                      acc->contacts[i].id);
        } else {
            fc_report(fc, SEV_WARNING, "KA401", at, p,
                      "no one can reach '%s': they are not known, not findable, not in anyone's "
                      "\"refers\" list of a reachable contact and do not arrive by an event",
                      acc->contacts[i].id);
        }
    }
}

static void lint_needs_and_ideas(FieldCtx *fc, const Account *acc, int a, const LintAccount *src,
                                 const AccountFacts *f)
{
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < acc->idea_count; i++) {
        const Idea *idea = &acc->ideas[i];
        bool needed = false;
        for (int k = 0; k < idea->need_count; k++) {
            needed |= f->held[idea->needs[k]];
        }
        if (!needed) {
            lint_path(p, a, "ideas", i);
            fc_report(fc, SEV_WARNING, "KA402", lint_pos(fc, src->ideas[i], "needs"), p,
                      "no contact holds any need that idea '%s' answers, so pitching it can never "
                      "fit; add one of its needs to a contact's \"needs\"",
                      idea->id);
        }
    }
    for (int i = 0; i < acc->need_count; i++) {
        if (!f->answered[i]) {
            lint_path(p, a, "needs", i);
            fc_report(fc, SEV_WARNING, "KA403", lint_pos(fc, src->needs[i], "id"), p,
                      "no idea answers need '%s'; add it to an idea's \"needs\" or remove it",
                      acc->needs[i].id);
        }
    }
}

/* Why an event's condition can never hold, or NULL. */
static const char *condition_never(const Condition *c, const Account *acc, const AccountFacts *f)
{
    switch (c->kind) {
    case COND_CONTACT_KNOWN:
    case COND_RELATIONSHIP_AT_LEAST:
    case COND_RELATIONSHIP_BELOW:
        if (c->contact >= 0 && !f->available[c->contact]) {
            return "its condition names a contact who is never present";
        }
        return NULL;
    case COND_ENGAGED_AT_LEAST:
        if (c->value > acc->contact_count) {
            return "its condition asks for more engaged contacts than the account has";
        }
        return NULL;
    case COND_ENGAGED_BELOW:
        if (c->value == 0) {
            return "its condition asks for fewer than 0 engaged contacts";
        }
        return NULL;
    default:
        return NULL;
    }
}

static void lint_events(FieldCtx *fc, const Account *acc, int a, const LintAccount *src,
                        const AccountFacts *f)
{
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < acc->event_count; i++) {
        const Event *ev = &acc->events[i];
        lint_path(p, a, "events", i);
        if (ev->probability == 0) {
            fc_report(fc, SEV_WARNING, "KA404", lint_pos(fc, src->events[i], "probability"), p,
                      "event '%s' has probability 0, so it never fires", ev->id);
            continue;
        }
        const char *why = condition_never(&ev->when, acc, f);
        if (why) {
            fc_report(fc, SEV_WARNING, "KA404", lint_pos(fc, src->events[i], "when"), p,
                      "event '%s' can never fire: %s", ev->id, why);
        }
    }
}

static void lint_approvals(FieldCtx *fc, const Account *acc, int a, const LintAccount *src,
                           const AccountFacts *f)
{
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < acc->idea_count; i++) {
        const Idea *idea = &acc->ideas[i];
        unsigned missing = idea->approval_roles & ~f->roles;
        lint_path(p, a, "ideas", i);
        JsonPos at = lint_pos(fc, src->ideas[i], "approvals");
        for (int r = 0; r < ROLE_KIND_COUNT; r++) {
            BuyingRole role = role_from_index(r);
            if (missing & (unsigned)role) {
                fc_report(fc, SEV_WARNING, "KA405", at, p,
                          "idea '%s' needs the approval of a %s, but no contact in this account "
                          "has that role, so it can never close",
                          idea->id, role_key(role));
            }
        }
        for (int k = 0; k < idea->approval_contact_count; k++) {
            int c = idea->approval_contacts[k];
            if (!f->available[c]) {
                fc_report(fc, SEV_WARNING, "KA405", at, p,
                          "idea '%s' needs '%s' to sponsor it, but '%s' is never present",
                          idea->id, acc->contacts[c].id, acc->contacts[c].id);
            }
        }
    }
}

/* Whether contact c holds, or gains by an event, a need the idea answers. */
static bool may_fit(const Account *acc, const AccountFacts *f, int c, const Idea *idea)
{
    const Contact *ct = &acc->contacts[c];
    for (int k = 0; k < idea->need_count; k++) {
        for (int j = 0; j < ct->need_count; j++) {
            if (ct->needs[j] == idea->needs[k]) {
                return true;
            }
        }
        for (int g = f->gain_first[c]; g >= 0; g = f->gain_next[g]) {
            if (f->gain_need[g] == idea->needs[k]) {
                return true;
            }
        }
    }
    return false;
}

/* Whether every pitch to contact c that answers none of their needs is a
 * long shot, even met every week of the session; *best gets the best chance. */
static bool long_shot_only(const Scenario *s, const Contact *c, int *best, int *rel)
{
    *best = odds_no_fit_ceiling(c, s->weeks, rel);
    return odds_kind(*best) == ODDS_LONG_SHOT;
}

/* An approval that only people without a fitting need can give, each of
 * whom a pitch then wins only by a long shot (odds.c): possible, but not in
 * practice. */
static void lint_long_shots(FieldCtx *fc, const Scenario *s, const Account *acc, int a, const LintAccount *src,
                            AccountFacts *f)
{
    char p[FIELD_PATH_MAX];
    f->warm_roles = 0;
    for (int c = 0; c < acc->contact_count; c++) {
        int best, rel;
        if (f->available[c] && acc->contacts[c].roles && !long_shot_only(s, &acc->contacts[c], &best, &rel)) {
            f->warm_roles |= acc->contacts[c].roles;
        }
    }
    for (int i = 0; i < acc->idea_count; i++) {
        const Idea *idea = &acc->ideas[i];
        lint_path(p, a, "ideas", i);
        JsonPos at = lint_pos(fc, src->ideas[i], "approvals");
        unsigned fitting = 0;
        for (int k = 0; k < idea->need_count; k++) {
            fitting |= f->role_needs[idea->needs[k]];
        }
        unsigned cold = idea->approval_roles & f->roles & ~f->warm_roles & ~fitting;
        for (int r = 0; cold && r < ROLE_KIND_COUNT; r++) {
            unsigned role = (unsigned)role_from_index(r);
            int holder = -1, best = -1, rel = 0;
            for (int c = 0; (cold & role) && c < acc->contact_count; c++) {
                int chance, reached;
                if ((acc->contacts[c].roles & role) && f->available[c]) {
                    long_shot_only(s, &acc->contacts[c], &chance, &reached);
                    if (chance > best) {
                        holder = c;
                        best = chance;
                        rel = reached;
                    }
                }
            }
            if (holder >= 0) {
                fc_report(fc, SEV_WARNING, "KA411", at, p,
                          "idea '%s' needs a sponsor with the role %s, but none of them holds a need it answers, "
                          "so each pitch to them is a long shot: at best %d%% ('%s', %s, met every week: "
                          "relationship %d); give one of them a need the idea answers",
                          idea->id, ROLE_KEYS[r], best, acc->contacts[holder].id,
                          MODE_KEYS[acc->contacts[holder].mode], rel);
            }
        }
        for (int k = 0; k < idea->approval_contact_count; k++) {
            int c = idea->approval_contacts[k], best, rel;
            if (f->available[c] && !may_fit(acc, f, c, idea) && long_shot_only(s, &acc->contacts[c], &best, &rel)) {
                fc_report(fc, SEV_WARNING, "KA411", at, p,
                          "idea '%s' needs '%s' to sponsor it, but '%s' holds no need it answers, so each pitch "
                          "is a long shot: at best %d%% (%s, met every week: relationship %d); give '%s' a need "
                          "the idea answers",
                          idea->id, acc->contacts[c].id, acc->contacts[c].id, best,
                          MODE_KEYS[acc->contacts[c].mode], rel, acc->contacts[c].id);
            }
        }
    }
}

/* The walk of facts_reach, from the people known at the start and those
 * research can find only (no arrivals): who is reached by introductions. */
static void reach_from_start(AccountFacts *f, const Account *acc)
{
    int head = 0, tail = 0;
    for (int i = 0; i < acc->contact_count; i++) {
        const Contact *c = &acc->contacts[i];
        f->start[i] = c->present && (c->known || c->findable);
        if (f->start[i]) {
            f->queue[tail++] = i;
        }
    }
    while (head < tail) {
        const Contact *c = &acc->contacts[f->queue[head++]];
        for (int k = 0; k < c->refer_count; k++) {
            int r = c->refers[k];
            if (!f->start[r] && acc->contacts[r].present) {
                f->start[r] = true;
                f->queue[tail++] = r;
            }
        }
    }
}

/* The economic buyer signs off the money: an account whose economic buyers
 * no chain of introductions reaches from the people the trainee knows (or
 * can find) leaves the ideas that need one unclosable, and a competitor
 * unchecked. */
static void lint_economic_buyer(FieldCtx *fc, const Account *acc, int a, const cJSON *node, AccountFacts *f)
{
    int holders = 0, first = -1;
    for (int i = 0; i < acc->contact_count; i++) {
        if ((acc->contacts[i].roles & ROLE_ECONOMIC) && acc->contacts[i].present) {
            holders++;
            first = first < 0 ? i : first;
        }
    }
    if (holders == 0) {
        return; /* none at all: KA405 says so for the ideas that need one */
    }
    reach_from_start(f, acc);
    for (int i = 0; i < acc->contact_count; i++) {
        if ((acc->contacts[i].roles & ROLE_ECONOMIC) && f->start[i]) {
            return;
        }
    }
    int blocked = 0;
    const char *example = NULL;
    for (int i = 0; i < acc->idea_count; i++) {
        if (acc->ideas[i].approval_roles & ROLE_ECONOMIC) {
            blocked++;
            example = example ? example : acc->ideas[i].id;
        }
    }
    char p[FIELD_PATH_MAX], ideas[160] = "";
    snprintf(p, sizeof p, "accounts[%d]", a);
    if (blocked > 0) {
        snprintf(ideas, sizeof ideas, "; %d idea%s needing one ('%s'%s) can close only if an event brings one in",
                 blocked, blocked == 1 ? "" : "s", example, blocked > 1 ? ", ..." : "");
    }
    fc_report(fc, SEV_WARNING, "KA412", lint_pos(fc, node, "contacts"), p,
              "no chain of introductions reaches an economic buyer ('%s'%s) from the people known at the start "
              "or found by research%s; add '%s' to the \"refers\" of someone the trainee can reach, or make them "
              "findable",
              acc->contacts[first].id, holders > 1 ? " and others" : "", ideas, acc->contacts[first].id);
}

/* Whether text mentions week `week` as a number next to a word for week
 * ("week 7", "in week 7", "7-й неделе", "неделя 7"). */
static bool mentions_week(const char *text, int week)
{
    if (!strstr(text, "week") && !strstr(text, "Week") && !strstr(text, "недел") && !strstr(text, "Недел")) {
        return false;
    }
    for (const char *t = text; *t; t++) {
        if (*t < '0' || *t > '9' || (t > text && t[-1] >= '0' && t[-1] <= '9')) {
            continue;
        }
        int n = 0;
        const char *d = t;
        while (*d >= '0' && *d <= '9' && n < 1000) {
            n = n * 10 + (*d++ - '0');
        }
        if (n == week && !(*d >= '0' && *d <= '9')) {
            return true;
        }
    }
    return false;
}

/* Events fire at the end of their week: an arrival "in week 7" can be met
 * from week 8, and an event of the last week changes nothing the trainee
 * can still use. */
static void lint_event_timing(FieldCtx *fc, const Scenario *s, const Account *acc, int a, const LintAccount *src)
{
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < acc->event_count; i++) {
        const Event *ev = &acc->events[i];
        int arrival = -1;
        bool later_only = ev->effect_count > 0;
        for (int k = 0; k < ev->effect_count; k++) {
            EffectKind kind = ev->effects[k].kind;
            arrival = kind == EFFECT_CONTACT_ARRIVES && arrival < 0 ? ev->effects[k].contact : arrival;
            later_only &= kind == EFFECT_CONTACT_ARRIVES || kind == EFFECT_NEED_CHANGES || kind == EFFECT_BUDGET_FREEZE;
        }
        lint_path(p, a, "events", i);
        if (ev->probability > 0 && later_only && ev->from_week >= s->weeks) {
            const char *key = ev->to_week == ev->from_week ? "week" : "from_week";
            fc_report(fc, SEV_WARNING, "KA413", lint_pos(fc, src->events[i], key), p,
                      "event '%s' fires at the end of week %d, the last week: its effects come after the "
                      "session is over; fire it earlier or remove it",
                      ev->id, s->weeks);
        } else if (arrival >= 0 && ev->from_week == ev->to_week && mentions_week(ev->message, ev->from_week)) {
            char earlier[48] = "";
            if (ev->from_week > 1) {
                snprintf(earlier, sizeof earlier, ", or set \"week\": %d", ev->from_week - 1);
            }
            fc_report(fc, SEV_WARNING, "KA413", lint_pos(fc, src->events[i], "message"), p,
                      "the message speaks of week %d, but events fire at the end of their week: '%s' can be "
                      "met from week %d; say \"from week %d\"%s",
                      ev->from_week, acc->contacts[arrival].id, ev->from_week + 1, ev->from_week + 1, earlier);
        }
    }
}

/* A letter byte: ASCII letters, and every byte of a UTF-8 sequence (so that
 * Cyrillic names are words too). */
static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Whether text mentions the name's first word (titles such as "Dr." skipped)
 * as a word. A name in another script than Latin (Russian) may also appear
 * declined: its stem without the last letter, with an ending of up to two
 * letters («Ольга»: «Ольге», «Ольгой»). */
static bool mentions(const char *text, const char *name)
{
    while (*name) {
        const char *end = name;
        while (*end && *end != ' ') {
            end++;
        }
        size_t n = (size_t)(end - name);
        if (n < 3 || name[n - 1] == '.') { /* an initial or a title: the next word */
            name = *end ? end + 1 : end;
            continue;
        }
        size_t stem = n, max_extra = 0;
        if ((unsigned char)name[0] >= 0x80 && n >= 6) {
            stem = n - 1;
            while (stem > 0 && ((unsigned char)name[stem] & 0xC0) == 0x80) {
                stem--;
            }
            max_extra = 4;
        }
        for (const char *at = text; *at; at++) {
            if (strncmp(at, name, stem) != 0 || (at > text && word_byte((unsigned char)at[-1]))) {
                continue;
            }
            size_t extra = 0;
            while (word_byte((unsigned char)at[stem + extra])) {
                extra++;
            }
            if (extra <= max_extra) {
                return true;
            }
        }
        return false;
    }
    return false;
}

/* A person's referral_yes is said for every colleague they introduce without
 * an introduction of their own: a line that names one colleague reads wrong
 * when another is introduced ("Priya plans the trucks..." for Tom). */
static void lint_referral_lines(FieldCtx *fc, const Account *acc, int a, const LintAccount *src)
{
    char p[FIELD_PATH_MAX];
    for (int i = 0; i < acc->contact_count; i++) {
        const Contact *c = &acc->contacts[i];
        const char *line = c->lines[LINE_REFERRAL_YES];
        if (!line || c->refer_count < 2) {
            continue;
        }
        for (int k = 0; k < c->refer_count; k++) {
            const Contact *named = &acc->contacts[c->refers[k]];
            if (!mentions(line, named->name)) {
                continue;
            }
            for (int j = 0; j < c->refer_count; j++) {
                if (j == k || contact_introduction_line(c, c->refers[j]) != line) {
                    continue; /* only colleagues who would hear the person's own line */
                }
                snprintf(p, sizeof p, "accounts[%d].contacts[%d].lines.referral_yes", a, i);
                const cJSON *lines = cJSON_GetObjectItemCaseSensitive(src->contacts[i], "lines");
                fc_report(fc, SEV_WARNING, "KA408", lint_pos(fc, lines, "referral_yes"), p,
                          "this line names '%s' but is also said when '%s' introduces '%s'; write it "
                          "under \"introductions\" for '%s'",
                          named->id, c->id, acc->contacts[c->refers[j]].id, named->id);
                break;
            }
        }
    }
}

/* An action that costs no hours can be repeated without end: a week never
 * runs out, and a session can grow until its own files refuse it. */
static void lint_costs(FieldCtx *fc, const Scenario *s, const cJSON *root)
{
    const cJSON *costs = cJSON_GetObjectItemCaseSensitive(root, "costs");
    for (int k = 0; k < ACT_END_WEEK; k++) {
        if (s->costs[k] != 0) {
            continue;
        }
        char p[FIELD_PATH_MAX];
        snprintf(p, sizeof p, "costs.%s", ACTION_KEYS[k]);
        fc_report(fc, SEV_WARNING, "KA409", lint_pos(fc, costs, ACTION_KEYS[k]), p,
                  "'%s' costs no hours, so a trainee can repeat it without limit in a week; give it at least 1",
                  ACTION_KEYS[k]);
    }
}

void lint_scenario(FieldCtx *fc, const Scenario *s, const cJSON *root, const LintAccount *accounts, Arena *scratch)
{
    lint_costs(fc, s, root);
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        AccountFacts f;
        if (!facts_init(&f, acc, scratch)) {
            fc->oom = true;
            return;
        }
        facts_from_events(&f, acc);
        facts_reach(&f, acc);
        lint_contacts(fc, acc, a, &accounts[a], &f);
        lint_needs_and_ideas(fc, acc, a, &accounts[a], &f);
        lint_events(fc, acc, a, &accounts[a], &f);
        lint_approvals(fc, acc, a, &accounts[a], &f);
        lint_referral_lines(fc, acc, a, &accounts[a]);
        lint_long_shots(fc, s, acc, a, &accounts[a], &f);
        lint_economic_buyer(fc, acc, a, cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "accounts"), a), &f);
        lint_event_timing(fc, s, acc, a, &accounts[a]);
    }
}
