/* Tab completion in the terminal game, as a pure function of the game's
 * state: what the word being typed could become. */
#ifndef KEYACCOUNTS_CLI_COMPLETE_H
#define KEYACCOUNTS_CLI_COMPLETE_H

#include "keyaccounts/sim.h"
#include "numbers.h"

enum { COMPLETE_MAX = 64, COMPLETE_WORD_BYTES = 80 };

typedef struct Completions {
    int count;
    bool more; /* there were more than COMPLETE_MAX */
    char words[COMPLETE_MAX][COMPLETE_WORD_BYTES];
} Completions;

/* The words that can stand for the last word of `typed` (the line up to the
 * cursor; a space at its end starts a new word), sorted, without repeats:
 * the first word is a command word (verbs.h); after it, what the command
 * takes in the account shown: people (their numbers, ids, and the id of
 * anyone whose first or last name starts with what was typed, letters in
 * any case), ideas (numbers, ids), accounts (numbers, ids). People are those
 * on the board: known or heard of. Returns out->count. */
int complete_words(const Sim *sim, const PeopleNumbers *nums, int account, const char *typed, Completions *out);

/* The longest start shared by every word of c ("" when none). */
void complete_common(const Completions *c, char *buf, size_t n);

#endif
