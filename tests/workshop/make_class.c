/* A simulated class for the workshop tests: ten trainees (English and Russian
 * names, one with markup in it) play a scenario through the reference bots
 * with different seeds, and each finished session is written as a result
 * file, as the terminal game would. Every result is read back and compared
 * with what was written. With COUNT, a class of that many (the ten again and
 * again, numbered, each with its own seed), for measuring `report`.
 * usage: make_class SCENARIO.json OUTDIR [COUNT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/bots.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "keyaccounts/text.h"
#include "../slurp.h"

int main(int argc, char **argv)
{
    size_t count = argc == 4 ? (size_t)strtoul(argv[3], NULL, 10) : 10;
    if ((argc != 3 && argc != 4) || count == 0 || count > 100000) {
        fprintf(stderr, "usage: make_class SCENARIO.json OUTDIR [COUNT]\n");
        return 2;
    }
    static const struct { const char *name; BotKind bot; } CLASS[] = {
        {"Anna Schmidt", BOT_EXPANDER},       {"Иван Петров", BOT_SINGLE_THREAD},
        {"Мария Кузнецова", BOT_EXPANDER},    {"Li Wei", BOT_IDEA_FIRST},
        {"Олег \"Алик\" Смирнов", BOT_GREEDY}, {"<b>Bobby</b> & Tables", BOT_RANDOM},
        {"Fatima Nour", BOT_EXPANDER},        {"Екатерина Волкова", BOT_IDEA_FIRST},
        {"=SUM(A1:A9)", BOT_SINGLE_THREAD},   {"José Martínez", BOT_EXPANDER},
    };
    size_t len;
    char *buf = slurp(argv[1], &len);
    if (!buf) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(buf, len, argv[1], &d);
    uint64_t hash = scn_hash(buf, len);
    free(buf);
    diags_deinit(&d);
    if (!s) {
        fprintf(stderr, "invalid scenario %s\n", argv[1]);
        return 1;
    }
    Lang lang = text_lang_from(s->language);
    int status = 0;
    const size_t class_size = sizeof CLASS / sizeof CLASS[0];
    for (size_t k = 0; k < count; k++) {
        uint64_t seed = 100 + k;
        char name[256];
        if (k < class_size) {
            snprintf(name, sizeof name, "%s", CLASS[k % class_size].name);
        } else {
            snprintf(name, sizeof name, "%s %zu", CLASS[k % class_size].name, k / class_size + 1);
        }
        Sim *sim = sim_create(s, seed);
        if (!sim || bot_play(sim, CLASS[k % class_size].bot, seed) != 0 || !sim_over(sim)) {
            fprintf(stderr, "bot game %zu failed\n", k);
            return 1;
        }
        CoachNote notes[RESULT_MAX_COACHING]; /* as many as a result holds, as the game saves */
        size_t n = sim_coach(sim, notes, RESULT_MAX_COACHING);
        static char texts[RESULT_MAX_COACHING][1024];
        const char *ptrs[RESULT_MAX_COACHING];
        for (size_t i = 0; i < n; i++) {
            ptrs[i] = text_coach(lang, sim, &notes[i], texts[i], sizeof texts[i]);
        }
        char started[32], finished[32];
        snprintf(started, sizeof started, "2026-03-05T09:%02zu:00Z", k % 30);
        snprintf(finished, sizeof finished, "2026-03-05T09:%02zu:30Z", 30 + k % 30);
        char id[SESSION_ID_LEN + 1];
        /* a class of its own per scenario: the session ids (and so the xAPI
         * ids) of two classes never meet */
        snprintf(id, sizeof id, "%016llx%016llx", (unsigned long long)hash ^ (0x6b61636c61737300ULL + k),
                 (unsigned long long)seed);
        ResultMeta meta = {name, "0.1.0", started, finished, argv[1], hash,
                           text_lang_key(lang), ptrs, n, id};
        size_t jlen;
        char *json = result_to_json(sim, &meta, &jlen);
        char path[4096];
        snprintf(path, sizeof path, count > 99 ? "%s/result-%04zu.json" : "%s/result-%02zu.json", argv[2], k + 1);
        FILE *f = fopen(path, "wb");
        if (!json || !f || fwrite(json, 1, jlen, f) != jlen) {
            fprintf(stderr, "cannot write %s\n", path);
            return 1;
        }
        fclose(f);
        /* read back: the same facts */
        ResultRecord r;
        diags_init(&d);
        if (result_from_json(json, jlen, path, &r, &d) != 0) {
            diags_print(&d, path, stderr);
            status = 1;
        } else {
            Score sc = sim_score(sim);
            size_t tn;
            const WeekSnapshot *tl = sim_timeline(sim, &tn);
            bool same = strcmp(r.session.trainee, name) == 0 && r.session.seed == seed
                        && r.session.scenario_hash == hash && memcmp(&r.final, &sc, sizeof sc) == 0
                        && r.passed == sim_passed(sim) && r.week_count == tn && r.coaching_count == n
                        && strcmp(r.finished_at, finished) == 0;
            for (size_t w = 0; same && w < tn; w++) {
                same = memcmp(&r.weeks[w], &tl[w], sizeof tl[w]) == 0;
            }
            ResultBehaviour b = result_behaviour(sim);
            same = same && memcmp(&b, &r.behaviour, sizeof b) == 0;
            long failed_at;
            Sim *again = session_replay(s, &r.session, &failed_at);
            same = same && again && sim_score(again).total == sc.total;
            sim_destroy(again);
            if (!same) {
                fprintf(stderr, "%s: read back differs from what was written\n", path);
                status = 1;
            }
            printf("%s\t%d\t%s\n", name, sc.total, sim_passed(sim) ? "yes" : "no");
            result_record_free(&r);
        }
        diags_deinit(&d);
        free(json);
        sim_destroy(sim);
    }
    scenario_destroy(s);
    return status;
}
