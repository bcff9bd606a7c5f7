/* `keyaccounts simulate`: the reference strategies played many times, their
 * score distributions and the balance verdict. Same arguments, same bytes. */
#include <inttypes.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "keyaccounts/stats.h"
#include "scnfile.h"

enum { DEFAULT_RUNS = 1000, MAX_RUNS = 10000000 };

static int usage(FILE *err)
{
    fprintf(err, "usage: keyaccounts simulate FILE [--runs N] [--seed S] [--strategy NAME|all] [--json]\n"
                 "strategies: random, single_thread, idea_first, expander, greedy, all (default)\n");
    return 2;
}

/* JSON string body for ASCII-or-UTF-8 text without control characters. */
static void json_str(FILE *o, const char *s)
{
    fputc('"', o);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            fprintf(o, "\\%c", ch);
        } else if (ch < 0x20) {
            fprintf(o, "\\u%04x", ch);
        } else {
            fputc(ch, o);
        }
    }
    fputc('"', o);
}

static void print_text(FILE *o, const Scenario *s, int runs, uint64_t seed, const StrategyStats *st,
                       const bool *shown, const BalanceVerdict *v)
{
    fprintf(o, "Scenario %s (%s): %d runs per strategy from seed %" PRIu64 ", pass mark %d\n\n", s->id,
            s->title, runs, seed, s->scoring.pass_mark);
    fprintf(o, "strategy         mean  median  p10  p90  pass rate\n");
    for (int b = 0; b < BOT_COUNT; b++) {
        if (!shown[b]) {
            continue;
        }
        fprintf(o, "%-14s  %3d.%d  %6d  %3d  %3d  %7d.%d%%\n", bot_key((BotKind)b), st[b].mean_x10 / 10,
                st[b].mean_x10 % 10, st[b].median, st[b].p10, st[b].p90,
                st[b].passes * 1000 / runs / 10, st[b].passes * 1000 / runs % 10);
    }
    fprintf(o, "\nBalance verdict: %s: %s\n", v->passed ? "PASSED" : "FAILED", v->reason);
}

static void print_json(FILE *o, const Scenario *s, int runs, uint64_t seed, const StrategyStats *st,
                       const bool *shown, const BalanceVerdict *v)
{
    fprintf(o, "{\"scenario\":");
    json_str(o, s->id);
    fprintf(o, ",\"runs\":%d,\"seed\":%" PRIu64 ",\"strategies\":[", runs, seed);
    bool first = true;
    for (int b = 0; b < BOT_COUNT; b++) {
        if (!shown[b]) {
            continue;
        }
        int rate = (int)((int64_t)st[b].passes * 10000 / runs); /* in 1/10000 */
        fprintf(o, "%s{\"name\":\"%s\",\"mean\":%d.%d,\"median\":%d,\"p10\":%d,\"p90\":%d,"
                   "\"pass_rate\":%d.%04d}",
                first ? "" : ",", bot_key((BotKind)b), st[b].mean_x10 / 10, st[b].mean_x10 % 10,
                st[b].median, st[b].p10, st[b].p90, rate / 10000, rate % 10000);
        first = false;
    }
    fprintf(o, "],\"balance\":{\"passed\":%s,\"reason\":", v->passed ? "true" : "false");
    json_str(o, v->reason);
    fprintf(o, "}}\n");
}

int cmd_simulate(int argc, char **argv, FILE *out, FILE *err)
{
    const char *file = NULL;
    int runs = DEFAULT_RUNS;
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
                fprintf(err, "keyaccounts simulate: --runs needs a whole number from 1 to %d, not '%s'\n",
                        MAX_RUNS, argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--seed") == 0 && i + 1 < argc) {
            if (!args_u64(argv[++i], &seed)) {
                fprintf(err, "keyaccounts simulate: --seed needs a whole number, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--strategy") == 0 && i + 1 < argc) {
            const char *name = argv[++i];
            BotKind k;
            if (strcmp(name, "all") != 0) {
                if (!bot_from_key(name, &k)) {
                    fprintf(err, "keyaccounts simulate: unknown strategy '%s'\n", name);
                    return usage(err);
                }
                for (int b = 0; b < BOT_COUNT; b++) {
                    shown[b] = b == (int)k;
                }
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(err, "keyaccounts simulate: unknown option '%s'\n", a);
            return usage(err);
        } else if (!file) {
            file = a;
        } else {
            fprintf(err, "keyaccounts simulate: one scenario at a time ('%s' and '%s')\n", file, a);
            return usage(err);
        }
    }
    if (!file) {
        return usage(err);
    }
    Scenario *s = scnfile_load(file, NULL, err);
    if (!s) {
        return 1;
    }
    StrategyStats st[BOT_COUNT];
    memset(st, 0, sizeof st);
    for (int b = 0; b < BOT_COUNT; b++) {
        /* The verdict always needs the expander and the single-threaded rep. */
        if (shown[b] || b == BOT_EXPANDER || b == BOT_SINGLE_THREAD) {
            if (stats_run(s, (BotKind)b, runs, seed, &st[b]) != 0) {
                fprintf(err, "keyaccounts simulate: out of memory\n");
                scenario_destroy(s);
                return 1;
            }
        }
    }
    BalanceVerdict v = stats_verdict(&st[BOT_EXPANDER], &st[BOT_SINGLE_THREAD], s->scoring.pass_mark);
    stats_explain(s, st, &v);
    if (json) {
        print_json(out, s, runs, seed, st, shown, &v);
    } else {
        print_text(out, s, runs, seed, st, shown, &v);
    }
    scenario_destroy(s);
    return 0;
}
