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

typedef struct JpWalker {
    const unsigned char *s;
    size_t len;
    JpCursor c;
    Diagnostics *d;  /* check mode: the one syntax error goes here */
    JsonPosMap *map; /* map mode: positions go here */
    bool ok;
} JpWalker;

static void walk_error(JpWalker *w, JsonPos at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void walk_error(JpWalker *w, JsonPos at, const char *fmt, ...)
{
    if (!w->ok) {
        return;
    }
    w->ok = false;
    if (!w->d) {
        return;
    }
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    diags_add(w->d, SEV_ERROR, "KA103", at.line, at.col, "", "%s", text);
}

static int walk_peek(const JpWalker *w)
{
    return w->c.pos < w->len ? w->s[w->c.pos] : -1;
}

static void walk_ws(JpWalker *w)
{
    for (int b = walk_peek(w); b == ' ' || b == '\t' || b == '\n' || b == '\r'; b = walk_peek(w)) {
        cursor_step(&w->c, w->s, w->len);
    }
}

static bool is_word_byte(int b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
           b == '_' || b >= 0x80;
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

static void map_put(JpWalker *w, const cJSON *node, JsonPos value, JsonPos key);
static void walk_value(JpWalker *w, const cJSON *node, JsonPos key);

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

static void walk_string_body(JpWalker *w)
{
    JsonPos start = cursor_pos(&w->c);
    cursor_skip_ascii(&w->c, 1);
    for (;;) {
        int b = walk_peek(w);
        if (b < 0) {
            walk_error(w, start, "this text is never closed; add the missing '\"'");
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
            return;
        }
        if (b < 0x20) {
            walk_error(w, cursor_pos(&w->c),
                       "control character U+%04X (for example a tab) is not allowed inside "
                       "text; write \\t for a tab",
                       (unsigned)b);
            return;
        }
        if (b == '\\') {
            int e = w->c.pos + 1 < w->len ? w->s[w->c.pos + 1] : -1;
            if (e == 'u') {
                if (scan_u_escape(w->s, w->len, w->c.pos) < 0) {
                    walk_error(w, cursor_pos(&w->c),
                               "'\\u' must be followed by four hexadecimal digits");
                    return;
                }
                cursor_skip_ascii(&w->c, 6);
                continue;
            }
            if (e < 0 || !strchr("\"\\/bfnrt", e)) {
                walk_error(w, cursor_pos(&w->c),
                           "this backslash starts no valid escape; write \\\\ for a backslash, "
                           "\\\" for a quote, \\n for a line break");
                return;
            }
            cursor_skip_ascii(&w->c, 2);
            continue;
        }
        cursor_step(&w->c, w->s, w->len);
    }
}

static size_t walk_digits(JpWalker *w)
{
    size_t n = 0;
    for (int b = walk_peek(w); b >= '0' && b <= '9'; b = walk_peek(w)) {
        cursor_skip_ascii(&w->c, 1);
        n++;
    }
    return n;
}

static void walk_number(JpWalker *w)
{
    JsonPos start = cursor_pos(&w->c);
    if (walk_peek(w) == '-') {
        cursor_skip_ascii(&w->c, 1);
    }
    int first = walk_peek(w);
    size_t int_digits = walk_digits(w);
    if (int_digits == 0) {
        walk_error(w, start, "a digit must follow '-'");
        return;
    }
    if (first == '0' && int_digits > 1) {
        walk_error(w, start, "numbers cannot start with 0 (write 7, not 07)");
        return;
    }
    if (walk_peek(w) == '.') {
        cursor_skip_ascii(&w->c, 1);
        if (walk_digits(w) == 0) {
            walk_error(w, start, "a digit must follow the decimal point (write 1.0 or 1)");
            return;
        }
    }
    if (walk_peek(w) == 'e' || walk_peek(w) == 'E') {
        cursor_skip_ascii(&w->c, 1);
        if (walk_peek(w) == '+' || walk_peek(w) == '-') {
            cursor_skip_ascii(&w->c, 1);
        }
        if (walk_digits(w) == 0) {
            walk_error(w, start, "a digit must follow the exponent 'e' of this number");
        }
    }
}

static bool walk_literal(JpWalker *w, const char *word)
{
    size_t n = strlen(word);
    if (w->c.pos + n <= w->len && memcmp(w->s + w->c.pos, word, n) == 0) {
        cursor_skip_ascii(&w->c, n);
        return true;
    }
    return false;
}

static void walk_object(JpWalker *w, const cJSON *node)
{
    JsonPos open = cursor_pos(&w->c);
    const cJSON *child = node ? node->child : NULL;
    cursor_skip_ascii(&w->c, 1);
    walk_ws(w);
    if (walk_peek(w) == '}') {
        cursor_skip_ascii(&w->c, 1);
        return;
    }
    for (;;) {
        walk_ws(w);
        JsonPos key = cursor_pos(&w->c);
        int b = walk_peek(w);
        if (b < 0) {
            walk_error(w, key, "the file ends inside the object opened at %d:%d; add the missing '}'",
                       open.line, open.col);
            return;
        }
        if (b != '"') {
            if (is_word_byte(b)) {
                char found[96];
                walk_describe(w, found, sizeof found);
                walk_error(w, key, "keys must be in double quotes: found %s", found);
            } else {
                walk_error_found(w, "a key in double quotes");
            }
            return;
        }
        walk_string_body(w);
        walk_ws(w);
        if (!w->ok) {
            return;
        }
        if (walk_peek(w) != ':') {
            char found[96];
            walk_describe(w, found, sizeof found);
            walk_error(w, cursor_pos(&w->c), "expected ':' after the key but found %s", found);
            return;
        }
        cursor_skip_ascii(&w->c, 1);
        if (w->map && !child) {
            w->ok = false;
            return;
        }
        walk_value(w, child, key);
        if (!w->ok) {
            return;
        }
        child = child ? child->next : NULL;
        JpCursor after_value = w->c;
        walk_ws(w);
        b = walk_peek(w);
        if (b == '}') {
            cursor_skip_ascii(&w->c, 1);
            return;
        }
        if (b == ',') {
            JsonPos comma = cursor_pos(&w->c);
            cursor_skip_ascii(&w->c, 1);
            walk_ws(w);
            if (walk_peek(w) == '}') {
                walk_error(w, comma,
                           "remove this comma: JSON allows no comma after the last member");
                return;
            }
            continue;
        }
        if (b < 0) {
            walk_error(w, cursor_pos(&w->c),
                       "the file ends inside the object opened at %d:%d; add the missing '}'",
                       open.line, open.col);
        } else if (b == ']') {
            walk_error(w, cursor_pos(&w->c),
                       "found ']' but the object opened at %d:%d must be closed with '}'",
                       open.line, open.col);
        } else if (b == '"') {
            walk_error(w, cursor_pos(&after_value),
                       "a comma is missing here, between this member and the next");
        } else {
            char found[96];
            walk_describe(w, found, sizeof found);
            walk_error(w, cursor_pos(&w->c), "expected ',' or '}' after the value but found %s",
                       found);
        }
        return;
    }
}

static void walk_array(JpWalker *w, const cJSON *node)
{
    static const JsonPos no_key = {0, 0};
    JsonPos open = cursor_pos(&w->c);
    const cJSON *child = node ? node->child : NULL;
    cursor_skip_ascii(&w->c, 1);
    walk_ws(w);
    if (walk_peek(w) == ']') {
        cursor_skip_ascii(&w->c, 1);
        return;
    }
    for (;;) {
        if (w->map && !child) {
            w->ok = false;
            return;
        }
        walk_value(w, child, no_key);
        if (!w->ok) {
            return;
        }
        child = child ? child->next : NULL;
        JpCursor after_value = w->c;
        walk_ws(w);
        int b = walk_peek(w);
        if (b == ']') {
            cursor_skip_ascii(&w->c, 1);
            return;
        }
        if (b == ',') {
            JsonPos comma = cursor_pos(&w->c);
            cursor_skip_ascii(&w->c, 1);
            walk_ws(w);
            if (walk_peek(w) == ']') {
                walk_error(w, comma, "remove this comma: JSON allows no comma after the last item");
                return;
            }
            continue;
        }
        if (b < 0) {
            walk_error(w, cursor_pos(&w->c),
                       "the file ends inside the list opened at %d:%d; add the missing ']'",
                       open.line, open.col);
        } else if (b == '}') {
            walk_error(w, cursor_pos(&w->c),
                       "found '}' but the list opened at %d:%d must be closed with ']'",
                       open.line, open.col);
        } else if (b == '"' || b == '{' || b == '[' || (b >= '0' && b <= '9')) {
            walk_error(w, cursor_pos(&after_value),
                       "a comma is missing here, between this item and the next");
        } else {
            char found[96];
            walk_describe(w, found, sizeof found);
            walk_error(w, cursor_pos(&w->c), "expected ',' or ']' after the item but found %s",
                       found);
        }
        return;
    }
}

static void walk_value(JpWalker *w, const cJSON *node, JsonPos key)
{
    walk_ws(w);
    JsonPos at = cursor_pos(&w->c);
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
        walk_string_body(w);
    } else if (type == cJSON_Number) {
        walk_number(w);
    }
}

/* Walks the whole text: one value, then only whitespace. */
static void walk_document(JpWalker *w, const cJSON *root)
{
    static const JsonPos no_key = {0, 0};
    walk_value(w, root, no_key);
    if (!w->ok) {
        return;
    }
    walk_ws(w);
    if (w->c.pos < w->len) {
        walk_error(w, cursor_pos(&w->c),
                   "extra text after the end of the scenario: the top-level object is already "
                   "closed; is there a '}' too many?");
    }
}

bool jp_check_syntax(const char *buf, size_t len, Diagnostics *d)
{
    JpWalker w = {(const unsigned char *)buf, len, cursor_start(), d, NULL, true};
    walk_document(&w, NULL);
    return w.ok;
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

bool jp_map_build(JsonPosMap *m, Arena *a, const char *buf, size_t len, const cJSON *root,
                  Diagnostics *d)
{
    size_t n = count_nodes(root);
    m->count = 0;
    m->entries = arena_array(a, n, sizeof *m->entries);
    m->index = arena_alloc(a, sizeof *m->index);
    if (!m->entries || !m->index) {
        return false;
    }
    m->index->arena = a;
    JpWalker w = {(const unsigned char *)buf, len, cursor_start(), d, m, true};
    walk_document(&w, root);
    return w.ok;
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
