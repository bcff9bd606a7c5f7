/* Words: Russian plural forms, money, every journal kind rendered, dialogue
 * for the moment (per idea, per introduction, and their fallbacks), Russian
 * sentences that agree with a person's gender, and odds in words. */
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


static JournalEntry entry(JournalKind kind, int contact, int idea, int other)
{
    return (JournalEntry){.kind = kind, .week = 1, .account = 0, .contact = contact, .other = other,
                          .idea = idea, .need = -1, .event = -1, .command = -1};
}

/* A reaction written for the idea pitched wins; else the person's own line;
 * else nothing. */
static void test_reactions_per_idea(void)
{
    Scenario *s = fixture_create(6);
    Contact *paula = &s->accounts[0].contacts[F_PAULA];
    paula->lines[LINE_PITCH_YES] = "Sounds good.";
    paula->lines[LINE_PITCH_NO] = "Not for us.";
    paula->reaction_count = 1;
    paula->reactions = arena_array(&s->arena, 1, sizeof *paula->reactions);
    paula->reactions[0] = (Reaction){.idea = F_IDEA_SWAP, .pitch_yes = "A cheaper blend? Yes, please."};
    Sim *sim = sim_create(s, 1);
    char buf[256];
    JournalEntry e = entry(J_PITCH_WON, F_PAULA, F_IDEA_SWAP, -1);
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "A cheaper blend? Yes, please.");
    e = entry(J_PITCH_WON, F_PAULA, F_IDEA_ENZYME, -1);
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "Sounds good.");
    /* the reaction to the swap has no "no": the person's own line is said */
    e = entry(J_PITCH_LOST, F_PAULA, F_IDEA_SWAP, -1);
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "Not for us.");
    paula->lines[LINE_PITCH_NO] = NULL;
    CHECK(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf) == NULL);
    CHECK(contact_pitch_line(paula, F_IDEA_PROGRAMME, false) == NULL);
    /* nobody else's reaction leaks in */
    e = entry(J_PITCH_WON, F_THEO, F_IDEA_SWAP, -1);
    CHECK(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf) == NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

/* An introduction line belongs to the colleague introduced; without one the
 * person's referral_yes is said, and without that a neutral line. */
static void test_introduction_lines(void)
{
    Scenario *s = fixture_create(6);
    Contact *c = s->accounts[0].contacts;
    c[F_PAULA].refers = fixture_ints(s, 2, (int[]){F_THEO, F_UMA});
    c[F_PAULA].refer_count = 2;
    c[F_PAULA].introduction_count = 1;
    c[F_PAULA].introductions = arena_array(&s->arena, 1, sizeof *c[F_PAULA].introductions);
    c[F_PAULA].introductions[0] = (Introduction){F_THEO, "Theo runs quality. He will want the data."};
    c[F_ERIN].gender = GENDER_FEMALE;
    c[F_UMA].gender = GENDER_FEMALE;
    Sim *sim = sim_create(s, 1);
    char buf[256];
    JournalEntry e = entry(J_REFERRAL_WON, F_PAULA, -1, F_THEO);
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "Theo runs quality. He will want the data.");
    e = entry(J_REFERRAL_WON, F_PAULA, -1, F_UMA);
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "You should meet Uma. Tell her I sent you.");
    CHECK_EQ_STR(text_dialogue(LANG_RU, sim, &e, buf, sizeof buf),
                 "Uma — именно тот человек, который вам нужен. Скажите, что вы от меня.");
    c[F_PAULA].lines[LINE_REFERRAL_YES] = "Let me walk you over.";
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "Let me walk you over.");
    /* Theo wrote nothing; Erin's gender picks the pronoun, an unknown one says "them" */
    e = entry(J_REFERRAL_WON, F_THEO, -1, F_ERIN);
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "You should meet Erin. Tell her I sent you.");
    c[F_ERIN].gender = GENDER_UNSPECIFIED;
    CHECK_EQ_STR(text_dialogue(LANG_EN, sim, &e, buf, sizeof buf), "You should meet Erin. Tell them I sent you.");
    sim_destroy(sim);
    scenario_destroy(s);
}

/* Russian sentences agree with the person's gender, keep names in the
 * nominative, and never print a placeholder such as «готов(а)». */
static void test_russian_agreement(void)
{
    Scenario *s = fixture_create(6);
    Contact *c = s->accounts[0].contacts;
    c[F_PAULA].name = "Ирина Владимировна Гончарова, к. х. н.";
    c[F_PAULA].title = "Руководитель лаборатории";
    c[F_PAULA].gender = GENDER_FEMALE;
    c[F_THEO].name = "Игорь Петрович Васильев";
    c[F_THEO].title = "ИТ-директор";
    c[F_THEO].gender = GENDER_MALE;
    Sim *sim = sim_create(s, 1);
    char buf[512];
    static const struct {
        JournalKind kind;
        int contact;
        const char *want;
    } cases[] = {
        {J_REFERRAL_LOST, F_PAULA, "Ирина Владимировна Гончарова, к. х. н. пока не готова вас ни с кем знакомить. Отношения -2."},
        {J_REFERRAL_LOST, F_THEO, "Игорь Петрович Васильев пока не готов вас ни с кем знакомить. Отношения -2."},
        {J_COLD_CALL_WON, F_PAULA, "Звонок удался: Ирина Владимировна Гончарова, к. х. н. готова поговорить."},
        {J_COLD_CALL_LOST, F_THEO, "Звонок ничего не дал: Игорь Петрович Васильев не стал с вами говорить."},
        {J_COLD_CALL_LOST, F_PAULA, "Звонок ничего не дал: Ирина Владимировна Гончарова, к. х. н. не стала с вами говорить."},
        {J_DECAY, F_PAULA, "Ирина Владимировна Гончарова, к. х. н. давно о вас не слышала. Отношения -2."},
        {J_MEET, F_PAULA, "Ирина Владимировна Гончарова, к. х. н. проводит с вами встречу. Отношения -2."},
        {J_ANCHOR_LOST, F_THEO, "Игорь Петрович Васильев ушёл из компании, а за вас почти некому заступиться: "
                                "Acme Foods сокращает закупки на -2%, это -0 EUR в год."},
        {J_ANCHOR_LOST, F_PAULA, "Ирина Владимировна Гончарова, к. х. н. ушла из компании, а за вас почти некому "
                                 "заступиться: Acme Foods сокращает закупки на -2%, это -0 EUR в год."},
        /* a title inside a sentence starts small, an abbreviation keeps its capitals */
        {J_CONTACT_LEFT, F_PAULA, "Ирина Владимировна Гончарова, к. х. н., руководитель лаборатории, уходит из компании Acme Foods."},
        {J_CONTACT_LEFT, F_THEO, "Игорь Петрович Васильев, ИТ-директор, уходит из компании Acme Foods."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        JournalEntry e = entry(cases[k].kind, cases[k].contact, -1, -1);
        e.amount = -2;
        CHECK_EQ_STR(text_journal(LANG_RU, sim, &e, buf, sizeof buf), cases[k].want);
    }
    /* the abbreviation's period is not doubled at the end of a sentence */
    JournalEntry intro = entry(J_REFERRAL_WON, F_THEO, -1, F_PAULA);
    CHECK_EQ_STR(text_journal(LANG_RU, sim, &intro, buf, sizeof buf),
                 "Игорь Петрович Васильев знакомит вас с коллегой. Это Ирина Владимировна Гончарова, к. х. н., "
                 "руководитель лаборатории.");
    c[F_PAULA].title = "к. х. н.";
    CHECK(strstr(text_journal(LANG_RU, sim, &intro, buf, sizeof buf), "н..") == NULL);
    CHECK(strstr(buf, "к. х. н.") != NULL);
    /* "..." stays */
    c[F_PAULA].title = "Руководитель...";
    CHECK(strstr(text_journal(LANG_RU, sim, &intro, buf, sizeof buf), "руководитель...") != NULL);
    /* labels about one person */
    CHECK_EQ_STR(text_gendered(LANG_RU, T_ENGAGED, GENDER_FEMALE), "вовлечена");
    CHECK_EQ_STR(text_gendered(LANG_RU, T_ENGAGED, GENDER_MALE), "вовлечён");
    CHECK_EQ_STR(text_gendered(LANG_EN, T_ENGAGED, GENDER_FEMALE), "engaged");
    CHECK_EQ_STR(text_gendered(LANG_RU, T_GONE, GENDER_FEMALE), "ушла из компании");
    CHECK_EQ_STR(text_introduced_by(LANG_RU, &c[F_PAULA], buf, sizeof buf),
                 "вас представила Ирина Владимировна Гончарова, к. х. н.");
    CHECK_EQ_STR(text_introduced_by(LANG_RU, &c[F_THEO], buf, sizeof buf), "вас представил Игорь Петрович Васильев");
    CHECK_EQ_STR(text_introduced_by(LANG_EN, &c[F_THEO], buf, sizeof buf), "introduced by Игорь Петрович Васильев");
    /* coaching notes never print a gender placeholder */
    CoachNote note = {.kind = COACH_SPONSORED_NOT_PROPOSED, .account = 0, .contact = F_PAULA, .idea = F_IDEA_SWAP};
    for (int k = 0; k < COACH_SCENARIO_NOTE; k++) {
        note.kind = (CoachKind)k;
        CHECK(strstr(text_coach(LANG_RU, sim, &note, buf, sizeof buf), "(а)") == NULL);
    }
    /* every kind, for a woman and a man: no placeholder, no double period */
    for (int g = 0; g < 2; g++) {
        for (int k = 0; k < J_COUNT; k++) {
            if (k == J_EVENT || k == J_RESEARCH_NEED || k == J_NEED_FOUND) {
                continue; /* these need an event or a need index */
            }
            JournalEntry e = entry((JournalKind)k, g ? F_THEO : F_PAULA, F_IDEA_SWAP, g ? F_PAULA : F_THEO);
            text_journal(LANG_RU, sim, &e, buf, sizeof buf);
            CHECK(strstr(buf, "(а)") == NULL);
            CHECK(strstr(buf, "н..") == NULL);
        }
    }
    sim_destroy(sim);
    scenario_destroy(s);
}

/* Odds in words, from what the trainee can see. */
static void test_odds_words(void)
{
    CHECK_EQ_INT(odds_kind(5), ODDS_LONG_SHOT);
    CHECK_EQ_INT(odds_kind(19), ODDS_LONG_SHOT);
    CHECK_EQ_INT(odds_kind(20), ODDS_UNLIKELY);
    CHECK_EQ_INT(odds_kind(30), ODDS_UNLIKELY);
    CHECK_EQ_INT(odds_kind(45), ODDS_EVEN);
    CHECK_EQ_INT(odds_kind(60), ODDS_LIKELY);
    CHECK_EQ_INT(odds_kind(79), ODDS_LIKELY);
    CHECK_EQ_INT(odds_kind(85), ODDS_VERY_LIKELY);
    for (int l = 0; l < LANG_COUNT; l++) {
        for (int k = 0; k < ODDS_COUNT; k++) {
            CHECK(text_odds((Lang)l, (OddsKind)k)[0] != '\0');
        }
    }
    Scenario *s = fixture_create(6);
    Sim *sim = sim_create(s, 3);
    /* Paula (relationship 55) holds the need the swap answers, but the trainee
     * does not know it yet: 5% + 18 without a fit, 45% + 18 with one */
    PitchOutlook p = odds_pitch(sim, 0, F_PAULA, F_IDEA_SWAP);
    CHECK(!p.fit_known);
    CHECK_EQ_INT(p.low, 23);
    CHECK_EQ_INT(p.high, 63);
    char buf[256];
    CHECK_EQ_STR(text_pitch_odds(LANG_EN, p, buf, sizeof buf),
                 "unlikely (likely if it answers a need you have not found yet)");
    CHECK_EQ_STR(text_pitch_odds(LANG_RU, p, buf, sizeof buf),
                 "невелики (хорошие, если идея отвечает ещё не найденной потребности)");
    /* the enzyme answers nothing of Paula's: the same words, so no hidden
     * need shows through */
    PitchOutlook q = odds_pitch(sim, 0, F_PAULA, F_IDEA_ENZYME);
    CHECK_EQ_INT(q.low, p.low);
    CHECK_EQ_INT(q.high, p.high);
    for (int k = 0; k < 40 && !sim_need_known(sim, 0, F_PAULA, F_NEED_PRICE); k++) {
        if (sim_apply(sim, (Command){ACT_MEET, 0, F_PAULA, -1}) == REFUSE_NO_HOURS) {
            sim_apply(sim, (Command){ACT_END_WEEK, 0, -1, -1});
        }
    }
    CHECK(sim_need_known(sim, 0, F_PAULA, F_NEED_PRICE));
    p = odds_pitch(sim, 0, F_PAULA, F_IDEA_SWAP);
    CHECK(p.fit_known);
    CHECK_EQ_INT(p.low, p.high);
    CHECK_EQ_INT(p.low, 60 + sim_relationship(sim, 0, F_PAULA) / 3 > 95 ? 95 : 60 + sim_relationship(sim, 0, F_PAULA) / 3);
    /* a referral: Paula is trusted (55 >= 50) but sponsors nothing yet */
    ReferralOutlook r = odds_referral(sim, 0, F_PAULA);
    CHECK_EQ_INT(r.percent, 30);
    CHECK(!r.too_early);
    CHECK_EQ_STR(text_referral_odds(LANG_EN, r, buf, sizeof buf), "unlikely");
    ReferralOutlook early = {5, ODDS_LONG_SHOT, true};
    CHECK_EQ_STR(text_referral_odds(LANG_EN, early, buf, sizeof buf), "a long shot, and it costs goodwill");
    sim_destroy(sim);
    scenario_destroy(s);
}

/* The erosion line names its cause: a rep who services every week must see
 * that the competitor, not neglect, took the business. */
static void test_erosion_names_its_cause(void)
{
    Scenario *s = fixture_create(6);
    s->currency = "EUR";
    Sim *sim = sim_create(s, 1);
    char buf[512];
    JournalEntry e = entry(J_EROSION, -1, -1, -1);
    e.amount = 6;
    e.money = 14400;
    e.cause = CAUSE_COMPETITOR;
    CHECK_EQ_STR(text_journal(LANG_EN, sim, &e, buf, sizeof buf),
                 "The existing business at Acme Foods erodes by 6% (a competitor courts the client and no economic "
                 "buyer is on your side): -14,400 EUR a year.");
    /* (the Russian amount is grouped with a no-break space) */
    CHECK(strstr(text_journal(LANG_RU, sim, &e, buf, sizeof buf),
                 "Текущие поставки клиенту Acme Foods сокращаются на 6% (конкурент обхаживает клиента, а "
                 "экономического покупателя на вашей стороне нет): -14") == buf);
    e.cause = CAUSE_NEGLECT;
    e.amount = 3;
    e.money = 7200;
    CHECK_EQ_STR(text_journal(LANG_EN, sim, &e, buf, sizeof buf),
                 "The existing business at Acme Foods erodes by 3% (no service for too long): -7,200 EUR a year.");
    e.cause = CAUSE_NEGLECT | CAUSE_COMPETITOR;
    CHECK(strstr(text_journal(LANG_EN, sim, &e, buf, sizeof buf), "no service for too long, and a competitor") != NULL);
    CHECK(strstr(text_journal(LANG_RU, sim, &e, buf, sizeof buf), "слишком долго без обслуживания, а конкурент") != NULL);
    sim_destroy(sim);
    scenario_destroy(s);
}

int main(void)
{
    test_reactions_per_idea();
    test_introduction_lines();
    test_russian_agreement();
    test_odds_words();
    test_why_refused();
    test_plural();
    test_money_and_lang();
    test_every_string_present();
    test_journal_renders();
    test_erosion_names_its_cause();
    return check_result("test_text");
}
