/* Finding and loading a scenario named on the command line. */
#ifndef KEYACCOUNTS_CLI_SCNFILE_H
#define KEYACCOUNTS_CLI_SCNFILE_H

#include <stdint.h>
#include <stdio.h>

#include "keyaccounts/model.h"

#define KA_DEFAULT_SCENARIO "massive-lubricants"

/* The folder of shipped scenarios: $KEYACCOUNTS_SCENARIOS, else the source
 * tree's scenarios/ when it exists, else the installed copy. */
const char *scnfile_dir(void);

/* Resolves ARG to a file path: an existing path as given, else a shipped
 * scenario id ("first-steps" -> DIR/first-steps.json). Writes into buf. */
const char *scnfile_resolve(const char *arg, char *buf, size_t n);

/* Loads and validates a scenario. On failure prints the diagnostics (or the
 * reason the file cannot be read) to err and returns NULL. Warnings are not
 * printed: `keyaccounts validate` shows them. When hash is not NULL it gets
 * scn_hash of the very bytes parsed, which a result of the session records
 * (reading the file again later could see an edited file). */
Scenario *scnfile_load(const char *arg, uint64_t *hash, FILE *err);

#endif
