/* The LRS options shared by `xapi`, `report` and `history` (docs/xapi.md):
 * --lrs URL, --lrs-auth KEY:SECRET, --lrs-auth-file PATH, and what fills in
 * the rest ($KEYACCOUNTS_LRS_AUTH, DATA/lrs.conf). */
#ifndef KEYACCOUNTS_CLI_LRS_ARGS_H
#define KEYACCOUNTS_CLI_LRS_ARGS_H

#include <stdio.h>

#include "lrs.h"
#include "results.h"

typedef struct LrsArgs {
    LrsConfig given;       /* --lrs and --lrs-auth as given */
    const char *auth_file; /* --lrs-auth-file */
    bool reading;          /* set by report/history: --since and --lrs-page-size are taken too */
    char since[32];        /* --since DATE as ISO 8601 UTC; "" when not given */
    int page_size;         /* --lrs-page-size N; 0: the LRS's own */
} LrsArgs;

/* When argv[*i] is one of the options, takes it and its value (advancing *i)
 * and returns 1; 0 when it is another argument; 2 after printing to err why
 * the value is wrong (a usage error). cmd names the command in messages. */
int lrs_args_take(LrsArgs *a, int argc, char **argv, int *i, const char *cmd, FILE *err);

/* The settings to use: the options, then $KEYACCOUNTS_LRS_AUTH, then
 * DATA/lrs.conf. Prints a warning to err when the URL is http:// to another
 * machine. 0, or 1 after printing why (an unreadable --lrs-auth-file or
 * lrs.conf). */
int lrs_args_settle(const LrsArgs *a, LrsConfig *out, const char *cmd, FILE *err);

/* Reads the results from the LRS given with --lrs (report, history): the
 * settings as lrs_args_settle, only results of scenario_id when not NULL,
 * problems printed to err, one line about what was read to out. 0, or 1
 * when the LRS could not be read (printed). */
int lrs_args_collect(const LrsArgs *a, const char *scenario_id, const char *cmd, ResultSet *set, FILE *out,
                     FILE *err);

/* The usage lines of the options. */
#define LRS_ARGS_USAGE                                                                                 \
    "  --lrs URL              the LRS's xAPI endpoint (https://...)\n"                                \
    "  --lrs-auth KEY:SECRET  its basic-auth credentials; visible to others in `ps`: prefer\n"         \
    "  --lrs-auth-file PATH   a file whose first line is KEY:SECRET, or the environment\n"            \
    "                         variable KEYACCOUNTS_LRS_AUTH; without any, lrs.conf (xapi --remember)\n"

#define LRS_ARGS_READ_USAGE                                                                            \
    "  --since DATE           only sessions finished on or after DATE (YYYY-MM-DD or\n"                  \
    "                         YYYY-MM-DDTHH:MM:SSZ, UTC)\n"                                              \
    "  --lrs-page-size N      ask the LRS for N statements a request (default: its own)\n"

#endif
