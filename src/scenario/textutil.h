/* Small text helpers of the scenario layer: UTF-8 decoding, edit distance and
 * "did you mean" suggestions, bounded string building, and a string-keyed hash
 * map for ids. Private to src/scenario. */
#ifndef KEYACCOUNTS_SCENARIO_TEXTUTIL_H
#define KEYACCOUNTS_SCENARIO_TEXTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/arena.h"

/* Decodes one UTF-8 sequence at s[0..len). Returns its length (1..4) and sets
 * *cp, or returns 0 when the bytes there are not valid UTF-8 (overlong forms,
 * surrogates, values above U+10FFFF, stray or truncated bytes). */
int tu_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Number of code points in a valid UTF-8 string. */
size_t tu_utf8_length(const char *s);

/* True when s holds only spaces, tabs and line breaks (or nothing). */
bool tu_is_blank(const char *s);

/* Ids: 1-64 characters of a-z, 0-9, '_' and '-', starting with a letter. */
enum { TU_MAX_ID = 64 };
bool tu_is_id(const char *s);

/* Restricted Damerau-Levenshtein distance (adjacent transpositions count 1).
 * Stops early and returns limit + 1 once the distance exceeds limit. */
size_t tu_edit_distance(const char *a, const char *b, size_t limit);

/* Picks the closest candidate to a misspelt word: offer each candidate, then
 * read best (NULL when none is within max(1, length / 3) edits). */
typedef struct TuSuggest {
    const char *word;
    size_t word_len;
    size_t limit;
    size_t best_distance;
    const char *best;
} TuSuggest;

void tu_suggest_init(TuSuggest *sg, const char *word);
void tu_suggest_offer(TuSuggest *sg, const char *candidate);

/* Appends s to buf (capacity cap, always NUL-terminated), truncating. */
void tu_append(char *buf, size_t cap, const char *s);

/* A fixed-capacity open-addressing map from NUL-terminated strings to ints,
 * living in an arena. Keys are borrowed, not copied. */
typedef struct StrMapSlot {
    const char *key;
    int value;
} StrMapSlot;

typedef struct StrMap {
    StrMapSlot *slots;
    size_t mask;
} StrMap;

/* Sized for up to `expected` keys; false when out of memory. */
bool strmap_init(StrMap *m, Arena *a, size_t expected);
/* Returns the value stored under key, or -1. */
int strmap_get(const StrMap *m, const char *key);
/* Stores key -> value unless the key is present; returns the value already
 * stored then, or -1 when the key was new. */
int strmap_put(StrMap *m, const char *key, int value);

#endif
