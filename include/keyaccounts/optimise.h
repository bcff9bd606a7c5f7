/* The optimiser of DESIGN.md section 6: a beam search over the engine's own
 * commands with the session's real RNG. The simulation is deterministic per
 * seed, so the search finds what a player who knew the dice could reach on
 * that seed, unconstrained or under a constraint. It uses only the public
 * sim API (sim_copy to try a command on a copy). */
#ifndef KEYACCOUNTS_OPTIMISE_H
#define KEYACCOUNTS_OPTIMISE_H

#include "keyaccounts/bots.h"
#include "keyaccounts/sim.h"

enum { OPT_DEFAULT_BEAM = 4, OPT_MAX_BEAM = 64 };

/* Plays the session from its current state to the end along the best line
 * found: the beam keeps the `beam` most promising sessions after every
 * command; the expander's own game under the same constraint is always a
 * candidate, so the optimum is never below it. Best means passed first, then
 * the highest total. For one_action, one search per action kind.
 * Returns 0, or -1 when out of memory (the session is then unchanged). */
int optimise(Sim *sim, Constraint k, int beam);

#endif
