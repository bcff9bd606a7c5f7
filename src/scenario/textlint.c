/* Text lint: characters the game's font cannot draw (KA406) and text too long
 * for the box the window shows it in (KA407), and placeholder text marked TODO
 * (KA414). Uses the bundled font's metrics
 * (fontmetrics.c) rather than the font itself, so validate needs no SDL. */
#include "textlint.h"

#include <stdio.h>
#include <string.h>

#include "fontmetrics.h"
#include "textutil.h"

bool fm_covered(uint32_t cp)
{
    int lo = 0, hi = FM_RANGE_COUNT - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < FM_RANGES[mid].first) {
            hi = mid - 1;
        } else if (cp > FM_RANGES[mid].last) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

int fm_advance(uint32_t cp, bool bold)
{
    if (cp < FM_WIDTH_LIMIT) {
        int w = bold ? FM_WIDTH_BOLD[cp] : FM_WIDTH_REGULAR[cp];
        return w > 0 ? w : FM_DEFAULT_WIDTH;
    }
    return FM_DEFAULT_WIDTH;
}

/* ---- KA406: characters the font cannot draw --------------------------------- */

static void check_glyphs(FieldCtx *fc, const cJSON *v, const char *path)
{
    const unsigned char *s = (const unsigned char *)v->valuestring;
    size_t len = strlen(v->valuestring);
    uint32_t first = 0;
    int missing = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] >= 0x20 && s[i] < 0x7F) { /* printable ASCII: always drawn, and most text */
            i++;
            continue;
        }
        uint32_t cp;
        int n = tu_utf8_decode(s + i, len - i, &cp);
        i += n > 0 ? (size_t)n : 1;
        if (n > 0 && cp != '\n' && cp != '\t' && !fm_covered(cp)) {
            first = missing == 0 ? cp : first;
            missing++;
        }
    }
    if (missing > 0) {
        fc_report(fc, SEV_WARNING, "KA406", fc_pos(fc, v), path,
                  "the game's font cannot draw character U+%04X%s; the window shows an empty box "
                  "instead: use another character", (unsigned)first,
                  missing > 1 ? " (and others in this text)" : "");
    }
}

/* ---- KA414: placeholder text ---------------------------------------------------- */

/* Text that starts with "TODO" marks a place still to write: `keyaccounts
 * new` fills a skeleton with them, so that validate lists each. */
static void check_placeholder(FieldCtx *fc, const cJSON *v, const char *path)
{
    const char *t = v->valuestring;
    while (*t == ' ') {
        t++;
    }
    if (strncmp(t, "TODO", 4) == 0) {
        fc_report(fc, SEV_WARNING, "KA414", fc_pos(fc, v), path,
                  "placeholder text: write the real text here (or remove the key when it is optional)");
    }
}

/* Appends ".key" or "[index]" to path[0..len) without printf (this runs for
 * every value of the file); returns the new length, or len when it is full. */
static size_t path_push(char *path, size_t len, const char *key, int index)
{
    char tmp[16];
    const char *add = key;
    size_t n;
    if (!key) {
        char *p = tmp + sizeof tmp;
        *--p = '\0';
        *--p = ']';
        unsigned v = (unsigned)index;
        do {
            *--p = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        *--p = '[';
        add = p;
    }
    n = strlen(add);
    size_t dot = key && len ? 1 : 0;
    if (len + dot + n >= FIELD_PATH_MAX) {
        return len;
    }
    if (dot) {
        path[len] = '.';
    }
    memcpy(path + len + dot, add, n + 1);
    return len + dot + n;
}

/* The path grows and shrinks in one buffer as the walk goes down and up, so
 * that nothing is copied for the (many) texts that have no problem. */
static void walk_glyphs(FieldCtx *fc, const cJSON *node, char *path, size_t len)
{
    if (cJSON_IsString(node) && node->valuestring) {
        check_glyphs(fc, node, path);
        check_placeholder(fc, node, path);
        return;
    }
    int i = 0;
    bool array = cJSON_IsArray(node);
    for (const cJSON *c = node->child; c; c = c->next, i++) {
        size_t sub = path_push(path, len, array ? NULL : (c->string ? c->string : ""), i);
        walk_glyphs(fc, c, path, sub);
        path[len] = '\0';
    }
}

/* ---- KA407: text too long for its box ----------------------------------------- */

/* Where the window shows a field in full, at scale 1 (logical pixels). */
typedef struct TextBox {
    const char *list;   /* "" for a top-level key, else the list inside accounts[] ("contacts") */
    const char *key;
    bool bold;
    int size;           /* font size in pixels */
    int width;          /* box width in pixels */
    int lines;          /* lines available */
    const char *where;  /* for the message */
} TextBox;

static const TextBox BOXES[] = {
    {"", "title", true, 22, 900, 1, "the briefing's heading"},
    {"accounts", "name", true, 22, 420, 1, "the board's top bar"},
    {"contacts", "name", true, 22, 340, 2, "the person's panel"},
    {"contacts", "title", false, 14, 340, 2, "the person's panel"},
    {"departments", "name", false, 14, 340, 2, "the person's panel"},
    {"ideas", "title", true, 16, 360, 2, "the idea card"},
    {"needs", "text", false, 13, 326, 3, "the person's panel"},
};

/* Lines the text takes when wrapped at width pixels (words wider than a line
 * count as overflowing). Returns lines + 1 past `limit` without finishing. */
static int wrapped_lines(const char *text, bool bold, int size, int width, int limit)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text);
    long max = (long)width * 1000; /* in thousandths of a pixel per unit size */
    long line = 0, word = 0, space = (long)fm_advance(' ', bold) * size;
    int lines = 1;
    for (size_t i = 0; i <= len;) {
        uint32_t cp = 0;
        int n = i < len ? tu_utf8_decode(s + i, len - i, &cp) : 1;
        i += n > 0 ? (size_t)n : 1;
        if (i > len || cp == ' ' || cp == '\n') {
            long need = line == 0 ? word : line + space + word;
            if (need > max && line > 0) {
                lines++;
                need = word;
            }
            if (word > max) {
                return limit + 1; /* one word wider than the box is cut whatever the wrap */
            }
            line = cp == '\n' ? 0 : need;
            lines += cp == '\n';
            word = 0;
            if (lines > limit) {
                return lines;
            }
        } else {
            word += (long)fm_advance(cp, bold) * size;
        }
    }
    return lines;
}

static void check_box(FieldCtx *fc, const cJSON *obj, const char *path, const TextBox *box)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, box->key);
    if (!cJSON_IsString(v) || !v->valuestring) {
        return;
    }
    if (wrapped_lines(v->valuestring, box->bold, box->size, box->width, box->lines) > box->lines) {
        char p[FIELD_PATH_MAX];
        path_key(p, path, box->key);
        fc_report(fc, SEV_WARNING, "KA407", fc_pos(fc, v), p,
                  "this text is too long for %s (%d line%s at %d px) and will be cut short; shorten it",
                  box->where, box->lines, box->lines == 1 ? "" : "s", box->width);
    }
}

static void walk_boxes(FieldCtx *fc, const cJSON *root)
{
    for (size_t b = 0; b < sizeof BOXES / sizeof BOXES[0]; b++) {
        if (!BOXES[b].list[0]) {
            check_box(fc, root, "", &BOXES[b]);
        }
    }
    const cJSON *accounts = cJSON_GetObjectItemCaseSensitive(root, "accounts");
    int a = 0;
    for (const cJSON *acc = accounts ? accounts->child : NULL; acc; acc = acc->next, a++) {
        char apath[FIELD_PATH_MAX];
        path_item(apath, "", "accounts", a);
        for (size_t b = 0; b < sizeof BOXES / sizeof BOXES[0]; b++) {
            const TextBox *box = &BOXES[b];
            if (strcmp(box->list, "accounts") == 0) {
                check_box(fc, acc, apath, box);
                continue;
            }
            if (!box->list[0]) {
                continue;
            }
            const cJSON *list = cJSON_GetObjectItemCaseSensitive(acc, box->list);
            int i = 0;
            for (const cJSON *item = list ? list->child : NULL; item; item = item->next, i++) {
                char ipath[FIELD_PATH_MAX];
                path_item(ipath, apath, box->list, i);
                check_box(fc, item, ipath, box);
            }
        }
    }
}

void textlint_scenario(FieldCtx *fc, const cJSON *root)
{
    char path[FIELD_PATH_MAX] = "";
    walk_glyphs(fc, root, path, 0);
    walk_boxes(fc, root);
}
