/* `keyaccounts replay RESULT --watch` in the window: the recorded session
 * played back step by step on the account board. Space or Right: the next
 * command; Left: one back (the session is rebuilt by replaying the first k
 * commands); Home/End: the start and the end; Esc leaves. A panel over the
 * ticker says which command this step was, what it did and how the score
 * moved. Nothing is saved and nothing reloads. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "window.h"
#include "platform.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "results.h"
#include "scnfile.h"
#include "ui_strings.h"

enum { W_NEXT = 1, W_PREV, W_LEAVE };
enum { PANEL_H = 128 };

typedef struct Replay {
    ResultRecord rec;
    Command *cmds;
    size_t n;
    size_t step;            /* commands applied */
    size_t jfrom, cfrom;    /* journal and score changes of the last step */
    char who[400];
} Replay;

static void rebuild(App *app, Replay *r)
{
    r->jfrom = r->cfrom = 0;
    if (r->step > 0) {
        /* the news of the last step: what it added to the journal and the score */
        size_t before = host_seek(app->session, r->cmds, r->step - 1);
        sim_journal(app->sim, &r->jfrom);
        sim_score_changes(app->sim, &r->cfrom);
        if (before + 1 != r->step || host_apply(app->session, r->cmds[r->step - 1]) != REFUSE_NONE) {
            r->step = before; /* checked when loading; never expected */
        }
    } else {
        (void)host_seek(app->session, r->cmds, 0);
    }
    if (r->step > 0) {
        int a = r->cmds[r->step - 1].account;
        if (a >= 0 && a < app->scn->account_count) {
            app->account = a;
        }
    } else {
        sim_journal(app->sim, &r->jfrom);
        sim_score_changes(app->sim, &r->cfrom);
    }
    app->dirty = true;
}

static void go(App *app, Replay *r, long to)
{
    if (to < 0) {
        to = 0;
    }
    if ((size_t)to > r->n) {
        to = (long)r->n;
    }
    r->step = (size_t)to;
    rebuild(app, r);
}

static void r_enter(App *app, void *st)
{
    (void)st;
    app->focus = W_NEXT;
}

static void r_exit(App *app, void *st)
{
    (void)app;
    Replay *r = st;
    result_record_free(&r->rec);
    free(r->cmds);
    free(r);
}

static void r_action(App *app, void *st, int id)
{
    Replay *r = st;
    if (id == W_NEXT) {
        go(app, r, (long)r->step + 1);
    } else if (id == W_PREV) {
        go(app, r, (long)r->step - 1);
    } else if (id == W_LEAVE) {
        app_quit(app);
    }
}

static void r_back(App *app, void *st)
{
    (void)st;
    app_quit(app);
}

static bool r_event(App *app, void *st, const SDL_Event *e)
{
    Replay *r = st;
    if (e->type == SDL_MOUSEWHEEL) {
        go(app, r, (long)r->step - e->wheel.y);
        return true;
    }
    if (e->type != SDL_KEYDOWN) {
        return false;
    }
    switch (e->key.keysym.scancode) {
    case SDL_SCANCODE_SPACE:
    case SDL_SCANCODE_RIGHT:
        if (e->key.keysym.scancode == SDL_SCANCODE_SPACE && app->focus_visible && app->focus != W_NEXT) {
            return false; /* Space on a focused button presses it */
        }
        go(app, r, (long)r->step + 1);
        return true;
    case SDL_SCANCODE_LEFT:
        go(app, r, (long)r->step - 1);
        return true;
    case SDL_SCANCODE_HOME:
        go(app, r, 0);
        return true;
    case SDL_SCANCODE_END:
        go(app, r, (long)r->n);
        return true;
    default:
        return false;
    }
}

static void describe(const App *app, Command c, char *buf, size_t n)
{
    char line[512];
    snprintf(buf, n, "> %s   (%s)", text_command_line(app->scn, c, true, line, sizeof line),
             text_action(app->lang, c.kind));
}

static void r_draw(App *app, void *st)
{
    Replay *r = st;
    const Theme *t = &app->th;
    Lang L = app->lang;
    int bottom = app->H - UI_HINT_BAR_H;
    Rect p = {0, bottom - PANEL_H, app->W, PANEL_H};
    gfx_fill(app, p, t->panel);
    gfx_fill(app, (Rect){0, p.y, app->W, 3}, t->accent);
    int x = 20, bx = app->W - 3 * 190 - 20;
    int w = bx - x - 20;
    int y = p.y + 10;
    char line[1024];
    char stepl[64];
    text_fmt(stepl, sizeof stepl, L, S_REPLAY_STEP, (int)r->step, (int)r->n);
    snprintf(line, sizeof line, "%s · %s", text_str(L, S_REPLAY_TITLE), stepl);
    int lw = gfx_text(app, FACE_BOLD, TS_BODY, t->accent, x, y, line);
    gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text_dim, x + lw + 16, y + 2, w - lw - 16, r->who);
    y += 26;
    if (r->step == 0) {
        gfx_text_fit(app, FACE_REGULAR, TS_BODY, t->text, x, y, w, text_str(L, S_REPLAY_START));
    } else {
        describe(app, r->cmds[r->step - 1], line, sizeof line);
        gfx_text_fit(app, FACE_BOLD, TS_BODY, t->text, x, y, w, line);
        y += 24;
        size_t jn, cn;
        const JournalEntry *j = sim_journal(app->sim, &jn);
        const ScoreChange *ch = sim_score_changes(app->sim, &cn);
        int limit = bottom - 8;
        for (size_t k = r->jfrom; k < jn && y + 18 <= limit; k++) {
            if (j[k].kind == J_WEEK_START) {
                continue;
            }
            text_journal(L, app->sim, &j[k], line, sizeof line);
            gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text, x + 16, y, w - 16, line);
            y += 19;
            for (size_t c = r->cfrom; c < cn && y + 18 <= limit; c++) {
                if (ch[c].journal == (int)k) {
                    text_score_change(L, &ch[c], line, sizeof line);
                    gfx_text_fit(app, FACE_REGULAR, TS_SMALL, ch[c].total >= 0 ? t->good : t->bad, x + 32, y,
                                 w - 32, line);
                    y += 18;
                }
            }
        }
    }
    int by = p.y + 12;
    ui_button(app, W_PREV, (Rect){bx, by, 180, 44}, text_str(L, S_REPLAY_PREV), "\xE2\x86\x90", SDL_SCANCODE_UNKNOWN,
              r->step > 0, false, text_str(L, S_REPLAY_PREV));
    ui_button(app, W_NEXT, (Rect){bx + 190, by, 180, 44}, text_str(L, S_REPLAY_NEXT), "\xE2\x86\x92",
              SDL_SCANCODE_UNKNOWN, r->step < r->n, true, text_str(L, S_REPLAY_NEXT));
    ui_button(app, W_LEAVE, (Rect){bx + 380, by, 180, 44}, text_str(L, S_REPLAY_LEAVE), "Esc", SDL_SCANCODE_UNKNOWN,
              true, false, text_str(L, S_REPLAY_LEAVE));
    app->keys_help = text_str(L, S_KEYS_REPLAY);
}

static const ScreenVt VT = {"replay", true, r_enter, r_exit, r_action, r_back, r_event, r_draw, true};

int screen_replay_start(App *app, const char *result, const char *scenario, FILE *err)
{
    Replay *r = calloc(1, sizeof *r);
    if (!r) {
        return 1;
    }
    Msgs m;
    msgs_init(&m);
    if (results_load(result, &r->rec, &m) != 0) {
        fputs(msgs_text(&m), err);
        msgs_deinit(&m);
        r_exit(app, r);
        return 1;
    }
    HostScenario *hs = host_open_for_result(&r->rec, scenario, &m);
    fputs(msgs_text(&m), err);
    msgs_deinit(&m);
    HostSession *h = NULL;
    char why[512];
    HostStart opt = {r->rec.session.seed, 0, NULL};
    if (!hs || host_begin(hs, &opt, &h, why, sizeof why) != HOST_OK) {
        if (hs) {
            fprintf(err, "keyaccounts replay: %s\n", why);
        }
        r_exit(app, r);
        return 1;
    }
    r->n = r->rec.session.command_count;
    r->cmds = calloc(r->n ? r->n : 1, sizeof *r->cmds);
    if (!r->cmds) {
        fprintf(err, "keyaccounts: out of memory\n");
        host_destroy(h);
        r_exit(app, r);
        return 1;
    }
    const Scenario *s = host_scenario(h);
    for (size_t i = 0; i < r->n; i++) {
        if (session_command_resolve(s, &r->rec.session.commands[i], &r->cmds[i]) != 0
            || host_apply(h, r->cmds[i]) != REFUSE_NONE) {
            fprintf(err, "keyaccounts replay: %s: command %zu does not apply to this scenario "
                         "(keyaccounts replay %s says more)\n", result, i + 1, result);
            host_destroy(h);
            r_exit(app, r);
            return 1;
        }
    }
    app->replay_mode = true; /* before adopting: no file watch, no saving */
    app_adopt_session(app, h);
    const char *name = r->rec.session.trainee && r->rec.session.trainee[0] ? r->rec.session.trainee
                                                                           : text_str(app->lang, S_REPLAY_ANON);
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)r->rec.session.seed);
    text_fmt(r->who, sizeof r->who, app->lang, S_REPLAY_WHO, name, seed,
           r->rec.finished_at ? r->rec.finished_at : "");
    r->step = 0;
    rebuild(app, r);
    while (app->depth > 0) {
        app_pop(app);
    }
    screen_board_push(app);
    app_push(app, &VT, r);
    return 0;
}

int cmd_replay_window(int argc, char **argv, FILE *err)
{
    AppOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.no_resume = true;
    const char *result = NULL, *scenario = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (strcmp(a, "--watch") == 0) {
            continue;
        } else if (strcmp(a, "--scenario") == 0 && more) {
            scenario = argv[++i];
        } else if (strcmp(a, "--lang") == 0 && more) {
            opt.lang = argv[++i];
        } else if (strcmp(a, "--size") == 0 && more) {
            if (sscanf(argv[++i], "%dx%d", &opt.width, &opt.height) != 2) {
                fprintf(err, "keyaccounts replay: --size takes WIDTHxHEIGHT, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (a[0] == '-' || result) {
            fprintf(err, "usage: keyaccounts replay RESULT --watch [--scenario FILE] [--lang en|ru] [--size WxH]\n"
                         "       keyaccounts replay RESULT --watch --text   (the same in the terminal)\n");
            return 2;
        } else {
            result = a;
        }
    }
    if (!result) {
        fprintf(err, "usage: keyaccounts replay RESULT --watch [--scenario FILE]\n");
        return 2;
    }
    int status = app_display_check(err);
    if (status != 0) {
        return status;
    }
    App *app = app_create(&opt, err);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    if (!app) {
        return 1;
    }
    if (screen_replay_start(app, result, scenario, err) != 0) {
        app_destroy(app);
        return 1;
    }
    while (app_pump(app, true)) {
    }
    app_destroy(app);
    return 0;
}
