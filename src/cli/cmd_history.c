/* `keyaccounts history [SCENARIO]`: one's own attempts, read from the results
 * folder: per scenario the attempts in order (date, score, pass, sub-scores),
 * the best and the latest, and the change from the first to the latest. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "say.h"
#include "platform.h"
#include "keyaccounts/text.h"
#include "results.h"

static int by_scenario_then_time(const void *a, const void *b)
{
    const ResultRecord *x = *(ResultRecord *const *)a, *y = *(ResultRecord *const *)b;
    int c = strcmp(x->session.scenario_id, y->session.scenario_id);
    return c ? c : strcmp(x->finished_at, y->finished_at);
}

static void print_row(FILE *o, const char *label, const ResultRecord *r, bool trainees)
{
    /* 2025-03-01T09:30:00Z -> 2025-03-01 09:30 */
    fprintf(o, "  %-7s %.10s %.5s  %3d  %-4s", label, r->finished_at, r->finished_at + 11, r->final.total,
            r->passed ? "pass" : "fail");
    for (int i = 0; i < SUB_COUNT; i++) {
        fprintf(o, " %4d", r->final.sub[i]);
    }
    if (trainees) {
        fputs("  ", o);
        say_text(o, r->session.trainee);
    }
    fputc('\n', o);
}

static void print_header(FILE *o, bool trainees)
{
    static const char *const SHORT[SUB_COUNT] = {"rev", "pen", "role", "dep", "ref", "idea", "res"};
    fprintf(o, "  %-7s %-16s  %3s  %-4s", "", "finished (UTC)", "scr", "");
    for (int i = 0; i < SUB_COUNT; i++) {
        fprintf(o, " %4s", SHORT[i]);
    }
    fprintf(o, "%s\n", trainees ? "  trainee" : "");
}

static void delta(FILE *o, const char *what, int from, int to)
{
    fprintf(o, " %s %+d", what, to - from);
    (void)from;
}

int cmd_history(int argc, char **argv, FILE *out, FILE *err)
{
    const char *only = NULL, *trainee = NULL, *dir_arg = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--trainee") == 0 && i + 1 < argc) {
            trainee = argv[++i];
        } else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
            dir_arg = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 || argv[i][0] == '-' || only) {
            bool help = argv[i][0] == '-' && argv[i][1] == 'h';
            help = help || strcmp(argv[i], "--help") == 0;
            if (!help) {
                say_printf(err, "keyaccounts history: unexpected '%s'\n", argv[i]);
            }
            fprintf(help ? out : err, "usage: keyaccounts history [SCENARIO_ID] [--trainee NAME] [--dir FOLDER]\n"
                                      "Your attempts per scenario, from the results folder.\n");
            return help ? 0 : 2;
        } else {
            only = argv[i];
        }
    }
    char dir[4200];
    if (dir_arg) {
        snprintf(dir, sizeof dir, "%s", dir_arg);
    } else {
        char base[4096];
        if (!plat_data_dir(base, sizeof base)) {
            fprintf(err, "keyaccounts history: no data folder (set KEYACCOUNTS_DATA_DIR or HOME)\n");
            return 1;
        }
        snprintf(dir, sizeof dir, "%s/results", base);
    }
    char *args[1] = {dir};
    ResultSet set;
    memset(&set, 0, sizeof set);
    bool exists = plat_kind(dir) != PLAT_MISSING;
    Msgs m;
    msgs_init(&m);
    int collected = exists ? results_collect(args, 1, &set, &m) : 0;
    say_msgs(err, &m);
    if (collected != 0) {
        fprintf(err, "keyaccounts: out of memory\n");
        results_set_free(&set);
        return 1;
    }
    ResultRecord **sel = calloc(set.count ? set.count : 1, sizeof *sel);
    size_t n = 0;
    bool many_trainees = false;
    for (size_t k = 0; sel && k < set.count; k++) {
        const ResultRecord *r = &set.items[k];
        if ((only && strcmp(r->session.scenario_id, only) != 0)
            || (trainee && strcmp(r->session.trainee, trainee) != 0)) {
            continue;
        }
        if (n > 0 && strcmp(sel[0]->session.trainee, r->session.trainee) != 0) {
            many_trainees = true;
        }
        sel[n++] = &set.items[k];
    }
    if (n == 0) {
        say_printf(out, "No results%s%s in %s yet. Finish a session (keyaccounts play) and it will be recorded.\n",
                   only ? " for " : "", only ? only : "", dir);
        size_t failed = set.failed;
        free(sel);
        results_set_free(&set);
        return failed ? 1 : 0; /* nothing could be read: not an empty history */
    }
    qsort(sel, n, sizeof *sel, by_scenario_then_time);
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && strcmp(sel[b]->session.scenario_id, sel[a]->session.scenario_id) == 0) {
            b++;
        }
        const ResultRecord *first = sel[a], *latest = sel[b - 1], *best = sel[a];
        int passes = 0;
        for (size_t k = a; k < b; k++) {
            passes += sel[k]->passed;
            if (sel[k]->final.total > best->final.total) {
                best = sel[k];
            }
        }
        char title[SAY_FIELD_MAX], id[SAY_FIELD_MAX];
        fprintf(out, "%s (%s): %zu attempt%s, %d passed, pass mark %d\n",
                say_field(latest->scenario_title, title, sizeof title),
                say_field(latest->session.scenario_id, id, sizeof id), b - a, b - a == 1 ? "" : "s", passes,
                latest->pass_mark);
        print_header(out, many_trainees);
        for (size_t k = a; k < b; k++) {
            char label[32];
            snprintf(label, sizeof label, "#%zu", k - a + 1);
            print_row(out, label, sel[k], many_trainees);
        }
        print_row(out, "best", best, many_trainees);
        print_row(out, "latest", latest, many_trainees);
        if (b - a > 1) {
            fprintf(out, "  change first -> latest: score %+d;", latest->final.total - first->final.total);
            for (int i = 0; i < SUB_COUNT; i++) {
                delta(out, text_subscore(LANG_EN, (SubScore)i), first->final.sub[i], latest->final.sub[i]);
                fputc(i + 1 < SUB_COUNT ? ',' : '\n', out);
            }
        } else {
            fprintf(out, "  one attempt so far: play it again to see your progress\n");
        }
        fputc('\n', out);
        a = b;
    }
    if (set.failed) {
        say_printf(err, "keyaccounts history: %zu file%s in %s could not be read (see above)\n", set.failed,
                   set.failed == 1 ? "" : "s", dir);
    }
    free(sel);
    results_set_free(&set);
    return 0;
}
