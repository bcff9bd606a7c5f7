#include "keyaccounts/stats.h"

#include <stdio.h>
#include <string.h>

#include "keyaccounts/alloc.h"
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

int stats_run(const Scenario *s, BotKind bot, int runs, uint64_t seed, StrategyStats *out)
{
    memset(out, 0, sizeof *out);
    out->bot = bot;
    out->runs = runs;
    if (runs <= 0) {
        return 0;
    }
    Sim *sim = sim_create(s, seed);
    if (!sim) {
        return -1;
    }
    int hist[101] = {0};
    int64_t sum = 0;
    for (int k = 0; k < runs; k++) {
        uint64_t run_seed = seed + (uint64_t)k;
        sim_reset(sim, run_seed);
        if (bot_play(sim, bot, run_seed) != 0) {
            sim_destroy(sim);
            return -1;
        }
        Score sc = sim_score(sim);
        hist[sc.total]++;
        sum += sc.total;
        out->passes += sc.total >= s->scoring.pass_mark;
    }
    sim_destroy(sim);
    out->mean_x10 = (int)((sum * 10 + runs / 2) / runs);
    out->median = percentile(hist, runs, 50);
    out->p10 = percentile(hist, runs, 10);
    out->p90 = percentile(hist, runs, 90);
    out->min = percentile(hist, runs, 0);
    out->max = percentile(hist, runs, 100);
    return 0;
}

BalanceVerdict stats_verdict(const StrategyStats *ex, const StrategyStats *st, int pass_mark)
{
    BalanceVerdict v;
    memset(&v, 0, sizeof v);
    bool beats = (int64_t)ex->median * 4 >= (int64_t)st->median * 5 && ex->median > st->median;
    bool passes = ex->runs > 0 && ex->passes * 2 > ex->runs;
    int ex_rate = ex->runs ? ex->passes * 100 / ex->runs : 0;
    int st_rate = st->runs ? st->passes * 100 / st->runs : 0;
    v.passed = beats && passes;
    if (v.passed) {
        snprintf(v.reason, sizeof v.reason,
                 "expander median %d beats single_thread median %d by at least 25%%, "
                 "and expander passes (score >= %d) in %d%% of seeds",
                 ex->median, st->median, pass_mark, ex_rate);
    } else if (!beats) {
        snprintf(v.reason, sizeof v.reason,
                 "expander median %d does not beat single_thread median %d by 25%% "
                 "(single_thread passes in %d%% of seeds): working only the main contact "
                 "is about as good as expanding, so the scenario teaches the wrong lesson",
                 ex->median, st->median, st_rate);
    } else {
        snprintf(v.reason, sizeof v.reason,
                 "expander passes (score >= %d) in only %d%% of seeds: even good play "
                 "fails, so lower the pass mark or the targets, or make ideas reachable",
                 pass_mark, ex_rate);
    }
    return v;
}

/* Appends ", text" (or "text" first) to the verdict's reason, bounded. */
static void add_reason(BalanceVerdict *v, const char *text)
{
    size_t used = strlen(v->reason);
    snprintf(v->reason + used, sizeof v->reason - used, "%s%s", used ? "; " : "", text);
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

void stats_explain(const Scenario *s, const StrategyStats all[BOT_COUNT], BalanceVerdict *v)
{
    if (v->passed) {
        return;
    }
    char line[160];
    int winner = BOT_EXPANDER;
    for (int b = 0; b < BOT_COUNT; b++) {
        if (all[b].runs > 0 && all[b].median > all[winner].median) {
            winner = b;
        }
    }
    if (winner != BOT_EXPANDER) {
        snprintf(line, sizeof line, "%s wins (median %d, passes in %d%% of seeds)", bot_key((BotKind)winner),
                 all[winner].median, all[winner].runs ? all[winner].passes * 100 / all[winner].runs : 0);
        add_reason(v, line);
    }
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        const char *name = s->account_count > 1 ? acc->id : "the account";
        if (!main_contact_leaves(acc)) {
            snprintf(line, sizeof line, "the main contact of %s never leaves", name);
            add_reason(v, line);
        }
        int64_t alone = main_alone_value(acc);
        if (acc->growth_target > 0 && alone * 2 >= acc->growth_target) {
            snprintf(line, sizeof line, "the main contact of %s alone can approve ideas worth %lld%% of its growth target",
                     name, (long long)(alone * 100 / acc->growth_target));
            add_reason(v, line);
        }
        int64_t all_ideas = 0;
        for (int i = 0; i < acc->idea_count; i++) {
            all_ideas += acc->ideas[i].value;
        }
        if (all_ideas < acc->growth_target) {
            snprintf(line, sizeof line, "all ideas of %s together are worth less than its growth target", name);
            add_reason(v, line);
        }
    }
}
