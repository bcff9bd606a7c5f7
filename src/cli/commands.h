/* The headless commands of the keyaccounts executable. Each returns the
 * process exit status: 0 success, 1 the checked thing failed, 2 usage error. */
#ifndef KEYACCOUNTS_CLI_COMMANDS_H
#define KEYACCOUNTS_CLI_COMMANDS_H

#include <stdio.h>

/* argv[0] is the command name ("validate"); options and files follow. */
int cmd_validate(int argc, char **argv, FILE *out, FILE *err);
int cmd_simulate(int argc, char **argv, FILE *out, FILE *err);
/* A new scenario: from a spreadsheet of people, or an example (docs/authoring.md). */
int cmd_new(int argc, char **argv, FILE *out, FILE *err);
/* Workshops and practice (docs/workshops.md): verify a result file, merge
 * results into report.html + report.csv, list one's own attempts. */
int cmd_replay(int argc, char **argv, FILE *out, FILE *err);
int cmd_report(int argc, char **argv, FILE *out, FILE *err);
int cmd_history(int argc, char **argv, FILE *out, FILE *err);
/* xAPI statements of result files, the LRS settings and the queue of unsent
 * statements (docs/xapi.md). */
int cmd_xapi(int argc, char **argv, FILE *out, FILE *err);
/* The scenario map for authors: one HTML page (docs/authoring.md). */
int cmd_map(int argc, char **argv, FILE *out, FILE *err);
int cmd_play_text(int argc, char **argv, FILE *in, FILE *out, FILE *err);

#endif
