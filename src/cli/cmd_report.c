/* `keyaccounts report RESULT_OR_DIR... [--out DIR] [--scenario FILE]...`, or
 * `keyaccounts report --lrs URL ...` (the results an LRS holds, docs/xapi.md):
 * replays every result on the trainer's scenarios (verify.h) and merges them
 * into a workshop report, report.html (self-contained, for the projector) and
 * report.csv (for spreadsheets), showing only the replay's numbers. Exit 0
 * written, 1 nothing usable or a file could not be written, 2 usage.
 * Unreadable result files are reported and left out; the report says how
 * many. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "lrs_args.h"
#include "say.h"
#include "platform.h"
#include "report.h"
#include "library.h"
#include "scnfile.h"

static int by_rank(const void *a, const void *b)
{
    const ResultRecord *x = *(const ResultRecord *const *)a;
    const ResultRecord *y = *(const ResultRecord *const *)b;
    if (x->final.total != y->final.total) {
        return y->final.total - x->final.total;
    }
    int c = strcmp(x->session.trainee, y->session.trainee);
    return c ? c : strcmp(x->finished_at, y->finished_at);
}

int report_build(Report *r, const ResultSet *set, const char *generated_at)
{
    memset(r, 0, sizeof *r);
    r->set = set;
    r->generated_at = generated_at;
    r->groups = calloc(set->count ? set->count : 1, sizeof *r->groups);
    if (!r->groups) {
        return -1;
    }
    for (size_t k = 0; k < set->count; k++) {
        const ResultRecord *x = &set->items[k];
        bool replayed = set->checks && set->checks[k].replayed;
        size_t g = 0;
        while (g < r->group_count && strcmp(r->groups[g].scenario_id, x->session.scenario_id) != 0) {
            g++;
        }
        ReportGroup *gr = &r->groups[g];
        if (g == r->group_count) {
            r->group_count++;
            gr->scenario_id = x->session.scenario_id;
            gr->title = x->scenario_title[0] ? x->scenario_title : x->session.scenario_id;
            gr->pass_mark = -1;
            gr->rank = calloc(set->count, sizeof *gr->rank);
            gr->others = calloc(set->count, sizeof *gr->others);
            if (!gr->rank || !gr->others) {
                return -1;
            }
        }
        if (replayed && gr->pass_mark < 0) { /* the scenario's, never a file's claim */
            gr->pass_mark = x->pass_mark;
            gr->title = x->scenario_title;
        }
        bool new_version = true;
        for (size_t j = 0; j < gr->count + gr->other_count; j++) {
            size_t other = j < gr->count ? gr->rank[j] : gr->others[j - gr->count];
            new_version = new_version && set->items[other].session.scenario_hash != x->session.scenario_hash;
        }
        gr->versions += new_version;
        if (results_counts(set, k)) {
            gr->rank[gr->count++] = k;
        } else {
            gr->others[gr->other_count++] = k;
        }
    }
    const ResultRecord **order = calloc(set->count ? set->count : 1, sizeof *order);
    if (!order) {
        return -1;
    }
    for (size_t g = 0; g < r->group_count; g++) {
        ReportGroup *gr = &r->groups[g];
        for (size_t k = 0; k < gr->count; k++) {
            order[k] = &set->items[gr->rank[k]];
        }
        qsort(order, gr->count, sizeof *order, by_rank);
        for (size_t k = 0; k < gr->count; k++) {
            gr->rank[k] = (size_t)(order[k] - set->items);
        }
    }
    free(order);
    return 0;
}

void report_free(Report *r)
{
    for (size_t g = 0; r->groups && g < r->group_count; g++) {
        free(r->groups[g].rank);
        free(r->groups[g].others);
    }
    free(r->groups);
    memset(r, 0, sizeof *r);
}

/* Renders into memory, then writes the file atomically. */
static int write_file(const char *dir, const char *name, const Report *r, void (*render)(const Report *, FILE *),
                      FILE *out, FILE *err)
{
    char path[4096], why[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    /* tmpfile() is standard C (open_memstream is not on every platform) */
    FILE *mem = tmpfile();
    if (!mem) {
        fprintf(err, "keyaccounts report: cannot make a temporary file\n");
        return -1;
    }
    render(r, mem);
    long size = fflush(mem) == 0 && !ferror(mem) ? ftell(mem) : -1;
    char *data = size >= 0 ? malloc((size_t)size + 1) : NULL;
    size_t len = 0;
    if (data) {
        rewind(mem);
        len = fread(data, 1, (size_t)size, mem);
    }
    bool ok = data && len == (size_t)size;
    fclose(mem);
    if (!ok || plat_write_shared(path, data, len, why, sizeof why) != 0) {
        say_printf(err, "keyaccounts report: cannot write %s: %s\n", path, ok ? why : "cannot render the report");
        free(data);
        return -1;
    }
    free(data);
    say_printf(out, "wrote %s\n", path);
    return 0;
}

/* ';' when most results are in Russian: Excel with Russian regional settings
 * splits CSV fields at ';' and would put a comma-separated row in one cell. */
static char csv_sep_for(const ResultSet *set)
{
    size_t ru = 0;
    for (size_t i = 0; i < set->count; i++) {
        const char *lang = set->items[i].lang;
        ru += lang && strncmp(lang, "ru", 2) == 0;
    }
    return ru * 2 > set->count ? ';' : ',';
}

static int usage(FILE *o)
{
    fprintf(o, "usage: keyaccounts report RESULT_OR_DIR... [--out DIR] [--csv-sep ,|;] [--scenario FILE]...\n"
               "       keyaccounts report --lrs URL [--lrs-auth KEY:SECRET | --lrs-auth-file PATH]\n"
               "                          [--scenario-id ID] [--since DATE] [--out DIR] [--csv-sep ,|;]\n"
               "Replays result files (and the *.json result files in each DIR), or the results held\n"
               "by a Learning Record Store, on their scenarios (found by id and hash among the shipped\n"
               "scenarios, the data folder's scenarios/ and each --scenario FILE) and merges them into\n"
               "DIR/report.html and DIR/report.csv (default DIR: the current folder). Only verified\n"
               "results are ranked. The CSV separates fields with ';' when the results are in\n"
               "Russian (as Excel with Russian regional settings expects), else ','; --csv-sep\n"
               "chooses.\n"
               "  --scenario-id ID       from the LRS: only the results of this scenario\n"
               LRS_ARGS_USAGE LRS_ARGS_READ_USAGE);
    return 2;
}

int cmd_report(int argc, char **argv, FILE *out, FILE *err)
{
    const char *dir = ".";
    char csv_sep = 0; /* 0: by the language of the results */
    char **inputs = calloc((size_t)argc, sizeof *inputs);
    const char **scenarios = calloc((size_t)argc, sizeof *scenarios);
    char (*resolved)[4096] = calloc((size_t)argc, sizeof *resolved);
    int n = 0;
    size_t n_scenarios = 0;
    if (!inputs || !scenarios || !resolved) {
        free(scenarios);
        free(resolved);
        fprintf(err, "keyaccounts: out of memory\n");
        return 1;
    }
    LrsArgs lrs = {.reading = true};
    const char *scenario_id = NULL;
    for (int i = 1; i < argc; i++) {
        int took = lrs_args_take(&lrs, argc, argv, &i, "report", err);
        if (took == 2) {
            free(inputs);
            free(scenarios);
            free(resolved);
            return usage(err);
        } else if (took == 1) {
            continue;
        } else if (strcmp(argv[i], "--scenario-id") == 0 && i + 1 < argc) {
            scenario_id = argv[++i];
        } else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strcmp(argv[i], "--scenario") == 0 && i + 1 < argc) {
            i++;
            scenarios[n_scenarios] = scnfile_resolve(argv[i], resolved[n_scenarios], sizeof resolved[0]);
            n_scenarios++;
        } else if (strcmp(argv[i], "--csv-sep") == 0 && i + 1 < argc) {
            const char *sep = argv[++i];
            if ((sep[0] != ',' && sep[0] != ';') || sep[1] != '\0') {
                say_printf(err, "keyaccounts report: --csv-sep takes ',' or ';', not '%s'\n", sep);
                free(inputs);
                free(scenarios);
                free(resolved);
                return 2;
            }
            csv_sep = sep[0];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            free(inputs);
            free(scenarios);
            free(resolved);
            usage(out);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            say_printf(err, "keyaccounts report: unknown option '%s'\n", argv[i]);
            free(inputs);
            free(scenarios);
            free(resolved);
            return usage(err);
        } else {
            inputs[n++] = argv[i];
        }
    }
    bool from_lrs = lrs.given.url[0] != '\0';
    bool mixed = from_lrs == (n > 0) || (!from_lrs && (scenario_id || lrs.since[0]));
    if (mixed || plat_kind(dir) != PLAT_DIR) {
        if (n > 0 || from_lrs) {
            say_printf(err, mixed ? "keyaccounts report: give result files or --lrs URL, not both; --scenario-id and "
                                 "--since go with --lrs\n"
                               : "keyaccounts report: --out %s is not a folder\n", dir);
        }
        free(inputs);
        free(scenarios);
        free(resolved);
        return n == 0 ? usage(err) : 2;
    }
    Msgs m;
    msgs_init(&m);
    ScnLibrary *lib = library_create(scenarios, n_scenarios, &m);
    free(scenarios);
    free(resolved);
    ResultSet set;
    memset(&set, 0, sizeof set);
    int rc = !lib      ? -1
             : from_lrs ? lrs_args_collect(&lrs, scenario_id, "report", &set, out, err)
                        : results_collect(inputs, n, &set, &m);
    if (rc == 0) {
        rc = results_verify(&set, lib);
    }
    say_msgs(err, &m);
    free(inputs);
    library_destroy(lib);
    if (rc != 0) {
        if (!lib || !from_lrs) {
            fprintf(err, lib ? "keyaccounts: out of memory\n" : "keyaccounts report: cannot read the scenarios\n");
        }
        results_set_free(&set);
        return 1;
    }
    if (set.count == 0) {
        fprintf(err, "keyaccounts report: no usable %s%s\n", from_lrs ? "results in the LRS" : "result files",
                set.failed ? " (see the errors above)" : "");
        results_set_free(&set);
        return 1;
    }
    char now[32];
    results_now(now, sizeof now);
    Report r;
    int status = 0;
    bool built = report_build(&r, &set, now) == 0;
    if (built) {
        r.csv_sep = csv_sep ? csv_sep : csv_sep_for(&set);
    }
    if (!built) {
        fprintf(err, "keyaccounts: out of memory\n");
        status = 1;
    } else if (write_file(dir, "report.html", &r, report_html, out, err) != 0
               || write_file(dir, "report.csv", &r, report_csv, out, err) != 0) {
        status = 1;
    } else {
        fprintf(out, "%zu result%s, %zu scenario%s", set.count, set.count == 1 ? "" : "s", r.group_count,
                r.group_count == 1 ? "" : "s");
        size_t marks[RESULT_COPY + 1] = {0};
        for (size_t k = 0; k < set.count; k++) {
            marks[set.checks[k].mark]++;
        }
        fprintf(out, ": %zu verified", marks[RESULT_VERIFIED]);
        for (int k = RESULT_NOT_REPRODUCIBLE; k <= RESULT_COPY; k++) {
            if (marks[k]) {
                fprintf(out, ", %zu %s", marks[k], result_mark_name((ResultMark)k));
            }
        }
        if (set.failed) {
            fprintf(out, "; %zu %s%s left out (unreadable, see above)", set.failed,
                    from_lrs ? "statement" : "file", set.failed == 1 ? "" : "s");
        }
        fputc('\n', out);
    }
    report_free(&r);
    results_set_free(&set);
    return status;
}
