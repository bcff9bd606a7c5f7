/* Printing on the terminal (say.h). */
#include "say.h"

#include <stdarg.h>

#include "keyaccounts/alloc.h"

static void say_escaped(FILE *f, const char *s, UtLines lines)
{
    char piece[UT_PIECE_MAX];
    size_t k;
    while (s && (k = ut_next(&s, lines, piece)) > 0) {
        fwrite(piece, 1, k, f);
    }
}

void say_text(FILE *f, const char *s)
{
    say_escaped(f, s, UT_ONE_LINE);
}

void say_lines(FILE *f, const char *s)
{
    say_escaped(f, s, UT_KEEP_LINES);
}

const char *say_field(const char *s, char *buf, size_t n)
{
    return ut_escape(s, UT_ONE_LINE, buf, n);
}

void say_printf(FILE *f, const char *fmt, ...)
{
    char line[8192];
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (need < 0) {
        return;
    }
    if ((size_t)need < sizeof line) {
        say_lines(f, line);
        return;
    }
    char *big = ka_malloc((size_t)need + 1);
    if (!big) {
        say_lines(f, line); /* what fitted */
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)need + 1, fmt, ap);
    va_end(ap);
    say_lines(f, big);
    ka_free(big);
}

void say_msgs(FILE *f, Msgs *m)
{
    say_lines(f, msgs_text(m));
    if (m->oom) {
        fputs("keyaccounts: out of memory: some messages were lost\n", f);
    }
    msgs_deinit(m);
    msgs_init(m);
}

HostScenario *say_open(const char *arg, FILE *f)
{
    Msgs m;
    msgs_init(&m);
    HostScenario *hs = host_open(arg, &m);
    say_msgs(f, &m);
    msgs_deinit(&m);
    return hs;
}
