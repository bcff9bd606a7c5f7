/* Jumping into a session for testing (authors): `play --week N` and
 * `play --known ID,...`, for the window and the terminal game alike.
 *
 *   --known a,b,c  those contacts (ids, in any account) are known at the start,
 *                  as if the scenario said "known": true (relationship 40 when
 *                  the scenario gives them none). Unknown ids are an error with
 *                  a "did you mean"; a contact who is not at the client at the
 *                  start cannot be known.
 *   --week N       the expander reference strategy (bots.h) plays weeks 1 to
 *                  N-1, so week N opens with a plausible state: people met,
 *                  ideas pitched, referrals asked. Its moves are in the session
 *                  log like the trainee's own.
 *
 * A jump-started session is not a real attempt: neither front end writes a
 * result file for it (docs/workshops.md), so a workshop report never counts it. */
#ifndef KEYACCOUNTS_HOST_JUMPSTART_H
#define KEYACCOUNTS_HOST_JUMPSTART_H

#include <stdbool.h>
#include <stddef.h>

#include "keyaccounts/sim.h"

/* Marks the contacts named in list (comma-separated ids) known at the start.
 * Call before sim_create. Returns 0, or -1 with a reason in err (nothing is
 * changed then). NULL or "" changes nothing. */
int jumpstart_known(Scenario *s, const char *list, char *err, size_t errlen);

/* Checks a --week argument against the scenario: 1..weeks. */
bool jumpstart_week_ok(const Scenario *s, int week, char *err, size_t errlen);

/* Plays the expander's moves until week `week` begins (nothing for week <= 1).
 * Returns 0, or -1 with a reason in err (out of memory, the bot refused). */
int jumpstart_to_week(Sim *sim, int week, char *err, size_t errlen);

#endif
