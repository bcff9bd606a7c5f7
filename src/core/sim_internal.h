/* The simulation's private state, shared by sim.c (the rules), sim_query.c
 * (the accessors), sim_check.c (the checks), score.c and coach.c. */
#ifndef KEYACCOUNTS_SIM_INTERNAL_H
#define KEYACCOUNTS_SIM_INTERNAL_H

#include "keyaccounts/rng.h"
#include "keyaccounts/sim.h"

enum { IDEA_MAX_SPONSORS = 32 };

/* What one person adds to their account's score sums (score.c), as last
 * counted: kept so that a change can take the old share out again. */
typedef struct ScoreShare {
    bool present;    /* at the client now: influence counts in the whole */
    bool engaged;    /* known and at least rules.engaged_at */
    bool introduced; /* engaged and introduced by someone */
    int depth;       /* referral chain depth, when introduced */
    int64_t weight;  /* influence × relationship, when engaged */
} ScoreShare;

/* An account's score inputs summed over its people, kept up to date by
 * score_contact instead of a walk over every contact on each recomputation. */
typedef struct ScoreSums {
    int64_t infl_all;         /* influence of the people present */
    int64_t infl_engaged;     /* influence of the engaged */
    int64_t rel_weighted;     /* sum of the engaged people's weights */
    int64_t weight_max;       /* no engaged weight is above it; exact when weight_top > 0 */
    int weight_top;           /* engaged people whose weight is weight_max */
    int engaged;              /* engaged people */
    int role_engaged[ROLE_KIND_COUNT]; /* engaged people holding each role */
    int introduced;           /* engaged people who were introduced */
    int depth_one;            /* ... at depth 1 */
    int depth_deep;           /* ... at depth 2 or more */
} ScoreSums;

typedef struct ContactState {
    ContactStatus status;
    int rel;                 /* 0..100 */
    int introduced_by;       /* contact index, -1 */
    int depth;               /* referral chain depth: 0 direct, 1 introduced, ... */
    int last_touch;          /* last week of a meeting, pitch or referral talk */
    int met_week;            /* last week met */
    int asked_week;          /* last week asked for a referral */
    int called_week;         /* last week cold-called */
    int needs[SCN_MAX_CONTACT_NEEDS]; /* current needs (events may change them) */
    int need_count;
    uint32_t needs_known;    /* bit i: needs[i] discovered */
    int sponsoring;          /* ideas this contact sponsors */
    ScoreShare share;        /* what the score sums count for them */
} ContactState;

typedef struct IdeaState {
    bool adopted;
    bool pitched;
    int adopted_week;
    int sponsors[IDEA_MAX_SPONSORS];
    int sponsor_count;
    int refused_by[IDEA_MAX_SPONSORS];    /* contacts who turned the pitch down */
    int refused_times[IDEA_MAX_SPONSORS]; /* how often each did */
    int refused_count;
} IdeaState;

typedef struct AccountState {
    ContactState *contacts;
    IdeaState *ideas;
    bool *dept_known;
    bool *need_known;        /* company-level needs found by research */
    bool *event_fired;
    int *need_ideas_start;   /* ideas answering need n: need_ideas[start[n] .. start[n+1]) */
    int *need_ideas;
    int64_t baseline;
    int64_t adopted_value;
    int last_service;        /* week of the last service, 0 at start */
    int competitor_weeks;
    int freeze_weeks;
    int single_thread_weeks; /* weeks ended with at most one engaged contact */
    unsigned roles_all;      /* OR of every contact's roles (from the scenario) */
    int roles_available;     /* how many kinds of role those are */
    int idea_points;         /* level points of the adopted ideas */
    ScoreSums sums;          /* the people's share of the score, see score_contact */
    Score score;             /* cached: each sub-score as of its last computation */
    unsigned score_stale;    /* bit i: what sub-score i reads changed since (SCORE_* masks) */
    int64_t score_weighted;  /* the scoring weights times score.sub, summed */
} AccountState;

typedef struct Vec {
    void *items;
    size_t count;
    size_t capacity;
} Vec;

struct Sim {
    const Scenario *scn;
    uint64_t seed;
    Rng rng;
    int week;
    int hours_left;
    bool over;
    AccountState *accounts;
    int64_t revenue_booked;
    int referrals_asked;
    int research_done;
    Vec log;       /* Command */
    Vec journal;   /* JournalEntry */
    Vec changes;   /* ScoreChange */
    Vec timeline;  /* WeekSnapshot */
    Score last_score;
    int64_t sub_weight_sum; /* the scenario's sub-score weights, summed */
    int current_command; /* log index of the command being applied, -1 */
};

/* ---- small helpers the rules, the accessors and the checks share ---------- */

/* One unsigned comparison per bound: a negative index wraps above it. */
static inline bool valid_account(const Sim *sim, int a)
{
    return (unsigned)a < (unsigned)sim->scn->account_count;
}

static inline bool valid_contact(const Sim *sim, int a, int c)
{
    return valid_account(sim, a) && (unsigned)c < (unsigned)sim->scn->accounts[a].contact_count;
}

static inline bool valid_idea(const Sim *sim, int a, int i)
{
    return valid_account(sim, a) && (unsigned)i < (unsigned)sim->scn->accounts[a].idea_count;
}

static inline const ContactState *cstate(const Sim *sim, int a, int c)
{
    return &sim->accounts[a].contacts[c];
}

static inline int need_slot(const ContactState *cs, int need)
{
    for (int i = 0; i < cs->need_count; i++) {
        if (cs->needs[i] == need) {
            return i;
        }
    }
    return -1;
}

static inline bool idea_sponsored_by(const IdeaState *is, int c)
{
    for (int k = 0; k < is->sponsor_count; k++) {
        if (is->sponsors[k] == c) {
            return true;
        }
    }
    return false;
}

/* The next person this contact can still introduce, or -1. */
int sim_next_referral(const Sim *sim, int account, int contact);
/* How many research candidates there are; the first max written to out
 * (out may be NULL). */
int sim_research_pool(const Sim *sim, int account, int *out, int max);

/* Which sub-scores read what (bit i for sub-score i): a change names the
 * sub-scores it can move, and only those are computed again. */
#define SCORE_BIT(sub) (1u << (sub))
enum {
    SCORE_MONEY = SCORE_BIT(SUB_REVENUE),                 /* the baseline, adopted value */
    SCORE_ADOPTION = SCORE_BIT(SUB_REVENUE) | SCORE_BIT(SUB_IDEAS), /* an idea adopted */
    SCORE_WEIGHTS = SCORE_BIT(SUB_DEPTH) | SCORE_BIT(SUB_RESILIENCE), /* engaged weights */
    SCORE_PEOPLE = SCORE_BIT(SUB_PENETRATION) | SCORE_BIT(SUB_COVERAGE) | SCORE_BIT(SUB_DEPTH)
                   | SCORE_BIT(SUB_REFERRALS) | SCORE_BIT(SUB_RESILIENCE), /* all the sums */
    SCORE_ALL = (1u << SUB_COUNT) - 1u,
};

/* The account's score: the cached one, with the stale sub-scores computed
 * again. Every change to what the score reads calls score_touch with the
 * sub-scores it moves (an adopted idea, the baseline) or, for a contact's
 * status, relationship or introduction, score_contact, which also updates the
 * account's sums. */
Score score_account(const Sim *sim, int account);
void score_touch(Sim *sim, int account, unsigned subs);
void score_contact(Sim *sim, int account, int contact);
/* Counts every person of a freshly reset account into its sums. */
void score_sums_init(Sim *sim, int account);
/* Recomputes the stale sub-scores of the accounts that changed; false when
 * none had. */
bool score_refresh(Sim *sim);
Score score_overall(const Sim *sim);
int score_engaged_count(const Sim *sim, int account);
bool score_business_result(const Sim *sim);

/* Odds in percent, using what the simulation knows (including hidden needs). */
int sim_pitch_odds(const Sim *sim, int account, int contact, int idea);
int sim_referral_odds(const Sim *sim, int account, int contact);
/* The pitch chance rule of docs/how-to-play.md: fit (the idea answers one of
 * their needs), tailored (the trainee had found that need), relationship and
 * the response mode's bonus. */
int pitch_chance(bool fit, bool tailored, int rel, int mode_bonus);
/* The response mode's bonus to a pitch (trouble helps only a fitting one). */
int pitch_mode_bonus(ResponseMode mode, bool fit);
/* Relationship gained by the first meeting of a week at relationship rel. */
int meet_gain(ResponseMode mode, int rel);
bool sim_condition_holds(const Sim *sim, const Condition *when);

#endif
