#include "nextstep.h"

#include <stdlib.h>
#include <string.h>


enum { NEXT_MAX_NOTES = 32 };

const char *nextstep_try(Lang lang, CoachKind kind)
{
    /* One tip per kind of coaching note, as its key + 1; 0 (left out) for
     * the notes that need none. */
    static const int TRY[COACH_COUNT] = {
        [COACH_NO_REFERRAL] = T_TRY_NO_REFERRAL + 1,
        [COACH_NO_ECONOMIC] = T_TRY_NO_ECONOMIC + 1,
        [COACH_SINGLE_THREADED] = T_TRY_SINGLE_THREADED + 1,
        [COACH_UNPITCHED_FIT] = T_TRY_UNPITCHED_FIT + 1,
        [COACH_NO_RESEARCH] = T_TRY_NO_RESEARCH + 1,
        [COACH_NEGLECT] = T_TRY_NEGLECT + 1,
        [COACH_COMPETITOR] = T_TRY_COMPETITOR + 1,
        [COACH_PITCHES_REFUSED] = T_TRY_PITCHES_REFUSED + 1,
        [COACH_SPONSORED_NOT_PROPOSED] = T_TRY_SPONSORED_NOT_PROPOSED + 1,
        [COACH_ANCHOR_LOST] = T_TRY_ANCHOR_LOST + 1,
        [COACH_EARLY_REFERRALS] = T_TRY_EARLY_REFERRALS + 1,
        [COACH_NO_IDEAS] = T_TRY_NO_IDEAS + 1,
    };
    int key = (int)kind >= 0 && kind < COACH_COUNT ? TRY[kind] : 0;
    return key ? text_str(lang, (TextKey)(key - 1)) : NULL;
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
    char line[1024];
    fprintf(o, "\n%s\n", text_str(lang, S_TAB_NEXT));
    const char *tries[NEXTSTEP_MAX_TRIES];
    int n = nextstep_tries(lang, sim, tries, NEXTSTEP_MAX_TRIES);
    for (int k = 0; k < n; k++) {
        fprintf(o, "  %d. %s\n", k + 1, tries[k]);
    }
    if (n == 0) {
        fprintf(o, "  %s\n", text_str(lang, T_NEXT_REPEAT_SEED));
    }
    ShippedScenario next;
    if (nextstep_next_scenario(s, sim_passed(sim), &next)) {
        text_fmt(line, sizeof line, lang, T_NEXT_PLAY_CMD, next.title, next.arg);
        fprintf(o, "  %s\n", line);
    } else if (!sim_passed(sim)) {
        const char *arg = s->id;
        ShippedScenario *list = calloc(SHIPPED_MAX, sizeof *list);
        size_t count = list ? shipped_list(list, SHIPPED_MAX) : 0;
        for (size_t k = 0; k < count; k++) {
            if (strcmp(list[k].id, s->id) == 0) {
                arg = list[k].arg;
            }
        }
        text_fmt(line, sizeof line, lang, T_NEXT_AGAIN_CMD, arg);
        fprintf(o, "  %s\n", line);
        free(list);
    } else {
        fprintf(o, "  %s\n", text_str(lang, T_NEXT_HARDEST_SEED));
    }
}
