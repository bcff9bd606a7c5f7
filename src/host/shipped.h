/* The shipped scenarios, read from scnfile_dir(): for finding a result's
 * scenario by id and for suggesting which one to play next. */
#ifndef KEYACCOUNTS_HOST_SHIPPED_H
#define KEYACCOUNTS_HOST_SHIPPED_H

#include <stddef.h>

enum { SHIPPED_MAX = 64 };

typedef struct ShippedScenario {
    char path[1024];
    char arg[128];       /* what to type: the file name without .json */
    char id[72];
    char title[256];
    char language[36];
    int difficulty;
} ShippedScenario;

/* Fills out (sorted by difficulty, then id) with the valid scenarios found;
 * returns how many. */
size_t shipped_list(ShippedScenario *out, size_t max);

#endif
