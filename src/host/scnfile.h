/* Finding a scenario named on the command line: a path or a shipped id.
 * Opening it is host_open (host.h). */
#ifndef KEYACCOUNTS_HOST_SCNFILE_H
#define KEYACCOUNTS_HOST_SCNFILE_H

#include <stddef.h>

#define KA_DEFAULT_SCENARIO "massive-lubricants"

/* The folder of shipped scenarios: $KEYACCOUNTS_SCENARIOS, else the source
 * tree's scenarios/ when it exists, else the installed copy. */
const char *scnfile_dir(void);

/* Resolves ARG to a file path: an existing path as given, else a shipped
 * scenario id ("first-steps" -> DIR/first-steps.json), else a scenario of the
 * data folder's scenarios/ (DATA/scenarios/ID.json). Writes into buf. */
const char *scnfile_resolve(const char *arg, char *buf, size_t n);

/* What to type after `keyaccounts play` to open the scenario file at path
 * again: its name when that name resolves back to the same file (shipped, or
 * in the data folder's scenarios/), else its absolute path, quoted for the
 * shell when it needs quoting. Writes into buf. */
const char *scnfile_play_arg(const char *path, char *buf, size_t n);

#endif
