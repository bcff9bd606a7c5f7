/* Why a command would fail for sure (sim_check), without changing anything:
 * the checks the rules make before sim_apply resolves a command. */
#include "keyaccounts/sim.h"

#include "sim_internal.h"

static bool research_pool_empty(const Sim *sim, int a)
{
    return sim_research_pool(sim, a, NULL, 0) == 0;
}

/* Whether the approvals of an idea hold among its present sponsors. */
static bool approvals_hold(const Sim *sim, int a, int i)
{
    /* sim_missing_roles and sim_missing_approvers both none, for a valid idea */
    const Account *acc = &sim->scn->accounts[a];
    const Idea *idea = &acc->ideas[i];
    const IdeaState *is = &sim->accounts[a].ideas[i];
    unsigned have = 0;
    for (int k = 0; k < is->sponsor_count; k++) {
        have |= acc->contacts[is->sponsors[k]].roles;
    }
    if (idea->approval_roles & ~have) {
        return false;
    }
    for (int k = 0; k < idea->approval_contact_count; k++) {
        if (!idea_sponsored_by(is, idea->approval_contacts[k])) {
            return false;
        }
    }
    return true;
}

/* Whether the command's person is known: cs is their state, or NULL when
 * the index is out of range. */
static Refusal known_refusal(const ContactState *cs)
{
    if (!cs) {
        return REFUSE_BAD_ARGUMENT;
    }
    switch (cs->status) {
    case STATUS_KNOWN:
        return REFUSE_NONE;
    case STATUS_GONE:
        return REFUSE_GONE;
    default:
        return REFUSE_NOT_KNOWN;
    }
}

Refusal sim_check(const Sim *sim, Command c)
{
    if (sim->over) {
        return REFUSE_GAME_OVER;
    }
    if (c.kind < 0 || c.kind >= ACT_COUNT || !valid_account(sim, c.account)) {
        return REFUSE_BAD_ARGUMENT;
    }
    if (c.kind == ACT_END_WEEK) {
        return REFUSE_NONE;
    }
    /* Room for this command and for ending every week left, so a session
     * never holds more commands than a session or result file may. */
    size_t weeks_left = (size_t)(sim->scn->weeks - sim->week + 1);
    if (sim->log.count + 1 + weeks_left > SIM_MAX_COMMANDS) {
        return REFUSE_COMMAND_LIMIT;
    }
    const AccountState *st = &sim->accounts[c.account];
    /* The person and the idea named, or NULL when out of range. */
    const ContactState *cs = (unsigned)c.contact < (unsigned)sim->scn->accounts[c.account].contact_count
                                 ? &st->contacts[c.contact]
                                 : NULL;
    const IdeaState *is = (unsigned)c.idea < (unsigned)sim->scn->accounts[c.account].idea_count
                              ? &st->ideas[c.idea]
                              : NULL;
    Refusal r = REFUSE_NONE;
    switch (c.kind) {
    case ACT_RESEARCH:
        r = research_pool_empty(sim, c.account) ? REFUSE_NOTHING_TO_FIND : REFUSE_NONE;
        break;
    case ACT_MEET:
        r = known_refusal(cs);
        break;
    case ACT_PITCH:
        r = known_refusal(cs);
        if (r == REFUSE_NONE && !is) {
            r = REFUSE_BAD_ARGUMENT;
        } else if (r == REFUSE_NONE && is->adopted) {
            r = REFUSE_IDEA_ADOPTED;
        } else if (r == REFUSE_NONE && idea_sponsored_by(is, c.contact)) {
            r = REFUSE_ALREADY_SPONSOR;
        }
        break;
    case ACT_REFERRAL:
        r = known_refusal(cs);
        if (r == REFUSE_NONE && sim_next_referral(sim, c.account, c.contact) < 0) {
            r = REFUSE_NO_REFERRALS;
        } else if (r == REFUSE_NONE && cs->asked_week == sim->week) {
            r = REFUSE_ASKED_THIS_WEEK;
        }
        break;
    case ACT_COLD_CALL:
        if (!cs) {
            r = REFUSE_BAD_ARGUMENT;
        } else {
            r = cs->status == STATUS_KNOWN ? REFUSE_ALREADY_KNOWN
                : cs->status == STATUS_GONE ? REFUSE_GONE
                : cs->status == STATUS_UNKNOWN ? REFUSE_NOT_HEARD_OF
                : cs->called_week == sim->week ? REFUSE_ASKED_THIS_WEEK
                : REFUSE_NONE;
        }
        break;
    case ACT_PROPOSE:
        if (!is) {
            r = REFUSE_BAD_ARGUMENT;
        } else if (is->adopted) {
            r = REFUSE_IDEA_ADOPTED;
        } else if (is->sponsor_count == 0) {
            r = REFUSE_NOT_SPONSORED;
        } else if (!approvals_hold(sim, c.account, c.idea)) {
            r = REFUSE_APPROVAL_MISSING;
        } else if (st->freeze_weeks > 0) {
            r = REFUSE_BUDGET_FREEZE;
        }
        break;
    case ACT_SERVICE:
    case ACT_END_WEEK:
    case ACT_COUNT:
        break;
    }
    if (r == REFUSE_NONE && sim->scn->costs[c.kind] > sim->hours_left) {
        r = REFUSE_NO_HOURS;
    }
    return r;
}

const char *refusal_key(Refusal r)
{
    static const char *const keys[REFUSE_COUNT] = {
        "none", "game_over", "bad_argument", "no_hours", "not_known", "not_heard_of",
        "already_known", "gone", "nothing_to_find", "already_sponsor", "idea_adopted",
        "not_sponsored", "approval_missing", "budget_freeze", "no_referrals", "asked_this_week",
    };
    return r >= 0 && r < REFUSE_COUNT ? keys[r] : "out_of_memory";
}
