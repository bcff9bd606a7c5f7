/* The reference strategies. Each bot is a policy: a function from what the
 * trainee can see to the next command. Bots never read hidden needs. */
#include "keyaccounts/bots.h"

#include <string.h>

#include "keyaccounts/alloc.h"

static const char *const BOT_KEYS[BOT_COUNT] = {
    "random", "single_thread", "idea_first", "expander", "greedy",
};

static const char *const CONSTRAINT_KEYS[CONSTRAINT_COUNT] = {
    "none", "never_propose", "never_refer", "no_new_people", "one_action",
};

static const Rule FREE = {CONSTRAINT_NONE, ACT_COUNT};

const char *bot_key(BotKind b)
{
    return b >= 0 && b < BOT_COUNT ? BOT_KEYS[b] : "?";
}

bool bot_from_key(const char *key, BotKind *out)
{
    for (int i = 0; i < BOT_COUNT; i++) {
        if (strcmp(key, BOT_KEYS[i]) == 0) {
            *out = (BotKind)i;
            return true;
        }
    }
    return false;
}

const char *constraint_key(Constraint k)
{
    return k >= 0 && k < CONSTRAINT_COUNT ? CONSTRAINT_KEYS[k] : "?";
}

bool constraint_from_key(const char *key, Constraint *out)
{
    for (int i = 0; i < CONSTRAINT_COUNT; i++) {
        if (strcmp(key, CONSTRAINT_KEYS[i]) == 0) {
            *out = (Constraint)i;
            return true;
        }
    }
    return false;
}

bool rule_allows(const Sim *sim, Rule rule, Command c)
{
    if (c.kind == ACT_END_WEEK) {
        return true;
    }
    switch (rule.constraint) {
    case CONSTRAINT_NONE:
        return true;
    case CONSTRAINT_NEVER_PROPOSE:
        return c.kind != ACT_PROPOSE;
    case CONSTRAINT_NEVER_REFER:
        return c.kind != ACT_REFERRAL;
    case CONSTRAINT_NO_NEW_PEOPLE: {
        if (c.kind == ACT_REFERRAL || c.kind == ACT_COLD_CALL) {
            return false;
        }
        const Scenario *s = sim_scenario(sim);
        if (c.contact < 0 || c.account < 0 || c.account >= s->account_count
            || c.contact >= s->accounts[c.account].contact_count) {
            return true; /* no person involved (or refused by the rules anyway) */
        }
        const Contact *ct = &s->accounts[c.account].contacts[c.contact];
        return ct->known && ct->present;
    }
    case CONSTRAINT_ONE_ACTION:
        return c.kind == rule.only;
    case CONSTRAINT_COUNT:
        break;
    }
    return false;
}

static Command cmd(ActionKind kind, int a, int c, int i)
{
    Command x = {kind, a, c, i};
    return x;
}

static bool can(const Sim *sim, Command c)
{
    return sim_check(sim, c) == REFUSE_NONE;
}

/* A candidate command with a priority; the bot takes the highest among the
 * commands its rule allows. */
typedef struct Choice {
    Command cmd;
    long prio;
    bool set;
    Rule rule;
} Choice;

static Choice no_choice(Rule rule)
{
    Choice c = {{ACT_END_WEEK, 0, -1, -1}, 0, false, rule};
    return c;
}

/* Takes c if the rules allow it; the caller knows it beats the best so far. */
static void take_if_allowed(const Sim *sim, Choice *best, Command c, long prio)
{
    /* Hours first: a command that does not fit is refused anyway, and this
     * is cheaper than asking sim_check. */
    if (sim_cost(sim, c.kind) <= sim_hours_left(sim)
        && (best->rule.constraint == CONSTRAINT_NONE || rule_allows(sim, best->rule, c)) && can(sim, c)) {
        best->cmd = c;
        best->prio = prio;
        best->set = true;
    }
}

/* Offers c: taken if it beats the best so far (tested here, inline, since
 * most offers do not) and the rules allow it. */
static inline void offer(const Sim *sim, Choice *best, Command c, long prio)
{
    if (!best->set || prio > best->prio) {
        take_if_allowed(sim, best, c, prio);
    }
}

/* Whether the trainee has discovered that contact c holds a need idea i answers. */
static bool known_fit(const Sim *sim, int a, int c, int i)
{
    const Idea *idea = &sim_scenario(sim)->accounts[a].ideas[i];
    for (int k = 0; k < idea->need_count; k++) {
        if (sim_need_known(sim, a, c, idea->needs[k])) {
            return true;
        }
    }
    return false;
}

static int known_need_count(const Sim *sim, int a, int c)
{
    int needs[SCN_MAX_CONTACT_NEEDS];
    return sim_known_needs(sim, a, c, needs, SCN_MAX_CONTACT_NEEDS);
}

/* The needs the trainee has discovered this contact holds. */
static int known_needs(const Sim *sim, int a, int c, int *out)
{
    return sim_known_needs(sim, a, c, out, SCN_MAX_CONTACT_NEEDS);
}

/* The expander works in priority tiers, highest first, and stops at the first
 * tier that offers something: close what can close, keep the base serviced,
 * ask trusted sponsors for introductions, pitch what fits, then build trust,
 * call names and research. */
enum {
    TIER_PROPOSE = 2000,
    TIER_SERVICE = 1500,
    TIER_REFERRAL = 1300,
    TIER_PITCH_FIT = 1200,
    TIER_PITCH_APPROVAL = 1100,
    TIER_MEET_TRUST = 800,
    TIER_MEET_NEEDS = 700,
    TIER_COLD_CALL = 600,
    TIER_RESEARCH_NO_LEADS = 650,
    TIER_MEET = 500,
    TIER_REFERRAL_NO_VALUE = 450,
    TIER_RESEARCH = 300,
    TIER_USEFUL = TIER_COLD_CALL, /* below this, another account may do better */
};

/* ---- what the expander remembers -------------------------------------------
 *
 * Each thing below changes only when a journal entry says so, so the expander
 * keeps it and asks the session again only after such an entry; what it
 * remembers is what asking every time would give (bot_choose_under, which has
 * no memory, asks every time and decides the same).
 * - A person's known needs, and the ideas answering them, change when a need
 *   surfaces, a pitch is won (they say why it fits) or a need changes. Ideas
 *   the person already sponsors are left out: pitching them is refused.
 * - A person's status, relationship and sponsorships change only with an entry
 *   naming them (the one introduced, for a referral won); when any status
 *   in an account changes, who can still introduce whom is asked again, and
 *   the roster (the people known or named, the only ones the expander looks
 *   at) is rebuilt.
 * - Which ideas are open, sponsored and approved changes when a pitch is won
 *   or an idea is adopted (that idea alone is asked again) or a person leaves
 *   (every idea is). */
typedef struct PersonMemo {
    int *fits;       /* ideas answering known needs, need by need (repeats kept),
                        less those the person sponsors */
    int count;
    int capacity;
    int known_needs; /* how many of their needs the trainee knows */
    bool fresh;      /* fits and known_needs */
    ContactStatus status;
    int rel;         /* relationship */
    int sponsoring;  /* ideas they sponsor */
    int referrals;   /* sim_referrals_left, or -1 to ask again */
} PersonMemo;

typedef struct IdeaMemo {
    bool fresh;        /* false: every idea is asked again */
    bool any_stale;    /* some idea is stale */
    bool *stale;       /* ideas to ask again: an entry changed them alone */
    bool *open;        /* not adopted */
    bool *sponsored;   /* someone sponsors it */
    unsigned *missing; /* approval roles no sponsor holds, for sponsored ideas */
    bool *unnamed;     /* a named approver is not among the sponsors yet, ditto */
    int *backed;       /* open and sponsored, in idea order */
    int backed_count;
    long approval_top; /* the highest priority of a pitch for approval, or -1 */
    unsigned missing_any; /* the roles any backed idea lacks */
    bool unnamed_any;     /* whether any backed idea lacks a named approver */
} IdeaMemo;

typedef struct Memory {
    size_t seen; /* journal entries read */
    PersonMemo *people[SCN_MAX_ACCOUNTS];
    IdeaMemo ideas[SCN_MAX_ACCOUNTS];
    int *roster[SCN_MAX_ACCOUNTS]; /* people known or named, in contact order */
    int roster_count[SCN_MAX_ACCOUNTS];
    bool roster_fresh[SCN_MAX_ACCOUNTS];
} Memory;

static void memory_free(Memory *m, const Scenario *s)
{
    for (int a = 0; a < s->account_count; a++) {
        if (m->people[a]) {
            for (int c = 0; c < s->accounts[a].contact_count; c++) {
                ka_free(m->people[a][c].fits);
            }
        }
        ka_free(m->people[a]);
        ka_free(m->roster[a]);
        IdeaMemo *im = &m->ideas[a];
        ka_free(im->stale);
        ka_free(im->open);
        ka_free(im->sponsored);
        ka_free(im->missing);
        ka_free(im->unnamed);
        ka_free(im->backed);
    }
}

static bool memory_init(Memory *m, const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    memset(m, 0, sizeof *m);
    for (int a = 0; a < s->account_count; a++) {
        size_t ideas = (size_t)s->accounts[a].idea_count;
        IdeaMemo *im = &m->ideas[a];
        m->people[a] = ka_calloc((size_t)s->accounts[a].contact_count, sizeof *m->people[a]);
        im->stale = ka_calloc(ideas, sizeof *im->stale);
        im->open = ka_calloc(ideas, sizeof *im->open);
        im->sponsored = ka_calloc(ideas, sizeof *im->sponsored);
        im->missing = ka_calloc(ideas, sizeof *im->missing);
        im->unnamed = ka_calloc(ideas, sizeof *im->unnamed);
        im->backed = ka_calloc(ideas, sizeof *im->backed);
        m->roster[a] = ka_calloc((size_t)s->accounts[a].contact_count, sizeof *m->roster[a]);
        if (!m->people[a] || !im->stale || !im->open || !im->sponsored || !im->missing
            || !im->unnamed || !im->backed || !m->roster[a]) {
            memory_free(m, s);
            return false;
        }
        for (int c = 0; c < s->accounts[a].contact_count; c++) {
            PersonMemo *p = &m->people[a][c];
            p->status = sim_contact_status(sim, a, c);
            p->rel = sim_relationship(sim, a, c);
            p->sponsoring = sim_sponsoring(sim, a, c);
            p->referrals = -1;
        }
    }
    return true;
}

/* A journal entry named this person: their status, relationship or
 * sponsorships may have changed. */
static void memory_named(Memory *m, const Sim *sim, int a, int c)
{
    PersonMemo *p = &m->people[a][c];
    p->rel = sim_relationship(sim, a, c);
    p->sponsoring = sim_sponsoring(sim, a, c);
    ContactStatus now = sim_contact_status(sim, a, c);
    if (now == p->status) {
        return;
    }
    p->status = now;
    m->roster_fresh[a] = false;
    for (int k = 0; k < sim_scenario(sim)->accounts[a].contact_count; k++) {
        m->people[a][k].referrals = -1;
    }
}

/* A pitch won or a proposal adopted changed this idea alone. */
static void idea_changed(IdeaMemo *im, int i)
{
    im->stale[i] = true;
    im->any_stale = true;
}

/* Forgets what the journal entries since the last look may have changed. */
static void memory_sync(Memory *m, const Sim *sim)
{
    size_t n;
    const JournalEntry *j = sim_journal(sim, &n);
    for (; m->seen < n; m->seen++) {
        const JournalEntry *e = &j[m->seen];
        if (e->account < 0) {
            continue;
        }
        switch (e->kind) {
        case J_NEED_FOUND:
        case J_NEED_CHANGED:
            m->people[e->account][e->contact].fresh = false;
            break;
        case J_PITCH_WON:
            m->people[e->account][e->contact].fresh = false;
            idea_changed(&m->ideas[e->account], e->idea);
            break;
        case J_PROPOSE_WON:
            idea_changed(&m->ideas[e->account], e->idea);
            break;
        case J_CONTACT_LEFT: /* they may have sponsored any idea */
            m->ideas[e->account].fresh = false;
            break;
        default:
            break;
        }
        if (e->contact >= 0) {
            memory_named(m, sim, e->account, e->contact);
        }
        if (e->kind == J_REFERRAL_WON && e->other >= 0) {
            memory_named(m, sim, e->account, e->other);
        }
    }
    const Scenario *s = sim_scenario(sim);
    for (int a = 0; a < s->account_count; a++) {
        if (m->roster_fresh[a]) {
            continue;
        }
        m->roster_count[a] = 0;
        for (int c = 0; c < s->accounts[a].contact_count; c++) {
            ContactStatus st = m->people[a][c].status;
            if (st == STATUS_KNOWN || st == STATUS_HEARD_OF) {
                m->roster[a][m->roster_count[a]++] = c;
            }
        }
        m->roster_fresh[a] = true;
    }
}

/* The people the expander looks at in one account: the roster with their
 * memos (only people known or named get a command from it), or without
 * memory everyone in turn, asking the session. Taken once per scan, so the
 * loops keep it in registers. */
typedef struct People {
    const int *roster; /* NULL: every contact */
    PersonMemo *memo;  /* NULL: ask the session */
    int count;
} People;

static People people_of(Memory *m, const Account *acc, int a)
{
    People v = {NULL, NULL, acc->contact_count};
    if (m) {
        v.roster = m->roster[a];
        v.memo = m->people[a];
        v.count = m->roster_count[a];
    }
    return v;
}

static int person_at(const People *v, int p)
{
    return v->roster ? v->roster[p] : p;
}

/* The priority of pitching idea i for an approval it lacks. */
static long approval_prio(const Account *acc, int i)
{
    return TIER_PITCH_APPROVAL + (long)(acc->ideas[i].value / 10000);
}

static bool needs_approval_from(const Sim *sim, int a, int i, int c)
{
    const Idea *idea = &sim_scenario(sim)->accounts[a].ideas[i];
    for (int k = 0; k < idea->approval_contact_count; k++) {
        if (idea->approval_contacts[k] == c) {
            return true;
        }
    }
    return false;
}

/* Rebuilds a stale person's memo; NULL when out of memory. */
static const PersonMemo *memo_rebuild(Memory *m, const Sim *sim, int a, int c)
{
    PersonMemo *p = &m->people[a][c];
    int needs[SCN_MAX_CONTACT_NEEDS];
    int k = known_needs(sim, a, c, needs);
    int total = 0;
    for (int j = 0; j < k; j++) {
        int n;
        sim_ideas_for_need(sim, a, needs[j], &n);
        total += n;
    }
    if (total > p->capacity) {
        int *grown = ka_realloc(p->fits, (size_t)total * sizeof *grown);
        if (!grown) {
            return NULL;
        }
        p->fits = grown;
        p->capacity = total;
    }
    p->count = 0;
    for (int j = 0; j < k; j++) {
        int n;
        const int *ideas = sim_ideas_for_need(sim, a, needs[j], &n);
        for (int i = 0; i < n; i++) {
            if (!sim_sponsors(sim, a, ideas[i], c)) {
                p->fits[p->count++] = ideas[i];
            }
        }
    }
    p->known_needs = k;
    p->fresh = true;
    return p;
}

/* The person's memo, rebuilt when stale; NULL when out of memory. */
static const PersonMemo *memo_of(Memory *m, const Sim *sim, int a, int c)
{
    const PersonMemo *p = &m->people[a][c];
    return p->fresh ? p : memo_rebuild(m, sim, a, c);
}

/* Asks the session about one idea. */
static void idea_ask(IdeaMemo *im, const Sim *sim, int a, int i)
{
    im->open[i] = !sim_idea_adopted(sim, a, i);
    im->sponsored[i] = sim_sponsor_count(sim, a, i) > 0;
    if (im->sponsored[i]) {
        im->missing[i] = sim_missing_roles(sim, a, i);
        im->unnamed[i] = sim_missing_approvers(sim, a, i, NULL, 0) > 0;
    }
}

/* Asks again about the stale ideas and rebuilds the list of backed ideas
 * from what is remembered. */
static const IdeaMemo *ideas_refresh(Memory *m, const Sim *sim, int a)
{
    IdeaMemo *im = &m->ideas[a];
    const Account *acc = &sim_scenario(sim)->accounts[a];
    im->backed_count = 0;
    im->approval_top = -1;
    im->missing_any = 0;
    im->unnamed_any = false;
    for (int i = 0; i < acc->idea_count; i++) {
        if (!im->fresh || im->stale[i]) {
            idea_ask(im, sim, a, i);
            im->stale[i] = false;
        }
        if (im->open[i] && im->sponsored[i]) {
            im->backed[im->backed_count++] = i;
            im->missing_any |= im->missing[i];
            im->unnamed_any = im->unnamed_any || im->unnamed[i];
            long prio = approval_prio(acc, i);
            im->approval_top = prio > im->approval_top ? prio : im->approval_top;
        }
    }
    im->fresh = true;
    im->any_stale = false;
    return im;
}

/* The account's ideas as they stand, refreshed when stale. */
static inline const IdeaMemo *ideas_of(Memory *m, const Sim *sim, int a)
{
    const IdeaMemo *im = &m->ideas[a];
    return im->fresh && !im->any_stale ? im : ideas_refresh(m, sim, a);
}

/* Whether a backed idea is ready to propose: no approval missing. */
static bool approved(const IdeaMemo *im, int i)
{
    return im->missing[i] == 0 && !im->unnamed[i];
}

static ContactStatus status_of(const People *v, const Sim *sim, int a, int c)
{
    return v->memo ? v->memo[c].status : sim_contact_status(sim, a, c);
}

static int rel_of(const People *v, const Sim *sim, int a, int c)
{
    return v->memo ? v->memo[c].rel : sim_relationship(sim, a, c);
}

static int sponsoring_of(const People *v, const Sim *sim, int a, int c)
{
    return v->memo ? v->memo[c].sponsoring : sim_sponsoring(sim, a, c);
}

/* Whether the person may still have someone to introduce: false only when
 * asking for a referral is refused for sure. */
static bool may_refer(const People *v, const Sim *sim, int a, int c)
{
    if (!v->memo) {
        return true; /* sim_check decides */
    }
    PersonMemo *p = &v->memo[c];
    if (p->referrals < 0) {
        p->referrals = sim_referrals_left(sim, a, c);
    }
    return p->referrals > 0;
}

static int main_contact(const Account *acc)
{
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].main) {
            return c;
        }
    }
    return -1;
}

static Command end_week(void)
{
    return cmd(ACT_END_WEEK, 0, -1, -1);
}

/* ---- random ---------------------------------------------------------------- */

static Command choose_random(const Sim *sim, Rng *rng)
{
    const Scenario *s = sim_scenario(sim);
    /* Reservoir sampling over every command that can be tried. */
    Command pick = end_week();
    uint32_t seen = 1;
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        Command simple[2] = {cmd(ACT_RESEARCH, a, -1, -1), cmd(ACT_SERVICE, a, -1, -1)};
        for (int k = 0; k < 2; k++) {
            if (can(sim, simple[k]) && rng_below(rng, ++seen) == 0) {
                pick = simple[k];
            }
        }
        for (int c = 0; c < acc->contact_count; c++) {
            ContactStatus st = sim_contact_status(sim, a, c);
            if (st == STATUS_HEARD_OF) {
                Command x = cmd(ACT_COLD_CALL, a, c, -1);
                if (can(sim, x) && rng_below(rng, ++seen) == 0) {
                    pick = x;
                }
            }
            if (st != STATUS_KNOWN) {
                continue;
            }
            Command per[2] = {cmd(ACT_MEET, a, c, -1), cmd(ACT_REFERRAL, a, c, -1)};
            for (int k = 0; k < 2; k++) {
                if (can(sim, per[k]) && rng_below(rng, ++seen) == 0) {
                    pick = per[k];
                }
            }
            /* One pitch per contact, to a random idea, keeps the draw fair. */
            Command p = cmd(ACT_PITCH, a, c, (int)rng_below(rng, (uint32_t)acc->idea_count));
            if (can(sim, p) && rng_below(rng, ++seen) == 0) {
                pick = p;
            }
        }
        for (int i = 0; i < acc->idea_count; i++) {
            Command x = cmd(ACT_PROPOSE, a, -1, i);
            if (can(sim, x) && rng_below(rng, ++seen) == 0) {
                pick = x;
            }
        }
    }
    return pick;
}

/* ---- shared policy pieces ---------------------------------------------------- */

static void offer_proposals(const Sim *sim, Choice *best, int a, long prio)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    for (int i = 0; i < acc->idea_count; i++) {
        if (sim_sponsor_count(sim, a, i) > 0 && !sim_idea_adopted(sim, a, i)) {
            offer(sim, best, cmd(ACT_PROPOSE, a, -1, i), prio + (long)(acc->ideas[i].value / 1000));
        }
    }
}

static void offer_service(const Sim *sim, Choice *best, int a, int every, long prio)
{
    if (sim_week(sim) - sim_last_service(sim, a) >= every
        && sim_scenario(sim)->accounts[a].baseline > 0) {
        offer(sim, best, cmd(ACT_SERVICE, a, -1, -1), prio);
    }
}

static int refusals(const Sim *sim, int a, int c, int i)
{
    return sim_pitch_refusals(sim, a, i, c);
}

/* ---- single_thread ------------------------------------------------------------ */

static Command choose_single_thread(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = no_choice(FREE);
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        int m = main_contact(acc);
        offer_proposals(sim, &best, a, 1000);
        offer_service(sim, &best, a, s->rules.neglect_weeks - 1, 900);
        if (m < 0 || sim_contact_status(sim, a, m) != STATUS_KNOWN) {
            continue;
        }
        if (sim_relationship(sim, a, m) < 70) {
            offer(sim, &best, cmd(ACT_MEET, a, m, -1), 500);
        }
        for (int i = 0; i < acc->idea_count; i++) {
            if (refusals(sim, a, m, i) >= 2) {
                continue;
            }
            long p = known_fit(sim, a, m, i) ? 700 : 300;
            offer(sim, &best, cmd(ACT_PITCH, a, m, i), p + (long)(acc->ideas[i].value / 10000));
        }
        if (known_need_count(sim, a, m) == 0) {
            offer(sim, &best, cmd(ACT_MEET, a, m, -1), 600);
        }
    }
    return best.set ? best.cmd : end_week();
}

/* ---- idea_first ----------------------------------------------------------------- */

static Command choose_idea_first(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = no_choice(FREE);
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        offer_proposals(sim, &best, a, 1000);
        offer_service(sim, &best, a, s->rules.neglect_weeks - 1, 900);
        int leads = 0;
        for (int c = 0; c < acc->contact_count; c++) {
            ContactStatus st = sim_contact_status(sim, a, c);
            if (st == STATUS_HEARD_OF) {
                leads++;
                offer(sim, &best, cmd(ACT_COLD_CALL, a, c, -1), 350 + acc->contacts[c].influence);
            }
            if (st != STATUS_KNOWN) {
                continue;
            }
            /* Ideas for the needs it has heard of; other ideas only to people who like it. */
            bool warm = sim_relationship(sim, a, c) >= 60;
            for (int i = 0; i < acc->idea_count; i++) {
                if (refusals(sim, a, c, i) >= 2 || sim_sponsors(sim, a, i, c)) {
                    continue;
                }
                bool fit = known_fit(sim, a, c, i);
                if (fit || warm) {
                    offer(sim, &best, cmd(ACT_PITCH, a, c, i),
                          (fit ? 700 : 200) + acc->contacts[c].influence * 10 + (long)(acc->ideas[i].value / 20000));
                }
            }
            if (sim_relationship(sim, a, c) < 45 || known_need_count(sim, a, c) == 0) {
                offer(sim, &best, cmd(ACT_MEET, a, c, -1), 400 + acc->contacts[c].influence);
            }
        }
        offer(sim, &best, cmd(ACT_RESEARCH, a, -1, -1), leads == 0 ? 380 : 250);
    }
    return best.set ? best.cmd : end_week();
}

/* ---- expander --------------------------------------------------------------------- */

/* With memory: the proposals offer_proposals would make, less those whose
 * approvals are missing (refused anyway). */
static void expander_proposals(const Sim *sim, Choice *best, int a, long prio, Memory *m)
{
    if (!m) {
        offer_proposals(sim, best, a, prio);
        return;
    }
    const Account *acc = &sim_scenario(sim)->accounts[a];
    const IdeaMemo *im = ideas_of(m, sim, a);
    for (int k = 0; k < im->backed_count; k++) {
        int i = im->backed[k];
        if (approved(im, i)) {
            offer(sim, best, cmd(ACT_PROPOSE, a, -1, i), prio + (long)(acc->ideas[i].value / 1000));
        }
    }
}

static void expander_referrals(const Sim *sim, int a, Choice *best, Memory *m)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[a];
    const People v = people_of(m, acc, a);
    for (int p = 0; p < v.count; p++) {
        int c = person_at(&v, p);
        if (status_of(&v, sim, a, c) == STATUS_KNOWN && sponsoring_of(&v, sim, a, c) > 0
            && rel_of(&v, sim, a, c) >= s->rules.referral_at && may_refer(&v, sim, a, c)) {
            offer(sim, best, cmd(ACT_REFERRAL, a, c, -1), TIER_REFERRAL + acc->contacts[c].influence);
        }
    }
}

static void offer_fit(const Sim *sim, Choice *best, int a, int c, int i, const bool *open)
{
    long prio = TIER_PITCH_FIT + (long)(sim_scenario(sim)->accounts[a].ideas[i].value / 10000);
    if (open[i] && (!best->set || prio > best->prio) && refusals(sim, a, c, i) < 2) {
        offer(sim, best, cmd(ACT_PITCH, a, c, i), prio);
    }
}

static void expander_pitches(const Sim *sim, int a, Choice *best, Memory *m)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    if (sim_hours_left(sim) < sim_cost(sim, ACT_PITCH)) {
        return;
    }
    /* Per idea, once: is it still open, and which approvals does it lack?
     * Remembered, or asked for. */
    unsigned missing_here[SCN_MAX_IDEAS];
    bool unnamed_here[SCN_MAX_IDEAS];
    bool open_here[SCN_MAX_IDEAS];
    int backed_here[SCN_MAX_IDEAS];
    const unsigned *missing = missing_here;
    const bool *unnamed = unnamed_here; /* a named approver is no sponsor yet */
    const bool *open = open_here;
    const int *backed = backed_here; /* open and sponsored, in idea order */
    int backed_count = 0;
    long approval_top = -1; /* no pitch for approval can beat a best this high */
    unsigned missing_any = 0; /* the roles any backed idea lacks */
    bool unnamed_any = false;
    if (m) {
        const IdeaMemo *im = ideas_of(m, sim, a);
        missing = im->missing;
        unnamed = im->unnamed;
        open = im->open;
        backed = im->backed;
        backed_count = im->backed_count;
        approval_top = im->approval_top;
        missing_any = im->missing_any;
        unnamed_any = im->unnamed_any;
    } else {
        for (int i = 0; i < acc->idea_count; i++) {
            open_here[i] = !sim_idea_adopted(sim, a, i);
            if (open_here[i] && sim_sponsor_count(sim, a, i) > 0) {
                missing_here[i] = sim_missing_roles(sim, a, i);
                unnamed_here[i] = sim_missing_approvers(sim, a, i, NULL, 0) > 0;
                missing_any |= missing_here[i];
                unnamed_any = unnamed_any || unnamed_here[i];
                backed_here[backed_count++] = i;
                approval_top = approval_prio(acc, i) > approval_top ? approval_prio(acc, i) : approval_top;
            }
        }
    }
    const People v = people_of(m, acc, a);
    for (int p = 0; p < v.count; p++) {
        int c = person_at(&v, p);
        if (status_of(&v, sim, a, c) != STATUS_KNOWN) {
            continue;
        }
        const Contact *ct = &acc->contacts[c];
        /* Ideas that answer a need they told us about: remembered, or asked
         * for (without memory, or when memory ran out). */
        const PersonMemo *memo = m ? memo_of(m, sim, a, c) : NULL;
        if (memo) {
            for (int j = 0; j < memo->count; j++) {
                offer_fit(sim, best, a, c, memo->fits[j], open);
            }
        } else {
            int needs[SCN_MAX_CONTACT_NEEDS];
            int need_count = known_needs(sim, a, c, needs);
            for (int k = 0; k < need_count; k++) {
                int n;
                const int *ideas = sim_ideas_for_need(sim, a, needs[k], &n);
                for (int j = 0; j < n; j++) {
                    offer_fit(sim, best, a, c, ideas[j], open);
                }
            }
        }
        /* Sponsored ideas that still lack an approval this person can give
         * (none can win once the best is above every such pitch). */
        if (!(missing_any & ct->roles) && !unnamed_any) {
            continue; /* they can give none */
        }
        for (int k = 0; k < backed_count && (!best->set || best->prio < approval_top); k++) {
            int i = backed[k];
            if (!(missing[i] & ct->roles) && !(unnamed[i] && needs_approval_from(sim, a, i, c))) {
                continue;
            }
            long prio = approval_prio(acc, i);
            if ((!best->set || prio > best->prio) && refusals(sim, a, c, i) < 2) {
                offer(sim, best, cmd(ACT_PITCH, a, c, i), prio);
            }
        }
    }
}

/* How many of the person's needs the trainee knows. */
static int known_need_total(const Sim *sim, int a, int c, Memory *m, int *scratch)
{
    const PersonMemo *memo = m ? memo_of(m, sim, a, c) : NULL;
    return memo ? memo->known_needs : known_needs(sim, a, c, scratch);
}

static void expander_groundwork(const Sim *sim, int a, Choice *best, Memory *m)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[a];
    int leads = 0;
    const People v = people_of(m, acc, a);
    for (int p = 0; p < v.count; p++) {
        int c = person_at(&v, p);
        ContactStatus st = status_of(&v, sim, a, c);
        const Contact *ct = &acc->contacts[c];
        if (st == STATUS_HEARD_OF) {
            leads++;
            offer(sim, best, cmd(ACT_COLD_CALL, a, c, -1), TIER_COLD_CALL + ct->influence * 20);
            continue;
        }
        if (st != STATUS_KNOWN) {
            continue;
        }
        int rel = rel_of(&v, sim, a, c);
        if (rel >= s->rules.referral_at && may_refer(&v, sim, a, c)) {
            offer(sim, best, cmd(ACT_REFERRAL, a, c, -1), TIER_REFERRAL_NO_VALUE);
        }
        int needs[SCN_MAX_CONTACT_NEEDS];
        if (rel < s->rules.referral_at) {
            offer(sim, best, cmd(ACT_MEET, a, c, -1),
                  TIER_MEET_TRUST + ct->influence * 20 + (ct->roles != 0 ? 50 : 0));
        } else if (rel < 80 && known_need_total(sim, a, c, m, needs) == 0) {
            offer(sim, best, cmd(ACT_MEET, a, c, -1), TIER_MEET_NEEDS + ct->influence * 10);
        } else if (rel < 60) {
            offer(sim, best, cmd(ACT_MEET, a, c, -1), TIER_MEET);
        }
    }
    offer(sim, best, cmd(ACT_RESEARCH, a, -1, -1), leads == 0 ? TIER_RESEARCH_NO_LEADS : TIER_RESEARCH);
}

/* The best command for one account, tier by tier. */
static Choice expander_account(const Sim *sim, int a, Rule rule, Memory *m)
{
    Choice best = no_choice(rule);
    expander_referrals(sim, a, &best, m);
    if (!best.set) {
        expander_pitches(sim, a, &best, m);
    }
    if (!best.set) {
        expander_groundwork(sim, a, &best, m);
    }
    return best;
}

/* Whether any action but ending the week fits in the hours left. */
static bool any_action_fits(const Sim *sim)
{
    for (int k = 0; k < ACT_END_WEEK; k++) {
        if (sim_cost(sim, (ActionKind)k) <= sim_hours_left(sim)) {
            return true;
        }
    }
    return false;
}

/* m is the expander's memory of people's needs, or NULL to ask the session. */
static Command choose_expander(const Sim *sim, Rule rule, Memory *m)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = no_choice(rule);
    if (!any_action_fits(sim)) {
        return end_week(); /* every offer would be refused for lack of hours */
    }
    /* Urgent anywhere: close what can close, keep every base serviced. */
    for (int a = 0; a < s->account_count; a++) {
        expander_proposals(sim, &best, a, TIER_PROPOSE, m);
        offer_service(sim, &best, a, s->rules.neglect_weeks - 1, TIER_SERVICE);
    }
    if (best.set || s->account_count == 1) {
        if (!best.set) {
            best = expander_account(sim, 0, rule, m);
        }
        return best.set ? best.cmd : end_week();
    }
    /* Several accounts: share the hours by weight. The account with the
     * fewest hours spent per unit of weight goes first, if it has useful work. */
    long spent[SCN_MAX_ACCOUNTS] = {0};
    size_t n;
    const Command *log = sim_log(sim, &n);
    for (size_t k = 0; k < n; k++) {
        if (log[k].kind != ACT_END_WEEK) {
            spent[log[k].account] += sim_cost(sim, log[k].kind);
        }
    }
    bool tried[SCN_MAX_ACCOUNTS] = {false};
    Choice fallback = no_choice(rule);
    for (int round = 0; round < s->account_count; round++) {
        int pick = -1;
        for (int a = 0; a < s->account_count; a++) {
            /* spent/weight compared without division: spent_a * w_pick < spent_pick * w_a */
            if (!tried[a] && (pick < 0 || spent[a] * s->accounts[pick].weight
                                              < spent[pick] * s->accounts[a].weight)) {
                pick = a;
            }
        }
        tried[pick] = true;
        Choice c = expander_account(sim, pick, rule, m);
        if (c.set && c.prio >= TIER_USEFUL) {
            return c.cmd;
        }
        if (c.set && (!fallback.set || c.prio > fallback.prio)) {
            fallback = c;
        }
    }
    return fallback.set ? fallback.cmd : end_week();
}

/* ---- greedy ------------------------------------------------------------------------- */

/* Whether the contact alone can approve the idea. */
static bool approves_alone(const Account *acc, int c, int i)
{
    const Idea *idea = &acc->ideas[i];
    bool alone = (idea->approval_roles & ~acc->contacts[c].roles) == 0;
    for (int k = 0; k < idea->approval_contact_count && alone; k++) {
        alone = idea->approval_contacts[k] == c;
    }
    return alone;
}

/* A short-sighted rep: closes whatever can close, services the base, and
 * pitches the main contact (or whoever likes it most, once they are gone)
 * for quick wins: what they can approve alone first, the biggest cheque first. */
static Command choose_greedy(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = no_choice(FREE);
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        offer_proposals(sim, &best, a, 100000);
        offer_service(sim, &best, a, 2, 50000);
        int m = main_contact(acc);
        if (m < 0 || sim_contact_status(sim, a, m) != STATUS_KNOWN) {
            m = -1;
            for (int c = 0; c < acc->contact_count; c++) {
                if (sim_contact_status(sim, a, c) == STATUS_KNOWN
                    && (m < 0 || sim_relationship(sim, a, c) > sim_relationship(sim, a, m))) {
                    m = c;
                }
            }
        }
        if (m < 0) {
            continue;
        }
        for (int i = 0; i < acc->idea_count; i++) {
            if (refusals(sim, a, m, i) >= 2 || sim_sponsors(sim, a, i, m)) {
                continue;
            }
            offer(sim, &best, cmd(ACT_PITCH, a, m, i),
                  10000 + (approves_alone(acc, m, i) ? 5000 : 0) + (long)(acc->ideas[i].value / 1000));
        }
        if (sim_relationship(sim, a, m) < 50) {
            offer(sim, &best, cmd(ACT_MEET, a, m, -1), 20000);
        }
    }
    return best.set ? best.cmd : end_week();
}

Command bot_choose(const Sim *sim, BotKind kind, Rng *rng)
{
    switch (kind) {
    case BOT_RANDOM:
        return choose_random(sim, rng);
    case BOT_SINGLE_THREAD:
        return choose_single_thread(sim);
    case BOT_IDEA_FIRST:
        return choose_idea_first(sim);
    case BOT_EXPANDER:
        return choose_expander(sim, FREE, NULL);
    case BOT_GREEDY:
        return choose_greedy(sim);
    case BOT_COUNT:
        break;
    }
    return end_week();
}

Command bot_choose_under(const Sim *sim, Rule rule)
{
    return choose_expander(sim, rule, NULL);
}

/* Applies c; a command the rules refuse ends the week instead, so a policy
 * can never loop. Returns -1 when out of memory. */
static int play_step(Sim *sim, Command c)
{
    Refusal r = sim_apply(sim, c);
    if (r == REFUSE_COUNT) {
        return -1;
    }
    /* Policies only offer commands sim_check accepts. */
    if (r != REFUSE_NONE && sim_apply(sim, end_week()) == REFUSE_COUNT) {
        return -1;
    }
    return 0;
}

/* The expander under a rule, with its memory of people's needs (when memory
 * for it cannot be had, it asks the session each time: same decisions). */
static int play_expander(Sim *sim, Rule rule)
{
    const Scenario *s = sim_scenario(sim);
    Memory memory;
    Memory *m = memory_init(&memory, sim) ? &memory : NULL;
    int rc = 0;
    while (rc == 0 && !sim_over(sim)) {
        if (m) {
            memory_sync(m, sim);
        }
        rc = play_step(sim, choose_expander(sim, rule, m));
    }
    if (m) {
        memory_free(m, s);
    }
    return rc;
}

int bot_play(Sim *sim, BotKind kind, uint64_t bot_seed)
{
    if (kind == BOT_EXPANDER) {
        return play_expander(sim, FREE);
    }
    Rng rng;
    rng_seed(&rng, bot_seed, 0xb07u);
    while (!sim_over(sim)) {
        if (play_step(sim, bot_choose(sim, kind, &rng)) != 0) {
            return -1;
        }
    }
    return 0;
}

int bot_play_rule(Sim *sim, Rule rule)
{
    return play_expander(sim, rule);
}

/* Passed first, then the total: the order in which games are compared. */
static bool better_game(const Sim *a, const Sim *b)
{
    bool pa = sim_passed(a), pb = sim_passed(b);
    return pa != pb ? pa : sim_score(a).total > sim_score(b).total;
}

int bot_play_under(Sim *sim, Constraint k)
{
    if (k != CONSTRAINT_ONE_ACTION) {
        Rule rule = {k, ACT_COUNT};
        return bot_play_rule(sim, rule);
    }
    Sim *work = sim_create(sim_scenario(sim), sim_seed(sim));
    Sim *best = sim_create(sim_scenario(sim), sim_seed(sim));
    int rc = work && best ? 0 : -1;
    for (int kind = 0; rc == 0 && kind < ACT_END_WEEK; kind++) {
        Rule rule = {CONSTRAINT_ONE_ACTION, (ActionKind)kind};
        if (!sim_copy(work, sim) || bot_play_rule(work, rule) != 0) {
            rc = -1;
        } else if (kind == 0 || better_game(work, best)) {
            Sim *t = best;
            best = work;
            work = t;
        }
    }
    if (rc == 0 && !sim_copy(sim, best)) {
        rc = -1;
    }
    sim_destroy(work);
    sim_destroy(best);
    return rc;
}
