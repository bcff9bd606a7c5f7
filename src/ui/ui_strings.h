/* Two bounded string copies for the window. Its words are in the text layer
 * (keyaccounts/text.h: text_str, text_fmt, one table per language). */
#ifndef KEYACCOUNTS_UI_UI_STRINGS_H
#define KEYACCOUNTS_UI_UI_STRINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "keyaccounts/text.h"

/* Bounded copies; return what snprintf returns (>= n: cut). */
int ui_copy(char *dst, size_t n, const char *src);
int ui_join(char *dst, size_t n, const char *a, const char *b);

#endif
