/* Coaching notes: each rule once where it must fire and once where it must
 * not, on the C fixture (tests/unit/fixture.h); the money and goodwill notes
 * are checked against the journal and the baseline, and their words in
 * English and Russian. */
#include <stdlib.h>

#include "../check.h"
#include "fixture.h"
#include "keyaccounts/sim.h"
#include "keyaccounts/text.h"

enum { MAX_NOTES = 32 };

typedef struct Notes {
    CoachNote n[MAX_NOTES];
    size_t count;
} Notes;

static Notes coach(const Sim *sim)
{
    Notes out;
    out.count = sim_coach(sim, out.n, MAX_NOTES);
    return out;
}

static const CoachNote *find(const Notes *ns, CoachKind kind)
{
    for (size_t k = 0; k < ns->count; k++) {
        if (ns->n[k].kind == kind) {
            return &ns->n[k];
        }
    }
    return NULL;
}

static Refusal act(Sim *sim, ActionKind k, int contact, int idea)
{
    return sim_apply(sim, (Command){k, 0, contact, idea});
}

static void end_week(Sim *sim, bool service)
{
    if (service) {
        CHECK_EQ_INT(act(sim, ACT_SERVICE, -1, -1), REFUSE_NONE);
    }
    act(sim, ACT_END_WEEK, -1, -1);
}

static void play_out(Sim *sim, bool service)
{
    while (!sim_over(sim)) {
        end_week(sim, service);
    }
}

/* The fixture with its one event replaced by a competitor courting the
 * client from week 1 for `weeks` weeks. */
static Scenario *competitor_fixture(int weeks)
{
    Scenario *s = fixture_create(1);
    Event *e = &s->accounts[0].events[0];
    e->effect_count = 1;
    e->effects[0] = (Effect){.kind = EFFECT_COMPETITOR, .weeks = weeks, .contact = -1, .need_removed = -1,
                             .need_added = -1};
    return s;
}

static void know(Scenario *s, int contact, int relationship)
{
    s->accounts[0].contacts[contact].known = true;
    s->accounts[0].contacts[contact].relationship = relationship;
}

static bool says(Lang lang, const Sim *sim, const CoachNote *n, const char *part)
{
    char buf[1024];
    text_coach(lang, sim, n, buf, sizeof buf);
    bool ok = strstr(buf, part) != NULL;
    if (!ok) {
        fprintf(stderr, "note reads: %s\nexpected to contain: %s\n", buf, part);
    }
    return ok;
}

/* Paula, the only thread, leaves: the note says what it cost and why. */
static void test_departure_cost(void)
{
    Scenario *s = fixture_create(1);
    Sim *sim = sim_create(s, 9);
    play_out(sim, true);
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_ANCHOR_LOST);
    CHECK(n != NULL);
    CHECK(find(&ns, COACH_DEPARTURE_FREE) == NULL);
    if (n) {
        CHECK_EQ_INT(n->contact, F_PAULA);
        CHECK_EQ_INT(n->week, 1);
        CHECK_EQ_INT(n->amount, 0);
        CHECK_EQ_INT(n->other, 60);
        CHECK_EQ_INT(n->money, 60000);
        CHECK_EQ_INT(sim_baseline(sim, 0), 100000 - n->money);
        CHECK(says(LANG_EN, sim, n, "Paula left Acme Foods in week 1; with nobody else engaged there, the "
                                    "client cut its business with you by 60%: -60,000 EUR a year."));
        CHECK(says(LANG_RU, sim, n, "Неделя 1: Paula больше не работает в компании Acme Foods. Других "
                                    "вовлечённых людей у клиента не осталось, поэтому закупки у вас "
                                    "сократились на 60%: -60\xc2\xa0" "000 EUR в год."));
    }
    sim_destroy(sim);
    scenario_destroy(s);

    /* With one other person engaged, a third of the cut, and the note says so. */
    s = fixture_create(1);
    know(s, F_THEO, 60);
    sim = sim_create(s, 9);
    play_out(sim, true);
    ns = coach(sim);
    n = find(&ns, COACH_ANCHOR_LOST);
    CHECK(n != NULL);
    if (n) {
        CHECK_EQ_INT(n->amount, 1);
        CHECK_EQ_INT(n->other, 20);
        CHECK_EQ_INT(n->money, 20000);
        CHECK(says(LANG_EN, sim, n, "with only one other person engaged there"));
        CHECK(says(LANG_RU, sim, n, "Из вовлечённых людей у клиента остался лишь один человек"));
    }
    sim_destroy(sim);
    scenario_destroy(s);
}

/* With two others engaged the departure costs nothing, and the note says why;
 * someone who was no thread of yours leaving gets no note at all. */
static void test_departure_free(void)
{
    Scenario *s = fixture_create(2);
    know(s, F_THEO, 60);
    know(s, F_ERIN, 60);
    Sim *sim = sim_create(s, 9);
    play_out(sim, true);
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_DEPARTURE_FREE);
    CHECK(n != NULL);
    CHECK(find(&ns, COACH_ANCHOR_LOST) == NULL);
    CHECK_EQ_INT(sim_baseline(sim, 0), 100000);
    if (n) {
        CHECK_EQ_INT(n->contact, F_PAULA);
        CHECK_EQ_INT(n->week, 2);
        CHECK_EQ_INT(n->amount, 2);
        CHECK_EQ_INT(n->money, 0);
        CHECK(says(LANG_EN, sim, n, "Paula left Acme Foods in week 2; 2 other people there were still engaged "
                                    "with you, so it cost nothing."));
        CHECK(says(LANG_RU, sim, n, "Неделя 2: Paula больше не работает в компании Acme Foods. С вами "
                                    "по-прежнему работали ещё 2 человека, поэтому этот уход ничего вам не "
                                    "стоил."));
    }
    sim_destroy(sim);
    scenario_destroy(s);

    /* Theo, known but never engaged and not the main contact, leaves instead. */
    s = fixture_create(2);
    know(s, F_THEO, 10);
    s->accounts[0].events[0].effects[0].contact = F_THEO;
    s->accounts[0].events[0].effect_count = 1;
    sim = sim_create(s, 9);
    play_out(sim, true);
    CHECK_EQ_INT(sim_contact_status(sim, 0, F_THEO), STATUS_GONE);
    ns = coach(sim);
    CHECK(find(&ns, COACH_DEPARTURE_FREE) == NULL);
    CHECK(find(&ns, COACH_ANCHOR_LOST) == NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* Erosion by neglect: named with the weeks unserviced and the money. */
static void test_neglect(void)
{
    Scenario *s = fixture_create(99); /* nobody leaves */
    Sim *sim = sim_create(s, 4);
    play_out(sim, false);
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_NEGLECT);
    CHECK(n != NULL);
    CHECK(find(&ns, COACH_COMPETITOR) == NULL);
    if (n) {
        CHECK_EQ_INT(n->amount, 6);
        CHECK_EQ_INT(n->other, 3);
        CHECK_EQ_INT(n->money, 100000 - sim_baseline(sim, 0));
        CHECK(n->money > 0);
        CHECK(says(LANG_EN, sim, n, "The existing business at Acme Foods went 6 weeks in a row without "
                                    "service (it erodes after 3)"));
        CHECK(says(LANG_RU, sim, n, "оставались без обслуживания 6 недель подряд (закупки начинают "
                                    "сокращаться через 3 недели)"));
    }
    sim_destroy(sim);
    scenario_destroy(s);

    /* Serviced every week: no erosion, no note. */
    s = fixture_create(99);
    sim = sim_create(s, 4);
    play_out(sim, true);
    ns = coach(sim);
    CHECK(find(&ns, COACH_NEGLECT) == NULL);
    CHECK_EQ_INT(sim_baseline(sim, 0), 100000);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* A competitor courting while no economic buyer is engaged: a rep who
 * serviced every week is told the real cause, never to service more. */
static void test_competitor(void)
{
    Scenario *s = competitor_fixture(4);
    Sim *sim = sim_create(s, 4);
    play_out(sim, true);
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_COMPETITOR);
    CHECK(n != NULL);
    CHECK(find(&ns, COACH_NEGLECT) == NULL);
    if (n) {
        CHECK_EQ_INT(n->amount, 4);
        CHECK_EQ_INT(n->money, 100000 - sim_baseline(sim, 0));
        CHECK(n->money > 0);
        CHECK(says(LANG_EN, sim, n, "A competitor courted Acme Foods while no economic buyer was engaged: the "
                                    "business eroded for 4 weeks and that cost"));
        CHECK(says(LANG_RU, sim, n, "поставки сокращались 4 недели, и это стоило"));
    }
    sim_destroy(sim);
    scenario_destroy(s);

    /* The same competitor with Erin, the economic buyer, engaged: no loss, no note. */
    s = competitor_fixture(4);
    know(s, F_ERIN, 80);
    sim = sim_create(s, 4);
    play_out(sim, true);
    ns = coach(sim);
    CHECK(find(&ns, COACH_COMPETITOR) == NULL);
    CHECK_EQ_INT(sim_baseline(sim, 0), 100000);
    sim_destroy(sim);
    scenario_destroy(s);

    /* Both causes: each note carries its share, and the shares add up. */
    s = competitor_fixture(6);
    sim = sim_create(s, 4);
    play_out(sim, false);
    ns = coach(sim);
    const CoachNote *rival = find(&ns, COACH_COMPETITOR);
    const CoachNote *neglect = find(&ns, COACH_NEGLECT);
    CHECK(rival != NULL && neglect != NULL);
    if (rival && neglect) {
        CHECK(rival->money > neglect->money); /* 6% a week against 3% */
        CHECK_EQ_INT(rival->money + neglect->money, 100000 - sim_baseline(sim, 0));
    }
    sim_destroy(sim);
    scenario_destroy(s);
}

static int journal_count(const Sim *sim, JournalKind kind, int *points)
{
    size_t n;
    const JournalEntry *j = sim_journal(sim, &n);
    int count = 0;
    *points = 0;
    for (size_t k = 0; k < n; k++) {
        if (j[k].kind == kind) {
            count++;
            *points -= j[k].amount;
        }
    }
    return count;
}

/* Pitching ideas that answer none of Paula's needs: refused, goodwill burned. */
static void test_pitches_refused(void)
{
    Scenario *s = fixture_create(99);
    know(s, F_PAULA, 40);
    Sim *sim = sim_create(s, 7);
    const int ideas[] = {F_IDEA_ENZYME, F_IDEA_PROGRAMME, F_IDEA_ENZYME};
    for (int k = 0; k < 3; k++) {
        CHECK_EQ_INT(act(sim, ACT_PITCH, F_PAULA, ideas[k]), REFUSE_NONE);
    }
    int points;
    CHECK_EQ_INT(journal_count(sim, J_PITCH_LOST, &points), 3); /* seed 7: all three refused */
    CHECK_EQ_INT(points, 40 - sim_relationship(sim, 0, F_PAULA));
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_PITCHES_REFUSED);
    CHECK(n != NULL);
    if (n) {
        CHECK_EQ_INT(n->amount, 3);
        CHECK_EQ_INT(n->part, 3);
        CHECK_EQ_INT(n->other, 18);
        CHECK(says(LANG_EN, sim, n, "3 pitches were turned down, all of them ideas that answered none of the "
                                    "person's needs: it cost 18 relationship points."));
        CHECK(says(LANG_RU, sim, n, "Ваши идеи отклонили 3 раза, и ни одна из них не отвечала потребностям "
                                    "собеседника. Это стоило 18 очков отношений."));
    }
    sim_destroy(sim);
    scenario_destroy(s);

    /* Two refused pitches are the normal price of pitching: no note. */
    s = fixture_create(99);
    know(s, F_PAULA, 40);
    sim = sim_create(s, 7);
    for (int k = 0; k < 2; k++) {
        CHECK_EQ_INT(act(sim, ACT_PITCH, F_PAULA, ideas[k]), REFUSE_NONE);
    }
    CHECK_EQ_INT(journal_count(sim, J_PITCH_LOST, &points), 2);
    ns = coach(sim);
    CHECK(find(&ns, COACH_PITCHES_REFUSED) == NULL);
    sim_destroy(sim);
    scenario_destroy(s);

    /* The wording when some, or none, of the refused pitches missed every need. */
    s = fixture_create(99);
    sim = sim_create(s, 5);
    CoachNote mixed = {.kind = COACH_PITCHES_REFUSED, .account = -1, .contact = -1, .idea = -1, .amount = 7,
                       .part = 2, .other = 27};
    CHECK(says(LANG_EN, sim, &mixed, "7 pitches were turned down, 2 of them ideas that answered none of the "
                                     "person's needs: it cost 27 relationship points."));
    CHECK(says(LANG_RU, sim, &mixed, "Ваши идеи отклонили 7 раз; в 2 случаях идея не отвечала ни одной "
                                     "потребности собеседника. Это стоило 27 очков отношений."));
    CoachNote fit = {.kind = COACH_PITCHES_REFUSED, .account = -1, .contact = -1, .idea = -1, .amount = 4,
                     .part = 0, .other = 12};
    CHECK(says(LANG_EN, sim, &fit, "4 pitches were turned down: it cost 12 relationship points."));
    CHECK(says(LANG_RU, sim, &fit, "Ваши идеи отклонили 4 раза: это стоило 12 очков отношений."));
    sim_destroy(sim);
    scenario_destroy(s);
}

/* A referral asked below the threshold and refused: counted with its cost. A
 * trusted ask that happens to fail is no mistake and gets no note. */
static void test_early_referrals(void)
{
    Scenario *s = fixture_create(99);
    know(s, F_PAULA, 20);
    Sim *sim = sim_create(s, 11);
    CHECK_EQ_INT(act(sim, ACT_REFERRAL, F_PAULA, -1), REFUSE_NONE);
    int points;
    CHECK_EQ_INT(journal_count(sim, J_REFERRAL_LOST, &points), 1);
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_EARLY_REFERRALS);
    CHECK(n != NULL);
    if (n) {
        CHECK_EQ_INT(n->amount, 1);
        CHECK_EQ_INT(n->other, 6);
        CHECK_EQ_INT(sim_relationship(sim, 0, F_PAULA), 20 - 6);
        CHECK(says(LANG_EN, sim, n, "You asked for a referral too early once (before the relationship "
                                    "reached 50): it cost 6 relationship points."));
        CHECK(says(LANG_RU, sim, n, "Вы 1 раз просили рекомендацию слишком рано, пока отношения не достигли "
                                    "50: это стоило 6 очков отношений."));
    }
    sim_destroy(sim);
    scenario_destroy(s);

    s = fixture_create(99);
    know(s, F_PAULA, 80);
    sim = sim_create(s, 1);
    int refused = 0;
    for (uint64_t seed = 1; seed <= 50 && refused == 0; seed++) {
        sim_reset(sim, seed);
        CHECK_EQ_INT(act(sim, ACT_REFERRAL, F_PAULA, -1), REFUSE_NONE);
        refused = journal_count(sim, J_REFERRAL_LOST, &points);
    }
    CHECK_EQ_INT(refused, 1);
    ns = coach(sim);
    CHECK(find(&ns, COACH_EARLY_REFERRALS) == NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* Paula sponsors the cheaper blend (it answers her price need). */
static void win_swap(Sim *sim)
{
    for (int k = 0; k < 10 && !sim_sponsors(sim, 0, F_IDEA_SWAP, F_PAULA); k++) {
        if (act(sim, ACT_PITCH, F_PAULA, F_IDEA_SWAP) == REFUSE_NO_HOURS) {
            act(sim, ACT_END_WEEK, -1, -1);
        }
    }
    CHECK(sim_sponsors(sim, 0, F_IDEA_SWAP, F_PAULA));
}

static void test_well_done(void)
{
    /* Passed (a pass mark anyone reaches) with an adopted idea and more revenue. */
    Scenario *s = fixture_create(99);
    s->scoring.pass_mark = 0;
    Sim *sim = sim_create(s, 3);
    win_swap(sim);
    CHECK_EQ_INT(act(sim, ACT_PROPOSE, -1, F_IDEA_SWAP), REFUSE_NONE);
    play_out(sim, true);
    CHECK(sim_run_rate(sim, 0) > 100000);
    Notes ns = coach(sim);
    CHECK(find(&ns, COACH_WELL_DONE) != NULL);
    CHECK(find(&ns, COACH_NO_IDEAS) == NULL);
    sim_destroy(sim);

    /* The same game against a pass mark nobody reaches: no praise. */
    s->scoring.pass_mark = 101;
    sim = sim_create(s, 3);
    win_swap(sim);
    CHECK_EQ_INT(act(sim, ACT_PROPOSE, -1, F_IDEA_SWAP), REFUSE_NONE);
    play_out(sim, true);
    CHECK(!sim_passed(sim));
    ns = coach(sim);
    CHECK(find(&ns, COACH_WELL_DONE) == NULL);
    sim_destroy(sim);

    /* Revenue that fell is never "well done", whatever the pass mark says. */
    s->scoring.pass_mark = 0;
    sim = sim_create(s, 3);
    play_out(sim, false);
    CHECK(sim_run_rate(sim, 0) < 100000);
    ns = coach(sim);
    CHECK(find(&ns, COACH_WELL_DONE) == NULL);
    CHECK(find(&ns, COACH_NO_IDEAS) != NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* The older rules, each both ways. */
static void test_threads_and_roles(void)
{
    Scenario *s = fixture_create(99);
    Sim *sim = sim_create(s, 3);
    play_out(sim, true);
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_SINGLE_THREADED);
    CHECK(n != NULL);
    if (n) {
        CHECK_EQ_INT(n->amount, 6);
        CHECK_EQ_INT(n->other, 6);
    }
    CHECK(find(&ns, COACH_NO_ECONOMIC) != NULL);
    CHECK(find(&ns, COACH_NO_REFERRAL) != NULL);
    CHECK(find(&ns, COACH_NO_RESEARCH) != NULL);
    sim_destroy(sim);
    scenario_destroy(s);

    s = fixture_create(99);
    know(s, F_UMA, 80);
    know(s, F_ERIN, 80);
    sim = sim_create(s, 3);
    CHECK_EQ_INT(act(sim, ACT_RESEARCH, -1, -1), REFUSE_NONE);
    CHECK_EQ_INT(act(sim, ACT_REFERRAL, F_PAULA, -1), REFUSE_NONE);
    play_out(sim, true);
    ns = coach(sim);
    CHECK(find(&ns, COACH_SINGLE_THREADED) == NULL);
    CHECK(find(&ns, COACH_NO_ECONOMIC) == NULL);
    CHECK(find(&ns, COACH_NO_REFERRAL) == NULL);
    CHECK(find(&ns, COACH_NO_RESEARCH) == NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

static void test_ideas(void)
{
    Scenario *s = fixture_create(99);
    s->note_count = 1;
    s->notes = arena_array(&s->arena, 1, sizeof *s->notes);
    s->notes[0] = (DebriefNote){{.kind = COND_IDEA_NOT_ADOPTED, .account = 0, .contact = -1,
                                 .idea = F_IDEA_SWAP}, "The blend was there for the taking.", 1};
    Sim *sim = sim_create(s, 3);
    play_out(sim, true);
    Notes ns = coach(sim);
    const CoachNote *n = find(&ns, COACH_UNPITCHED_FIT);
    CHECK(n != NULL);
    if (n) {
        CHECK_EQ_INT(n->contact, F_PAULA);
        CHECK_EQ_INT(n->idea, F_IDEA_SWAP);
        CHECK(says(LANG_EN, sim, n, "\"Cheaper blend\" fitted Paula's need and was never pitched."));
        CHECK(says(LANG_RU, sim, n, "Paula нуждается в том, что даёт идея «Cheaper blend», а вы её так и не "
                                    "предложили."));
    }
    n = find(&ns, COACH_SCENARIO_NOTE);
    CHECK(n != NULL && n->idea == 0);
    CHECK(find(&ns, COACH_SPONSORED_NOT_PROPOSED) == NULL);
    sim_destroy(sim);

    /* Pitched and sponsored, never proposed. */
    sim = sim_create(s, 3);
    win_swap(sim);
    play_out(sim, true);
    ns = coach(sim);
    CHECK(find(&ns, COACH_UNPITCHED_FIT) == NULL);
    n = find(&ns, COACH_SPONSORED_NOT_PROPOSED);
    CHECK(n != NULL && n->idea == F_IDEA_SWAP && n->contact == F_PAULA);
    if (n) {
        CHECK(says(LANG_RU, sim, n, "Paula поддерживает идею «Cheaper blend»"));
    }
    CHECK(find(&ns, COACH_SCENARIO_NOTE) != NULL);
    sim_destroy(sim);

    /* Proposed and adopted: neither note, nor the scenario's. */
    sim = sim_create(s, 3);
    win_swap(sim);
    CHECK_EQ_INT(act(sim, ACT_PROPOSE, -1, F_IDEA_SWAP), REFUSE_NONE);
    play_out(sim, true);
    ns = coach(sim);
    CHECK(find(&ns, COACH_SPONSORED_NOT_PROPOSED) == NULL);
    CHECK(find(&ns, COACH_SCENARIO_NOTE) == NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* A note about what a later week brings waits for that week: a session that
 * ended in week 1 never saw it. */
static void test_note_week_reached(void)
{
    Scenario *s = fixture_create(99);
    s->note_count = 1;
    s->notes = arena_array(&s->arena, 1, sizeof *s->notes);
    s->notes[0] = (DebriefNote){{.kind = COND_ALWAYS, .account = 0, .contact = -1, .idea = -1},
                                "The newcomer of week 4 never met you.", 4};
    Sim *sim = sim_create(s, 3);
    Notes ns = coach(sim); /* ended early, in week 1 */
    CHECK(find(&ns, COACH_SCENARIO_NOTE) == NULL);
    end_week(sim, true);
    end_week(sim, true);
    ns = coach(sim); /* week 3 */
    CHECK(find(&ns, COACH_SCENARIO_NOTE) == NULL);
    end_week(sim, true);
    ns = coach(sim); /* week 4 */
    CHECK(find(&ns, COACH_SCENARIO_NOTE) != NULL);
    play_out(sim, true);
    ns = coach(sim);
    CHECK(find(&ns, COACH_SCENARIO_NOTE) != NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

int main(void)
{
    test_departure_cost();
    test_departure_free();
    test_neglect();
    test_competitor();
    test_pitches_refused();
    test_early_referrals();
    test_well_done();
    test_threads_and_roles();
    test_ideas();
    test_note_week_reached();
    return check_result("test_coach");
}
