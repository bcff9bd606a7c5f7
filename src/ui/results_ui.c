/* A finished session in the window writes its result file exactly as the
 * terminal game does (host_save_result): the same folder, the same file
 * name, the same remembered trainee name. Asked once, in a small dialog. */
#define _XOPEN_SOURCE 700
#include <string.h>

#include "app.h"
#include "trainee.h"
#include "results.h"
#include "ui_strings.h"

void app_save_result(App *app, const char *trainee)
{
    app->result_done = true;
    app->result_path[0] = '\0';
    app->result_err[0] = '\0';
    if (!app->session || !sim_over(app->sim)) {
        return;
    }
    Msgs m;
    msgs_init(&m);
    if (host_save_result(app->session, app->lang, trainee ? trainee : "", NULL, app->result_path,
                         sizeof app->result_path, app->result_err, sizeof app->result_err, &m) != 0) {
        app->result_path[0] = '\0';
    }
    /* xAPI (docs/xapi.md): its one line, if any, goes to the status line */
    char line[UI_HINT_BYTES];
    if (msgs_first(&m, line, sizeof line)[0]) {
        app_set_status(app, line);
    }
    msgs_deinit(&m);
}

static void name_done(App *app, const char *name)
{
    char why[256];
    /* remember the answer, a skip ("") included, so the window asks only once */
    (void)trainee_save(name ? name : "", why, sizeof why);
    app_save_result(app, name ? name : "");
    app->dirty = true;
}

void app_session_finished(App *app)
{
    if (app->result_done || !app->sim || !sim_over(app->sim) || app->replay_mode) {
        return;
    }
    if (app_author_session(app)) {
        app->result_done = true; /* not a real attempt: never a result file */
        return;
    }
    char name[256];
    if (trainee_load(name, sizeof name)) {
        app_save_result(app, results_name_ok(name) ? name : "");
        return;
    }
    screen_name_push(app, name_done);
}
