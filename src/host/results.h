/* Result files on disk: the clock, saving a finished session into the results
 * folder, loading one with its diagnostics, and collecting many for reports. */
#ifndef KEYACCOUNTS_HOST_RESULTS_H
#define KEYACCOUNTS_HOST_RESULTS_H

#include "lrs.h"
#include "msgs.h"

#include "keyaccounts/session.h"

/* Now as ISO 8601 UTC; $SOURCE_DATE_EPOCH (seconds) replaces the clock when
 * set, so tests print stable times. Returns buf (at least 21 bytes). */
const char *results_now(char *buf, size_t n);

/* Writes the result of a finished session into DATA/results/ atomically, under
 * a new file name (scenario, time, trainee, seed). The full path goes to
 * path. Returns 0, or -1 with a reason in err; nothing else is touched. */
int results_save(const Sim *sim, const ResultMeta *meta, char *path, size_t n, char *err, size_t errlen);

/* A trainee name a result can hold: valid UTF-8, no control characters, at
 * most 200 bytes. */
bool results_name_ok(const char *name);

/* Loads a result; on failure adds FILE:LINE:COL diagnostics to m. */
int results_load(const char *path, ResultRecord *out, Msgs *m);

struct ResultCheck; /* verify.h */

typedef struct ResultSet {
    ResultRecord *items;
    char **paths;
    size_t count;
    size_t failed; /* files that could not be read or parsed (reported) */
    struct ResultCheck *checks; /* one per item after results_verify (verify.h); NULL before */
} ResultSet;

/* Loads every FILE given and every *.json in every DIR given (sorted by
 * name); the same file named twice counts once. Returns 0, or -1 when out of
 * memory. */
int results_collect(char **args, int n, ResultSet *set, Msgs *m);
void results_set_free(ResultSet *set);

/* Which results to read from an LRS. */
typedef struct ResultsLrsQuery {
    const char *scenario_id; /* NULL: every scenario */
    const char *since;       /* finished at or after this ISO 8601 UTC time; NULL: any */
    int page_size;           /* statements per request; 0: the LRS's own */
} ResultsLrsQuery;

/* Fills set from the `completed` statements of the LRS (results_lrs.c,
 * docs/xapi.md), each result named "lrs:STATEMENT_ID" in set->paths, sorted
 * by scenario, finishing time and trainee. A statement of a Key Accounts
 * scenario without a usable result is reported on m (by its id) and counted
 * in set->failed. Returns 0, or -1 with the reason on m when the LRS could
 * not be read (set then empty). *pages gets how many pages were read. */
int results_collect_lrs(const LrsConfig *cfg, const ResultsLrsQuery *q, ResultSet *set, size_t *pages, Msgs *m);

#endif
