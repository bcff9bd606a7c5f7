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
