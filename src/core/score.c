/* The scoring model of DESIGN.md section 3. Each sub-score is 0..100 and
 * explainable in one sentence; the total is their weighted mean. Integer
 * arithmetic only, so scores are identical on every machine. */
#include <assert.h>
#include <string.h>

#include "sim_internal.h"

static int clamp100(int64_t v)
{
    return v < 0 ? 0 : v > 100 ? 100 : (int)v;
}

/* Progress towards a target that keeps counting past it: linear up to
 * TARGET_SHARE at the target, then the rest of the way to 100 with
 * diminishing returns (twice the target scores 90, three times 93), so value
 * won late in a good game still moves the score. */
enum { TARGET_SHARE = 80 };

static int stretch_score(int64_t value, int64_t target)
{
    if (target <= 0) {
        target = 1;
    }
    if (value <= 0) {
        return 0;
    }
    if (value <= target) {
        return (int)(value * TARGET_SHARE / target);
    }
    return clamp100(TARGET_SHARE + (value - target) * (100 - TARGET_SHARE) / value);
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

/* ---- the people's share, kept as running sums ------------------------------ */

static ScoreShare share_of(const Sim *sim, const Contact *ct, const ContactState *cs)
{
    ScoreShare sh = {false, false, false, 0, 0};
    sh.present = present_now(ct, cs);
    sh.engaged = sh.present && engaged(sim, cs);
    if (sh.engaged) {
        sh.weight = (int64_t)ct->influence * cs->rel;
        sh.introduced = cs->introduced_by >= 0;
        sh.depth = sh.introduced ? cs->depth : 0;
    }
    return sh;
}

static bool share_equal(const ScoreShare *x, const ScoreShare *y)
{
    return x->present == y->present && x->engaged == y->engaged && x->introduced == y->introduced
           && x->depth == y->depth && x->weight == y->weight;
}

/* Adds (sign 1) or takes out (sign -1) one person's share. */
static void sums_add(ScoreSums *sum, const Contact *ct, const ScoreShare *sh, int sign)
{
    if (!sh->present) {
        return;
    }
    sum->infl_all += sign * ct->influence;
    if (!sh->engaged) {
        return;
    }
    sum->infl_engaged += sign * ct->influence;
    sum->rel_weighted += sign * sh->weight;
    sum->engaged += sign;
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        sum->role_engaged[i] += sign * (int)((ct->roles >> i) & 1u);
    }
    if (sh->introduced) {
        sum->introduced += sign;
        sum->depth_one += sign * (sh->depth == 1);
        sum->depth_deep += sign * (sh->depth >= 2);
    }
    /* weight_max stays an upper bound: raised by a heavier newcomer, and
     * recounted by the caller only when nobody is left at it. */
    if (sign > 0 && sh->weight > sum->weight_max) {
        sum->weight_max = sh->weight;
        sum->weight_top = 1;
    } else if (sh->weight == sum->weight_max) {
        sum->weight_top += sign;
    }
}

/* The exact heaviest weight, after the last person at it went lighter or left. */
static void sums_recount_max(const Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    AccountState *st = &sim->accounts[a];
    int64_t max = 0;
    int top = 0;
    for (int c = 0; c < acc->contact_count; c++) {
        const ScoreShare *sh = &st->contacts[c].share;
        if (!sh->engaged) {
            continue;
        }
        if (sh->weight > max) {
            max = sh->weight;
            top = 1;
        } else if (sh->weight == max) {
            top++;
        }
    }
    st->sums.weight_max = max;
    st->sums.weight_top = top;
}

void score_sums_init(Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    AccountState *st = &sim->accounts[a];
    memset(&st->sums, 0, sizeof st->sums);
    for (int c = 0; c < acc->contact_count; c++) {
        ContactState *cs = &st->contacts[c];
        cs->share = share_of(sim, &acc->contacts[c], cs);
        sums_add(&st->sums, &acc->contacts[c], &cs->share, 1);
    }
    st->score_stale = SCORE_ALL;
}

void score_contact(Sim *sim, int a, int c)
{
    AccountState *st = &sim->accounts[a];
    const Contact *ct = &sim->scn->accounts[a].contacts[c];
    ContactState *cs = &st->contacts[c];
    ScoreShare now = share_of(sim, ct, cs);
    if (share_equal(&now, &cs->share)) {
        return; /* nothing the score reads moved */
    }
    ScoreSums *sum = &st->sums;
    if (now.engaged && cs->share.engaged && now.introduced == cs->share.introduced
        && now.depth == cs->share.depth) {
        /* Only the relationship moved (a meeting, most often): what
         * sums_add would take out and put back, for the weight alone. */
        sum->rel_weighted += now.weight - cs->share.weight;
        sum->weight_top -= cs->share.weight == sum->weight_max;
        if (now.weight > sum->weight_max) {
            sum->weight_max = now.weight;
            sum->weight_top = 1;
        } else if (now.weight == sum->weight_max) {
            sum->weight_top++;
        }
        cs->share = now;
        st->score_stale |= SCORE_WEIGHTS;
    } else {
        sums_add(sum, ct, &cs->share, -1);
        cs->share = now;
        sums_add(sum, ct, &cs->share, 1);
        st->score_stale |= SCORE_PEOPLE;
    }
    if (sum->weight_top == 0 && sum->weight_max > 0) {
        sums_recount_max(sim, a); /* resilience: in both masks */
    }
}

#ifndef NDEBUG
/* The sums as a walk over every person finds them: builds with assertions
 * compare the kept sums with it on every computation. */
static void check_sums(const Sim *sim, int a)
{
    const Account *acc = &sim->scn->accounts[a];
    const AccountState *st = &sim->accounts[a];
    ScoreSums w;
    memset(&w, 0, sizeof w);
    for (int c = 0; c < acc->contact_count; c++) {
        ScoreShare sh = share_of(sim, &acc->contacts[c], &st->contacts[c]);
        assert(share_equal(&sh, &st->contacts[c].share));
        sums_add(&w, &acc->contacts[c], &sh, 1);
    }
    const ScoreSums *k = &st->sums;
    assert(w.infl_all == k->infl_all && w.infl_engaged == k->infl_engaged);
    assert(w.rel_weighted == k->rel_weighted && w.engaged == k->engaged);
    assert(memcmp(w.role_engaged, k->role_engaged, sizeof w.role_engaged) == 0);
    assert(w.introduced == k->introduced && w.depth_one == k->depth_one
           && w.depth_deep == k->depth_deep);
    assert(w.weight_max == k->weight_max && w.weight_top == k->weight_top);
}
#endif

int score_engaged_count(const Sim *sim, int a)
{
#ifndef NDEBUG
    check_sums(sim, a);
#endif
    return sim->accounts[a].sums.engaged;
}

/* One sub-score of the account, from its sums and state. */
static int sub_score(const Sim *sim, int a, SubScore sub)
{
    const Scenario *s = sim->scn;
    const AccountState *st = &sim->accounts[a];
    const ScoreSums *sum = &st->sums;
    switch (sub) {
    case SUB_REVENUE:
        return stretch_score(st->baseline + st->adopted_value - s->accounts[a].baseline,
                             s->accounts[a].growth_target);
    case SUB_PENETRATION:
        if (sum->infl_all <= 0) {
            return 0;
        }
        return clamp100(sum->infl_engaged * 100 / sum->infl_all * 100 / s->scoring.penetration_target);
    case SUB_COVERAGE: {
        if (st->roles_available <= 0) {
            return 0;
        }
        int roles_engaged = 0;
        for (int i = 0; i < ROLE_KIND_COUNT; i++) {
            roles_engaged += sum->role_engaged[i] > 0;
        }
        return clamp100(roles_engaged * 100 / st->roles_available);
    }
    case SUB_DEPTH: {
        /* Depth is measured over at least the share of the client the
         * penetration target asks for: one close friend in a large client is
         * not a deep relationship with the account. */
        int64_t depth_base = sum->infl_all * s->scoring.penetration_target / 100;
        depth_base = sum->infl_engaged > depth_base ? sum->infl_engaged : depth_base;
        return depth_base > 0 ? clamp100(sum->rel_weighted / depth_base) : 0;
    }
    case SUB_REFERRALS: {
        int chain_bonus = sum->depth_deep > 0 ? 20 : sum->depth_one > 0 ? 10 : 0;
        return clamp100((int64_t)sum->introduced * 80 / s->scoring.referral_target + chain_bonus);
    }
    case SUB_IDEAS:
        return stretch_score(st->idea_points, s->scoring.idea_target);
    case SUB_RESILIENCE:
        /* What the others carry next to the heaviest thread; the rest
         * carrying twice the top person's weight scores full marks. */
        if (sum->weight_max <= 0) {
            return 0;
        }
        return clamp100((sum->rel_weighted - sum->weight_max) * 100 / (2 * sum->weight_max));
    case SUB_COUNT:
        break;
    }
    return 0;
}

/* The weighted mean of the sub-scores, given their weighted sum. */
static int total_of(const Sim *sim, int64_t weighted)
{
    int64_t wsum = sim->sub_weight_sum;
    assert(wsum > 0);
    return (int)((weighted + wsum / 2) / wsum);
}

#ifndef NDEBUG
/* Every sub-score computed afresh: builds with assertions compare the kept
 * score with it. */
static Score compute_account(const Sim *sim, int a)
{
    const AccountState *st = &sim->accounts[a];
    check_sums(sim, a);
    int points = 0;
    for (int i = 0; i < sim->scn->accounts[a].idea_count; i++) {
        if (st->ideas[i].adopted) {
            points += level_points(sim->scn->accounts[a].ideas[i].level);
        }
    }
    assert(points == st->idea_points);
    Score sc = {{0}, 0};
    int64_t weighted = 0;
    for (int i = 0; i < SUB_COUNT; i++) {
        sc.sub[i] = sub_score(sim, a, (SubScore)i);
        weighted += (int64_t)sim->scn->scoring.weights[i] * sc.sub[i];
    }
    sc.total = total_of(sim, weighted);
    return sc;
}
#endif

/* Computes the stale sub-scores again, in sc (the account's cached score or
 * a copy), and keeps weighted (the sum of the weights times sc.sub) and the
 * total up to date. */
static void update_score(const Sim *sim, int a, Score *sc, int64_t *weighted)
{
    const int *weights = sim->scn->scoring.weights;
    for (unsigned stale = sim->accounts[a].score_stale; stale != 0; stale &= stale - 1) {
        int i = __builtin_ctz(stale); /* the lowest stale sub-score */
        int now = sub_score(sim, a, (SubScore)i);
        *weighted += (int64_t)weights[i] * (now - sc->sub[i]);
        sc->sub[i] = now;
    }
    sc->total = total_of(sim, *weighted);
#ifndef NDEBUG
    /* A change that forgot score_touch, or named too few sub-scores, would
     * show here in every test build with assertions (the sanitizer build). */
    Score fresh = compute_account(sim, a);
    assert(memcmp(&fresh, sc, sizeof fresh) == 0);
    int64_t check = 0;
    for (int i = 0; i < SUB_COUNT; i++) {
        check += (int64_t)weights[i] * sc->sub[i];
    }
    assert(check == *weighted);
#endif
}

void score_touch(Sim *sim, int a, unsigned subs)
{
    sim->accounts[a].score_stale |= subs;
}

bool score_refresh(Sim *sim)
{
    bool any = false;
    for (int a = 0; a < sim->scn->account_count; a++) {
        AccountState *st = &sim->accounts[a];
        if (st->score_stale) {
            update_score(sim, a, &st->score, &st->score_weighted);
            st->score_stale = 0;
            any = true;
        }
    }
    return any;
}

Score score_account(const Sim *sim, int a)
{
    const AccountState *st = &sim->accounts[a];
    if (st->score_stale) {
        Score sc = st->score;
        int64_t weighted = st->score_weighted;
        update_score(sim, a, &sc, &weighted);
        return sc;
    }
#ifndef NDEBUG
    /* A change that forgot score_touch would show here. */
    Score fresh = compute_account(sim, a);
    assert(memcmp(&fresh, &st->score, sizeof fresh) == 0);
#endif
    return st->score;
}

bool score_business_result(const Sim *sim)
{
    const Scenario *s = sim->scn;
    int64_t start = 0, now = 0;
    bool adopted = false;
    for (int a = 0; a < s->account_count; a++) {
        const AccountState *st = &sim->accounts[a];
        start += s->accounts[a].baseline;
        now += st->baseline + st->adopted_value;
        /* Every adopted idea adds at least one level point. */
        adopted = adopted || st->idea_points > 0;
#ifndef NDEBUG
        bool any = false;
        for (int i = 0; i < s->accounts[a].idea_count && !any; i++) {
            any = st->ideas[i].adopted;
        }
        assert(any == (st->idea_points > 0));
#endif
    }
    return adopted && now > start;
}

/* The pass rule: without a business result the total stays below the pass
 * mark, whatever the structure sub-scores say. */
static Score hold_below_pass(const Sim *sim, Score sc)
{
    int ceiling = sim->scn->scoring.pass_mark - 1;
    if (sc.total > ceiling && !score_business_result(sim)) {
        sc.total = ceiling < 0 ? 0 : ceiling;
    }
    return sc;
}

Score score_overall(const Sim *sim)
{
    const Scenario *s = sim->scn;
    if (s->account_count == 1) {
        return hold_below_pass(sim, score_account(sim, 0));
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
    return hold_below_pass(sim, out);
}
