/* The rules of DESIGN.md section 2: the session's lifecycle, commands and
 * their outcomes, the end of the week. What a trainee can read of the state is
 * in sim_query.c; why a command would be refused, in sim_check.c. */
#include "keyaccounts/sim.h"

#include <assert.h>
#include <string.h>

#include "keyaccounts/alloc.h"
#include "sim_internal.h"

/* ---- tuning: how each response mode reacts ------------------------------ */

/* Relationship gained by a meeting at relationship 0, by response mode. */
static const int MEET_GAIN[MODE_COUNT] = {14, 12, 9, 6};
/* Pitch odds adjustment by response mode (trouble only helps a fitting pitch). */
static const int PITCH_MODE[MODE_COUNT] = {10, 5, 0, -15};
/* Cold call odds by response mode. */
static const int CALL_ODDS[MODE_COUNT] = {45, 40, 30, 20};

enum {
    PITCH_FIT = 45,            /* base odds when the contact holds a need it answers */
    PITCH_NO_FIT = 5,          /* base odds of a pitch that answers no need of theirs */
    PITCH_TAILORED = 15,       /* bonus when the trainee discovered that need */
    PITCH_WIN_GOODWILL = 4,
    PITCH_FIT_LOSS = 3,
    PITCH_MISS_LOSS = 6,
    REFERRAL_TRUSTED = 85,     /* odds with trust and value brought */
    REFERRAL_NO_VALUE = 30,    /* trusted, but you brought nothing yet */
    REFERRAL_TOO_EARLY = 5,
    REFERRAL_EARLY_LOSS = 6,
    REFERRAL_LOSS = 2,
    REFERRAL_WARM_BASE = 25,   /* introduced: 25 + referrer's relationship / 4 */
    COLD_START = 15,
    NEED_SURFACE_BASE = 35,    /* a meeting surfaces a hidden need: 35% + rel/3 */
    SERVICE_GOODWILL = 3,
    DECAY_STEP = 3,
    COMPETITOR_EXTRA = 2,      /* erosion multiplier while a competitor courts */
};

/* ---- small vectors ------------------------------------------------------- */

static bool vec_grow(Vec *v, size_t size, size_t need)
{
    size_t cap = v->capacity ? v->capacity : 16;
    while (cap < need) {
        cap *= 2;
    }
    void *p = ka_realloc(v->items, cap * size);
    if (!p) {
        return false;
    }
    v->items = p;
    v->capacity = cap;
    return true;
}

/* Room for need items; false when out of memory. */
static inline bool vec_reserve(Vec *v, size_t size, size_t need)
{
    return need <= v->capacity || vec_grow(v, size, need);
}

/* Callers reserve first, so a push never fails midway through a command. */
static void *vec_push(Vec *v, size_t size)
{
    assert(v->count < v->capacity);
    unsigned char *base = v->items;
    return base + size * v->count++;
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- lifecycle ----------------------------------------------------------- */

static bool alloc_account(AccountState *st, const Account *a)
{
    st->contacts = ka_calloc((size_t)a->contact_count, sizeof *st->contacts);
    st->ideas = ka_calloc((size_t)a->idea_count, sizeof *st->ideas);
    st->dept_known = ka_calloc((size_t)a->department_count, sizeof *st->dept_known);
    st->need_known = ka_calloc((size_t)a->need_count, sizeof *st->need_known);
    st->event_fired = ka_calloc((size_t)a->event_count, sizeof *st->event_fired);
    /* An index from each need to the ideas answering it (it never changes). */
    size_t links = 0;
    for (int i = 0; i < a->idea_count; i++) {
        links += (size_t)a->ideas[i].need_count;
    }
    st->need_ideas_start = ka_calloc((size_t)a->need_count + 1, sizeof *st->need_ideas_start);
    st->need_ideas = ka_calloc(links, sizeof *st->need_ideas);
    if (!st->contacts || !st->ideas || !st->dept_known || !st->need_known || !st->event_fired
        || !st->need_ideas_start || !st->need_ideas) {
        return false;
    }
    for (int i = 0; i < a->idea_count; i++) {
        for (int k = 0; k < a->ideas[i].need_count; k++) {
            st->need_ideas_start[a->ideas[i].needs[k] + 1]++;
        }
    }
    for (int n = 0; n < a->need_count; n++) {
        st->need_ideas_start[n + 1] += st->need_ideas_start[n];
    }
    int *fill = ka_calloc((size_t)a->need_count + 1, sizeof *fill);
    if (!fill) {
        return false;
    }
    memcpy(fill, st->need_ideas_start, ((size_t)a->need_count + 1) * sizeof *fill);
    for (int i = 0; i < a->idea_count; i++) {
        for (int k = 0; k < a->ideas[i].need_count; k++) {
            st->need_ideas[fill[a->ideas[i].needs[k]]++] = i;
        }
    }
    ka_free(fill);
    st->roles_all = 0;
    for (int c = 0; c < a->contact_count; c++) {
        st->roles_all |= a->contacts[c].roles;
    }
    st->roles_available = 0;
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        st->roles_available += (int)((st->roles_all >> i) & 1u);
    }
    return true;
}

static void free_account(AccountState *st)
{
    ka_free(st->contacts);
    ka_free(st->ideas);
    ka_free(st->dept_known);
    ka_free(st->need_known);
    ka_free(st->event_fired);
    ka_free(st->need_ideas_start);
    ka_free(st->need_ideas);
}

Sim *sim_create(const Scenario *s, uint64_t seed)
{
    assert(s && s->account_count > 0);
    Sim *sim = ka_calloc(1, sizeof *sim);
    if (!sim) {
        return NULL;
    }
    sim->scn = s;
    for (int i = 0; i < SUB_COUNT; i++) {
        sim->sub_weight_sum += s->scoring.weights[i];
    }
    sim->accounts = ka_calloc((size_t)s->account_count, sizeof *sim->accounts);
    bool ok = sim->accounts != NULL;
    for (int i = 0; ok && i < s->account_count; i++) {
        ok = alloc_account(&sim->accounts[i], &s->accounts[i]);
    }
    ok = ok && vec_reserve(&sim->timeline, sizeof(WeekSnapshot), (size_t)s->weeks + 1)
         && vec_reserve(&sim->log, sizeof(Command), 256)
         && vec_reserve(&sim->journal, sizeof(JournalEntry), 256)
         && vec_reserve(&sim->changes, sizeof(ScoreChange), 256);
    if (!ok) {
        sim_destroy(sim);
        return NULL;
    }
    sim_reset(sim, seed);
    return sim;
}

void sim_destroy(Sim *sim)
{
    if (!sim) {
        return;
    }
    if (sim->accounts) {
        for (int i = 0; i < sim->scn->account_count; i++) {
            free_account(&sim->accounts[i]);
        }
    }
    ka_free(sim->accounts);
    ka_free(sim->log.items);
    ka_free(sim->journal.items);
    ka_free(sim->changes.items);
    ka_free(sim->timeline.items);
    ka_free(sim);
}

static void reset_account(AccountState *st, const Account *a)
{
    for (int c = 0; c < a->contact_count; c++) {
        const Contact *ct = &a->contacts[c];
        ContactState *cs = &st->contacts[c];
        memset(cs, 0, sizeof *cs);
        cs->status = !ct->present ? STATUS_UNKNOWN : ct->known ? STATUS_KNOWN : STATUS_UNKNOWN;
        cs->rel = ct->relationship;
        cs->introduced_by = -1;
        cs->need_count = ct->need_count;
        if (ct->need_count > 0) {
            memcpy(cs->needs, ct->needs, (size_t)ct->need_count * sizeof *ct->needs);
        }
    }
    /* Only the counts: the lists beyond them are never read (a memset of
     * every list cost more than the rest of the reset). */
    for (int i = 0; i < a->idea_count; i++) {
        IdeaState *is = &st->ideas[i];
        is->adopted = false;
        is->pitched = false;
        is->adopted_week = 0;
        is->sponsor_count = 0;
        is->refused_count = 0;
    }
    memset(st->dept_known, 0, (size_t)a->department_count * sizeof *st->dept_known);
    memset(st->need_known, 0, (size_t)a->need_count * sizeof *st->need_known);
    memset(st->event_fired, 0, (size_t)a->event_count * sizeof *st->event_fired);
    for (int c = 0; c < a->contact_count; c++) {
        if (st->contacts[c].status == STATUS_KNOWN) {
            st->dept_known[a->contacts[c].department] = true;
        }
    }
    st->baseline = a->baseline;
    st->adopted_value = 0;
    st->idea_points = 0;
    st->last_service = 0;
    st->competitor_weeks = 0;
    st->freeze_weeks = 0;
    st->single_thread_weeks = 0;
    st->score_stale = SCORE_ALL;
}

static WeekSnapshot snapshot(const Sim *sim, int week);

void sim_reset(Sim *sim, uint64_t seed)
{
    const Scenario *s = sim->scn;
    sim->seed = seed;
    rng_seed(&sim->rng, seed, 0x4b41u);
    sim->week = 1;
    sim->hours_left = s->hours_per_week;
    sim->over = false;
    sim->revenue_booked = 0;
    sim->referrals_asked = 0;
    sim->research_done = 0;
    sim->log.count = 0;
    sim->journal.count = 0;
    sim->changes.count = 0;
    sim->timeline.count = 0;
    sim->current_command = -1;
    for (int i = 0; i < s->account_count; i++) {
        reset_account(&sim->accounts[i], &s->accounts[i]);
        score_sums_init(sim, i);
    }
    score_refresh(sim);
    sim->last_score = score_overall(sim);
    *(WeekSnapshot *)vec_push(&sim->timeline, sizeof(WeekSnapshot)) = snapshot(sim, 0);
}

/* The next person this contact can still introduce, or -1. */
int sim_next_referral(const Sim *sim, int a, int c)
{
    const Contact *people = sim->scn->accounts[a].contacts;
    const ContactState *states = sim->accounts[a].contacts;
    const Contact *ct = &people[c];
    for (int k = 0; k < ct->refer_count; k++) {
        int t = ct->refers[k];
        if (t == c) {
            continue;
        }
        ContactStatus status = states[t].status;
        if (status == STATUS_KNOWN || status == STATUS_GONE) {
            continue;
        }
        if (status == STATUS_UNKNOWN && !people[t].present) {
            continue; /* not arrived yet */
        }
        return t;
    }
    return -1;
}

/* ---- recording ----------------------------------------------------------- */

static JournalEntry *journal(Sim *sim, JournalKind kind, int account)
{
    JournalEntry *e = vec_push(&sim->journal, sizeof(JournalEntry));
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->week = sim->week;
    e->account = account;
    e->contact = e->other = e->idea = e->need = e->event = -1;
    e->command = sim->current_command;
    return e;
}

/* Attributes any change of the overall score to the latest journal entry. */
static void attribute(Sim *sim)
{
    if (!score_refresh(sim)) {
        /* Nothing the score reads changed since the last look. */
#ifndef NDEBUG
        Score same = score_overall(sim);
        assert(memcmp(&same, &sim->last_score, sizeof same) == 0);
#endif
        return;
    }
    Score now = score_overall(sim);
    /* Moved: the total or any sub-score (a Score is ints alone, no padding). */
    if (memcmp(&now, &sim->last_score, sizeof now) != 0) {
        assert(sim->journal.count > 0);
        ScoreChange *ch = vec_push(&sim->changes, sizeof(ScoreChange));
        ch->journal = (int)sim->journal.count - 1;
        ch->account = -1;
        for (int i = 0; i < SUB_COUNT; i++) {
            ch->sub[i] = now.sub[i] - sim->last_score.sub[i];
        }
        ch->total = now.total - sim->last_score.total;
        sim->last_score = now;
    }
}

/* The most journal entries one command can add, so that memory is reserved
 * before anything changes and a failed allocation leaves the session intact. */
static size_t journal_bound(const Sim *sim, Command c)
{
    if (c.kind != ACT_END_WEEK) {
        return 4;
    }
    size_t n = 8;
    for (int a = 0; a < sim->scn->account_count; a++) {
        const Account *acc = &sim->scn->accounts[a];
        n += 4 + (size_t)acc->contact_count + (size_t)acc->event_count * (2 + 2 * SCN_MAX_EFFECTS);
    }
    return n;
}

/* ---- actions ------------------------------------------------------------- */

static void touch(Sim *sim, int a, int c)
{
    sim->accounts[a].contacts[c].last_touch = sim->week;
}

static void change_rel(Sim *sim, int a, int c, int delta)
{
    ContactState *cs = &sim->accounts[a].contacts[c];
    int rel = clamp(cs->rel + delta, 0, 100);
    if (rel != cs->rel) { /* a relationship at its bound changes no score */
        cs->rel = rel;
        score_contact(sim, a, c);
    }
}

static void reveal_contact_dept(Sim *sim, int a, int c)
{
    sim->accounts[a].dept_known[sim->scn->accounts[a].contacts[c].department] = true;
}

/* Research candidates: hidden departments, findable names, research needs;
 * research_pick finds the k-th of them. */
int sim_research_pool(const Sim *sim, int a, int *out, int max)
{
    const Account *acc = &sim->scn->accounts[a];
    const AccountState *st = &sim->accounts[a];
    int n = 0;
    for (int d = 0; d < acc->department_count; d++) {
        if (!st->dept_known[d]) {
            if (out && n < max) {
                out[n] = d;
            }
            n++;
        }
    }
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].findable && acc->contacts[c].present
            && st->contacts[c].status == STATUS_UNKNOWN) {
            if (out && n < max) {
                out[n] = acc->department_count + c;
            }
            n++;
        }
    }
    for (int k = 0; k < acc->need_count; k++) {
        if (acc->needs[k].research && !st->need_known[k]) {
            if (out && n < max) {
                out[n] = acc->department_count + acc->contact_count + k;
            }
            n++;
        }
    }
    return n;
}

/* The k-th research candidate, counted in the same order as research_pool. */
static int research_pick(const Sim *sim, int a, int k)
{
    const Account *acc = &sim->scn->accounts[a];
    const AccountState *st = &sim->accounts[a];
    for (int d = 0; d < acc->department_count; d++) {
        if (!st->dept_known[d] && k-- == 0) {
            return d;
        }
    }
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].findable && acc->contacts[c].present
            && st->contacts[c].status == STATUS_UNKNOWN && k-- == 0) {
            return acc->department_count + c;
        }
    }
    for (int n = 0; n < acc->need_count; n++) {
        if (acc->needs[n].research && !st->need_known[n] && k-- == 0) {
            return acc->department_count + acc->contact_count + n;
        }
    }
    assert(!"research pick out of range");
    return -1;
}

static void do_research(Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    AccountState *st = &sim->accounts[a];
    sim->research_done++;
    int n = sim_research_pool(sim, a, NULL, 0);
    int pick = research_pick(sim, a, (int)rng_below(&sim->rng, (uint32_t)n));
    if (pick < acc->department_count) {
        st->dept_known[pick] = true;
        JournalEntry *e = journal(sim, J_RESEARCH_DEPT, a);
        e->other = pick;
        /* A department comes with a name in it, where one can be found. */
        for (int c = 0; c < acc->contact_count; c++) {
            if (acc->contacts[c].department == pick && acc->contacts[c].findable
                && acc->contacts[c].present && st->contacts[c].status == STATUS_UNKNOWN) {
                st->contacts[c].status = STATUS_HEARD_OF;
                score_contact(sim, a, c);
                e->contact = c;
                break;
            }
        }
    } else if (pick < acc->department_count + acc->contact_count) {
        int c = pick - acc->department_count;
        st->contacts[c].status = STATUS_HEARD_OF;
        score_contact(sim, a, c);
        reveal_contact_dept(sim, a, c);
        journal(sim, J_RESEARCH_NAME, a)->contact = c;
    } else {
        int k = pick - acc->department_count - acc->contact_count;
        st->need_known[k] = true;
        journal(sim, J_RESEARCH_NEED, a)->need = k;
    }
}

int meet_gain(ResponseMode mode, int rel)
{
    return MEET_GAIN[mode] * (110 - rel) / 100;
}

int pitch_mode_bonus(ResponseMode mode, bool fit)
{
    return fit || mode != MODE_TROUBLE ? PITCH_MODE[mode] : 0;
}

static void do_meet(Sim *sim, int a, int c)
{
    const Contact *ct = &sim->scn->accounts[a].contacts[c];
    ContactState *cs = &sim->accounts[a].contacts[c];
    int gain = meet_gain(ct->mode, cs->rel);
    if (cs->met_week == sim->week) {
        gain /= 2; /* a second meeting in one week adds little */
    }
    gain = clamp(gain, 1, 100);
    int before = cs->rel;
    change_rel(sim, a, c, gain);
    cs->met_week = sim->week;
    touch(sim, a, c);
    JournalEntry *e = journal(sim, J_MEET, a);
    e->contact = c;
    e->amount = cs->rel - before;
    /* A hidden need may surface. */
    uint32_t hidden = 0;
    int hidden_count = 0;
    for (int i = 0; i < cs->need_count; i++) {
        if (!(cs->needs_known >> i & 1u)) {
            hidden |= 1u << i;
            hidden_count++;
        }
    }
    if (hidden_count > 0 && rng_chance(&sim->rng, NEED_SURFACE_BASE + cs->rel / 3)) {
        int k = (int)rng_below(&sim->rng, (uint32_t)hidden_count);
        for (int i = 0; i < cs->need_count; i++) {
            if ((hidden >> i & 1u) && k-- == 0) {
                cs->needs_known |= 1u << i;
                JournalEntry *n = journal(sim, J_NEED_FOUND, a);
                n->contact = c;
                n->need = cs->needs[i];
                break;
            }
        }
    }
}

/* Slot of the contact's first need the idea answers, or -1. */
static int fitting_slot(const Sim *sim, int a, int c, int i)
{
    const Idea *idea = &sim->scn->accounts[a].ideas[i];
    const ContactState *cs = cstate(sim, a, c);
    int best = -1;
    for (int k = 0; k < idea->need_count; k++) {
        int slot = need_slot(cs, idea->needs[k]);
        if (slot >= 0 && (best < 0 || (cs->needs_known >> slot & 1u))) {
            best = slot;
        }
    }
    return best;
}

int pitch_chance(bool fit, bool tailored, int rel, int mode_bonus)
{
    int odds = (fit ? PITCH_FIT : PITCH_NO_FIT) + rel / 3 + mode_bonus;
    if (fit && tailored) {
        odds += PITCH_TAILORED;
    }
    return clamp(odds, 5, 95);
}

int sim_pitch_odds(const Sim *sim, int a, int c, int i)
{
    const Contact *ct = &sim->scn->accounts[a].contacts[c];
    const ContactState *cs = cstate(sim, a, c);
    int slot = fitting_slot(sim, a, c, i);
    int mode = pitch_mode_bonus(ct->mode, slot >= 0);
    return pitch_chance(slot >= 0, slot >= 0 && (cs->needs_known >> slot & 1u), cs->rel, mode);
}

static void add_sponsor(AccountState *st, IdeaState *is, int c)
{
    if (is->sponsor_count < IDEA_MAX_SPONSORS) {
        is->sponsors[is->sponsor_count++] = c;
        st->contacts[c].sponsoring++;
    }
}

static void remove_sponsor(AccountState *st, IdeaState *is, int c)
{
    for (int k = 0; k < is->sponsor_count; k++) {
        if (is->sponsors[k] == c) {
            memmove(&is->sponsors[k], &is->sponsors[k + 1],
                    (size_t)(is->sponsor_count - k - 1) * sizeof is->sponsors[0]);
            is->sponsor_count--;
            st->contacts[c].sponsoring--;
            return;
        }
    }
}

static void note_refusal(IdeaState *is, int c)
{
    for (int k = 0; k < is->refused_count; k++) {
        if (is->refused_by[k] == c) {
            is->refused_times[k]++;
            return;
        }
    }
    if (is->refused_count < IDEA_MAX_SPONSORS) {
        is->refused_by[is->refused_count] = c;
        is->refused_times[is->refused_count++] = 1;
    }
}

static void do_pitch(Sim *sim, int a, int c, int i)
{
    ContactState *cs = &sim->accounts[a].contacts[c];
    IdeaState *is = &sim->accounts[a].ideas[i];
    int slot = fitting_slot(sim, a, c, i);
    int odds = sim_pitch_odds(sim, a, c, i);
    int before = cs->rel;
    is->pitched = true;
    touch(sim, a, c);
    if (rng_chance(&sim->rng, odds)) {
        add_sponsor(&sim->accounts[a], is, c);
        if (slot >= 0) {
            cs->needs_known |= 1u << slot; /* they tell you why it fits */
        }
        change_rel(sim, a, c, PITCH_WIN_GOODWILL);
        JournalEntry *e = journal(sim, J_PITCH_WON, a);
        e->contact = c;
        e->idea = i;
        e->amount = cs->rel - before;
    } else {
        note_refusal(is, c);
        change_rel(sim, a, c, slot >= 0 ? -PITCH_FIT_LOSS : -PITCH_MISS_LOSS);
        JournalEntry *e = journal(sim, J_PITCH_LOST, a);
        e->contact = c;
        e->idea = i;
        e->amount = cs->rel - before;
        e->cause = slot >= 0 ? 0 : CAUSE_NO_FIT;
    }
}

static bool sponsors_any(const Sim *sim, int a, int c)
{
    return cstate(sim, a, c)->sponsoring > 0;
}

int sim_referral_odds(const Sim *sim, int a, int c)
{
    const ContactState *cs = cstate(sim, a, c);
    if (cs->rel < sim->scn->rules.referral_at) {
        return REFERRAL_TOO_EARLY;
    }
    return sponsors_any(sim, a, c) ? REFERRAL_TRUSTED : REFERRAL_NO_VALUE;
}

static void do_referral(Sim *sim, int a, int c)
{
    ContactState *cs = &sim->accounts[a].contacts[c];
    bool early = cs->rel < sim->scn->rules.referral_at;
    int odds = sim_referral_odds(sim, a, c);
    int before = cs->rel;
    sim->referrals_asked++;
    cs->asked_week = sim->week;
    touch(sim, a, c);
    if (rng_chance(&sim->rng, odds)) {
        int t = sim_next_referral(sim, a, c);
        ContactState *ts = &sim->accounts[a].contacts[t];
        const Contact *tc = &sim->scn->accounts[a].contacts[t];
        ts->status = STATUS_KNOWN;
        ts->rel = clamp(tc->relationship > REFERRAL_WARM_BASE + cs->rel / 4
                            ? tc->relationship : REFERRAL_WARM_BASE + cs->rel / 4, 0, 100);
        ts->introduced_by = c;
        ts->depth = cs->depth + 1;
        ts->last_touch = sim->week;
        score_contact(sim, a, t);
        reveal_contact_dept(sim, a, t);
        JournalEntry *e = journal(sim, J_REFERRAL_WON, a);
        e->contact = c;
        e->other = t;
    } else {
        change_rel(sim, a, c, early ? -REFERRAL_EARLY_LOSS : -REFERRAL_LOSS);
        JournalEntry *e = journal(sim, J_REFERRAL_LOST, a);
        e->contact = c;
        e->amount = cs->rel - before;
        e->cause = early ? CAUSE_TOO_EARLY : 0;
    }
}

static void do_cold_call(Sim *sim, int a, int c)
{
    const Contact *ct = &sim->scn->accounts[a].contacts[c];
    ContactState *cs = &sim->accounts[a].contacts[c];
    cs->called_week = sim->week;
    if (rng_chance(&sim->rng, CALL_ODDS[ct->mode])) {
        cs->status = STATUS_KNOWN;
        cs->rel = ct->relationship > COLD_START ? ct->relationship : COLD_START;
        cs->last_touch = sim->week;
        score_contact(sim, a, c);
        reveal_contact_dept(sim, a, c);
        journal(sim, J_COLD_CALL_WON, a)->contact = c;
    } else {
        journal(sim, J_COLD_CALL_LOST, a)->contact = c;
    }
}

static void do_propose(Sim *sim, int a, int i)
{
    const Idea *idea = &sim->scn->accounts[a].ideas[i];
    AccountState *st = &sim->accounts[a];
    st->ideas[i].adopted = true;
    st->ideas[i].adopted_week = sim->week;
    st->adopted_value += idea->value;
    st->idea_points += level_points(idea->level);
    score_touch(sim, a, SCORE_ADOPTION);
    JournalEntry *e = journal(sim, J_PROPOSE_WON, a);
    e->idea = i;
    e->money = idea->value;
}

static int main_contact(const Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].main) {
            return c;
        }
    }
    return -1;
}

static void do_service(Sim *sim, int a)
{
    AccountState *st = &sim->accounts[a];
    st->last_service = sim->week;
    int m = main_contact(sim, a);
    JournalEntry *e = journal(sim, J_SERVICE, a);
    if (m >= 0 && st->contacts[m].status == STATUS_KNOWN) {
        int before = st->contacts[m].rel;
        change_rel(sim, a, m, SERVICE_GOODWILL);
        e->contact = m;
        e->amount = st->contacts[m].rel - before;
    }
}

/* ---- end of week ---------------------------------------------------------- */

static bool condition_holds(const Sim *sim, int a, const Condition *w)
{
    const AccountState *st = &sim->accounts[a];
    switch (w->kind) {
    case COND_ALWAYS:
        return true;
    case COND_CONTACT_KNOWN:
        return st->contacts[w->contact].status == STATUS_KNOWN;
    case COND_CONTACT_UNKNOWN:
        return st->contacts[w->contact].status != STATUS_KNOWN;
    case COND_RELATIONSHIP_BELOW:
        return st->contacts[w->contact].rel < w->value;
    case COND_RELATIONSHIP_AT_LEAST:
        return st->contacts[w->contact].rel >= w->value;
    case COND_IDEA_ADOPTED:
        return st->ideas[w->idea].adopted;
    case COND_IDEA_NOT_ADOPTED:
        return !st->ideas[w->idea].adopted;
    case COND_ENGAGED_BELOW:
        return score_engaged_count(sim, a) < w->value;
    case COND_ENGAGED_AT_LEAST:
        return score_engaged_count(sim, a) >= w->value;
    case COND_NO_SERVICE_FOR:
        return sim->week - st->last_service >= w->value;
    case COND_SUBSCORE_BELOW:
        return score_account(sim, a).sub[w->subscore] < w->value;
    case COND_SUBSCORE_AT_LEAST:
        return score_account(sim, a).sub[w->subscore] >= w->value;
    case COND_COUNT:
        break;
    }
    return false;
}

bool sim_condition_holds(const Sim *sim, const Condition *w)
{
    return condition_holds(sim, w->account, w);
}

static void contact_leaves(Sim *sim, int a, int c)
{
    AccountState *st = &sim->accounts[a];
    ContactState *cs = &st->contacts[c];
    if (cs->status == STATUS_GONE) {
        return;
    }
    bool thread = cs->status == STATUS_KNOWN
                  && (sim_engaged(sim, a, c) || sim->scn->accounts[a].contacts[c].main);
    cs->status = STATUS_GONE;
    score_contact(sim, a, c);
    for (int i = 0; i < sim->scn->accounts[a].idea_count; i++) {
        remove_sponsor(st, &st->ideas[i], c);
    }
    /* Who else holds the account? Recorded, so the debrief can say why. */
    int others = score_engaged_count(sim, a);
    JournalEntry *left = journal(sim, J_CONTACT_LEFT, a);
    left->contact = c;
    left->amount = others;
    left->cause = thread ? CAUSE_THREAD : 0;
    attribute(sim);
    if (!thread) {
        return;
    }
    int loss_pct = others == 0 ? sim->scn->rules.single_thread_loss
                   : others == 1 ? sim->scn->rules.single_thread_loss / 3 : 0;
    if (loss_pct > 0) {
        int64_t loss = st->baseline * loss_pct / 100;
        st->baseline -= loss;
        score_touch(sim, a, SCORE_MONEY);
        JournalEntry *e = journal(sim, J_ANCHOR_LOST, a);
        e->contact = c;
        e->amount = loss_pct;
        e->money = loss;
        attribute(sim);
    }
}

static void apply_effect(Sim *sim, int a, const Effect *fx)
{
    AccountState *st = &sim->accounts[a];
    switch (fx->kind) {
    case EFFECT_CONTACT_LEAVES:
        contact_leaves(sim, a, fx->contact);
        return;
    case EFFECT_CONTACT_ARRIVES: {
        ContactState *cs = &st->contacts[fx->contact];
        if (cs->status != STATUS_UNKNOWN) {
            return;
        }
        cs->status = fx->known ? STATUS_KNOWN : STATUS_HEARD_OF;
        score_contact(sim, a, fx->contact);
        cs->last_touch = sim->week;
        reveal_contact_dept(sim, a, fx->contact);
        journal(sim, J_CONTACT_ARRIVED, a)->contact = fx->contact;
        break;
    }
    case EFFECT_COMPETITOR:
        st->competitor_weeks = fx->weeks > st->competitor_weeks ? fx->weeks : st->competitor_weeks;
        journal(sim, J_COMPETITOR, a)->amount = fx->weeks;
        break;
    case EFFECT_BUDGET_FREEZE:
        st->freeze_weeks = fx->weeks > st->freeze_weeks ? fx->weeks : st->freeze_weeks;
        journal(sim, J_FREEZE, a)->amount = fx->weeks;
        break;
    case EFFECT_NEED_CHANGES: {
        ContactState *cs = &st->contacts[fx->contact];
        int slot = fx->need_removed >= 0 ? need_slot(cs, fx->need_removed) : -1;
        if (slot >= 0) {
            /* Drop the slot and its known bit, shifting the rest down. */
            uint32_t low = cs->needs_known & ((1u << slot) - 1u);
            uint32_t high = slot + 1 < 32 ? (cs->needs_known >> (slot + 1)) << slot : 0;
            cs->needs_known = low | high;
            memmove(&cs->needs[slot], &cs->needs[slot + 1],
                    (size_t)(cs->need_count - slot - 1) * sizeof cs->needs[0]);
            cs->need_count--;
        }
        if (fx->need_added >= 0 && need_slot(cs, fx->need_added) < 0
            && cs->need_count < SCN_MAX_CONTACT_NEEDS) {
            cs->needs[cs->need_count++] = fx->need_added;
        }
        JournalEntry *e = journal(sim, J_NEED_CHANGED, a);
        e->contact = fx->contact;
        e->need = fx->need_added;
        e->other = fx->need_removed;
        break;
    }
    case EFFECT_RELATIONSHIP: {
        int before = st->contacts[fx->contact].rel;
        change_rel(sim, a, fx->contact, fx->amount);
        JournalEntry *e = journal(sim, J_RELATIONSHIP, a);
        e->contact = fx->contact;
        e->amount = st->contacts[fx->contact].rel - before;
        break;
    }
    case EFFECT_COUNT:
        return;
    }
    attribute(sim);
}

static void run_events(Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    AccountState *st = &sim->accounts[a];
    for (int k = 0; k < acc->event_count; k++) {
        const Event *ev = &acc->events[k];
        if (st->event_fired[k] || sim->week < ev->from_week || sim->week > ev->to_week) {
            continue;
        }
        if (!condition_holds(sim, a, &ev->when) || !rng_chance(&sim->rng, ev->probability)) {
            continue;
        }
        st->event_fired[k] = true;
        journal(sim, J_EVENT, a)->event = k;
        for (int f = 0; f < ev->effect_count; f++) {
            apply_effect(sim, a, &ev->effects[f]);
        }
    }
}

static bool economic_buyer_engaged(const Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    for (int c = 0; c < acc->contact_count; c++) {
        if ((acc->contacts[c].roles & ROLE_ECONOMIC) && sim_engaged(sim, a, c)) {
            return true;
        }
    }
    return false;
}

static void erode(Sim *sim, int a)
{
    AccountState *st = &sim->accounts[a];
    const Rules *r = &sim->scn->rules;
    int pct = 0, cause = 0;
    int unserviced = sim->week - st->last_service;
    if (unserviced >= r->neglect_weeks) {
        pct += r->erosion;
        cause |= CAUSE_NEGLECT;
    }
    if (st->competitor_weeks > 0 && !economic_buyer_engaged(sim, a)) {
        pct += r->erosion * COMPETITOR_EXTRA;
        cause |= CAUSE_COMPETITOR;
    }
    if (pct > 0 && st->baseline > 0) {
        int64_t loss = st->baseline * pct / 100;
        st->baseline -= loss;
        score_touch(sim, a, SCORE_MONEY);
        JournalEntry *e = journal(sim, J_EROSION, a);
        e->amount = pct;
        e->money = loss;
        e->cause = cause;
        e->other = unserviced;
        attribute(sim);
    }
}

static void decay(Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    AccountState *st = &sim->accounts[a];
    for (int c = 0; c < acc->contact_count; c++) {
        ContactState *cs = &st->contacts[c];
        if (cs->status != STATUS_KNOWN || cs->rel == 0
            || sim->week - cs->last_touch < sim->scn->rules.decay_weeks) {
            continue;
        }
        int before = cs->rel;
        change_rel(sim, a, c, -DECAY_STEP);
        JournalEntry *e = journal(sim, J_DECAY, a);
        e->contact = c;
        e->amount = cs->rel - before;
        attribute(sim);
    }
}

static WeekSnapshot snapshot(const Sim *sim, int week)
{
    WeekSnapshot w;
    memset(&w, 0, sizeof w);
    w.week = week;
    w.score = score_overall(sim);
    w.revenue_booked = sim->revenue_booked;
    for (int a = 0; a < sim->scn->account_count; a++) {
        const Account *acc = &sim->scn->accounts[a];
        w.revenue_run_rate += sim_run_rate(sim, a);
        w.engaged += score_engaged_count(sim, a);
        for (int c = 0; c < acc->contact_count; c++) {
            w.known += sim->accounts[a].contacts[c].status == STATUS_KNOWN;
        }
    }
    return w;
}

static void end_week(Sim *sim)
{
    const Scenario *s = sim->scn;
    for (int a = 0; a < s->account_count; a++) {
        run_events(sim, a);
        erode(sim, a);
        decay(sim, a);
        AccountState *st = &sim->accounts[a];
        if (score_engaged_count(sim, a) <= 1) {
            st->single_thread_weeks++;
        }
        if (st->competitor_weeks > 0) {
            st->competitor_weeks--;
        }
        if (st->freeze_weeks > 0) {
            st->freeze_weeks--;
        }
    }
    int64_t booked = 0;
    for (int a = 0; a < s->account_count; a++) {
        booked += sim_run_rate(sim, a) / 52;
    }
    sim->revenue_booked += booked;
    JournalEntry *e = journal(sim, J_REVENUE, -1);
    e->money = booked;
    *(WeekSnapshot *)vec_push(&sim->timeline, sizeof(WeekSnapshot)) = snapshot(sim, sim->week);
    sim->week++;
    sim->hours_left = s->hours_per_week;
    if (sim->week > s->weeks) {
        sim->over = true;
        journal(sim, J_GAME_OVER, -1);
    } else {
        journal(sim, J_WEEK_START, -1);
    }
}

/* ---- apply ----------------------------------------------------------------- */

Refusal sim_apply(Sim *sim, Command c)
{
    Refusal r = sim_check(sim, c);
    if (r != REFUSE_NONE) {
        return r;
    }
    size_t bound = journal_bound(sim, c);
    if (!vec_reserve(&sim->journal, sizeof(JournalEntry), sim->journal.count + bound)
        || !vec_reserve(&sim->changes, sizeof(ScoreChange), sim->changes.count + bound)
        || !vec_reserve(&sim->log, sizeof(Command), sim->log.count + 1)) {
        return REFUSE_COUNT;
    }
    sim->current_command = (int)sim->log.count;
    *(Command *)vec_push(&sim->log, sizeof(Command)) = c;
    sim->hours_left -= sim->scn->costs[c.kind];
    switch (c.kind) {
    case ACT_RESEARCH:
        do_research(sim, c.account);
        break;
    case ACT_MEET:
        do_meet(sim, c.account, c.contact);
        break;
    case ACT_PITCH:
        do_pitch(sim, c.account, c.contact, c.idea);
        break;
    case ACT_REFERRAL:
        do_referral(sim, c.account, c.contact);
        break;
    case ACT_COLD_CALL:
        do_cold_call(sim, c.account, c.contact);
        break;
    case ACT_PROPOSE:
        do_propose(sim, c.account, c.idea);
        break;
    case ACT_SERVICE:
        do_service(sim, c.account);
        break;
    case ACT_END_WEEK:
        sim->current_command = -1;
        end_week(sim);
        break;
    case ACT_COUNT:
        break;
    }
    attribute(sim);
    sim->current_command = -1;
    return REFUSE_NONE;
}

/* ---- copies -------------------------------------------------------------- */

/* dst must have room for src's items (vec_reserve first). */
static void vec_copy(Vec *dst, const Vec *src, size_t size)
{
    if (src->count > 0) {
        memcpy(dst->items, src->items, src->count * size);
    }
    dst->count = src->count;
}

static void copy_account(AccountState *dst, const AccountState *src, const Account *a)
{
    memcpy(dst->contacts, src->contacts, (size_t)a->contact_count * sizeof *dst->contacts);
    memcpy(dst->ideas, src->ideas, (size_t)a->idea_count * sizeof *dst->ideas);
    memcpy(dst->dept_known, src->dept_known, (size_t)a->department_count * sizeof *dst->dept_known);
    memcpy(dst->need_known, src->need_known, (size_t)a->need_count * sizeof *dst->need_known);
    memcpy(dst->event_fired, src->event_fired, (size_t)a->event_count * sizeof *dst->event_fired);
    /* need_ideas is derived from the scenario alone: already equal. */
    AccountState keep = *dst;
    *dst = *src;
    dst->contacts = keep.contacts;
    dst->ideas = keep.ideas;
    dst->dept_known = keep.dept_known;
    dst->need_known = keep.need_known;
    dst->event_fired = keep.event_fired;
    dst->need_ideas_start = keep.need_ideas_start;
    dst->need_ideas = keep.need_ideas;
}

bool sim_copy(Sim *dst, const Sim *src)
{
    assert(dst->scn == src->scn);
    if (dst == src) {
        return true;
    }
    /* Room first, so that running out of memory leaves dst untouched. */
    if (!vec_reserve(&dst->log, sizeof(Command), src->log.count)
        || !vec_reserve(&dst->journal, sizeof(JournalEntry), src->journal.count)
        || !vec_reserve(&dst->changes, sizeof(ScoreChange), src->changes.count)
        || !vec_reserve(&dst->timeline, sizeof(WeekSnapshot), src->timeline.count)) {
        return false;
    }
    vec_copy(&dst->log, &src->log, sizeof(Command));
    vec_copy(&dst->journal, &src->journal, sizeof(JournalEntry));
    vec_copy(&dst->changes, &src->changes, sizeof(ScoreChange));
    vec_copy(&dst->timeline, &src->timeline, sizeof(WeekSnapshot));
    for (int i = 0; i < src->scn->account_count; i++) {
        copy_account(&dst->accounts[i], &src->accounts[i], &src->scn->accounts[i]);
    }
    /* Every other field is a value: copy the struct, keep dst's buffers. */
    Sim keep = *dst;
    *dst = *src;
    dst->accounts = keep.accounts;
    dst->log = keep.log;
    dst->journal = keep.journal;
    dst->changes = keep.changes;
    dst->timeline = keep.timeline;
    return true;
}
