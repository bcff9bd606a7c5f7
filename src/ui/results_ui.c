/* A finished session in the window writes its result file exactly as the
 * terminal game does (results.h, datadir.h): the same folder, the same file
 * name, the same remembered trainee name. Asked once, in a small dialog. */
#define _XOPEN_SOURCE 700
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "trainee.h"
#include "platform.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "results.h"
#include "ui_strings.h"
#include "xapi_hook.h"

enum { MAX_NOTES = 64 };

void app_save_result(App *app, const char *trainee)
{
    app->result_done = true;
    app->result_path[0] = '\0';
    app->result_err[0] = '\0';
    if (!app->sim || !sim_over(app->sim)) {
        return;
    }
    char why[512], finished_at[32];
    results_now(finished_at, sizeof finished_at);
    uint64_t hash = app->scn_hash; /* of the bytes played (a reload updates it) */
    char resolved[UI_PATH_BYTES];
    const char *abs = realpath(app->scn_path, resolved);
    CoachNote notes[MAX_NOTES];
    size_t n = sim_coach(app->sim, notes, MAX_NOTES);
    char (*texts)[1024] = calloc(MAX_NOTES, sizeof *texts);
    const char *ptrs[MAX_NOTES];
    if (!texts) {
        ui_copy(app->result_err, sizeof app->result_err, "out of memory");
        return;
    }
    for (size_t k = 0; k < n; k++) {
        ptrs[k] = text_coach(app->lang, app->sim, &notes[k], texts[k], sizeof texts[k]);
    }
    ResultMeta meta = {trainee ? trainee : "", KA_VERSION, app->started_at[0] ? app->started_at : finished_at,
                       finished_at, abs ? abs : app->scn_path, hash, text_lang_key(app->lang), ptrs, n};
    if (results_save(app->sim, &meta, app->result_path, sizeof app->result_path, why, sizeof why) != 0) {
        app->result_path[0] = '\0';
        ui_copy(app->result_err, sizeof app->result_err, why);
    } else {
        /* xAPI (docs/xapi.md): the statements beside the result, sent when an
         * LRS is set; its one line, if any, goes to the status line */
        char *msg = NULL;
        size_t mlen = 0;
        FILE *err = open_memstream(&msg, &mlen);
        (void)xapi_after_result(app->result_path, NULL, app->scn, NULL, err ? err : stderr);
        if (err) {
            fclose(err);
        }
        if (msg && msg[0]) {
            char *nl = strchr(msg, '\n');
            if (nl) {
                *nl = '\0';
            }
            app_set_status(app, msg);
        }
        free(msg);
    }
    free(texts);
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
    if (app->author_session) {
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
