/* Words: Russian plural forms, money, and every journal kind rendered. */
#include "../check.h"
#include "fixture.h"
#include "keyaccounts/text.h"

static void test_plural(void)
{
    static const struct { long n; const char *want; } ru[] = {
        {0, "клиентов"}, {1, "клиент"}, {2, "клиента"}, {4, "клиента"}, {5, "клиентов"},
        {11, "клиентов"}, {12, "клиентов"}, {14, "клиентов"}, {21, "клиент"}, {22, "клиента"},
        {25, "клиентов"}, {101, "клиент"}, {111, "клиентов"}, {112, "клиентов"}, {122, "клиента"},
    };
    for (size_t i = 0; i < sizeof ru / sizeof ru[0]; i++) {
        CHECK_EQ_STR(text_plural(LANG_RU, ru[i].n, "клиент", "клиента", "клиентов"), ru[i].want);
    }
    CHECK_EQ_STR(text_plural(LANG_EN, 1, "client", "clients", "clients"), "client");
    CHECK_EQ_STR(text_plural(LANG_EN, 2, "client", "clients", "clients"), "clients");
    CHECK_EQ_STR(text_plural(LANG_EN, 0, "client", "clients", "clients"), "clients");
}

static void test_money_and_lang(void)
{
    char buf[64];
    CHECK_EQ_STR(text_money(LANG_EN, 1234567, "EUR", buf, sizeof buf), "1,234,567 EUR");
    CHECK_EQ_STR(text_money(LANG_EN, 999, "EUR", buf, sizeof buf), "999 EUR");
    CHECK_EQ_STR(text_money(LANG_EN, -45000, "EUR", buf, sizeof buf), "-45,000 EUR");
    CHECK_EQ_STR(text_money(LANG_RU, 240000, "EUR", buf, sizeof buf), "240\xc2\xa0" "000 EUR");
    CHECK_EQ_INT(text_lang_from("ru_RU.UTF-8"), LANG_RU);
    CHECK_EQ_INT(text_lang_from("ru"), LANG_RU);
    CHECK_EQ_INT(text_lang_from("en_GB"), LANG_EN);
    CHECK_EQ_INT(text_lang_from("rust"), LANG_EN);
    CHECK_EQ_INT(text_lang_from(NULL), LANG_EN);
}

static void test_every_string_present(void)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        for (int a = 0; a < ACT_COUNT; a++) {
            CHECK(text_action((Lang)l, (ActionKind)a)[0] != '\0');
            CHECK(text_action_help((Lang)l, (ActionKind)a)[0] != '\0');
        }
        for (int i = 0; i < SUB_COUNT; i++) {
            CHECK(text_subscore((Lang)l, (SubScore)i)[0] != '\0');
        }
        for (int r = 1; r < REFUSE_COUNT; r++) {
            CHECK(text_refusal((Lang)l, (Refusal)r)[0] != '\0');
        }
    }
}

/* Plays the fixture and renders every journal entry and coaching note in both
 * languages: no entry may render as "?" or empty. */
static void test_journal_renders(void)
{
    Scenario *s = fixture_create(2);
    Sim *sim = sim_create(s, 4);
    Command script[] = {
        {ACT_MEET, 0, F_PAULA, -1}, {ACT_PITCH, 0, F_PAULA, F_IDEA_SWAP}, {ACT_RESEARCH, 0, -1, -1},
        {ACT_REFERRAL, 0, F_PAULA, -1}, {ACT_END_WEEK, 0, -1, -1}, {ACT_SERVICE, 0, -1, -1},
        {ACT_END_WEEK, 0, -1, -1},
    };
    for (size_t k = 0; k < sizeof script / sizeof script[0]; k++) {
        sim_apply(sim, script[k]);
    }
    while (!sim_over(sim)) {
        sim_apply(sim, (Command){ACT_END_WEEK, 0, -1, -1});
    }
    size_t n;
    const JournalEntry *j = sim_journal(sim, &n);
    CHECK(n > 8);
    char buf[512];
    for (int l = 0; l < LANG_COUNT; l++) {
        for (size_t k = 0; k < n; k++) {
            text_journal((Lang)l, sim, &j[k], buf, sizeof buf);
            CHECK(buf[0] != '\0' && strcmp(buf, "?") != 0);
        }
        CoachNote notes[16];
        size_t nn = sim_coach(sim, notes, 16);
        CHECK(nn > 0);
        for (size_t k = 0; k < nn; k++) {
            text_coach((Lang)l, sim, &notes[k], buf, sizeof buf);
            CHECK(buf[0] != '\0' && strcmp(buf, "?") != 0);
        }
    }
    sim_destroy(sim);
    scenario_destroy(s);
}

/* A refused proposal says who must still back it. */
static void test_why_refused(void)
{
    Scenario *s = fixture_create(6);
    s->accounts[0].contacts[F_THEO].known = true;
    s->accounts[0].contacts[F_THEO].relationship = 90;
    Sim *sim = sim_create(s, 2);
    for (int k = 0; k < 30 && !sim_sponsors(sim, 0, F_IDEA_ENZYME, F_THEO); k++) {
        if (sim_apply(sim, (Command){ACT_PITCH, 0, F_THEO, F_IDEA_ENZYME}) == REFUSE_NO_HOURS) {
            sim_apply(sim, (Command){ACT_END_WEEK, 0, -1, -1});
        }
    }
    Command propose = {ACT_PROPOSE, 0, -1, F_IDEA_ENZYME};
    Refusal r = sim_check(sim, propose);
    CHECK_EQ_INT(r, REFUSE_APPROVAL_MISSING);
    char buf[512];
    CHECK(strstr(text_why_refused(LANG_EN, sim, propose, r, buf, sizeof buf), "Still needed: economic buyer.") != NULL);
    CHECK(strstr(text_why_refused(LANG_RU, sim, propose, r, buf, sizeof buf),
                 "Ещё нужно: экономический покупатель.") != NULL);
    CHECK_EQ_STR(text_why_refused(LANG_EN, sim, propose, REFUSE_NO_HOURS, buf, sizeof buf),
                 text_refusal(LANG_EN, REFUSE_NO_HOURS));
    sim_destroy(sim);
    scenario_destroy(s);
}

int main(void)
{
    test_why_refused();
    test_plural();
    test_money_and_lang();
    test_every_string_present();
    test_journal_renders();
    return check_result("test_text");
}
