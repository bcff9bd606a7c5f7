/* The scoring model and the pass rule (DESIGN.md section 3), on the scenario
 * built in C (tests/unit/fixture.h): no pass without a business result, value
 * keeps counting past a target, depth does not reward staying narrow. */
#include "../check.h"
#include "fixture.h"
#include "keyaccounts/sim.h"

static Command c_(ActionKind k, int contact, int idea)
{
    Command c = {k, 0, contact, idea};
    return c;
}

/* Pitches `idea` to `contact` until they sponsor it (ending weeks when the
 * hours run out), then proposes it. Returns whether it was adopted. */
static bool win_and_propose(Sim *sim, int contact, int idea)
{
    for (int tries = 0; tries < 40 && !sim_sponsors(sim, 0, idea, contact) && !sim_over(sim); tries++) {
        if (sim_check(sim, c_(ACT_PITCH, contact, idea)) == REFUSE_NO_HOURS) {
            sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
        }
        sim_apply(sim, c_(ACT_PITCH, contact, idea));
    }
    if (sim_check(sim, c_(ACT_PROPOSE, -1, idea)) == REFUSE_NO_HOURS) {
        sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
    }
    return sim_apply(sim, c_(ACT_PROPOSE, -1, idea)) == REFUSE_NONE && sim_idea_adopted(sim, 0, idea);
}

/* Only the structure sub-scores count: networking alone earns points. */
static void structure_only(Scenario *s, int pass_mark)
{
    for (int i = 0; i < SUB_COUNT; i++) {
        s->scoring.weights[i] = i == SUB_REVENUE || i == SUB_IDEAS ? 0 : 10;
    }
    s->scoring.pass_mark = pass_mark;
}

static void test_no_pass_without_an_adopted_idea(void)
{
    Scenario *s = fixture_create(99);
    structure_only(s, 5);
    Sim *sim = sim_create(s, 4);
    /* Paula is engaged from the start: the structure alone is worth more than
     * the pass mark, yet the total is held just below it. */
    Score sc = sim_score(sim);
    CHECK(sc.sub[SUB_PENETRATION] > 0);
    CHECK(!sim_business_result(sim));
    CHECK_EQ_INT(sc.total, 4);
    CHECK(!sim_passed(sim));
    while (!sim_over(sim)) {
        if (sim_apply(sim, c_(ACT_MEET, F_PAULA, -1)) != REFUSE_NONE) {
            sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
        }
    }
    CHECK_EQ_INT(sim_score(sim).total, 4);
    CHECK(!sim_passed(sim));
    sim_destroy(sim);

    /* The same play with one adopted idea passes: the rule is the reason. */
    sim = sim_create(s, 4);
    CHECK(win_and_propose(sim, F_PAULA, F_IDEA_SWAP));
    CHECK(sim_business_result(sim));
    CHECK(sim_score(sim).total >= 5);
    CHECK(sim_passed(sim));
    sim_destroy(sim);
    scenario_destroy(s);
}

static void test_no_pass_when_revenue_shrinks(void)
{
    Scenario *s = fixture_create(99);
    structure_only(s, 5);
    Sim *sim = sim_create(s, 4);
    CHECK(win_and_propose(sim, F_PAULA, F_IDEA_SWAP));
    CHECK(sim_passed(sim));
    /* Never serviced from now on, and neglect costs dearly: the baseline
     * erodes below what the idea added. */
    s->rules.neglect_weeks = 1;
    s->rules.erosion = 20;
    while (!sim_over(sim)) {
        sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
    }
    CHECK(sim_run_rate(sim, 0) < s->accounts[0].baseline);
    CHECK(sim_idea_adopted(sim, 0, F_IDEA_SWAP));
    CHECK(!sim_business_result(sim));
    CHECK(sim_score(sim).total <= 4);
    CHECK(!sim_passed(sim));
    /* The score change that held it below the pass mark names its cause. */
    size_t n, jn;
    const ScoreChange *ch = sim_score_changes(sim, &n);
    const JournalEntry *j = sim_journal(sim, &jn);
    bool erosion_cost = false;
    for (size_t k = 0; k < n; k++) {
        erosion_cost = erosion_cost || (j[ch[k].journal].kind == J_EROSION && ch[k].total < 0);
    }
    CHECK(erosion_cost);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* Growth past the target still counts, with diminishing returns. */
static void test_value_counts_past_the_target(void)
{
    Scenario *s = fixture_create(99);
    s->accounts[0].growth_target = 20000;
    s->scoring.idea_target = 1;
    s->accounts[0].contacts[F_THEO].known = true;
    s->accounts[0].contacts[F_THEO].relationship = 70;
    Sim *sim = sim_create(s, 5);
    CHECK(win_and_propose(sim, F_PAULA, F_IDEA_SWAP)); /* 20,000: the target */
    Score at = sim_score(sim);
    CHECK_EQ_INT(at.sub[SUB_REVENUE], 80);
    CHECK_EQ_INT(at.sub[SUB_IDEAS], 80); /* one product-level point: the target */
    CHECK(win_and_propose(sim, F_THEO, F_IDEA_PROGRAMME)); /* +60,000: four times the target */
    Score past = sim_score(sim);
    CHECK_EQ_INT(past.sub[SUB_REVENUE], 80 + 20 * 60000 / 80000);
    CHECK_EQ_INT(past.sub[SUB_IDEAS], 80 + 20 * 2 / 3); /* 3 points against 1 */
    CHECK(past.total > at.total);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* One close friend is not a deep relationship with the account: depth is
 * measured over at least the share of influence the penetration target asks. */
static void test_depth_does_not_reward_narrowness(void)
{
    Scenario *s = fixture_create(99);
    Sim *sim = sim_create(s, 6);
    for (int k = 0; k < 12; k++) {
        if (sim_apply(sim, c_(ACT_MEET, F_PAULA, -1)) != REFUSE_NONE) {
            sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
        }
    }
    int rel = sim_relationship(sim, 0, F_PAULA);
    CHECK(rel >= 60);
    /* Present influence: Paula 3, Theo 3, Erin 5, Uma 2 = 13. */
    int64_t base = 13 * s->scoring.penetration_target / 100;
    CHECK_EQ_INT(sim_score(sim).sub[SUB_DEPTH], 3 * rel / base);
    CHECK(sim_score(sim).sub[SUB_DEPTH] < rel / 2);
    sim_destroy(sim);
    scenario_destroy(s);
}

int main(void)
{
    test_no_pass_without_an_adopted_idea();
    test_no_pass_when_revenue_shrinks();
    test_value_counts_past_the_target();
    test_depth_does_not_reward_narrowness();
    return check_result("test_score");
}
