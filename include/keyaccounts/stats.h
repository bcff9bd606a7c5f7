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
    BotKind bot;           /* the reference strategy (the expander when constrained) */
    Constraint constraint; /* CONSTRAINT_NONE for the reference strategies */
    bool optimised;        /* the optimiser's best game per seed */
    int runs;
    int mean_x10;   /* mean total score, in tenths */
    int median;
    int p10;
    int p90;
    int passes;     /* runs that sim_passed() */
    int min;
    int max;
    int sub_median[SUB_COUNT]; /* median of every sub-score */
} StrategyStats;

/* Everything the verdict reads. */
typedef struct Balance {
    StrategyStats bots[BOT_COUNT];
    StrategyStats constrained[CONSTRAINT_COUNT]; /* the expander under each; [NONE] unused */
    StrategyStats optimum[CONSTRAINT_COUNT];     /* the optimiser under each; [NONE] unconstrained */
} Balance;

/* The verdict's limits, in percent of seeds. */
enum {
    VERDICT_MAX_CONSTRAINED_PCT = 10, /* a constrained strategy or optimum passes in at most this */
    VERDICT_MAX_WEAK_PCT = 10,        /* random and single_thread pass in at most this */
    VERDICT_MIN_EXPANDER_PCT = 80,    /* the expander passes in at least this */
};

typedef enum VerdictRule {
    VERDICT_CONSTRAINED,         /* the expander under a constraint passes too often */
    VERDICT_CONSTRAINED_OPTIMUM, /* the optimiser under a constraint passes too often */
    VERDICT_TOO_EASY,            /* random or single_thread passes too often */
    VERDICT_TOO_HARD,            /* the expander passes too rarely */
} VerdictRule;

/* A fact of the scenario that explains a failed rule, for the trainer to change. */
typedef enum VerdictHintKind {
    HINT_MAIN_NEVER_LEAVES,  /* account: its main contact never leaves */
    HINT_MAIN_ALONE,         /* account: its main contact alone approves ideas worth value% of the target */
    HINT_HOLDS_BACK,         /* value: the SubScore, value2: its median; at the median the most points lost */
    HINT_IDEAS_SHORT,        /* account: all its ideas together are worth less than its growth target */
    HINT_RAISE_PASS_MARK,    /* random passes: raise the pass mark or the targets */
} VerdictHintKind;

typedef struct VerdictHint {
    VerdictHintKind kind;
    int account; /* -1 when not about one account */
    int value, value2;
} VerdictHint;

enum { VERDICT_MAX_HINTS = 8 };

/* One checked rule with its numbers, failed or not; the text layer words it
 * (text_verdict_line). */
typedef struct VerdictLine {
    VerdictRule rule;
    bool failed;
    BotKind bot;
    Constraint constraint;
    int passes;
    int runs;
    int median;
    int limit_pct;
    int holds_back;  /* too hard: the SubScore that loses the most weighted points, else -1 */
    int hint_count;
    VerdictHint hints[VERDICT_MAX_HINTS];
} VerdictLine;

enum { VERDICT_MAX_LINES = 2 * CONSTRAINT_COUNT + 4 };

typedef struct BalanceVerdict {
    bool passed;
    int line_count;
    VerdictLine lines[VERDICT_MAX_LINES];
    int expander_median;
    int optimum_median;  /* unconstrained; -1 when the optimiser did not run */
    int optimum_pct;     /* expander median as a percentage of the optimum's, -1 if unknown */
    int expander_passes, expander_runs; /* for the wording of a pass */
} BalanceVerdict;

/* Plays `runs` sessions of bot on scenario; run k uses seed + k for both the
 * simulation and the bot. Returns 0, or -1 when out of memory. */
int stats_run(const Scenario *s, BotKind bot, int runs, uint64_t seed, StrategyStats *out);

/* The same for the expander under a constraint (bot_play_under). */
int stats_run_under(const Scenario *s, Constraint k, int runs, uint64_t seed, StrategyStats *out);

/* The optimiser's best game on each of `runs` seeds (optimise()). */
int stats_optimise(const Scenario *s, Constraint k, int runs, uint64_t seed, int beam, StrategyStats *out);

/* Every strategy the verdict reads: `runs` seeds for the strategies,
 * `opt_runs` seeds for each optimum (0 skips the optimiser). */
int stats_balance(const Scenario *s, int runs, int opt_runs, uint64_t seed, int beam, Balance *out);

/* The verdict: fails with one line per reason when a constrained strategy or
 * optimum passes in more than 10% of seeds, random or single_thread in more
 * than 10%, or the expander in fewer than 80%; strategies with no runs are
 * not judged. */
BalanceVerdict stats_verdict(const Scenario *s, const Balance *b);

#endif
