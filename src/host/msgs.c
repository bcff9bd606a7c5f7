/* Messages as values (msgs.h). */
#include "msgs.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void msgs_init(Msgs *m)
{
    memset(m, 0, sizeof *m);
}

void msgs_deinit(Msgs *m)
{
    free(m->text);
    memset(m, 0, sizeof *m);
}

static void append(Msgs *m, const char *s, size_t n)
{
    if (m->len + n + 1 > m->cap) {
        size_t cap = m->cap ? m->cap : 256;
        while (cap < m->len + n + 1) {
            cap *= 2;
        }
        char *bigger = realloc(m->text, cap);
        if (!bigger) {
            m->oom = true;
            return;
        }
        m->text = bigger;
        m->cap = cap;
    }
    memcpy(m->text + m->len, s, n);
    m->len += n;
    m->text[m->len] = '\0';
}

void msgs_add(Msgs *m, const char *fmt, ...)
{
    char line[4096];
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (w < 0) {
        return;
    }
    size_t n = (size_t)w < sizeof line ? (size_t)w : sizeof line - 1;
    append(m, line, n);
    append(m, "\n", 1);
}

void msgs_add_diags(Msgs *m, const Diagnostics *d, const char *file)
{
    char line[4096];
    for (size_t i = 0; i < d->count; i++) {
        msgs_add(m, "%s", diags_format_one(&d->items[i], file, line, sizeof line));
    }
    if (d->dropped > 0) {
        msgs_add(m, "%s: note: %zu more problems not shown", file, d->dropped);
    }
}

const char *msgs_text(const Msgs *m)
{
    return m->text ? m->text : "";
}

const char *msgs_first(const Msgs *m, char *buf, size_t n)
{
    const char *t = msgs_text(m);
    size_t k = strcspn(t, "\n");
    if (k >= n) {
        k = n - 1;
    }
    memcpy(buf, t, k);
    buf[k] = '\0';
    return buf;
}
