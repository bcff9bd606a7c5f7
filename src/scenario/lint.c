#include "lint.h"

#include <stdio.h>
#include <string.h>

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
    return f->arrives && f->available && f->reachable && f->held && f->answered && f->queue;
}

static void facts_from_events(AccountFacts *f, const Account *acc)
{
    for (int e = 0; e < acc->event_count; e++) {
        const Event *ev = &acc->events[e];
        for (int k = 0; k < ev->effect_count; k++) {
            const Effect *ef = &ev->effects[k];
            if (ef->kind == EFFECT_CONTACT_ARRIVES && ef->contact >= 0) {
                f->arrives[ef->contact] = true;
            }
            if (ef->kind == EFFECT_NEED_CHANGES && ef->need_added >= 0) {
                f->held[ef->need_added] = true;
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
    }
}
