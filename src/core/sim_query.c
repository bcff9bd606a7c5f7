/* What the trainee can read of a session: read-only accessors over the state
 * and records the rules in sim.c keep. Indices are checked: out of range reads
 * as nothing (unknown, 0, false), except sim_account_score, which asserts. */
#include "keyaccounts/sim.h"

#include <assert.h>
#include <string.h>

#include "sim_internal.h"

const Scenario *sim_scenario(const Sim *sim) { return sim->scn; }
uint64_t sim_seed(const Sim *sim) { return sim->seed; }
bool sim_over(const Sim *sim) { return sim->over; }
int sim_week(const Sim *sim) { return sim->week; }
int sim_hours_left(const Sim *sim) { return sim->hours_left; }
int sim_cost(const Sim *sim, ActionKind a) { return sim->scn->costs[a]; }
int64_t sim_revenue_booked(const Sim *sim) { return sim->revenue_booked; }

ContactStatus sim_contact_status(const Sim *sim, int a, int c)
{
    return valid_contact(sim, a, c) ? cstate(sim, a, c)->status : STATUS_UNKNOWN;
}

int sim_relationship(const Sim *sim, int a, int c)
{
    return valid_contact(sim, a, c) ? cstate(sim, a, c)->rel : 0;
}

bool sim_engaged(const Sim *sim, int a, int c)
{
    if (!valid_contact(sim, a, c)) {
        return false;
    }
    const ContactState *cs = cstate(sim, a, c);
    return cs->status == STATUS_KNOWN && cs->rel >= sim->scn->rules.engaged_at;
}

int sim_introduced_by(const Sim *sim, int a, int c)
{
    return valid_contact(sim, a, c) ? cstate(sim, a, c)->introduced_by : -1;
}

bool sim_contact_has_need(const Sim *sim, int a, int c, int need)
{
    return valid_contact(sim, a, c) && need_slot(cstate(sim, a, c), need) >= 0;
}

bool sim_need_known(const Sim *sim, int a, int c, int need)
{
    if (!valid_contact(sim, a, c)) {
        return false;
    }
    const ContactState *cs = cstate(sim, a, c);
    int slot = need_slot(cs, need);
    return slot >= 0 && (cs->needs_known >> slot & 1u);
}

int sim_contact_needs(const Sim *sim, int a, int c, int *out, int max)
{
    if (!valid_contact(sim, a, c)) {
        return 0;
    }
    const ContactState *cs = cstate(sim, a, c);
    int n = cs->need_count < max ? cs->need_count : max;
    memcpy(out, cs->needs, (size_t)(n > 0 ? n : 0) * sizeof *out);
    return cs->need_count;
}

int sim_known_needs(const Sim *sim, int a, int c, int *out, int max)
{
    if (!valid_contact(sim, a, c)) {
        return 0;
    }
    const ContactState *cs = cstate(sim, a, c);
    int n = cs->need_count < max ? cs->need_count : max;
    int k = 0;
    for (int j = 0; j < n; j++) {
        int slot = need_slot(cs, cs->needs[j]);
        if (slot >= 0 && (cs->needs_known >> slot & 1u)) {
            out[k++] = cs->needs[j];
        }
    }
    return k;
}

bool sim_company_need_known(const Sim *sim, int a, int need)
{
    return valid_account(sim, a) && need >= 0 && need < sim->scn->accounts[a].need_count
           && sim->accounts[a].need_known[need];
}

bool sim_department_known(const Sim *sim, int a, int d)
{
    return valid_account(sim, a) && d >= 0 && d < sim->scn->accounts[a].department_count
           && sim->accounts[a].dept_known[d];
}

bool sim_sponsors(const Sim *sim, int a, int i, int c)
{
    return valid_idea(sim, a, i) && idea_sponsored_by(&sim->accounts[a].ideas[i], c);
}

int sim_sponsor_count(const Sim *sim, int a, int i)
{
    return valid_idea(sim, a, i) ? sim->accounts[a].ideas[i].sponsor_count : 0;
}

bool sim_idea_adopted(const Sim *sim, int a, int i)
{
    return valid_idea(sim, a, i) && sim->accounts[a].ideas[i].adopted;
}

bool sim_idea_pitched(const Sim *sim, int a, int i)
{
    return valid_idea(sim, a, i) && sim->accounts[a].ideas[i].pitched;
}

int sim_referrals_left(const Sim *sim, int a, int c)
{
    if (!valid_contact(sim, a, c)) {
        return 0;
    }
    int n = 0;
    const Contact *ct = &sim->scn->accounts[a].contacts[c];
    for (int k = 0; k < ct->refer_count; k++) {
        const ContactState *ts = cstate(sim, a, ct->refers[k]);
        bool arrived = sim->scn->accounts[a].contacts[ct->refers[k]].present
                       || ts->status != STATUS_UNKNOWN;
        if (ct->refers[k] != c && arrived && ts->status != STATUS_KNOWN
            && ts->status != STATUS_GONE) {
            n++;
        }
    }
    return n;
}

int64_t sim_baseline(const Sim *sim, int a)
{
    return valid_account(sim, a) ? sim->accounts[a].baseline : 0;
}

int64_t sim_run_rate(const Sim *sim, int a)
{
    return valid_account(sim, a) ? sim->accounts[a].baseline + sim->accounts[a].adopted_value : 0;
}

int sim_freeze_weeks(const Sim *sim, int a)
{
    return valid_account(sim, a) ? sim->accounts[a].freeze_weeks : 0;
}

int sim_competitor_weeks(const Sim *sim, int a)
{
    return valid_account(sim, a) ? sim->accounts[a].competitor_weeks : 0;
}

Score sim_score(const Sim *sim) { return score_overall(sim); }

Score sim_account_score(const Sim *sim, int a)
{
    assert(valid_account(sim, a));
    return score_account(sim, a);
}

bool sim_passed(const Sim *sim)
{
    return score_overall(sim).total >= sim->scn->scoring.pass_mark;
}

bool sim_business_result(const Sim *sim) { return score_business_result(sim); }

const JournalEntry *sim_journal(const Sim *sim, size_t *count)
{
    *count = sim->journal.count;
    return sim->journal.items;
}

const ScoreChange *sim_score_changes(const Sim *sim, size_t *count)
{
    *count = sim->changes.count;
    return sim->changes.items;
}

const Command *sim_log(const Sim *sim, size_t *count)
{
    *count = sim->log.count;
    return sim->log.items;
}

const WeekSnapshot *sim_timeline(const Sim *sim, size_t *count)
{
    *count = sim->timeline.count;
    return sim->timeline.items;
}

unsigned sim_missing_roles(const Sim *sim, int a, int i)
{
    if (!valid_idea(sim, a, i)) {
        return 0;
    }
    const IdeaState *is = &sim->accounts[a].ideas[i];
    unsigned have = 0;
    for (int k = 0; k < is->sponsor_count; k++) {
        have |= sim->scn->accounts[a].contacts[is->sponsors[k]].roles;
    }
    return sim->scn->accounts[a].ideas[i].approval_roles & ~have;
}

int sim_missing_approvers(const Sim *sim, int a, int i, int *out, int max)
{
    if (!valid_idea(sim, a, i)) {
        return 0;
    }
    const Idea *idea = &sim->scn->accounts[a].ideas[i];
    int n = 0;
    for (int k = 0; k < idea->approval_contact_count; k++) {
        if (!idea_sponsored_by(&sim->accounts[a].ideas[i], idea->approval_contacts[k])) {
            if (n < max) {
                out[n] = idea->approval_contacts[k];
            }
            n++;
        }
    }
    return n;
}

int sim_pitch_refusals(const Sim *sim, int a, int i, int c)
{
    if (!valid_idea(sim, a, i)) {
        return 0;
    }
    const IdeaState *is = &sim->accounts[a].ideas[i];
    for (int k = 0; k < is->refused_count; k++) {
        if (is->refused_by[k] == c) {
            return is->refused_times[k];
        }
    }
    return 0;
}

int sim_last_service(const Sim *sim, int a)
{
    return valid_account(sim, a) ? sim->accounts[a].last_service : 0;
}

const int *sim_ideas_for_need(const Sim *sim, int a, int need, int *count)
{
    if (!valid_account(sim, a) || need < 0 || need >= sim->scn->accounts[a].need_count) {
        *count = 0;
        return NULL;
    }
    const AccountState *st = &sim->accounts[a];
    *count = st->need_ideas_start[need + 1] - st->need_ideas_start[need];
    return st->need_ideas + st->need_ideas_start[need];
}

int sim_sponsoring(const Sim *sim, int a, int c)
{
    return valid_contact(sim, a, c) ? cstate(sim, a, c)->sponsoring : 0;
}

const int *sim_sponsor_list(const Sim *sim, int a, int i, int *count)
{
    if (!valid_idea(sim, a, i)) {
        *count = 0;
        return NULL;
    }
    *count = sim->accounts[a].ideas[i].sponsor_count;
    return sim->accounts[a].ideas[i].sponsors;
}
