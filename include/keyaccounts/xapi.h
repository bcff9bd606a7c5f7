/* xAPI 1.0.3 statements for one finished session (docs/xapi.md): the trainee
 * initialized the scenario, interacted once per command, completed it and
 * passed or failed it with the scaled score and the duration. Built from a
 * result record alone (plus the scenario, when at hand, for names), so the
 * same result always gives byte-identical statements with the same ids.
 * Scenario layer: cJSON, no network, no clock, no file I/O. */
#ifndef KEYACCOUNTS_XAPI_H
#define KEYACCOUNTS_XAPI_H

#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/model.h"
#include "keyaccounts/session.h"

#define XAPI_VERSION "1.0.3"
#define XAPI_BASE "https://keyaccounts.invalid"
/* The actor is an account on this home page, named by the trainee's name
 * (there is no e-mail address for an mbox). */
#define XAPI_DEFAULT_HOMEPAGE XAPI_BASE "/trainees"

enum { XAPI_UUID_LEN = 36 }; /* "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" */

/* SHA-1 (FIPS 180-4) of len bytes. */
void xapi_sha1(const void *data, size_t len, uint8_t out[20]);

/* Name-based UUID, version 5 (RFC 9562 / RFC 4122 section 4.3): SHA-1 of the
 * namespace's 16 bytes followed by the name, lower-case text in out. */
void xapi_uuid5(const uint8_t ns[16], const void *name, size_t len, char out[XAPI_UUID_LEN + 1]);

/* The session's registration: one UUID per result, from the session's random
 * id (SessionRecord.session_id); for results without one, from (scenario
 * hash, seed, started_at, trainee). */
void xapi_registration(const ResultRecord *r, char out[XAPI_UUID_LEN + 1]);

/* The id of statement number index (0 = initialized, 1.. = the commands, then
 * completed, then passed/failed) of the result, from the session id and
 * index (older results: scenario hash, seed, started_at, trainee, index):
 * sending it twice cannot store it twice. */
void xapi_statement_id(const ResultRecord *r, size_t index, char out[XAPI_UUID_LEN + 1]);

/* The result extension of the `completed` statement: the result document
 * itself, as a JSON object, so a report can be rebuilt from an LRS alone. */
#define XAPI_EXT_RESULT XAPI_BASE "/xapi/extensions/result"

typedef struct XapiOptions {
    const char *homepage;    /* the actor account's homePage; NULL: XAPI_DEFAULT_HOMEPAGE */
    const char *result_json; /* the result document the record was read from (len bytes); NULL: no
                              * result extension. Must parse as a JSON object, else NULL is returned. */
    size_t result_len;
} XapiOptions;

/* The statements of the result as a JSON array (malloc'd, NUL-terminated,
 * pretty-printed), in order; *count gets how many (command_count + 3). s may
 * be NULL: names then fall back to the ids and the title recorded in the
 * result. opt may be NULL. Returns NULL when out of memory. */
char *xapi_statements_json(const ResultRecord *r, const Scenario *s, const XapiOptions *opt, size_t *len,
                           size_t *count);

/* Reads the result held by one `completed` statement (JSON text, as an LRS
 * returns it): the statement must be an object with an id, the `completed`
 * verb and the XAPI_EXT_RESULT extension; the extension must be a result
 * document result_from_json accepts; and the record must be the one this
 * statement was built from (the statement's id is the id derived from the
 * record, so a changed command count, seed, start time or trainee shows). 0
 * with out filled (result_record_free it), or -1 with the reason in why
 * (out zeroed). */
int xapi_statement_result(const char *json, size_t len, ResultRecord *out, char *why, size_t whylen);

/* "PT1H2M3S" for 3723 seconds ("PT0S" for 0); buf of at least 32 bytes. */
const char *xapi_duration(int64_t seconds, char *buf, size_t n);

/* Seconds since 1970 of an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ"; -1 when
 * it is not one. */
int64_t xapi_parse_time(const char *iso);

#endif
