/* Words for what the simulation reports: journal entries, refusals, coaching
 * notes, action and sub-score names, in English and Russian (with Russian
 * plural forms). Shared by the terminal game and the window. Pure formatting
 * into caller buffers: libc only, no I/O. */
#ifndef KEYACCOUNTS_TEXT_H
#define KEYACCOUNTS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/odds.h"
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
/* A reference strategy named by its key (bot_key): the key in English,
 * «один контакт» for "single_thread" in Russian. */
const char *text_strategy(Lang lang, const char *key);
const char *text_ui(Lang lang, const char *key);         /* misc labels by key; key itself if missing */
/* A label about one person, agreeing with their grammatical gender where the
 * language needs it ("engaged": «вовлечён» / «вовлечена»). */
const char *text_ui_for(Lang lang, const char *key, Gender g);
/* "introduced by Frank Deller" / «вас представил Игорь Петрович Васильев».
 * Returns buf. */
char *text_introduced_by(Lang lang, const Contact *referrer, char *buf, size_t n);

/* Odds in words: "a long shot", "likely"... (docs/how-to-play.md). */
const char *text_odds(Lang lang, OddsKind k);
/* "likely", or "a long shot (even odds if it answers a need you have not
 * found yet)". Returns buf. */
char *text_pitch_odds(Lang lang, PitchOutlook o, char *buf, size_t n);
/* "very likely", or "a long shot, and it costs goodwill" (asked too early).
 * Returns buf. */
char *text_referral_odds(Lang lang, ReferralOutlook o, char *buf, size_t n);

/* Choose the plural form for n: Russian has one/few/many (1 клиент, 2 клиента,
 * 5 клиентов); English uses one/many. */
const char *text_plural(Lang lang, long n, const char *one, const char *few, const char *many);

/* "240,000 EUR" / "240 000 EUR". Returns buf. */
char *text_money(Lang lang, int64_t amount, const char *currency, char *buf, size_t n);

/* One line describing a journal entry of this session. Returns buf. */
char *text_journal(Lang lang, const Sim *sim, const JournalEntry *e, char *buf, size_t n);

/* What the person in a journal entry says, if anything: the scenario's line
 * for that moment (a reaction written for the idea pitched, an introduction
 * written for the colleague introduced, else the person's own line), or for
 * an introduction nobody wrote, a neutral line of the engine's. NULL when the
 * entry has nothing to say. The result is buf or a scenario string. */
const char *text_dialogue(Lang lang, const Sim *sim, const JournalEntry *e, char *buf, size_t n);

/* Why command c is refused, in full: the refusal, and for a proposal that
 * lacks approvals, who must still back it ("Still needed: economic buyer,
 * Ivan Petrov."). Returns buf. */
char *text_why_refused(Lang lang, const Sim *sim, Command c, Refusal r, char *buf, size_t n);

/* A coaching note as a sentence or two. Returns buf. */
char *text_coach(Lang lang, const Sim *sim, const CoachNote *note, char *buf, size_t n);

/* "revenue +12, referrals +20 → total +6". Returns buf. */
char *text_score_change(Lang lang, const ScoreChange *ch, char *buf, size_t n);

#endif
