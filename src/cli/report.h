/* The workshop report: results grouped by scenario, written as a
 * self-contained HTML page (report_html.c) and a spreadsheet CSV
 * (report_csv.c). The set has been checked (results_verify, verify.h): only
 * verified results are ranked and counted in the class's figures; the others
 * are listed with their mark. */
#ifndef KEYACCOUNTS_CLI_REPORT_H
#define KEYACCOUNTS_CLI_REPORT_H

#include <stdio.h>

#include "results.h"
#include "verify.h"

typedef struct ReportGroup {
    const char *scenario_id;
    const char *title;
    int pass_mark;    /* the scenario's (from a replay); -1 when no result of the group replayed */
    size_t *rank;     /* indices into the set of the verified results, best score first */
    size_t count;
    size_t *others;   /* indices of the results not verified, in the set's order */
    size_t other_count;
    size_t versions;  /* distinct scenario hashes among the results */
} ReportGroup;

typedef struct Report {
    const ResultSet *set;
    ReportGroup *groups;  /* by scenario id */
    size_t group_count;
    const char *generated_at;
    char csv_sep;         /* ',' or ';' (Excel with Russian regional settings expects ';') */
} Report;

/* Groups and ranks the set; -1 when out of memory. */
int report_build(Report *r, const ResultSet *set, const char *generated_at);
void report_free(Report *r);

void report_html(const Report *r, FILE *o);
/* UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting, fields
 * separated by r->csv_sep. */
void report_csv(const Report *r, FILE *o);

#endif
