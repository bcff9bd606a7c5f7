/* Diagnostics: located, collected, compiler-style problems in a file.
 * Part of the scenario layer. */
#ifndef KEYACCOUNTS_DIAG_H
#define KEYACCOUNTS_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum Severity { SEV_ERROR, SEV_WARNING } Severity;

typedef struct Diagnostic {
    Severity severity;
    const char *code;  /* stable, e.g. "KA201"; static storage */
    int line;          /* 1-based; 0 when the problem has no position */
    int column;        /* 1-based, in characters (code points) */
    char *path;        /* JSON path such as accounts[0].contacts[3].name, or "" */
    char *message;
} Diagnostic;

typedef struct Diagnostics {
    Diagnostic *items;
    size_t count;
    size_t capacity;
    size_t errors;
    size_t warnings;
    size_t dropped;    /* not stored once the cap was reached */
    bool oom;          /* a diagnostic was lost for lack of memory */
} Diagnostics;

enum { DIAG_MAX = 1000 }; /* more than this in one file are counted, not stored */

void diags_init(Diagnostics *d);
void diags_deinit(Diagnostics *d);
void diags_add(Diagnostics *d, Severity sev, const char *code, int line, int column,
               const char *path, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Appends note to the message of every diagnostic stored from index `from`
 * on (a message stays as it was when memory runs out: d->oom is set). */
void diags_annotate(Diagnostics *d, size_t from, const char *note);
/* Sorts by line, then column, keeping the order of equal positions. */
void diags_sort(Diagnostics *d);
/* FILE:LINE:COL: error|warning [CODE]: PATH: message, one per line. */
void diags_print(const Diagnostics *d, const char *file, FILE *out);
/* One diagnostic as diags_print writes it, without the line end, in buf. */
const char *diags_format_one(const Diagnostic *g, const char *file, char *buf, size_t n);

#endif
