/* Reference strategies (DESIGN.md section 6). Bots play through the same
 * sim_apply() as a trainee and see only what a trainee sees: known contacts,
 * discovered needs, sponsors, the ideas and their approvals. */
#ifndef KEYACCOUNTS_BOTS_H
#define KEYACCOUNTS_BOTS_H

#include <stdbool.h>
#include <stdint.h>

#include "keyaccounts/rng.h"
#include "keyaccounts/sim.h"

typedef enum BotKind {
    BOT_RANDOM,        /* any action that can be tried */
    BOT_SINGLE_THREAD, /* works only with the main contact */
    BOT_IDEA_FIRST,    /* pitches to whoever it knows, never asks for referrals */
    BOT_EXPANDER,      /* meets, pitches fitting ideas, asks for referrals, covers roles */
    BOT_GREEDY,        /* chases this week's revenue */
    BOT_COUNT
} BotKind;

/* Constraints that try to break a scenario (DESIGN.md section 6): a player
 * who plays well but never does one thing the lesson needs. */
typedef enum Constraint {
    CONSTRAINT_NONE,
    CONSTRAINT_NEVER_PROPOSE, /* never proposes an idea */
    CONSTRAINT_NEVER_REFER,   /* never asks for a referral */
    CONSTRAINT_NO_NEW_PEOPLE, /* only the people known at the start: no referral, no cold call */
    CONSTRAINT_ONE_ACTION,    /* one action kind only (and ending the week) */
    CONSTRAINT_COUNT
} Constraint;

/* A constraint with its parameter: for one_action, the kind it repeats. */
typedef struct Rule {
    Constraint constraint;
    ActionKind only;
} Rule;

const char *bot_key(BotKind b);
bool bot_from_key(const char *key, BotKind *out);

/* The bot's next command; `rng` is the bot's own stream (used by random). */
Command bot_choose(const Sim *sim, BotKind kind, Rng *rng);

const char *constraint_key(Constraint k); /* "none", "never_propose", ... */
bool constraint_from_key(const char *key, Constraint *out);

/* Whether a player under the rule may give this command. Ending the week is
 * always allowed. */
bool rule_allows(const Sim *sim, Rule rule, Command c);

/* The expander's decision among the commands the rule allows. */
Command bot_choose_under(const Sim *sim, Rule rule);

/* The expander playing to the end under a rule. Returns 0, or -1 when out of
 * memory. */
int bot_play_rule(Sim *sim, Rule rule);

/* The expander playing to the end under a constraint. For one_action it
 * plays once per action kind on copies of the session and keeps the best
 * (passed first, then the total score), so the session ends as that game.
 * Returns 0, or -1 when out of memory. */
int bot_play_under(Sim *sim, Constraint k);

/* Plays the session to the end from its current state. Returns 0, or -1 when
 * the simulation ran out of memory. */
int bot_play(Sim *sim, BotKind kind, uint64_t bot_seed);

#endif
