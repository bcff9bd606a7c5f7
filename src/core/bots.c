/* The reference strategies. Each bot is a policy: a function from what the
 * trainee can see to the next command. Bots never read hidden needs. */
#include "keyaccounts/bots.h"

#include <string.h>

static const char *const BOT_KEYS[BOT_COUNT] = {
    "random", "single_thread", "idea_first", "expander", "greedy",
};

const char *bot_key(BotKind b)
{
    return b >= 0 && b < BOT_COUNT ? BOT_KEYS[b] : "?";
}

bool bot_from_key(const char *key, BotKind *out)
{
    for (int i = 0; i < BOT_COUNT; i++) {
        if (strcmp(key, BOT_KEYS[i]) == 0) {
            *out = (BotKind)i;
            return true;
        }
    }
    return false;
}

static Command cmd(ActionKind kind, int a, int c, int i)
{
    Command x = {kind, a, c, i};
    return x;
}

static bool can(const Sim *sim, Command c)
{
    return sim_check(sim, c) == REFUSE_NONE;
}

/* A candidate command with a priority; the bot takes the highest. */
typedef struct Choice {
    Command cmd;
    long prio;
    bool set;
} Choice;

static void offer(const Sim *sim, Choice *best, Command c, long prio)
{
    if ((!best->set || prio > best->prio) && can(sim, c)) {
        best->cmd = c;
        best->prio = prio;
        best->set = true;
    }
}

/* Whether the trainee has discovered that contact c holds a need idea i answers. */
static bool known_fit(const Sim *sim, int a, int c, int i)
{
    const Idea *idea = &sim_scenario(sim)->accounts[a].ideas[i];
    for (int k = 0; k < idea->need_count; k++) {
        if (sim_need_known(sim, a, c, idea->needs[k])) {
            return true;
        }
    }
    return false;
}

static int known_need_count(const Sim *sim, int a, int c)
{
    int needs[SCN_MAX_CONTACT_NEEDS];
    int n = sim_contact_needs(sim, a, c, needs, SCN_MAX_CONTACT_NEEDS);
    int known = 0;
    for (int k = 0; k < n && k < SCN_MAX_CONTACT_NEEDS; k++) {
        known += sim_need_known(sim, a, c, needs[k]);
    }
    return known;
}

/* Roles an idea still lacks among its sponsors (visible: roles are on the card). */
static unsigned missing_roles(const Sim *sim, int a, int i)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    unsigned have = 0;
    for (int c = 0; c < acc->contact_count; c++) {
        if (sim_sponsors(sim, a, i, c)) {
            have |= acc->contacts[c].roles;
        }
    }
    return acc->ideas[i].approval_roles & ~have;
}

static bool needs_approval_from(const Sim *sim, int a, int i, int c)
{
    const Idea *idea = &sim_scenario(sim)->accounts[a].ideas[i];
    for (int k = 0; k < idea->approval_contact_count; k++) {
        if (idea->approval_contacts[k] == c) {
            return true;
        }
    }
    return false;
}

static int main_contact(const Account *acc)
{
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].main) {
            return c;
        }
    }
    return -1;
}

static Command end_week(void)
{
    return cmd(ACT_END_WEEK, 0, -1, -1);
}

/* ---- random ---------------------------------------------------------------- */

static Command choose_random(const Sim *sim, Rng *rng)
{
    const Scenario *s = sim_scenario(sim);
    /* Reservoir sampling over every command that can be tried. */
    Command pick = end_week();
    uint32_t seen = 1;
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        Command simple[2] = {cmd(ACT_RESEARCH, a, -1, -1), cmd(ACT_SERVICE, a, -1, -1)};
        for (int k = 0; k < 2; k++) {
            if (can(sim, simple[k]) && rng_below(rng, ++seen) == 0) {
                pick = simple[k];
            }
        }
        for (int c = 0; c < acc->contact_count; c++) {
            ContactStatus st = sim_contact_status(sim, a, c);
            if (st == STATUS_HEARD_OF) {
                Command x = cmd(ACT_COLD_CALL, a, c, -1);
                if (can(sim, x) && rng_below(rng, ++seen) == 0) {
                    pick = x;
                }
            }
            if (st != STATUS_KNOWN) {
                continue;
            }
            Command per[2] = {cmd(ACT_MEET, a, c, -1), cmd(ACT_REFERRAL, a, c, -1)};
            for (int k = 0; k < 2; k++) {
                if (can(sim, per[k]) && rng_below(rng, ++seen) == 0) {
                    pick = per[k];
                }
            }
            /* One pitch per contact, to a random idea, keeps the draw fair. */
            Command p = cmd(ACT_PITCH, a, c, (int)rng_below(rng, (uint32_t)acc->idea_count));
            if (can(sim, p) && rng_below(rng, ++seen) == 0) {
                pick = p;
            }
        }
        for (int i = 0; i < acc->idea_count; i++) {
            Command x = cmd(ACT_PROPOSE, a, -1, i);
            if (can(sim, x) && rng_below(rng, ++seen) == 0) {
                pick = x;
            }
        }
    }
    return pick;
}

/* ---- shared policy pieces ---------------------------------------------------- */

static void offer_proposals(const Sim *sim, Choice *best, int a, long prio)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    for (int i = 0; i < acc->idea_count; i++) {
        offer(sim, best, cmd(ACT_PROPOSE, a, -1, i), prio + (long)(acc->ideas[i].value / 1000));
    }
}

static void offer_service(const Sim *sim, Choice *best, int a, int every, long prio)
{
    if (sim_week(sim) - sim_last_service(sim, a) >= every
        && sim_scenario(sim)->accounts[a].baseline > 0) {
        offer(sim, best, cmd(ACT_SERVICE, a, -1, -1), prio);
    }
}

static int refusals(const Sim *sim, int a, int c, int i)
{
    return sim_pitch_refusals(sim, a, i, c);
}

/* ---- single_thread ------------------------------------------------------------ */

static Command choose_single_thread(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = {end_week(), 0, false};
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        int m = main_contact(acc);
        offer_proposals(sim, &best, a, 1000);
        offer_service(sim, &best, a, s->rules.neglect_weeks - 1, 900);
        if (m < 0 || sim_contact_status(sim, a, m) != STATUS_KNOWN) {
            continue;
        }
        if (sim_relationship(sim, a, m) < 70) {
            offer(sim, &best, cmd(ACT_MEET, a, m, -1), 500);
        }
        for (int i = 0; i < acc->idea_count; i++) {
            if (refusals(sim, a, m, i) >= 2) {
                continue;
            }
            long p = known_fit(sim, a, m, i) ? 700 : 300;
            offer(sim, &best, cmd(ACT_PITCH, a, m, i), p + (long)(acc->ideas[i].value / 10000));
        }
        if (known_need_count(sim, a, m) == 0) {
            offer(sim, &best, cmd(ACT_MEET, a, m, -1), 600);
        }
    }
    return best.set ? best.cmd : end_week();
}

/* ---- idea_first ----------------------------------------------------------------- */

static Command choose_idea_first(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = {end_week(), 0, false};
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        offer_proposals(sim, &best, a, 1000);
        offer_service(sim, &best, a, s->rules.neglect_weeks - 1, 900);
        for (int c = 0; c < acc->contact_count; c++) {
            if (sim_contact_status(sim, a, c) != STATUS_KNOWN) {
                continue;
            }
            for (int i = 0; i < acc->idea_count; i++) {
                if (refusals(sim, a, c, i) >= 2) {
                    continue;
                }
                long p = known_fit(sim, a, c, i) ? 700 : 200;
                offer(sim, &best, cmd(ACT_PITCH, a, c, i),
                      p + acc->contacts[c].influence * 10 + (long)(acc->ideas[i].value / 20000));
            }
            if (sim_relationship(sim, a, c) < 45) {
                offer(sim, &best, cmd(ACT_MEET, a, c, -1), 400 + acc->contacts[c].influence);
            }
        }
    }
    return best.set ? best.cmd : end_week();
}

/* ---- expander --------------------------------------------------------------------- */

static void expander_account(const Sim *sim, int a, Choice *best)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[a];
    long w = acc->weight;
    offer_proposals(sim, best, a, 2000);
    offer_service(sim, best, a, s->rules.neglect_weeks - 1, 1500);
    int leads = 0;
    for (int c = 0; c < acc->contact_count; c++) {
        ContactStatus st = sim_contact_status(sim, a, c);
        const Contact *ct = &acc->contacts[c];
        if (st == STATUS_HEARD_OF) {
            leads++;
            offer(sim, best, cmd(ACT_COLD_CALL, a, c, -1), 600 + ct->influence * 20 + w);
            continue;
        }
        if (st != STATUS_KNOWN) {
            continue;
        }
        int rel = sim_relationship(sim, a, c);
        bool role_holder = ct->roles != 0;
        /* Pitch what fits a need they told us about; pitch for approvals. */
        for (int i = 0; i < acc->idea_count; i++) {
            if (refusals(sim, a, c, i) >= 2) {
                continue;
            }
            long value = (long)(acc->ideas[i].value / 10000);
            if (known_fit(sim, a, c, i)) {
                offer(sim, best, cmd(ACT_PITCH, a, c, i), 1200 + value + w);
            } else if (sim_sponsor_count(sim, a, i) > 0
                       && ((missing_roles(sim, a, i) & ct->roles) || needs_approval_from(sim, a, i, c))) {
                offer(sim, best, cmd(ACT_PITCH, a, c, i), 1100 + value + w);
            }
        }
        /* Ask to be introduced once trusted and once we brought value. */
        if (rel >= s->rules.referral_at) {
            bool sponsors = false;
            for (int i = 0; i < acc->idea_count && !sponsors; i++) {
                sponsors = sim_sponsors(sim, a, i, c);
            }
            offer(sim, best, cmd(ACT_REFERRAL, a, c, -1), (sponsors ? 1300 : 450) + w);
        }
        /* Build trust where it lacks, and draw needs out. */
        if (rel < s->rules.referral_at) {
            offer(sim, best, cmd(ACT_MEET, a, c, -1),
                  800 + ct->influence * 20 + (role_holder ? 50 : 0) + w);
        } else if (known_need_count(sim, a, c) == 0 && rel < 80) {
            offer(sim, best, cmd(ACT_MEET, a, c, -1), 700 + ct->influence * 10 + w);
        } else if (rel < 60) {
            offer(sim, best, cmd(ACT_MEET, a, c, -1), 500 + w);
        }
    }
    offer(sim, best, cmd(ACT_RESEARCH, a, -1, -1), (leads == 0 ? 650 : 300) + w);
}

static Command choose_expander(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = {end_week(), 0, false};
    for (int a = 0; a < s->account_count; a++) {
        expander_account(sim, a, &best);
    }
    return best.set ? best.cmd : end_week();
}

/* ---- greedy ------------------------------------------------------------------------- */

static Command choose_greedy(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Choice best = {end_week(), 0, false};
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        offer_proposals(sim, &best, a, 100000);
        offer_service(sim, &best, a, 1, 50000);
        for (int c = 0; c < acc->contact_count; c++) {
            if (sim_contact_status(sim, a, c) != STATUS_KNOWN) {
                continue;
            }
            for (int i = 0; i < acc->idea_count; i++) {
                if (refusals(sim, a, c, i) >= 1) {
                    continue;
                }
                /* The biggest cheque first, to whoever likes us most. */
                offer(sim, &best, cmd(ACT_PITCH, a, c, i),
                      (long)(acc->ideas[i].value / 1000) + sim_relationship(sim, a, c));
            }
        }
    }
    return best.set ? best.cmd : end_week();
}

Command bot_choose(const Sim *sim, BotKind kind, Rng *rng)
{
    switch (kind) {
    case BOT_RANDOM:
        return choose_random(sim, rng);
    case BOT_SINGLE_THREAD:
        return choose_single_thread(sim);
    case BOT_IDEA_FIRST:
        return choose_idea_first(sim);
    case BOT_EXPANDER:
        return choose_expander(sim);
    case BOT_GREEDY:
        return choose_greedy(sim);
    case BOT_COUNT:
        break;
    }
    return end_week();
}

int bot_play(Sim *sim, BotKind kind, uint64_t bot_seed)
{
    Rng rng;
    rng_seed(&rng, bot_seed, 0xb07u);
    while (!sim_over(sim)) {
        Command c = bot_choose(sim, kind, &rng);
        Refusal r = sim_apply(sim, c);
        if (r == REFUSE_COUNT) {
            return -1;
        }
        if (r != REFUSE_NONE) {
            /* A policy offered something the rules refuse: end the week rather
             * than loop. (Policies only offer commands sim_check accepts.) */
            if (sim_apply(sim, end_week()) == REFUSE_COUNT) {
                return -1;
            }
        }
    }
    return 0;
}
