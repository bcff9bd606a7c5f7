/* Playing the reference strategies many times: score distributions and the
 * balance verdict of DESIGN.md section 6. Integer arithmetic only, so the
 * same arguments give the same numbers on every machine. */
#ifndef KEYACCOUNTS_STATS_H
#define KEYACCOUNTS_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "keyaccounts/bots.h"
#include "keyaccounts/model.h"

typedef struct StrategyStats {
    BotKind bot;
    int runs;
    int mean_x10;   /* mean total score, in tenths */
    int median;
    int p10;
    int p90;
    int passes;     /* runs at or above the pass mark */
    int min;
    int max;
} StrategyStats;

typedef struct BalanceVerdict {
    bool passed;
    char reason[768];
} BalanceVerdict;

/* Plays `runs` sessions of bot on scenario; run k uses seed + k for both the
 * simulation and the bot. Returns 0, or -1 when out of memory. */
int stats_run(const Scenario *s, BotKind bot, int runs, uint64_t seed, StrategyStats *out);

/* The verdict: the expander's median beats the single-threaded median by at
 * least a quarter, and the expander passes in most seeds. */
BalanceVerdict stats_verdict(const StrategyStats *expander, const StrategyStats *single_thread,
                             int pass_mark);

/* When the verdict fails, adds why: which strategy wins, and what in the
 * scenario lets it (the main contact never leaves, the main contact alone can
 * approve much of the growth target, the ideas cannot reach the target...).
 * `all` holds every strategy's statistics, indexed by BotKind. */
void stats_explain(const Scenario *s, const StrategyStats all[BOT_COUNT], BalanceVerdict *v);

#endif
