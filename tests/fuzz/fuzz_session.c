/* Fuzz target: saved sessions (autosaves) and result files. Any bytes go to
 * session_from_json and to result_from_json; a session that loads is replayed against a shipped
 * scenario (first-steps, read once); a replay that succeeds is saved again and
 * must load back to the same commands. A failure to load must come with an
 * error diagnostic. Built with -fsanitize=fuzzer under KA_FUZZ; otherwise
 * replay_main.c runs it over a corpus as an ordinary test. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_target.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"

#ifndef KA_FUZZ_SCENARIO
#error "KA_FUZZ_SCENARIO must name the scenario that records are replayed against"
#endif

static void fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz_session: invariant broken: %s\n", what);
    abort();
}

/* The scenario records are replayed against: loaded once and kept for the
 * life of the process (test code; the fuzzer calls us millions of times). */
static const Scenario *fuzz_scenario(void)
{
    static Scenario *s;
    if (s) {
        return s;
    }
    FILE *f = fopen(KA_FUZZ_SCENARIO, "rb");
    if (!f) {
        fuzz_fail("cannot open " KA_FUZZ_SCENARIO);
    }
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    Diagnostics d;
    diags_init(&d);
    s = scn_parse(buf, len, KA_FUZZ_SCENARIO, &d);
    diags_deinit(&d);
    if (!s) {
        fuzz_fail("the replay scenario does not load");
    }
    return s;
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Scenario *s = fuzz_scenario();
    SessionRecord r;
    Diagnostics d;
    diags_init(&d);
    int rc = session_from_json((const char *)data, size, "fuzz-session.json", &r, &d);
    if (rc != 0 && d.errors == 0) {
        fuzz_fail("a session refused without an error");
    }
    if (rc == 0 && d.errors != 0) {
        fuzz_fail("a session loaded together with errors");
    }
    if (rc == 0) {
        long failed_at = 0;
        Sim *sim = session_replay(s, &r, &failed_at);
        if (!sim && (failed_at < -1 || failed_at >= (long)r.command_count)) {
            fuzz_fail("replay failed at a command that is not in the record");
        }
        if (sim) {
            size_t len = 0;
            char *again = session_to_json(sim, r.scenario_path, r.scenario_hash, r.trainee, r.session_id, &len);
            if (!again) {
                fuzz_fail("saving a replayed session failed");
            }
            SessionRecord r2;
            if (session_from_json(again, len, "again.json", &r2, &d) != 0) {
                fuzz_fail("a saved session does not load back");
            }
            if (r2.command_count != r.command_count || r2.seed != r.seed
                || r2.scenario_hash != r.scenario_hash || !same_str(r2.trainee, r.trainee)) {
                fuzz_fail("a saved session loads back different");
            }
            for (size_t k = 0; k < r.command_count; k++) {
                if (r2.commands[k].kind != r.commands[k].kind) {
                    fuzz_fail("a saved command loads back different");
                }
            }
            session_record_free(&r2);
            free(again);
            sim_destroy(sim);
        }
        session_record_free(&r);
    }
    /* The same bytes as a result file: strict, located errors or a record. */
    ResultRecord rr;
    memset(&rr, 0, sizeof rr);
    Diagnostics rd;
    diags_init(&rd);
    rc = result_from_json((const char *)data, size, "fuzz-result.json", &rr, &rd);
    if (rc != 0 && rd.errors == 0) {
        fuzz_fail("a result refused without an error");
    }
    if (rc == 0 && rd.errors != 0) {
        fuzz_fail("a result loaded together with errors");
    }
    if (rc == 0 && rr.session.command_count > 0 && !rr.session.commands) {
        fuzz_fail("a result with commands but no command list");
    }
    result_record_free(&rr);
    diags_deinit(&rd);
    diags_deinit(&d);
    return 0;
}
