#include "nextstep.h"

#include <stdlib.h>
#include <string.h>


enum { NEXT_MAX_NOTES = 32 };

const char *nextstep_try(Lang lang, CoachKind kind)
{
    bool ru = lang == LANG_RU;
    switch (kind) {
    case COACH_NO_REFERRAL:
        return ru ? "Когда человек вам доверяет и поддержал идею, спросите: «Кому ещё стоит это услышать?» (refer)."
                  : "Once someone trusts you and backs an idea, ask who else should hear it (refer).";
    case COACH_NO_ECONOMIC:
        return ru ? "Найдите экономического покупателя: изучайте клиента и просите знакомства, пока не выйдете на него."
                  : "Find the economic buyer early: research and ask for introductions until you meet them.";
    case COACH_SINGLE_THREADED:
        return ru ? "Не держитесь за одного человека: к середине сессии работайте хотя бы с тремя."
                  : "Do not hang on one person: by mid-session be working with at least three people.";
    case COACH_UNPITCHED_FIT:
        return ru ? "Сверяйте идеи с найденными потребностями (ideas) и предлагайте подходящие тем, у кого они есть."
                  : "Match ideas to the needs you find (ideas) and pitch each fitting idea to the person who has the need.";
    case COACH_NO_RESEARCH:
        return ru ? "Начните с исследования клиента (research): оно открывает отделы, имена и потребности."
                  : "Start with research: it turns up departments, names and needs.";
    case COACH_NEGLECT:
        return ru ? "Поддерживайте текущие поставки (service) каждые несколько недель."
                  : "Service the existing business every few weeks while you grow the account.";
    case COACH_COMPETITOR:
        return ru ? "Выходите на экономического покупателя заранее: пока он на вашей стороне, конкурент не отнимет поставки."
                  : "Win the economic buyer early: while they back you, a competitor cannot take the business.";
    case COACH_PITCHES_REFUSED:
        return ru ? "Сначала узнайте потребность на встрече (meet), затем предлагайте идею, которая ей отвечает."
                  : "Learn a person's need in a meeting first, then pitch the idea that answers it.";
    case COACH_SPONSORED_NOT_PROPOSED:
        return ru ? "Поддержанную идею доводите до конца: соберите нужные согласования и вынесите её на решение (propose)."
                  : "Close what is sponsored: win the approvals the idea needs, then propose it.";
    case COACH_ANCHOR_LOST:
        return ru ? "Стройте связи вглубь заранее, чтобы уход одного человека не стоил вам клиента."
                  : "Build more threads before anyone can leave, so the account survives a departure.";
    case COACH_EARLY_REFERRALS:
        return ru ? "Просите рекомендацию после встреч и поддержанной идеи, а не в первую неделю."
                  : "Ask for a referral after a few meetings and an idea they back, not in the first week.";
    case COACH_NO_IDEAS:
        return ru ? "Предлагайте идеи (pitch) под найденные потребности и выносите поддержанные на решение (propose)."
                  : "Pitch ideas that answer the needs you discover, and propose the ones that win a sponsor.";
    case COACH_DEPARTURE_FREE:
    case COACH_WELL_DONE:
    case COACH_SCENARIO_NOTE:
    case COACH_COUNT:
        break;
    }
    return NULL;
}

/* Notes that lead to the same advice share one tip: a competitor who took
 * business and an economic buyer never met both say "win the economic buyer". */
static CoachKind advice_of(CoachKind kind)
{
    return kind == COACH_COMPETITOR ? COACH_NO_ECONOMIC : kind;
}

int nextstep_tries(Lang lang, const Sim *sim, const char **out, int max)
{
    CoachNote notes[NEXT_MAX_NOTES];
    size_t n = sim_coach(sim, notes, NEXT_MAX_NOTES);
    bool used[COACH_COUNT] = {false};
    int tries = 0;
    for (size_t k = 0; k < n && tries < max; k++) {
        const char *t = nextstep_try(lang, notes[k].kind);
        if (t && !used[advice_of(notes[k].kind)]) {
            used[advice_of(notes[k].kind)] = true;
            out[tries++] = t;
        }
    }
    return tries;
}

bool nextstep_next_scenario(const Scenario *s, bool passed, ShippedScenario *out)
{
    if (!passed) {
        return false;
    }
    ShippedScenario *list = calloc(SHIPPED_MAX, sizeof *list);
    size_t n = list ? shipped_list(list, SHIPPED_MAX) : 0;
    bool found = false;
    /* Only a scenario in the session's language: a trainee playing in
     * Russian is not sent on to an English one. */
    for (size_t k = 0; k < n && !found; k++) {
        const ShippedScenario *c = &list[k];
        if (strcmp(c->id, s->id) == 0 || strcmp(c->language, s->language) != 0) {
            continue;
        }
        if (c->difficulty > s->difficulty) { /* the list is sorted by difficulty */
            *out = *c;
            found = true;
        }
    }
    free(list);
    return found;
}

void nextstep_print(FILE *o, Lang lang, const Sim *sim)
{
    const Scenario *s = sim_scenario(sim);
    bool ru = lang == LANG_RU;
    fprintf(o, "\n%s\n", ru ? "В следующий раз" : "Next time");
    const char *tries[NEXTSTEP_MAX_TRIES];
    int n = nextstep_tries(lang, sim, tries, NEXTSTEP_MAX_TRIES);
    for (int k = 0; k < n; k++) {
        fprintf(o, "  %d. %s\n", k + 1, tries[k]);
    }
    if (n == 0) {
        fprintf(o, "  %s\n", ru ? "Повторите успех на другом сценарии или на другом варианте этого (--seed)."
                                : "Repeat it on another scenario, or on this one with another seed (--seed).");
    }
    ShippedScenario next;
    if (nextstep_next_scenario(s, sim_passed(sim), &next)) {
        fprintf(o, ru ? "  Следующий сценарий: %s (keyaccounts play %s)\n"
                      : "  Play next: %s (keyaccounts play %s)\n",
                next.title, next.arg);
    } else if (!sim_passed(sim)) {
        const char *arg = s->id;
        ShippedScenario *list = calloc(SHIPPED_MAX, sizeof *list);
        size_t count = list ? shipped_list(list, SHIPPED_MAX) : 0;
        for (size_t k = 0; k < count; k++) {
            if (strcmp(list[k].id, s->id) == 0) {
                arg = list[k].arg;
            }
        }
        fprintf(o, ru ? "  Сыграйте этот сценарий ещё раз с этими советами (keyaccounts play %s)\n"
                      : "  Play this scenario again with these in mind (keyaccounts play %s)\n",
                arg);
        free(list);
    } else {
        fprintf(o, "  %s\n", ru ? "Вы прошли самый сложный сценарий на этом языке; попробуйте другой вариант (--seed)."
                                : "You passed the hardest shipped scenario in this language; try it with another seed (--seed).");
    }
}
