/* After the debrief: what to try next time, drawn from the coaching notes,
 * and which shipped scenario to play next. */
#ifndef KEYACCOUNTS_HOST_NEXTSTEP_H
#define KEYACCOUNTS_HOST_NEXTSTEP_H


#include "keyaccounts/sim.h"
#include "keyaccounts/text.h"
#include "shipped.h"

enum { NEXTSTEP_MAX_TRIES = 3 };

/* One concrete thing to try for this coaching note; NULL when the note asks
 * for nothing new (well done, scenario notes). */
const char *nextstep_try(Lang lang, CoachKind kind);

/* Up to max distinct things to try, from the session's coaching notes, most
 * important first; returns how many were written to out. */
int nextstep_tries(Lang lang, const Sim *sim, const char **out, int max);

/* The shipped scenario to play after this session: after a pass, the easiest
 * harder one in the same language. False when there is none, or when
 * the session was not passed (then the advice is to play it again). */
bool nextstep_next_scenario(const Scenario *s, bool passed, ShippedScenario *out);

#endif
