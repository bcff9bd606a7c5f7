/* The platform layer: everything that differs between Linux, a browser and
 * Windows — files with limits, atomic writes, folders, the data folder, the
 * clock and the environment. The rest of the program calls only these for
 * such things; a port is a new implementation file (posix_*.c is the first),
 * not edits across the tree. Paths are UTF-8. Errors come back as a status
 * with a reason in `err`; nothing here prints. */
#ifndef KEYACCOUNTS_PLATFORM_PLATFORM_H
#define KEYACCOUNTS_PLATFORM_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- files ------------------------------------------------------------------ */

/* The whole file, NUL-terminated, or NULL with a reason in err. Refuses
 * anything that is not a regular file (a folder, a terminal, a FIFO, a
 * device: they could block or never end) without waiting on it, and files
 * over max bytes without reading them whole. The caller frees. */
char *plat_read_file(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* Writes data to path so that a crash leaves either the old file or the new
 * one, never a mixture: a temporary file in the same folder, flushed to disk,
 * renamed into place. 0, or -1 with a reason in err. */
int plat_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen);

/* plat_write_atomic for a file meant to be shared (a workshop report): it is
 * readable by everyone (0644), where the others are private to the user. */
int plat_write_shared(const char *path, const char *data, size_t len, char *err, size_t errlen);

/* Creates path with data, all or nothing, and never replaces a file that is
 * there: of two programs creating the same name at once, exactly one wins.
 * 0; 1 when path already exists (nothing written); -1 with a reason in err. */
int plat_write_new(const char *path, const char *data, size_t len, char *err, size_t errlen);

typedef enum PlatKind {
    PLAT_MISSING, /* nothing there, or it cannot be looked at */
    PLAT_FILE,
    PLAT_DIR,
    PLAT_OTHER,   /* a device, FIFO or socket */
} PlatKind;

/* What is at path (symbolic links followed). */
PlatKind plat_kind(const char *path);

/* Enough of a file's identity to notice that it was replaced or written. */
typedef struct PlatStamp {
    uint64_t device, inode;
    int64_t size, mtime_s, mtime_ns;
} PlatStamp;

/* False when path cannot be looked at. */
bool plat_stamp(const char *path, PlatStamp *out);
bool plat_stamp_equal(const PlatStamp *a, const PlatStamp *b);

/* The names in a folder ("." and ".." left out), sorted bytewise. */
typedef struct PlatList {
    char **names;
    size_t count;
} PlatList;

/* 0, or -1 with a reason in err (out is then empty). */
int plat_list(const char *dir, PlatList *out, char *err, size_t errlen);
void plat_list_free(PlatList *list);

/* The absolute path with no symbolic links, in buf; NULL when path does not
 * exist or the result does not fit. */
const char *plat_realpath(const char *path, char *buf, size_t n);

/* 0, or -1 (the reason in err when err is not NULL). */
int plat_remove(const char *path);
int plat_rename(const char *from, const char *to, char *err, size_t errlen);

/* mkdir -p, new folders private to the user. 0, or -1 with a reason. */
int plat_make_dirs(const char *path, char *err, size_t errlen);

/* ---- the data folder ------------------------------------------------------------ */

/* Where results, autosaves and settings live: $KEYACCOUNTS_DATA_DIR if set,
 * else the platform's per-user folder (Linux: $XDG_DATA_HOME/keyaccounts,
 * else ~/.local/share/keyaccounts). Not created. NULL when no rule gives one. */
const char *plat_data_dir(char *buf, size_t n);

/* The data folder, or its subfolder `sub` (NULL: the folder itself), created
 * with its parents when missing. NULL with a reason in err. */
const char *plat_data_subdir(const char *sub, char *buf, size_t n, char *err, size_t errlen);

/* ---- clock and environment ---------------------------------------------------------- */

/* Seconds since 1970 (UTC); $SOURCE_DATE_EPOCH fixes it for reproducible
 * output. */
int64_t plat_now(void);

/* The time as ISO 8601 UTC ("2026-12-02T13:45:00Z") in buf. */
const char *plat_utc_text(int64_t t, char *buf, size_t n);

/* An environment variable, NULL when unset. */
const char *plat_env(const char *name);

/* n bytes from the operating system's random source (Linux: getrandom()),
 * for identifiers nobody else can pick. 0, or -1 with a reason in err. */
int plat_random_bytes(void *buf, size_t n, char *err, size_t errlen);

/* True when f is an interactive terminal. */
bool plat_is_terminal(FILE *f);

/* ---- stopping and waiting ------------------------------------------------------------ */

/* From now on a request to stop the program (POSIX: SIGINT, SIGTERM, SIGHUP;
 * a console's Ctrl-C, Ctrl-Break or closing on Windows) does not end it: it
 * is noted, for plat_stop_requested, and a read from a terminal or a pipe
 * that is waiting, and plat_sleep_ms, return early (a read returns an error)
 * so that the program can save its state and end by itself. */
void plat_on_stop_signal(void);

/* The stop request noted since plat_on_stop_signal (POSIX: the signal's
 * number), 0 when none. */
int plat_stop_requested(void);

/* Reads what f's descriptor has, up to n bytes, without stdio's buffer (for
 * a line editor reading a terminal): > 0 bytes read, 0 at the end, -1 on an
 * error or when a stop was requested while it waited. */
long plat_read_some(FILE *f, void *buf, size_t n);

/* Waits ms milliseconds, or less when a stop is requested. */
void plat_sleep_ms(int ms);

#endif
