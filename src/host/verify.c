/* Checking results by replaying them (verify.h). */
#include "verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/session.h"
#include "keyaccounts/text.h"

const char *result_mark_name(ResultMark mark)
{
    switch (mark) {
    case RESULT_VERIFIED: return "verified";
    case RESULT_NOT_REPRODUCIBLE: return "not reproducible";
    case RESULT_SCENARIO_UNKNOWN: return "scenario unknown";
    case RESULT_COPY: return "copy";
    default: return "not checked";
    }
}

/* Replays r's commands on s, saying where and why they stop fitting. NULL
 * with why set (or, out of memory, why empty). */
static Sim *replay(const Scenario *s, const ResultRecord *r, char *why, size_t n)
{
    why[0] = '\0';
    Sim *sim = sim_create(s, r->session.seed);
    for (size_t k = 0; sim && k < r->session.command_count; k++) {
        const SessionCommand *sc = &r->session.commands[k];
        Command c;
        Refusal no = REFUSE_NONE;
        if (session_command_resolve(s, sc, &c) != 0) {
            snprintf(why, n, "command %zu ('%s') names an account, person or idea the scenario does not have", k + 1,
                     action_key(sc->kind));
        } else if ((no = sim_apply(sim, c)) == REFUSE_COUNT) {
            why[0] = '\0';
        } else if (no != REFUSE_NONE) {
            snprintf(why, n, "command %zu ('%s', week %d) is refused by the rules: %s", k + 1, action_key(sc->kind),
                     sim_week(sim), text_refusal(LANG_EN, no));
        } else {
            continue;
        }
        sim_destroy(sim);
        return NULL;
    }
    if (sim && !sim_over(sim)) {
        snprintf(why, n, "the commands stop in week %d, before the session ends", sim_week(sim));
        sim_destroy(sim);
        return NULL;
    }
    return sim;
}

/* The result the replay gives, with r's claims (who, when, which program),
 * read back through the result format. 0, or -1 when out of memory. */
static int derive(const ResultRecord *r, const Sim *sim, const char *scenario_path, ResultRecord *out)
{
    Lang lang = text_lang_from(r->lang);
    CoachNote notes[RESULT_MAX_COACHING];
    size_t count = sim_coach(sim, notes, RESULT_MAX_COACHING);
    char (*texts)[1024] = calloc(RESULT_MAX_COACHING, sizeof *texts);
    const char *ptrs[RESULT_MAX_COACHING];
    if (!texts) {
        return -1;
    }
    for (size_t k = 0; k < count; k++) {
        ptrs[k] = text_coach(lang, sim, &notes[k], texts[k], sizeof texts[k]);
    }
    ResultMeta meta = {r->session.trainee, r->program_version, r->started_at, r->finished_at, scenario_path,
                       r->session.scenario_hash, r->lang, ptrs, count, r->session.session_id};
    size_t len;
    char *json = result_to_json(sim, &meta, &len);
    free(texts);
    if (!json) {
        return -1;
    }
    Diagnostics d;
    diags_init(&d);
    int rc = result_from_json(json, len, scenario_path, out, &d);
    diags_deinit(&d);
    free(json);
    return rc;
}

int result_verify(ResultRecord *r, ScnLibrary *lib, ResultCheck *check)
{
    memset(check, 0, sizeof *check);
    ScnFound f;
    if (!library_find(lib, r->session.scenario_id, r->session.scenario_hash, &f)) {
        check->mark = RESULT_SCENARIO_UNKNOWN;
        library_explain_unknown(lib, r->session.scenario_id, r->session.scenario_hash, check->why,
                                sizeof check->why);
        return 0;
    }
    snprintf(check->scenario, sizeof check->scenario, "%s", f.path);
    char why[512];
    Sim *sim = replay(f.scenario, r, why, sizeof why);
    if (!sim) {
        if (!why[0]) {
            return -1;
        }
        check->mark = RESULT_NOT_REPRODUCIBLE;
        snprintf(check->why, sizeof check->why, "%s", why);
        return 0;
    }
    ResultRecord got;
    int rc = derive(r, sim, f.path, &got);
    sim_destroy(sim);
    if (rc != 0) {
        return -1;
    }
    char now[32];
    results_now(now, sizeof now);
    if (result_stored_differs(r, &got, why, sizeof why)) {
        check->mark = RESULT_NOT_REPRODUCIBLE;
        snprintf(check->why, sizeof check->why, "the file's copy differs from the replay: %s", why);
    } else if (strcmp(r->finished_at, now) > 0) {
        /* the times are the trainee's word; one that has not happened yet is not */
        check->mark = RESULT_NOT_REPRODUCIBLE;
        snprintf(check->why, sizeof check->why, "finished_at %s is later than now (%s)", r->finished_at, now);
    } else {
        check->mark = RESULT_VERIFIED;
    }
    result_record_free(r);
    *r = got; /* only the replay's numbers are shown from here on */
    check->replayed = true;
    return 0;
}

/* ---- copies ---------------------------------------------------------------------- */

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; s && *s; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    }
    return (h ^ 0xff) * 1099511628211ULL; /* a separator, so "ab"+"c" differs from "a"+"bc" */
}

typedef struct Key {
    uint64_t hash; /* of scenario hash, seed and commands */
    size_t index;
} Key;

static uint64_t key_of(const ResultRecord *r)
{
    uint64_t h = 14695981039346656037ULL;
    char num[64];
    snprintf(num, sizeof num, "%llx:%llu:%zu", (unsigned long long)r->session.scenario_hash,
             (unsigned long long)r->session.seed, r->session.command_count);
    h = fnv(h, num);
    for (size_t k = 0; k < r->session.command_count; k++) {
        const SessionCommand *c = &r->session.commands[k];
        h = fnv(fnv(fnv(fnv(h, action_key(c->kind)), c->account), c->contact), c->idea);
    }
    return h;
}

static int by_key(const void *a, const void *b)
{
    const Key *x = a, *y = b;
    if (x->hash != y->hash) {
        return x->hash < y->hash ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

static bool same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_play(const ResultRecord *a, const ResultRecord *b)
{
    if (a->session.scenario_hash != b->session.scenario_hash || a->session.seed != b->session.seed
        || a->session.command_count != b->session.command_count
        || !same_text(a->session.scenario_id, b->session.scenario_id)) {
        return false;
    }
    for (size_t k = 0; k < a->session.command_count; k++) {
        const SessionCommand *x = &a->session.commands[k], *y = &b->session.commands[k];
        if (x->kind != y->kind || !same_text(x->account, y->account) || !same_text(x->contact, y->contact)
            || !same_text(x->idea, y->idea)) {
            return false;
        }
    }
    return true;
}

static const char *base_name(const char *path)
{
    if (!path) {
        return "";
    }
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Marks item k a copy of item other (unless something worse is already said). */
static void mark_copy(ResultSet *set, size_t k, size_t other, size_t more)
{
    ResultCheck *c = &set->checks[k];
    if (c->mark == RESULT_NOT_REPRODUCIBLE || c->mark == RESULT_SCENARIO_UNKNOWN) {
        return;
    }
    const ResultRecord *o = &set->items[other];
    char extra[64] = "";
    if (more > 0) {
        snprintf(extra, sizeof extra, " and %zu more", more);
    }
    c->mark = RESULT_COPY;
    snprintf(c->why, sizeof c->why, "the same scenario, seed and commands as %s (%s)%s",
             o->session.trainee && o->session.trainee[0] ? o->session.trainee : "(no name)",
             base_name(set->paths ? set->paths[other] : NULL), extra);
}

static int find_copies(ResultSet *set)
{
    Key *keys = calloc(set->count ? set->count : 1, sizeof *keys);
    if (!keys) {
        return -1;
    }
    for (size_t k = 0; k < set->count; k++) {
        keys[k] = (Key){key_of(&set->items[k]), k};
    }
    qsort(keys, set->count, sizeof *keys, by_key);
    for (size_t a = 0; a < set->count;) {
        size_t b = a + 1;
        while (b < set->count && keys[b].hash == keys[a].hash) {
            b++;
        }
        /* within a run of equal keys, each result is compared with the others */
        for (size_t i = a; i < b; i++) {
            size_t first = SIZE_MAX, n = 0;
            for (size_t j = a; j < b; j++) {
                if (j != i && same_play(&set->items[keys[i].index], &set->items[keys[j].index])) {
                    first = first == SIZE_MAX ? keys[j].index : first;
                    n++;
                }
            }
            if (n > 0) {
                mark_copy(set, keys[i].index, first, n - 1);
            }
        }
        a = b;
    }
    free(keys);
    return 0;
}

int results_verify(ResultSet *set, ScnLibrary *lib)
{
    free(set->checks);
    set->checks = calloc(set->count ? set->count : 1, sizeof *set->checks);
    if (!set->checks) {
        return -1;
    }
    for (size_t k = 0; k < set->count; k++) {
        if (result_verify(&set->items[k], lib, &set->checks[k]) != 0) {
            return -1;
        }
    }
    return find_copies(set);
}

bool results_counts(const ResultSet *set, size_t k)
{
    return set->checks && set->checks[k].mark == RESULT_VERIFIED;
}
