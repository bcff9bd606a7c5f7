/* Untrusted text (from a scenario, a result, a session, an LRS or the command
 * line) made safe to show on a terminal or in a one-line message: every
 * control character is shown as an escape, so no text can move the cursor,
 * colour the screen, start a new line or reverse the characters after it.
 * Part of the scenario layer (its diagnostics quote such text); the terminal
 * prints through src/cli/say.h. */
#ifndef KEYACCOUNTS_UNTRUSTED_H
#define KEYACCOUNTS_UNTRUSTED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest escape of one character ("\u202e"), and the piece ut_next writes. */
enum { UT_PIECE_MAX = 8 };

typedef enum UtLines {
    UT_ONE_LINE, /* line breaks and tabs are escaped too: names, titles, ids */
    UT_KEEP_LINES /* '\n' and '\t' pass: a briefing, a whole message of lines */
} UtLines;

/* True for the code points shown escaped: C0 (U+0000-U+001F), DEL, C1
 * (U+0080-U+009F), the bidirectional controls U+061C, U+200E, U+200F,
 * U+202A-U+202E and U+2066-U+2069, and the line and paragraph separators
 * U+2028, U+2029. */
bool ut_is_control(uint32_t cp);

/* The next character of *s as it is shown: itself (valid UTF-8, not a
 * control), "\x1b" for a C0 control, DEL or a byte that is not valid UTF-8,
 * or "\u202e" for the other controls. Writes it into piece (NUL-terminated),
 * advances *s past it and returns its length; 0 at the end of the string. */
size_t ut_next(const char **s, UtLines lines, char piece[UT_PIECE_MAX]);

/* s shown with its controls escaped, in buf (capacity n > 0, always
 * terminated); when it does not fit, it is cut at a character and ends in
 * "...". Returns buf. */
const char *ut_escape(const char *s, UtLines lines, char *buf, size_t n);

#endif
