/* A beam search over the engine's own commands (see optimise.h). Every node
 * is a whole Sim; trying a command is a sim_copy and a sim_apply, so the
 * search sees exactly the dice the session would roll. */
#include "keyaccounts/optimise.h"

#include <stddef.h>

typedef struct Node {
    Sim *sim;
    long value;
} Node;

/* The search's own ordering of unfinished sessions: passing now first, then
 * the total score, then progress the score cannot see yet (ideas sponsored,
 * ideas ready to close, relationships), which rewards the first steps of a
 * line whose score comes later. */
static long evaluate(const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    long v = (sim_passed(sim) ? 1L << 24 : 0) + (long)sim_score(sim).total * 1000;
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        for (int i = 0; i < acc->idea_count; i++) {
            if (sim_idea_adopted(sim, a, i) || sim_sponsor_count(sim, a, i) == 0) {
                continue;
            }
            bool ready = sim_missing_roles(sim, a, i) == 0 && sim_missing_approvers(sim, a, i, NULL, 0) == 0;
            v += ready ? 400 : 200;
        }
        for (int c = 0; c < acc->contact_count; c++) {
            if (sim_contact_status(sim, a, c) == STATUS_KNOWN) {
                v += sim_relationship(sim, a, c) / 4;
            }
        }
    }
    return v;
}

/* Passed first, then the total: how finished games are compared. */
static bool better_final(const Sim *a, const Sim *b)
{
    bool pa = sim_passed(a), pb = sim_passed(b);
    return pa != pb ? pa : sim_score(a).total > sim_score(b).total;
}

typedef struct Beam {
    Node *next;
    int next_count;
    int width;
    Sim **scratch; /* the session just tried; swapped into the beam when kept */
} Beam;

/* Keeps *scratch in the next generation when it is among the best `width`. */
static void keep(Beam *b, long value)
{
    int slot = -1;
    if (b->next_count < b->width) {
        slot = b->next_count++;
    } else {
        for (int k = 0; k < b->width; k++) {
            if (value > b->next[k].value && (slot < 0 || b->next[k].value < b->next[slot].value)) {
                slot = k;
            }
        }
        if (slot < 0) {
            return;
        }
    }
    Sim *t = b->next[slot].sim;
    b->next[slot].sim = *b->scratch;
    b->next[slot].value = value;
    *b->scratch = t;
}

/* Tries c on a copy of from. Returns -1 when out of memory. */
static int try_command(Beam *b, const Sim *from, Rule rule, Command c)
{
    if (!rule_allows(from, rule, c) || sim_check(from, c) != REFUSE_NONE) {
        return 0;
    }
    if (!sim_copy(*b->scratch, from)) {
        return -1;
    }
    Refusal r = sim_apply(*b->scratch, c);
    if (r == REFUSE_COUNT) {
        return -1;
    }
    keep(b, evaluate(*b->scratch));
    return 0;
}

/* Every command the rule allows from this session. */
static int expand(Beam *b, const Sim *from, Rule rule)
{
    const Scenario *s = sim_scenario(from);
    int rc = try_command(b, from, rule, (Command){ACT_END_WEEK, 0, -1, -1});
    for (int a = 0; rc == 0 && a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        rc |= try_command(b, from, rule, (Command){ACT_RESEARCH, a, -1, -1});
        rc |= try_command(b, from, rule, (Command){ACT_SERVICE, a, -1, -1});
        for (int i = 0; rc == 0 && i < acc->idea_count; i++) {
            rc |= try_command(b, from, rule, (Command){ACT_PROPOSE, a, -1, i});
        }
        for (int c = 0; rc == 0 && c < acc->contact_count; c++) {
            ContactStatus st = sim_contact_status(from, a, c);
            if (st == STATUS_HEARD_OF) {
                rc |= try_command(b, from, rule, (Command){ACT_COLD_CALL, a, c, -1});
            }
            if (st != STATUS_KNOWN) {
                continue;
            }
            rc |= try_command(b, from, rule, (Command){ACT_MEET, a, c, -1});
            rc |= try_command(b, from, rule, (Command){ACT_REFERRAL, a, c, -1});
            for (int i = 0; rc == 0 && i < acc->idea_count; i++) {
                /* A pitch turned down twice by the same person is not retried. */
                if (!sim_idea_adopted(from, a, i) && sim_pitch_refusals(from, a, i, c) < 2) {
                    rc |= try_command(b, from, rule, (Command){ACT_PITCH, a, c, i});
                }
            }
        }
    }
    return rc;
}

/* One beam search from start under rule; the best finished session found is
 * copied to best when it beats it (or when there is no best yet). pool holds
 * 2 * width + 1 sessions to work in. */
static int search(const Sim *start, Rule rule, int width, Sim **pool, Sim *best, bool *have_best)
{
    Node cur[OPT_MAX_BEAM], next[OPT_MAX_BEAM];
    for (int k = 0; k < width; k++) {
        cur[k].sim = pool[k];
        next[k].sim = pool[width + k];
    }
    Sim *scratch = pool[2 * width];
    if (!sim_copy(cur[0].sim, start)) {
        return -1;
    }
    int cur_count = 1;
    Beam b = {next, 0, width, &scratch};
    for (;;) {
        bool open = false;
        b.next_count = 0;
        for (int k = 0; k < cur_count; k++) {
            const Sim *from = cur[k].sim;
            if (sim_over(from)) {
                /* A finished game stays a candidate as it is. */
                if (!sim_copy(scratch, from)) {
                    return -1;
                }
                keep(&b, cur[k].value);
                continue;
            }
            open = true;
            if (expand(&b, from, rule) != 0) {
                return -1;
            }
        }
        if (!open) {
            break;
        }
        /* The next generation becomes the current one; the old current
         * sessions become the spare slots. */
        for (int k = 0; k < width; k++) {
            Node t = cur[k];
            cur[k] = next[k];
            next[k] = t;
        }
        cur_count = b.next_count;
    }
    for (int k = 0; k < cur_count; k++) {
        if (!*have_best || better_final(cur[k].sim, best)) {
            if (!sim_copy(best, cur[k].sim)) {
                return -1;
            }
            *have_best = true;
        }
    }
    /* cur, next and scratch only ever swap the sessions of pool among
     * themselves, so pool still owns each of them once. */
    return 0;
}

/* The expander's game under the rule, as a candidate. */
static int pilot(const Sim *start, Rule rule, Sim *work, Sim *best, bool *have_best)
{
    if (!sim_copy(work, start) || bot_play_rule(work, rule) != 0) {
        return -1;
    }
    if (!*have_best || better_final(work, best)) {
        if (!sim_copy(best, work)) {
            return -1;
        }
        *have_best = true;
    }
    return 0;
}

int optimise(Sim *sim, Constraint k, int beam)
{
    int width = beam < 1 ? 1 : beam > OPT_MAX_BEAM ? OPT_MAX_BEAM : beam;
    Sim *pool[2 * OPT_MAX_BEAM + 1] = {NULL};
    Sim *best = sim_create(sim_scenario(sim), sim_seed(sim));
    int rc = best ? 0 : -1;
    for (int i = 0; rc == 0 && i < 2 * width + 1; i++) {
        pool[i] = sim_create(sim_scenario(sim), sim_seed(sim));
        rc = pool[i] ? 0 : -1;
    }
    bool have_best = false;
    int kinds = k == CONSTRAINT_ONE_ACTION ? ACT_END_WEEK : 1;
    for (int kind = 0; rc == 0 && kind < kinds; kind++) {
        Rule rule = {k, k == CONSTRAINT_ONE_ACTION ? (ActionKind)kind : ACT_COUNT};
        rc = pilot(sim, rule, pool[0], best, &have_best);
        if (rc == 0) {
            rc = search(sim, rule, width, pool, best, &have_best);
        }
    }
    if (rc == 0 && !sim_copy(sim, best)) {
        rc = -1;
    }
    for (int i = 0; i < 2 * width + 1; i++) {
        sim_destroy(pool[i]);
    }
    sim_destroy(best);
    return rc;
}
