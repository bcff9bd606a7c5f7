#define _POSIX_C_SOURCE 200809L
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

char *file_read_all(const char *path, size_t max, size_t *len, char *err, size_t errlen)
{
    /* O_NONBLOCK so that opening a FIFO nobody writes to does not wait for
     * ever; reads then block again as usual (a FIFO without a writer reads as
     * empty). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        close(fd);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a directory, not a file");
        close(fd);
        return NULL;
    }
    size_t cap = S_ISREG(st.st_mode) && st.st_size >= 0 ? (size_t)st.st_size + 1 : 4096;
    if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
        snprintf(err, errlen, "file is %lld bytes, larger than the limit of %zu bytes",
                 (long long)st.st_size, max);
        close(fd);
        return NULL;
    }
    char *buf = malloc(cap);
    size_t n = 0;
    if (!buf) {
        snprintf(err, errlen, "out of memory");
        close(fd);
        return NULL;
    }
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > max + 1) {
                snprintf(err, errlen, "file is larger than the limit of %zu bytes", max);
                free(buf);
                close(fd);
                return NULL;
            }
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                snprintf(err, errlen, "out of memory");
                free(buf);
                close(fd);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - 1 - n);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            snprintf(err, errlen, "%s", strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (got == 0) {
            break;
        }
        n += (size_t)got;
    }
    close(fd);
    if (n > max) {
        snprintf(err, errlen, "file is larger than the limit of %zu bytes", max);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The folder part of path ("." when there is none), into buf. */
static void dir_of(const char *path, char *buf, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(buf, n, ".");
    } else if (slash == path) {
        snprintf(buf, n, "/");
    } else {
        snprintf(buf, n, "%.*s", (int)(slash - path), path);
    }
}

/* After a rename, the folder entry itself must reach the disk, or a power cut
 * could bring back the old name. Failure here is not fatal: the data is safe. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* A save killed between mkstemp and rename leaves NAME.tmpXXXXXX behind.
 * Such leftovers older than a minute (so not another save in progress) are
 * removed the next time the same file is saved. */
static void remove_stale_temporaries(const char *dir, const char *base)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    size_t blen = strlen(base);
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, base, blen) != 0 || strncmp(e->d_name + blen, ".tmp", 4) != 0
            || strlen(e->d_name + blen) != 10) {
            continue;
        }
        char full[4096];
        struct stat st;
        int n = snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        if (n > 0 && (size_t)n < sizeof full && lstat(full, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > 60) {
            unlink(full);
        }
    }
    closedir(d);
}

int file_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create a file beside %s: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
            close(fd);
            unlink(tmp);
            free(tmp);
            return -1;
        }
        done += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "cannot replace %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    sync_dir(dir);
    const char *slash = strrchr(path, '/');
    remove_stale_temporaries(dir, slash ? slash + 1 : path);
    return 0;
}
