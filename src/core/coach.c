/* Coaching notes for the debrief: rules that read the finished session and
 * name what the trainee did or missed, most important first. */
#include <string.h>

#include "sim_internal.h"

enum { MAX_FIT_NOTES = 3, MAX_SPONSORED_NOTES = 2 };

typedef struct NoteSink {
    CoachNote *out;
    size_t max;
    size_t count;
} NoteSink;

static void note(NoteSink *sink, CoachKind kind, int account, int contact, int idea, int amount,
                 int other)
{
    if (sink->count < sink->max) {
        CoachNote *n = &sink->out[sink->count++];
        n->kind = kind;
        n->account = account;
        n->contact = contact;
        n->idea = idea;
        n->amount = amount;
        n->other = other;
    }
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

static void account_notes(const Sim *sim, int a, NoteSink *sink, int *fit_notes)
{
    const Scenario *s = sim->scn;
    const Account *acc = &s->accounts[a];
    const AccountState *st = &sim->accounts[a];
    if (st->anchor_lost_contact >= 0) {
        note(sink, COACH_ANCHOR_LOST, a, st->anchor_lost_contact, -1, 0, 0);
    }
    if (st->single_thread_weeks * 3 >= s->weeks) {
        note(sink, COACH_SINGLE_THREADED, a, -1, -1, st->single_thread_weeks, s->weeks);
    }
    if (!economic_engaged(sim, a)) {
        note(sink, COACH_NO_ECONOMIC, a, -1, -1, 0, 0);
    }
    for (int i = 0; i < acc->idea_count && *fit_notes < MAX_FIT_NOTES; i++) {
        if (st->ideas[i].pitched || st->ideas[i].adopted) {
            continue;
        }
        int c = best_fit(sim, a, i);
        if (c >= 0) {
            note(sink, COACH_UNPITCHED_FIT, a, c, i, 0, 0);
            ++*fit_notes;
        }
    }
    int sponsored = 0;
    for (int i = 0; i < acc->idea_count && sponsored < MAX_SPONSORED_NOTES; i++) {
        if (!st->ideas[i].adopted && st->ideas[i].sponsor_count > 0) {
            note(sink, COACH_SPONSORED_NOT_PROPOSED, a, st->ideas[i].sponsors[0], i, 0, 0);
            sponsored++;
        }
    }
    if (st->eroded) {
        note(sink, COACH_NEGLECT, a, -1, -1, 0, 0);
    }
}

size_t sim_coach(const Sim *sim, CoachNote *out, size_t max)
{
    const Scenario *s = sim->scn;
    NoteSink sink = {out, max, 0};
    if (sim->referrals_asked == 0) {
        note(&sink, COACH_NO_REFERRAL, -1, -1, -1, 0, 0);
    }
    int adopted = 0;
    for (int a = 0; a < s->account_count; a++) {
        for (int i = 0; i < s->accounts[a].idea_count; i++) {
            adopted += sim->accounts[a].ideas[i].adopted;
        }
    }
    if (adopted == 0) {
        note(&sink, COACH_NO_IDEAS, -1, -1, -1, 0, 0);
    }
    int fit_notes = 0;
    for (int a = 0; a < s->account_count; a++) {
        account_notes(sim, a, &sink, &fit_notes);
    }
    if (sim->referrals_early >= 2) {
        note(&sink, COACH_EARLY_REFERRALS, -1, -1, -1, sim->referrals_early, 0);
    }
    if (sim->research_done == 0) {
        note(&sink, COACH_NO_RESEARCH, -1, -1, -1, 0, 0);
    }
    for (int k = 0; k < s->note_count; k++) {
        if (sim_condition_holds(sim, &s->notes[k].when)) {
            note(&sink, COACH_SCENARIO_NOTE, s->notes[k].when.account, -1, k, 0, 0);
        }
    }
    if (sim_passed(sim)) {
        note(&sink, COACH_WELL_DONE, -1, -1, -1, 0, 0);
    }
    return sink.count;
}
