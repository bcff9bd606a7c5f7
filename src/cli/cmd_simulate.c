/* `keyaccounts simulate`: the reference strategies played many times, their
 * score distributions and the balance verdict. Same arguments, same bytes. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "balance_out.h"
#include "keyaccounts/optimise.h"
#include "keyaccounts/stats.h"
#include "host.h"
#include "say.h"

enum { DEFAULT_RUNS = 1000, DEFAULT_OPT_RUNS = 20, MAX_RUNS = 10000000, MAX_OPT_RUNS = 100000 };

static int usage(FILE *err)
{
    fprintf(err, "usage: keyaccounts simulate FILE [--runs N] [--optimiser-runs N] [--seed S] [--strategy NAME|all] "
                 "[--json]\n"
                 "strategies: random, single_thread, idea_first, expander, greedy, all (default)\n"
                 "--optimiser-runs: seeds searched by the optimiser, per constraint (default %d, 0: none)\n",
            DEFAULT_OPT_RUNS);
    return 2;
}

static void print_text(FILE *o, const Scenario *s, int runs, int opt_runs, uint64_t seed, const Balance *b,
                       const bool *shown, const BalanceVerdict *v, const VerdictWords *w)
{
    say_printf(o, "Scenario %s (%s): %d runs per strategy, %d per optimum, from seed %" PRIu64 ", pass mark %d\n\n",
            s->id, s->title, runs, opt_runs, seed, s->scoring.pass_mark);
    balance_print_table(o, b, shown);
    fprintf(o, "\nBalance verdict: %s\n", v->passed ? "PASSED" : "FAILED");
    for (int i = 0; i < v->line_count; i++) {
        say_printf(o, "  %s %s\n", v->lines[i].failed ? "FAIL" : "ok  ", w->lines[i]);
    }
    if (v->optimum_median >= 0) {
        fprintf(o, "  the expander's median %d is %d%% of the optimum's %d\n", v->expander_median, v->optimum_pct,
                v->optimum_median);
    }
}

static bool print_json(FILE *o, const Scenario *s, int runs, int opt_runs, uint64_t seed, const Balance *b,
                       const bool *shown, const BalanceVerdict *v, const VerdictWords *w)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *verdict = balance_verdict_json(v, w);
    bool ok = doc && verdict && cJSON_AddStringToObject(doc, "scenario", s->id)
              && cJSON_AddNumberToObject(doc, "runs", runs) && cJSON_AddNumberToObject(doc, "optimiser_runs", opt_runs)
              && cJSON_AddNumberToObject(doc, "seed", (double)seed)
              && cJSON_AddNumberToObject(doc, "pass_mark", s->scoring.pass_mark)
              && balance_add_strategies(doc, b, shown) && cJSON_AddItemToObject(doc, "balance", verdict);
    if (!ok) {
        cJSON_Delete(verdict);
    }
    char *text = ok ? cJSON_PrintUnformatted(doc) : NULL;
    if (text) {
        fprintf(o, "%s\n", text);
        cJSON_free(text);
    }
    cJSON_Delete(doc);
    return text != NULL;
}

int cmd_simulate(int argc, char **argv, FILE *out, FILE *err)
{
    const char *file = NULL;
    int runs = DEFAULT_RUNS;
    int opt_runs = DEFAULT_OPT_RUNS;
    uint64_t seed = 1;
    bool json = false;
    bool shown[BOT_COUNT];
    for (int b = 0; b < BOT_COUNT; b++) {
        shown[b] = true;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            json = true;
        } else if (strcmp(a, "--runs") == 0 && i + 1 < argc) {
            if (!args_int(argv[++i], 1, MAX_RUNS, &runs)) {
                say_printf(err, "keyaccounts simulate: --runs needs a whole number from 1 to %d, not '%s'\n",
                        MAX_RUNS, argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--optimiser-runs") == 0 && i + 1 < argc) {
            if (!args_int(argv[++i], 0, MAX_OPT_RUNS, &opt_runs)) {
                say_printf(err, "keyaccounts simulate: --optimiser-runs needs a whole number from 0 to %d, not '%s'\n",
                        MAX_OPT_RUNS, argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--seed") == 0 && i + 1 < argc) {
            if (!args_u64(argv[++i], &seed)) {
                say_printf(err, "keyaccounts simulate: --seed needs a whole number, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--strategy") == 0 && i + 1 < argc) {
            const char *name = argv[++i];
            BotKind k;
            if (strcmp(name, "all") != 0) {
                if (!bot_from_key(name, &k)) {
                    say_printf(err, "keyaccounts simulate: unknown strategy '%s'\n", name);
                    return usage(err);
                }
                for (int b = 0; b < BOT_COUNT; b++) {
                    shown[b] = b == (int)k;
                }
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            say_printf(err, "keyaccounts simulate: unknown option '%s'\n", a);
            return usage(err);
        } else if (!file) {
            file = a;
        } else {
            say_printf(err, "keyaccounts simulate: one scenario at a time ('%s' and '%s')\n", file, a);
            return usage(err);
        }
    }
    if (!file) {
        return usage(err);
    }
    HostScenario *hs = say_open(file, err);
    if (!hs) {
        return 1;
    }
    Scenario *s = host_open_release(hs);
    /* The verdict reads every strategy, whichever are shown. */
    Balance *b = malloc(sizeof *b);
    if (!b || stats_balance(s, runs, opt_runs, seed, OPT_DEFAULT_BEAM, b) != 0) {
        fprintf(err, "keyaccounts simulate: out of memory\n");
        free(b);
        scenario_destroy(s);
        return 1;
    }
    BalanceVerdict v = stats_verdict(s, b);
    static VerdictWords words; /* the command's output is English, as its goldens */
    balance_verdict_words(LANG_EN, s, &v, &words);
    int rc = 0;
    if (json) {
        if (!print_json(out, s, runs, opt_runs, seed, b, shown, &v, &words)) {
            fprintf(err, "keyaccounts simulate: out of memory\n");
            rc = 1;
        }
    } else {
        print_text(out, s, runs, opt_runs, seed, b, shown, &v, &words);
    }
    free(b);
    scenario_destroy(s);
    return rc;
}
