/* Messages as values: what the host layer has to tell the trainee or the
 * trainer (an unreadable file, a scenario's errors, where xAPI statements
 * went) is collected here, one line each, and the front end shows it — the
 * terminal prints it, the window puts the first line in its status bar. The
 * host never prints. */
#ifndef KEYACCOUNTS_HOST_MSGS_H
#define KEYACCOUNTS_HOST_MSGS_H

#include <stdbool.h>
#include <stddef.h>

#include "keyaccounts/diag.h"

typedef struct Msgs {
    char *text; /* lines, each ending in '\n'; NULL while empty */
    size_t len, cap;
    bool oom;   /* a line was lost for want of memory */
} Msgs;

void msgs_init(Msgs *m);
void msgs_deinit(Msgs *m);
/* Appends one line (the '\n' is added). */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void msgs_add(Msgs *m, const char *fmt, ...);
/* Appends each diagnostic as `FILE:LINE:COL: error [CODE]: PATH: message`. */
void msgs_add_diags(Msgs *m, const Diagnostics *d, const char *file);
/* All lines ("" when none). */
const char *msgs_text(const Msgs *m);
/* The first line, without its '\n', in buf ("" when none). */
const char *msgs_first(const Msgs *m, char *buf, size_t n);

#endif
