/* The lookup of fixed strings, and sentence builders over them. The words
 * themselves are in one table per language (lang_*.c); what stays here is the
 * grammar that differs between languages (Russian gender and cases). */
#include "keyaccounts/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"

/* ---- languages ------------------------------------------------------------- */

static const TextLanguage *const LANGS[LANG_COUNT] = {
    [LANG_EN] = &TEXT_LANG_EN,
    [LANG_RU] = &TEXT_LANG_RU,
};

const TextLanguage *text_language(Lang lang)
{
    return (int)lang >= 0 && lang < LANG_COUNT ? LANGS[lang] : LANGS[LANG_EN];
}

Lang text_lang_from(const char *tag)
{
    for (int l = 0; tag && l < LANG_COUNT; l++) {
        const char *k = LANGS[l]->tag;
        char sep = tag[0] && tag[1] ? tag[2] : 'x';
        if ((tag[0] | 0x20) == k[0] && tag[0] && (tag[1] | 0x20) == k[1]
            && (sep == '\0' || sep == '_' || sep == '-' || sep == '.')) {
            return (Lang)l;
        }
    }
    return LANG_EN;
}

const char *text_lang_key(Lang lang)
{
    return text_language(lang)->tag;
}

const char *text_str(Lang lang, TextKey key)
{
    if ((int)key < 0 || key >= TEXT_KEY_COUNT) {
        return "";
    }
    const char *s = text_language(lang)->str[key];
    return s ? s : "";
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
/* The tables hold printf formats whose conversions match in every language
 * (tests/unit/test_text_tables.c). */
int text_vfmt(char *buf, size_t n, Lang lang, TextKey key, va_list ap)
{
    return vsnprintf(buf, n, text_str(lang, key), ap);
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

int text_fmt(char *buf, size_t n, Lang lang, TextKey key, ...)
{
    va_list ap;
    va_start(ap, key);
    int r = text_vfmt(buf, n, lang, key, ap);
    va_end(ap);
    return r;
}

/* ---- fixed strings ------------------------------------------------------------- */

const char *text_action(Lang lang, ActionKind a) { return text_str(lang, (TextKey)(T_ACTION_RESEARCH + a)); }
const char *text_command(Lang lang, ActionKind a) { return text_str(lang, (TextKey)(T_COMMAND_RESEARCH + a)); }
const char *text_action_help(Lang lang, ActionKind a)
{
    return text_str(lang, (TextKey)(T_ACTION_HELP_RESEARCH + a));
}
const char *text_subscore(Lang lang, SubScore s) { return text_str(lang, (TextKey)(T_SUBSCORE_REVENUE + s)); }
const char *text_subscore_help(Lang lang, SubScore s)
{
    return text_str(lang, (TextKey)(T_SUBSCORE_HELP_REVENUE + s));
}
const char *text_mode(Lang lang, ResponseMode m) { return text_str(lang, (TextKey)(T_MODE_GROWTH + m)); }
const char *text_level(Lang lang, IdeaLevel l) { return text_str(lang, (TextKey)(T_LEVEL_PRODUCT + l)); }

const char *text_verb(ActionKind a)
{
    static const char *const VERB[ACT_COUNT] = {"research", "meet", "pitch", "refer", "call",
                                               "propose", "service", "end"};
    return (int)a >= 0 && a < ACT_COUNT ? VERB[a] : "?";
}

char *text_command_line(const Scenario *s, Command c, bool names, char *buf, size_t n)
{
    const Account *a = c.account >= 0 && c.account < s->account_count ? &s->accounts[c.account] : NULL;
    const char *idea = a && c.idea >= 0 && c.idea < a->idea_count ? a->ideas[c.idea].id : NULL;
    const Contact *ct = a && c.contact >= 0 && c.contact < a->contact_count ? &a->contacts[c.contact] : NULL;
    const char *who = ct ? (names ? ct->name : ct->id) : NULL;
    snprintf(buf, n, "%s%s%s%s%s", text_verb(c.kind), idea ? " " : "", idea ? idea : "", who ? " " : "",
             who ? who : "");
    return buf;
}

const char *text_role(Lang lang, BuyingRole r)
{
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if ((unsigned)r == 1u << i) {
            return text_str(lang, (TextKey)(T_ROLE_ECONOMIC + i));
        }
    }
    return "?";
}

const char *text_role_short(Lang lang, BuyingRole r)
{
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if ((unsigned)r == 1u << i) {
            return text_str(lang, (TextKey)(T_ROLE_SHORT_ECONOMIC + i));
        }
    }
    return "?";
}

const char *text_refusal(Lang lang, Refusal r)
{
    if (r == REFUSE_NONE) {
        return "";
    }
    if (r > REFUSE_NONE && r < REFUSE_COUNT) {
        return text_str(lang, (TextKey)(T_REFUSAL_GAME_OVER + (r - REFUSE_GAME_OVER)));
    }
    return text_str(lang, T_REFUSAL_NO_MEMORY);
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
    int w = snprintf(buf + used, n - used, " %s", text_str(lang, T_STILL_NEEDED));
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

const char *text_gendered(Lang lang, TextKey key, Gender g)
{
    static const struct {
        TextKey key, female;
    } FEMALE[] = {
        {T_GONE, T_GONE_F},
        {T_ENGAGED, T_ENGAGED_F},
    };
    for (size_t i = 0; g == GENDER_FEMALE && i < sizeof FEMALE / sizeof FEMALE[0]; i++) {
        if (FEMALE[i].key == key) {
            return text_str(lang, FEMALE[i].female);
        }
    }
    return text_str(lang, key);
}

const char *text_odds(Lang lang, OddsKind k)
{
    return k >= 0 && k < ODDS_COUNT ? text_str(lang, (TextKey)(T_ODDS_LONG_SHOT + k)) : "?";
}

char *text_pitch_odds(Lang lang, PitchOutlook o, char *buf, size_t n)
{
    if (o.fit_known || o.low_kind == o.high_kind) {
        snprintf(buf, n, "%s", text_odds(lang, o.high_kind));
    } else {
        text_fmt(buf, n, lang, T_PITCH_ODDS_UNFOUND, text_odds(lang, o.low_kind), text_odds(lang, o.high_kind));
    }
    return buf;
}

char *text_referral_odds(Lang lang, ReferralOutlook o, char *buf, size_t n)
{
    if (o.too_early) {
        text_fmt(buf, n, lang, T_REFERRAL_ODDS_EARLY, text_odds(lang, o.kind));
    } else {
        snprintf(buf, n, "%s", text_odds(lang, o.kind));
    }
    return buf;
}

/* Reference strategies by key (bot_key), in the order of their T_STRATEGY_ keys. */
static const char *const STRATEGY_KEY[] = {
    "random", "single_thread", "idea_first", "expander", "greedy",
    "never_propose", "never_refer", "no_new_people", "one_action", "optimiser",
};

const char *text_strategy(Lang lang, const char *key)
{
    for (size_t i = 0; i < sizeof STRATEGY_KEY / sizeof STRATEGY_KEY[0]; i++) {
        if (strcmp(STRATEGY_KEY[i], key) == 0) {
            return text_str(lang, (TextKey)(T_STRATEGY_RANDOM + (int)i));
        }
    }
    return key;
}

int text_plural_form(Lang lang, long n)
{
    return text_language(lang)->plural(n);
}

const char *text_plural(Lang lang, long n, const char *one, const char *few, const char *many)
{
    switch (text_plural_form(lang, n)) {
    case 0:
        return one;
    case 1:
        return few;
    default:
        return many;
    }
}

const char *text_plural_str(Lang lang, long n, TextKey one)
{
    return text_str(lang, (TextKey)(one + text_plural_form(lang, n)));
}

int text_hours(char *buf, size_t n, Lang lang, int hours, bool left)
{
    const char *word = text_plural_str(lang, hours, T_HOURS_ONE);
    if (!left) {
        return snprintf(buf, n, "%d %s", hours, word);
    }
    return text_fmt(buf, n, lang, (TextKey)(T_HOURS_LEFT_ONE + text_plural_form(lang, hours)), hours, word);
}

int text_attempts(char *buf, size_t n, Lang lang, int count)
{
    return snprintf(buf, n, "%d %s", count, text_plural_str(lang, count, T_ATTEMPTS_ONE));
}

char *text_money(Lang lang, int64_t amount, const char *currency, char *buf, size_t n)
{
    char digits[32];
    uint64_t v = amount < 0 ? (uint64_t)(-(amount + 1)) + 1u : (uint64_t)amount;
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    const char *sep = text_str(lang, T_THOUSANDS_SEP);
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

/* fmt with the string of key as the format (see text_fmt). */
static char *tfmt(char *buf, size_t n, Lang lang, TextKey key, ...)
{
    va_list ap;
    va_start(ap, key);
    text_vfmt(buf, n, lang, key, ap);
    va_end(ap);
    return buf;
}

static const Contact *contact_of(const Sim *sim, int a, int c)
{
    return &sim_scenario(sim)->accounts[a].contacts[c];
}

/* The key of a sentence about this person: a key ending in _F, right after
 * its key, agrees with a woman (Russian: «готова», «ушла»). */
static TextKey gk(const Contact *c, TextKey key)
{
    return c && c->gender == GENDER_FEMALE ? (TextKey)(key + 1) : key;
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

/* A job title (or a need) inside a sentence starts with a small letter in
 * languages that say so (small_titles: «Игорь Петрович, начальник отдела
 * закупок»), unless it starts with an abbreviation («ИТ-директор»). English
 * text keeps its capitals. */
static const char *title_in(Lang lang, const char *title, char *buf, size_t n)
{
    const unsigned char *t = (const unsigned char *)title;
    unsigned char low[2];
    if (!text_language(lang)->small_titles || !cyr_lower(t, low) || !t[2] || !is_lower_letter(t + 2) || n < 3) {
        return title;
    }
    snprintf(buf, n, "%c%c%s", low[0], low[1], title + 2);
    return buf;
}

char *text_introduced_by(Lang lang, const Contact *referrer, char *buf, size_t n)
{
    return tfmt(buf, n, lang, gk(referrer, T_INTRODUCED_BY), referrer->name);
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
        int form = t->gender == GENDER_FEMALE ? 1 : t->gender == GENDER_MALE ? 2 : 0; /* _F, _M */
        tfmt(buf, n, lang, (TextKey)(T_DIALOGUE_INTRO + form), t->name);
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
    return text_plural_str(lang, n, T_WEEKS_ONE);
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
        return tfmt(buf, n, lang, T_J_WEEK_START,
                   e->week, s->weeks, s->hours_per_week);
    case J_RESEARCH_DEPT:
        if (ct) {
            return tfmt(buf, n, lang, T_J_RESEARCH_DEPT_NAME,
                       acc->departments[e->other].name, who, what);
        }
        return tfmt(buf, n, lang, T_J_RESEARCH_DEPT,
                   acc->departments[e->other].name);
    case J_RESEARCH_NAME:
        return tfmt(buf, n, lang, T_J_RESEARCH_NAME,
                   who, what);
    case J_RESEARCH_NEED:
        return tfmt(buf, n, lang, T_J_RESEARCH_NEED,
                   acc->name, title_in(lang, acc->needs[e->need].text, title, sizeof title));
    case J_MEET:
        return tfmt(buf, n, lang, T_J_MEET,
                   who, e->amount);
    case J_NEED_FOUND:
        return tfmt(buf, n, lang, T_J_NEED_FOUND,
                   who, title_in(lang, acc->needs[e->need].text, title, sizeof title));
    case J_PITCH_WON:
        return tfmt(buf, n, lang, T_J_PITCH_WON,
                   who, idea, e->amount);
    case J_PITCH_LOST:
        return tfmt(buf, n, lang, T_J_PITCH_LOST,
                   who, idea, e->amount);
    case J_REFERRAL_WON: {
        const Contact *t = contact_of(sim, e->account, e->other);
        char ttitle[256];
        return tfmt(buf, n, lang, T_J_REFERRAL_WON,
                   who, t->name, title_in(lang, t->title, ttitle, sizeof ttitle));
    }
    case J_REFERRAL_LOST:
        return tfmt(buf, n, lang, gk(ct, T_J_REFERRAL_LOST), who, e->amount);
    case J_COLD_CALL_WON:
        return tfmt(buf, n, lang, gk(ct, T_J_COLD_CALL_WON), who);
    case J_COLD_CALL_LOST:
        return tfmt(buf, n, lang, gk(ct, T_J_COLD_CALL_LOST), who);
    case J_PROPOSE_WON:
        return tfmt(buf, n, lang, T_J_PROPOSE_WON,
                   acc->name, idea, text_money(lang, e->money, cur, money, sizeof money));
    case J_SERVICE:
        if (ct) {
            return tfmt(buf, n, lang, T_J_SERVICE_CONTACT,
                       acc->name, who, e->amount);
        }
        return tfmt(buf, n, lang, T_J_SERVICE, acc->name);
    case J_EVENT: {
        const Event *ev = &acc->events[e->event];
        if (ev->message && ev->message[0]) {
            return fmt(buf, n, "%s", ev->message);
        }
        return tfmt(buf, n, lang, T_J_EVENT, acc->name);
    }
    case J_CONTACT_LEFT:
        return tfmt(buf, n, lang, T_J_CONTACT_LEFT, who, what,
                   acc->name);
    case J_CONTACT_ARRIVED:
        text_language(lang)->say->contact_arrived(buf, n, who, what, acc->name);
        return buf;
    case J_COMPETITOR:
        return tfmt(buf, n, lang, T_J_COMPETITOR,
                   acc->name, e->amount, weeks_word(lang, e->amount));
    case J_FREEZE:
        return tfmt(buf, n, lang, T_J_FREEZE,
                   acc->name, e->amount, weeks_word(lang, e->amount));
    case J_NEED_CHANGED:
        if (sim_contact_status(sim, e->account, e->contact) != STATUS_KNOWN) {
            return tfmt(buf, n, lang, T_J_NEED_CHANGED_ACCOUNT,
                       acc->name);
        }
        return tfmt(buf, n, lang, T_J_NEED_CHANGED, who);
    case J_RELATIONSHIP:
        return tfmt(buf, n, lang, T_J_RELATIONSHIP, who, e->amount);
    case J_ANCHOR_LOST:
        text_money(lang, e->money, cur, money, sizeof money);
        return tfmt(buf, n, lang, gk(ct, T_J_ANCHOR_LOST), who, acc->name, e->amount, money);
    case J_EROSION: {
        /* The cause, so that a rep who services every week sees it is not neglect. */
        int why = e->cause & (CAUSE_NEGLECT | CAUSE_COMPETITOR);
        text_money(lang, e->money, cur, money, sizeof money);
        if (why == 0) {
            return tfmt(buf, n, lang, T_J_EROSION, acc->name, e->amount, money);
        }
        return tfmt(buf, n, lang, T_J_EROSION_WHY, acc->name, e->amount,
                    text_str(lang, (TextKey)(T_EROSION_NEGLECT + why - CAUSE_NEGLECT)), money);
    }
    case J_DECAY:
        return tfmt(buf, n, lang, gk(ct, T_J_DECAY), who, e->amount);
    case J_REVENUE:
        return tfmt(buf, n, lang, T_J_REVENUE,
                   text_money(lang, e->money, cur, money, sizeof money));
    case J_GAME_OVER:
        return tfmt(buf, n, lang, T_J_GAME_OVER);
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
    return text_plural_str(lang, n, T_PEOPLE_ONE);
}

/* "once", "twice", "3 times"; «1 раз», «2 раза», «3 раза». Returns buf. */
static char *times(Lang lang, int n, char *buf, size_t size)
{
    if (n == 1 || n == 2) {
        return fmt(buf, size, "%s", text_str(lang, n == 1 ? T_TIMES_EXACTLY_1 : T_TIMES_EXACTLY_2));
    }
    return fmt(buf, size, "%d %s", n, text_plural_str(lang, n, T_TIMES_ONE));
}

/* "relationship points" / "очков отношений" */
static const char *points_word(Lang lang, long n)
{
    return text_plural_str(lang, n, T_POINTS_ONE);
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
        text_language(lang)->say->departure_free(buf, n, c->week, who, acc->name, c->amount,
                                            people_word(lang, c->amount));
    } else {
        text_language(lang)->say->departure_cost(buf, n, c->week, who, acc->name, c->amount, c->other, money);
    }
    return buf;
}

/* Erosion, by the cause recorded when it happened. */
static char *coach_erosion(Lang lang, const Sim *sim, const CoachNote *c, char *buf, size_t n)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[c->account];
    char money[48];
    text_money(lang, c->money, s->currency, money, sizeof money);
    if (c->kind == COACH_COMPETITOR) {
        return tfmt(buf, n, lang, T_COACH_COMPETITOR,
            acc->name, c->amount, weeks_word(lang, c->amount), money);
    }
    text_language(lang)->say->neglect(buf, n, acc->name, c->amount, weeks_word(lang, c->amount), c->other,
                                 weeks_word(lang, c->other), money);
    return buf;
}

/* Goodwill burned by refused pitches and by referrals asked too early. */
static char *coach_goodwill(Lang lang, const Sim *sim, const CoachNote *c, char *buf, size_t n)
{
    char count[32];
    times(lang, c->amount, count, sizeof count);
    if (c->kind == COACH_EARLY_REFERRALS) {
        int at = sim_scenario(sim)->rules.referral_at;
        return tfmt(buf, n, lang, T_COACH_EARLY_REFERRALS,
            count, at, c->other, points_word(lang, c->other));
    }
    text_language(lang)->say->refused(buf, n, c->amount, count, c->part, text_plural_str(lang, c->part, T_CASES_ONE),
                                 c->other, points_word(lang, c->other));
    return buf;
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
        return tfmt(buf, n, lang, T_COACH_NO_REFERRAL);
    case COACH_NO_ECONOMIC:
        return tfmt(buf, n, lang, T_COACH_NO_ECONOMIC, acc->name);
    case COACH_SINGLE_THREADED:
        text_language(lang)->say->single_threaded(buf, n, acc->name, c->amount, weeks_word(lang, c->amount), c->other);
        return buf;
    case COACH_UNPITCHED_FIT:
        text_language(lang)->say->unpitched_fit(buf, n, who, idea);
        return buf;
    case COACH_NO_RESEARCH:
        return tfmt(buf, n, lang, T_COACH_NO_RESEARCH);
    case COACH_NEGLECT:
    case COACH_COMPETITOR:
        return coach_erosion(lang, sim, c, buf, n);
    case COACH_SPONSORED_NOT_PROPOSED:
        return tfmt(buf, n, lang, T_COACH_SPONSORED_NOT_PROPOSED,
            who, idea);
    case COACH_ANCHOR_LOST:
    case COACH_DEPARTURE_FREE:
        return coach_departure(lang, sim, c, buf, n);
    case COACH_EARLY_REFERRALS:
    case COACH_PITCHES_REFUSED:
        return coach_goodwill(lang, sim, c, buf, n);
    case COACH_NO_IDEAS:
        return tfmt(buf, n, lang, T_COACH_NO_IDEAS);
    case COACH_WELL_DONE:
        return tfmt(buf, n, lang, T_COACH_WELL_DONE);
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
                 text_str(lang, T_SCORE_WORD), ch->total);
    }
    return buf;
}

/* ---- the balance verdict ------------------------------------------------------- */

/* "34.2%": a pass rate in tenths of a percent, rounded down. */
static char *rate_text(char *out, size_t size, int passes, int runs)
{
    int permille = runs > 0 ? (int)((int64_t)passes * 1000 / runs) : 0;
    snprintf(out, size, "%d.%d%%", permille / 10, permille % 10);
    return out;
}

/* Appends "; text" (or text first), bounded. */
static void append(char *buf, size_t size, const char *text)
{
    size_t used = strlen(buf);
    if (used < size) {
        snprintf(buf + used, size - used, "%s%s", used ? "; " : "", text);
    }
}

static const char *account_name(Lang lang, const Scenario *s, int a)
{
    return s->account_count > 1 && a >= 0 && a < s->account_count ? s->accounts[a].id
                                                                     : text_str(lang, T_VERDICT_THE_ACCOUNT);
}

static void verdict_hint(Lang lang, const Scenario *s, const VerdictHint *h, char *buf, size_t n)
{
    switch (h->kind) {
    case HINT_MAIN_NEVER_LEAVES:
        text_fmt(buf, n, lang, T_VERDICT_MAIN_STAYS, account_name(lang, s, h->account));
        return;
    case HINT_MAIN_ALONE:
        text_fmt(buf, n, lang, T_VERDICT_MAIN_ALONE, account_name(lang, s, h->account), h->value);
        return;
    case HINT_HOLDS_BACK:
        text_fmt(buf, n, lang, T_VERDICT_HOLDS_BACK, subscore_key((SubScore)h->value), h->value2,
                 s->scoring.weights[h->value]);
        return;
    case HINT_IDEAS_SHORT:
        text_fmt(buf, n, lang, T_VERDICT_IDEAS_SHORT, account_name(lang, s, h->account));
        return;
    case HINT_RAISE_PASS_MARK:
        snprintf(buf, n, "%s", text_str(lang, T_VERDICT_RAISE));
        return;
    }
    buf[0] = '\0';
}

char *text_verdict_line(Lang lang, const Scenario *s, const VerdictLine *l, char *buf, size_t n)
{
    char rate[16];
    rate_text(rate, sizeof rate, l->passes, l->runs);
    bool optimum = l->rule == VERDICT_CONSTRAINED_OPTIMUM;
    switch (l->rule) {
    case VERDICT_CONSTRAINED:
    case VERDICT_CONSTRAINED_OPTIMUM:
        if (!l->failed) {
            text_fmt(buf, n, lang, optimum ? T_VERDICT_OPTIMUM_OK : T_VERDICT_CONSTRAINED_OK,
                     constraint_key(l->constraint), rate, l->limit_pct);
            return buf;
        }
        text_fmt(buf, n, lang, optimum ? T_VERDICT_OPTIMUM_FAIL : T_VERDICT_CONSTRAINED_FAIL,
                 text_str(lang, (TextKey)((optimum ? T_VERDICT_BEST_NONE : T_VERDICT_WHO_NONE) + l->constraint)),
                 rate, constraint_key(l->constraint), l->passes, l->runs, l->median, l->limit_pct);
        break;
    case VERDICT_TOO_EASY:
        text_fmt(buf, n, lang, l->failed ? T_VERDICT_EASY_FAIL : T_VERDICT_EASY_OK, bot_key(l->bot), rate,
                 l->failed ? l->passes : l->limit_pct, l->runs, l->median, l->limit_pct);
        break;
    case VERDICT_TOO_HARD:
        if (!l->failed) {
            text_fmt(buf, n, lang, T_VERDICT_HARD_OK, rate, l->limit_pct);
            return buf;
        }
        text_fmt(buf, n, lang, T_VERDICT_HARD_FAIL, rate, l->passes, l->runs, l->median, l->limit_pct);
        break;
    }
    /* The hints of a line go after it, as one clause each. */
    char hints[400] = "";
    for (int i = 0; i < l->hint_count; i++) {
        char hint[200];
        verdict_hint(lang, s, &l->hints[i], hint, sizeof hint);
        append(hints, sizeof hints, hint);
    }
    if (hints[0]) {
        append(buf, n, hints);
    }
    return buf;
}

char *text_verdict_reason(Lang lang, const Scenario *s, const BalanceVerdict *v, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int i = 0; i < v->line_count; i++) {
        if (v->lines[i].failed) {
            char line[480];
            append(buf, n, text_verdict_line(lang, s, &v->lines[i], line, sizeof line));
        }
    }
    if (v->passed) {
        char rate[16];
        text_fmt(buf, n, lang, T_VERDICT_PASSED, rate_text(rate, sizeof rate, v->expander_passes, v->expander_runs),
                 VERDICT_MIN_EXPANDER_PCT, VERDICT_MAX_CONSTRAINED_PCT);
    }
    if (v->optimum_median >= 0) {
        char close[160];
        text_fmt(close, sizeof close, lang, T_VERDICT_CLOSE, v->expander_median, v->optimum_pct, v->optimum_median);
        append(buf, n, close);
    }
    return buf;
}
