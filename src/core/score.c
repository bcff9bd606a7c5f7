/* The scoring model of DESIGN.md section 3. Each sub-score is 0..100 and
 * explainable in one sentence; the total is their weighted mean. Integer
 * arithmetic only, so scores are identical on every machine. */
#include <assert.h>

#include "sim_internal.h"

static int clamp100(int64_t v)
{
    return v < 0 ? 0 : v > 100 ? 100 : (int)v;
}

/* Present now: at the client and not gone (arrivals count once arrived). */
static bool present_now(const Contact *ct, const ContactState *cs)
{
    return cs->status != STATUS_GONE && (ct->present || cs->status != STATUS_UNKNOWN);
}

static bool engaged(const Sim *sim, const ContactState *cs)
{
    return cs->status == STATUS_KNOWN && cs->rel >= sim->scn->rules.engaged_at;
}

int score_engaged_count(const Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    int n = 0;
    for (int c = 0; c < acc->contact_count; c++) {
        n += engaged(sim, &sim->accounts[a].contacts[c]);
    }
    return n;
}

static int role_count(unsigned roles)
{
    int n = 0;
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        n += (int)((roles >> i) & 1u);
    }
    return n;
}

Score score_account(const Sim *sim, int a)
{
    const Scenario *s = sim->scn;
    const Account *acc = &s->accounts[a];
    const AccountState *st = &sim->accounts[a];
    Score sc = {{0}, 0};

    int64_t growth = st->baseline + st->adopted_value - acc->baseline;
    sc.sub[SUB_REVENUE] = clamp100(growth * 100 / (acc->growth_target > 0 ? acc->growth_target : 1));

    int64_t infl_all = 0, infl_engaged = 0, rel_weighted = 0;
    int64_t weight_sum = 0, weight_max = 0;
    unsigned roles_all = 0, roles_engaged = 0;
    int introduced = 0, max_depth = 0;
    for (int c = 0; c < acc->contact_count; c++) {
        const Contact *ct = &acc->contacts[c];
        const ContactState *cs = &st->contacts[c];
        roles_all |= ct->roles;
        if (!present_now(ct, cs)) {
            continue;
        }
        infl_all += ct->influence;
        if (!engaged(sim, cs)) {
            continue;
        }
        infl_engaged += ct->influence;
        rel_weighted += (int64_t)ct->influence * cs->rel;
        roles_engaged |= ct->roles;
        int64_t w = (int64_t)ct->influence * cs->rel;
        weight_sum += w;
        weight_max = w > weight_max ? w : weight_max;
        if (cs->introduced_by >= 0) {
            introduced++;
            max_depth = cs->depth > max_depth ? cs->depth : max_depth;
        }
    }
    if (infl_all > 0) {
        int64_t pct = infl_engaged * 100 / infl_all;
        sc.sub[SUB_PENETRATION] = clamp100(pct * 100 / s->scoring.penetration_target);
    }
    int available = role_count(roles_all);
    if (available > 0) {
        sc.sub[SUB_COVERAGE] = clamp100(role_count(roles_engaged) * 100 / available);
    }
    if (infl_engaged > 0) {
        sc.sub[SUB_DEPTH] = clamp100(rel_weighted / infl_engaged);
    }
    int chain_bonus = max_depth >= 2 ? 20 : max_depth == 1 ? 10 : 0;
    sc.sub[SUB_REFERRALS] = clamp100((int64_t)introduced * 80 / s->scoring.referral_target
                                     + chain_bonus);
    int points = 0;
    for (int i = 0; i < acc->idea_count; i++) {
        if (st->ideas[i].adopted) {
            points += level_points(acc->ideas[i].level);
        }
    }
    sc.sub[SUB_IDEAS] = clamp100((int64_t)points * 100 / s->scoring.idea_target);
    /* Resilience: what the others carry next to the heaviest thread; the rest
     * carrying twice the top person's weight scores full marks. */
    if (weight_max > 0) {
        sc.sub[SUB_RESILIENCE] = clamp100((weight_sum - weight_max) * 100 / (2 * weight_max));
    }
    int64_t total = 0, wsum = 0;
    for (int i = 0; i < SUB_COUNT; i++) {
        total += (int64_t)s->scoring.weights[i] * sc.sub[i];
        wsum += s->scoring.weights[i];
    }
    assert(wsum > 0);
    sc.total = (int)((total + wsum / 2) / wsum);
    return sc;
}

Score score_overall(const Sim *sim)
{
    const Scenario *s = sim->scn;
    if (s->account_count == 1) {
        return score_account(sim, 0);
    }
    int64_t sum[SUB_COUNT] = {0};
    int64_t wsum = 0;
    for (int a = 0; a < s->account_count; a++) {
        Score sc = score_account(sim, a);
        int w = s->accounts[a].weight;
        for (int i = 0; i < SUB_COUNT; i++) {
            sum[i] += (int64_t)w * sc.sub[i];
        }
        wsum += w;
    }
    Score out = {{0}, 0};
    int64_t total = 0, weights = 0;
    for (int i = 0; i < SUB_COUNT; i++) {
        out.sub[i] = (int)((sum[i] + wsum / 2) / wsum);
        total += (int64_t)s->scoring.weights[i] * out.sub[i];
        weights += s->scoring.weights[i];
    }
    out.total = (int)((total + weights / 2) / weights);
    return out;
}
