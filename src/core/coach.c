/* Coaching notes for the debrief: rules that read the finished session and
 * name what the trainee did or missed, most important first. Notes about
 * money and goodwill read the journal's own records (what was lost, and the
 * cause recorded when it happened), never a guess. */
#include <string.h>

#include "sim_internal.h"

enum {
    MAX_FIT_NOTES = 3,
    MAX_SPONSORED_NOTES = 2,
    BURNED_PITCHES = 3,    /* refused pitches before they get a note */
    BURNED_EARLY_ASKS = 1, /* referrals refused as asked too early before they get a note */
};

typedef struct NoteSink {
    CoachNote *out;
    size_t max;
    size_t count;
    CoachNote spare; /* written to when out is full */
} NoteSink;

/* A new note of this kind, every other field empty; never NULL. */
static CoachNote *note(NoteSink *sink, CoachKind kind, int account)
{
    CoachNote *n = sink->count < sink->max ? &sink->out[sink->count++] : &sink->spare;
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->account = account;
    n->contact = n->idea = -1;
    return n;
}

static bool economic_engaged(const Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    bool exists = false;
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].roles & ROLE_ECONOMIC) {
            exists = true;
            if (sim_engaged(sim, a, c)) {
                return true;
            }
        }
    }
    return !exists; /* no economic buyer to meet: nothing to say */
}

/* The most influential known contact whose current needs the idea answers. */
static int best_fit(const Sim *sim, int a, int i)
{
    const Account *acc = &sim->scn->accounts[a];
    const Idea *idea = &acc->ideas[i];
    int best = -1;
    for (int c = 0; c < acc->contact_count; c++) {
        if (sim_contact_status(sim, a, c) != STATUS_KNOWN) {
            continue;
        }
        for (int k = 0; k < idea->need_count; k++) {
            if (sim_contact_has_need(sim, a, c, idea->needs[k])
                && (best < 0 || acc->contacts[c].influence > acc->contacts[best].influence)) {
                best = c;
            }
        }
    }
    return best;
}

/* The baseline cut recorded for the departure at journal index k: the
 * J_ANCHOR_LOST entry that follows it for the same person, or NULL. */
static const JournalEntry *departure_cut(const JournalEntry *j, size_t n, size_t k)
{
    for (size_t m = k + 1; m < n && j[m].week == j[k].week && j[m].kind != J_CONTACT_LEFT; m++) {
        if (j[m].kind == J_ANCHOR_LOST && j[m].account == j[k].account && j[m].contact == j[k].contact) {
            return &j[m];
        }
    }
    return NULL;
}

/* Every departure of a thread (a known contact, engaged or the main one):
 * what it cost and why, or why it cost nothing. */
static void departure_notes(const Sim *sim, int a, NoteSink *sink)
{
    size_t n;
    const JournalEntry *j = sim_journal(sim, &n);
    for (size_t k = 0; k < n; k++) {
        if (j[k].kind != J_CONTACT_LEFT || j[k].account != a || !(j[k].cause & CAUSE_THREAD)) {
            continue;
        }
        const JournalEntry *cut = departure_cut(j, n, k);
        CoachNote *c = note(sink, cut ? COACH_ANCHOR_LOST : COACH_DEPARTURE_FREE, a);
        c->contact = j[k].contact;
        c->week = j[k].week;
        c->amount = j[k].amount;
        if (cut) {
            c->other = cut->amount;
            c->money = cut->money;
        }
    }
}

/* Erosion, summed per recorded cause. When both causes held in one week,
 * the loss splits as the percentages did (rules.erosion for neglect). */
static void erosion_notes(const Sim *sim, int a, NoteSink *sink)
{
    const Rules *r = &sim->scn->rules;
    size_t n;
    const JournalEntry *j = sim_journal(sim, &n);
    int64_t neglect = 0, rival = 0;
    int longest = 0, rival_weeks = 0;
    for (size_t k = 0; k < n; k++) {
        if (j[k].kind != J_EROSION || j[k].account != a || j[k].amount <= 0) {
            continue;
        }
        int64_t part = 0;
        if (j[k].cause & CAUSE_NEGLECT) {
            part = (j[k].cause & CAUSE_COMPETITOR) ? j[k].money * r->erosion / j[k].amount : j[k].money;
            neglect += part;
            longest = j[k].other > longest ? j[k].other : longest;
        }
        if (j[k].cause & CAUSE_COMPETITOR) {
            rival += j[k].money - part;
            rival_weeks++;
        }
    }
    if (rival_weeks > 0) {
        CoachNote *c = note(sink, COACH_COMPETITOR, a);
        c->amount = rival_weeks;
        c->money = rival;
    }
    if (longest > 0) {
        CoachNote *c = note(sink, COACH_NEGLECT, a);
        c->amount = longest;
        c->other = r->neglect_weeks;
        c->money = neglect;
    }
}

static void idea_notes(const Sim *sim, int a, NoteSink *sink, int *fit_notes)
{
    const Account *acc = &sim->scn->accounts[a];
    const AccountState *st = &sim->accounts[a];
    for (int i = 0; i < acc->idea_count && *fit_notes < MAX_FIT_NOTES; i++) {
        if (st->ideas[i].pitched || st->ideas[i].adopted) {
            continue;
        }
        int c = best_fit(sim, a, i);
        if (c >= 0) {
            CoachNote *nt = note(sink, COACH_UNPITCHED_FIT, a);
            nt->contact = c;
            nt->idea = i;
            ++*fit_notes;
        }
    }
    int sponsored = 0;
    for (int i = 0; i < acc->idea_count && sponsored < MAX_SPONSORED_NOTES; i++) {
        if (!st->ideas[i].adopted && st->ideas[i].sponsor_count > 0) {
            CoachNote *nt = note(sink, COACH_SPONSORED_NOT_PROPOSED, a);
            nt->contact = st->ideas[i].sponsors[0];
            nt->idea = i;
            sponsored++;
        }
    }
}

static void account_notes(const Sim *sim, int a, NoteSink *sink, int *fit_notes)
{
    const Scenario *s = sim->scn;
    const AccountState *st = &sim->accounts[a];
    departure_notes(sim, a, sink);
    erosion_notes(sim, a, sink);
    if (st->single_thread_weeks * 3 >= s->weeks) {
        CoachNote *c = note(sink, COACH_SINGLE_THREADED, a);
        c->amount = st->single_thread_weeks;
        c->other = s->weeks;
    }
    if (!economic_engaged(sim, a)) {
        note(sink, COACH_NO_ECONOMIC, a);
    }
    idea_notes(sim, a, sink, fit_notes);
}

/* Goodwill burned by refused pitches and by referrals asked too early. */
static void goodwill_notes(const Sim *sim, NoteSink *sink)
{
    size_t n;
    const JournalEntry *j = sim_journal(sim, &n);
    int pitches = 0, off_need = 0, pitch_cost = 0, early = 0, early_cost = 0;
    for (size_t k = 0; k < n; k++) {
        if (j[k].kind == J_PITCH_LOST) {
            pitches++;
            off_need += (j[k].cause & CAUSE_NO_FIT) != 0;
            pitch_cost -= j[k].amount;
        } else if (j[k].kind == J_REFERRAL_LOST && (j[k].cause & CAUSE_TOO_EARLY)) {
            early++;
            early_cost -= j[k].amount;
        }
    }
    if (early >= BURNED_EARLY_ASKS) {
        CoachNote *c = note(sink, COACH_EARLY_REFERRALS, -1);
        c->amount = early;
        c->other = early_cost;
    }
    if (pitches >= BURNED_PITCHES) {
        CoachNote *c = note(sink, COACH_PITCHES_REFUSED, -1);
        c->amount = pitches;
        c->part = off_need;
        c->other = pitch_cost;
    }
}

static int adopted_ideas(const Sim *sim)
{
    int adopted = 0;
    for (int a = 0; a < sim->scn->account_count; a++) {
        for (int i = 0; i < sim->scn->accounts[a].idea_count; i++) {
            adopted += sim->accounts[a].ideas[i].adopted;
        }
    }
    return adopted;
}

/* Whether the yearly revenue of all accounts ends above where it started. */
static bool revenue_grew(const Sim *sim)
{
    int64_t start = 0, now = 0;
    for (int a = 0; a < sim->scn->account_count; a++) {
        start += sim->scn->accounts[a].baseline;
        now += sim_run_rate(sim, a);
    }
    return now > start;
}

size_t sim_coach(const Sim *sim, CoachNote *out, size_t max)
{
    const Scenario *s = sim->scn;
    NoteSink sink = {out, max, 0, {0}};
    if (sim->referrals_asked == 0) {
        note(&sink, COACH_NO_REFERRAL, -1);
    }
    if (adopted_ideas(sim) == 0) {
        note(&sink, COACH_NO_IDEAS, -1);
    }
    int fit_notes = 0;
    for (int a = 0; a < s->account_count; a++) {
        account_notes(sim, a, &sink, &fit_notes);
    }
    goodwill_notes(sim, &sink);
    if (sim->research_done == 0) {
        note(&sink, COACH_NO_RESEARCH, -1);
    }
    for (int k = 0; k < s->note_count; k++) {
        /* a session that ended early never saw what a later week brings */
        if (sim->week >= s->notes[k].week_reached && sim_condition_holds(sim, &s->notes[k].when)) {
            note(&sink, COACH_SCENARIO_NOTE, s->notes[k].when.account)->idea = k;
        }
    }
    if (sim_passed(sim) && revenue_grew(sim)) {
        note(&sink, COACH_WELL_DONE, -1);
    }
    return sink.count;
}
