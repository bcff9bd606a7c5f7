/* The odds of a pitch or a referral as the trainee can judge them before
 * acting: computed only from what the trainee can see (the relationship,
 * the needs they have discovered, the ideas a person sponsors), never from
 * hidden needs or a person's response mode. The words for each kind of odds
 * live in the text layer (text_odds). Part of the core: numbers and kinds,
 * no prose. */
#ifndef KEYACCOUNTS_ODDS_H
#define KEYACCOUNTS_ODDS_H

#include <stdbool.h>

#include "keyaccounts/sim.h"

/* Buckets of a chance, as docs/how-to-play.md names them. */
typedef enum OddsKind {
    ODDS_LONG_SHOT,   /* below 20% */
    ODDS_UNLIKELY,    /* 20-39% */
    ODDS_EVEN,        /* 40-59% */
    ODDS_LIKELY,      /* 60-79% */
    ODDS_VERY_LIKELY, /* 80% and above */
    ODDS_COUNT
} OddsKind;

OddsKind odds_kind(int percent);

/* A pitch as the trainee sees it. When the trainee knows that the person
 * holds a need the idea answers, low == high: the chance of a tailored pitch.
 * Otherwise low is the chance if the idea answers none of their needs and
 * high the chance if it answers one the trainee has not found yet. Both
 * leave out the person's response mode, which the trainee cannot see (it
 * moves the real chance by -15 to +10 points). */
typedef struct PitchOutlook {
    bool fit_known;
    int low, high;          /* percent */
    OddsKind low_kind, high_kind;
} PitchOutlook;

PitchOutlook odds_pitch(const Sim *sim, int account, int contact, int idea);

/* The best chance a pitch that answers none of a person's needs can have
 * in a session of `weeks` weeks: with their response mode, at the
 * relationship they reach when met once every week from their starting
 * relationship. For judging a scenario without playing it (lint); *rel, when
 * not NULL, receives that relationship. */
int odds_no_fit_ceiling(const Contact *c, int weeks, int *rel);

/* A referral: the chance is all visible (relationship and sponsorship), and
 * asking too early costs goodwill. */
typedef struct ReferralOutlook {
    int percent;
    OddsKind kind;
    bool too_early;         /* relationship below the scenario's referral_at */
} ReferralOutlook;

ReferralOutlook odds_referral(const Sim *sim, int account, int contact);

#endif
