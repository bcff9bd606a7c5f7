/* Authoring in the window: hot reload (F5 and the file watch) with the error
 * path (the last good version keeps running, the diagnostics show) and the
 * success path (the session replayed to the same week); a jump-started game
 * (--week, --known) that saves no result; the History screen; the replay of
 * a result step by step. usage: test_ui_authoring TMPDIR */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drive.h"
#include "platform.h"
#include "keyaccounts/bots.h"
#include "results.h"
#include "../slurp.h"

static int failures;

static void put(const char *path, const char *data, size_t len)
{
    char why[256];
    if (plat_write_atomic(path, data, len, why, sizeof why) != 0) {
        fprintf(stderr, "cannot write %s: %s\n", path, why);
        failures++;
    }
}

/* Replaces the first `from` with `to` in the file. */
static bool edit(const char *path, const char *from, const char *to)
{
    size_t len;
    char *s = slurp(path, &len);
    char *at = s ? strstr(s, from) : NULL;
    if (!at) {
        free(s);
        return false;
    }
    size_t fl = strlen(from), tl = strlen(to);
    char *out = malloc(len - fl + tl + 1);
    memcpy(out, s, (size_t)(at - s));
    memcpy(out + (at - s), to, tl);
    memcpy(out + (at - s) + tl, at + fl, len - (size_t)(at - s) - fl);
    put(path, out, len - fl + tl);
    free(out);
    free(s);
    return true;
}

static void hot_reload(const char *dir)
{
    App *app = NULL;
    char file[1024], cmd[2400];
    snprintf(file, sizeof file, "%s/scn.json", dir);
    snprintf(cmd, sizeof cmd, "cp '%s/first-steps.json' '%s'", getenv("KEYACCOUNTS_SCENARIOS"), file);
    CHECK(system(cmd) == 0);
    app = drive_open(file, "en", dir, 1280, 720);
    CHECK(app != NULL);
    if (!app) {
        return;
    }
    drive_key(app, SDL_SCANCODE_RETURN); /* briefing -> board */
    drive_key(app, SDL_SCANCODE_1);      /* research */
    drive_key(app, SDL_SCANCODE_2);      /* meet Paul */
    drive_key(app, SDL_SCANCODE_E);
    drive_key(app, SDL_SCANCODE_RETURN); /* end week 1 (confirm) */
    drive_key(app, SDL_SCANCODE_RETURN); /* the week's summary */
    drive_key(app, SDL_SCANCODE_2);      /* meet Paul again in week 2 */
    CHECK(strcmp(drive_screen(app), "board") == 0);
    CHECK(sim_week(app->sim) == 2);
    size_t n0;
    sim_log(app->sim, &n0);
    int score0 = sim_score(app->sim).total;
    const Scenario *before = app->scn;

    /* the error path, by F5: the old version keeps running, the diagnostics show */
    CHECK(edit(file, "\"influence\"", "\"influense\""));
    drive_key(app, SDL_SCANCODE_F5);
    CHECK(strcmp(drive_screen(app), "diags") == 0);
    CHECK(app->scn == before && sim_week(app->sim) == 2);
    CHECK(ui_find_label(app, "Dismiss") != NULL);
    drive_key(app, SDL_SCANCODE_ESCAPE);
    CHECK(strcmp(drive_screen(app), "board") == 0);
    /* F6 on a file with errors: the same panel, and no map */
    char map[1200];
    snprintf(map, sizeof map, "%s/maps/first-steps.html", dir);
    drive_key(app, SDL_SCANCODE_F6);
    CHECK(strcmp(drive_screen(app), "diags") == 0);
    CHECK(plat_kind(map) == PLAT_MISSING);
    drive_key(app, SDL_SCANCODE_ESCAPE);

    /* the success path, by the file watch alone: a new value for the main contact */
    CHECK(edit(file, "\"influense\"", "\"influence\""));
    CHECK(edit(file, "\"name\": \"Paul Meier\"", "\"name\": \"Paul Meyer\""));
    int reloads = host_reloads(app->session);
    for (int k = 0; k < 60 && host_reloads(app->session) == reloads; k++) {
        SDL_Delay(50);
        app_pump(app, false);
    }
    CHECK(host_reloads(app->session) == reloads + 1);
    CHECK(strcmp(drive_screen(app), "board") == 0);
    CHECK(app->scn != before);
    CHECK(app->scn && strcmp(app->scn->accounts[0].contacts[0].name, "Paul Meyer") == 0);
    size_t n1;
    sim_log(app->sim, &n1);
    CHECK(n1 == n0 && sim_week(app->sim) == 2 && sim_score(app->sim).total == score0);
    CHECK(strstr(app->status, "replayed to week 2") != NULL);
    CHECK(app_author_session(app));
    /* F6: the map of the file as it is now, in DATA/maps/, said in the status line */
    drive_key(app, SDL_SCANCODE_F6);
    CHECK(strcmp(drive_screen(app), "board") == 0);
    CHECK(strstr(app->status, "Map of the scenario written") != NULL && strstr(app->status, map) != NULL);
    size_t map_len = 0;
    char *page = slurp(map, &map_len);
    CHECK(page && strstr(page, "Paul Meyer") != NULL && strstr(page, "<svg") != NULL);
    free(page);

    /* a command that no longer applies: the idea Paul was never... research can find nothing */
    CHECK(edit(file, "\"hours_per_week\": 16", "\"hours_per_week\": 4"));
    drive_key(app, SDL_SCANCODE_F5);
    CHECK(strstr(app->status, "no longer applies") != NULL);
    CHECK(strstr(app->status, "command") != NULL);
    fprintf(stderr, "reload stop: %s\n", app->status);
    app_destroy(app);
}

static void jump_start(const char *dir)
{
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.scenario = "first-steps";
    o.lang = "en";
    o.pref_dir = dir;
    o.hidden = true;
    o.no_resume = true;
    o.width = 1280;
    o.height = 720;
    o.jump_week = 3;
    o.known = "maria";
    App *app = app_create(&o, stderr);
    CHECK(app != NULL);
    if (!app) {
        return;
    }
    app_pump(app, false);
    CHECK(strcmp(drive_screen(app), "board") == 0);
    CHECK(sim_week(app->sim) == 3);
    CHECK(app_author_session(app));
    bot_play(app->sim, BOT_EXPANDER, 1);
    app->dirty = true;
    screen_debrief_push(app);
    app_pump(app, false);
    CHECK(strcmp(drive_screen(app), "debrief") == 0); /* no name asked, nothing saved */
    CHECK(app->result_done && !app->result_path[0]);
    app_destroy(app);
    /* an unknown id is a clear error with a suggestion */
    o.known = "mari";
    o.jump_week = 0;
    char *msg = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&msg, &len);
    app = app_create(&o, err);
    fclose(err);
    CHECK(app == NULL);
    CHECK(msg && strstr(msg, "did you mean 'maria'") != NULL);
    free(msg);
    if (app) {
        app_destroy(app);
    }
}

static void history_and_replay(const char *dir)
{
    /* two finished attempts, saved as the window saves them */
    App *app = NULL;
    char first[UI_PATH_BYTES] = "";
    for (int k = 0; k < 2; k++) {
        app = drive_open("first-steps", "en", dir, 1280, 720);
        CHECK(app != NULL);
        if (!app) {
            return;
        }
        bot_play(app->sim, k ? BOT_EXPANDER : BOT_SINGLE_THREAD, 2);
        app_save_result(app, "Tester");
        CHECK(app->result_path[0] != '\0');
        if (k == 0) {
            snprintf(first, sizeof first, "%s", app->result_path);
        }
        app_destroy(app);
    }
    app = drive_open(NULL, "en", dir, 1280, 720);
    CHECK(app != NULL);
    if (!app) {
        return;
    }
    drive_key(app, SDL_SCANCODE_H);
    CHECK(strcmp(drive_screen(app), "history") == 0);
    CHECK(ui_find_label(app, "First steps") != NULL);
    drive_key(app, SDL_SCANCODE_ESCAPE);
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    CHECK(drive_click(app, "History")); /* the History button by mouse */
    CHECK(strcmp(drive_screen(app), "history") == 0);
    CHECK(drive_click(app, "Back"));
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    app_destroy(app);

    /* the replay: steps forward and back rebuild the same states */
    app = drive_open(NULL, "en", dir, 1280, 720);
    CHECK(app && screen_replay_start(app, first, NULL, stderr) == 0);
    if (!app) {
        return;
    }
    app_pump(app, false);
    CHECK(strcmp(drive_screen(app), "replay") == 0);
    CHECK(sim_week(app->sim) == 1);
    size_t n;
    for (int k = 0; k < 5; k++) {
        drive_key(app, SDL_SCANCODE_RIGHT);
    }
    sim_log(app->sim, &n);
    CHECK(n == 5);
    int s5 = sim_score(app->sim).total;
    drive_key(app, SDL_SCANCODE_SPACE);
    drive_key(app, SDL_SCANCODE_LEFT);
    sim_log(app->sim, &n);
    CHECK(n == 5 && sim_score(app->sim).total == s5);
    drive_key(app, SDL_SCANCODE_END);
    CHECK(sim_over(app->sim));
    CHECK(drive_click(app, "Step back"));
    CHECK(!sim_over(app->sim));
    drive_key(app, SDL_SCANCODE_ESCAPE);
    CHECK(!app->running);
    app_destroy(app);
}

/* A result that cannot be saved says why on the debrief; the game goes on. */
static void save_fails(const char *dir)
{
    char bad[1200];
    snprintf(bad, sizeof bad, "%s/scn.json/not-a-folder", dir); /* under a file */
    setenv("KEYACCOUNTS_DATA_DIR", bad, 1);
    App *app = drive_open("first-steps", "en", dir, 1280, 720);
    CHECK(app != NULL);
    if (app) {
        bot_play(app->sim, BOT_EXPANDER, 1);
        app_save_result(app, "Tester");
        CHECK(app->result_done && !app->result_path[0] && app->result_err[0]);
        fprintf(stderr, "save failure shown as: %s\n", app->result_err);
        screen_debrief_push(app);
        app_pump(app, false);
        CHECK(strcmp(drive_screen(app), "debrief") == 0);
        drive_key(app, SDL_SCANCODE_R); /* still playable */
        CHECK(strcmp(drive_screen(app), "board") == 0 && sim_week(app->sim) == 1);
        app_destroy(app);
    }
    setenv("KEYACCOUNTS_DATA_DIR", dir, 1);
}

int main(int argc, char **argv)
{
    const char *base = argc > 1 ? argv[1] : "ui-authoring";
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", base, base);
    if (system(cmd) != 0) {
        return 2;
    }
    setenv("KEYACCOUNTS_DATA_DIR", base, 1);
    hot_reload(base);
    jump_start(base);
    save_fails(base);
    history_and_replay(base);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    fprintf(stderr, "ui authoring tests passed\n");
    return 0;
}
