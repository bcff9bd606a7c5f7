/* The host's session lifecycle (src/host/host.h): the bytes played are what a
 * result records, whatever happens to the file meanwhile; a reload rebases the
 * session onto the edited file or leaves it exactly as it was; bad starts and
 * broken files come back as values; each session has its own random id.
 * usage: test_host SCENARIO.json SCRATCH_DIR */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../slurp.h"
#include "host.h"
#include "keyaccounts/bots.h"
#include "keyaccounts/scenario.h"
#include "results.h"

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return -1;
    }
    size_t n = fwrite(data, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

/* The expander's moves until the session ends (or max commands). */
static void play(HostSession *h, int max)
{
    Rng rng;
    rng_seed(&rng, 7, 1);
    for (int k = 0; k < max && !sim_over(host_sim(h)); k++) {
        Command c = bot_choose(host_sim(h), BOT_EXPANDER, &rng);
        CHECK(host_apply(h, c) == REFUSE_NONE);
    }
}

static HostSession *start(const char *path, uint64_t seed, const char *known)
{
    Msgs m;
    msgs_init(&m);
    HostScenario *hs = host_open(path, &m);
    CHECK(hs != NULL);
    CHECK_EQ_STR(msgs_text(&m), "");
    msgs_deinit(&m);
    if (!hs) {
        return NULL;
    }
    HostStart opt = {seed, 0, known};
    HostSession *h = NULL;
    char why[512];
    CHECK(host_begin(hs, &opt, &h, why, sizeof why) == HOST_OK);
    return h;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_host SCENARIO.json SCRATCH_DIR\n");
        return 2;
    }
    size_t len;
    char *orig = slurp(argv[1], &len);
    CHECK(orig != NULL);
    if (!orig) {
        return check_result("host");
    }
    char path[4096], data[4096];
    snprintf(path, sizeof path, "%s/played.json", argv[2]);
    snprintf(data, sizeof data, "%s/data", argv[2]);
    setenv("KEYACCOUNTS_DATA_DIR", data, 1);
    CHECK(write_file(path, orig, len) == 0);
    uint64_t played = scn_hash(orig, len);

    /* the result records the bytes played, not the file as it is at the end */
    HostSession *h = start(path, 3, NULL);
    if (h) {
        CHECK(host_hash(h) == played);
        CHECK(host_is_attempt(h));
        play(h, 10);
        char *edited = malloc(len + 2);
        memcpy(edited, orig, len);
        edited[len] = ' ';
        CHECK(write_file(path, edited, len + 1) == 0);
        free(edited);
        play(h, 100000);
        CHECK(sim_over(host_sim(h)));
        char saved[4096], why[512];
        Msgs m;
        msgs_init(&m);
        CHECK(host_save_result(h, LANG_EN, "Tester", NULL, saved, sizeof saved, why, sizeof why, &m) == 0);
        ResultRecord r;
        CHECK(results_load(saved, &r, &m) == 0);
        CHECK(r.session.scenario_hash == played);
        CHECK(r.final.total == sim_score(host_sim(h)).total);
        result_record_free(&r);
        msgs_deinit(&m);
        host_destroy(h);
    }
    CHECK(write_file(path, orig, len) == 0);

    /* a reload onto an edited file replays the session on it and makes it a test */
    h = start(path, 5, NULL);
    if (h) {
        play(h, 12);
        size_t before;
        (void)sim_log(host_sim(h), &before);
        int week = sim_week(host_sim(h));
        char *edited = malloc(len + 2);
        memcpy(edited, orig, len);
        memcpy(edited + len, "\n", 1);
        CHECK(write_file(path, edited, len + 1) == 0);
        Diagnostics d;
        diags_init(&d);
        Msgs m;
        msgs_init(&m);
        HostReload rep;
        CHECK(host_reload(h, &rep, &d, &m) == 0);
        CHECK_EQ_INT(rep.stopped, -1);
        CHECK_EQ_INT(rep.commands, before);
        size_t after;
        (void)sim_log(host_sim(h), &after);
        CHECK_EQ_INT(after, before);
        CHECK_EQ_INT(sim_week(host_sim(h)), week);
        CHECK(host_hash(h) == scn_hash(edited, len + 1));
        CHECK(!host_is_attempt(h));
        CHECK_EQ_INT(host_reloads(h), 1);

        /* a broken file: diagnostics, and the session stays exactly as it was */
        const Sim *kept = host_sim(h);
        uint64_t kept_hash = host_hash(h);
        CHECK(write_file(path, "{ \"format\": ", 12) == 0);
        CHECK(host_reload(h, &rep, &d, &m) == -1);
        CHECK(d.count > 0);
        CHECK(host_sim(h) == kept && host_hash(h) == kept_hash);
        CHECK_EQ_INT(sim_week(host_sim(h)), week);
        diags_deinit(&d);
        msgs_deinit(&m);
        free(edited);
        host_destroy(h);
    }
    CHECK(write_file(path, orig, len) == 0);

    /* bytes in memory open like a file; --known that names nobody is a bad start */
    {
        Msgs m;
        msgs_init(&m);
        HostScenario *hs = host_open_bytes(orig, len, "memory.json", &m);
        CHECK(hs != NULL);
        HostStart opt = {1, 0, "nobody_here"};
        HostSession *bad = NULL;
        char why[512] = "";
        CHECK(hs && host_begin(hs, &opt, &bad, why, sizeof why) == HOST_BAD_START);
        CHECK(bad == NULL && why[0] != '\0');
        HostScenario *broken = host_open_bytes("{\"format\": 1,}", 14, "broken.json", &m);
        CHECK(broken == NULL);
        CHECK(strstr(msgs_text(&m), "broken.json:1:") != NULL);
        HostScenario *missing = host_open("/nonexistent/x.json", &m);
        CHECK(missing == NULL);
        CHECK(strstr(msgs_text(&m), "[KA100]") != NULL);
        msgs_deinit(&m);
    }
    /* every session gets its own random id, kept by the autosave and a resume */
    {
        HostSession *a = start(path, 3, NULL), *b = start(path, 3, NULL);
        CHECK(a && b && session_id_valid(host_session_id(a)) && session_id_valid(host_session_id(b)));
        CHECK(a && b && strcmp(host_session_id(a), host_session_id(b)) != 0);
        size_t jlen = 0;
        char *json = a ? host_session_json(a, &jlen) : NULL;
        SessionRecord rec;
        Diagnostics d;
        diags_init(&d);
        CHECK(json && session_from_json(json, jlen, "autosave", &rec, &d) == 0);
        if (json && d.errors == 0) {
            CHECK_EQ_STR(rec.session_id, host_session_id(a));
            Msgs m;
            msgs_init(&m);
            bool mismatch;
            HostSession *again = host_resume(&rec, &mismatch, &m);
            CHECK(again != NULL);
            if (again) {
                CHECK_EQ_STR(host_session_id(again), host_session_id(a));
            }
            host_destroy(again);
            msgs_deinit(&m);
            session_record_free(&rec);
        }
        diags_deinit(&d);
        free(json);
        host_destroy(a);
        host_destroy(b);
    }
    free(orig);
    return check_result("host");
}
