/* xAPI after a finished session (docs/xapi.md). The terminal game calls
 * xapi_after_result right after it wrote a result file; the window calls the
 * same function after its own save. */
#ifndef KEYACCOUNTS_HOST_XAPI_HOOK_H
#define KEYACCOUNTS_HOST_XAPI_HOOK_H

#include "msgs.h"

#include "keyaccounts/model.h"
#include "keyaccounts/session.h"
#include "lrs.h"

/* RESULT.json -> RESULT.xapi.json (any other name gets ".xapi.json" added). */
const char *xapi_statements_path(const char *result_path, char *buf, size_t n);

/* Writes the statements of the result beside it (RESULT.xapi.json, atomically)
 * and, when queue is true, puts them in the LRS queue. r may be NULL (the
 * result file is read); s may be NULL (names then come from the result);
 * homepage may be NULL or "" (the default). Returns 0, or -1 with a reason
 * in err (nothing queued then). */
int xapi_prepare(const char *result_path, const ResultRecord *r, const Scenario *s, const char *homepage,
                 bool queue, char *err, size_t errlen);

/* The whole step after a result was saved: the statements file beside the
 * result and, when an LRS is set (lrs with a url, else DATA/lrs.conf), the
 * statements queued and every queued batch sent. One line on err says what
 * happened when an LRS is set or something failed; without an LRS it is
 * silent. Never loses a statement: what cannot be sent stays queued and goes
 * with the next result or `keyaccounts xapi flush`. lrs may be NULL.
 * Returns 0 when the statements file was written (sent or queued), else -1. */
int xapi_after_result(const char *result_path, const ResultRecord *r, const Scenario *s, const LrsConfig *lrs,
                      Msgs *m);

/* The LRS settings to use: the given ones, completed from DATA/lrs.conf.
 * Returns 0, or -1 with a message on err (a damaged lrs.conf). */
int xapi_settings(const LrsConfig *given, LrsConfig *out, Msgs *m);

/* One line about a flush: "73 statements sent to URL" or why not. */
void xapi_flush_msgs(Msgs *m, const LrsConfig *cfg, int rc, const LrsReport *rep, const char *why);

#endif
