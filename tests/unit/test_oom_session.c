/* Out of memory along a whole session: load a shipped scenario, let the
 * expander bot play it to the end, save the session and its result as JSON,
 * load both back, replay the session. For every N from 1 until the whole path
 * succeeds, the N-th allocation (and every later one) fails; each step must
 * fail cleanly (NULL or -1 with the out-of-memory code, never a wrong error),
 * leak nothing (AddressSanitizer), and once memory is back the session must
 * go on to exactly the result it would have had: a failed command changes
 * nothing, a failed save loses nothing.
 * Usage: test_oom_session SCENARIO.json */
#include <stdlib.h>

#include "../check.h"
#include "keyaccounts/alloc.h"
#include "keyaccounts/bots.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "../slurp.h"

enum { SEED = 2024, BOT_SEED = 99 };

typedef enum Stage {
    ST_PARSE,
    ST_SIM,
    ST_PLAY,
    ST_SAVE,
    ST_RESULT_SAVE,
    ST_LOAD,
    ST_RESULT_LOAD,
    ST_REPLAY,
    ST_DONE,
    ST_COUNT
} Stage;

static const char *const stage_names[ST_COUNT] = {
    "scn_parse", "sim_create", "bot_play", "session_to_json", "result_to_json",
    "session_from_json", "result_from_json", "session_replay", "whole path",
};

typedef struct Reference {
    int score;
    size_t log_count;
    size_t journal_count;
    char *session_json;
    char *result_json;
} Reference;

static ResultMeta meta_for(const char *path, uint64_t hash)
{
    ResultMeta m = {0};
    m.trainee = "Ольга";
    m.program_version = "0.1.0";
    m.started_at = "2025-03-01T09:30:00Z";
    m.finished_at = "2025-03-01T10:15:00Z";
    m.scenario_path = path;
    m.scenario_hash = hash;
    m.lang = "en";
    return m;
}

static int has_code(const Diagnostics *d, const char *code)
{
    for (size_t i = 0; i < d->count; i++) {
        if (strcmp(d->items[i].code, code) == 0) {
            return 1;
        }
    }
    return 0;
}

static void print_codes(const Diagnostics *d)
{
    for (size_t i = 0; i < d->count; i++) {
        fprintf(stderr, " %s (%s)", d->items[i].code, d->items[i].message);
    }
}

/* The journal and log of b equal those of the reference run a. */
static int same_session(const Sim *a, const Sim *b)
{
    size_t na, nb, la, lb;
    const JournalEntry *ja = sim_journal(a, &na);
    const JournalEntry *jb = sim_journal(b, &nb);
    const Command *ca = sim_log(a, &la);
    const Command *cb = sim_log(b, &lb);
    return na == nb && la == lb && memcmp(ja, jb, na * sizeof *ja) == 0
           && memcmp(ca, cb, la * sizeof *ca) == 0 && sim_score(a).total == sim_score(b).total;
}

/* One run with the n-th allocation failing (n = 0: none). Returns the stage
 * at which the first failure happened (ST_DONE when none). With ref NULL it
 * fills *out_ref instead of comparing. */
static Stage run_once(unsigned long n, const char *path, const char *buf, size_t len,
                      const Reference *ref, Reference *out_ref, const Sim **ref_sim_out,
                      Sim **keep_sim)
{
    Stage failed = ST_DONE;
    uint64_t hash = scn_hash(buf, len);
    Diagnostics d;
    diags_init(&d);
    alloc_fail_after(n);
    Scenario *s = scn_parse(buf, len, path, &d);
    if (!s) {
        alloc_fail_after(0);
        CHECK(d.oom || has_code(&d, "KA108"));
        CHECK(d.errors > 0);
        if (!(d.oom || has_code(&d, "KA108"))) {
            fprintf(stderr, "  allocation %lu: scn_parse failed without out-of-memory:", n);
            print_codes(&d);
            fputc('\n', stderr);
        }
        diags_deinit(&d);
        return ST_PARSE;
    }
    Sim *sim = sim_create(s, SEED);
    if (!sim) {
        alloc_fail_after(0);
        scenario_destroy(s);
        diags_deinit(&d);
        return ST_SIM;
    }
    if (bot_play(sim, BOT_EXPANDER, BOT_SEED) != 0) {
        failed = ST_PLAY;
        /* The refused command changed nothing: with memory back, the same
         * bot goes on to exactly the reference session. */
        alloc_fail_after(0);
        CHECK(!sim_over(sim));
        CHECK_EQ_INT(bot_play(sim, BOT_EXPANDER, BOT_SEED), 0);
    }
    CHECK(sim_over(sim));
    if (ref) {
        CHECK(same_session(*ref_sim_out, sim));
    }
    size_t jlen = 0;
    char *json = session_to_json(sim, path, hash, "Ольга", NULL, &jlen);
    if (!json) {
        if (failed == ST_DONE) {
            failed = ST_SAVE;
        }
        alloc_fail_after(0); /* the save is retried once memory is back: nothing lost */
        json = session_to_json(sim, path, hash, "Ольга", NULL, &jlen);
    }
    CHECK(json != NULL);
    ResultMeta meta = meta_for(path, hash);
    size_t rlen = 0;
    char *result = result_to_json(sim, &meta, &rlen);
    if (!result) {
        if (failed == ST_DONE) {
            failed = ST_RESULT_SAVE;
        }
        alloc_fail_after(0);
        result = result_to_json(sim, &meta, &rlen);
    }
    CHECK(result != NULL);
    if (ref) {
        CHECK(json && strcmp(json, ref->session_json) == 0);
        CHECK(result && strcmp(result, ref->result_json) == 0);
    }
    SessionRecord r;
    Diagnostics ld;
    diags_init(&ld);
    int rc = json ? session_from_json(json, jlen, "session.json", &r, &ld) : -1;
    if (rc != 0) {
        if (failed == ST_DONE) {
            failed = ST_LOAD;
        }
        /* Out of memory must not be mistaken for a damaged file: a game
         * that believed it would set a good autosave aside. */
        /* Every later allocation fails too, so the diagnostic itself may
         * not fit: then it is counted and flagged as lost for lack of memory. */
        int reported = has_code(&ld, "KA500") || (ld.oom && ld.errors > 0 && ld.count == 0);
        if (!reported) {
            CHECK(reported);
            fprintf(stderr, "  allocation %lu: session_from_json out of memory reported as:", n);
            print_codes(&ld);
            fputc('\n', stderr);
        }
        alloc_fail_after(0);
        diags_deinit(&ld);
        diags_init(&ld);
        rc = session_from_json(json, jlen, "session.json", &r, &ld);
    }
    CHECK_EQ_INT(rc, 0);
    ResultRecord rr;
    memset(&rr, 0, sizeof rr);
    Diagnostics rd;
    diags_init(&rd);
    int rrc = result ? result_from_json(result, rlen, "result.json", &rr, &rd) : -1;
    if (rrc != 0) {
        if (failed == ST_DONE) {
            failed = ST_RESULT_LOAD;
        }
        /* Every later allocation fails too, so the diagnostic itself may
         * not fit: then it is counted and flagged as lost for lack of memory. */
        int reported = has_code(&rd, "KA500") || (rd.oom && rd.errors > 0 && rd.count == 0);
        if (!reported) {
            CHECK(reported);
            fprintf(stderr, "  allocation %lu: result_from_json out of memory reported as:", n);
            print_codes(&rd);
            fputc('\n', stderr);
        }
        alloc_fail_after(0);
        result_record_free(&rr);
        memset(&rr, 0, sizeof rr);
        diags_deinit(&rd);
        diags_init(&rd);
        rrc = result_from_json(result, rlen, "result.json", &rr, &rd);
    }
    CHECK_EQ_INT(rrc, 0);
    if (rrc == 0) {
        CHECK_EQ_INT(rr.final.total, sim_score(sim).total);
    }
    Sim *again = NULL;
    if (rc == 0) {
        long failed_at = 0;
        again = session_replay(s, &r, &failed_at);
        if (!again) {
            if (failed == ST_DONE) {
                failed = ST_REPLAY;
            }
            /* Out of memory, not "the record does not fit the scenario". */
            CHECK_EQ_INT(failed_at, -1);
            alloc_fail_after(0);
            again = session_replay(s, &r, &failed_at);
        }
        CHECK(again != NULL);
        if (again) {
            CHECK(same_session(sim, again));
        }
        session_record_free(&r);
    }
    if (n != 0) {
        alloc_fail_after(0); /* with n = 0 the caller reads the allocation count */
    }
    if (!ref) {
        out_ref->score = sim_score(sim).total;
        sim_log(sim, &out_ref->log_count);
        sim_journal(sim, &out_ref->journal_count);
        out_ref->session_json = json;
        out_ref->result_json = result;
        json = NULL;
        result = NULL;
    }
    free(json);
    free(result);
    result_record_free(&rr);
    diags_deinit(&rd);
    diags_deinit(&ld);
    sim_destroy(again);
    diags_deinit(&d);
    if (keep_sim) {
        *keep_sim = sim; /* the reference keeps its scenario alive: see main */
        (void)s;
    } else {
        sim_destroy(sim);
        scenario_destroy(s);
    }
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_oom_session SCENARIO.json\n");
        return 2;
    }
    size_t len = 0;
    char *buf = slurp(argv[1], &len);
    CHECK(buf != NULL);
    if (!buf) {
        return check_result("test_oom_session");
    }
    /* The reference: no failure. Count the allocations on the path. */
    Reference ref;
    memset(&ref, 0, sizeof ref);
    Sim *ref_sim = NULL;
    alloc_fail_after(0);
    Stage st = run_once(0, argv[1], buf, len, NULL, &ref, NULL, &ref_sim);
    unsigned long total = alloc_fail_after(0);
    CHECK_EQ_INT(st, ST_DONE);
    CHECK(ref_sim != NULL && ref.session_json != NULL);
    if (!ref_sim || !ref.session_json) {
        return check_result("test_oom_session");
    }
    fprintf(stderr, "test_oom_session: %s: %lu allocations on the whole path, %zu commands, score %d\n",
            argv[1], total, ref.log_count, ref.score);

    int per_stage[ST_COUNT] = {0};
    unsigned long n = 1;
    const Sim *ref_view = ref_sim;
    for (; n <= total + 1; n++) {
        st = run_once(n, argv[1], buf, len, &ref, NULL, &ref_view, NULL);
        per_stage[st]++;
        if (st == ST_DONE) {
            break;
        }
    }
    CHECK(st == ST_DONE);
    for (int k = 0; k < ST_COUNT; k++) {
        fprintf(stderr, "  %-18s %s %d\n", stage_names[k], k == ST_DONE ? "succeeded at N =" : "failed first:",
                k == ST_DONE ? (int)n : per_stage[k]);
    }
    /* Every step was reached by a failure at least once (the path is covered). */
    for (int k = 0; k < ST_DONE; k++) {
        CHECK(per_stage[k] > 0);
    }
    const Scenario *s = sim_scenario(ref_sim);
    sim_destroy(ref_sim);
    scenario_destroy((Scenario *)s);
    free(ref.session_json);
    free(ref.result_json);
    free(buf);
    return check_result("test_oom_session");
}
