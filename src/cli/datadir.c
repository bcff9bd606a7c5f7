#define _POSIX_C_SOURCE 200809L
#include "datadir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"

enum { TRAINEE_MAX_BYTES = 4096 };

const char *datadir_path(char *buf, size_t n)
{
    const char *env = getenv("KEYACCOUNTS_DATA_DIR");
    int w;
    if (env && env[0]) {
        w = snprintf(buf, n, "%s", env);
    } else if ((env = getenv("XDG_DATA_HOME")) && env[0] == '/') {
        w = snprintf(buf, n, "%s/keyaccounts", env);
    } else if ((env = getenv("HOME")) && env[0]) {
        w = snprintf(buf, n, "%s/.local/share/keyaccounts", env);
    } else {
        return NULL;
    }
    return w >= 0 && (size_t)w < n ? buf : NULL;
}

/* mkdir -p with mode 0700 for the folders it creates. */
static int make_dirs(char *path, char *err, size_t errlen)
{
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0') {
            continue;
        }
        char saved = *p;
        *p = '\0';
        struct stat st;
        if (stat(path, &st) != 0) {
            if (mkdir(path, 0700) != 0 && errno != EEXIST) {
                snprintf(err, errlen, "cannot create the folder %s: %s", path, strerror(errno));
                *p = saved;
                return -1;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "%s exists and is not a folder", path);
            *p = saved;
            return -1;
        }
        *p = saved;
        if (saved == '\0') {
            return 0;
        }
    }
}

const char *datadir_ensure(const char *sub, char *buf, size_t n, char *err, size_t errlen)
{
    char base[4096];
    if (!datadir_path(base, sizeof base)) {
        snprintf(err, errlen, "no data folder: set KEYACCOUNTS_DATA_DIR, XDG_DATA_HOME or HOME");
        return NULL;
    }
    int w = sub ? snprintf(buf, n, "%s/%s", base, sub) : snprintf(buf, n, "%s", base);
    if (w < 0 || (size_t)w >= n) {
        snprintf(err, errlen, "the data folder's path is too long");
        return NULL;
    }
    return make_dirs(buf, err, errlen) == 0 ? buf : NULL;
}

bool datadir_trainee_load(char *buf, size_t n)
{
    char dir[4096], path[4200], why[256];
    if (n == 0 || !datadir_path(dir, sizeof dir)) {
        return false;
    }
    snprintf(path, sizeof path, "%s/trainee.txt", dir);
    size_t len;
    char *text = file_read_all(path, TRAINEE_MAX_BYTES, &len, why, sizeof why);
    if (!text) {
        return false;
    }
    size_t k = 0;
    while (k < len && text[k] != '\n' && text[k] != '\r' && text[k] != '\0') {
        k++;
    }
    if (k >= n) {
        k = n - 1;
    }
    memcpy(buf, text, k);
    buf[k] = '\0';
    free(text);
    return true;
}

int datadir_trainee_save(const char *name, char *err, size_t errlen)
{
    char dir[4096], path[4200], line[1100];
    if (!datadir_ensure(NULL, dir, sizeof dir, err, errlen)) {
        return -1;
    }
    snprintf(path, sizeof path, "%s/trainee.txt", dir);
    int w = snprintf(line, sizeof line, "%s\n", name);
    if (w < 0 || (size_t)w >= sizeof line) {
        snprintf(err, errlen, "the name is too long");
        return -1;
    }
    return file_write_atomic(path, line, (size_t)w, err, errlen);
}
