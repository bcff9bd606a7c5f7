/* The rules, the score and the records of the simulation, on a scenario built
 * in C (tests/unit/fixture.h). */
#include <stdlib.h>

#include "../check.h"
#include "fixture.h"
#include "keyaccounts/alloc.h"
#include "keyaccounts/bots.h"
#include "keyaccounts/rng.h"
#include "keyaccounts/sim.h"
#include "keyaccounts/stats.h"

static Command c_(ActionKind k, int contact, int idea)
{
    Command c = {k, 0, contact, idea};
    return c;
}

static void test_rng(void)
{
    Rng a, b;
    rng_seed(&a, 42, 7);
    rng_seed(&b, 42, 7);
    bool same = true;
    for (int i = 0; i < 1000; i++) {
        same = same && rng_next(&a) == rng_next(&b);
    }
    CHECK(same);
    rng_seed(&b, 43, 7);
    CHECK(rng_next(&a) != rng_next(&b));
    int hist[6] = {0};
    for (int i = 0; i < 6000; i++) {
        uint32_t v = rng_below(&a, 6);
        CHECK(v < 6);
        hist[v]++;
    }
    for (int i = 0; i < 6; i++) {
        CHECK(hist[i] > 800 && hist[i] < 1200);
    }
    CHECK(!rng_chance(&a, 0));
    CHECK(rng_chance(&a, 100));
}

static void test_refusals_change_nothing(void)
{
    Scenario *s = fixture_create(3);
    Sim *sim = sim_create(s, 1);
    size_t n;
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_MEET, F_ERIN, -1)), REFUSE_NOT_KNOWN);
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_COLD_CALL, F_ERIN, -1)), REFUSE_NOT_HEARD_OF);
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_COLD_CALL, F_PAULA, -1)), REFUSE_ALREADY_KNOWN);
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_PROPOSE, -1, F_IDEA_SWAP)), REFUSE_NOT_SPONSORED);
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_MEET, 99, -1)), REFUSE_BAD_ARGUMENT);
    CHECK_EQ_INT(sim_apply(sim, (Command){ACT_MEET, 5, 0, -1}), REFUSE_BAD_ARGUMENT);
    CHECK_EQ_INT(sim_hours_left(sim), 12);
    sim_log(sim, &n);
    CHECK_EQ_INT(n, 0);
    /* Spend the hours, then the next action is refused for lack of them. */
    for (int k = 0; k < 6; k++) {
        CHECK_EQ_INT(sim_apply(sim, c_(ACT_MEET, F_PAULA, -1)), REFUSE_NONE);
    }
    CHECK_EQ_INT(sim_hours_left(sim), 0);
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_MEET, F_PAULA, -1)), REFUSE_NO_HOURS);
    sim_log(sim, &n);
    CHECK_EQ_INT(n, 6);
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_END_WEEK, -1, -1)), REFUSE_NONE);
    CHECK_EQ_INT(sim_week(sim), 2);
    CHECK_EQ_INT(sim_hours_left(sim), 12);
    sim_destroy(sim);
    scenario_destroy(s);
}

static void test_meeting_grows_relationship(void)
{
    Scenario *s = fixture_create(3);
    Sim *sim = sim_create(s, 5);
    int before = sim_relationship(sim, 0, F_PAULA);
    sim_apply(sim, c_(ACT_MEET, F_PAULA, -1));
    int once = sim_relationship(sim, 0, F_PAULA);
    CHECK(once > before);
    sim_apply(sim, c_(ACT_MEET, F_PAULA, -1));
    int twice = sim_relationship(sim, 0, F_PAULA);
    CHECK(twice > once);
    CHECK(twice - once < once - before); /* diminishing returns */
    sim_destroy(sim);
    scenario_destroy(s);
}

/* Plays a fixed script and returns the final total. */
static int play_script(Sim *sim)
{
    static const Command script[] = {
        {ACT_MEET, 0, F_PAULA, -1},      {ACT_PITCH, 0, F_PAULA, F_IDEA_SWAP},
        {ACT_PROPOSE, 0, -1, F_IDEA_SWAP}, {ACT_END_WEEK, 0, -1, -1},
        {ACT_MEET, 0, F_PAULA, -1},      {ACT_REFERRAL, 0, F_PAULA, -1},
        {ACT_MEET, 0, F_THEO, -1},       {ACT_PITCH, 0, F_THEO, F_IDEA_PROGRAMME},
        {ACT_END_WEEK, 0, -1, -1},       {ACT_RESEARCH, 0, -1, -1},
        {ACT_MEET, 0, F_THEO, -1},       {ACT_REFERRAL, 0, F_THEO, -1},
        {ACT_END_WEEK, 0, -1, -1},       {ACT_END_WEEK, 0, -1, -1},
        {ACT_END_WEEK, 0, -1, -1},       {ACT_END_WEEK, 0, -1, -1},
    };
    for (size_t k = 0; k < sizeof script / sizeof script[0]; k++) {
        sim_apply(sim, script[k]);
    }
    return sim_score(sim).total;
}

static void test_same_seed_same_session(void)
{
    Scenario *s = fixture_create(3);
    Sim *a = sim_create(s, 77);
    Sim *b = sim_create(s, 77);
    play_script(a);
    play_script(b);
    size_t na, nb;
    const JournalEntry *ja = sim_journal(a, &na);
    const JournalEntry *jb = sim_journal(b, &nb);
    CHECK_EQ_INT(na, nb);
    CHECK(na == nb && memcmp(ja, jb, na * sizeof *ja) == 0);
    CHECK_EQ_INT(sim_score(a).total, sim_score(b).total);
    CHECK(sim_over(a));
    /* Reset replays identically too. */
    sim_reset(a, 77);
    play_script(a);
    ja = sim_journal(a, &na);
    CHECK(na == nb && memcmp(ja, jb, na * sizeof *ja) == 0);
    /* Different seeds differ somewhere over many seeds. */
    bool differs = false;
    for (uint64_t seed = 1; seed < 20 && !differs; seed++) {
        sim_reset(a, seed);
        play_script(a);
        ja = sim_journal(a, &na);
        differs = na != nb || memcmp(ja, jb, na * sizeof *ja) != 0;
    }
    CHECK(differs);
    sim_destroy(a);
    sim_destroy(b);
    scenario_destroy(s);
}

static void test_score_changes_add_up(void)
{
    Scenario *s = fixture_create(3);
    Sim *sim = sim_create(s, 3);
    int start = sim_score(sim).total;
    int end = play_script(sim);
    size_t n, jn;
    const ScoreChange *ch = sim_score_changes(sim, &n);
    const JournalEntry *j = sim_journal(sim, &jn);
    int sum = 0;
    int sub_sum[SUB_COUNT] = {0};
    for (size_t k = 0; k < n; k++) {
        sum += ch[k].total;
        CHECK(ch[k].journal >= 0 && (size_t)ch[k].journal < jn);
        for (int i = 0; i < SUB_COUNT; i++) {
            sub_sum[i] += ch[k].sub[i];
        }
    }
    CHECK_EQ_INT(start + sum, end);
    Score fin = sim_score(sim);
    Sim *fresh = sim_create(s, 3);
    Score init = sim_score(fresh);
    for (int i = 0; i < SUB_COUNT; i++) {
        CHECK_EQ_INT(init.sub[i] + sub_sum[i], fin.sub[i]);
    }
    (void)j;
    sim_destroy(fresh);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* The lesson: when the only thread leaves, the account shrinks. */
static void test_single_thread_loses_the_account(void)
{
    Scenario *s = fixture_create(1);
    Sim *sim = sim_create(s, 9);
    /* Theo is not known: Paula is the only thread. */
    sim_apply(sim, c_(ACT_SERVICE, -1, -1));
    sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
    CHECK_EQ_INT(sim_contact_status(sim, 0, F_PAULA), STATUS_GONE);
    CHECK_EQ_INT(sim_contact_status(sim, 0, F_NADIA), STATUS_HEARD_OF);
    CHECK_EQ_INT(sim_baseline(sim, 0), 100000 * (100 - s->rules.single_thread_loss) / 100);
    size_t n;
    const JournalEntry *j = sim_journal(sim, &n);
    bool anchor = false;
    for (size_t k = 0; k < n; k++) {
        anchor = anchor || j[k].kind == J_ANCHOR_LOST;
    }
    CHECK(anchor);
    CoachNote notes[16];
    size_t nn = sim_coach(sim, notes, 16);
    bool said = false;
    for (size_t k = 0; k < nn; k++) {
        said = said || notes[k].kind == COACH_ANCHOR_LOST;
    }
    CHECK(said);
    sim_destroy(sim);
    scenario_destroy(s);
}

static void test_two_threads_hold(void)
{
    Scenario *s = fixture_create(2);
    /* Make Theo known and well engaged from the start. */
    s->accounts[0].contacts[F_THEO].known = true;
    s->accounts[0].contacts[F_THEO].relationship = 60;
    s->accounts[0].contacts[F_ERIN].known = true;
    s->accounts[0].contacts[F_ERIN].relationship = 60;
    Sim *sim = sim_create(s, 9);
    sim_apply(sim, c_(ACT_SERVICE, -1, -1));
    sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
    sim_apply(sim, c_(ACT_SERVICE, -1, -1));
    sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
    CHECK_EQ_INT(sim_contact_status(sim, 0, F_PAULA), STATUS_GONE);
    CHECK_EQ_INT(sim_baseline(sim, 0), 100000);
    sim_destroy(sim);
    scenario_destroy(s);
}

static void test_referral_rules(void)
{
    Scenario *s = fixture_create(6);
    s->accounts[0].contacts[F_PAULA].relationship = 20;
    Sim *sim = sim_create(s, 11);
    int before = sim_relationship(sim, 0, F_PAULA);
    /* Asking too early nearly always fails and costs goodwill. */
    Refusal r = sim_apply(sim, c_(ACT_REFERRAL, F_PAULA, -1));
    CHECK_EQ_INT(r, REFUSE_NONE);
    if (sim_contact_status(sim, 0, F_THEO) != STATUS_KNOWN) {
        CHECK(sim_relationship(sim, 0, F_PAULA) < before);
    }
    CHECK_EQ_INT(sim_apply(sim, c_(ACT_REFERRAL, F_PAULA, -1)),
                 sim_contact_status(sim, 0, F_THEO) == STATUS_KNOWN ? REFUSE_NO_REFERRALS
                                                                   : REFUSE_ASKED_THIS_WEEK);
    sim_destroy(sim);
    scenario_destroy(s);

    /* With trust and a sponsored idea, referrals work most of the time. */
    s = fixture_create(6);
    s->accounts[0].contacts[F_PAULA].relationship = 80;
    int wins = 0;
    sim = sim_create(s, 1);
    for (uint64_t seed = 1; seed <= 200; seed++) {
        sim_reset(sim, seed);
        while (sim_sponsor_count(sim, 0, F_IDEA_SWAP) == 0 && !sim_over(sim)) {
            if (sim_apply(sim, c_(ACT_PITCH, F_PAULA, F_IDEA_SWAP)) == REFUSE_NO_HOURS) {
                sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
            }
        }
        if (sim_apply(sim, c_(ACT_REFERRAL, F_PAULA, -1)) == REFUSE_NO_HOURS) {
            sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
            sim_apply(sim, c_(ACT_REFERRAL, F_PAULA, -1));
        }
        if (sim_contact_status(sim, 0, F_THEO) == STATUS_KNOWN) {
            wins++;
            CHECK_EQ_INT(sim_introduced_by(sim, 0, F_THEO), F_PAULA);
        }
    }
    CHECK(wins > 140);
    sim_destroy(sim);
    scenario_destroy(s);
}

static void test_approvals(void)
{
    Scenario *s = fixture_create(6);
    s->accounts[0].contacts[F_THEO].known = true;
    s->accounts[0].contacts[F_THEO].relationship = 90;
    Sim *sim = sim_create(s, 2);
    for (int k = 0; k < 30 && !sim_sponsors(sim, 0, F_IDEA_ENZYME, F_THEO); k++) {
        if (sim_apply(sim, c_(ACT_PITCH, F_THEO, F_IDEA_ENZYME)) == REFUSE_NO_HOURS) {
            sim_apply(sim, c_(ACT_END_WEEK, -1, -1));
        }
    }
    CHECK(sim_sponsors(sim, 0, F_IDEA_ENZYME, F_THEO));
    /* Theo is technical; the idea also needs the economic buyer. */
    CHECK_EQ_INT(sim_check(sim, c_(ACT_PROPOSE, -1, F_IDEA_ENZYME)), REFUSE_APPROVAL_MISSING);
    CHECK_EQ_INT(sim_missing_roles(sim, 0, F_IDEA_ENZYME), ROLE_ECONOMIC);
    CHECK_EQ_INT(sim_missing_approvers(sim, 0, F_IDEA_ENZYME, NULL, 0), 0);
    sim_destroy(sim);
    scenario_destroy(s);
}

static void test_out_of_memory(void)
{
    Scenario *s = fixture_create(3);
    /* Every allocation in sim_create may fail; it returns NULL cleanly. */
    unsigned long n = 1;
    Sim *sim = NULL;
    for (; n < 100; n++) {
        alloc_fail_after(n);
        sim = sim_create(s, 1);
        alloc_fail_after(0);
        if (sim) {
            break;
        }
    }
    CHECK(sim != NULL);
    CHECK(n > 1);
    /* A failing allocation inside sim_apply leaves the session unchanged.
     * A long session with many hours makes the records grow several times. */
    sim_destroy(sim);
    s->weeks = 52;
    s->hours_per_week = 80;
    sim = sim_create(s, 1);
    int failures = 0;
    for (int k = 0; k < 10000 && !sim_over(sim); k++) {
        Command c = sim_hours_left(sim) >= 2 ? c_(ACT_SERVICE, -1, -1) : c_(ACT_END_WEEK, -1, -1);
        size_t log_before, journal_before;
        sim_log(sim, &log_before);
        sim_journal(sim, &journal_before);
        int hours = sim_hours_left(sim);
        alloc_fail_after(1);
        Refusal r = sim_apply(sim, c);
        alloc_fail_after(0);
        if (r == REFUSE_COUNT) {
            failures++;
            size_t log_now, journal_now;
            sim_log(sim, &log_now);
            sim_journal(sim, &journal_now);
            CHECK_EQ_INT(log_now, log_before);
            CHECK_EQ_INT(journal_now, journal_before);
            CHECK_EQ_INT(sim_hours_left(sim), hours);
            CHECK_EQ_INT(sim_apply(sim, c), REFUSE_NONE);
        }
    }
    CHECK(sim_over(sim));
    CHECK(failures > 0);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* A copy plays on exactly as the original would, and owns its records. */
static void test_copy(void)
{
    Scenario *s = fixture_create(3);
    Sim *a = sim_create(s, 42);
    Sim *b = sim_create(s, 7);
    CHECK_EQ_INT(bot_play(b, BOT_RANDOM, 3), 0); /* dst holds another, longer session */
    for (int k = 0; k < 9; k++) {
        CHECK_EQ_INT(sim_apply(a, bot_choose(a, BOT_EXPANDER, NULL)), REFUSE_NONE);
    }
    CHECK(sim_copy(b, a));
    CHECK_EQ_INT(bot_play(a, BOT_EXPANDER, 1), 0);
    CHECK_EQ_INT(bot_play(b, BOT_EXPANDER, 1), 0);
    size_t na, nb, ja, jb;
    const Command *la = sim_log(a, &na);
    const Command *lb = sim_log(b, &nb);
    const JournalEntry *ea = sim_journal(a, &ja);
    const JournalEntry *eb = sim_journal(b, &jb);
    CHECK_EQ_INT(na, nb);
    CHECK_EQ_INT(ja, jb);
    CHECK(la != lb && ea != eb);
    CHECK(na == nb && memcmp(la, lb, na * sizeof *la) == 0);
    CHECK(ja == jb && memcmp(ea, eb, ja * sizeof *ea) == 0);
    CHECK_EQ_INT(sim_score(a).total, sim_score(b).total);
    CHECK_EQ_INT(sim_seed(b), 42);
    sim_destroy(a);
    sim_destroy(b);
    scenario_destroy(s);
}

/* The expander remembers people's needs between decisions in bot_play; it
 * must decide exactly as when it asks the session every time (bot_choose). */
static void test_expander_memory(void)
{
    Scenario *s = fixture_create(3);
    s->weeks = 10;
    Sim *a = sim_create(s, 1);
    Sim *b = sim_create(s, 1);
    for (uint64_t seed = 1; seed <= 60; seed++) {
        sim_reset(a, seed);
        sim_reset(b, seed);
        CHECK_EQ_INT(bot_play(a, BOT_EXPANDER, seed), 0);
        while (!sim_over(b)) {
            Refusal r = sim_apply(b, bot_choose(b, BOT_EXPANDER, NULL));
            CHECK_EQ_INT(r, REFUSE_NONE);
            if (r != REFUSE_NONE) {
                break;
            }
        }
        size_t na, nb;
        const Command *la = sim_log(a, &na);
        const Command *lb = sim_log(b, &nb);
        CHECK(na == nb && memcmp(la, lb, na * sizeof *la) == 0);
    }
    sim_destroy(a);
    sim_destroy(b);
    scenario_destroy(s);
}

static void test_bots_and_balance(void)
{
    Scenario *s = fixture_create(3);
    StrategyStats st[BOT_COUNT];
    for (int b = 0; b < BOT_COUNT; b++) {
        CHECK_EQ_INT(stats_run(s, (BotKind)b, 200, 1, &st[b]), 0);
        CHECK_EQ_INT(st[b].runs, 200);
        CHECK(st[b].p10 <= st[b].median && st[b].median <= st[b].p90);
    }
    /* Expanding beats single-threading on the fixture too. */
    CHECK(st[BOT_EXPANDER].median > st[BOT_SINGLE_THREAD].median);
    StrategyStats again;
    stats_run(s, BOT_EXPANDER, 200, 1, &again);
    CHECK(memcmp(&again, &st[BOT_EXPANDER], sizeof again) == 0);
    BotKind k;
    CHECK(bot_from_key("expander", &k) && k == BOT_EXPANDER);
    CHECK(!bot_from_key("expandr", &k));
    scenario_destroy(s);
}

int main(void)
{
    test_rng();
    test_refusals_change_nothing();
    test_meeting_grows_relationship();
    test_same_seed_same_session();
    test_score_changes_add_up();
    test_single_thread_loses_the_account();
    test_two_threads_hold();
    test_referral_rules();
    test_approvals();
    test_out_of_memory();
    test_copy();
    test_expander_memory();
    test_bots_and_balance();
    return check_result("test_sim");
}
