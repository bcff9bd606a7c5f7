/* After the debrief: what to try next time, drawn from the coaching notes,
 * and which shipped scenario to play next. */
#ifndef KEYACCOUNTS_CLI_NEXTSTEP_H
#define KEYACCOUNTS_CLI_NEXTSTEP_H

#include <stdio.h>

#include "keyaccounts/sim.h"
#include "keyaccounts/text.h"

/* One concrete thing to try for this coaching note; NULL when the note asks
 * for nothing new (well done, scenario notes). */
const char *nextstep_try(Lang lang, CoachKind kind);

/* Prints the "Next time" block: up to three things to try and the scenario to
 * play next. */
void nextstep_print(FILE *o, Lang lang, const Sim *sim);

#endif
