/* Bounded string copies for the window. Its words are in the text layer. */
#include "ui_strings.h"

#include <stdio.h>

int ui_copy(char *dst, size_t n, const char *src)
{
    return snprintf(dst, n, "%s", src ? src : "");
}

int ui_join(char *dst, size_t n, const char *a, const char *b)
{
    return snprintf(dst, n, "%s%s", a, b);
}
