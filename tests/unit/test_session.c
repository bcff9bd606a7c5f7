/* Session records: save a played session as JSON, load it back, replay it to
 * the identical session; damaged records and foreign scenarios are refused. */
#include <stdlib.h>

#include "../check.h"
#include "keyaccounts/bots.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "../slurp.h"

static Scenario *load(const char *path, uint64_t *hash)
{
    size_t len;
    char *buf = slurp(path, &len);
    CHECK(buf != NULL);
    if (!buf) {
        return NULL;
    }
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(buf, len, path, &d);
    CHECK(s != NULL);
    *hash = scn_hash(buf, len);
    diags_deinit(&d);
    free(buf);
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_session SCENARIO OTHER_SCENARIO\n");
        return 2;
    }
    uint64_t hash, other_hash;
    Scenario *s = load(argv[1], &hash);
    Scenario *other = load(argv[2], &other_hash);
    if (!s || !other) {
        return check_result("test_session");
    }
    CHECK(hash != other_hash);
    Sim *sim = sim_create(s, 1234);
    CHECK_EQ_INT(bot_play(sim, BOT_EXPANDER, 1234), 0);
    size_t len = 0;
    char *json = session_to_json(sim, argv[1], hash, "Ольга Trainee", NULL, &len);
    CHECK(json != NULL && len > 0);

    SessionRecord r;
    Diagnostics d;
    diags_init(&d);
    CHECK_EQ_INT(session_from_json(json, len, "session.json", &r, &d), 0);
    CHECK_EQ_INT(d.errors, 0);
    size_t logn;
    sim_log(sim, &logn);
    CHECK_EQ_INT(r.command_count, logn);
    CHECK(r.seed == 1234);
    CHECK(r.scenario_hash == hash);
    CHECK_EQ_STR(r.trainee, "Ольга Trainee");
    CHECK_EQ_INT(r.score, sim_score(sim).total);

    long failed_at = 0;
    Sim *again = session_replay(s, &r, &failed_at);
    CHECK(again != NULL);
    CHECK_EQ_INT(failed_at, -1);
    if (again) {
        size_t na, nb;
        const JournalEntry *ja = sim_journal(sim, &na);
        const JournalEntry *jb = sim_journal(again, &nb);
        CHECK(na == nb && memcmp(ja, jb, na * sizeof *ja) == 0);
        CHECK_EQ_INT(sim_score(again).total, sim_score(sim).total);
    }
    /* The same record does not fit another scenario. */
    Sim *wrong = session_replay(other, &r, &failed_at);
    CHECK(wrong == NULL);
    CHECK(failed_at >= 0);
    session_record_free(&r);

    /* Damaged records: cut short, wrong kind, bad action. */
    CHECK_EQ_INT(session_from_json(json, len / 2, "cut.json", &r, &d), -1);
    const char *not_session = "{\"format_version\":1,\"kind\":\"something-else\"}";
    CHECK_EQ_INT(session_from_json(not_session, strlen(not_session), "x.json", &r, &d), -1);
    char *bad = malloc(len + 1);
    memcpy(bad, json, len + 1);
    char *p = strstr(bad, "\"meet\"");
    if (p) {
        memcpy(p, "\"mett\"", 6);
        CHECK_EQ_INT(session_from_json(bad, strlen(bad), "bad.json", &r, &d), -1);
    }
    CHECK(d.errors >= 3);
    free(bad);
    free(json);
    diags_deinit(&d);
    sim_destroy(again);
    sim_destroy(sim);
    scenario_destroy(s);
    scenario_destroy(other);
    return check_result("test_session");
}
