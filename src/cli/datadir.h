/* The user's data directory, where finished sessions leave their result files
 * and the trainee's name is remembered:
 *   $KEYACCOUNTS_DATA_DIR if set (tests use it), else
 *   $XDG_DATA_HOME/keyaccounts, else ~/.local/share/keyaccounts
 * (on Linux the same folder SDL_GetPrefPath("keyaccounts", "keyaccounts")
 * gives the window). Folders are created on demand with mode 0700. */
#ifndef KEYACCOUNTS_CLI_DATADIR_H
#define KEYACCOUNTS_CLI_DATADIR_H

#include <stdbool.h>
#include <stddef.h>

/* The folder's path (not created). NULL when no rule gives one (no HOME). */
const char *datadir_path(char *buf, size_t n);

/* The folder, or its subfolder `sub` ("results"; NULL for the folder itself),
 * created with its parents when missing. NULL with a reason in err. */
const char *datadir_ensure(const char *sub, char *buf, size_t n, char *err, size_t errlen);

/* The remembered trainee name (trainee.txt, one line). False when none was
 * ever given; true with "" when the trainee chose to skip. */
bool datadir_trainee_load(char *buf, size_t n);
/* Remembers the name; 0, or -1 with a reason in err. */
int datadir_trainee_save(const char *name, char *err, size_t errlen);

#endif
