/* The platform layer on POSIX: files and folders (platform.h). */
#define _XOPEN_SOURCE 700
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

char *plat_read_file(const char *path, size_t max, size_t *len, char *err, size_t errlen)
{
    /* O_NONBLOCK so that opening a FIFO nobody writes to, or a terminal, does
     * not wait: fstat then refuses anything that is not a regular file. */
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
    if (!S_ISREG(st.st_mode)) {
        /* a terminal, a FIFO or a device could block or never end */
        snprintf(err, errlen, "is not a regular file (a device, a FIFO or a socket)");
        close(fd);
        return NULL;
    }
    size_t cap = st.st_size >= 0 ? (size_t)st.st_size + 1 : 4096;
    if ((size_t)st.st_size > max) {
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

/* Writes data to a new temporary file beside path and flushes it to disk:
 * private to the user (0600, from mkstemp), or readable by all when shared.
 * The temporary's name (malloc'd), or NULL with a reason in err. */
static char *write_temporary(const char *path, const char *data, size_t len, bool shared, char *err,
                             size_t errlen)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create a file beside %s: %s", path, strerror(errno));
        free(tmp);
        return NULL;
    }
    if (shared && fchmod(fd, 0644) != 0) {
        snprintf(err, errlen, "cannot make %s readable: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return NULL;
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
            return NULL;
        }
        done += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    return tmp;
}

/* After the new name is in place: the folder entry to disk, old leftovers away. */
static void settle(const char *path)
{
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    sync_dir(dir);
    const char *slash = strrchr(path, '/');
    remove_stale_temporaries(dir, slash ? slash + 1 : path);
}

static int write_atomic(const char *path, const char *data, size_t len, bool shared, char *err, size_t errlen)
{
    char *tmp = write_temporary(path, data, len, shared, err, errlen);
    if (!tmp) {
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "cannot replace %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    settle(path);
    return 0;
}

int plat_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    return write_atomic(path, data, len, false, err, errlen);
}

int plat_write_shared(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    return write_atomic(path, data, len, true, err, errlen);
}

int plat_write_new(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    struct stat st;
    if (lstat(path, &st) == 0) {
        return 1;
    }
    char *tmp = write_temporary(path, data, len, false, err, errlen);
    if (!tmp) {
        return -1;
    }
    /* link() fails when the name exists, atomically: the complete file
     * appears under its name or not at all, and never over another one */
    int rc = 0;
    if (link(tmp, path) != 0) {
        if (errno == EEXIST) {
            rc = 1;
        } else {
            snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
            rc = -1;
        }
    }
    unlink(tmp);
    free(tmp);
    if (rc == 0) {
        settle(path);
    }
    return rc;
}

PlatKind plat_kind(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        return PLAT_MISSING;
    }
    return S_ISREG(st.st_mode) ? PLAT_FILE : S_ISDIR(st.st_mode) ? PLAT_DIR : PLAT_OTHER;
}

bool plat_stamp(const char *path, PlatStamp *out)
{
    struct stat st;
    memset(out, 0, sizeof *out);
    if (stat(path, &st) != 0) {
        return false;
    }
    out->device = (uint64_t)st.st_dev;
    out->inode = (uint64_t)st.st_ino;
    out->size = (int64_t)st.st_size;
    out->mtime_s = (int64_t)st.st_mtim.tv_sec;
    out->mtime_ns = (int64_t)st.st_mtim.tv_nsec;
    return true;
}

bool plat_stamp_equal(const PlatStamp *a, const PlatStamp *b)
{
    return a->device == b->device && a->inode == b->inode && a->size == b->size && a->mtime_s == b->mtime_s
           && a->mtime_ns == b->mtime_ns;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int plat_list(const char *dir, PlatList *out, char *err, size_t errlen)
{
    out->names = NULL;
    out->count = 0;
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    size_t cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        if (out->count == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **bigger = realloc(out->names, ncap * sizeof *bigger);
            if (!bigger) {
                break;
            }
            out->names = bigger;
            cap = ncap;
        }
        size_t len = strlen(e->d_name);
        char *name = malloc(len + 1);
        if (!name || out->count == cap) {
            free(name);
            closedir(d);
            plat_list_free(out);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        memcpy(name, e->d_name, len + 1);
        out->names[out->count++] = name;
    }
    closedir(d);
    if (out->count > 1) {
        qsort(out->names, out->count, sizeof *out->names, by_name);
    }
    return 0;
}

void plat_list_free(PlatList *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->names[i]);
    }
    free(list->names);
    list->names = NULL;
    list->count = 0;
}

const char *plat_realpath(const char *path, char *buf, size_t n)
{
    char *real = realpath(path, NULL);
    if (!real) {
        return NULL;
    }
    size_t len = strlen(real);
    if (len >= n) {
        free(real);
        return NULL;
    }
    memcpy(buf, real, len + 1);
    free(real);
    return buf;
}

int plat_remove(const char *path)
{
    return remove(path);
}

int plat_rename(const char *from, const char *to, char *err, size_t errlen)
{
    if (rename(from, to) != 0) {
        if (err) {
            snprintf(err, errlen, "%s", strerror(errno));
        }
        return -1;
    }
    return 0;
}

int plat_make_dirs(const char *path, char *err, size_t errlen)
{
    char buf[4096];
    size_t len = strlen(path);
    if (len == 0 || len >= sizeof buf) {
        snprintf(err, errlen, "the folder's path is empty or too long");
        return -1;
    }
    memcpy(buf, path, len + 1);
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0') {
            continue;
        }
        char saved = *p;
        *p = '\0';
        struct stat st;
        if (stat(buf, &st) != 0) {
            if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
                snprintf(err, errlen, "cannot create the folder %s: %s", buf, strerror(errno));
                return -1;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "%s exists and is not a folder", buf);
            return -1;
        }
        *p = saved;
        if (saved == '\0') {
            return 0;
        }
    }
}
