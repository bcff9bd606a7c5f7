/* Tests of plat_write_atomic (src/platform/posix_files.c), the writer of results,
 * autosaves and settings.
 *
 *   save_tool kill DIR N      N times: a child saves old and new contents in
 *                             turn, without pause; it is killed (SIGKILL) at a
 *                             random moment; the file must then be exactly the
 *                             old or the new contents, and at most one
 *                             temporary may be left behind by the kill.
 *   save_tool full DIR        DIR is a nearly full file system (a small
 *                             tmpfs): a save too big to fit fails with "No
 *                             space left on device", the old file stays whole
 *                             and no temporary is left; a small save then works.
 *   save_tool fsize DIR       the same with a file-size limit (RLIMIT_FSIZE),
 *                             which needs no privileges: EFBIG instead.
 *   save_tool unwritable DIR  DIR holds a saved file but may not be written:
 *                             the save fails with a clear reason, old file whole.
 *
 * Exit status 0 when every check passed, 1 otherwise, 77 when skipped. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"

static int failures;

#define EXPECT(cond, ...)                                          \
    do {                                                           \
        if (!(cond)) {                                             \
            failures++;                                            \
            fprintf(stderr, "save_tool:%d: FAIL: ", __LINE__);     \
            fprintf(stderr, __VA_ARGS__);                          \
            fputc('\n', stderr);                                   \
        }                                                          \
    } while (0)

typedef struct Blob {
    char *data;
    size_t len;
} Blob;

/* Recognisable contents: a header naming the version, a body that differs
 * in every block, and an end marker, so that a mix or a cut is detected. */
static Blob make_blob(const char *tag, size_t len)
{
    Blob b = {malloc(len), len};
    if (!b.data) {
        fprintf(stderr, "save_tool: out of memory\n");
        exit(1);
    }
    size_t n = (size_t)snprintf(b.data, len, "{\"version\": \"%s\", \"body\": \"", tag);
    for (size_t i = n; i < len; i++) {
        b.data[i] = (char)('a' + (i / 4096 + (size_t)tag[0]) % 26);
    }
    memcpy(b.data + len - 3, "\"}\n", 3);
    return b;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p) {
        snprintf(p, n, "%s/%s", dir, name);
    }
    return p;
}

/* Reads path whole into a malloc'd buffer; NULL when it cannot be read. */
static char *read_whole(const char *path, size_t *len)
{
    char err[256];
    return plat_read_file(path, 64u << 20, len, err, sizeof err);
}

static int same(const char *buf, size_t len, const Blob *b)
{
    return buf && len == b->len && memcmp(buf, b->data, len) == 0;
}

/* Counts (and with remove set, deletes) the temporaries NAME.tmp* in dir. */
static int temporaries(const char *dir, const char *name, int remove)
{
    DIR *d = opendir(dir);
    if (!d) {
        return -1;
    }
    size_t nlen = strlen(name);
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, name, nlen) == 0 && strncmp(e->d_name + nlen, ".tmp", 4) == 0) {
            count++;
            if (remove) {
                char *p = join(dir, e->d_name);
                if (p) {
                    unlink(p);
                }
                free(p);
            }
        }
    }
    closedir(d);
    return count;
}

static void sleep_us(long us)
{
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static int test_kill(const char *dir, int rounds)
{
    char *path = join(dir, "result.json");
    Blob old = make_blob("old", 300 * 1000);
    Blob new = make_blob("new", 200 * 1000 + 17);
    char err[512];
    temporaries(dir, "result.json", 1);
    if (plat_write_atomic(path, old.data, old.len, err, sizeof err) != 0) {
        fprintf(stderr, "save_tool: cannot write %s: %s\n", path, err);
        return 1;
    }
    unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
    fprintf(stderr, "save_tool kill: %d rounds, random seed %u\n", rounds, seed);
    srand(seed);
    int saw_old = 0;
    int saw_new = 0;
    int orphans = 0;
    int torn = 0;
    long saves_total = 0;
    for (int r = 0; r < rounds && failures < 5; r++) {
        int pipefd[2];
        if (pipe(pipefd) != 0) {
            perror("pipe");
            return 1;
        }
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0) {
            /* The writer: new, old, new, ... as fast as it can. It says when
             * it starts, so that the kill lands while it is saving. */
            close(pipefd[0]);
            if (write(pipefd[1], "go", 2) != 2) {
                _exit(3);
            }
            for (unsigned long k = 0;; k++) {
                const Blob *b = k % 2 == 0 ? &new : &old;
                char why[512];
                if (plat_write_atomic(path, b->data, b->len, why, sizeof why) != 0) {
                    fprintf(stderr, "save_tool: writer: %s\n", why);
                    _exit(2);
                }
            }
        }
        close(pipefd[1]);
        char go[2];
        if (read(pipefd[0], go, 2) != 2) {
            EXPECT(0, "round %d: the writer did not start", r);
        }
        close(pipefd[0]);
        sleep_us(rand() % 20000);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
               "round %d: the writer stopped by itself (status %d)", r, status);
        size_t len = 0;
        char *buf = read_whole(path, &len);
        if (same(buf, len, &old)) {
            saw_old++;
        } else if (same(buf, len, &new)) {
            saw_new++;
        } else {
            torn++;
            EXPECT(0, "round %d: %s is neither the old nor the new contents (%zu bytes%s)", r,
                   path, len, buf ? "" : ", unreadable");
        }
        free(buf);
        /* A kill can leave the temporary of the save it interrupted, never
         * more: each save removes or renames its own. */
        int left = temporaries(dir, "result.json", 1);
        EXPECT(left >= 0 && left <= 1, "round %d: %d temporaries left behind", r, left);
        orphans += left > 0;
        saves_total++;
    }
    fprintf(stderr,
            "save_tool kill: %ld kills: file old %d times, new %d times, neither %d times; "
            "%d kills left one temporary (interrupted mid-save)\n",
            saves_total, saw_old, saw_new, torn, orphans);
    /* The test must have hit both versions and saves in progress to mean anything. */
    EXPECT(saw_old > 0 && saw_new > 0, "the kills never found both versions");
    EXPECT(orphans > 0, "no kill landed in the middle of a save");
    free(old.data);
    free(new.data);
    free(path);
    return failures ? 1 : 0;
}

/* A save that cannot complete must fail with a clear reason (containing
 * `reason`), leave the old file whole and no temporary. */
static void expect_failed_save(const char *dir, const char *path, const Blob *old, const Blob *big,
                               const char *reason)
{
    char err[512] = "";
    int rc = plat_write_atomic(path, big->data, big->len, err, sizeof err);
    EXPECT(rc == -1, "a save that cannot fit returned %d", rc);
    fprintf(stderr, "save_tool: the failed save says: %s\n", err);
    EXPECT(strstr(err, reason) != NULL, "the reason \"%s\" does not say \"%s\"", err, reason);
    EXPECT(strstr(err, path) != NULL, "the reason \"%s\" does not name the file", err);
    size_t len = 0;
    char *buf = read_whole(path, &len);
    EXPECT(same(buf, len, old), "the old file was damaged by the failed save");
    free(buf);
    const char *slash = strrchr(path, '/');
    EXPECT(temporaries(dir, slash ? slash + 1 : path, 0) == 0, "a temporary was left behind");
}

static int test_full(const char *dir, const char *reason)
{
    char *path = join(dir, "autosave.json");
    Blob old = make_blob("old", 2000);
    Blob big = make_blob("big", 512 * 1024);
    Blob small = make_blob("small", 1000);
    char err[512];
    if (plat_write_atomic(path, old.data, old.len, err, sizeof err) != 0) {
        fprintf(stderr, "save_tool: cannot write the first version: %s\n", err);
        return 1;
    }
    expect_failed_save(dir, path, &old, &big, reason);
    /* The session goes on: the next save that fits works. */
    EXPECT(plat_write_atomic(path, small.data, small.len, err, sizeof err) == 0,
           "a small save after the failed one failed: %s", err);
    size_t len = 0;
    char *buf = read_whole(path, &len);
    EXPECT(same(buf, len, &small), "the small save after the failed one is not there");
    free(buf);
    unlink(path);
    free(old.data);
    free(big.data);
    free(small.data);
    free(path);
    return failures ? 1 : 0;
}

static int test_fsize(const char *dir)
{
    struct rlimit rl = {64 * 1024, 64 * 1024};
    signal(SIGXFSZ, SIG_IGN); /* write() then fails with EFBIG */
    if (setrlimit(RLIMIT_FSIZE, &rl) != 0) {
        perror("setrlimit");
        return 77;
    }
    return test_full(dir, "File too large");
}

static int test_unwritable(const char *dir)
{
    char *path = join(dir, "settings.json");
    Blob old = make_blob("old", 1000);
    Blob next = make_blob("next", 1000);
    size_t len = 0;
    char *buf = read_whole(path, &len);
    if (!same(buf, len, &old)) {
        fprintf(stderr, "save_tool: %s must hold the old contents first (run_save.sh writes it)\n",
                path);
        free(buf);
        return 1;
    }
    free(buf);
    expect_failed_save(dir, path, &old, &next, "Permission denied");
    free(old.data);
    free(next.data);
    free(path);
    return failures ? 1 : 0;
}

/* Writes the "old" contents test_unwritable expects (before the directory is
 * made read-only). */
static int write_old(const char *dir)
{
    char *path = join(dir, "settings.json");
    Blob old = make_blob("old", 1000);
    char err[512];
    int rc = plat_write_atomic(path, old.data, old.len, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "save_tool: %s\n", err);
    }
    free(old.data);
    free(path);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "kill") == 0) {
        return test_kill(argv[2], atoi(argv[3]));
    }
    if (argc >= 3 && strcmp(argv[1], "full") == 0) {
        return test_full(argv[2], "No space left on device");
    }
    if (argc >= 3 && strcmp(argv[1], "fsize") == 0) {
        return test_fsize(argv[2]);
    }
    if (argc >= 3 && strcmp(argv[1], "unwritable") == 0) {
        return test_unwritable(argv[2]);
    }
    if (argc >= 3 && strcmp(argv[1], "write-old") == 0) {
        return write_old(argv[2]);
    }
    fprintf(stderr, "usage: save_tool kill DIR N | full DIR | fsize DIR | unwritable DIR | "
                    "write-old DIR\n");
    return 2;
}
