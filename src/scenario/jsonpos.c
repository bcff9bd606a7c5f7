#include "jsonpos.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "keyaccounts/scenario.h"
#include "textutil.h"

/* ---- cursor: a byte offset and its line and column ---------------------- */

typedef struct JpCursor {
    size_t pos;
    int line;
    int col;
} JpCursor;

static JpCursor cursor_start(void)
{
    JpCursor c = {0, 1, 1};
    return c;
}

static JsonPos cursor_pos(const JpCursor *c)
{
    JsonPos p = {c->line, c->col};
    return p;
}

/* Moves over one character. A CR LF pair or a lone CR or LF ends a line; an
 * invalid UTF-8 sequence counts as one column. */
static void cursor_step(JpCursor *c, const unsigned char *s, size_t len)
{
    unsigned char b = s[c->pos];
    if (b >= 0x20 && b < 0x80) { /* the common case first */
        c->pos++;
        c->col++;
        return;
    }
    if (b == '\n' || b == '\r') {
        c->pos += (b == '\r' && c->pos + 1 < len && s[c->pos + 1] == '\n') ? 2 : 1;
        c->line++;
        c->col = 1;
        return;
    }
    uint32_t cp;
    int n = tu_utf8_decode(s + c->pos, len - c->pos, &cp);
    c->pos += n > 0 ? (size_t)n : 1;
    c->col++;
}

/* Moves over n ASCII bytes on one line. */
static void cursor_skip_ascii(JpCursor *c, size_t n)
{
    c->pos += n;
    c->col += (int)n;
}

/* ---- prescan ------------------------------------------------------------- */

enum { JP_MAX_BAD_REPORTS = 20 };

typedef struct JpScan {
    const unsigned char *s;
    size_t len;
    JpCursor c;
    Diagnostics *d;
    int bad_reports; /* invalid bytes reported so far */
    bool failed;
} JpScan;

/* Invalid bytes come in floods (a whole file in the wrong encoding): report
 * the first few, then say that more follow, then stay quiet. */
static bool scan_may_report(JpScan *sc)
{
    sc->failed = true;
    sc->bad_reports++;
    if (sc->bad_reports == JP_MAX_BAD_REPORTS + 1) {
        diags_add(sc->d, SEV_ERROR, "KA102", sc->c.line, sc->c.col, "",
                  "more invalid characters follow; only the first %d are reported",
                  JP_MAX_BAD_REPORTS);
    }
    return sc->bad_reports <= JP_MAX_BAD_REPORTS;
}

/* Length of the bad spot: a lead byte and the continuation bytes after it,
 * so one truncated character is reported once. */
static size_t scan_bad_length(const unsigned char *s, size_t len)
{
    unsigned char b = s[0];
    size_t want = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    size_t k = 1;
    while (k < want && k < len && (s[k] & 0xC0u) == 0x80u) {
        k++;
    }
    return k;
}

static void scan_invalid_utf8(JpScan *sc)
{
    unsigned char b = sc->s[sc->c.pos];
    if (scan_may_report(sc)) {
        diags_add(sc->d, SEV_ERROR, "KA102", sc->c.line, sc->c.col, "",
                  "byte 0x%02X here is not valid UTF-8; save the file as UTF-8 "
                  "(it may have been saved as Windows-1251, Windows-1252 or Latin-1)",
                  (unsigned)b);
    }
    sc->c.pos += scan_bad_length(sc->s + sc->c.pos, sc->len - sc->c.pos);
    sc->c.col++;
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* The value of \uXXXX at s[at], or -1 when it is not one. */
static long scan_u_escape(const unsigned char *s, size_t len, size_t at)
{
    if (at + 6 > len || s[at] != '\\' || s[at + 1] != 'u') {
        return -1;
    }
    long v = 0;
    for (size_t i = 2; i < 6; i++) {
        int h = hex_value(s[at + i]);
        if (h < 0) {
            return -1;
        }
        v = v * 16 + h;
    }
    return v;
}

/* Handles a backslash escape inside a string; returns the bytes it stands
 * for in the decoded string. Malformed escapes are left to the syntax check. */
static size_t scan_escape(JpScan *sc)
{
    long v = scan_u_escape(sc->s, sc->len, sc->c.pos);
    if (v < 0) {
        size_t n = sc->c.pos + 1 < sc->len ? 2 : 1;
        if (n == 2 && sc->s[sc->c.pos + 1] >= 0x80) {
            cursor_skip_ascii(&sc->c, 1); /* let the main loop decode it */
            return 0;
        }
        cursor_skip_ascii(&sc->c, n);
        return 1;
    }
    if (v == 0) {
        sc->failed = true;
        diags_add(sc->d, SEV_ERROR, "KA106", sc->c.line, sc->c.col, "",
                  "the escape \\u0000 (character 0) is not allowed in text; remove it");
        cursor_skip_ascii(&sc->c, 6);
        return 1;
    }
    if (v >= 0xD800 && v <= 0xDBFF) {
        long low = scan_u_escape(sc->s, sc->len, sc->c.pos + 6);
        if (low >= 0xDC00 && low <= 0xDFFF) {
            cursor_skip_ascii(&sc->c, 12);
            return 4;
        }
    }
    if (v >= 0xD800 && v <= 0xDFFF) {
        if (scan_may_report(sc)) {
            diags_add(sc->d, SEV_ERROR, "KA102", sc->c.line, sc->c.col, "",
                      "the escape \\u%04lX is half of a surrogate pair and is not a character "
                      "on its own; write the character itself instead",
                      (unsigned long)v);
        }
        cursor_skip_ascii(&sc->c, 6);
        return 3;
    }
    cursor_skip_ascii(&sc->c, 6);
    return v < 0x80 ? 1 : v < 0x800 ? 2 : 3;
}

/* Scans a string from its opening quote to just past its closing quote (or
 * the end of the file), checking its decoded length. */
static void scan_string(JpScan *sc)
{
    JsonPos start = cursor_pos(&sc->c);
    size_t decoded = 0;
    cursor_skip_ascii(&sc->c, 1);
    while (sc->c.pos < sc->len) {
        unsigned char b = sc->s[sc->c.pos];
        if (b == '"') {
            cursor_skip_ascii(&sc->c, 1);
            break;
        }
        if (b == '\\') {
            decoded += scan_escape(sc);
            continue;
        }
        if (b == 0) {
            return; /* the main loop reports NUL bytes */
        }
        uint32_t cp;
        int n = tu_utf8_decode(sc->s + sc->c.pos, sc->len - sc->c.pos, &cp);
        if (n == 0) {
            scan_invalid_utf8(sc);
            continue;
        }
        decoded += (size_t)n;
        cursor_step(&sc->c, sc->s, sc->len);
    }
    if (decoded > SCN_MAX_STRING_BYTES) {
        sc->failed = true;
        diags_add(sc->d, SEV_ERROR, "KA107", start.line, start.col, "",
                  "this text is %zu bytes long; the limit is %d bytes", decoded,
                  (int)SCN_MAX_STRING_BYTES);
    }
}

static bool scan_is_utf16(const unsigned char *s, size_t len)
{
    return len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF));
}

bool jp_prescan(const char *buf, size_t len, Diagnostics *d)
{
    JpScan sc = {(const unsigned char *)buf, len, cursor_start(), d, 0, false};
    if (scan_is_utf16(sc.s, len)) {
        diags_add(d, SEV_ERROR, "KA102", 1, 1, "",
                  "the file is saved as UTF-16; save it as UTF-8 instead");
        return false;
    }
    int depth = 0;
    while (sc.c.pos < len) {
        unsigned char b = sc.s[sc.c.pos];
        if (b == 0) {
            if (scan_may_report(&sc)) {
                diags_add(d, SEV_ERROR, "KA106", sc.c.line, sc.c.col, "",
                          "the file contains a NUL byte (character 0); is it really a text "
                          "file saved as UTF-8?");
            }
            cursor_skip_ascii(&sc.c, 1);
        } else if (b == '"') {
            scan_string(&sc);
        } else if (b == '{' || b == '[') {
            if (++depth > SCN_MAX_DEPTH) {
                /* Stop here: the rest of a hostile file costs nothing. */
                diags_add(d, SEV_ERROR, "KA104", sc.c.line, sc.c.col, "",
                          "'%c' nests more than %d levels deep; a scenario never needs "
                          "this much nesting (is a closing bracket missing?)",
                          b, (int)SCN_MAX_DEPTH);
                return false;
            }
            cursor_skip_ascii(&sc.c, 1);
        } else if (b == '}' || b == ']') {
            depth -= depth > 0;
            cursor_skip_ascii(&sc.c, 1);
        } else {
            uint32_t cp;
            if (tu_utf8_decode(sc.s + sc.c.pos, len - sc.c.pos, &cp) == 0) {
                scan_invalid_utf8(&sc);
            } else {
                cursor_step(&sc.c, sc.s, len);
            }
        }
    }
    return !sc.failed;
}

/* ---- strict grammar walk, also used to build the position map ------------ */

/* The walker has three modes:
 *  - check (d set): the first mistake is reported and the walk stops;
 *  - repair (fix set): each mistake is reported and repaired, and the walk
 *    goes on (jp_repair);
 *  - map (map set): the text is strict JSON already; positions are recorded.
 * Repairs are recorded as edits of the original text, never made in place,
 * so the cursor always stands in the original text. */

enum { JP_MAX_OPEN = SCN_MAX_DEPTH + 8 }; /* brackets a repair walk keeps track of */

/* Maps offsets of a repaired text back to the original's lines and columns:
 * lookups come in document order, so both searches only move forward. */
typedef struct JpRemap {
    const JpRepair *r;
    size_t segment;       /* the segment of the last lookup */
    const unsigned char *orig;
    size_t orig_len;
    JpCursor at;          /* in the original text */
} JpRemap;

typedef struct JpWalker {
    const unsigned char *s;
    size_t len;
    JpCursor c;
    Diagnostics *d;  /* check and repair modes: the syntax errors go here */
    JsonPosMap *map; /* map mode: positions go here */
    JpRepair *fix;   /* repair mode: the edits go here */
    JpRemap *remap;  /* map mode over a repaired text: positions of the original */
    char open[JP_MAX_OPEN]; /* the brackets open at the cursor, innermost last */
    int depth;
    bool ok;
} JpWalker;

static bool repairing(const JpWalker *w)
{
    return w->fix && w->ok;
}

static void walk_report(JpWalker *w, const char *code, JsonPos at, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static void walk_report(JpWalker *w, const char *code, JsonPos at, const char *fmt, va_list ap)
{
    if (!w->ok) {
        return;
    }
    if (w->fix) {
        JpRepair *r = w->fix;
        if (r->errors == 0) {
            r->first = at;
        }
        if (++r->errors > JP_MAX_SYNTAX_REPORTS) {
            diags_add(w->d, SEV_ERROR, "KA103", at.line, at.col, "",
                      "more syntax errors follow; only the first %d are reported: fix these "
                      "and validate again",
                      JP_MAX_SYNTAX_REPORTS);
            r->gave_up = true;
            w->ok = false;
            return;
        }
    } else {
        w->ok = false;
    }
    if (!w->d) {
        return;
    }
    char text[512];
    vsnprintf(text, sizeof text, fmt, ap);
    diags_add(w->d, SEV_ERROR, code, at.line, at.col, "", "%s", text);
}

static void walk_error(JpWalker *w, JsonPos at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void walk_error(JpWalker *w, JsonPos at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    walk_report(w, "KA103", at, fmt, ap);
    va_end(ap);
}

/* Repair mode only: the codes of the specific messages. */
static void walk_error_code(JpWalker *w, const char *code, JsonPos at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void walk_error_code(JpWalker *w, const char *code, JsonPos at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    walk_report(w, code, at, fmt, ap);
    va_end(ap);
}

/* Records a repair: del bytes at `at` become ins. Gives up when there are too
 * many (the walk then stops). */
static void fix_edit(JpWalker *w, size_t at, size_t del, const char *ins)
{
    if (!repairing(w)) {
        return;
    }
    JpRepair *r = w->fix;
    if (r->edit_count >= JP_MAX_EDITS) {
        r->gave_up = true;
        w->ok = false;
        return;
    }
    JpEdit e = {at, del, ins};
    r->edits[r->edit_count++] = e;
}

static int walk_peek(const JpWalker *w)
{
    return w->c.pos < w->len ? w->s[w->c.pos] : -1;
}

static int walk_peek_at(const JpWalker *w, size_t k)
{
    return w->c.pos + k < w->len ? w->s[w->c.pos + k] : -1;
}

static bool starts_with(const JpWalker *w, size_t at, const char *bytes)
{
    size_t n = strlen(bytes);
    return at + n <= w->len && memcmp(w->s + at, bytes, n) == 0;
}

/* Moves the cursor to byte offset `to` (on or after it, at a character). */
static void walk_to(JpWalker *w, size_t to)
{
    while (w->c.pos < to && w->c.pos < w->len) {
        cursor_step(&w->c, w->s, w->len);
    }
}

/* Repair mode: a comment, reported and removed; true when there was one. */
static bool walk_comment(JpWalker *w)
{
    int b = walk_peek(w);
    int next = walk_peek_at(w, 1);
    bool line = (b == '/' && next == '/') || b == '#';
    bool block = b == '/' && next == '*';
    if (!line && !block) {
        return false;
    }
    JsonPos at = cursor_pos(&w->c);
    size_t start = w->c.pos;
    size_t end = start;
    if (line) {
        while (end < w->len && w->s[end] != '\n' && w->s[end] != '\r') {
            end++;
        }
        walk_error(w, at, "JSON has no comments: remove this comment (a note for other authors "
                          "can go in a text such as the account's \"description\")");
    } else {
        const unsigned char *close = NULL;
        for (size_t i = start + 2; i + 1 < w->len; i++) {
            if (w->s[i] == '*' && w->s[i + 1] == '/') {
                close = w->s + i;
                break;
            }
        }
        end = close ? (size_t)(close - w->s) + 2 : w->len;
        if (close) {
            walk_error(w, at, "JSON has no comments: remove this /* ... */ comment");
        } else {
            walk_error(w, at, "JSON has no comments, and this /* comment is never closed: "
                              "remove it");
        }
    }
    fix_edit(w, start, end - start, "");
    walk_to(w, end);
    return true;
}

static void walk_ws(JpWalker *w)
{
    for (;;) {
        int b = walk_peek(w);
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            cursor_step(&w->c, w->s, w->len);
        } else if (!repairing(w) || !walk_comment(w)) {
            return;
        }
    }
}

static bool is_word_byte(int b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
           b == '_' || b >= 0x80;
}

static bool is_digit(int b)
{
    return b >= '0' && b <= '9';
}

/* Describes what stands at the cursor, for "but found ..." messages. */
static void walk_describe(const JpWalker *w, char *out, size_t cap)
{
    int b = walk_peek(w);
    if (b < 0) {
        snprintf(out, cap, "the end of the file");
        return;
    }
    if (is_word_byte(b) && !(b >= '0' && b <= '9')) {
        size_t n = 0;
        while (w->c.pos + n < w->len && n < 40 && is_word_byte(w->s[w->c.pos + n])) {
            n++;
        }
        while (n > 0 && w->c.pos + n < w->len && (w->s[w->c.pos + n] & 0xC0u) == 0x80u) {
            n--; /* do not cut a character in half */
        }
        snprintf(out, cap, "the word '%.*s'", (int)n, (const char *)w->s + w->c.pos);
        return;
    }
    if (b >= 0x20 && b < 0x7F) {
        snprintf(out, cap, "'%c'", b);
    } else {
        snprintf(out, cap, "character U+%04X", (unsigned)b);
    }
}

/* A word where a value or key should be: say how to fix the usual causes. */
static void walk_error_found(JpWalker *w, const char *expected)
{
    char found[96];
    walk_describe(w, found, sizeof found);
    JsonPos at = cursor_pos(&w->c);
    int b = walk_peek(w);
    if (b == '\'') {
        walk_error(w, at, "text and keys must be in double quotes (\"...\"), not single quotes");
    } else if (b == '/' && w->c.pos + 1 < w->len &&
               (w->s[w->c.pos + 1] == '/' || w->s[w->c.pos + 1] == '*')) {
        walk_error(w, at, "comments are not allowed in JSON; remove the comment");
    } else if (b == '+') {
        walk_error(w, at, "numbers must not start with '+'; remove it");
    } else if (b == '.') {
        walk_error(w, at, "numbers must start with a digit: write 0.5, not .5");
    } else if (b >= 0 && is_word_byte(b)) {
        walk_error(w, at,
                   "expected %s but found %s; text must be in double quotes, and true, "
                   "false and null are written in lower case",
                   expected, found);
    } else {
        walk_error(w, at, "expected %s but found %s", expected, found);
    }
}

/* ---- what people write instead of JSON (repair mode) ---------------------- */

/* Typographic quotes, as word processors and some keyboards write them. */
static const char *const DOUBLE_QUOTES[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",
                                            "\xC2\xAB", "\xC2\xBB", "\"", NULL};
static const char *const SINGLE_QUOTES[] = {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9A",
                                            "'", NULL};

/* Length of the quote of `set` at s[at], or 0. */
static size_t quote_at(const JpWalker *w, size_t at, const char *const *set)
{
    for (; *set; set++) {
        if (starts_with(w, at, *set)) {
            return strlen(*set);
        }
    }
    return 0;
}

/* A typographic opening quote at the cursor: its length, and the set that
 * closes it. */
static size_t smart_quote(const JpWalker *w, const char *const **closers)
{
    size_t n = quote_at(w, w->c.pos, DOUBLE_QUOTES);
    if (n > 0 && walk_peek(w) != '"') {
        *closers = DOUBLE_QUOTES;
        return n;
    }
    n = quote_at(w, w->c.pos, SINGLE_QUOTES);
    if (n > 0 && walk_peek(w) != '\'') {
        *closers = SINGLE_QUOTES;
        return n;
    }
    return 0;
}

/* Currency signs written before or after a number. */
static const char *const CURRENCY_SIGNS[] = {"\xE2\x82\xAC", "$", "\xC2\xA3", "\xC2\xA5",
                                             "\xE2\x82\xBD", NULL};

static size_t currency_sign_at(const JpWalker *w, size_t at)
{
    return quote_at(w, at, CURRENCY_SIGNS);
}

/* A currency code (three capitals, such as EUR) at s[at], not part of a
 * longer word: 3, or 0. */
static size_t currency_code_at(const JpWalker *w, size_t at)
{
    for (size_t i = 0; i < 3; i++) {
        if (at + i >= w->len || w->s[at + i] < 'A' || w->s[at + i] > 'Z') {
            return 0;
        }
    }
    return at + 3 < w->len && is_word_byte(w->s[at + 3]) ? 0 : 3;
}

/* Spaces people put inside numbers: the space, the no-break space and the
 * narrow no-break and thin spaces. */
static size_t space_at(const JpWalker *w, size_t at)
{
    if (at < w->len && w->s[at] == ' ') {
        return 1;
    }
    static const char *const SPACES[] = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", NULL};
    return quote_at(w, at, SPACES);
}

static size_t skip_spaces(const JpWalker *w, size_t at)
{
    for (size_t n = space_at(w, at); n > 0; n = space_at(w, at)) {
        at += n;
    }
    return at;
}

/* Thousands groups after the first digits of a number at s[at]: the first
 * group of 1-3 digits, then one or more groups of exactly 3 digits, each
 * after the same separator (',', '.', an apostrophe or a space). Returns the
 * end of the last group, or 0 when there are none. in_object: a comma or a
 * space cannot start the next item there (in a list it can). */
static size_t thousands_end(const JpWalker *w, size_t at, bool in_object)
{
    size_t first = 0;
    while (at + first < w->len && is_digit(w->s[at + first])) {
        first++;
    }
    if (first == 0 || first > 3) {
        return 0;
    }
    size_t p = at + first;
    size_t n = 0;
    int sep = 0;
    if (p < w->len && (w->s[p] == ',' || w->s[p] == '.' || w->s[p] == '\'')) {
        sep = w->s[p];
        n = 1;
    } else if (starts_with(w, p, "\xE2\x80\x99")) {
        sep = 0x2019;
        n = 3;
    } else if ((n = space_at(w, p)) > 0) {
        sep = ' ';
    }
    if (n == 0 || ((sep == ',' || sep == ' ') && !in_object)) {
        return 0;
    }
    int groups = 0;
    size_t end = 0;
    while (p + n + 3 <= w->len) {
        bool same = sep == ' ' ? space_at(w, p) == n : memcmp(w->s + p, w->s + at + first, n) == 0;
        const unsigned char *g = w->s + p + n;
        if (!same || !is_digit(g[0]) || !is_digit(g[1]) || !is_digit(g[2]) ||
            (p + n + 3 < w->len && is_digit(g[3]))) {
            break;
        }
        groups++;
        p += n + 3;
        end = p;
    }
    /* 2.400 is a number with a fraction; 2.400.000 is not */
    return groups >= (sep == '.' ? 2 : 1) ? end : 0;
}

/* The digits of s[from..to), for "write 2400000". */
static void digits_of(const JpWalker *w, size_t from, size_t to, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = from; i < to && n + 1 < cap; i++) {
        if (is_digit(w->s[i]) || (i == from && w->s[i] == '-')) {
            out[n++] = (char)w->s[i];
        }
    }
    out[n] = '\0';
}

/* Removes the thousands separators of the digits at the cursor (already
 * reported or to be reported by the caller); returns false when there are
 * none. */
static bool fix_thousands(JpWalker *w, bool in_object, bool report, size_t number_start)
{
    size_t end = thousands_end(w, w->c.pos, in_object);
    if (end == 0) {
        return false;
    }
    if (report) {
        char digits[64];
        digits_of(w, number_start, end, digits, sizeof digits);
        JsonPos at = cursor_pos(&w->c);
        walk_error_code(w, "KA109", at,
                        "numbers have no thousands separators: write %s, not %.*s", digits,
                        (int)(end - number_start), (const char *)w->s + number_start);
    }
    for (size_t p = w->c.pos; p < end;) {
        if (is_digit(w->s[p])) {
            p++;
            continue;
        }
        size_t n = w->s[p] == ',' || w->s[p] == '.' || w->s[p] == '\'' ? 1
                   : space_at(w, p) > 0                                  ? space_at(w, p)
                                                                         : 3; /* U+2019 */
        fix_edit(w, p, n, "");
        p += n;
    }
    walk_to(w, end);
    return true;
}

/* After a number: a currency or a percent sign written with it, reported and
 * removed. */
static void fix_number_suffix(JpWalker *w, size_t number_start, JsonPos at)
{
    size_t after = skip_spaces(w, w->c.pos);
    size_t n = currency_sign_at(w, after);
    bool percent = false;
    if (n == 0) {
        n = currency_code_at(w, after);
    }
    if (n == 0 && after < w->len && w->s[after] == '%') {
        n = 1;
        percent = true;
    }
    if (n == 0) {
        return;
    }
    char digits[64];
    digits_of(w, number_start, w->c.pos, digits, sizeof digits);
    if (percent) {
        walk_error_code(w, "KA109", at, "numbers have no units: write %s, not %.*s", digits,
                        (int)(after + n - number_start), (const char *)w->s + number_start);
    } else {
        walk_error_code(w, "KA109", at,
                        "numbers have no currency: write %s, not %.*s (the scenario's "
                        "\"currency\" names it once for every amount)",
                        digits, (int)(after + n - number_start), (const char *)w->s + number_start);
    }
    fix_edit(w, w->c.pos, after + n - w->c.pos, "");
    walk_to(w, after + n);
}

/* ---- strings ---------------------------------------------------------------- */

/* A string that runs into the end of the line: closes it there, or before a
 * comma it ends with ("text,\n": the comma was meant to follow the string). */
static void fix_unclosed_at_eol(JpWalker *w, const JpCursor *comma, size_t edits_before)
{
    if (comma && w->fix && w->fix->edit_count == edits_before) {
        w->c = *comma;
    }
    fix_edit(w, w->c.pos, 0, "\"");
}

/* Moves over a string from its opening quote. A key's closing typographic
 * quote followed by ':' is repaired (the rest of the key was straight). */
static void walk_string_body(JpWalker *w, bool is_key)
{
    JsonPos start = cursor_pos(&w->c);
    size_t edits_before = w->fix ? w->fix->edit_count : 0;
    JpCursor comma = {0, 0, 0};
    bool comma_last = false; /* only spaces since the last comma */
    cursor_skip_ascii(&w->c, 1);
    for (;;) {
        int b = walk_peek(w);
        if (b < 0) {
            walk_error(w, start, "this text is never closed; add the missing '\"'");
            fix_edit(w, w->len, 0, "\"");
            return;
        }
        if (b == '"') {
            cursor_skip_ascii(&w->c, 1);
            return;
        }
        if (b == '\n' || b == '\r') {
            walk_error(w, cursor_pos(&w->c),
                       "the text is not closed before the end of the line: add the missing "
                       "'\"', or write \\n for a line break inside text");
            fix_unclosed_at_eol(w, comma_last ? &comma : NULL, edits_before);
            return;
        }
        if (b < 0x20) {
            walk_error(w, cursor_pos(&w->c),
                       "control character U+%04X (for example a tab) is not allowed inside "
                       "text; write \\t for a tab",
                       (unsigned)b);
            if (!repairing(w)) {
                return;
            }
            fix_edit(w, w->c.pos, 1, b == '\t' ? "\\t" : " ");
            cursor_skip_ascii(&w->c, 1);
            continue;
        }
        if (b == '\\') {
            int e = walk_peek_at(w, 1);
            bool bad_u = e == 'u' && scan_u_escape(w->s, w->len, w->c.pos) < 0;
            if (bad_u) {
                walk_error(w, cursor_pos(&w->c), "'\\u' must be followed by four hexadecimal digits");
            } else if (e < 0 || !strchr("\"\\/bfnrtu", e)) {
                walk_error(w, cursor_pos(&w->c),
                           "this backslash starts no valid escape; write \\\\ for a backslash, "
                           "\\\" for a quote, \\n for a line break");
            } else {
                cursor_skip_ascii(&w->c, e == 'u' ? 6 : 2);
                comma_last = false;
                continue;
            }
            if (!repairing(w)) {
                return;
            }
            fix_edit(w, w->c.pos, 0, "\\"); /* the backslash stands for itself */
            cursor_skip_ascii(&w->c, 1);
            continue;
        }
        if (is_key && repairing(w) && b >= 0x80) {
            size_t q = quote_at(w, w->c.pos, DOUBLE_QUOTES);
            size_t after = q > 0 ? w->c.pos + q : 0;
            while (after > 0 && after < w->len && (w->s[after] == ' ' || w->s[after] == '\t')) {
                after++;
            }
            if (after > 0 && after < w->len && w->s[after] == ':') {
                walk_error_code(w, "KA110", cursor_pos(&w->c),
                                "this key ends with the typographic quote %.*s (as word "
                                "processors write it): write a straight '\"' instead",
                                (int)q, (const char *)w->s + w->c.pos);
                fix_edit(w, w->c.pos, q, "\"");
                walk_to(w, w->c.pos + q);
                return;
            }
        }
        if (b == ',') {
            comma = w->c;
            comma_last = true;
        } else if (b != ' ' && b != '\t') {
            comma_last = false;
        }
        cursor_step(&w->c, w->s, w->len);
    }
}

/* Repair mode: text between quotes of the wrong kind (single or typographic)
 * from the cursor: the quotes become '"', a '"' or a lone backslash inside
 * is escaped, and a text not closed on its line is closed at its end. */
static void fix_quoted(JpWalker *w, size_t open_len, const char *const *closers)
{
    size_t edits_before = w->fix->edit_count;
    fix_edit(w, w->c.pos, open_len, "\"");
    walk_to(w, w->c.pos + open_len);
    JpCursor comma = {0, 0, 0};
    bool comma_last = false;
    while (repairing(w)) {
        int b = walk_peek(w);
        if (b < 0) {
            fix_edit(w, w->len, 0, "\"");
            return;
        }
        if (b == '\n' || b == '\r') {
            fix_unclosed_at_eol(w, comma_last ? &comma : NULL, edits_before + 1);
            return;
        }
        size_t q = quote_at(w, w->c.pos, closers);
        if (q > 0) {
            fix_edit(w, w->c.pos, q, "\"");
            walk_to(w, w->c.pos + q);
            return;
        }
        if (b == '"') {
            fix_edit(w, w->c.pos, 0, "\\");
        } else if (b == '\\') {
            int e = walk_peek_at(w, 1);
            if (e >= 0 && strchr("\"\\/bfnrt", e)) {
                cursor_skip_ascii(&w->c, 1); /* a valid escape: keep it */
            } else {
                fix_edit(w, w->c.pos, 0, "\\");
            }
        } else if (b < 0x20) {
            fix_edit(w, w->c.pos, 1, b == '\t' ? "\\t" : " ");
        }
        if (b == ',') {
            comma = w->c;
            comma_last = true;
        } else if (b != ' ' && b != '\t') {
            comma_last = false;
        }
        cursor_step(&w->c, w->s, w->len);
    }
}

/* Repair mode: at a key or a value that starts with the wrong quote, reports
 * it and repairs the text; false when the cursor is at no such quote. */
static bool fix_wrong_quotes(JpWalker *w)
{
    const char *const *closers = NULL;
    size_t n = smart_quote(w, &closers);
    JsonPos at = cursor_pos(&w->c);
    if (n > 0) {
        size_t end = w->c.pos + n;
        while (end < w->len && w->s[end] != '\n' && w->s[end] != '\r' &&
               quote_at(w, end, closers) == 0 && end - w->c.pos < 40) {
            end++;
        }
        while (end < w->len && (w->s[end] & 0xC0u) == 0x80u) {
            end++; /* whole characters */
        }
        walk_error_code(w, "KA110", at,
                        "%.*s is a typographic quote (as word processors write them): keys and "
                        "text need straight double quotes: write \"%.*s\"",
                        (int)n, (const char *)w->s + w->c.pos, (int)(end - w->c.pos - n),
                        (const char *)w->s + w->c.pos + n);
        fix_quoted(w, n, closers);
        return true;
    }
    if (walk_peek(w) == '\'') {
        walk_error(w, at, "text and keys must be in double quotes (\"...\"), not single quotes");
        static const char *const APOSTROPHE[] = {"'", NULL};
        fix_quoted(w, 1, APOSTROPHE);
        return true;
    }
    return false;
}

/* Repair mode: a bare word (a key or a value without quotes) put in quotes.
 * A value runs to the end of its line or the next ',', '}' or ']', so that
 * `"name": Anna Berg,` becomes one text. */
static void fix_bare_word(JpWalker *w, bool is_value)
{
    size_t start = w->c.pos;
    size_t end = start;
    size_t last = start; /* after the last character that is not a space */
    while (end < w->len) {
        unsigned char b = w->s[end];
        bool stop = is_value ? (b == ',' || b == '}' || b == ']' || b == '\n' || b == '\r' ||
                                b == '"' || b == '\\' || b == ':' || b < 0x20)
                             : !(is_word_byte(b) || b == '-' || b == '.');
        if (stop) {
            break;
        }
        end++;
        if (b != ' ' && b != '\t') {
            last = end;
        }
    }
    fix_edit(w, start, 0, "\"");
    fix_edit(w, last, 0, "\"");
    walk_to(w, last);
}

/* A word that is true, false or null in the wrong case (or a null of another
 * language): its JSON spelling, or NULL. */
static const char *literal_spelling(const JpWalker *w, size_t n)
{
    static const char *const WORDS[][2] = {{"true", "true"}, {"false", "false"}, {"null", "null"},
                                           {"none", "null"}, {"nil", "null"}, {"undefined", "null"}};
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++) {
        size_t k = strlen(WORDS[i][0]);
        if (k != n) {
            continue;
        }
        size_t j = 0;
        while (j < k && (w->s[w->c.pos + j] | 0x20) == WORDS[i][0][j]) {
            j++;
        }
        if (j == k) {
            return WORDS[i][1];
        }
    }
    return NULL;
}

/* Deletes stray text from the cursor up to the next '"', ',', '}' or ']' at
 * this level (brackets and strings inside are skipped whole). The cursor
 * stands at something else, so at least one character goes. */
static void fix_skip_junk(JpWalker *w)
{
    size_t start = w->c.pos;
    int nest = 0;
    while (w->c.pos < w->len) {
        int b = walk_peek(w);
        if (nest == 0 && (b == '"' || b == ',' || b == '}' || b == ']') && w->c.pos > start) {
            break;
        }
        if (nest > 0 && b == '"') {
            cursor_skip_ascii(&w->c, 1);
            while (w->c.pos < w->len && walk_peek(w) != '"' && walk_peek(w) != '\n') {
                if (walk_peek(w) == '\\') {
                    cursor_skip_ascii(&w->c, 1);
                    if (w->c.pos >= w->len) {
                        break;
                    }
                }
                cursor_step(&w->c, w->s, w->len);
            }
            if (w->c.pos < w->len) {
                cursor_step(&w->c, w->s, w->len);
            }
            continue;
        }
        nest += b == '{' || b == '[';
        nest -= nest > 0 && (b == '}' || b == ']');
        cursor_step(&w->c, w->s, w->len);
    }
    fix_edit(w, start, w->c.pos - start, "");
}

/* ---- numbers, literals ------------------------------------------------------- */

static size_t walk_digits(JpWalker *w)
{
    size_t n = 0;
    for (int b = walk_peek(w); b >= '0' && b <= '9'; b = walk_peek(w)) {
        cursor_skip_ascii(&w->c, 1);
        n++;
    }
    return n;
}

/* quiet: a currency was already reported for this number. */
static void walk_number(JpWalker *w, bool in_object, bool quiet)
{
    JsonPos start = cursor_pos(&w->c);
    size_t start_pos = w->c.pos;
    if (walk_peek(w) == '-') {
        cursor_skip_ascii(&w->c, 1);
    }
    int first = walk_peek(w);
    size_t digits_at = w->c.pos;
    bool grouped = repairing(w) && fix_thousands(w, in_object, !quiet, start_pos);
    size_t int_digits = grouped ? 1 : walk_digits(w);
    if (int_digits == 0) {
        walk_error(w, start, "a digit must follow '-'");
        if (!repairing(w)) {
            return;
        }
        fix_edit(w, w->c.pos, 0, "0");
    }
    if (first == '0' && int_digits > 1) {
        walk_error(w, start, "numbers cannot start with 0 (write 7, not 07)");
        if (!repairing(w)) {
            return;
        }
        size_t zeros = 0;
        while (zeros + 1 < int_digits && w->s[digits_at + zeros] == '0') {
            zeros++;
        }
        fix_edit(w, digits_at, zeros, "");
    }
    if (walk_peek(w) == '.') {
        cursor_skip_ascii(&w->c, 1);
        if (walk_digits(w) == 0) {
            walk_error(w, start, "a digit must follow the decimal point (write 1.0 or 1)");
            if (!repairing(w)) {
                return;
            }
            fix_edit(w, w->c.pos, 0, "0");
        }
    }
    if (walk_peek(w) == 'e' || walk_peek(w) == 'E') {
        cursor_skip_ascii(&w->c, 1);
        if (walk_peek(w) == '+' || walk_peek(w) == '-') {
            cursor_skip_ascii(&w->c, 1);
        }
        if (walk_digits(w) == 0) {
            walk_error(w, start, "a digit must follow the exponent 'e' of this number");
            fix_edit(w, w->c.pos, 0, "0");
        }
    }
    if (repairing(w) && !quiet) {
        fix_number_suffix(w, start_pos, start);
    }
}

/* Repair mode: a currency before a number (€240000, $240,000, EUR 240000),
 * reported and removed; false when there is none. */
static bool fix_currency_prefix(JpWalker *w, bool in_object)
{
    size_t n = currency_sign_at(w, w->c.pos);
    if (n == 0) {
        n = currency_code_at(w, w->c.pos);
    }
    if (n == 0) {
        return false;
    }
    size_t number = skip_spaces(w, w->c.pos + n);
    if (number >= w->len || !is_digit(w->s[number])) {
        return false;
    }
    size_t end = thousands_end(w, number, in_object);
    if (end == 0) {
        end = number;
        while (end < w->len && is_digit(w->s[end])) {
            end++;
        }
    }
    char digits[64];
    digits_of(w, number, end, digits, sizeof digits);
    walk_error_code(w, "KA109", cursor_pos(&w->c),
                    "numbers have no currency: write %s, not %.*s (the scenario's \"currency\" "
                    "names it once for every amount)",
                    digits, (int)(end - w->c.pos), (const char *)w->s + w->c.pos);
    fix_edit(w, w->c.pos, number - w->c.pos, "");
    walk_to(w, number);
    return true;
}

static bool walk_literal(JpWalker *w, const char *word)
{
    size_t n = strlen(word);
    if (w->c.pos + n <= w->len && memcmp(w->s + w->c.pos, word, n) == 0 &&
        (w->c.pos + n == w->len || !is_word_byte(w->s[w->c.pos + n]) || !repairing(w))) {
        cursor_skip_ascii(&w->c, n);
        return true;
    }
    return false;
}

/* ---- objects and lists -------------------------------------------------------- */

static void map_put(JpWalker *w, const cJSON *node, JsonPos value, JsonPos key);
static void walk_value(JpWalker *w, const cJSON *node, JsonPos key, bool in_object);
static JsonPos walk_here(JpWalker *w);

/* Checks that the tree has the node the text has (map mode only). */
static bool walk_expect_node(JpWalker *w, const cJSON *node, int type)
{
    if (!w->map) {
        return true;
    }
    if (!node || (node->type & 0xFF) != type) {
        w->ok = false;
        return false;
    }
    return true;
}

static bool walk_push(JpWalker *w, char bracket)
{
    if (w->depth >= JP_MAX_OPEN) {
        w->ok = false; /* repairs cannot nest deeper than the prescan allowed */
        return false;
    }
    w->open[w->depth++] = bracket;
    return true;
}

/* Is a bracket of this kind open outside the innermost one? */
static bool walk_open_outside(const JpWalker *w, char bracket)
{
    for (int i = w->depth - 2; i >= 0; i--) {
        if (w->open[i] == bracket) {
            return true;
        }
    }
    return false;
}

/* The file ends inside brackets: said once, for the innermost; every open
 * bracket gets its closer at the end. */
static void fix_close_at_end(JpWalker *w, JsonPos open, const char *what, const char *closer)
{
    if (!w->fix || !w->fix->eof_reported) {
        walk_error(w, cursor_pos(&w->c), "the file ends inside the %s opened at %d:%d; add the missing '%s'",
                   what, open.line, open.col, closer);
    }
    if (w->fix) {
        w->fix->eof_reported = true;
    }
    fix_edit(w, w->len, 0, closer);
}

/* A closer of the wrong kind: when an outer bracket is of its kind, the
 * inner one was left open (close it here); else the closer was mistyped
 * (replace it). Returns with the container closed. */
static void fix_wrong_closer(JpWalker *w, JsonPos open, bool object)
{
    const char *found = object ? "]" : "}";
    const char *want = object ? "}" : "]";
    walk_error(w, cursor_pos(&w->c), "found '%s' but the %s opened at %d:%d must be closed with '%s'",
               found, object ? "object" : "list", open.line, open.col, want);
    if (!repairing(w)) {
        return;
    }
    if (walk_open_outside(w, found[0])) {
        fix_edit(w, w->c.pos, 0, want);
    } else {
        fix_edit(w, w->c.pos, 1, want);
        cursor_skip_ascii(&w->c, 1);
    }
}

/* Can a value start here (for "a comma is missing")? */
static bool value_starts(const JpWalker *w, bool words)
{
    int b = walk_peek(w);
    const char *const *closers = NULL;
    return b == '"' || b == '{' || b == '[' || is_digit(b) ||
           (words && (b == '-' || b == '\'' || (b >= 0 && is_word_byte(b)) ||
                      smart_quote(w, &closers) > 0));
}

/* Does a key start here (for "a comma is missing"), quoted or not? A bare
 * word counts only when ':' follows it: `0x190` is no key. */
static bool key_starts(const JpWalker *w)
{
    int b = walk_peek(w);
    const char *const *closers = NULL;
    if (b >= 0 && is_word_byte(b)) {
        size_t p = w->c.pos;
        while (p < w->len && (is_word_byte(w->s[p]) || w->s[p] == '-' || w->s[p] == '.')) {
            p++;
        }
        while (p < w->len && (w->s[p] == ' ' || w->s[p] == '\t')) {
            p++;
        }
        return p < w->len && w->s[p] == ':';
    }
    return b == '"' || b == '\'' || smart_quote(w, &closers) > 0;
}

/* Repair mode: the key at the cursor does not start with '"'. Returns true
 * when the key was repaired (the cursor is after it). */
static bool fix_key(JpWalker *w)
{
    if (fix_wrong_quotes(w)) {
        return true;
    }
    int b = walk_peek(w);
    if (is_word_byte(b)) {
        char found[96];
        walk_describe(w, found, sizeof found);
        walk_error(w, cursor_pos(&w->c), "keys must be in double quotes: found %s", found);
        fix_bare_word(w, false);
        return true;
    }
    return false;
}

/* After a value in an object or a list: ',' and the next member, or the
 * closer. Returns true to go on to the next member, false when closed (or
 * stopped). */
static bool walk_after_value(JpWalker *w, JsonPos open, bool object, size_t *comma_at)
{
    const char *what = object ? "object" : "list";
    char closer = object ? '}' : ']';
    char other = object ? ']' : '}';
    *comma_at = SIZE_MAX;
    for (;;) {
        JpCursor after_value = w->c;
        walk_ws(w);
        if (!w->ok) {
            return false;
        }
        int b = walk_peek(w);
        if (b == closer) {
            cursor_skip_ascii(&w->c, 1);
            return false;
        }
        if (b == ',') {
            JsonPos comma = cursor_pos(&w->c);
            size_t comma_pos = w->c.pos;
            cursor_skip_ascii(&w->c, 1);
            walk_ws(w);
            b = walk_peek(w);
            if (b == closer || (repairing(w) && b == other)) {
                walk_error(w, comma, object ? "remove this comma: JSON allows no comma after the last member"
                                            : "remove this comma: JSON allows no comma after the last item");
                fix_edit(w, comma_pos, 1, "");
                if (b == other) {
                    fix_wrong_closer(w, open, object);
                } else {
                    cursor_skip_ascii(&w->c, 1);
                }
                return false;
            }
            if (repairing(w) && b < 0) {
                fix_edit(w, comma_pos, 1, ""); /* the missing closer is what gets reported */
                fix_close_at_end(w, open, what, object ? "}" : "]");
                return false;
            }
            *comma_at = comma_pos;
            return w->ok;
        }
        if (b < 0) {
            fix_close_at_end(w, open, what, object ? "}" : "]");
            return false;
        }
        if (b == other) {
            fix_wrong_closer(w, open, object);
            return false;
        }
        if (repairing(w) && b == ';') {
            walk_error(w, cursor_pos(&w->c), "use ',' between %s, not ';'", object ? "members" : "items");
            fix_edit(w, w->c.pos, 1, ",");
            cursor_skip_ascii(&w->c, 1);
            return w->ok;
        }
        if (object ? (b == '"' || (repairing(w) && key_starts(w))) : value_starts(w, repairing(w))) {
            walk_error(w, cursor_pos(&after_value),
                       object ? "a comma is missing here, between this member and the next"
                              : "a comma is missing here, between this item and the next");
            fix_edit(w, after_value.pos, 0, ",");
            return w->ok;
        }
        char found[96];
        walk_describe(w, found, sizeof found);
        walk_error(w, cursor_pos(&w->c), "expected ',' or '%c' after the %s but found %s", closer,
                   object ? "value" : "item", found);
        if (!repairing(w)) {
            return false;
        }
        fix_skip_junk(w);
    }
}

static void walk_object(JpWalker *w, const cJSON *node)
{
    JsonPos open = cursor_pos(&w->c);
    const cJSON *child = node ? node->child : NULL;
    if (!walk_push(w, '{')) {
        return;
    }
    cursor_skip_ascii(&w->c, 1);
    walk_ws(w);
    if (walk_peek(w) == '}') {
        cursor_skip_ascii(&w->c, 1);
        w->depth--;
        return;
    }
    size_t comma = SIZE_MAX; /* the comma before this member */
    for (;;) {
        walk_ws(w);
        if (!w->ok) {
            return;
        }
        JsonPos key = walk_here(w);
        int b = walk_peek(w);
        if (repairing(w) && comma != SIZE_MAX && (b < 0 || b == '}' || b == ']')) {
            fix_edit(w, comma, 1, ""); /* stray text between it and the closer was removed */
        }
        if (b < 0) {
            fix_close_at_end(w, open, "object", "}");
            break;
        }
        if (repairing(w) && b == '}') { /* after a repair: the object ends */
            cursor_skip_ascii(&w->c, 1);
            break;
        }
        if (repairing(w) && b == ']') {
            fix_wrong_closer(w, open, true);
            break;
        }
        if (b != '"') {
            bool fixed = repairing(w) && fix_key(w);
            if (!fixed) {
                if (is_word_byte(b)) {
                    char found[96];
                    walk_describe(w, found, sizeof found);
                    walk_error(w, key, "keys must be in double quotes: found %s", found);
                } else {
                    walk_error_found(w, "a key in double quotes");
                }
                if (!repairing(w)) {
                    return;
                }
                if (b == ',' || b == ':') {
                    fix_edit(w, w->c.pos, 1, "");
                    cursor_skip_ascii(&w->c, 1);
                } else {
                    fix_skip_junk(w);
                }
                continue;
            }
        } else {
            walk_string_body(w, true);
        }
        walk_ws(w);
        if (!w->ok) {
            return;
        }
        if (walk_peek(w) != ':') {
            char found[96];
            walk_describe(w, found, sizeof found);
            walk_error(w, cursor_pos(&w->c), "expected ':' after the key but found %s", found);
            if (!repairing(w)) {
                return;
            }
            b = walk_peek(w);
            if (b == '=') {
                fix_edit(w, w->c.pos, 1, ":");
                cursor_skip_ascii(&w->c, 1);
            } else if (value_starts(w, true) || currency_sign_at(w, w->c.pos) > 0) {
                fix_edit(w, w->c.pos, 0, ":");
            } else {
                /* a key with no value: give it null, and skip what stands here */
                fix_edit(w, w->c.pos, 0, ":null");
                if (b >= 0 && b != ',' && b != '}' && b != ']') {
                    fix_skip_junk(w);
                }
                if (!walk_after_value(w, open, true, &comma)) {
                    break;
                }
                continue;
            }
        } else {
            cursor_skip_ascii(&w->c, 1);
        }
        if (w->map && !child) {
            w->ok = false;
            return;
        }
        walk_value(w, child, key, true);
        if (!w->ok) {
            return;
        }
        child = child ? child->next : NULL;
        if (!walk_after_value(w, open, true, &comma)) {
            break;
        }
    }
    w->depth -= w->ok;
}

static void walk_array(JpWalker *w, const cJSON *node)
{
    static const JsonPos no_key = {0, 0};
    JsonPos open = cursor_pos(&w->c);
    const cJSON *child = node ? node->child : NULL;
    if (!walk_push(w, '[')) {
        return;
    }
    cursor_skip_ascii(&w->c, 1);
    walk_ws(w);
    if (walk_peek(w) == ']') {
        cursor_skip_ascii(&w->c, 1);
        w->depth--;
        return;
    }
    for (;;) {
        walk_ws(w);
        if (!w->ok) {
            return;
        }
        int b = walk_peek(w);
        if (repairing(w) && b < 0) {
            fix_close_at_end(w, open, "list", "]");
            break;
        }
        if (repairing(w) && b == ']') { /* after a repair: the list ends */
            cursor_skip_ascii(&w->c, 1);
            break;
        }
        if (repairing(w) && b == '}') {
            fix_wrong_closer(w, open, false);
            break;
        }
        if (w->map && !child) {
            w->ok = false;
            return;
        }
        walk_value(w, child, no_key, false);
        if (!w->ok) {
            return;
        }
        child = child ? child->next : NULL;
        size_t comma = SIZE_MAX;
        if (!walk_after_value(w, open, false, &comma)) {
            break;
        }
    }
    w->depth -= w->ok;
}

/* Repair mode: no value starts at the cursor. Reports it and repairs the
 * text so that one does. */
static void fix_value(JpWalker *w, bool in_object)
{
    int b = walk_peek(w);
    if (fix_wrong_quotes(w)) {
        return;
    }
    if (fix_currency_prefix(w, in_object)) {
        walk_number(w, in_object, true);
        return;
    }
    if (b == '+' && (is_digit(walk_peek_at(w, 1)) || walk_peek_at(w, 1) == '.')) {
        walk_error_found(w, "");
        fix_edit(w, w->c.pos, 1, "");
        cursor_skip_ascii(&w->c, 1);
        b = walk_peek(w);
        if (b != '.') {
            walk_number(w, in_object, false);
            return;
        }
    }
    if (b == '.' && is_digit(walk_peek_at(w, 1))) {
        if (w->fix->errors == 0 || w->c.pos == 0 || w->s[w->c.pos - 1] != '+') {
            walk_error_found(w, "");
        }
        fix_edit(w, w->c.pos, 0, "0");
        cursor_skip_ascii(&w->c, 1);
        walk_digits(w);
        return;
    }
    if (b >= 0 && is_word_byte(b)) {
        size_t n = 0;
        while (w->c.pos + n < w->len && is_word_byte(w->s[w->c.pos + n])) {
            n++;
        }
        const char *literal = literal_spelling(w, n);
        if (literal) {
            walk_error(w, cursor_pos(&w->c), "write %s, not %.*s: JSON's true, false and null are "
                       "written in lower case", literal, (int)n, (const char *)w->s + w->c.pos);
            fix_edit(w, w->c.pos, n, literal);
            cursor_skip_ascii(&w->c, n);
            return;
        }
        walk_error_found(w, "a value (text in double quotes, a number, true, false, null, "
                            "{...} or [...])");
        fix_bare_word(w, true);
        return;
    }
    walk_error_found(w, "a value (text in double quotes, a number, true, false, null, "
                        "{...} or [...])");
    if (b < 0 || b == ',' || b == '}' || b == ']') {
        fix_edit(w, w->c.pos, 0, "null");
        return;
    }
    size_t start = w->c.pos;
    fix_skip_junk(w);
    fix_edit(w, start, 0, "null");
}

static void walk_value(JpWalker *w, const cJSON *node, JsonPos key, bool in_object)
{
    walk_ws(w);
    if (!w->ok) {
        return;
    }
    JsonPos at = walk_here(w);
    int b = walk_peek(w);
    int type;
    if (b == '{') {
        type = cJSON_Object;
    } else if (b == '[') {
        type = cJSON_Array;
    } else if (b == '"') {
        type = cJSON_String;
    } else if (b == '-' || (b >= '0' && b <= '9')) {
        type = cJSON_Number;
    } else if (b == 't' && walk_literal(w, "true")) {
        type = cJSON_True;
    } else if (b == 'f' && walk_literal(w, "false")) {
        type = cJSON_False;
    } else if (b == 'n' && walk_literal(w, "null")) {
        type = cJSON_NULL;
    } else if (repairing(w)) {
        fix_value(w, in_object);
        return;
    } else {
        walk_error_found(w, "a value (text in double quotes, a number, true, false, null, "
                            "{...} or [...])");
        return;
    }
    if (!walk_expect_node(w, node, type)) {
        return;
    }
    map_put(w, node, at, key);
    if (type == cJSON_Object) {
        walk_object(w, node);
    } else if (type == cJSON_Array) {
        walk_array(w, node);
    } else if (type == cJSON_String) {
        walk_string_body(w, false);
    } else if (type == cJSON_Number) {
        walk_number(w, in_object, false);
    }
}

/* Walks the whole text: one value, then only whitespace. */
static void walk_document(JpWalker *w, const cJSON *root)
{
    static const JsonPos no_key = {0, 0};
    walk_value(w, root, no_key, false);
    if (!w->ok) {
        return;
    }
    walk_ws(w);
    if (w->c.pos < w->len) {
        walk_error(w, cursor_pos(&w->c),
                   "extra text after the end of the scenario: the top-level object is already "
                   "closed; is there a '}' too many?");
        fix_edit(w, w->c.pos, w->len - w->c.pos, "");
    }
}

bool jp_check_syntax(const char *buf, size_t len, Diagnostics *d)
{
    JpWalker w;
    memset(&w, 0, sizeof w);
    w.s = (const unsigned char *)buf;
    w.len = len;
    w.c = cursor_start();
    w.d = d;
    w.ok = true;
    walk_document(&w, NULL);
    return w.ok;
}

/* ---- recovery: the repaired text ------------------------------------------ */

/* Edits come mostly in order; sort them by position, keeping the order of
 * edits at one position (insertion sort: at most JP_MAX_EDITS). */
static void edits_sort(JpRepair *r)
{
    for (size_t i = 1; i < r->edit_count; i++) {
        JpEdit e = r->edits[i];
        size_t j = i;
        while (j > 0 && r->edits[j - 1].at > e.at) {
            r->edits[j] = r->edits[j - 1];
            j--;
        }
        r->edits[j] = e;
    }
}

static void segment_add(JpRepair *r, size_t out, size_t orig, size_t len, bool inserted)
{
    if (len > 0) {
        JpSegment g = {out, orig, len, inserted};
        r->segments[r->segment_count++] = g;
    }
}

/* Applies the edits to buf into r->text and records the segments. */
static bool repair_apply(JpRepair *r, Arena *a, const char *buf, size_t len)
{
    edits_sort(r);
    size_t out_len = len;
    for (size_t i = 0; i < r->edit_count; i++) {
        out_len += strlen(r->edits[i].ins);
    }
    r->text = arena_alloc(a, out_len + 1);
    r->segments = arena_array(a, r->edit_count * 2 + 1, sizeof *r->segments);
    if (!r->text || !r->segments) {
        return false;
    }
    size_t cur = 0;
    size_t out = 0;
    for (size_t i = 0; i < r->edit_count; i++) {
        const JpEdit *e = &r->edits[i];
        size_t at = e->at < cur ? cur : e->at; /* overlapping edits: the first wins */
        size_t end = e->at + e->del < at ? at : e->at + e->del;
        if (at > len) {
            at = len;
        }
        if (end > len) {
            end = len;
        }
        memcpy(r->text + out, buf + cur, at - cur);
        segment_add(r, out, cur, at - cur, false);
        out += at - cur;
        size_t n = strlen(e->ins);
        memcpy(r->text + out, e->ins, n);
        segment_add(r, out, at, n, true);
        out += n;
        cur = end;
    }
    memcpy(r->text + out, buf + cur, len - cur);
    segment_add(r, out, cur, len - cur, false);
    out += len - cur;
    r->text[out] = '\0';
    r->len = out;
    return true;
}

bool jp_repair(const char *buf, size_t len, Arena *a, Diagnostics *d, JpRepair *r)
{
    memset(r, 0, sizeof *r);
    JpWalker w;
    memset(&w, 0, sizeof w);
    w.s = (const unsigned char *)buf;
    w.len = len;
    w.c = cursor_start();
    w.d = d;
    w.fix = r;
    w.ok = true;
    walk_document(&w, NULL);
    if (r->errors == 0 || r->gave_up || !w.ok) {
        return false;
    }
    if (!repair_apply(r, a, buf, len)) {
        r->text = NULL;
        return false;
    }
    /* Every repair is meant to leave strict JSON; should one not, the rest
     * of the checks would report on a text the author never wrote. */
    if (!jp_check_syntax(r->text, r->len, NULL)) {
        r->text = NULL;
        r->unrepaired = true;
        return false;
    }
    return true;
}

/* ---- the position map ---------------------------------------------------- */

struct JpIndex {
    Arena *arena;
    const JsonPosEntry **slots; /* open addressing; NULL = empty */
    size_t mask;
    bool built;
    bool failed;                /* out of memory: positions read as 0:0 */
};

static uintptr_t map_hash(const cJSON *node)
{
    uintptr_t h = (uintptr_t)node;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15u;
    return h ^ (h >> 29);
}

static void map_put(JpWalker *w, const cJSON *node, JsonPos value, JsonPos key)
{
    JsonPosMap *m = w->map;
    if (m) {
        JsonPosEntry *e = &m->entries[m->count++]; /* sized by count_nodes */
        e->node = node;
        e->value = value;
        e->key = key;
    }
}

static size_t count_nodes(const cJSON *node)
{
    size_t n = 1;
    for (const cJSON *c = node->child; c; c = c->next) {
        n += count_nodes(c); /* depth is bounded by jp_prescan */
    }
    return n;
}

/* The original position of offset `out` of the repaired text. */
static JsonPos remap_pos(JpRemap *rm, size_t out)
{
    const JpRepair *r = rm->r;
    if (rm->segment >= r->segment_count || r->segments[rm->segment].out > out) {
        rm->segment = 0; /* lookups go forward; start again otherwise */
    }
    while (rm->segment + 1 < r->segment_count && r->segments[rm->segment + 1].out <= out) {
        rm->segment++;
    }
    size_t orig = rm->orig_len;
    if (rm->segment < r->segment_count) {
        const JpSegment *g = &r->segments[rm->segment];
        orig = g->inserted ? g->orig : g->orig + (out - g->out);
    }
    if (orig > rm->orig_len) {
        orig = rm->orig_len;
    }
    if (rm->at.pos > orig) {
        rm->at = cursor_start();
    }
    while (rm->at.pos < orig) {
        cursor_step(&rm->at, rm->orig, rm->orig_len);
    }
    return cursor_pos(&rm->at);
}

static JsonPos walk_here(JpWalker *w)
{
    return w->remap ? remap_pos(w->remap, w->c.pos) : cursor_pos(&w->c);
}

static bool map_build(JsonPosMap *m, Arena *a, const char *buf, size_t len, const cJSON *root,
                      Diagnostics *d, JpRemap *remap)
{
    size_t n = count_nodes(root);
    m->count = 0;
    m->entries = arena_array(a, n, sizeof *m->entries);
    m->index = arena_alloc(a, sizeof *m->index);
    if (!m->entries || !m->index) {
        return false;
    }
    m->index->arena = a;
    JpWalker w;
    memset(&w, 0, sizeof w);
    w.s = (const unsigned char *)buf;
    w.len = len;
    w.c = cursor_start();
    w.d = d;
    w.map = m;
    w.remap = remap;
    w.ok = true;
    walk_document(&w, root);
    return w.ok;
}

bool jp_map_build(JsonPosMap *m, Arena *a, const char *buf, size_t len, const cJSON *root,
                  Diagnostics *d)
{
    return map_build(m, a, buf, len, root, d, NULL);
}

bool jp_map_build_repaired(JsonPosMap *m, Arena *a, const JpRepair *r, const char *orig,
                           size_t orig_len, const cJSON *root)
{
    JpRemap remap = {r, 0, (const unsigned char *)orig, orig_len, cursor_start()};
    return map_build(m, a, r->text, r->len, root, NULL, &remap);
}

static void index_build(const JsonPosMap *m)
{
    JpIndex *ix = m->index;
    ix->built = true;
    size_t cap = 16;
    while (cap < m->count + m->count / 2) { /* load factor between 1/3 and 2/3 */
        cap *= 2;
    }
    ix->slots = arena_array(ix->arena, cap, sizeof *ix->slots);
    if (!ix->slots) {
        ix->failed = true;
        return;
    }
    ix->mask = cap - 1;
    for (size_t k = 0; k < m->count; k++) {
        size_t i = map_hash(m->entries[k].node) & ix->mask;
        while (ix->slots[i]) {
            i = (i + 1) & ix->mask;
        }
        ix->slots[i] = &m->entries[k];
    }
}

static const JsonPosEntry *map_find(const JsonPosMap *m, const cJSON *node)
{
    if (!m || !m->index || !node) {
        return NULL;
    }
    if (!m->index->built) {
        index_build(m);
    }
    const JpIndex *ix = m->index;
    if (ix->failed) {
        return NULL;
    }
    for (size_t i = map_hash(node) & ix->mask;; i = (i + 1) & ix->mask) {
        if (!ix->slots[i]) {
            return NULL;
        }
        if (ix->slots[i]->node == node) {
            return ix->slots[i];
        }
    }
}

JsonPos jp_value_pos(const JsonPosMap *m, const cJSON *node)
{
    const JsonPosEntry *e = map_find(m, node);
    JsonPos none = {0, 0};
    return e ? e->value : none;
}

JsonPos jp_key_pos(const JsonPosMap *m, const cJSON *node)
{
    const JsonPosEntry *e = map_find(m, node);
    JsonPos none = {0, 0};
    return e ? e->key : none;
}
