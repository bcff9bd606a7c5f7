#include "textutil.h"

#include <string.h>

int tu_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (len == 0) {
        return 0;
    }
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t v;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1Fu, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0Fu, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07u, min = 0x10000;
    } else {
        return 0; /* continuation byte, overlong lead (C0, C1) or F5..FF */
    }
    if ((size_t)n > len) {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0u) != 0x80u) {
            return 0;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return 0;
    }
    *cp = v;
    return n;
}

size_t tu_utf8_length(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0u) != 0x80u) {
            n++;
        }
    }
    return n;
}

bool tu_is_blank(const char *s)
{
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
            return false;
        }
    }
    return true;
}

bool tu_is_id(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > TU_MAX_ID || !(s[0] >= 'a' && s[0] <= 'z')) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* Words compared here are keys and ids (at most a few dozen bytes), so the
 * three rows live on the stack; longer words are cut, which only affects the
 * quality of a suggestion. */
enum { TU_DIST_MAX = 64 };

size_t tu_edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > TU_DIST_MAX) {
        la = TU_DIST_MAX;
    }
    if (lb > TU_DIST_MAX) {
        lb = TU_DIST_MAX;
    }
    if ((la > lb ? la - lb : lb - la) > limit) {
        return limit + 1;
    }
    size_t rows[3][TU_DIST_MAX + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev[j] + 1;
            if (cur[j - 1] + 1 < best) {
                best = cur[j - 1] + 1;
            }
            if (prev[j - 1] + cost < best) {
                best = prev[j - 1] + cost;
            }
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < best) {
                best = prev2[j - 2] + 1;
            }
            cur[j] = best;
            if (best < row_min) {
                row_min = best;
            }
        }
        if (row_min > limit) {
            return limit + 1;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] > limit ? limit + 1 : prev[lb];
}

void tu_suggest_init(TuSuggest *sg, const char *word)
{
    sg->word = word;
    sg->word_len = strlen(word);
    /* A third of the word, but two edits from four letters on: "mood" for
     * "mode" and "grwoth" for "growth" are the typos people make. */
    size_t floor = sg->word_len >= 4 ? 2 : 1;
    sg->limit = sg->word_len / 3 > floor ? sg->word_len / 3 : floor;
    sg->best_distance = sg->limit + 1;
    sg->best = NULL;
}

void tu_suggest_offer(TuSuggest *sg, const char *candidate)
{
    if (!candidate || strcmp(candidate, sg->word) == 0) {
        return;
    }
    size_t d = tu_edit_distance(sg->word, candidate, sg->limit);
    if (d < sg->best_distance) {
        sg->best_distance = d;
        sg->best = candidate;
    }
}

void tu_append(char *buf, size_t cap, const char *s)
{
    if (cap == 0) {
        return;
    }
    size_t used = 0;
    while (used < cap - 1 && buf[used]) {
        used++;
    }
    size_t n = strlen(s);
    if (n > cap - 1 - used) {
        n = cap - 1 - used;
    }
    memcpy(buf + used, s, n);
    buf[used + n] = '\0';
}

static uint64_t strmap_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

bool strmap_init(StrMap *m, Arena *a, size_t expected)
{
    size_t cap = 8;
    while (cap < expected * 2 + 1) {
        cap *= 2;
    }
    m->slots = arena_array(a, cap, sizeof *m->slots);
    m->mask = cap - 1;
    return m->slots != NULL;
}

int strmap_get(const StrMap *m, const char *key)
{
    for (size_t i = (size_t)strmap_hash(key) & m->mask;; i = (i + 1) & m->mask) {
        if (!m->slots[i].key) {
            return -1;
        }
        if (strcmp(m->slots[i].key, key) == 0) {
            return m->slots[i].value;
        }
    }
}

int strmap_put(StrMap *m, const char *key, int value)
{
    for (size_t i = (size_t)strmap_hash(key) & m->mask;; i = (i + 1) & m->mask) {
        if (!m->slots[i].key) {
            m->slots[i].key = key;
            m->slots[i].value = value;
            return -1;
        }
        if (strcmp(m->slots[i].key, key) == 0) {
            return m->slots[i].value;
        }
    }
}
