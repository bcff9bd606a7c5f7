/* One language: its tag, its table of every fixed string, and its plural rule.
 * Adding a language is one more lang_xx.c defining a TextLanguage, its Lang
 * value in text.h and its line in LANGS (text.c). Private to src/text. */
#ifndef KEYACCOUNTS_TEXT_LANG_H
#define KEYACCOUNTS_TEXT_LANG_H

#include "keyaccounts/text_keys.h"

typedef struct TextLanguage {
    const char *tag;                 /* "en" */
    const char *const *str;          /* TEXT_KEY_COUNT strings, none NULL or empty */
    int (*plural)(long n);           /* 0 one, 1 few, 2 many */
} TextLanguage;

extern const char *const TEXT_EN[TEXT_KEY_COUNT];
extern const char *const TEXT_RU[TEXT_KEY_COUNT];
extern const TextLanguage TEXT_LANG_EN;
extern const TextLanguage TEXT_LANG_RU;

#endif
