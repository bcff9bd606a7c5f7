/* keyaccounts new [--from SHEET.csv] [--lang en|ru] [--out FILE]
 * Starts a scenario: from a spreadsheet of the client's people (a skeleton
 * with places marked TODO), or a small example that teaches by example.
 * Validates what it made, writes it without replacing any file, and prints
 * the next steps. Exit status: 0 written, 1 the sheet has mistakes or the
 * file exists (nothing written), 2 on misuse. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "platform.h"
#include "keyaccounts/diag.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/sheet.h"
#include "keyaccounts/skeleton.h"

typedef struct NewOptions {
    const char *from;  /* the sheet, or NULL for the example */
    const char *lang;  /* "en" or "ru" */
    const char *out;   /* NULL: made from the sheet's name, or example[.ru].json */
} NewOptions;

static void new_usage(FILE *err)
{
    fputs("usage: keyaccounts new [--from SHEET.csv] [--lang en|ru] [--out FILE]\n"
          "  Starts a scenario file and checks it. Never replaces an existing file.\n"
          "  --from SHEET.csv  a spreadsheet of the client's people, saved as CSV: a skeleton\n"
          "                    with every place to write marked TODO (docs/authoring.md)\n"
          "                    without it: a small example scenario to learn from\n"
          "  --lang en|ru      the language of the scenario (default en)\n"
          "  --out FILE        where to write (default: the sheet's name with .json,\n"
          "                    or example.json / example.ru.json)\n",
          err);
}

static int new_parse_args(int argc, char **argv, NewOptions *opt, FILE *err)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = strcmp(a, "--from") == 0 ? &opt->from
                            : strcmp(a, "--lang") == 0 ? &opt->lang
                            : strcmp(a, "--out") == 0  ? &opt->out : NULL;
        if (!slot) {
            fprintf(err, "keyaccounts new: %s '%s'\n", a[0] == '-' ? "unknown option" : "unexpected argument", a);
            new_usage(err);
            return 2;
        }
        if (i + 1 >= argc || argv[i + 1][0] == '\0') {
            fprintf(err, "keyaccounts new: %s needs a value\n", a);
            new_usage(err);
            return 2;
        }
        *slot = argv[++i];
    }
    if (strcmp(opt->lang, "en") != 0 && strcmp(opt->lang, "ru") != 0) {
        fprintf(err, "keyaccounts new: --lang is en or ru, not '%s'\n", opt->lang);
        return 2;
    }
    return 0;
}

/* The sheet's path with .json for its extension ("people.csv" -> "people.json"). */
static void out_from_sheet(const char *sheet, char *buf, size_t n)
{
    const char *slash = strrchr(sheet, '/');
    const char *dot = strrchr(slash ? slash + 1 : sheet, '.');
    size_t stem = dot && dot != (slash ? slash + 1 : sheet) ? (size_t)(dot - sheet) : strlen(sheet);
    snprintf(buf, n, "%.*s.json", (int)stem, sheet);
}

/* A problem in the sheet as SHEET:ROW:COLUMN-LETTERS: error [CODE]: HEADER: message. */
static void print_sheet_diags(const Diagnostics *d, const char *sheet, FILE *out)
{
    for (size_t i = 0; i < d->count; i++) {
        const Diagnostic *g = &d->items[i];
        char where[48] = "", letters[16];
        if (g->line > 0 && g->column > 0) {
            snprintf(where, sizeof where, ":%d:%s", g->line, sheet_column_letters(g->column, letters, sizeof letters));
        } else if (g->line > 0) {
            snprintf(where, sizeof where, ":%d", g->line);
        }
        fprintf(out, "%s%s: %s [%s]: %s%s%s\n", sheet, where, g->severity == SEV_ERROR ? "error" : "warning",
                g->code, g->path, g->path[0] ? ": " : "", g->message);
    }
}

/* Checks the new scenario as validate would. Prints its errors (there
 * should be none) and its warnings other than the TODO places, which it
 * counts. Returns whether it loads. */
static bool check_new(const char *text, const char *out_path, size_t *todo, FILE *out)
{
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(text, strlen(text), out_path, &d);
    bool ok = s != NULL;
    scenario_destroy(s);
    diags_sort(&d);
    *todo = 0;
    for (size_t i = 0; i < d.count; i++) {
        const Diagnostic *g = &d.items[i];
        if (g->severity == SEV_WARNING && strcmp(g->code, "KA414") == 0) {
            (*todo)++;
            continue;
        }
        char line[1200];
        fprintf(out, "%s\n", diags_format_one(g, out_path, line, sizeof line));
    }
    diags_deinit(&d);
    return ok;
}

static void print_next_steps(const char *path, bool from_sheet, FILE *out)
{
    fprintf(out, "Next:\n"
                 "  keyaccounts validate %s        %s\n"
                 "  keyaccounts map %s             who knows whom, as a picture\n"
                 "  keyaccounts play --text %s     play it in the terminal\n"
                 "  keyaccounts simulate %s        the reference strategies and the balance verdict\n"
                 "See docs/authoring.md (the walk-through) and docs/authoring-checklist.md.\n",
            path, from_sheet ? "lists each TODO with its line: write the real text there" : "checks it after each edit",
            path, path, path);
}

/* Reads the sheet and builds the skeleton; prints the sheet's problems. */
static char *from_sheet(const NewOptions *opt, const char *id, SkeletonCounts *counts, FILE *out)
{
    char why[256];
    size_t len = 0;
    Diagnostics d;
    diags_init(&d);
    char *csv = plat_read_file(opt->from, SHEET_MAX_BYTES + 3, &len, why, sizeof why);
    char *text = NULL;
    if (!csv) {
        diags_add(&d, SEV_ERROR, "KA600", 0, 0, "", "cannot read the sheet: %s", why);
    } else {
        text = skeleton_from_sheet(csv, len, opt->lang, id, counts, &d);
    }
    print_sheet_diags(&d, opt->from, out);
    if (!text) {
        fprintf(out, "%s: %zu error%s; nothing written\n", opt->from, d.errors, d.errors == 1 ? "" : "s");
    }
    diags_deinit(&d);
    free(csv);
    return text;
}

int cmd_new(int argc, char **argv, FILE *out, FILE *err)
{
    NewOptions opt = {NULL, "en", NULL};
    int usage = new_parse_args(argc, argv, &opt, err);
    if (usage != 0) {
        return usage;
    }
    char path[4096];
    if (opt.out) {
        snprintf(path, sizeof path, "%s", opt.out);
    } else if (opt.from) {
        out_from_sheet(opt.from, path, sizeof path);
    } else {
        snprintf(path, sizeof path, "%s", strcmp(opt.lang, "ru") == 0 ? "example.ru.json" : "example.json");
    }
    const char *slash = strrchr(path, '/');
    char id[48];
    skeleton_id_from_name(slash ? slash + 1 : path, id, sizeof id);
    char *dot = strstr(id, "_json");
    if (dot && dot[5] == '\0') {
        *dot = '\0'; /* "people.json" -> "people" */
    }
    SkeletonCounts counts = {0, 0, 0};
    char *text = opt.from ? from_sheet(&opt, id, &counts, out) : skeleton_example(opt.lang);
    if (!text) {
        if (!opt.from) {
            fputs("keyaccounts new: out of memory\n", err);
        }
        return 1;
    }
    size_t todo = 0;
    if (!check_new(text, path, &todo, out)) {
        fprintf(out, "%s: the new scenario does not load (the errors above); nothing written\n", path);
        free(text);
        return 1;
    }
    char why[256];
    int wrote = plat_write_new(path, text, strlen(text), why, sizeof why);
    free(text);
    if (wrote == 1) {
        fprintf(err, "keyaccounts new: %s already exists; nothing written (choose another name with --out)\n", path);
        return 1;
    }
    if (wrote != 0) {
        fprintf(err, "keyaccounts new: cannot write %s: %s\n", path, why);
        return 1;
    }
    if (opt.from) {
        fprintf(out, "wrote %s: %d %s in %d department%s, %d introduction%s; %zu place%s marked TODO\n", path,
                counts.people, counts.people == 1 ? "person" : "people", counts.departments,
                counts.departments == 1 ? "" : "s", counts.referrals, counts.referrals == 1 ? "" : "s", todo,
                todo == 1 ? "" : "s");
    } else {
        fprintf(out, "wrote %s: an example scenario; each text says which part of the file it shows\n", path);
    }
    print_next_steps(path, opt.from != NULL, out);
    return 0;
}
