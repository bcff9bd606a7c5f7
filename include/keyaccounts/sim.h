/* The simulation: one session of one scenario.
 *
 * Every trainee decision is a Command applied by sim_apply(), which checks it,
 * resolves it with the simulation's own seeded RNG, records what happened in
 * the journal, attributes every score change to it and appends it to the
 * session log. The window, the terminal game, the bots and replay all go
 * through this one function. Same scenario + seed + commands = same session.
 * Part of the core: no I/O, no clock, no global state. */
#ifndef KEYACCOUNTS_SIM_H
#define KEYACCOUNTS_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyaccounts/model.h"

typedef struct Sim Sim;

typedef struct Command {
    ActionKind kind;
    int account; /* index */
    int contact; /* index or -1 */
    int idea;    /* index or -1 */
} Command;

/* The most commands one session holds (its log, a session or result file):
 * past it only ending the weeks is accepted, so every finished session can be
 * saved and read back. */
enum { SIM_MAX_COMMANDS = 100000 };

/* Why a command cannot be applied (it would fail for sure). */
typedef enum Refusal {
    REFUSE_NONE,
    REFUSE_GAME_OVER,
    REFUSE_BAD_ARGUMENT,     /* index out of range */
    REFUSE_NO_HOURS,         /* not enough hours left this week */
    REFUSE_NOT_KNOWN,        /* you do not know this person yet */
    REFUSE_NOT_HEARD_OF,     /* you have no name to call */
    REFUSE_ALREADY_KNOWN,    /* cold call to someone you know */
    REFUSE_GONE,             /* they left the company */
    REFUSE_NOTHING_TO_FIND,  /* research has nothing left to reveal */
    REFUSE_ALREADY_SPONSOR,  /* pitched and won already */
    REFUSE_IDEA_ADOPTED,     /* the client already runs this idea */
    REFUSE_NOT_SPONSORED,    /* propose: nobody sponsors the idea */
    REFUSE_APPROVAL_MISSING, /* propose: a required approval is missing */
    REFUSE_BUDGET_FREEZE,    /* propose: budgets are frozen */
    REFUSE_NO_REFERRALS,     /* this person has nobody left to introduce */
    REFUSE_ASKED_THIS_WEEK,  /* referral or cold call already tried this week */
    REFUSE_COMMAND_LIMIT,    /* the session holds SIM_MAX_COMMANDS: only ending weeks is left */
    REFUSE_COUNT
} Refusal;

typedef enum ContactStatus {
    STATUS_UNKNOWN,  /* not on the trainee's map */
    STATUS_HEARD_OF, /* a name to approach */
    STATUS_KNOWN,    /* the trainee has a working relationship */
    STATUS_GONE,     /* left the company */
} ContactStatus;

/* What happened, for the front ends to render in their own language. */
typedef enum JournalKind {
    J_WEEK_START,        /* week */
    J_RESEARCH_DEPT,     /* found a department */
    J_RESEARCH_NAME,     /* contact: a name to approach */
    J_RESEARCH_NEED,     /* need: a company-level need */
    J_MEET,              /* contact, amount = relationship change */
    J_NEED_FOUND,        /* contact, need: a hidden need surfaced */
    J_PITCH_WON,         /* contact, idea, amount = relationship change */
    J_PITCH_LOST,        /* contact, idea, amount = relationship change; cause CAUSE_NO_FIT */
    J_REFERRAL_WON,      /* contact (referrer), other (introduced) */
    J_REFERRAL_LOST,     /* contact, amount = relationship change; cause CAUSE_TOO_EARLY */
    J_COLD_CALL_WON,     /* contact */
    J_COLD_CALL_LOST,    /* contact */
    J_PROPOSE_WON,       /* idea, money = annual value */
    J_SERVICE,           /* account, contact = main contact served or -1 */
    J_EVENT,             /* event index; message from the scenario */
    J_CONTACT_LEFT,      /* contact, amount = engaged people still there once they left;
                            cause CAUSE_THREAD when the departure could cost baseline */
    J_CONTACT_ARRIVED,   /* contact */
    J_COMPETITOR,        /* amount = weeks */
    J_FREEZE,            /* amount = weeks */
    J_NEED_CHANGED,      /* contact, need (added or -1), other = removed need or -1 */
    J_RELATIONSHIP,      /* contact, amount */
    J_ANCHOR_LOST,       /* contact, amount = percent, money = baseline lost when a thread left */
    J_EROSION,           /* amount = percent, money = baseline lost; cause CAUSE_NEGLECT and/or
                            CAUSE_COMPETITOR, other = weeks since the last service */
    J_DECAY,             /* contact, amount = goodwill faded */
    J_REVENUE,           /* money = revenue booked this week */
    J_GAME_OVER,
    J_COUNT
} JournalKind;

/* Why something happened, as recorded in JournalEntry.cause (bits). */
typedef enum JournalCause {
    CAUSE_NEGLECT = 1 << 0,    /* J_EROSION: no service for rules.neglect_weeks weeks */
    CAUSE_COMPETITOR = 1 << 1, /* J_EROSION: a competitor courts and no economic buyer is engaged */
    CAUSE_NO_FIT = 1 << 2,     /* J_PITCH_LOST: the idea answered none of the person's needs */
    CAUSE_TOO_EARLY = 1 << 3,  /* J_REFERRAL_LOST: asked below rules.referral_at */
    CAUSE_THREAD = 1 << 4,     /* J_CONTACT_LEFT: a known contact, engaged or the main contact */
} JournalCause;

typedef struct JournalEntry {
    JournalKind kind;
    int week;
    int account;
    int contact;
    int other;     /* second contact or need, see JournalKind */
    int idea;
    int need;
    int event;
    int amount;
    int64_t money;
    int cause;     /* JournalCause bits, see JournalKind; 0 when none */
    int command;   /* index in the session log of the cause, or -1 for end of week */
} JournalEntry;

typedef struct Score {
    int sub[SUB_COUNT]; /* 0..100 each */
    int total;          /* 0..100, weighted */
} Score;

/* One attributed score change: `journal` names the action or event. */
typedef struct ScoreChange {
    int journal;        /* index into the journal */
    int account;        /* -1 when the overall score is meant */
    int sub[SUB_COUNT]; /* change in each sub-score of the overall score */
    int total;          /* change in the total */
} ScoreChange;

/* The state at the end of a week (week 0: the start). */
typedef struct WeekSnapshot {
    int week;
    Score score;
    int64_t revenue_run_rate; /* annual, all accounts */
    int64_t revenue_booked;   /* cumulative */
    int engaged;              /* engaged contacts, all accounts */
    int known;                /* known contacts, all accounts */
} WeekSnapshot;

/* Coaching notes; each is read from the journal's own records, never guessed. */
typedef enum CoachKind {
    COACH_NO_REFERRAL,        /* never asked for a referral */
    COACH_NO_ECONOMIC,        /* account: never engaged the economic buyer */
    COACH_SINGLE_THREADED,    /* amount weeks of `other` weeks single-threaded */
    COACH_UNPITCHED_FIT,      /* account, idea, contact: fitted their need, never pitched */
    COACH_NO_RESEARCH,        /* never researched the account */
    COACH_NEGLECT,            /* account: money lost to neglect; amount = longest run of weeks
                                 without service, other = rules.neglect_weeks */
    COACH_COMPETITOR,         /* account: money lost while a competitor courted and no economic
                                 buyer was engaged; amount = weeks it cost */
    COACH_SPONSORED_NOT_PROPOSED, /* account, idea: sponsored but never proposed */
    COACH_ANCHOR_LOST,        /* account, contact, week: a thread left and it cost money;
                                 amount = engaged people left, other = percent cut */
    COACH_DEPARTURE_FREE,     /* account, contact, week: a thread left and it cost nothing;
                                 amount = engaged people who still held the account */
    COACH_EARLY_REFERRALS,    /* amount referrals refused as asked too early, other = relationship
                                 points they cost */
    COACH_PITCHES_REFUSED,    /* amount pitches turned down, part = how many answered no need of
                                 the person, other = relationship points they cost */
    COACH_NO_IDEAS,           /* no idea was adopted */
    COACH_WELL_DONE,          /* passed, and the yearly revenue grew */
    COACH_SCENARIO_NOTE,      /* idea holds the DebriefNote index */
    COACH_COUNT
} CoachKind;

typedef struct CoachNote {
    CoachKind kind;
    int account;
    int contact;
    int idea;
    int amount;
    int other;
    int part;      /* a part of amount, see CoachKind */
    int week;      /* when it happened, or 0 */
    int64_t money; /* yearly revenue it cost, or 0 */
} CoachNote;

/* Lifecycle. sim_create returns NULL when out of memory. The scenario must
 * outlive the Sim. */
Sim *sim_create(const Scenario *s, uint64_t seed);
void sim_destroy(Sim *sim);      /* accepts NULL */
void sim_reset(Sim *sim, uint64_t seed); /* a new session, no allocation */
/* Makes dst the same session as src (state, RNG, records), reusing dst's
 * buffers; both must come from the same scenario. Returns false when out of
 * memory, leaving dst unchanged. Searches
 * over sessions use it to try a command on a copy. */
bool sim_copy(Sim *dst, const Sim *src);

const Scenario *sim_scenario(const Sim *sim);
uint64_t sim_seed(const Sim *sim);

/* Commands. sim_check says why a command would fail for sure (REFUSE_NONE when
 * it can be tried). sim_apply checks, then applies it; a refused command
 * changes nothing and is not logged. Returns the refusal, or REFUSE_NONE.
 * sim_apply can fail only by running out of memory for the journal: then it
 * returns REFUSE_COUNT and the session is unchanged. */
Refusal sim_check(const Sim *sim, Command c);
Refusal sim_apply(Sim *sim, Command c);
int sim_cost(const Sim *sim, ActionKind a);

/* State the trainee can see. */
bool sim_over(const Sim *sim);
int sim_week(const Sim *sim);          /* 1-based; weeks+1 when over */
int sim_hours_left(const Sim *sim);
ContactStatus sim_contact_status(const Sim *sim, int account, int contact);
int sim_relationship(const Sim *sim, int account, int contact);
bool sim_engaged(const Sim *sim, int account, int contact);
int sim_introduced_by(const Sim *sim, int account, int contact); /* -1 if none */
/* Whether the trainee has discovered that this contact holds this need. */
bool sim_need_known(const Sim *sim, int account, int contact, int need);
bool sim_company_need_known(const Sim *sim, int account, int need);
bool sim_department_known(const Sim *sim, int account, int dept);
bool sim_sponsors(const Sim *sim, int account, int idea, int contact);
int sim_sponsor_count(const Sim *sim, int account, int idea);
const int *sim_sponsor_list(const Sim *sim, int account, int idea, int *count);
int sim_sponsoring(const Sim *sim, int account, int contact); /* ideas they sponsor */
/* What an idea still lacks before it can close: the approval roles no sponsor
 * holds (BuyingRole bits), and the named approvers who do not sponsor it yet
 * (up to max written to out; the count is returned). */
unsigned sim_missing_roles(const Sim *sim, int account, int idea);
int sim_missing_approvers(const Sim *sim, int account, int idea, int *out, int max);
/* The ideas that answer a need (from the scenario; never changes). */
const int *sim_ideas_for_need(const Sim *sim, int account, int need, int *count);
bool sim_idea_adopted(const Sim *sim, int account, int idea);
bool sim_idea_pitched(const Sim *sim, int account, int idea);
int sim_referrals_left(const Sim *sim, int account, int contact);
int sim_pitch_refusals(const Sim *sim, int account, int idea, int contact);
int sim_last_service(const Sim *sim, int account); /* week, 0 = never */
int64_t sim_baseline(const Sim *sim, int account);   /* current */
int64_t sim_run_rate(const Sim *sim, int account);   /* baseline + adopted */
int64_t sim_revenue_booked(const Sim *sim);
int sim_freeze_weeks(const Sim *sim, int account);
int sim_competitor_weeks(const Sim *sim, int account);
bool sim_contact_has_need(const Sim *sim, int account, int contact, int need); /* current, after changes */

/* The contact's need list as it is now (needs may change); count returned. */
int sim_contact_needs(const Sim *sim, int account, int contact, int *out, int max);
/* The needs on that list the trainee has discovered, in list order: what
 * sim_contact_needs and sim_need_known give, in one call. Count written
 * (at most max). */
int sim_known_needs(const Sim *sim, int account, int contact, int *out, int max);

/* Scores. */
Score sim_score(const Sim *sim);                 /* overall */
Score sim_account_score(const Sim *sim, int account);
bool sim_passed(const Sim *sim);                 /* total >= pass mark */
/* The pass rule's business result: the clients buy more a year than at the
 * start, and at least one idea was adopted. Without it the overall total is
 * held below the pass mark. */
bool sim_business_result(const Sim *sim);

/* Records. Pointers are valid until the next sim_apply or sim_reset. */
const JournalEntry *sim_journal(const Sim *sim, size_t *count);
const ScoreChange *sim_score_changes(const Sim *sim, size_t *count);
const Command *sim_log(const Sim *sim, size_t *count);
const WeekSnapshot *sim_timeline(const Sim *sim, size_t *count);

/* Coaching notes for the debrief, most important first; returns how many were
 * written (at most max). */
size_t sim_coach(const Sim *sim, CoachNote *out, size_t max);

const char *refusal_key(Refusal r);

#endif
