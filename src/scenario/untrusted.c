/* Control characters of untrusted text shown as escapes (untrusted.h). */
#include "keyaccounts/untrusted.h"

#include <stdio.h>
#include <string.h>

#include "textutil.h"

bool ut_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F
           || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t ut_next(const char **s, UtLines lines, char piece[UT_PIECE_MAX])
{
    const unsigned char *p = (const unsigned char *)*s;
    if (!*p) {
        piece[0] = '\0';
        return 0;
    }
    uint32_t cp;
    size_t len = 1;
    while (len < 4 && p[len]) {
        len++;
    }
    int n = tu_utf8_decode(p, len, &cp);
    if (n == 0) { /* not UTF-8 (a command-line argument can be anything) */
        snprintf(piece, UT_PIECE_MAX, "\\x%02x", (unsigned)p[0]);
        *s += 1;
        return 4;
    }
    *s += n;
    bool keep = lines == UT_KEEP_LINES && (cp == '\n' || cp == '\t');
    if (!ut_is_control(cp) || keep) {
        memcpy(piece, p, (size_t)n);
        piece[n] = '\0';
        return (size_t)n;
    }
    int w = cp < 0x80 ? snprintf(piece, UT_PIECE_MAX, "\\x%02x", (unsigned)cp)
                      : snprintf(piece, UT_PIECE_MAX, "\\u%04x", (unsigned)cp);
    return (size_t)w;
}

const char *ut_escape(const char *s, UtLines lines, char *buf, size_t n)
{
    static const char CUT[] = "...";
    size_t used = 0, mark = 0; /* mark: the last end of a piece that leaves room for CUT */
    char piece[UT_PIECE_MAX];
    size_t k;
    buf[0] = '\0';
    while (s && (k = ut_next(&s, lines, piece)) > 0) {
        if (used + k >= n) {
            snprintf(buf + mark, n - mark, "%s", CUT);
            return buf;
        }
        memcpy(buf + used, piece, k + 1);
        used += k;
        if (used + sizeof CUT <= n) {
            mark = used;
        }
    }
    return buf;
}
