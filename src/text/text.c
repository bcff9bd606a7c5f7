/* String tables and sentence builders, English and Russian. */
#include "keyaccounts/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- languages ------------------------------------------------------------- */

Lang text_lang_from(const char *tag)
{
    if (tag && (tag[0] == 'r' || tag[0] == 'R') && (tag[1] == 'u' || tag[1] == 'U')
        && (tag[2] == '\0' || tag[2] == '_' || tag[2] == '-' || tag[2] == '.')) {
        return LANG_RU;
    }
    return LANG_EN;
}

const char *text_lang_key(Lang lang)
{
    return lang == LANG_RU ? "ru" : "en";
}

#define PICK(lang, en, ru) ((lang) == LANG_RU ? (ru) : (en))

/* ---- fixed strings ------------------------------------------------------------- */

static const char *const ACTION[LANG_COUNT][ACT_COUNT] = {
    {"Research", "Meet", "Pitch", "Ask for a referral", "Cold call", "Propose", "Service",
     "End the week"},
    {"Исследовать", "Встретиться", "Предложить идею", "Попросить рекомендацию", "Холодный звонок",
     "Оформить предложение", "Обслуживание", "Завершить неделю"},
};

static const char *const ACTION_HELP[LANG_COUNT][ACT_COUNT] = {
    {"Study the account: find a department, a name to approach, or a company-wide need.",
     "Meet someone you know: the relationship grows and a hidden need may surface.",
     "Pitch an idea: if it answers their need they may sponsor it.",
     "Ask someone who trusts you, and whom you have helped, to introduce you to a colleague.",
     "Call a name you found: low odds, cold start.",
     "Propose a sponsored idea for adoption: it closes when its approvals hold.",
     "Look after the existing business so that it does not erode.",
     "Finish the week: events happen, revenue is booked, the score is recorded."},
    {"Изучить клиента: найти отдел, имя для контакта или общую потребность компании.",
     "Встреча со знакомым: отношения крепнут, может открыться скрытая потребность.",
     "Предложить идею: если она отвечает потребности, человек может её поддержать.",
     "Попросить того, кто вам доверяет и кому вы помогли, познакомить вас с коллегой.",
     "Позвонить по найденному имени: шансы невелики, старт с нуля.",
     "Вынести поддержанную идею на решение: сделка закрывается, когда есть все согласования.",
     "Поддерживать текущие поставки, чтобы они не сокращались.",
     "Закончить неделю: происходят события, начисляется выручка, фиксируется счёт."},
};

static const char *const SUBSCORE[LANG_COUNT][SUB_COUNT] = {
    {"Revenue growth", "Penetration", "Buying roles", "Relationship depth", "Referrals", "Ideas",
     "Resilience"},
    {"Рост выручки", "Проникновение", "Роли закупки", "Глубина отношений", "Рекомендации", "Идеи",
     "Устойчивость"},
};

static const char *const SUBSCORE_HELP[LANG_COUNT][SUB_COUNT] = {
    {"Yearly revenue gained: 80 at the scenario's growth target, still rising beyond it.",
     "Share of the client's influence held by people engaged with you.",
     "Economic, technical and user buyers and a coach engaged.",
     "How strong your relationships are across the client, weighted by influence; one close friend is not depth.",
     "People reached by introduction, and how deep the chains go.",
     "Ideas the client adopted, bigger ideas counting more: 80 at the target, still rising beyond it.",
     "How little of the account hangs on one person."},
    {"Прирост годовой выручки: 80 при достижении цели сценария, дальше счёт продолжает расти.",
     "Доля влияния в компании клиента у людей, вовлечённых в работу с вами.",
     "Вовлечены экономический, технический и пользовательский покупатели и коуч.",
     "Насколько крепки отношения по всей компании клиента, с учётом влияния; один близкий знакомый — ещё не глубина.",
     "Люди, с которыми вас познакомили, и длина цепочек знакомств.",
     "Идеи, принятые клиентом; крупные весят больше: 80 при достижении цели, дальше счёт продолжает расти.",
     "Насколько мало работа с клиентом зависит от одного человека."},
};

static const char *const ROLE[LANG_COUNT][ROLE_KIND_COUNT] = {
    {"economic buyer", "technical buyer", "user buyer", "coach"},
    {"экономический покупатель", "технический покупатель", "пользователь", "коуч"},
};

/* For badges, where space is short. */
static const char *const ROLE_SHORT[LANG_COUNT][ROLE_KIND_COUNT] = {
    {"economic buyer", "technical buyer", "user buyer", "coach"},
    {"экономический", "технический", "пользователь", "коуч"},
};

static const char *const MODE[LANG_COUNT][MODE_COUNT] = {
    {"growth", "trouble", "even keel", "overconfident"},
    {"рост", "проблема", "равновесие", "самоуверенность"},
};

static const char *const LEVEL[LANG_COUNT][LEVEL_COUNT] = {
    {"product", "service", "business result", "organisational result"},
    {"продукт", "сервис", "бизнес-результат", "организационный результат"},
};

static const char *const REFUSAL[LANG_COUNT][REFUSE_COUNT] = {
    {"", "The session is over.", "There is no such person, idea or account.",
     "Not enough hours left this week.", "You do not know this person yet.",
     "You have no name to call: research the account first.",
     "You already know this person: meet them instead.", "This person has left the company.",
     "Research has nothing left to find here.", "This person already sponsors the idea.",
     "The client already runs this idea.", "Nobody sponsors this idea yet: pitch it first.",
     "A required approval is missing: a sponsor with the needed role must back it.",
     "Budgets are frozen: no proposal can close now.",
     "This person has nobody left to introduce.", "You already tried that this week."},
    {"", "Сессия окончена.", "Нет такого человека, идеи или клиента.",
     "На этой неделе не хватает часов.", "Вы ещё не знакомы с этим человеком.",
     "Вам некому звонить: сначала изучите клиента.",
     "Вы уже знакомы: лучше встретьтесь.", "Этот человек ушёл из компании.",
     "Здесь больше нечего исследовать.", "Этот человек уже поддерживает идею.",
     "Клиент уже внедрил эту идею.", "Идею ещё никто не поддержал: сначала предложите её.",
     "Не хватает согласования: идею должен поддержать человек с нужной ролью.",
     "Бюджеты заморожены: сейчас ни одно предложение не пройдёт.",
     "Этому человеку больше не с кем вас познакомить.", "Вы уже пробовали это на этой неделе."},
};

static const char *const COMMAND[LANG_COUNT][ACT_COUNT] = {
    {"research", "meet WHO", "pitch IDEA WHO", "refer WHO", "call WHO", "propose IDEA", "service", "end"},
    {"research", "meet КТО", "pitch ИДЕЯ КТО", "refer КТО", "call КТО", "propose ИДЕЯ", "service", "end"},
};

const char *text_action(Lang lang, ActionKind a) { return ACTION[lang][a]; }
const char *text_command(Lang lang, ActionKind a) { return COMMAND[lang][a]; }
const char *text_action_help(Lang lang, ActionKind a) { return ACTION_HELP[lang][a]; }
const char *text_subscore(Lang lang, SubScore s) { return SUBSCORE[lang][s]; }
const char *text_subscore_help(Lang lang, SubScore s) { return SUBSCORE_HELP[lang][s]; }
const char *text_mode(Lang lang, ResponseMode m) { return MODE[lang][m]; }
const char *text_level(Lang lang, IdeaLevel l) { return LEVEL[lang][l]; }

const char *text_role(Lang lang, BuyingRole r)
{
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if ((unsigned)r == 1u << i) {
            return ROLE[lang][i];
        }
    }
    return "?";
}

const char *text_role_short(Lang lang, BuyingRole r)
{
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if ((unsigned)r == 1u << i) {
            return ROLE_SHORT[lang][i];
        }
    }
    return "?";
}

const char *text_refusal(Lang lang, Refusal r)
{
    if (r >= 0 && r < REFUSE_COUNT) {
        return REFUSAL[lang][r];
    }
    return PICK(lang, "Out of memory: the action was not applied.",
                "Недостаточно памяти: действие не выполнено.");
}

char *text_why_refused(Lang lang, const Sim *sim, Command c, Refusal r, char *buf, size_t n)
{
    snprintf(buf, n, "%s", text_refusal(lang, r));
    if (r != REFUSE_APPROVAL_MISSING) {
        return buf;
    }
    /* Say exactly who must still back the idea. */
    const Account *acc = &sim_scenario(sim)->accounts[c.account];
    size_t used = strlen(buf);
    int w = snprintf(buf + used, n - used, " %s", PICK(lang, "Still needed:", "Ещё нужно:"));
    used += w > 0 && (size_t)w < n - used ? (size_t)w : 0;
    unsigned roles = sim_missing_roles(sim, c.account, c.idea);
    const char *sep = " ";
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if (roles & (1u << i)) {
            w = snprintf(buf + used, n - used, "%s%s", sep, text_role(lang, role_from_index(i)));
            used += w > 0 && (size_t)w < n - used ? (size_t)w : 0;
            sep = ", ";
        }
    }
    int who[SCN_MAX_APPROVALS];
    int k = sim_missing_approvers(sim, c.account, c.idea, who, SCN_MAX_APPROVALS);
    for (int i = 0; i < k && i < SCN_MAX_APPROVALS; i++) {
        w = snprintf(buf + used, n - used, "%s%s", sep, acc->contacts[who[i]].name);
        used += w > 0 && (size_t)w < n - used ? (size_t)w : 0;
        sep = ", ";
    }
    if (used + 1 < n) {
        buf[used++] = '.';
        buf[used] = '\0';
    }
    return buf;
}

typedef struct UiString {
    const char *key;
    const char *text[LANG_COUNT];
} UiString;

static const UiString UI[] = {
    {"week", {"Week", "Неделя"}},
    {"of", {"of", "из"}},
    {"hours_left", {"hours left", "ч осталось"}},
    {"score", {"Score", "Счёт"}},
    {"pass_mark", {"pass mark", "проходной балл"}},
    {"passed", {"PASSED", "ЗАЧЁТ"}},
    {"failed", {"NOT PASSED", "НЕЗАЧЁТ"}},
    {"known", {"known", "знакомы"}},
    {"heard_of", {"heard of", "известно имя"}},
    {"gone", {"left the company", "ушёл из компании"}},
    {"engaged", {"engaged", "вовлечён"}},
    {"relationship", {"relationship", "отношения"}},
    {"influence", {"influence", "влияние"}},
    {"needs", {"needs", "потребности"}},
    {"ideas", {"Ideas", "Идеи"}},
    {"people", {"People", "Люди"}},
    {"sponsors", {"sponsors", "поддерживают"}},
    {"adopted", {"adopted", "внедрена"}},
    {"value", {"value", "ценность"}},
    {"per_year", {"a year", "в год"}},
    {"revenue", {"Revenue", "Выручка"}},
    {"debrief", {"Debrief", "Разбор"}},
    {"coaching", {"Coaching notes", "Советы тренера"}},
    {"timeline", {"Week by week", "По неделям"}},
    {"referral_map", {"Who introduced whom", "Кто кого представил"}},
    {"approvals", {"approvals", "согласования"}},
    {"total", {"total", "итого"}},
    {"main_contact", {"main contact", "основной контакт"}},
    {"unknown_need", {"needs not yet known", "потребности пока неизвестны"}},
    {"freeze", {"budget freeze", "заморозка бюджета"}},
    {"pass_rule", {"No pass without a business result: the client must buy more a year than at the start, "
                   "through at least one adopted idea. Until then the score stays below the pass mark.",
                   "Без делового результата зачёта нет: клиент должен закупать в год больше, чем в начале, "
                   "и принять хотя бы одну вашу идею. До тех пор счёт остаётся ниже проходного балла."}},
    {"no_business_result", {"no business result", "нет делового результата"}},
    {"competitor", {"competitor active", "активен конкурент"}},
};

const char *text_ui(Lang lang, const char *key)
{
    for (size_t i = 0; i < sizeof UI / sizeof UI[0]; i++) {
        if (strcmp(UI[i].key, key) == 0) {
            return UI[i].text[lang];
        }
    }
    return key;
}

/* Russian labels about a woman, where they differ from the table above. */
static const struct {
    const char *key, *text;
} UI_RU_FEMALE[] = {
    {"gone", "ушла из компании"},
    {"engaged", "вовлечена"},
};

const char *text_ui_for(Lang lang, const char *key, Gender g)
{
    for (size_t i = 0; lang == LANG_RU && g == GENDER_FEMALE && i < sizeof UI_RU_FEMALE / sizeof UI_RU_FEMALE[0];
         i++) {
        if (strcmp(UI_RU_FEMALE[i].key, key) == 0) {
            return UI_RU_FEMALE[i].text;
        }
    }
    return text_ui(lang, key);
}

static const char *const ODDS[LANG_COUNT][ODDS_COUNT] = {
    {"a long shot", "unlikely", "even odds", "likely", "very likely"},
    {"почти нулевые", "невелики", "50 на 50", "хорошие", "очень высокие"},
};

const char *text_odds(Lang lang, OddsKind k)
{
    return k >= 0 && k < ODDS_COUNT ? ODDS[lang][k] : "?";
}

char *text_pitch_odds(Lang lang, PitchOutlook o, char *buf, size_t n)
{
    if (o.fit_known || o.low_kind == o.high_kind) {
        snprintf(buf, n, "%s", text_odds(lang, o.high_kind));
    } else {
        snprintf(buf, n, PICK(lang, "%s (%s if it answers a need you have not found yet)",
                              "%s (%s, если идея отвечает ещё не найденной потребности)"),
                 text_odds(lang, o.low_kind), text_odds(lang, o.high_kind));
    }
    return buf;
}

char *text_referral_odds(Lang lang, ReferralOutlook o, char *buf, size_t n)
{
    if (o.too_early) {
        snprintf(buf, n, PICK(lang, "%s, and it costs goodwill", "%s, и отношения пострадают"),
                 text_odds(lang, o.kind));
    } else {
        snprintf(buf, n, "%s", text_odds(lang, o.kind));
    }
    return buf;
}

/* Reference strategies by key (bot_key); the English name is the key. */
static const struct {
    const char *key, *ru;
} STRATEGY_RU[] = {
    {"random", "случайная"},
    {"single_thread", "один контакт"},
    {"idea_first", "идеи без рекомендаций"},
    {"expander", "расширение"},
    {"greedy", "жадная"},
    {"never_propose", "без предложений"},
    {"never_refer", "без рекомендаций"},
    {"no_new_people", "без новых людей"},
    {"one_action", "одно действие"},
    {"optimiser", "оптимум"},
};

const char *text_strategy(Lang lang, const char *key)
{
    for (size_t i = 0; lang == LANG_RU && i < sizeof STRATEGY_RU / sizeof STRATEGY_RU[0]; i++) {
        if (strcmp(STRATEGY_RU[i].key, key) == 0) {
            return STRATEGY_RU[i].ru;
        }
    }
    return key;
}

const char *text_plural(Lang lang, long n, const char *one, const char *few, const char *many)
{
    long m = n < 0 ? -n : n;
    if (lang == LANG_RU) {
        long m10 = m % 10, m100 = m % 100;
        if (m10 == 1 && m100 != 11) {
            return one;
        }
        if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) {
            return few;
        }
        return many;
    }
    return m == 1 ? one : many;
}

char *text_money(Lang lang, int64_t amount, const char *currency, char *buf, size_t n)
{
    char digits[32];
    uint64_t v = amount < 0 ? (uint64_t)(-(amount + 1)) + 1u : (uint64_t)amount;
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    const char *sep = lang == LANG_RU ? "\xc2\xa0" : ","; /* no-break space in Russian */
    char grouped[64];
    size_t len = strlen(digits), out = 0;
    for (size_t i = 0; i < len && out + 4 < sizeof grouped; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            for (const char *s = sep; *s; s++) {
                grouped[out++] = *s;
            }
        }
        grouped[out++] = digits[i];
    }
    grouped[out] = '\0';
    snprintf(buf, n, "%s%s %s", amount < 0 ? "-" : "", grouped, currency ? currency : "");
    return buf;
}

/* ---- sentences ---------------------------------------------------------------- */

static char *fmt(char *buf, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));
static char *fmt(char *buf, size_t n, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    vsnprintf(buf, n, f, ap);
    va_end(ap);
    return buf;
}

static const Contact *contact_of(const Sim *sim, int a, int c)
{
    return &sim_scenario(sim)->accounts[a].contacts[c];
}

/* The Russian word form for this person: masculine unless they are a woman. */
static const char *gx(const Contact *c, const char *male, const char *female)
{
    return c && c->gender == GENDER_FEMALE ? female : male;
}

/* A name that ends with an abbreviation («к. х. н.», "Jr.") already has its
 * period: drop the second one of "..", leaving "..." alone. */
static char *tidy_periods(char *buf)
{
    size_t w = 0;
    for (size_t r = 0; buf[r]; r++) {
        if (buf[r] == '.' && r > 0 && buf[r - 1] == '.' && buf[r + 1] != '.' && (r < 2 || buf[r - 2] != '.')) {
            continue;
        }
        buf[w++] = buf[r];
    }
    buf[w] = '\0';
    return buf;
}

/* A Cyrillic capital letter at p (2 bytes), lowered into out; false if none. */
static bool cyr_lower(const unsigned char *p, unsigned char out[2])
{
    if (p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0x9F) { /* А..П */
        out[0] = 0xD0, out[1] = (unsigned char)(p[1] + 0x20);
    } else if (p[0] == 0xD0 && p[1] >= 0xA0 && p[1] <= 0xAF) { /* Р..Я */
        out[0] = 0xD1, out[1] = (unsigned char)(p[1] - 0x20);
    } else if (p[0] == 0xD0 && p[1] == 0x81) { /* Ё */
        out[0] = 0xD1, out[1] = 0x91;
    } else {
        return false;
    }
    return true;
}

static bool is_lower_letter(const unsigned char *p)
{
    return (p[0] >= 'a' && p[0] <= 'z') || (p[0] == 0xD0 && p[1] >= 0xB0 && p[1] <= 0xBF)
           || (p[0] == 0xD1 && ((p[1] >= 0x80 && p[1] <= 0x8F) || p[1] == 0x91));
}

/* A job title (or a need) inside a Russian sentence starts with a small
 * letter («Игорь Петрович, начальник отдела закупок»), unless it starts with
 * an abbreviation («ИТ-директор»). English text keeps its capitals. */
static const char *title_in(Lang lang, const char *title, char *buf, size_t n)
{
    const unsigned char *t = (const unsigned char *)title;
    unsigned char low[2];
    if (lang != LANG_RU || !cyr_lower(t, low) || !t[2] || !is_lower_letter(t + 2) || n < 3) {
        return title;
    }
    snprintf(buf, n, "%c%c%s", low[0], low[1], title + 2);
    return buf;
}

char *text_introduced_by(Lang lang, const Contact *referrer, char *buf, size_t n)
{
    if (lang == LANG_RU) {
        snprintf(buf, n, "вас %s %s", gx(referrer, "представил", "представила"), referrer->name);
    } else {
        snprintf(buf, n, "introduced by %s", referrer->name);
    }
    return buf;
}

const char *text_dialogue(Lang lang, const Sim *sim, const JournalEntry *e, char *buf, size_t n)
{
    if (e->account < 0 || e->contact < 0) {
        return NULL;
    }
    const Account *acc = &sim_scenario(sim)->accounts[e->account];
    const Contact *ct = &acc->contacts[e->contact];
    switch (e->kind) {
    case J_MEET:
        return ct->lines[LINE_GREETING];
    case J_PITCH_WON:
    case J_PITCH_LOST:
        return contact_pitch_line(ct, e->idea, e->kind == J_PITCH_WON);
    case J_REFERRAL_WON: {
        const char *line = contact_introduction_line(ct, e->other);
        if (line) {
            return line;
        }
        const Contact *t = &acc->contacts[e->other];
        if (lang == LANG_RU) {
            snprintf(buf, n, "%s — именно тот человек, который вам нужен. Скажите, что вы от меня.", t->name);
        } else {
            snprintf(buf, n, "You should meet %s. Tell %s I sent you.", t->name,
                     t->gender == GENDER_FEMALE ? "her" : t->gender == GENDER_MALE ? "him" : "them");
        }
        return tidy_periods(buf);
    }
    case J_REFERRAL_LOST:
        return ct->lines[LINE_REFERRAL_NO];
    case J_CONTACT_LEFT:
        return ct->lines[LINE_FAREWELL];
    default:
        return NULL;
    }
}

static const char *weeks_word(Lang lang, long n)
{
    return lang == LANG_RU ? text_plural(lang, n, "неделю", "недели", "недель")
                           : text_plural(lang, n, "week", "weeks", "weeks");
}

/* text_journal without the final tidying. */
static char *journal_line(Lang lang, const Sim *sim, const JournalEntry *e, char *buf, size_t n)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = e->account >= 0 ? &s->accounts[e->account] : NULL;
    const char *cur = s->currency;
    const Contact *ct = acc && e->contact >= 0 ? contact_of(sim, e->account, e->contact) : NULL;
    const char *who = ct ? ct->name : "";
    char title[512];
    const char *what = ct ? title_in(lang, ct->title, title, sizeof title) : "";
    const char *idea = acc && e->idea >= 0 ? acc->ideas[e->idea].title : "";
    char money[48];
    switch (e->kind) {
    case J_WEEK_START:
        return fmt(buf, n, PICK(lang, "Week %d of %d begins: %d hours for account work.",
                                "Начинается неделя %d из %d: %d ч на работу с клиентами."),
                   e->week, s->weeks, s->hours_per_week);
    case J_RESEARCH_DEPT:
        if (ct) {
            return fmt(buf, n, PICK(lang, "Research: you map the %s department. A name there: %s, %s.",
                                    "Исследование: вы узнали об отделе «%s». Там работает %s, %s."),
                       acc->departments[e->other].name, who, what);
        }
        return fmt(buf, n, PICK(lang, "Research: you map the %s department.",
                                "Исследование: вы узнали об отделе «%s»."),
                   acc->departments[e->other].name);
    case J_RESEARCH_NAME:
        return fmt(buf, n, PICK(lang, "Research: a name to approach: %s, %s.",
                                "Исследование: вы нашли, к кому обратиться. Это %s, %s."),
                   who, what);
    case J_RESEARCH_NEED:
        return fmt(buf, n, PICK(lang, "Research: %s needs this: %s",
                                "Исследование показало, что нужно клиенту %s: %s"),
                   acc->name, title_in(lang, acc->needs[e->need].text, title, sizeof title));
    case J_MEET:
        return fmt(buf, n, PICK(lang, "You meet %s. Relationship %+d.", "%s проводит с вами встречу. Отношения %+d."),
                   who, e->amount);
    case J_NEED_FOUND:
        return fmt(buf, n, PICK(lang, "%s tells you about a need: %s", "%s рассказывает о потребности: %s"),
                   who, title_in(lang, acc->needs[e->need].text, title, sizeof title));
    case J_PITCH_WON:
        return fmt(buf, n, PICK(lang, "%s likes \"%s\" and will sponsor it. Relationship %+d.",
                                "%s поддерживает идею «%s». Отношения %+d."),
                   who, idea, e->amount);
    case J_PITCH_LOST:
        return fmt(buf, n, PICK(lang, "%s turns down \"%s\". Relationship %+d.",
                                "%s отклоняет идею «%s». Отношения %+d."),
                   who, idea, e->amount);
    case J_REFERRAL_WON: {
        const Contact *t = contact_of(sim, e->account, e->other);
        char ttitle[256];
        return fmt(buf, n, PICK(lang, "%s introduces you to %s, %s.", "%s знакомит вас с коллегой. Это %s, %s."),
                   who, t->name, title_in(lang, t->title, ttitle, sizeof ttitle));
    }
    case J_REFERRAL_LOST:
        if (lang == LANG_RU) {
            return fmt(buf, n, "%s пока не %s вас ни с кем знакомить. Отношения %+d.", who,
                       gx(ct, "готов", "готова"), e->amount);
        }
        return fmt(buf, n, "%s is not ready to introduce you to anyone. Relationship %+d.", who, e->amount);
    case J_COLD_CALL_WON:
        if (lang == LANG_RU) {
            return fmt(buf, n, "Звонок удался: %s %s поговорить.", who, gx(ct, "готов", "готова"));
        }
        return fmt(buf, n, "Your call gets through: %s agrees to talk.", who);
    case J_COLD_CALL_LOST:
        if (lang == LANG_RU) {
            return fmt(buf, n, "Звонок ничего не дал: %s не %s с вами говорить.", who, gx(ct, "стал", "стала"));
        }
        return fmt(buf, n, "Your call to %s goes nowhere.", who);
    case J_PROPOSE_WON:
        return fmt(buf, n, PICK(lang, "%s adopts \"%s\": +%s a year.", "%s внедряет идею «%s»: +%s в год."),
                   acc->name, idea, text_money(lang, e->money, cur, money, sizeof money));
    case J_SERVICE:
        if (ct) {
            return fmt(buf, n, PICK(lang, "You service the existing business at %s. %s: relationship %+d.",
                                    "Вы поддерживаете текущие поставки клиенту %s. %s это ценит: отношения %+d."),
                       acc->name, who, e->amount);
        }
        return fmt(buf, n, PICK(lang, "You service the existing business at %s.",
                                "Вы поддерживаете текущие поставки клиенту %s."), acc->name);
    case J_EVENT: {
        const Event *ev = &acc->events[e->event];
        if (ev->message && ev->message[0]) {
            return fmt(buf, n, "%s", ev->message);
        }
        return fmt(buf, n, PICK(lang, "Something happens at %s.", "У клиента %s перемены."), acc->name);
    }
    case J_CONTACT_LEFT:
        return fmt(buf, n, PICK(lang, "%s (%s) has left %s.", "%s, %s, уходит из компании %s."), who, what,
                   acc->name);
    case J_CONTACT_ARRIVED:
        if (lang == LANG_RU) {
            return fmt(buf, n, "%s, %s, приходит в компанию %s.", who, what, acc->name);
        }
        return fmt(buf, n, "%s joins %s as %s.", who, acc->name, what);
    case J_COMPETITOR:
        return fmt(buf, n, PICK(lang, "A competitor courts %s for %d %s.",
                                "Конкурент обхаживает клиента %s: это продлится %d %s."),
                   acc->name, e->amount, weeks_word(lang, e->amount));
    case J_FREEZE:
        return fmt(buf, n, PICK(lang, "Budget freeze at %s for %d %s: no proposal can close.",
                                "Заморозка бюджета у клиента %s на %d %s: предложения не пройдут."),
                   acc->name, e->amount, weeks_word(lang, e->amount));
    case J_NEED_CHANGED:
        if (sim_contact_status(sim, e->account, e->contact) != STATUS_KNOWN) {
            return fmt(buf, n, PICK(lang, "Priorities shift at %s.", "У клиента %s меняются приоритеты."),
                       acc->name);
        }
        return fmt(buf, n, PICK(lang, "%s's priorities change.", "%s пересматривает свои приоритеты."), who);
    case J_RELATIONSHIP:
        return fmt(buf, n, PICK(lang, "Your relationship with %s changes: %+d.",
                                "%s теперь относится к вам иначе. Отношения %+d."), who, e->amount);
    case J_ANCHOR_LOST:
        text_money(lang, e->money, cur, money, sizeof money);
        if (lang == LANG_RU) {
            return fmt(buf, n, "%s %s из компании, а за вас почти некому заступиться: %s сокращает закупки "
                               "на %d%%, это -%s в год.",
                       who, gx(ct, "ушёл", "ушла"), acc->name, e->amount, money);
        }
        return fmt(buf, n, "With %s gone and too few people behind you, %s cuts its business with you by %d%%: "
                           "-%s a year.",
                   who, acc->name, e->amount, money);
    case J_EROSION: {
        /* The cause, so that a rep who services every week sees it is not neglect. */
        static const char *const WHY[LANG_COUNT][4] = {
            {"", "no service for too long", "a competitor courts the client and no economic buyer is on your side",
             "no service for too long, and a competitor courts the client with no economic buyer on your side"},
            {"", "слишком долго без обслуживания", "конкурент обхаживает клиента, а экономического покупателя на "
             "вашей стороне нет", "слишком долго без обслуживания, а конкурент обхаживает клиента, и экономического "
             "покупателя на вашей стороне нет"},
        };
        int why = e->cause & (CAUSE_NEGLECT | CAUSE_COMPETITOR);
        text_money(lang, e->money, cur, money, sizeof money);
        if (why == 0) {
            return fmt(buf, n, PICK(lang, "The existing business at %s erodes by %d%%: -%s a year.",
                                    "Текущие поставки клиенту %s сокращаются на %d%%: -%s в год."),
                       acc->name, e->amount, money);
        }
        return fmt(buf, n, PICK(lang, "The existing business at %s erodes by %d%% (%s): -%s a year.",
                                "Текущие поставки клиенту %s сокращаются на %d%% (%s): -%s в год."),
                   acc->name, e->amount, WHY[lang][why], money);
    }
    case J_DECAY:
        if (lang == LANG_RU) {
            return fmt(buf, n, "%s давно о вас не %s. Отношения %+d.", who, gx(ct, "слышал", "слышала"),
                       e->amount);
        }
        return fmt(buf, n, "%s has not heard from you for a while. Relationship %+d.", who, e->amount);
    case J_REVENUE:
        return fmt(buf, n, PICK(lang, "Revenue booked this week: %s.", "Выручка за неделю: %s."),
                   text_money(lang, e->money, cur, money, sizeof money));
    case J_GAME_OVER:
        return fmt(buf, n, "%s", PICK(lang, "The last week is over.", "Последняя неделя закончилась."));
    case J_COUNT:
        break;
    }
    return fmt(buf, n, "?");
}

char *text_journal(Lang lang, const Sim *sim, const JournalEntry *e, char *buf, size_t n)
{
    return tidy_periods(journal_line(lang, sim, e, buf, n));
}

/* ---- coaching notes ------------------------------------------------------------ */

static const char *people_word(Lang lang, long n)
{
    return lang == LANG_RU ? text_plural(lang, n, "человек", "человека", "человек")
                           : text_plural(lang, n, "person", "people", "people");
}

/* "3 раза"; "once", "twice", "3 times". Returns buf. */
static char *times(Lang lang, int n, char *buf, size_t size)
{
    if (lang == LANG_EN && (n == 1 || n == 2)) {
        return fmt(buf, size, "%s", n == 1 ? "once" : "twice");
    }
    return fmt(buf, size, "%d %s", n,
               lang == LANG_RU ? text_plural(lang, n, "раз", "раза", "раз")
                               : text_plural(lang, n, "time", "times", "times"));
}

/* "relationship points" / "очков отношений" */
static const char *points_word(Lang lang, long n)
{
    return lang == LANG_RU ? text_plural(lang, n, "очко отношений", "очка отношений", "очков отношений")
                           : text_plural(lang, n, "relationship point", "relationship points",
                                         "relationship points");
}

/* A thread left: what it cost, and why (Russian keeps the name in the
 * nominative as the subject of its own sentence). */
static char *coach_departure(Lang lang, const Sim *sim, const CoachNote *c, char *buf, size_t n)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[c->account];
    const char *who = acc->contacts[c->contact].name;
    char money[48];
    text_money(lang, c->money, s->currency, money, sizeof money);
    if (c->kind == COACH_DEPARTURE_FREE) {
        if (lang == LANG_RU) {
            return fmt(buf, n, "Неделя %d: %s больше не работает в компании %s. С вами по-прежнему работали "
                               "ещё %d %s, поэтому этот уход ничего вам не стоил.",
                       c->week, who, acc->name, c->amount, people_word(lang, c->amount));
        }
        return fmt(buf, n, "%s left %s in week %d; %d other %s there %s still engaged with you, so it cost "
                           "nothing.",
                   who, acc->name, c->week, c->amount, people_word(lang, c->amount),
                   c->amount == 1 ? "was" : "were");
    }
    if (lang == LANG_RU) {
        return fmt(buf, n, "Неделя %d: %s больше не работает в компании %s. %s, поэтому закупки у вас "
                           "сократились на %d%%: -%s в год.",
                   c->week, who, acc->name,
                   c->amount == 0 ? "Других вовлечённых людей у клиента не осталось"
                                  : "Из вовлечённых людей у клиента остался лишь один человек",
                   c->other, money);
    }
    return fmt(buf, n, "%s left %s in week %d; with %s engaged there, the client cut its business with you "
                       "by %d%%: -%s a year.",
               who, acc->name, c->week, c->amount == 0 ? "nobody else" : "only one other person", c->other,
               money);
}

/* Erosion, by the cause recorded when it happened. */
static char *coach_erosion(Lang lang, const Sim *sim, const CoachNote *c, char *buf, size_t n)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[c->account];
    char money[48];
    text_money(lang, c->money, s->currency, money, sizeof money);
    if (c->kind == COACH_COMPETITOR) {
        return fmt(buf, n, PICK(lang,
            "A competitor courted %s while no economic buyer was engaged: the business eroded for %d %s "
            "and that cost %s a year. Win the economic buyer early; servicing alone does not keep a rival out.",
            "Пока конкурент обхаживал клиента %s, а вовлечённого экономического покупателя у вас не было, "
            "поставки сокращались %d %s, и это стоило %s в год. Привлеките экономического покупателя "
            "заранее: одно обслуживание конкурента не остановит."),
            acc->name, c->amount, weeks_word(lang, c->amount), money);
    }
    if (lang == LANG_RU) {
        return fmt(buf, n, "Текущие поставки клиенту %s оставались без обслуживания %d %s подряд (закупки "
                           "начинают сокращаться через %d %s), и это стоило %s в год: поддерживайте их "
                           "каждые несколько недель.",
                   acc->name, c->amount, weeks_word(lang, c->amount), c->other, weeks_word(lang, c->other),
                   money);
    }
    return fmt(buf, n, "The existing business at %s went %d %s in a row without service (it erodes after %d): "
                       "that cost %s a year. Service it every few weeks while you grow the account.",
               acc->name, c->amount, weeks_word(lang, c->amount), c->other, money);
}

/* Goodwill burned by refused pitches and by referrals asked too early. */
static char *coach_goodwill(Lang lang, const Sim *sim, const CoachNote *c, char *buf, size_t n)
{
    char count[32];
    times(lang, c->amount, count, sizeof count);
    if (c->kind == COACH_EARLY_REFERRALS) {
        int at = sim_scenario(sim)->rules.referral_at;
        return fmt(buf, n, PICK(lang,
            "You asked for a referral too early %s (before the relationship reached %d): it cost %d %s. "
            "Build trust and bring value first.",
            "Вы %s просили рекомендацию слишком рано, пока отношения не достигли %d: это стоило %d %s. "
            "Сначала укрепите доверие и принесите пользу."),
            count, at, c->other, points_word(lang, c->other));
    }
    if (c->part > 0 && c->part == c->amount) {
        if (lang == LANG_RU) {
            return fmt(buf, n, "Ваши идеи отклонили %s, и ни одна из них не отвечала потребностям собеседника. "
                               "Это стоило %d %s. Предлагайте то, что отвечает найденной потребности.",
                       count, c->other, points_word(lang, c->other));
        }
        return fmt(buf, n, "%d pitches were turned down, all of them ideas that answered none of the person's "
                           "needs: it cost %d %s. Pitch ideas that answer a need you have found.",
                   c->amount, c->other, points_word(lang, c->other));
    }
    if (c->part > 0) {
        if (lang == LANG_RU) {
            return fmt(buf, n, "Ваши идеи отклонили %s; в %d %s идея не отвечала ни одной потребности "
                               "собеседника. Это стоило %d %s. Предлагайте то, что отвечает найденной "
                               "потребности.",
                       count, c->part,
                       text_plural(lang, c->part, "случае", "случаях", "случаях"), c->other,
                       points_word(lang, c->other));
        }
        return fmt(buf, n, "%d pitches were turned down, %d of them ideas that answered none of the person's "
                           "needs: it cost %d %s. Pitch ideas that answer a need you have found.",
                   c->amount, c->part, c->other, points_word(lang, c->other));
    }
    if (lang == LANG_RU) {
        return fmt(buf, n, "Ваши идеи отклонили %s: это стоило %d %s. Сначала узнайте потребность: "
                           "предложение под неё принимают чаще.",
                   count, c->other, points_word(lang, c->other));
    }
    return fmt(buf, n, "%d pitches were turned down: it cost %d %s. Learn the need first: a pitch tailored to "
                       "it wins more often.",
               c->amount, c->other, points_word(lang, c->other));
}

char *text_coach(Lang lang, const Sim *sim, const CoachNote *c, char *buf, size_t n)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = c->account >= 0 ? &s->accounts[c->account] : NULL;
    const Contact *ct = acc && c->contact >= 0 ? &acc->contacts[c->contact] : NULL;
    const char *who = ct ? ct->name : "";
    const char *idea = acc && c->idea >= 0 && c->kind != COACH_SCENARIO_NOTE ? acc->ideas[c->idea].title : "";
    switch (c->kind) {
    case COACH_NO_REFERRAL:
        return fmt(buf, n, "%s", PICK(lang,
            "You never asked for a referral. Introductions are how news of you spreads inside a client: "
            "once someone trusts you and backs one of your ideas, ask who else should hear it.",
            "Вы ни разу не попросили рекомендацию. Только через знакомства о вас узнают внутри компании: "
            "когда человек вам доверяет и поддержал вашу идею, спросите, кому ещё стоит её услышать."));
    case COACH_NO_ECONOMIC:
        return fmt(buf, n, PICK(lang,
            "You never engaged the economic buyer at %s. Without the person who signs off the money, "
            "big ideas cannot close.",
            "Вы так и не вышли на экономического покупателя у клиента %s. Без того, кто распоряжается деньгами, "
            "крупные идеи не закрыть."), acc->name);
    case COACH_SINGLE_THREADED:
        if (lang == LANG_RU) {
            return fmt(buf, n, "У клиента %s вы %d %s из %d держались за одного человека: вся работа "
                               "висела на нём.",
                       acc->name, c->amount, weeks_word(lang, c->amount), c->other);
        }
        return fmt(buf, n, "Single-threaded at %s for %d of %d weeks: the account hung on one person.",
                   acc->name, c->amount, c->other);
    case COACH_UNPITCHED_FIT:
        if (lang == LANG_RU) {
            return fmt(buf, n, "%s нуждается в том, что даёт идея «%s», а вы её так и не предложили.", who,
                       idea);
        }
        return fmt(buf, n, "\"%s\" fitted %s's need and was never pitched.", idea, who);
    case COACH_NO_RESEARCH:
        return fmt(buf, n, "%s", PICK(lang,
            "You never researched the account: research turns up departments, names and needs you "
            "cannot see from your desk.",
            "Вы ни разу не изучили клиента: исследование открывает отделы, имена и потребности, "
            "которых не видно из офиса."));
    case COACH_NEGLECT:
    case COACH_COMPETITOR:
        return coach_erosion(lang, sim, c, buf, n);
    case COACH_SPONSORED_NOT_PROPOSED:
        return fmt(buf, n, PICK(lang,
            "%s sponsored \"%s\" but it never closed: win the approvals it needs and propose it.",
            "%s поддерживает идею «%s», но она так и не прошла: соберите согласования и вынесите её на решение."),
            who, idea);
    case COACH_ANCHOR_LOST:
    case COACH_DEPARTURE_FREE:
        return coach_departure(lang, sim, c, buf, n);
    case COACH_EARLY_REFERRALS:
    case COACH_PITCHES_REFUSED:
        return coach_goodwill(lang, sim, c, buf, n);
    case COACH_NO_IDEAS:
        return fmt(buf, n, "%s", PICK(lang,
            "No idea was adopted. Growth comes from new applications: pitch ideas that answer the needs "
            "you discover, then propose them.",
            "Ни одна идея не внедрена. Рост дают новые применения: предлагайте идеи под найденные "
            "потребности, а затем выносите их на решение."));
    case COACH_WELL_DONE:
        return fmt(buf, n, "%s", PICK(lang,
            "Well done: you spread across the client and grew the account.",
            "Отлично: вы охватили клиента и вырастили объём работы."));
    case COACH_SCENARIO_NOTE:
        return fmt(buf, n, "%s", s->notes[c->idea].text);
    case COACH_COUNT:
        break;
    }
    return fmt(buf, n, "?");
}

char *text_score_change(Lang lang, const ScoreChange *ch, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < SUB_COUNT; i++) {
        if (ch->sub[i] != 0 && used < n) {
            int w = snprintf(buf + used, n - used, "%s%s %+d", used ? ", " : "",
                             text_subscore(lang, (SubScore)i), ch->sub[i]);
            used += w > 0 ? (size_t)w : 0;
        }
    }
    if (used < n) {
        snprintf(buf + used, n - used, "%s%s %+d", used ? " -> " : "",
                 PICK(lang, "score", "счёт"), ch->total);
    }
    return buf;
}
