/* Session records: a session is its scenario, its seed and its command log.
 * Saving writes that as JSON (autosaves, result files); loading it and
 * replaying the commands restores the exact session. A result is the record
 * of a finished session plus who played it, when, with which program, and
 * what it scored week by week (docs/workshops.md). Scenario layer. */
#ifndef KEYACCOUNTS_SESSION_H
#define KEYACCOUNTS_SESSION_H

#include <stdbool.h>
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

enum { SESSION_ID_LEN = 32 }; /* a session's random id: 128 bits as lower-case hex */

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
    char session_id[SESSION_ID_LEN + 1]; /* "" in files written before sessions had one */
} SessionRecord;

/* FNV-1a 64 of the file's bytes: identifies the exact scenario version. */
uint64_t scn_hash(const char *buf, size_t len);

/* The session as a JSON document (malloc'd, NUL-terminated; NULL when out of
 * memory). trainee and session_id may be NULL. */
char *session_to_json(const Sim *sim, const char *scenario_path, uint64_t scenario_hash,
                      const char *trainee, const char *session_id, size_t *len);

/* True when s is a session id: SESSION_ID_LEN lower-case hex digits. */
bool session_id_valid(const char *s);

/* Parses a saved session. Returns 0, or -1 with located diagnostics. */
int session_from_json(const char *buf, size_t len, const char *name, SessionRecord *out,
                      Diagnostics *diags);
void session_record_free(SessionRecord *r); /* accepts NULL fields */

/* Re-applies the record's commands to a fresh session of the scenario. Returns
 * the Sim; NULL when out of memory (*failed_at = -1) or when a command names
 * an id the scenario lacks or is refused by the rules (*failed_at = its index):
 * the record does not belong to this scenario. */
Sim *session_replay(const Scenario *s, const SessionRecord *r, long *failed_at);

/* The saved command as a Command of this scenario: 0, or -1 when it names an
 * account, contact or idea the scenario lacks. */
int session_command_resolve(const Scenario *s, const SessionCommand *sc, Command *out);

/* ---- results ----------------------------------------------------------------- */

enum { RESULT_MAX_COACHING = 64, RESULT_MAX_TEXT = 4000 };

/* What the trainee did, counted from the session (applied commands only). */
typedef struct ResultBehaviour {
    int research;
    int meetings;
    int pitches;
    int pitches_won;
    int referrals_asked;
    int referrals_won;
    int cold_calls;
    int cold_calls_won;
    int proposals;
    int ideas_adopted;
    int services;
    int contacts_known;      /* known at the end */
    int contacts_reached;    /* known at the end and not known at the start */
    int contacts_engaged;    /* engaged at the end */
    int contacts_introduced; /* reached through a referral */
    int referral_depth;      /* longest introduction chain */
} ResultBehaviour;

/* Facts the caller supplies: the core has no clock and no version. Strings
 * are UTF-8; timestamps ISO 8601 UTC ("2025-03-01T09:30:00Z"). The coaching
 * notes are the debrief's, as worded for the trainee (may be NULL/0). */
typedef struct ResultMeta {
    const char *trainee;         /* "" when skipped */
    const char *program_version; /* "0.1.0" */
    const char *started_at;
    const char *finished_at;
    const char *scenario_path;
    uint64_t scenario_hash;
    const char *lang;            /* language of the coaching text: "en", "ru" */
    const char *const *coaching;
    size_t coaching_count;
    const char *session_id;      /* SESSION_ID_LEN hex digits; NULL: none */
} ResultMeta;

/* The parts of a result that are derived from its scenario, seed and commands
 * (docs/workshops.md). A file may leave them out; when it carries them they
 * are copies that replay checks (ResultRecord.stored says which it carries). */
enum {
    RESULT_STORED_TITLE = 1 << 0,     /* scenario.title */
    RESULT_STORED_PASS_MARK = 1 << 1, /* scenario.pass_mark */
    RESULT_STORED_WEIGHTS = 1 << 2,   /* scenario.weights */
    RESULT_STORED_SCORE = 1 << 3,     /* score (total, sub-scores, passed, revenue) */
    RESULT_STORED_WEEKS = 1 << 4,     /* weeks */
    RESULT_STORED_BEHAVIOUR = 1 << 5, /* behaviour */
    RESULT_STORED_COACHING = 1 << 6,  /* coaching */
    RESULT_STORED_ALL = (1 << 7) - 1,
};

typedef struct ResultRecord {
    SessionRecord session;   /* scenario id/path/hash, seed, commands, final week and total */
    char *program_version;
    char *started_at;
    char *finished_at;
    char *scenario_title;
    char *lang;
    int pass_mark;
    int weights[SUB_COUNT];
    Score final;
    bool passed;
    int64_t revenue_run_rate; /* annual, at the end */
    int64_t revenue_booked;
    WeekSnapshot *weeks;      /* week 0 (the start) .. the last week */
    size_t week_count;
    ResultBehaviour behaviour;
    char **coaching;
    size_t coaching_count;
    unsigned stored;          /* RESULT_STORED_*: the derived parts the file carries */
} ResultRecord;

ResultBehaviour result_behaviour(const Sim *sim);

/* The finished session as a result document (malloc'd, NUL-terminated); NULL
 * when out of memory. */
char *result_to_json(const Sim *sim, const ResultMeta *meta, size_t *len);

/* Parses a result file strictly: unknown keys, wrong types, values out of
 * range, timestamps that are not ISO 8601 UTC, a breakdown that does not add
 * up are KA5xx errors located at LINE:COL. The derived parts (RESULT_STORED_*)
 * may be absent; then their fields are zero (title "", weeks NULL) until a
 * replay fills them. Returns 0, or -1 with diagnostics. */
int result_from_json(const char *buf, size_t len, const char *name, ResultRecord *out,
                     Diagnostics *diags);
void result_record_free(ResultRecord *r); /* accepts a zeroed record */

/* The first derived part that `stored` carries and that differs from
 * `replayed` (a record made from the replay), named by its key as in the file:
 * "behaviour.pitches: recorded 5, replayed 3". False when every part the file
 * carries agrees. */
bool result_stored_differs(const ResultRecord *stored, const ResultRecord *replayed, char *why, size_t n);

/* True when s is an ISO 8601 UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" with a valid date. */
bool result_timestamp_valid(const char *s);

#endif
