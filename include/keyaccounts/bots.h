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

const char *bot_key(BotKind b);
bool bot_from_key(const char *key, BotKind *out);

/* The bot's next command; `rng` is the bot's own stream (used by random). */
Command bot_choose(const Sim *sim, BotKind kind, Rng *rng);

/* Plays the session to the end from its current state. Returns 0, or -1 when
 * the simulation ran out of memory. */
int bot_play(Sim *sim, BotKind kind, uint64_t bot_seed);

#endif
