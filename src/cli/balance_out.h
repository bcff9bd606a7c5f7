/* The balance verdict and the strategy table, as text and as JSON, for
 * `simulate` and `validate --balance`. */
#ifndef KEYACCOUNTS_CLI_BALANCE_OUT_H
#define KEYACCOUNTS_CLI_BALANCE_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "keyaccounts/stats.h"
#include "keyaccounts/text.h"

/* The table of every strategy that ran (runs > 0): reference strategies
 * (those in `shown`), constrained strategies and optima. */
void balance_print_table(FILE *o, const Balance *b, const bool shown[BOT_COUNT]);

/* {"name", "constraint", "optimised", "runs", "mean", "median", "p10", "p90",
 *  "pass_rate", "subscores": {"revenue": median, ...}}; NULL when out of memory. */
cJSON *balance_strategy_json(const StrategyStats *st);

/* Adds "strategies", "constrained" and "optimum" arrays to obj. */
bool balance_add_strategies(cJSON *obj, const Balance *b, const bool shown[BOT_COUNT]);

/* The verdict in words (the core gives it as data), kept while its scenario
 * is alive. */
typedef struct VerdictWords {
    char reason[2048];
    char lines[VERDICT_MAX_LINES][480];
} VerdictWords;

void balance_verdict_words(Lang lang, const Scenario *s, const BalanceVerdict *v, VerdictWords *out);

/* {"passed", "reason", "expander_median", "optimum_median", "expander_of_optimum_pct",
 *  "lines": [{"rule", "failed", "strategy", "constraint", "passes", "runs",
 *  "median", "limit_pct", "holds_back", "text"}]}; NULL when out of memory. */
cJSON *balance_verdict_json(const BalanceVerdict *v, const VerdictWords *w);

#endif
