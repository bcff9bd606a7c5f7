/* The workshop report: results grouped by scenario, written as a
 * self-contained HTML page (report_html.c) and a spreadsheet CSV
 * (report_csv.c). */
#ifndef KEYACCOUNTS_CLI_REPORT_H
#define KEYACCOUNTS_CLI_REPORT_H

#include <stdio.h>

#include "results.h"

typedef struct ReportGroup {
    const char *scenario_id;
    const char *title;
    int pass_mark;
    size_t *rank;     /* indices into the set, best score first */
    size_t count;
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
