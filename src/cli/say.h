/* Printing what the host layer says (msgs.h) on the terminal. */
#ifndef KEYACCOUNTS_CLI_SAY_H
#define KEYACCOUNTS_CLI_SAY_H

#include <stdio.h>

#include "host.h"
#include "msgs.h"

/* Prints m's lines on f and empties m (it stays usable). */
void say_msgs(FILE *f, Msgs *m);

/* host_open, saying on f why it failed. */
HostScenario *say_open(const char *arg, FILE *f);

#endif
