/* The command cap: in a scenario whose actions cost no hours, a session stops
 * taking commands other than "end the week" at SIM_MAX_COMMANDS, and the
 * result it makes is read back by the result reader (which refuses longer
 * logs, KA505) and replays. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"

static const char FREE[] =
    "{\"format_version\": 1, \"id\": \"free\", \"title\": \"Free actions\", \"summary\": \"s\","
    " \"briefing\": \"b\", \"objectives\": [\"o\"], \"seller\": \"ChemCo\", \"weeks\": 2,"
    " \"costs\": {\"research\": 0, \"meet\": 0, \"pitch\": 0, \"referral\": 0, \"cold_call\": 0,"
    " \"propose\": 0, \"service\": 0},"
    " \"products\": [{\"id\": \"oil\", \"name\": \"Oil\"}],"
    " \"accounts\": [{\"id\": \"m\", \"name\": \"M\", \"industry\": \"I\", \"employees\": 4,"
    " \"description\": \"d\", \"baseline\": 1000, \"potential\": 9000, \"growth_target\": 2000,"
    " \"departments\": [{\"id\": \"p\", \"name\": \"P\"}], \"needs\": [{\"id\": \"n\", \"text\": \"N\"}],"
    " \"contacts\": [{\"id\": \"anna\", \"name\": \"Anna\", \"title\": \"T\", \"department\": \"p\","
    " \"roles\": [\"economic_buyer\"], \"influence\": 3, \"mode\": \"growth\", \"known\": true, \"main\": true,"
    " \"needs\": [\"n\"]}],"
    " \"ideas\": [{\"id\": \"i\", \"title\": \"I\", \"description\": \"d\", \"product\": \"oil\","
    " \"needs\": [\"n\"], \"value\": 500, \"level\": \"product\", \"approvals\": [\"economic_buyer\"]}]}]}";

int main(void)
{
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(FREE, strlen(FREE), "free.json", &d);
    CHECK(s != NULL);
    diags_deinit(&d);
    if (!s) {
        return check_result("test_command_cap");
    }
    Sim *sim = sim_create(s, 7);
    Command meet = {ACT_MEET, 0, 0, -1}, end = {ACT_END_WEEK, 0, -1, -1};
    Refusal why = REFUSE_NONE;
    size_t applied = 0;
    while (applied < 2 * (size_t)SIM_MAX_COMMANDS && (why = sim_apply(sim, meet)) == REFUSE_NONE) {
        applied++;
    }
    /* room is kept for ending both weeks */
    CHECK_EQ_INT(why, REFUSE_COMMAND_LIMIT);
    CHECK_EQ_INT(applied, SIM_MAX_COMMANDS - 2);
    CHECK_EQ_INT(sim_check(sim, meet), REFUSE_COMMAND_LIMIT);
    CHECK_EQ_INT(sim_apply(sim, end), REFUSE_NONE);
    CHECK_EQ_INT(sim_apply(sim, meet), REFUSE_COMMAND_LIMIT); /* the second week too */
    CHECK_EQ_INT(sim_apply(sim, end), REFUSE_NONE);
    CHECK(sim_over(sim));
    size_t logn;
    sim_log(sim, &logn);
    CHECK_EQ_INT(logn, SIM_MAX_COMMANDS);

    ResultMeta meta = {.trainee = "Cap",
                       .program_version = "0.1.0",
                       .started_at = "2025-03-01T09:00:00Z",
                       .finished_at = "2025-03-01T09:30:00Z",
                       .scenario_path = "free.json",
                       .scenario_hash = scn_hash(FREE, strlen(FREE)),
                       .lang = "en"};
    size_t len = 0;
    char *json = result_to_json(sim, &meta, &len);
    CHECK(json != NULL);
    ResultRecord r;
    memset(&r, 0, sizeof r);
    diags_init(&d);
    CHECK_EQ_INT(result_from_json(json, len, "cap.json", &r, &d), 0);
    CHECK_EQ_INT(d.errors, 0);
    CHECK_EQ_INT(r.session.command_count, SIM_MAX_COMMANDS);
    long failed_at = -1;
    Sim *again = session_replay(s, &r.session, &failed_at);
    CHECK(again != NULL);
    CHECK(again && sim_score(again).total == sim_score(sim).total);
    sim_destroy(again);
    diags_deinit(&d);
    result_record_free(&r);
    free(json);
    sim_destroy(sim);
    scenario_destroy(s);
    return check_result("test_command_cap");
}
