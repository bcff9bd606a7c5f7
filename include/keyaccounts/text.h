/* Every user-visible word of the program, in English and Russian: one table
 * per language (src/text/lang_*.c) indexed by TextKey (text_keys.h), one
 * lookup, one plural rule per language, and the sentence builders for what
 * the simulation reports (journal entries, refusals, coaching notes). Shared
 * by the window, the terminal game, the report and the history. Pure
 * formatting into caller buffers: libc only, no I/O. */
#ifndef KEYACCOUNTS_TEXT_H
#define KEYACCOUNTS_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/odds.h"
#include "keyaccounts/sim.h"
#include "keyaccounts/stats.h"
#include "keyaccounts/text_keys.h"

typedef enum Lang { LANG_EN, LANG_RU, LANG_COUNT } Lang;

/* "en" / "ru" (also "ru_RU.UTF-8" and the like); LANG_EN otherwise. */
Lang text_lang_from(const char *tag);
const char *text_lang_key(Lang lang);

/* The string of key in lang; "" for a key out of range. */
const char *text_str(Lang lang, TextKey key);
/* snprintf with the string of key as the format: the tables' conversions
 * match in every language (tests/unit/test_text_tables.c). */
int text_fmt(char *buf, size_t n, Lang lang, TextKey key, ...);
int text_vfmt(char *buf, size_t n, Lang lang, TextKey key, va_list ap);
/* A label about one person, agreeing with their grammatical gender where the
 * language needs it (T_ENGAGED: «вовлечён» / «вовлечена»). */
const char *text_gendered(Lang lang, TextKey key, Gender g);

/* Fixed strings. */
const char *text_action(Lang lang, ActionKind a);        /* "Meet" */
const char *text_action_help(Lang lang, ActionKind a);   /* one sentence */
const char *text_command(Lang lang, ActionKind a);       /* terminal syntax: "meet WHO" */
/* The command word, the same in every language: "pitch"; "?" out of range. */
const char *text_verb(ActionKind a);
/* A command as typed in the terminal game: "pitch oil_analysis frank" (ids);
 * with names, the person's name instead of their id, for display. Parts out
 * of range are left out. Returns buf. */
char *text_command_line(const Scenario *s, Command c, bool names, char *buf, size_t n);
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

/* The plural form for n by the language's rule: 0 one, 1 few, 2 many.
 * Russian has one/few/many (1 клиент, 2 клиента, 5 клиентов); English uses
 * one/many. */
int text_plural_form(Lang lang, long n);
/* Choose among three words by the plural form of n. */
const char *text_plural(Lang lang, long n, const char *one, const char *few, const char *many);
/* A word from the tables: key one is the ONE form, followed by FEW and MANY
 * (T_WEEKS_ONE, T_WEEKS_FEW, T_WEEKS_MANY). */
const char *text_plural_str(Lang lang, long n, TextKey one);
/* "3 hours left" / "осталось 3 часа"; without left: "3 hours" / "3 часа". */
int text_hours(char *buf, size_t n, Lang lang, int hours, bool left);
/* "1 attempt", "3 attempts" / "1 попытка", "3 попытки", "5 попыток". */
int text_attempts(char *buf, size_t n, Lang lang, int count);

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

/* One rule of the balance verdict with its numbers and hints ("too easy:
 * random passes in 34.2% of seeds (...); raise the pass mark or the
 * targets"). Returns buf. */
char *text_verdict_line(Lang lang, const Scenario *s, const VerdictLine *l, char *buf, size_t n);
/* The verdict in one paragraph: the failed lines joined, or what passed; and
 * how close the expander came to the optimum. Returns buf. */
char *text_verdict_reason(Lang lang, const Scenario *s, const BalanceVerdict *v, char *buf, size_t n);

/* "revenue +12, referrals +20 → total +6". Returns buf. */
char *text_score_change(Lang lang, const ScoreChange *ch, char *buf, size_t n);

#endif
