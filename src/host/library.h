/* The scenarios a result is checked against: the shipped ones, the user's
 * data folder's scenarios/, and files given with --scenario. A result names
 * its scenario by id and by the hash of the bytes played; only a file with
 * both is used, never the path recorded in the result (docs/workshops.md). */
#ifndef KEYACCOUNTS_HOST_LIBRARY_H
#define KEYACCOUNTS_HOST_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/model.h"
#include "msgs.h"

typedef struct ScnLibrary ScnLibrary;

/* A scenario file found for a result. */
typedef struct ScnFound {
    const char *path;
    const char *bytes;
    size_t len;
    const Scenario *scenario; /* parsed once, owned by the library */
} ScnFound;

/* Reads the candidates: the given files first (an unreadable one is an
 * error in m and NULL), then the shipped folder, then DATA/scenarios/.
 * NULL also when out of memory. */
ScnLibrary *library_create(const char *const *given, size_t n_given, Msgs *m);
void library_destroy(ScnLibrary *lib); /* accepts NULL */

/* The file whose bytes hash to hash and whose scenario has this id: true with
 * *out filled, false when none has both. */
bool library_find(ScnLibrary *lib, const char *id, uint64_t hash, ScnFound *out);

/* Why nothing was found, in one sentence: the id and hash, where it looked,
 * and the files that hold another version of the id. */
void library_explain_unknown(ScnLibrary *lib, const char *id, uint64_t hash, char *buf, size_t n);

#endif
