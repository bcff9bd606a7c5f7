#include "render.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/bots.h"
#include "keyaccounts/odds.h"
#include "keyaccounts/stats.h"
#include "nextstep.h"
#include "scnfile.h"
#include "say.h"
#include "shipped.h"

enum { DEBRIEF_RUNS = 100, MAX_NOTES = 16 };

void render_say(FILE *o, Lang lang, TextKey key, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, key);
    text_vfmt(line, sizeof line, lang, key, ap);
    va_end(ap);
    say_lines(o, line); /* its arguments are often names from the scenario */
}

static void bar(FILE *o, int value, int width)
{
    int filled = (value * width + 50) / 100;
    fputc('[', o);
    for (int i = 0; i < width; i++) {
        fputs(i < filled ? "#" : "-", o);
    }
    fputc(']', o);
}

/* Characters, not bytes, of UTF-8 text. */
static int utf8_chars(const char *s)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        chars += (*p & 0xC0) != 0x80;
    }
    return chars;
}

void render_pad(FILE *o, const char *s, int width)
{
    int chars = utf8_chars(s);
    say_text(o, s);
    for (; chars < width; chars++) {
        fputc(' ', o);
    }
}

static void roles(FILE *o, Lang lang, unsigned r)
{
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if (r & (1u << i)) {
            fprintf(o, " · %s", text_role(lang, role_from_index(i)));
        }
    }
}

void render_briefing(FILE *o, Lang lang, const Scenario *s, uint64_t seed)
{
    say_printf(o, "Key Accounts — %s\n", s->title);
    say_printf(o, "%s\n\n%s\n\n", s->summary, s->briefing);
    fprintf(o, "%s\n", text_str(lang, T_CLI_OBJECTIVES));
    for (int i = 0; i < s->objective_count; i++) {
        say_printf(o, "  - %s\n", s->objectives[i]);
    }
    render_say(o, lang, T_CLI_BRIEFING_RULES,
            s->weeks, s->hours_per_week, s->scoring.pass_mark, (unsigned long long)seed);
    fprintf(o, "%s\n", text_str(lang, T_PASS_RULE));
    fprintf(o, "%s\n", text_str(lang, T_CLI_SCORE_REWARDS));
    for (int i = 0; i < SUB_COUNT; i++) {
        if (s->scoring.weights[i] > 0) {
            fputs("  ", o);
            render_pad(o, text_subscore(lang, (SubScore)i), 20);
            fprintf(o, " %3d  %s\n", s->scoring.weights[i], text_subscore_help(lang, (SubScore)i));
        }
    }
    fputc('\n', o);
}

static void contact_line(FILE *o, Lang lang, const Sim *sim, const PeopleNumbers *nums, int a, int c)
{
    const Contact *ct = &sim_scenario(sim)->accounts[a].contacts[c];
    const Account *acc = &sim_scenario(sim)->accounts[a];
    say_printf(o, "  %3d %-14s %s, %s (%s)", numbers_of(nums, a, c), ct->id, ct->name, ct->title,
            acc->departments[ct->department].name);
    roles(o, lang, ct->roles);
    fprintf(o, " · %s %d", text_str(lang, T_INFLUENCE), ct->influence);
}

static void known_needs(FILE *o, Lang lang, const Sim *sim, int a, int c)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    int needs[SCN_MAX_CONTACT_NEEDS];
    int n = sim_contact_needs(sim, a, c, needs, SCN_MAX_CONTACT_NEEDS);
    bool any = false;
    for (int k = 0; k < n && k < SCN_MAX_CONTACT_NEEDS; k++) {
        if (sim_need_known(sim, a, c, needs[k])) {
            say_printf(o, "        %s %s\n", any ? "  " : text_str(lang, T_CLI_NEEDS), acc->needs[needs[k]].text);
            any = true;
        }
    }
}

/* The odds of asking this person, in words, from what the trainee can see:
 * a referral, a pitch of an idea that answers a need they told you, and a
 * pitch of any other idea. */
static void odds_line(FILE *o, Lang lang, const Sim *sim, int a, int c)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    char words[256], fitting[256] = "";
    int fit = -1, other = -1;
    size_t used = 0;
    for (int i = 0; i < acc->idea_count; i++) {
        if (sim_idea_adopted(sim, a, i) || sim_sponsors(sim, a, i, c)) {
            continue;
        }
        if (odds_pitch(sim, a, c, i).fit_known) {
            int w = snprintf(fitting + used, sizeof fitting - used, "%s%d", fit < 0 ? "" : ", ", i + 1);
            used += w > 0 && (size_t)w < sizeof fitting - used ? (size_t)w : 0;
            fit = i;
        } else if (other < 0) {
            other = i;
        }
    }
    fprintf(o, "        %s", text_str(lang, T_CLI_ODDS));
    const char *sep = " ";
    if (sim_referrals_left(sim, a, c) > 0) {
        render_say(o, lang, T_CLI_REFERRAL,
                text_referral_odds(lang, odds_referral(sim, a, c), words, sizeof words));
        sep = " · ";
    }
    if (fit >= 0) {
        text_pitch_odds(lang, odds_pitch(sim, a, c, fit), words, sizeof words);
        render_say(o, lang, strchr(fitting, ',') ? T_CLI_ODDS_FIT_MANY : T_CLI_ODDS_FIT_ONE, sep, fitting, words);
        sep = " · ";
    }
    if (other >= 0) {
        render_say(o, lang, T_CLI_ODDS_OTHER, sep,
                fit >= 0 ? text_str(lang, T_CLI_OTHER_PITCHES) : text_str(lang, T_CLI_PITCH),
                text_pitch_odds(lang, odds_pitch(sim, a, c, other), words, sizeof words));
    }
    fputc('\n', o);
}

void render_people(FILE *o, Lang lang, const Sim *sim, const PeopleNumbers *nums, int a)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    int heard = 0, gone = 0, numbered = numbers_count(nums, a);
    fprintf(o, "%s\n", text_str(lang, T_CLI_PEOPLE_YOU_KNOW));
    for (int n = 1; n <= numbered; n++) { /* in the order of their numbers */
        int c = numbers_contact(nums, a, n);
        ContactStatus st = sim_contact_status(sim, a, c);
        heard += st == STATUS_HEARD_OF;
        if (st != STATUS_KNOWN) {
            continue;
        }
        contact_line(o, lang, sim, nums, a, c);
        int rel = sim_relationship(sim, a, c);
        fprintf(o, "\n        %s %3d ", text_str(lang, T_RELATIONSHIP), rel);
        bar(o, rel, 10);
        if (sim_engaged(sim, a, c)) {
            fprintf(o, " %s", text_gendered(lang, T_ENGAGED, acc->contacts[c].gender));
        }
        if (acc->contacts[c].main) {
            fprintf(o, " · %s", text_str(lang, S_MAIN_CONTACT));
        }
        int by = sim_introduced_by(sim, a, c);
        if (by >= 0) {
            char intro[256];
            say_printf(o, " · %s", text_introduced_by(lang, &acc->contacts[by], intro, sizeof intro));
        }
        int left = sim_referrals_left(sim, a, c);
        if (left > 0) {
            render_say(o, lang, T_CLI_CAN_INTRODUCE_MORE, left);
        }
        fputc('\n', o);
        known_needs(o, lang, sim, a, c);
        odds_line(o, lang, sim, a, c);
    }
    if (heard) {
        fprintf(o, "%s\n", text_str(lang, T_CLI_NAMES_HEAD));
        for (int n = 1; n <= numbered; n++) {
            int c = numbers_contact(nums, a, n);
            if (sim_contact_status(sim, a, c) == STATUS_HEARD_OF) {
                contact_line(o, lang, sim, nums, a, c);
                fputc('\n', o);
            }
        }
    }
    for (int c = 0; c < acc->contact_count; c++) {
        gone += sim_contact_status(sim, a, c) == STATUS_GONE;
    }
    if (gone) {
        fprintf(o, "%s\n", text_str(lang, T_CLI_LEFT_COMPANY));
        for (int c = 0; c < acc->contact_count; c++) {
            if (sim_contact_status(sim, a, c) == STATUS_GONE) {
                say_printf(o, "      %s, %s\n", acc->contacts[c].name, acc->contacts[c].title);
            }
        }
    }
}

static void approvals(FILE *o, Lang lang, const Account *acc, const Idea *idea)
{
    bool any = false;
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if (idea->approval_roles & (1u << i)) {
            fprintf(o, "%s%s", any ? ", " : "", text_role(lang, role_from_index(i)));
            any = true;
        }
    }
    for (int k = 0; k < idea->approval_contact_count; k++) {
        say_printf(o, "%s%s", any ? ", " : "", acc->contacts[idea->approval_contacts[k]].name);
        any = true;
    }
    if (!any) {
        fputs(text_str(lang, T_CLI_ANY_SPONSOR), o);
    }
}

void render_ideas(FILE *o, Lang lang, const Sim *sim, int a)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[a];
    char money[48];
    fprintf(o, "%s\n", text_str(lang, T_CLI_IDEAS_HEAD));
    for (int i = 0; i < acc->idea_count; i++) {
        const Idea *idea = &acc->ideas[i];
        say_printf(o, "  %3d %-14s %s · %s · %s %s\n", i + 1, idea->id, idea->title,
                text_level(lang, idea->level), text_money(lang, idea->value, s->currency, money, sizeof money),
                text_str(lang, T_PER_YEAR));
        say_printf(o, "        %s %s · %s: ", text_str(lang, T_CLI_PRODUCT), s->products[idea->product].name,
                text_str(lang, T_APPROVALS));
        approvals(o, lang, acc, idea);
        fputc('\n', o);
        for (int k = 0; k < idea->need_count; k++) {
            say_printf(o, "        %s %s\n", k ? "  " : text_str(lang, T_CLI_ANSWERS),
                    acc->needs[idea->needs[k]].text);
        }
        bool listed = false;
        for (int c = 0; c < acc->contact_count && !sim_idea_adopted(sim, a, i); c++) {
            /* who is known to need it, and the odds of pitching it to them */
            if (sim_contact_status(sim, a, c) != STATUS_KNOWN || sim_sponsors(sim, a, i, c)) {
                continue;
            }
            PitchOutlook p = odds_pitch(sim, a, c, i);
            if (p.fit_known) {
                char words[256];
                render_say(o, lang, T_CLI_IDEA_ODDS,
                        listed ? " · " : text_str(lang, T_CLI_WHO_NEEDS_IT), acc->contacts[c].name,
                        text_pitch_odds(lang, p, words, sizeof words));
                listed = true;
            }
        }
        if (listed) {
            fputc('\n', o);
        }
        if (sim_idea_adopted(sim, a, i)) {
            fprintf(o, "        %s\n", text_str(lang, T_CLI_ADOPTED));
        } else if (sim_sponsor_count(sim, a, i) > 0) {
            fprintf(o, "        %s:", text_str(lang, T_SPONSORS));
            bool first = true;
            for (int c = 0; c < acc->contact_count; c++) {
                if (sim_sponsors(sim, a, i, c)) {
                    say_printf(o, "%s %s", first ? "" : ",", acc->contacts[c].name);
                    first = false;
                }
            }
            fputc('\n', o);
        }
    }
}

void render_score(FILE *o, Lang lang, const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    Score sc = sim_score(sim);
    render_say(o, lang, T_CLI_SCORE_PASS_MARK, sc.total,
            s->scoring.pass_mark);
    if (!sim_business_result(sim)) {
        fprintf(o, "%s\n", text_str(lang, T_PASS_RULE));
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        fputs("  ", o);
        render_pad(o, text_subscore(lang, (SubScore)i), 20);
        fprintf(o, " %3d ", sc.sub[i]);
        bar(o, sc.sub[i], 20);
        render_say(o, lang, T_CLI_WEIGHT, s->scoring.weights[i]);
    }
}

void render_board(FILE *o, Lang lang, const Sim *sim, const PeopleNumbers *nums, int a)
{
    const Scenario *s = sim_scenario(sim);
    const Account *acc = &s->accounts[a];
    char money[48];
    Score sc = sim_score(sim);
    render_say(o, lang, T_CLI_WEEK_HEADER,
            sim_week(sim), s->weeks, sim_hours_left(sim), sc.total, s->scoring.pass_mark);
    if (!sim_business_result(sim) && sc.total == s->scoring.pass_mark - 1) {
        fprintf(o, "(%s: %s)\n", text_str(lang, T_NO_BUSINESS_RESULT), text_str(lang, T_PASS_RULE));
    }
    if (s->account_count > 1) {
        fprintf(o, "%s", text_str(lang, T_CLI_ACCOUNTS));
        for (int k = 0; k < s->account_count; k++) {
            say_printf(o, " %s%d %s%s", k == a ? "[" : "", k + 1, s->accounts[k].name, k == a ? "]" : "");
        }
        fputc('\n', o);
    }
    render_say(o, lang, T_CLI_ACCOUNT_LINE,
            acc->name, acc->industry, acc->employees,
            text_money(lang, sim_run_rate(sim, a), s->currency, money, sizeof money));
    if (sim_freeze_weeks(sim, a) > 0) {
        fprintf(o, " · %s", text_str(lang, T_FREEZE));
    }
    if (sim_competitor_weeks(sim, a) > 0) {
        fprintf(o, " · %s", text_str(lang, S_COMPETITOR));
    }
    fputc('\n', o);
    render_people(o, lang, sim, nums, a);
    fprintf(o, "%s", text_str(lang, T_CLI_ACTIONS));
    for (int k = 0; k < ACT_COUNT; k++) {
        if (k == ACT_END_WEEK) {
            fprintf(o, " · %s", text_command(lang, (ActionKind)k));
        } else {
            fprintf(o, "%s %s %d%s", k == 0 ? "" : " ·", text_command(lang, (ActionKind)k), s->costs[k],
                    text_str(lang, T_CLI_HOURS_ABBR));
        }
    }
    fprintf(o, "%s", text_str(lang, T_CLI_IDEAS_HELP));
}

void render_dialogue(FILE *o, Lang lang, const Sim *sim, const JournalEntry *e)
{
    char said[600];
    const char *line = text_dialogue(lang, sim, e, said, sizeof said);
    if (line) {
        const Contact *ct = &sim_scenario(sim)->accounts[e->account].contacts[e->contact];
        say_printf(o, "    %s: «%s»\n", ct->name, line);
    }
}

static void referral_tree(FILE *o, const Sim *sim, int a, int c, int depth)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    for (int t = 0; t < acc->contact_count; t++) {
        if (sim_introduced_by(sim, a, t) == c) {
            say_printf(o, "  %*s-> %s, %s\n", depth * 3, "", acc->contacts[t].name, acc->contacts[t].title);
            referral_tree(o, sim, a, t, depth + 1);
        }
    }
}

static void timeline(FILE *o, Lang lang, const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    size_t n;
    const WeekSnapshot *w = sim_timeline(sim, &n);
    char money[48];
    fprintf(o, "\n%s\n", text_str(lang, S_TIMELINE));
    fprintf(o, "%s\n", text_str(lang, T_CLI_TIMELINE_HEAD));
    for (size_t k = 0; k < n; k++) {
        fprintf(o, "  %4d  %5d  %-22s  %7d  %5d  ", w[k].week, w[k].score.total,
                text_money(lang, w[k].revenue_run_rate, s->currency, money, sizeof money), w[k].engaged,
                w[k].known);
        bar(o, w[k].score.total, 20);
        fputc('\n', o);
    }
}

static void strategies(FILE *o, Lang lang, const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    render_say(o, lang, T_CLI_STRATEGIES_HEAD,
            DEBRIEF_RUNS);
    int width = 0; /* the longest name, and a space */
    for (int b = 0; b < BOT_COUNT; b++) {
        int w = utf8_chars(text_strategy(lang, bot_key((BotKind)b))) + 1;
        width = w > width ? w : width;
    }
    for (int b = 0; b < BOT_COUNT; b++) {
        StrategyStats st;
        if (stats_run(s, (BotKind)b, DEBRIEF_RUNS, 1, &st) != 0) {
            fprintf(o, "  %s\n", text_str(lang, T_CLI_OUT_MEMORY));
            return;
        }
        fputs("  ", o);
        render_pad(o, text_strategy(lang, bot_key((BotKind)b)), width);
        render_say(o, lang, T_CLI_STRATEGY_ROW,
                st.median, st.p10, st.p90, st.passes * 100 / st.runs);
    }
}

void render_debrief(FILE *o, Lang lang, const Sim *sim, bool with_strategies)
{
    const Scenario *s = sim_scenario(sim);
    Score sc = sim_score(sim);
    bool passed = sim_passed(sim);
    say_printf(o, "\n=== %s: %s ===\n", text_str(lang, S_DEBRIEF), s->title);
    render_say(o, lang, T_CLI_DEBRIEF_SCORE,
            sc.total, text_str(lang, passed ? S_PASSED : S_FAILED), s->scoring.pass_mark);
    for (int i = 0; i < SUB_COUNT; i++) {
        fputs("  ", o);
        render_pad(o, text_subscore(lang, (SubScore)i), 20);
        fprintf(o, " %3d ", sc.sub[i]);
        bar(o, sc.sub[i], 20);
        fprintf(o, " ×%-3d %s\n", s->scoring.weights[i], text_subscore_help(lang, (SubScore)i));
    }
    if (s->account_count > 1) {
        for (int a = 0; a < s->account_count; a++) {
            Score as = sim_account_score(sim, a);
            render_say(o, lang, T_CLI_ACCOUNT_SCORE, s->accounts[a].name, as.total);
        }
    }
    timeline(o, lang, sim);
    fprintf(o, "\n%s\n", text_str(lang, S_REFERRAL_MAP));
    bool any = false;
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        for (int c = 0; c < acc->contact_count; c++) {
            bool root = sim_introduced_by(sim, a, c) < 0 && sim_contact_status(sim, a, c) != STATUS_UNKNOWN;
            bool introduced_someone = false;
            for (int t = 0; t < acc->contact_count && !introduced_someone; t++) {
                introduced_someone = sim_introduced_by(sim, a, t) == c;
            }
            if (root && introduced_someone) {
                say_printf(o, "  %s, %s\n", acc->contacts[c].name, acc->contacts[c].title);
                referral_tree(o, sim, a, c, 1);
                any = true;
            }
        }
    }
    if (!any) {
        fprintf(o, "  %s\n", text_str(lang, T_CLI_NO_REFERRALS));
    }
    CoachNote notes[MAX_NOTES];
    size_t n = sim_coach(sim, notes, MAX_NOTES);
    char line[1024];
    fprintf(o, "\n%s\n", text_str(lang, S_COACHING));
    for (size_t k = 0; k < n; k++) {
        say_printf(o, "  - %s\n", text_coach(lang, sim, &notes[k], line, sizeof line));
    }
    if (with_strategies) {
        strategies(o, lang, sim);
    }
}

void render_next_steps(FILE *o, Lang lang, const Sim *sim, const char *path)
{
    const Scenario *s = sim_scenario(sim);
    char line[1024];
    fprintf(o, "\n%s\n", text_str(lang, S_TAB_NEXT));
    const char *tries[NEXTSTEP_MAX_TRIES];
    int n = nextstep_tries(lang, sim, tries, NEXTSTEP_MAX_TRIES);
    for (int k = 0; k < n; k++) {
        say_printf(o, "  %d. %s\n", k + 1, tries[k]);
    }
    if (n == 0) {
        fprintf(o, "  %s\n", text_str(lang, T_NEXT_REPEAT_SEED));
    }
    ShippedScenario next;
    if (nextstep_next_scenario(s, sim_passed(sim), &next)) {
        text_fmt(line, sizeof line, lang, T_NEXT_PLAY_CMD, next.title, next.arg);
        say_printf(o, "  %s\n", line);
    } else if (!sim_passed(sim)) {
        char arg[600];
        text_fmt(line, sizeof line, lang, T_NEXT_AGAIN_CMD, scnfile_play_arg(path, arg, sizeof arg));
        fprintf(o, "  %s\n", line);
    } else {
        fprintf(o, "  %s\n", text_str(lang, T_NEXT_HARDEST_SEED));
    }
}
