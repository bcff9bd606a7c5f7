/* keyaccounts validate [--json] [--strict] [--balance] [--watch] FILE...
 * Checks scenario files and prints every problem found, compiler style, or
 * as one JSON document with --json. Exit status: 0 when no file has an error,
 * 1 when one has (with --strict, warnings count as errors), 2 on misuse. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "commands.h"
#include "platform.h"
#include "keyaccounts/diag.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/untrusted.h"
#include "balance_out.h"
#include "keyaccounts/optimise.h"
#include "keyaccounts/stats.h"

/* Seeds per strategy and per optimum; fits the 10-second budget of
 * docs/performance.md on every shipped scenario. */
enum { BALANCE_RUNS = 500, BALANCE_OPT_RUNS = 20, BALANCE_SEED = 1 };

typedef struct ValidateOptions {
    bool json;
    bool strict;
    bool balance;   /* also play the reference strategies: does it teach its lesson? */
    bool watch;     /* validate again whenever a file changes, until stopped */
    int first_file; /* index in argv */
} ValidateOptions;

typedef struct ValidateTotals {
    size_t errors;
    size_t warnings;
    int files;
    bool failed;
} ValidateTotals;

static void validate_usage(FILE *err)
{
    fputs("usage: keyaccounts validate [--json] [--strict] [--balance] [--watch] FILE...\n"
          "  Checks scenario files and reports every problem with its line and column.\n"
          "  --json     print the problems as one JSON document\n"
          "  --strict   treat warnings as errors (exit status 1)\n"
          "  --balance  also play the reference strategies and give the balance verdict:\n"
          "             a scenario that does not teach its lesson fails (KA410)\n"
          "  --watch    validate again each time a file is saved, until Ctrl-C (exit status 0)\n",
          err);
}

/* Returns 0, or 2 after printing a usage message. */
static int validate_parse_args(int argc, char **argv, ValidateOptions *opt, FILE *err)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[0] != '-' || a[1] == '\0') {
            break;
        }
        if (strcmp(a, "--json") == 0) {
            opt->json = true;
        } else if (strcmp(a, "--strict") == 0) {
            opt->strict = true;
        } else if (strcmp(a, "--balance") == 0) {
            opt->balance = true;
        } else if (strcmp(a, "--watch") == 0) {
            opt->watch = true;
        } else {
            char shown[256];
            fprintf(err, "keyaccounts validate: unknown option '%s'\n", ut_escape(a, UT_ONE_LINE, shown, sizeof shown));
            validate_usage(err);
            return 2;
        }
    }
    opt->first_file = i;
    if (i >= argc) {
        fputs("keyaccounts validate: no scenario file given\n", err);
        validate_usage(err);
        return 2;
    }
    return 0;
}

/* The balance verdict of a scenario that loaded: passes, or one KA410 error
 * per failed rule, saying what passes too often or too rarely and why. */
static void validate_balance(const Scenario *s, Diagnostics *d, BalanceVerdict *v, VerdictWords *w)
{
    Balance *b = malloc(sizeof *b);
    if (!b || stats_balance(s, BALANCE_RUNS, BALANCE_OPT_RUNS, BALANCE_SEED, OPT_DEFAULT_BEAM, b) != 0) {
        free(b);
        d->oom = true;
        diags_add(d, SEV_ERROR, "KA108", 0, 0, "", "out of memory while playing the reference strategies");
        return;
    }
    *v = stats_verdict(s, b);
    free(b);
    balance_verdict_words(LANG_EN, s, v, w); /* English, as the goldens */
    for (int i = 0; i < v->line_count; i++) {
        if (v->lines[i].failed) {
            diags_add(d, SEV_ERROR, "KA410", 0, 0, "", "the scenario does not teach its lesson: %s", w->lines[i]);
        }
    }
}

/* Reads and checks one file, filling d (and v, when balance is asked for). */
static void validate_file(const char *path, bool balance, Diagnostics *d, BalanceVerdict *v, VerdictWords *w)
{
    char why[256];
    size_t len = 0;
    char *buf = plat_read_file(path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    if (!buf) {
        bool too_big = strstr(why, "larger than") != NULL;
        diags_add(d, SEV_ERROR, too_big ? "KA101" : "KA100", 0, 0, "", "cannot read the file: %s",
                  why);
        return;
    }
    Scenario *s = scn_parse(buf, len, path, d);
    if (s && balance) {
        validate_balance(s, d, v, w);
    }
    scenario_destroy(s);
    free(buf);
    diags_sort(d);
}

/* A copy of s with every byte that is not part of valid UTF-8 replaced by
 * '?', so the JSON output stays valid whatever the file name holds. */
static char *utf8_clean(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (!out) {
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        size_t want = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                                             : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool ok = want > 0 && i + want <= n;
        for (size_t k = 1; ok && k < want; k++) {
            ok = (p[i + k] & 0xC0u) == 0x80u;
        }
        if (ok && want == 3) { /* no overlongs, no surrogates */
            ok = !(c == 0xE0 && p[i + 1] < 0xA0) && !(c == 0xED && p[i + 1] >= 0xA0);
        }
        if (ok && want == 4) {
            ok = !(c == 0xF0 && p[i + 1] < 0x90) && !(c == 0xF4 && p[i + 1] >= 0x90);
        }
        if (!ok) {
            out[i++] = '?';
            continue;
        }
        memcpy(out + i, p + i, want);
        i += want;
    }
    out[n] = '\0';
    return out;
}

static bool json_add_string(cJSON *obj, const char *key, const char *value)
{
    char *clean = utf8_clean(value);
    bool ok = clean && cJSON_AddStringToObject(obj, key, clean) != NULL;
    free(clean);
    return ok;
}

static bool json_add_position(cJSON *obj, const char *key, int value)
{
    return (value > 0 ? cJSON_AddNumberToObject(obj, key, value) : cJSON_AddNullToObject(obj, key)) !=
           NULL;
}

/* v is NULL, or a verdict with its lines when the balance was judged. */
static bool json_add_file(cJSON *files, const char *path, const Diagnostics *d, const BalanceVerdict *v,
                          const VerdictWords *w)
{
    cJSON *file = cJSON_CreateObject();
    if (!file || !cJSON_AddItemToArray(files, file) || !json_add_string(file, "file", path)) {
        return false;
    }
    cJSON *list = cJSON_AddArrayToObject(file, "diagnostics");
    if (!list) {
        return false;
    }
    for (size_t i = 0; i < d->count; i++) {
        const Diagnostic *g = &d->items[i];
        cJSON *item = cJSON_CreateObject();
        if (!item || !cJSON_AddItemToArray(list, item) ||
            !json_add_string(item, "severity", g->severity == SEV_ERROR ? "error" : "warning") ||
            !json_add_string(item, "code", g->code) || !json_add_position(item, "line", g->line) ||
            !json_add_position(item, "column", g->column) ||
            !json_add_string(item, "path", g->path) || !json_add_string(item, "message", g->message)) {
            return false;
        }
    }
    if (d->dropped > 0 && !cJSON_AddNumberToObject(file, "not_shown", (double)d->dropped)) {
        return false;
    }
    if (v && v->line_count > 0) {
        cJSON *verdict = balance_verdict_json(v, w);
        if (!verdict || !cJSON_AddItemToObject(file, "balance", verdict)) {
            cJSON_Delete(verdict);
            return false;
        }
    }
    return true;
}

static void validate_summary(const ValidateTotals *t, FILE *err)
{
    fprintf(err, "%zu error%s, %zu warning%s in %d file%s\n", t->errors, t->errors == 1 ? "" : "s",
            t->warnings, t->warnings == 1 ? "" : "s", t->files, t->files == 1 ? "" : "s");
}

static int validate_run(ValidateOptions opt, int argc, char **argv, FILE *out, FILE *err)
{
    ValidateTotals totals = {0, 0, 0, false};
    cJSON *doc = opt.json ? cJSON_CreateObject() : NULL;
    cJSON *files = doc ? cJSON_AddArrayToObject(doc, "files") : NULL;
    bool json_ok = !opt.json || files != NULL;
    for (int i = opt.first_file; i < argc; i++) {
        Diagnostics d;
        diags_init(&d);
        BalanceVerdict v;
        memset(&v, 0, sizeof v);
        static VerdictWords words;
        memset(&words, 0, sizeof words);
        validate_file(argv[i], opt.balance, &d, &v, &words);
        totals.files++;
        totals.errors += d.errors;
        totals.warnings += d.warnings;
        totals.failed |= d.errors > 0 || d.oom || (opt.strict && d.warnings > 0);
        if (opt.json) {
            json_ok = json_ok && json_add_file(files, argv[i], &d, opt.balance ? &v : NULL, &words);
        } else {
            diags_print(&d, argv[i], out);
            if (opt.balance && v.passed) {
                char file[4096], reason[4096];
                fprintf(out, "%s: balance: PASSED: %s\n", ut_escape(argv[i], UT_ONE_LINE, file, sizeof file),
                        ut_escape(words.reason, UT_ONE_LINE, reason, sizeof reason));
            }
        }
        diags_deinit(&d);
    }
    if (opt.json) {
        char *text = json_ok ? cJSON_PrintUnformatted(doc) : NULL;
        if (text) {
            fprintf(out, "%s\n", text);
            cJSON_free(text);
        } else {
            fputs("keyaccounts validate: out of memory while writing the JSON report\n", err);
            totals.failed = true;
        }
        cJSON_Delete(doc);
    }
    validate_summary(&totals, err);
    return totals.failed ? 1 : 0;
}

enum { WATCH_POLL_MS = 300, WATCH_MAX_FILES = 64 };

/* --watch: the files' stamps polled every WATCH_POLL_MS (plat_stamp; the
 * platform layer has no change notification, and a few stats a second cost
 * nothing), everything validated again after any change, until a stop. */
static int validate_watch(ValidateOptions opt, int argc, char **argv, FILE *out, FILE *err)
{
    int count = argc - opt.first_file;
    if (count > WATCH_MAX_FILES) {
        fprintf(err, "keyaccounts validate: --watch follows at most %d files\n", WATCH_MAX_FILES);
        return 2;
    }
    PlatStamp stamps[WATCH_MAX_FILES];
    bool seen[WATCH_MAX_FILES];
    plat_on_stop_signal();
    for (;;) {
        for (int k = 0; k < count; k++) {
            seen[k] = plat_stamp(argv[opt.first_file + k], &stamps[k]);
        }
        (void)validate_run(opt, argc, argv, out, err);
        fputs("watching", err);
        for (int k = 0; k < count; k++) {
            fprintf(err, " %s", argv[opt.first_file + k]);
        }
        fputs("; Ctrl-C to stop\n", err);
        fflush(out);
        fflush(err);
        bool changed = false;
        while (!changed && !plat_stop_requested()) {
            plat_sleep_ms(WATCH_POLL_MS);
            for (int k = 0; k < count && !changed; k++) {
                PlatStamp now;
                bool here = plat_stamp(argv[opt.first_file + k], &now);
                changed = here != seen[k] || (here && !plat_stamp_equal(&now, &stamps[k]));
            }
        }
        if (plat_stop_requested()) {
            return 0;
        }
    }
}

int cmd_validate(int argc, char **argv, FILE *out, FILE *err)
{
    ValidateOptions opt = {false, false, false, false, 0};
    int usage = validate_parse_args(argc, argv, &opt, err);
    if (usage != 0) {
        return usage;
    }
    return opt.watch ? validate_watch(opt, argc, argv, out, err) : validate_run(opt, argc, argv, out, err);
}
