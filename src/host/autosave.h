/* The unfinished game, saved after every applied command so that nothing is
 * lost to a crash, a closed window or a killed terminal: one file,
 * autosave.json, in the data folder (the window's folder; see app.c), the same
 * for the window and the terminal game. A finished game is kept as
 * last-session.json instead and is not offered for resuming. */
#ifndef KEYACCOUNTS_HOST_AUTOSAVE_H
#define KEYACCOUNTS_HOST_AUTOSAVE_H

#include <stddef.h>

#include "host.h"

/* Writes the session into dir (NULL: the data folder): autosave.json while
 * it goes on; last-session.json, removing autosave.json, once it is over.
 * All or nothing (plat_write_atomic). 0, or -1 with the reason in err. */
int autosave_write(const HostSession *h, const char *dir, char *err, size_t errlen);

typedef enum AutosaveFound {
    AUTOSAVE_NONE,    /* no saved game (or no data folder) */
    AUTOSAVE_FOUND,   /* *rec filled: session_record_free it */
    AUTOSAVE_DAMAGED, /* unreadable: moved aside to the path in `aside`, never overwritten */
    AUTOSAVE_NO_MEMORY,
} AutosaveFound;

/* Reads the saved unfinished game of dir (NULL: the data folder). */
AutosaveFound autosave_read(const char *dir, SessionRecord *rec, char *aside, size_t asidelen);

/* True when the saved game rec was played on the scenario opened from path:
 * the same id, and the same file (their real paths agree). */
bool autosave_matches(const SessionRecord *rec, const char *scenario_id, const char *path);

/* Removes the saved unfinished game (the trainee chose a new one). */
void autosave_discard(const char *dir);

#endif
