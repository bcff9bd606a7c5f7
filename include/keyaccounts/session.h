/* Session records: a session is its scenario, its seed and its command log.
 * Saving writes that as JSON (autosaves, result files); loading it and
 * replaying the commands restores the exact session. Scenario layer. */
#ifndef KEYACCOUNTS_SESSION_H
#define KEYACCOUNTS_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/diag.h"
#include "keyaccounts/sim.h"

/* A command as saved: the action and the ids it names (NULL when unused). */
typedef struct SessionCommand {
    ActionKind kind;
    char *account;
    char *contact;
    char *idea;
} SessionCommand;

typedef struct SessionRecord {
    char *scenario_path;    /* as given when saved */
    char *scenario_id;
    uint64_t scenario_hash; /* scn_hash of the scenario file's bytes */
    uint64_t seed;
    SessionCommand *commands;
    size_t command_count;
    int week;               /* week reached when saved */
    int score;              /* total score when saved */
    char *trainee;          /* may be NULL */
} SessionRecord;

/* FNV-1a 64 of the file's bytes: identifies the exact scenario version. */
uint64_t scn_hash(const char *buf, size_t len);

/* The session as a JSON document (malloc'd, NUL-terminated; NULL when out of
 * memory). trainee may be NULL. */
char *session_to_json(const Sim *sim, const char *scenario_path, uint64_t scenario_hash,
                      const char *trainee, size_t *len);

/* Parses a saved session. Returns 0, or -1 with located diagnostics. */
int session_from_json(const char *buf, size_t len, const char *name, SessionRecord *out,
                      Diagnostics *diags);
void session_record_free(SessionRecord *r); /* accepts NULL fields */

/* Re-applies the record's commands to a fresh session of the scenario. Returns
 * the Sim; NULL when out of memory (*failed_at = -1) or when a command names
 * an id the scenario lacks or is refused by the rules (*failed_at = its index):
 * the record does not belong to this scenario. */
Sim *session_replay(const Scenario *s, const SessionRecord *r, long *failed_at);

#endif
