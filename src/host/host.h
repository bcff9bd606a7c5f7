/* The host: one session's lifecycle, the same for every front end (the
 * terminal game, the window, replay --watch, hot reload). It opens a scenario
 * from a path, a shipped id or bytes — keeping the bytes played and their
 * hash —, starts a session (seed, --week, --known), applies commands, rebases
 * the session onto an edited scenario, and saves the result with its xAPI
 * statements. It never prints: what went wrong comes back as diagnostics or
 * messages (msgs.h) for the front end to show. */
#ifndef KEYACCOUNTS_HOST_HOST_H
#define KEYACCOUNTS_HOST_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/session.h"
#include "keyaccounts/sim.h"
#include "keyaccounts/text.h"
#include "lrs.h"
#include "msgs.h"

typedef struct HostSession HostSession;

typedef struct HostStart {
    uint64_t seed;
    int week;          /* > 1: the expander plays the weeks before it (jumpstart.h) */
    const char *known; /* comma-separated contact ids known from the start; NULL: none */
} HostStart;

/* A scenario opened for play: the parsed model and the exact bytes it came
 * from (their hash goes into the result). */
typedef struct HostScenario HostScenario;

/* Opens `arg`: a file, or the id of a shipped scenario. NULL with the reasons
 * in m (a scenario's errors as FILE:LINE:COL diagnostics, then one line that
 * says what to do). */
HostScenario *host_open(const char *arg, Msgs *m);
/* The same from bytes in memory (a browser's file, a test); name is what
 * diagnostics and the result call the scenario. The bytes are copied. */
HostScenario *host_open_bytes(const char *bytes, size_t len, const char *name, Msgs *m);
/* The model, for checks before the session starts (and to change what
 * --known changes). */
Scenario *host_open_scenario(HostScenario *hs);
void host_close(HostScenario *hs); /* accepts NULL */
/* The path it was opened from (the name, for bytes) and the hash of its bytes. */
const char *host_open_path(const HostScenario *hs);
uint64_t host_open_hash(const HostScenario *hs);
/* The scenario a result was played on (replay, replay --watch): the file
 * with the result's scenario id whose bytes have the recorded hash, among
 * `given` (a file or a shipped id; may be NULL), the shipped scenarios and
 * the data folder's scenarios/ (library.h). The path recorded in the result is
 * never used. NULL with the reasons in m ("scenario unknown": the id, the
 * hash and where it looked). */
HostScenario *host_open_for_result(const ResultRecord *r, const char *given, Msgs *m);
/* Closes hs and gives its model to the caller (scenario_destroy it). */
Scenario *host_open_release(HostScenario *hs);

typedef enum HostStatus {
    HOST_OK = 0,
    HOST_FAILED = 1,    /* out of memory, or the expander could not play to --week */
    HOST_BAD_START = 2, /* --week or --known do not fit the scenario */
} HostStatus;

/* Starts a session on the opened scenario, which the session takes over
 * (also on failure). HOST_OK with *out set, or a status with the reason in
 * err. */
HostStatus host_begin(HostScenario *hs, const HostStart *opt, HostSession **out, char *err, size_t errlen);

/* Resumes a saved session (the window's autosave): the recorded scenario, the
 * recorded seed, every command applied again. NULL with the reason in m;
 * *mismatch is true when the scenario opened but the commands do not fit it. */
HostSession *host_resume(const SessionRecord *rec, bool *mismatch, Msgs *m);

void host_destroy(HostSession *h); /* accepts NULL */

Sim *host_sim(HostSession *h);
const Sim *host_sim_const(const HostSession *h);
const Scenario *host_scenario(const HostSession *h);
const char *host_path(const HostSession *h); /* as opened ("" for bytes) */
uint64_t host_hash(const HostSession *h);     /* of the bytes played */
uint64_t host_seed(const HostSession *h);
const char *host_started_at(const HostSession *h); /* ISO 8601 UTC */
/* The session's random id (SESSION_ID_LEN hex digits), kept in the autosave
 * and the result; the xAPI registration and statement ids come from it. */
const char *host_session_id(const HostSession *h);
/* A real attempt, whose result counts: not jump-started (--week, --known)
 * and not played across a reload. */
bool host_is_attempt(const HostSession *h);
int host_reloads(const HostSession *h);

/* sim_apply: the trainee's decision, logged. */
Refusal host_apply(HostSession *h, Command c);

/* Starts the session again from its seed and applies the first `step`
 * commands of cmds (replay --watch stepping back and forth). Returns how many
 * were applied: fewer than step when one is refused. */
size_t host_seek(HostSession *h, const Command *cmds, size_t step);

/* What a reload did. */
typedef struct HostReload {
    size_t commands;     /* commands of the session before the reload */
    long stopped;        /* index of the first command the new version refused; -1: all replayed */
    char stopped_what[200]; /* that command, as typed: "pitch oil_analysis frank" */
    bool missing_id;     /* it names something the new version lacks */
    Refusal refusal;     /* else why the rules refused it (REFUSE_COUNT: out of memory) */
} HostReload;

/* Reads the scenario file again and rebases the session onto it: the same
 * seed and start, the commands replayed by id up to the first the new version
 * refuses. On success the session has become a test of the author's, not an
 * attempt. -1 when the file cannot be read or has errors (the diagnostics in
 * d, the reason in m): the session is left exactly as it was. */
int host_reload(HostSession *h, HostReload *rep, Diagnostics *d, Msgs *m);

/* The session as a saved session (autosave), malloc'd; NULL when out of
 * memory. */
char *host_session_json(const HostSession *h, size_t *len);

/* Saves the finished session's result in the data folder (results/), with
 * the coaching notes in lang, and writes its xAPI statements beside it (sent
 * when an LRS is configured; lrs may be NULL). 0 with the file's path in
 * path; -1 with the reason in err. Notes about xAPI go to m either way. */
int host_save_result(HostSession *h, Lang lang, const char *trainee, const LrsConfig *lrs, char *path, size_t n,
                     char *err, size_t errlen, Msgs *m);

#endif
