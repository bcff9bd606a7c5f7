/* The window's words are in the text layer (keyaccounts/text.h, one table per
 * language); these are the window's old names for its lookups, kept until the
 * screens are renamed to text_str/text_fmt, and two bounded string copies. */
#ifndef KEYACCOUNTS_UI_UI_STRINGS_H
#define KEYACCOUNTS_UI_UI_STRINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "keyaccounts/text.h"

typedef TextKey UiStr;
#define ui_str text_str
#define ui_fmt text_fmt
#define ui_hours text_hours
#define ui_attempts text_attempts

/* Bounded copies; return what snprintf returns (>= n: cut). */
int ui_copy(char *dst, size_t n, const char *src);
int ui_join(char *dst, size_t n, const char *a, const char *b);

#endif
