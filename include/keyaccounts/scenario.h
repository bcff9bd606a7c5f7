/* Loading scenario files (format v1): parse, validate, report every problem
 * with its position. Part of the scenario layer (core + cJSON). */
#ifndef KEYACCOUNTS_SCENARIO_H
#define KEYACCOUNTS_SCENARIO_H

#include <stddef.h>

#include "keyaccounts/diag.h"
#include "keyaccounts/model.h"

enum {
    SCN_MAX_FILE_BYTES = 8 * 1024 * 1024,
    SCN_MAX_DEPTH = 32,
    SCN_MAX_STRING_BYTES = 4000,
};

/* Parses and validates a scenario held in buf[0..len) (need not be
 * NUL-terminated). Every problem found is appended to diags. Returns the
 * scenario when there is no error (warnings allowed), else NULL. Content lint
 * (unreachable contacts, ideas matching no need, ...) adds located warnings. `name` is
 * used only in messages. Never crashes on any input; bounded time and memory. */
Scenario *scn_parse(const char *buf, size_t len, const char *name, Diagnostics *diags);

#endif
