/* A whole game of the tutorial played in the window by injected input, from
 * the picker to the debrief: once by keyboard alone, once mostly by mouse.
 * Checks the session that results. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "trainee.h"
#include "drive.h"
#include "results.h"

static int failures;

static size_t sim_log_count(const App *app)
{
    size_t n = 0;
    (void)sim_log(app->sim, &n);
    return n;
}

static void end_week(App *app)
{
    drive_key(app, SDL_SCANCODE_E);
    if (strcmp(drive_screen(app), "confirm") == 0) {
        drive_key(app, SDL_SCANCODE_RETURN);
    }
}

static void keyboard_game(const char *pref)
{
    App *app = drive_open(NULL, "en", pref, 1280, 720);
    CHECK(app != NULL);
    if (!app) {
        return;
    }
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    /* the default scenario is selected; the tutorial is the row above */
    drive_key(app, SDL_SCANCODE_UP);
    drive_key(app, SDL_SCANCODE_RETURN);
    CHECK(strcmp(drive_screen(app), "briefing") == 0);
    CHECK(app->scn && strcmp(app->scn->id, "first-steps") == 0);
    drive_key(app, SDL_SCANCODE_RETURN);
    CHECK(strcmp(drive_screen(app), "board") == 0);
    /* week 1: research, meet Paul (the main contact, selected), pitch him, propose */
    drive_key(app, SDL_SCANCODE_1);
    drive_key(app, SDL_SCANCODE_2);
    CHECK(drive_count(app, ACT_RESEARCH) == 1);
    CHECK(drive_count(app, ACT_MEET) == 1);
    drive_key(app, SDL_SCANCODE_3); /* the pitch screen for Paul */
    CHECK(strcmp(drive_screen(app), "ideas") == 0);
    drive_key(app, SDL_SCANCODE_3); /* pitch the idea that fits */
    CHECK(drive_count(app, ACT_PITCH) == 1);
    drive_key(app, SDL_SCANCODE_RETURN); /* back to the board */
    CHECK(strcmp(drive_screen(app), "board") == 0);
    drive_key(app, SDL_SCANCODE_6); /* propose: the ideas screen */
    CHECK(strcmp(drive_screen(app), "ideas") == 0);
    drive_key(app, SDL_SCANCODE_6);
    drive_key(app, SDL_SCANCODE_RETURN);
    int hours = sim_hours_left(app->sim);
    /* a misclick loses nothing: E asks first, Esc keeps playing */
    drive_key(app, SDL_SCANCODE_E);
    if (hours > 0) {
        CHECK(strcmp(drive_screen(app), "confirm") == 0);
        drive_key(app, SDL_SCANCODE_ESCAPE);
        CHECK(strcmp(drive_screen(app), "board") == 0);
        CHECK(sim_week(app->sim) == 1);
        drive_key(app, SDL_SCANCODE_E);
        drive_key(app, SDL_SCANCODE_RETURN);
    }
    CHECK(strcmp(drive_screen(app), "week") == 0);
    CHECK(sim_week(app->sim) == 2);
    drive_key(app, SDL_SCANCODE_RETURN);
    /* week 2: a referral from Paul, then meet whoever he introduced */
    drive_key(app, SDL_SCANCODE_4);
    drive_key(app, SDL_SCANCODE_2);
    drive_key(app, SDL_SCANCODE_7); /* service */
    end_week(app);
    drive_key(app, SDL_SCANCODE_RETURN);
    CHECK(drive_count(app, ACT_REFERRAL) >= 1);
    CHECK(drive_count(app, ACT_SERVICE) == 1);
    /* weeks 3 to 5: meet and end the week */
    for (int w = 3; w <= 5; w++) {
        drive_key(app, SDL_SCANCODE_2);
        end_week(app);
        CHECK(strcmp(drive_screen(app), "week") == 0);
        drive_key(app, SDL_SCANCODE_RETURN);
    }
    CHECK(sim_over(app->sim));
    /* the first finished session asks the trainee's name once, over the debrief */
    CHECK(strcmp(drive_screen(app), "name") == 0);
    drive_text(app, "Анна Петрова");
    drive_key(app, SDL_SCANCODE_BACKSPACE); /* a whole Cyrillic letter goes */
    drive_text(app, "а");
    drive_key(app, SDL_SCANCODE_RETURN);
    CHECK(strcmp(drive_screen(app), "debrief") == 0);
    CHECK(app->result_done && app->result_path[0] && !app->result_err[0]);
    CHECK(strstr(app->result_path, "/results/first-steps-") != NULL);
    CHECK(strstr(app->result_path, "Анна-Петрова") != NULL);
    {
        char remembered[256];
        CHECK(trainee_load(remembered, sizeof remembered) && strcmp(remembered, "Анна Петрова") == 0);
        ResultRecord rec;
        Msgs m;
        msgs_init(&m);
        CHECK(results_load(app->result_path, &rec, &m) == 0);
        CHECK(msgs_text(&m)[0] == '\0');
        msgs_deinit(&m);
        CHECK(rec.session.trainee && strcmp(rec.session.trainee, "Анна Петрова") == 0);
        CHECK(rec.final.total == sim_score(app->sim).total);
        CHECK(rec.session.command_count == sim_log_count(app));
        result_record_free(&rec);
    }
    CHECK(drive_count(app, ACT_END_WEEK) == 5);
    Score sc = sim_score(app->sim);
    CHECK(sc.total > 20);
    CHECK(sim_idea_adopted(app->sim, 0, 0) || drive_count(app, ACT_PROPOSE) == 1);
    fprintf(stderr, "keyboard game: score %d, %d pitches, %d referrals\n", sc.total, drive_count(app, ACT_PITCH),
            drive_count(app, ACT_REFERRAL));
    /* the debrief tabs, then play again with the same seed */
    drive_key(app, SDL_SCANCODE_2);
    drive_key(app, SDL_SCANCODE_3);
    drive_key(app, SDL_SCANCODE_R);
    CHECK(strcmp(drive_screen(app), "board") == 0);
    CHECK(app->sim && sim_week(app->sim) == 1 && sim_seed(app->sim) == 1);
    char path[600];
    struct stat st;
    snprintf(path, sizeof path, "%s/last-session.json", pref);
    CHECK(stat(path, &st) == 0 && st.st_size > 0);
    /* Esc backs out: the menu asks, then the picker */
    drive_key(app, SDL_SCANCODE_ESCAPE);
    CHECK(strcmp(drive_screen(app), "confirm") == 0);
    drive_key(app, SDL_SCANCODE_RETURN);
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    CHECK(app->sim == NULL);
    app_destroy(app);
}

static void mouse_game(const char *pref)
{
    App *app = drive_open(NULL, "en", pref, 1280, 720);
    CHECK(app != NULL);
    if (!app) {
        return;
    }
    CHECK(drive_click(app, "First steps")); /* select */
    CHECK(drive_click(app, "First steps")); /* open */
    CHECK(strcmp(drive_screen(app), "briefing") == 0);
    CHECK(drive_click(app, "Start week 1"));
    CHECK(strcmp(drive_screen(app), "board") == 0);
    CHECK(drive_click(app, "Paul Meier"));
    CHECK(drive_click(app, "Meet"));
    CHECK(drive_count(app, ACT_MEET) == 1);
    CHECK(drive_click(app, "Pitch"));
    CHECK(strcmp(drive_screen(app), "ideas") == 0);
    CHECK(drive_click(app, "Pitch to Paul"));
    CHECK(drive_count(app, ACT_PITCH) == 1);
    CHECK(drive_click(app, "Back to the board"));
    /* a disabled action says why and does nothing */
    CHECK(drive_click(app, "Cold call"));
    CHECK(drive_count(app, ACT_COLD_CALL) == 0);
    CHECK(strstr(app->hint, "already know") != NULL);
    CHECK(drive_click(app, "End week"));
    CHECK(strcmp(drive_screen(app), "confirm") == 0);
    CHECK(drive_click(app, "Keep playing"));
    CHECK(sim_week(app->sim) == 1);
    CHECK(drive_click(app, "End week"));
    CHECK(drive_click(app, "End the week"));
    CHECK(strcmp(drive_screen(app), "week") == 0);
    CHECK(drive_click(app, "Next week"));
    CHECK(sim_week(app->sim) == 2);
    char path[600];
    struct stat st;
    snprintf(path, sizeof path, "%s/autosave.json", pref);
    CHECK(stat(path, &st) == 0 && st.st_size > 0);
    CHECK(drive_click(app, "Menu"));
    CHECK(drive_click(app, "Leave the game"));
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    CHECK(drive_click(app, "Settings"));
    CHECK(strcmp(drive_screen(app), "settings") == 0);
    CHECK(drive_click(app, "language of the window"));
    CHECK(app->lang == LANG_RU);
    drive_key(app, SDL_SCANCODE_ESCAPE);
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    app_destroy(app);
    /* the language was remembered */
    Settings s;
    settings_defaults(&s);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/", pref);
    settings_load(&s, dir);
    CHECK(s.lang_set && s.lang == LANG_RU);
}

int main(int argc, char **argv)
{
    const char *base = argc > 1 ? argv[1] : "ui-test-pref";
    char k[512], m[512];
    snprintf(k, sizeof k, "%s-keyboard", base);
    snprintf(m, sizeof m, "%s-mouse", base);
    /* fresh folders: no settings, no autosave from an earlier run */
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", k, m);
    if (system(cmd) != 0) {
        return 2;
    }
    keyboard_game(k);
    mouse_game(m);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    fprintf(stderr, "ui game tests passed\n");
    return 0;
}
