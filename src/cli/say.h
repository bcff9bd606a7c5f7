/* Printing on the terminal: what the host layer says (msgs.h), and any text
 * that comes from a scenario, a result, a session, an LRS or the user, with
 * its control characters shown escaped (keyaccounts/untrusted.h). */
#ifndef KEYACCOUNTS_CLI_SAY_H
#define KEYACCOUNTS_CLI_SAY_H

#include <stdio.h>

#include "host.h"
#include "keyaccounts/untrusted.h"
#include "msgs.h"

/* Room for an escaped title or name (4,000 bytes of text at most, most of
 * them escapes); longer text is cut with "...". */
enum { SAY_FIELD_MAX = 4096 };

/* Prints untrusted text on one line: every control character, line breaks
 * and tabs too, shown as an escape (\x1b, \u202e). */
void say_text(FILE *f, const char *s);
/* The same, keeping line breaks and tabs: a briefing, a message of lines. */
void say_lines(FILE *f, const char *s);
/* s escaped for one line, into buf (n bytes, SAY_FIELD_MAX is enough for any
 * text of a file), for a printf argument. Returns buf. */
const char *say_field(const char *s, char *buf, size_t n);
/* printf whose output goes through say_lines: for lines that hold untrusted
 * text. Text that must stay on its line goes in through
 * say_field. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void say_printf(FILE *f, const char *fmt, ...);

/* Prints m's lines on f (through say_lines) and empties m (it stays usable). */
void say_msgs(FILE *f, Msgs *m);

/* host_open, saying on f why it failed. */
HostScenario *say_open(const char *arg, FILE *f);

#endif
