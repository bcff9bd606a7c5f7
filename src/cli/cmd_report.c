/* `keyaccounts report RESULT_OR_DIR... [--out DIR]`: merges result files into
 * a workshop report, report.html (self-contained, for the projector) and
 * report.csv (for spreadsheets). Exit 0 written, 1 nothing usable or a file
 * could not be written, 2 usage. Unreadable result files are reported and
 * left out; the report says how many. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "say.h"
#include "platform.h"
#include "report.h"

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
        size_t g = 0;
        while (g < r->group_count && strcmp(r->groups[g].scenario_id, x->session.scenario_id) != 0) {
            g++;
        }
        ReportGroup *gr = &r->groups[g];
        if (g == r->group_count) {
            r->group_count++;
            gr->scenario_id = x->session.scenario_id;
            gr->title = x->scenario_title;
            gr->pass_mark = x->pass_mark;
            gr->rank = calloc(set->count, sizeof *gr->rank);
            if (!gr->rank) {
                return -1;
            }
        }
        bool new_version = true;
        for (size_t j = 0; j < gr->count; j++) {
            new_version = new_version && set->items[gr->rank[j]].session.scenario_hash != x->session.scenario_hash;
        }
        gr->versions += new_version;
        gr->rank[gr->count++] = k;
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
    fprintf(o, "usage: keyaccounts report RESULT_OR_DIR... [--out DIR] [--csv-sep ,|;]\n"
               "Merges result files (and the *.json result files in each DIR) into DIR/report.html\n"
               "and DIR/report.csv (default DIR: the current folder). The CSV separates fields\n"
               "with ';' when the results are in Russian (as Excel with Russian regional settings\n"
               "expects), else ','; --csv-sep chooses.\n");
    return 2;
}

int cmd_report(int argc, char **argv, FILE *out, FILE *err)
{
    const char *dir = ".";
    char csv_sep = 0; /* 0: by the language of the results */
    char **inputs = calloc((size_t)argc, sizeof *inputs);
    int n = 0;
    if (!inputs) {
        fprintf(err, "keyaccounts: out of memory\n");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strcmp(argv[i], "--csv-sep") == 0 && i + 1 < argc) {
            const char *sep = argv[++i];
            if ((sep[0] != ',' && sep[0] != ';') || sep[1] != '\0') {
                say_printf(err, "keyaccounts report: --csv-sep takes ',' or ';', not '%s'\n", sep);
                free(inputs);
                return 2;
            }
            csv_sep = sep[0];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            free(inputs);
            usage(out);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            say_printf(err, "keyaccounts report: unknown option '%s'\n", argv[i]);
            free(inputs);
            return usage(err);
        } else {
            inputs[n++] = argv[i];
        }
    }
    if (n == 0) {
        free(inputs);
        return usage(err);
    }
    if (plat_kind(dir) != PLAT_DIR) {
        say_printf(err, "keyaccounts report: --out %s is not a folder\n", dir);
        free(inputs);
        return 2;
    }
    ResultSet set;
    Msgs m;
    msgs_init(&m);
    int rc = results_collect(inputs, n, &set, &m);
    say_msgs(err, &m);
    free(inputs);
    if (rc != 0) {
        fprintf(err, "keyaccounts: out of memory\n");
        results_set_free(&set);
        return 1;
    }
    if (set.count == 0) {
        fprintf(err, "keyaccounts report: no usable result files%s\n", set.failed ? " (see the errors above)" : "");
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
        if (set.failed) {
            fprintf(out, "; %zu file%s left out (unreadable, see above)", set.failed, set.failed == 1 ? "" : "s");
        }
        fputc('\n', out);
    }
    report_free(&r);
    results_set_free(&set);
    return status;
}
