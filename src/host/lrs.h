/* Sending xAPI statements to a Learning Record Store (docs/xapi.md): the
 * settings (--lrs, --lrs-auth, DATA/lrs.conf), the queue of unsent batches
 * (DATA/xapi-queue/, one file per batch) and the HTTP client (libcurl). A
 * batch leaves the queue only when the LRS said it holds every statement in
 * it; statement ids are fixed by the program, so sending a batch again after
 * a lost answer stores nothing twice. */
#ifndef KEYACCOUNTS_HOST_LRS_H
#define KEYACCOUNTS_HOST_LRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct LrsConfig {
    char url[1024];     /* the LRS's xAPI endpoint ("https://lrs.example.org/xapi"); "" when none */
    char auth[512];     /* "KEY:SECRET" for HTTP basic auth; "" for none */
    char homepage[512]; /* the actor account's homePage; "" for the default */
} LrsConfig;

/* The environment variable that may hold KEY:SECRET (so it is not on the
 * command line, where `ps` shows it). */
#define LRS_AUTH_ENV "KEYACCOUNTS_LRS_AUTH"

/* Fills the fields cfg lacks ("" ones): the secret from $KEYACCOUNTS_LRS_AUTH,
 * then everything from DATA/lrs.conf. Returns 0 (also
 * when there is no such file), or -1 with a reason in err when the file
 * exists and cannot be read or has an unknown line. */
int lrs_config_load(LrsConfig *cfg, char *err, size_t errlen);

/* KEY:SECRET from the first line of a file (--lrs-auth-file). 0, or -1 with
 * a reason in err. */
int lrs_auth_from_file(const char *path, char *out, size_t n, char *err, size_t errlen);

/* The URL as it may be printed: without user information
 * ("https://KEY:SECRET@host/xapi" -> "https://host/xapi"). Returns buf. */
const char *lrs_url_shown(const char *url, char *buf, size_t n);

/* True for http:// to another machine (not localhost, 127.x.x.x, [::1]):
 * the secret and the results would cross the network unencrypted. */
bool lrs_url_in_clear(const char *url);

/* Writes cfg to DATA/lrs.conf (mode 0600; the secret is in plain text).
 * The path goes to path. Returns 0, or -1 with a reason in err. */
int lrs_config_save(const LrsConfig *cfg, char *path, size_t n, char *err, size_t errlen);

/* Checks a URL given with --lrs: http:// or https://, no spaces. */
bool lrs_url_ok(const char *url);

/* Puts a batch (a JSON array of statements) in the queue as NAME.json,
 * atomically; the same name twice keeps one file. Returns 0, or -1 with a
 * reason in err. */
int lrs_queue_add(const char *name, const char *json, size_t len, char *err, size_t errlen);

/* The queue's folder (created) and how many batches wait in it. */
const char *lrs_queue_dir(char *buf, size_t n, char *err, size_t errlen);
size_t lrs_queue_count(void);

typedef struct LrsReport {
    size_t batches_sent;    /* left the queue */
    size_t statements_sent; /* in those batches */
    size_t batches_left;    /* still queued */
    size_t conflicts;       /* ids the LRS holds with other content: their batches stay queued */
} LrsReport;

/* Sends every queued batch, oldest first, and deletes each one the LRS
 * accepted (200/204). A 409 batch is sent again one statement at a time; a
 * statement answered 409 is fetched back: the same content counts as
 * delivered, other content is a conflict and its batch stays queued. Stops at the
 * first failure that would fail the rest too (no network, DNS, refused,
 * timeout, 401/403, 5xx); a batch the LRS rejects (400) stays queued and the
 * others go on. Returns 0 when the queue is empty afterwards, else -1 with a
 * one-line reason in err. */
int lrs_flush(const LrsConfig *cfg, LrsReport *rep, char *err, size_t errlen);

/* Which statements to read back (GET URL/statements, xAPI 1.0.3 filters). */
typedef struct LrsQuery {
    const char *verb;     /* verb IRI; NULL: any */
    const char *activity; /* activity IRI; NULL: any */
    bool related;         /* the activity may be in the context too (related_activities) */
    const char *since;    /* stored after this ISO 8601 time; NULL: any */
    int limit;            /* statements per page; 0: the LRS's own page size */
} LrsQuery;

/* Called with each statement (unformatted JSON, NUL-terminated); non-zero
 * stops the fetch. */
typedef int (*LrsStatementFn)(const char *json, size_t len, void *user);

/* Reads every statement the query matches, page after page (following the
 * LRS's `more` links on its own server), and hands each to fn. *pages gets
 * how many pages were read. 0, or -1 with a one-line reason in err (no URL
 * or secret in it). */
int lrs_fetch(const LrsConfig *cfg, const LrsQuery *q, LrsStatementFn fn, void *user, size_t *pages, char *err,
              size_t errlen);

#endif
