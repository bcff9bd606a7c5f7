/* One language: its tag, its table of every fixed string, and its plural rule.
 * Adding a language is one more lang_xx.c defining a TextLanguage, its Lang
 * value in text.h and its line in LANGS (text.c). Private to src/text. */
#ifndef KEYACCOUNTS_TEXT_LANG_H
#define KEYACCOUNTS_TEXT_LANG_H

#include "keyaccounts/text.h"
#include "keyaccounts/text_keys.h"

#include <stdbool.h>
#include <stddef.h>

/* Sentences whose parts come in another order, or differ, from one language
 * to the next: each language writes them itself, into buf. The words of its
 * plurals are passed in, already chosen. */
typedef struct TextSentences {
    /* "Nadia Ilic joins Massive as the plant manager." */
    void (*contact_arrived)(char *buf, size_t n, const char *who, const char *role, const char *company);
    /* a departure that cost nothing: `others` other people stayed engaged */
    void (*departure_free)(char *buf, size_t n, int week, const char *who, const char *company, int others,
                           const char *people);
    /* a departure that cut the business: `others` (0 or 1) engaged people left */
    void (*departure_cost)(char *buf, size_t n, int week, const char *who, const char *company, int others,
                           int percent, const char *money);
    /* existing business unserviced for `weeks` weeks (it erodes after `after`) */
    void (*neglect)(char *buf, size_t n, const char *company, int weeks, const char *weeks_word, int after,
                    const char *after_word, const char *money);
    /* `refused` pitches turned down (`times`: "3 times"), `unfit` of them answering no need (`cases`: its
     * plural word), costing `points` relationship points */
    void (*refused)(char *buf, size_t n, int refused, const char *times, int unfit, const char *cases, int points,
                    const char *points_word);
    void (*single_threaded)(char *buf, size_t n, const char *company, int weeks, const char *weeks_word,
                            int total);
    void (*unpitched_fit)(char *buf, size_t n, const char *who, const char *idea);
} TextSentences;

typedef struct TextLanguage {
    const char *tag;                 /* "en" */
    const char *const *str;          /* TEXT_KEY_COUNT strings, none NULL or empty */
    int (*plural)(long n);           /* 0 one, 1 few, 2 many */
    const TextSentences *say;        /* every function set */
    bool small_titles;               /* a job title inside a sentence starts with a small letter (Russian) */
} TextLanguage;

/* The language (English for a value out of range). */
const TextLanguage *text_language(Lang lang);

extern const char *const TEXT_EN[TEXT_KEY_COUNT];
extern const char *const TEXT_RU[TEXT_KEY_COUNT];
extern const TextLanguage TEXT_LANG_EN;
extern const TextLanguage TEXT_LANG_RU;

#endif
