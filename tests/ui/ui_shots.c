/* Screenshots of every screen, in English and Russian, for the golden
 * comparison (compare_goldens.sh) and the docs. usage: ui_shots OUTDIR */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>


#include "drive.h"
#include "keyaccounts/bots.h"

static int failures;

static void shot(App *app, const char *dir, const char *lang, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s-%s.bmp", dir, lang, name);
    if (app_screenshot(app, path) != 0) {
        fprintf(stderr, "cannot write %s: %s\n", path, SDL_GetError());
        failures++;
    }
}

static void end_week(App *app)
{
    drive_key(app, SDL_SCANCODE_E);
    if (strcmp(drive_screen(app), "confirm") == 0) {
        drive_key(app, SDL_SCANCODE_RETURN);
    }
    drive_key(app, SDL_SCANCODE_RETURN);
}

/* The tutorial, every screen on the way. */
static void tour(const char *dir, const char *lang, const char *pref)
{
    App *app = drive_open(NULL, lang, pref, 1280, 720);
    if (!app) {
        failures++;
        return;
    }
    shot(app, dir, lang, "picker");
    drive_key(app, SDL_SCANCODE_UP);
    drive_key(app, SDL_SCANCODE_RETURN);
    shot(app, dir, lang, "briefing");
    drive_key(app, SDL_SCANCODE_RETURN);
    drive_key(app, SDL_SCANCODE_1);
    drive_key(app, SDL_SCANCODE_2);
    shot(app, dir, lang, "board");
    drive_key(app, SDL_SCANCODE_3);
    shot(app, dir, lang, "pitch");
    drive_key(app, SDL_SCANCODE_3);
    shot(app, dir, lang, "pitch-result");
    drive_key(app, SDL_SCANCODE_RETURN);
    drive_key(app, SDL_SCANCODE_I);
    shot(app, dir, lang, "ideas");
    drive_key(app, SDL_SCANCODE_ESCAPE);
    drive_key(app, SDL_SCANCODE_4);
    drive_key(app, SDL_SCANCODE_TAB); /* show the focus ring */
    shot(app, dir, lang, "board-referral");
    drive_key(app, SDL_SCANCODE_E);
    shot(app, dir, lang, "confirm");
    drive_key(app, SDL_SCANCODE_RETURN);
    shot(app, dir, lang, "week");
    drive_key(app, SDL_SCANCODE_RETURN);
    for (int w = 2; w <= 5; w++) {
        drive_key(app, SDL_SCANCODE_2);
        end_week(app);
    }
    /* the first finished session asks the trainee's name once */
    drive_text(app, strcmp(lang, "ru") == 0 ? "Анна Петрова" : "Anna Schmidt");
    shot(app, dir, lang, "name");
    drive_key(app, SDL_SCANCODE_RETURN);
    shot(app, dir, lang, "debrief");
    drive_key(app, SDL_SCANCODE_4);
    shot(app, dir, lang, "debrief-next");
    drive_key(app, SDL_SCANCODE_2);
    shot(app, dir, lang, "debrief-timeline");
    drive_key(app, SDL_SCANCODE_3);
    shot(app, dir, lang, "debrief-strategies");
    drive_key(app, SDL_SCANCODE_ESCAPE);
    drive_key(app, SDL_SCANCODE_H);
    shot(app, dir, lang, "history");
    drive_key(app, SDL_SCANCODE_ESCAPE);
    drive_key(app, SDL_SCANCODE_S);
    shot(app, dir, lang, "settings");
    app_destroy(app);
}

/* Earlier attempts for the history: bot games of the tutorial saved as results. */
static void attempts(const char *pref)
{
    static const BotKind BOTS[] = {BOT_SINGLE_THREAD, BOT_IDEA_FIRST, BOT_EXPANDER};
    for (int k = 0; k < 3; k++) {
        char epoch[32];
        snprintf(epoch, sizeof epoch, "%d", 1772700000 + k * 86400);
        setenv("SOURCE_DATE_EPOCH", epoch, 1);
        App *app = drive_open("first-steps", "en", pref, 1280, 720);
        if (!app) {
            failures++;
            return;
        }
        bot_play(app->sim, BOTS[k], 3);
        app_save_result(app, "Anna Schmidt");
        if (!app->result_path[0]) {
            fprintf(stderr, "attempt not saved: %s\n", app->result_err);
            failures++;
        }
        app_destroy(app);
    }
    setenv("SOURCE_DATE_EPOCH", "1772900000", 1);
}

/* The diagnostics panel of a reload that failed, and the replay of a result. */
static void author_screens(const char *dir, const char *lang, const char *pref)
{
    char copy[1200], cmd[2600];
    snprintf(copy, sizeof copy, "%s/edited-first-steps.json", dir);
    snprintf(cmd, sizeof cmd, "cp '%s/first-steps.json' '%s'", getenv("KEYACCOUNTS_SCENARIOS"), copy);
    if (system(cmd) != 0) {
        failures++;
        return;
    }
    App *app = drive_open(copy, lang, pref, 1280, 720);
    if (!app) {
        failures++;
        return;
    }
    drive_key(app, SDL_SCANCODE_RETURN);
    drive_key(app, SDL_SCANCODE_1);
    /* an author's typos: a misspelt key and a reference to nobody */
    snprintf(cmd, sizeof cmd, "sed -i -e '0,/\"influence\"/s//\"influense\"/' -e '0,/\"refers\": \\[\"/s//\"refers\": [\"nobody\", \"/' '%s'",
             copy);
    if (system(cmd) != 0) {
        failures++;
    }
    drive_key(app, SDL_SCANCODE_F5);
    shot(app, dir, lang, "reload-errors");
    app_destroy(app);
    /* the replay of the last attempt, a few steps in */
    app = drive_open(NULL, lang, pref, 1280, 720);
    char results[1200];
    snprintf(results, sizeof results, "%s/results/first-steps-20260307-084000-Anna-Schmidt-seed1.json", pref);
    if (!app || screen_replay_start(app, results, NULL, stderr) != 0) {
        failures++;
        app_destroy(app);
        return;
    }
    app_pump(app, false);
    for (int k = 0; k < 4; k++) {
        drive_key(app, SDL_SCANCODE_RIGHT);
    }
    shot(app, dir, lang, "replay");
    app_destroy(app);
}

/* A bigger account several weeks in, played by the expander bot. */
static void big_board(const char *dir, const char *lang, const char *scenario, const char *pref, int weeks)
{
    App *app = drive_open(scenario, lang, pref, 1280, 720);
    if (!app) {
        failures++;
        return;
    }
    drive_key(app, SDL_SCANCODE_RETURN); /* briefing -> board */
    Rng rng;
    rng_seed(&rng, 7, 1);
    while (!sim_over(app->sim) && sim_week(app->sim) <= weeks) {
        Command c = bot_choose(app->sim, BOT_EXPANDER, &rng);
        if (sim_apply(app->sim, c) != REFUSE_NONE) {
            break;
        }
    }
    /* a few actions of the new week, for the ticker */
    for (int k = 0; k < 3 && !sim_over(app->sim); k++) {
        Command c = bot_choose(app->sim, BOT_EXPANDER, &rng);
        if (c.kind == ACT_END_WEEK || sim_apply(app->sim, c) != REFUSE_NONE) {
            break;
        }
    }
    app->dirty = true;
    app_pump(app, false);
    /* Select the most influential engaged person, so the panel shows actions. */
    const Account *acc = &sim_scenario(app->sim)->accounts[app->account];
    int pick = -1;
    for (int c = 0; c < acc->contact_count; c++) {
        if (sim_engaged(app->sim, app->account, c) && !acc->contacts[c].main
            && (pick < 0 || acc->contacts[c].influence > acc->contacts[pick].influence)) {
            pick = c;
        }
    }
    if (pick >= 0) {
        drive_click(app, acc->contacts[pick].name);
    }
    char name[128];
    snprintf(name, sizeof name, "board-%s", scenario);
    shot(app, dir, lang, name);
    app_destroy(app);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    char pref[1200], cmd[2600];
    snprintf(pref, sizeof pref, "%s/pref", dir);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", pref);
    if (system(cmd) != 0) {
        return 2;
    }
    /* results, the name and the times are the same on every run */
    setenv("KEYACCOUNTS_DATA_DIR", pref, 1);
    setenv("HOME", dir, 1);
    attempts(pref);
    tour(dir, "en", pref);
    char name[1300];
    snprintf(name, sizeof name, "%s/trainee.txt", pref);
    remove(name); /* asked again in Russian, for its screenshot */
    tour(dir, "ru", pref);
    author_screens(dir, "en", pref);
    author_screens(dir, "ru", pref);
    big_board(dir, "en", "massive-lubricants", pref, 6);
    big_board(dir, "ru", "massive-lubricants.ru", pref, 6);
    big_board(dir, "en", "nordpak-three-accounts", pref, 4);
    return failures ? 1 : 0;
}
