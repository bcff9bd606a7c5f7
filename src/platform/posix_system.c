/* The platform layer on POSIX: the data folder, the clock and the
 * environment (platform.h). */
#define _XOPEN_SOURCE 700
#include "platform.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

const char *plat_data_dir(char *buf, size_t n)
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

const char *plat_data_subdir(const char *sub, char *buf, size_t n, char *err, size_t errlen)
{
    char base[4096];
    if (!plat_data_dir(base, sizeof base)) {
        snprintf(err, errlen, "no data folder: set KEYACCOUNTS_DATA_DIR, XDG_DATA_HOME or HOME");
        return NULL;
    }
    int w = sub ? snprintf(buf, n, "%s/%s", base, sub) : snprintf(buf, n, "%s", base);
    if (w < 0 || (size_t)w >= n) {
        snprintf(err, errlen, "the data folder's path is too long");
        return NULL;
    }
    return plat_make_dirs(buf, err, errlen) == 0 ? buf : NULL;
}

int64_t plat_now(void)
{
    const char *fixed = getenv("SOURCE_DATE_EPOCH");
    if (fixed && fixed[0]) {
        char *end;
        long long v = strtoll(fixed, &end, 10);
        if (!*end && v >= 0) {
            return (int64_t)v;
        }
    }
    return (int64_t)time(NULL);
}

const char *plat_utc_text(int64_t t, char *buf, size_t n)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
        snprintf(buf, n, "1970-01-01T00:00:00Z");
    }
    return buf;
}

const char *plat_env(const char *name)
{
    return getenv(name);
}

bool plat_is_terminal(FILE *f)
{
    return isatty(fileno(f)) != 0;
}

int plat_random_bytes(void *buf, size_t n, char *err, size_t errlen)
{
    unsigned char *p = buf;
    size_t got = 0;
#if defined(__linux__)
    while (got < n) {
        ssize_t r = getrandom(p + got, n - got, 0);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            break; /* ENOSYS on an old kernel: /dev/urandom below */
        }
        got += (size_t)r;
    }
#endif
    if (got < n) {
        FILE *f = fopen("/dev/urandom", "rb");
        if (f) {
            got += fread(p + got, 1, n - got, f);
            fclose(f);
        }
    }
    if (got < n) {
        snprintf(err, errlen, "no random source (getrandom and /dev/urandom failed: %s)", strerror(errno));
        return -1;
    }
    return 0;
}

static volatile sig_atomic_t stop_signal;

static void note_stop(int sig)
{
    stop_signal = sig;
}

void plat_on_stop_signal(void)
{
    static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = note_stop;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a waiting read returns EINTR */
    for (size_t k = 0; k < sizeof SIGNALS / sizeof SIGNALS[0]; k++) {
        (void)sigaction(SIGNALS[k], &sa, NULL);
    }
}

int plat_stop_requested(void)
{
    return (int)stop_signal;
}

void plat_sleep_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (!stop_signal && nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

long plat_read_some(FILE *f, void *buf, size_t n)
{
    for (;;) {
        ssize_t got = read(fileno(f), buf, n);
        if (got >= 0) {
            return (long)got;
        }
        if (errno != EINTR || stop_signal) {
            return -1;
        }
    }
}
