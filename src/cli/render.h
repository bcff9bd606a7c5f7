/* The terminal game's views: briefing, account board, people, ideas, score and
 * debrief, as plain UTF-8 text. */
#ifndef KEYACCOUNTS_CLI_RENDER_H
#define KEYACCOUNTS_CLI_RENDER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "keyaccounts/sim.h"
#include "keyaccounts/text.h"
#include "numbers.h"

/* Prints s padded with spaces to `width` characters (UTF-8 aware). */
void render_pad(FILE *o, const char *s, int width);
/* Prints the string of key as a printf format (text_fmt), up to 2 KiB. */
void render_say(FILE *o, Lang lang, TextKey key, ...);
void render_briefing(FILE *o, Lang lang, const Scenario *s, uint64_t seed);
/* The board and the people show everyone with their number (numbers.h),
 * which must be up to date. */
void render_board(FILE *o, Lang lang, const Sim *sim, const PeopleNumbers *nums, int account);
void render_people(FILE *o, Lang lang, const Sim *sim, const PeopleNumbers *nums, int account);
void render_ideas(FILE *o, Lang lang, const Sim *sim, int account);
void render_score(FILE *o, Lang lang, const Sim *sim);
/* The contact's line of dialogue for this journal entry, if the scenario has one. */
void render_dialogue(FILE *o, Lang lang, const Sim *sim, const JournalEntry *e);
/* The debrief; with_strategies also plays the reference strategies. */
void render_debrief(FILE *o, Lang lang, const Sim *sim, bool with_strategies);

/* "Next time": up to three things to try (nextstep.h) and the scenario to play
 * next, with the command that starts it; path is the file played, for the
 * command that plays it again (scnfile_play_arg). */
void render_next_steps(FILE *o, Lang lang, const Sim *sim, const char *path);

#endif
