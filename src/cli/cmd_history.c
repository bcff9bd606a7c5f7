/* `keyaccounts history [SCENARIO]`: one's own attempts, read from the results
 * folder and replayed (verify.h): per scenario the attempts in order (date,
 * score, pass, sub-scores), the best and the latest, and the change from the
 * first to the latest, all from verified attempts; an attempt that cannot be
 * verified is listed with its mark and no numbers. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "lrs_args.h"
#include "say.h"
#include "platform.h"
#include "keyaccounts/text.h"
#include "results.h"
#include "verify.h"

static int by_scenario_then_time(const void *a, const void *b)
{
    const ResultRecord *x = *(ResultRecord *const *)a, *y = *(ResultRecord *const *)b;
    int c = strcmp(x->session.scenario_id, y->session.scenario_id);
    return c ? c : strcmp(x->finished_at, y->finished_at);
}

static void print_row(FILE *o, const char *label, const ResultRecord *r, bool trainees)
{
    if (!r) {
        return; /* no verified attempt */
    }
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
    LrsArgs lrs = {.reading = true};
    for (int i = 1; i < argc; i++) {
        int took = lrs_args_take(&lrs, argc, argv, &i, "history", err);
        if (took == 2) {
            return 2;
        } else if (took == 1) {
            continue;
        } else if (strcmp(argv[i], "--trainee") == 0 && i + 1 < argc) {
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
                                      "       keyaccounts history [SCENARIO_ID] [--trainee NAME] --lrs URL [...]\n"
                                      "Your attempts per scenario, from the results folder or an LRS.\n"
                                      LRS_ARGS_USAGE LRS_ARGS_READ_USAGE);
            return help ? 0 : 2;
        } else {
            only = argv[i];
        }
    }
    bool from_lrs = lrs.given.url[0] != '\0';
    if ((from_lrs && dir_arg) || (!from_lrs && lrs.since[0])) {
        fprintf(err, "keyaccounts history: --dir reads a folder and --lrs an LRS: give one; --since goes with --lrs\n");
        return 2;
    }
    char dir[4200];
    if (from_lrs) {
        lrs_url_shown(lrs.given.url, dir, sizeof dir);
    } else if (dir_arg) {
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
    bool exists = !from_lrs && plat_kind(dir) != PLAT_MISSING;
    Msgs m;
    msgs_init(&m);
    ScnLibrary *lib = from_lrs || exists ? library_create(NULL, 0, &m) : NULL;
    int collected = !lib && (from_lrs || exists) ? -1
                    : from_lrs ? lrs_args_collect(&lrs, only, "history", &set, out, err)
                    : exists   ? results_collect(args, 1, &set, &m)
                               : 0;
    if (collected == 0 && lib) {
        collected = results_verify(&set, lib);
    }
    library_destroy(lib);
    say_msgs(err, &m);
    if (collected != 0) {
        if (!from_lrs) {
            fprintf(err, "keyaccounts: out of memory\n");
        }
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
        /* only verified attempts count: first, latest, best, passes, the pass mark */
        const ResultRecord *first = NULL, *latest = NULL, *best = NULL;
        int passes = 0;
        size_t verified = 0;
        for (size_t k = a; k < b; k++) {
            if (!results_counts(&set, (size_t)(sel[k] - set.items))) {
                continue;
            }
            verified++;
            first = first ? first : sel[k];
            latest = sel[k];
            passes += sel[k]->passed;
            if (!best || sel[k]->final.total > best->final.total) {
                best = sel[k];
            }
        }
        const ResultRecord *named = latest ? latest : sel[b - 1];
        char title[SAY_FIELD_MAX], id[SAY_FIELD_MAX];
        fprintf(out, "%s (%s): %zu attempt%s, %d passed",
                say_field(named->scenario_title[0] ? named->scenario_title : named->session.scenario_id, title,
                          sizeof title),
                say_field(named->session.scenario_id, id, sizeof id), b - a, b - a == 1 ? "" : "s", passes);
        if (latest) {
            fprintf(out, ", pass mark %d", latest->pass_mark);
        }
        if (verified < b - a) {
            fprintf(out, "; %zu not verified", b - a - verified);
        }
        fputc('\n', out);
        print_header(out, many_trainees);
        for (size_t k = a; k < b; k++) {
            char label[32];
            snprintf(label, sizeof label, "#%zu", k - a + 1);
            size_t idx = (size_t)(sel[k] - set.items);
            if (results_counts(&set, idx)) {
                print_row(out, label, sel[k], many_trainees);
            } else {
                fprintf(out, "  %-7s %.10s %.5s  %s: %s\n", label, sel[k]->finished_at, sel[k]->finished_at + 11,
                        result_mark_name(set.checks[idx].mark), set.checks[idx].why);
            }
        }
        print_row(out, "best", best, many_trainees);
        print_row(out, "latest", latest, many_trainees);
        if (verified > 1) {
            fprintf(out, "  change first -> latest: score %+d;", latest->final.total - first->final.total);
            for (int i = 0; i < SUB_COUNT; i++) {
                delta(out, text_subscore(LANG_EN, (SubScore)i), first->final.sub[i], latest->final.sub[i]);
                fputc(i + 1 < SUB_COUNT ? ',' : '\n', out);
            }
        } else if (verified == 1) {
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
