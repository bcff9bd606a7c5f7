#include "jumpstart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/bots.h"

enum { JS_MAX_ID = 128, JS_BOT_SEED = 1 };

/* Levenshtein distance, capped at 99 (ids are short). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la >= JS_MAX_ID || lb >= JS_MAX_ID) {
        return 99;
    }
    size_t row[JS_MAX_ID + 1];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) {
                best = up + 1;
            }
            if (row[j - 1] + 1 < best) {
                best = row[j - 1] + 1;
            }
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

int jumpstart_known(Scenario *s, const char *list, char *err, size_t errlen)
{
    if (!list || !list[0]) {
        return 0;
    }
    /* first pass: check every id; second: apply, so a failure changes nothing */
    for (int pass = 0; pass < 2; pass++) {
        const char *p = list;
        while (*p) {
            size_t len = strcspn(p, ",");
            char id[JS_MAX_ID];
            if (len == 0 || len >= sizeof id) {
                snprintf(err, errlen, len ? "--known: the id '%.40s...' is too long"
                                          : "--known: an empty id in '%s' (give ids separated by commas)",
                         len ? p : list);
                return -1;
            }
            memcpy(id, p, len);
            id[len] = '\0';
            bool found = false;
            const char *best = NULL;
            size_t best_d = 99;
            for (int a = 0; a < s->account_count; a++) {
                Account *acc = &s->accounts[a];
                for (int c = 0; c < acc->contact_count; c++) {
                    Contact *ct = &acc->contacts[c];
                    if (strcmp(ct->id, id) != 0) {
                        size_t d = distance(ct->id, id);
                        if (d < best_d) {
                            best_d = d;
                            best = ct->id;
                        }
                        continue;
                    }
                    found = true;
                    if (!ct->present) {
                        snprintf(err, errlen, "--known: '%s' does not work at %s at the start (they arrive "
                                              "later), so they cannot be known from the start", id, acc->name);
                        return -1;
                    }
                    if (pass == 1 && !ct->known) {
                        ct->known = true;
                        if (ct->relationship == 0) {
                            ct->relationship = 40; /* the loader's default for a known contact */
                        }
                    }
                }
            }
            if (!found) {
                size_t limit = strlen(id) / 3 + 2;
                if (best && best_d <= limit) {
                    snprintf(err, errlen, "--known: no contact '%s' in this scenario; did you mean '%s'?", id,
                             best);
                } else {
                    snprintf(err, errlen, "--known: no contact '%s' in this scenario "
                                          "(keyaccounts play --text lists the people: type people)", id);
                }
                return -1;
            }
            p += len;
            if (*p == ',') {
                p++;
            }
        }
    }
    return 0;
}

bool jumpstart_week_ok(const Scenario *s, int week, char *err, size_t errlen)
{
    if (week < 1 || week > s->weeks) {
        snprintf(err, errlen, "--week: this scenario has weeks 1 to %d, not %d", s->weeks, week);
        return false;
    }
    return true;
}

int jumpstart_to_week(Sim *sim, int week, char *err, size_t errlen)
{
    Rng rng;
    rng_seed(&rng, JS_BOT_SEED, 1);
    while (!sim_over(sim) && sim_week(sim) < week) {
        Command c = bot_choose(sim, BOT_EXPANDER, &rng);
        Refusal r = sim_apply(sim, c);
        if (r != REFUSE_NONE) {
            snprintf(err, errlen, r == REFUSE_COUNT ? "out of memory" : "the expander's move was refused (%s)",
                     refusal_key(r));
            return -1;
        }
    }
    return 0;
}
