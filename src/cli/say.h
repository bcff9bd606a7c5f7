/* Printing what the host layer says (msgs.h) on the terminal. */
#ifndef KEYACCOUNTS_CLI_SAY_H
#define KEYACCOUNTS_CLI_SAY_H

#include <stdio.h>

#include "msgs.h"

/* Prints m's lines on f and empties m (it stays usable). */
void say(FILE *f, Msgs *m);

#endif
