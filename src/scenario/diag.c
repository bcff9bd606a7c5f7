#include "keyaccounts/diag.h"
#include "keyaccounts/untrusted.h"

#include <stdarg.h>
#include <string.h>

#include "keyaccounts/alloc.h"
#include "textutil.h"

void diags_init(Diagnostics *d)
{
    memset(d, 0, sizeof *d);
}

void diags_deinit(Diagnostics *d)
{
    for (size_t i = 0; i < d->count; i++) {
        ka_free(d->items[i].path);
        ka_free(d->items[i].message);
    }
    ka_free(d->items);
    memset(d, 0, sizeof *d);
}

static char *diag_strdup(const char *s)
{
    size_t n = strlen(s);
    char *p = ka_malloc(n + 1);
    if (p) {
        memcpy(p, s, n + 1);
    }
    return p;
}

/* Messages quote the author's text cut to a few dozen bytes, which can split
 * a character: mend such spots so every message is valid UTF-8. */
static void utf8_mend(char *s)
{
    size_t len = strlen(s);
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int n = tu_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0) {
            s[i] = '?';
            n = 1;
        }
        i += (size_t)n;
    }
}

static bool diags_reserve(Diagnostics *d)
{
    if (d->count < d->capacity) {
        return true;
    }
    size_t cap = d->capacity ? d->capacity * 2 : 16;
    if (cap > DIAG_MAX) {
        cap = DIAG_MAX;
    }
    Diagnostic *items = ka_realloc(d->items, cap * sizeof *items);
    if (!items) {
        return false;
    }
    d->items = items;
    d->capacity = cap;
    return true;
}

void diags_add(Diagnostics *d, Severity sev, const char *code, int line, int column,
               const char *path, const char *fmt, ...)
{
    if (sev == SEV_ERROR) {
        d->errors++;
    } else {
        d->warnings++;
    }
    if (d->count >= DIAG_MAX) {
        d->dropped++; /* counted, not stored: the cap keeps hostile files cheap */
        return;
    }
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    utf8_mend(text);

    char *msg = diag_strdup(text);
    char *p = diag_strdup(path ? path : "");
    if (!msg || !p || !diags_reserve(d)) {
        ka_free(msg);
        ka_free(p);
        d->oom = true;
        d->dropped++;
        return;
    }
    Diagnostic *item = &d->items[d->count++];
    item->severity = sev;
    item->code = code;
    item->line = line;
    item->column = column;
    item->path = p;
    item->message = msg;
}

void diags_annotate(Diagnostics *d, size_t from, const char *note)
{
    size_t extra = strlen(note);
    for (size_t i = from; i < d->count; i++) {
        size_t n = strlen(d->items[i].message);
        char *msg = ka_realloc(d->items[i].message, n + extra + 1);
        if (!msg) {
            d->oom = true; /* the message stays as it was */
            continue;
        }
        memcpy(msg + n, note, extra + 1);
        d->items[i].message = msg;
    }
}

static bool diag_before(const Diagnostic *a, const Diagnostic *b)
{
    return a->line < b->line || (a->line == b->line && a->column < b->column);
}

/* Insertion sort: stable, needs no memory, and at most DIAG_MAX items. The
 * loader mostly reports in document order, so it is close to linear. */
void diags_sort(Diagnostics *d)
{
    for (size_t i = 1; i < d->count; i++) {
        Diagnostic item = d->items[i];
        size_t j = i;
        while (j > 0 && diag_before(&item, &d->items[j - 1])) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = item;
    }
}

static const char *severity_name(Severity s)
{
    return s == SEV_ERROR ? "error" : "warning";
}

const char *diags_format_one(const Diagnostic *g, const char *file, char *buf, size_t n)
{
    char where[64] = "";
    if (g->line > 0) {
        snprintf(where, sizeof where, ":%d:%d", g->line, g->column);
    }
    bool has_path = g->path && g->path[0];
    char raw[4096];
    snprintf(raw, sizeof raw, "%s%s: %s [%s]: %s%s%s", file, where, severity_name(g->severity), g->code,
             has_path ? g->path : "", has_path ? ": " : "", g->message);
    /* messages quote the file's own keys and text: one line, no raw controls */
    return ut_escape(raw, UT_ONE_LINE, buf, n);
}

void diags_print(const Diagnostics *d, const char *file, FILE *out)
{
    char line[4096];
    for (size_t i = 0; i < d->count; i++) {
        fprintf(out, "%s\n", diags_format_one(&d->items[i], file, line, sizeof line));
    }
    if (d->dropped > 0) {
        fprintf(out, "%s: note: %zu more problems not shown\n", ut_escape(file, UT_ONE_LINE, line, sizeof line),
                d->dropped);
    }
}
