/* Words for what the simulation reports: journal entries, refusals, coaching
 * notes, action and sub-score names, in English and Russian (with Russian
 * plural forms). Shared by the terminal game and the window. Pure formatting
 * into caller buffers: libc only, no I/O. */
#ifndef KEYACCOUNTS_TEXT_H
#define KEYACCOUNTS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/sim.h"

typedef enum Lang { LANG_EN, LANG_RU, LANG_COUNT } Lang;

/* "en" / "ru" (also "ru_RU.UTF-8" and the like); LANG_EN otherwise. */
Lang text_lang_from(const char *tag);
const char *text_lang_key(Lang lang);

/* Fixed strings. */
const char *text_action(Lang lang, ActionKind a);        /* "Meet" */
const char *text_action_help(Lang lang, ActionKind a);   /* one sentence */
const char *text_command(Lang lang, ActionKind a);       /* terminal syntax: "meet WHO" */
const char *text_subscore(Lang lang, SubScore s);        /* "Referrals" */
const char *text_subscore_help(Lang lang, SubScore s);   /* one sentence */
const char *text_role(Lang lang, BuyingRole r);          /* "economic buyer" */
const char *text_role_short(Lang lang, BuyingRole r);    /* for badges: "экономический" */
const char *text_mode(Lang lang, ResponseMode m);        /* "growth" */
const char *text_level(Lang lang, IdeaLevel l);          /* "business result" */
const char *text_refusal(Lang lang, Refusal r);          /* why a command cannot work */
const char *text_ui(Lang lang, const char *key);         /* misc labels by key; key itself if missing */

/* Choose the plural form for n: Russian has one/few/many (1 клиент, 2 клиента,
 * 5 клиентов); English uses one/many. */
const char *text_plural(Lang lang, long n, const char *one, const char *few, const char *many);

/* "240,000 EUR" / "240 000 EUR". Returns buf. */
char *text_money(Lang lang, int64_t amount, const char *currency, char *buf, size_t n);

/* One line describing a journal entry of this session. Returns buf. */
char *text_journal(Lang lang, const Sim *sim, const JournalEntry *e, char *buf, size_t n);

/* Why command c is refused, in full: the refusal, and for a proposal that
 * lacks approvals, who must still back it ("Still needed: economic buyer,
 * Ivan Petrov."). Returns buf. */
char *text_why_refused(Lang lang, const Sim *sim, Command c, Refusal r, char *buf, size_t n);

/* A coaching note as a sentence or two. Returns buf. */
char *text_coach(Lang lang, const Sim *sim, const CoachNote *note, char *buf, size_t n);

/* "revenue +12, referrals +20 → total +6". Returns buf. */
char *text_score_change(Lang lang, const ScoreChange *ch, char *buf, size_t n);

#endif
