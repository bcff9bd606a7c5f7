/* The trainee's name, remembered in the data folder (trainee.txt, one line)
 * so that results carry it without asking again. */
#ifndef KEYACCOUNTS_HOST_TRAINEE_H
#define KEYACCOUNTS_HOST_TRAINEE_H

#include <stdbool.h>
#include <stddef.h>

/* The remembered trainee name. False when none was ever given; true with ""
 * when the trainee chose to skip. */
bool trainee_load(char *buf, size_t n);
/* Remembers the name; 0, or -1 with a reason in err. */
int trainee_save(const char *name, char *err, size_t errlen);

#endif
