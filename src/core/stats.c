#include "keyaccounts/stats.h"

#include <stdio.h>
#include <string.h>

#include "keyaccounts/alloc.h"
#include "keyaccounts/optimise.h"
#include "keyaccounts/sim.h"

/* Scores are 0..100: a counting sort gives exact percentiles for free. */
static int percentile(const int hist[101], int runs, int pct)
{
    int rank = (runs - 1) * pct / 100; /* nearest-rank, 0-based, rounding down */
    int seen = 0;
    for (int v = 0; v <= 100; v++) {
        seen += hist[v];
        if (seen > rank) {
            return v;
        }
    }
    return 100;
}

/* Score distributions of many games, collected one game at a time. */
typedef struct Collector {
    int hist[101];
    int sub_hist[SUB_COUNT][101];
    int64_t sum;
} Collector;

static void collect(Collector *col, StrategyStats *out, const Sim *sim)
{
    Score sc = sim_score(sim);
    col->hist[sc.total]++;
    for (int i = 0; i < SUB_COUNT; i++) {
        col->sub_hist[i][sc.sub[i]]++;
    }
    col->sum += sc.total;
    out->passes += sim_passed(sim);
}

static void finish(const Collector *col, StrategyStats *out)
{
    int runs = out->runs;
    out->mean_x10 = (int)((col->sum * 10 + runs / 2) / runs);
    out->median = percentile(col->hist, runs, 50);
    out->p10 = percentile(col->hist, runs, 10);
    out->p90 = percentile(col->hist, runs, 90);
    out->min = percentile(col->hist, runs, 0);
    out->max = percentile(col->hist, runs, 100);
    for (int i = 0; i < SUB_COUNT; i++) {
        out->sub_median[i] = percentile(col->sub_hist[i], runs, 50);
    }
}

typedef enum Player { PLAY_BOT, PLAY_UNDER, PLAY_OPTIMISE } Player;

static int run_many(const Scenario *s, Player how, BotKind bot, Constraint k, int beam, int runs,
                    uint64_t seed, StrategyStats *out)
{
    memset(out, 0, sizeof *out);
    out->bot = how == PLAY_BOT ? bot : BOT_EXPANDER;
    out->constraint = k;
    out->optimised = how == PLAY_OPTIMISE;
    out->runs = runs;
    if (runs <= 0) {
        return 0;
    }
    Sim *sim = sim_create(s, seed);
    Collector *col = ka_calloc(1, sizeof *col);
    if (!sim || !col) {
        sim_destroy(sim);
        ka_free(col);
        return -1;
    }
    int rc = 0;
    for (int r = 0; r < runs && rc == 0; r++) {
        uint64_t run_seed = seed + (uint64_t)r;
        sim_reset(sim, run_seed);
        rc = how == PLAY_BOT     ? bot_play(sim, bot, run_seed)
             : how == PLAY_UNDER ? bot_play_under(sim, k)
                                 : optimise(sim, k, beam);
        if (rc == 0) {
            collect(col, out, sim);
        }
    }
    if (rc == 0) {
        finish(col, out);
    }
    sim_destroy(sim);
    ka_free(col);
    return rc;
}

int stats_run(const Scenario *s, BotKind bot, int runs, uint64_t seed, StrategyStats *out)
{
    return run_many(s, PLAY_BOT, bot, CONSTRAINT_NONE, 0, runs, seed, out);
}

int stats_run_under(const Scenario *s, Constraint k, int runs, uint64_t seed, StrategyStats *out)
{
    return run_many(s, PLAY_UNDER, BOT_EXPANDER, k, 0, runs, seed, out);
}

int stats_optimise(const Scenario *s, Constraint k, int runs, uint64_t seed, int beam, StrategyStats *out)
{
    return run_many(s, PLAY_OPTIMISE, BOT_EXPANDER, k, beam, runs, seed, out);
}

int stats_balance(const Scenario *s, int runs, int opt_runs, uint64_t seed, int beam, Balance *out)
{
    memset(out, 0, sizeof *out);
    for (int b = 0; b < BOT_COUNT; b++) {
        if (stats_run(s, (BotKind)b, runs, seed, &out->bots[b]) != 0) {
            return -1;
        }
    }
    for (int k = 0; k < CONSTRAINT_COUNT; k++) {
        if ((k != CONSTRAINT_NONE && stats_run_under(s, (Constraint)k, runs, seed, &out->constrained[k]) != 0)
            || stats_optimise(s, (Constraint)k, opt_runs, seed, beam, &out->optimum[k]) != 0) {
            return -1;
        }
    }
    out->constrained[CONSTRAINT_NONE].constraint = CONSTRAINT_NONE;
    return 0;
}

static bool main_contact_leaves(const Account *acc)
{
    for (int e = 0; e < acc->event_count; e++) {
        const Event *ev = &acc->events[e];
        for (int f = 0; f < ev->effect_count; f++) {
            const Effect *fx = &ev->effects[f];
            if (fx->kind == EFFECT_CONTACT_LEAVES && acc->contacts[fx->contact].main && ev->probability > 0) {
                return true;
            }
        }
    }
    return false;
}

/* Yearly value of the ideas the main contact alone could sponsor and close. */
static int64_t main_alone_value(const Account *acc)
{
    int m = -1;
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].main) {
            m = c;
        }
    }
    if (m < 0) {
        return 0;
    }
    const Contact *mc = &acc->contacts[m];
    int64_t total = 0;
    for (int i = 0; i < acc->idea_count; i++) {
        const Idea *idea = &acc->ideas[i];
        bool alone = (idea->approval_roles & ~mc->roles) == 0;
        for (int k = 0; k < idea->approval_contact_count && alone; k++) {
            alone = idea->approval_contacts[k] == m;
        }
        if (alone) {
            total += idea->value;
        }
    }
    return total;
}

/* passes/runs > pct% and passes/runs < pct%, exactly. */
static bool above(int passes, int runs, int pct)
{
    return (int64_t)passes * 100 > (int64_t)runs * pct;
}

static bool below(int passes, int runs, int pct)
{
    return (int64_t)passes * 100 < (int64_t)runs * pct;
}

static void add_hint(VerdictLine *l, VerdictHintKind kind, int account, int value, int value2)
{
    if (l->hint_count < VERDICT_MAX_HINTS) {
        l->hints[l->hint_count++] = (VerdictHint){kind, account, value, value2};
    }
}

/* What in the scenario lets a narrow player pass: facts a trainer can change. */
static void scenario_hints(const Scenario *s, VerdictLine *l)
{
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        if (!main_contact_leaves(acc)) {
            add_hint(l, HINT_MAIN_NEVER_LEAVES, a, 0, 0);
        }
        int64_t alone = main_alone_value(acc);
        if (acc->growth_target > 0 && alone * 2 >= acc->growth_target) {
            add_hint(l, HINT_MAIN_ALONE, a, (int)(alone * 100 / acc->growth_target), 0);
        }
    }
}

/* The sub-score that loses the most weighted points at the median. */
static int holds_back(const Scenario *s, const StrategyStats *st)
{
    int worst = -1;
    long worst_loss = 0;
    for (int i = 0; i < SUB_COUNT; i++) {
        long loss = (long)s->scoring.weights[i] * (100 - st->sub_median[i]);
        if (s->scoring.weights[i] > 0 && (worst < 0 || loss > worst_loss)) {
            worst = i;
            worst_loss = loss;
        }
    }
    return worst;
}

static VerdictLine *new_line(BalanceVerdict *v, VerdictRule rule, const StrategyStats *st, int limit)
{
    VerdictLine *l = &v->lines[v->line_count++];
    memset(l, 0, sizeof *l);
    l->rule = rule;
    l->bot = st->bot;
    l->constraint = st->constraint;
    l->passes = st->passes;
    l->runs = st->runs;
    l->median = st->median;
    l->limit_pct = limit;
    l->holds_back = -1;
    return l;
}

static void check_constrained(const Scenario *s, BalanceVerdict *v, const StrategyStats *st, bool optimum)
{
    if (st->runs <= 0) {
        return;
    }
    VerdictLine *l = new_line(v, optimum ? VERDICT_CONSTRAINED_OPTIMUM : VERDICT_CONSTRAINED, st,
                              VERDICT_MAX_CONSTRAINED_PCT);
    l->failed = above(st->passes, st->runs, VERDICT_MAX_CONSTRAINED_PCT);
    if (l->failed && (st->constraint == CONSTRAINT_NO_NEW_PEOPLE || st->constraint == CONSTRAINT_NEVER_REFER)) {
        scenario_hints(s, l);
    }
}

static void check_weak(const Scenario *s, BalanceVerdict *v, const StrategyStats *st)
{
    if (st->runs <= 0) {
        return;
    }
    VerdictLine *l = new_line(v, VERDICT_TOO_EASY, st, VERDICT_MAX_WEAK_PCT);
    l->failed = above(st->passes, st->runs, VERDICT_MAX_WEAK_PCT);
    if (!l->failed) {
        return;
    }
    if (st->bot == BOT_SINGLE_THREAD) {
        scenario_hints(s, l);
    } else {
        add_hint(l, HINT_RAISE_PASS_MARK, -1, 0, 0);
    }
}

static void check_expander(const Scenario *s, BalanceVerdict *v, const StrategyStats *st)
{
    if (st->runs <= 0) {
        return;
    }
    VerdictLine *l = new_line(v, VERDICT_TOO_HARD, st, VERDICT_MIN_EXPANDER_PCT);
    l->failed = below(st->passes, st->runs, VERDICT_MIN_EXPANDER_PCT);
    if (!l->failed) {
        return;
    }
    int sub = holds_back(s, st);
    l->holds_back = sub;
    if (sub >= 0) {
        add_hint(l, HINT_HOLDS_BACK, -1, sub, st->sub_median[sub]);
    }
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        int64_t all_ideas = 0;
        for (int i = 0; i < acc->idea_count; i++) {
            all_ideas += acc->ideas[i].value;
        }
        if (all_ideas < acc->growth_target) {
            add_hint(l, HINT_IDEAS_SHORT, a, 0, 0);
        }
    }
}

BalanceVerdict stats_verdict(const Scenario *s, const Balance *b)
{
    BalanceVerdict v;
    memset(&v, 0, sizeof v);
    check_expander(s, &v, &b->bots[BOT_EXPANDER]);
    check_weak(s, &v, &b->bots[BOT_RANDOM]);
    check_weak(s, &v, &b->bots[BOT_SINGLE_THREAD]);
    for (int k = CONSTRAINT_NONE + 1; k < CONSTRAINT_COUNT; k++) {
        check_constrained(s, &v, &b->constrained[k], false);
        check_constrained(s, &v, &b->optimum[k], true);
    }
    v.passed = true;
    for (int i = 0; i < v.line_count; i++) {
        v.passed = v.passed && !v.lines[i].failed;
    }
    v.expander_median = b->bots[BOT_EXPANDER].median;
    const StrategyStats *opt = &b->optimum[CONSTRAINT_NONE];
    v.optimum_median = opt->runs > 0 ? opt->median : -1;
    v.optimum_pct = opt->runs > 0 && opt->median > 0 ? v.expander_median * 100 / opt->median : -1;
    v.expander_passes = b->bots[BOT_EXPANDER].passes;
    v.expander_runs = b->bots[BOT_EXPANDER].runs;
    return v;
}
