/* The App: window, renderer, fonts, screen stack, the event loop and the
 * session in progress. `keyaccounts [play] [FILE]` lands in cmd_window(). */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "window.h"

#include "autosave.h"
#include "platform.h"
#include "keyaccounts/scenario.h"
#include "ui_strings.h"
#include "keyaccounts/session.h"


/* ---- the screen stack ---------------------------------------------------------- */

Screen *app_top(App *app)
{
    return app->depth > 0 ? &app->stack[app->depth - 1] : NULL;
}

void app_push(App *app, const ScreenVt *vt, void *st)
{
    if (app->depth >= UI_MAX_SCREENS) {
        app_pop(app);
    }
    app->stack[app->depth].vt = vt;
    app->stack[app->depth].st = st;
    app->depth++;
    /* the widgets drawn belong to the screen below: until the new one is drawn,
     * a click or a shortcut must not reach it with another screen's ids (the
     * monkey test found a stale board card id read as an idea row) */
    app->nwidgets = 0;
    app->focus = 0;
    app->hover = 0;
    app->status[0] = '\0';
    if (vt->enter) {
        vt->enter(app, st);
    }
    app->dirty = true;
}

void app_pop(App *app)
{
    if (app->depth == 0) {
        return;
    }
    Screen *s = &app->stack[--app->depth];
    if (s->vt->exit) {
        s->vt->exit(app, s->st);
    } else {
        free(s->st);
    }
    s->vt = NULL;
    s->st = NULL;
    app->nwidgets = 0; /* as in app_push */
    app->focus = 0;
    app->hover = 0;
    app->dirty = true;
}

void app_replace(App *app, const ScreenVt *vt, void *st)
{
    while (app->depth > 0) {
        app_pop(app);
    }
    app_push(app, vt, st);
}

void app_set_status(App *app, const char *msg)
{
    ui_copy(app->status, sizeof app->status, msg ? msg : "");
    app->status_ok = false;
    app->dirty = true;
}

void app_set_notice(App *app, const char *msg)
{
    app_set_status(app, msg);
    app->status_ok = true;
}

void app_quit(App *app)
{
    app->running = false;
}

/* ---- scale, language, theme ---------------------------------------------------- */

void app_relayout(App *app)
{
    int ww, wh;
    SDL_GetWindowSize(app->win, &ww, &wh);
    SDL_GetRendererOutputSize(app->ren, &app->pw, &app->ph);
    if (ww <= 0 || wh <= 0) {
        ww = app->pw;
        wh = app->ph;
    }
    float dpi = (float)app->pw / (float)ww;
    float fit = fminf((float)ww / UI_DESIGN_W, (float)wh / UI_DESIGN_H);
    if (fit < 1) {
        fit = 1;
    }
    float s = app->ui_scale * dpi * fit;
    /* never so large that the design no longer fits */
    float maxs = fminf((float)app->pw / 1024.0f, (float)app->ph / 600.0f);
    if (s > maxs) {
        s = fmaxf(maxs, 0.5f);
    }
    if (fabsf(s - app->s) > 0.001f) {
        app->s = s;
        textcache_clear(app->cache); /* fonts of other sizes now */
        gfx_shapes_clear(app);
    }
    app->W = (int)floorf((float)app->pw / app->s);
    app->H = (int)floorf((float)app->ph / app->s);
    app->dirty = true;
}

void app_set_lang(App *app, Lang lang)
{
    app->lang = lang;
    SDL_SetWindowTitle(app->win, text_str(lang, S_APP_TITLE));
    app->dirty = true;
}

void app_apply_theme(App *app)
{
    theme_init(&app->th, app->set.high_contrast);
    app->dirty = true;
}

/* ---- the session -------------------------------------------------------------- */

void app_end_game(App *app)
{
    reload_watch_stop(app);
    if (app->session) {
        host_destroy(app->session); /* owns scn and sim */
    } else {
        sim_destroy(app->sim);
        scenario_destroy(app->scn);
    }
    app->session = NULL;
    app->sim = NULL;
    app->scn = NULL;
    app->scn_path[0] = '\0';
    app->account = 0;
    app->result_done = false;
    app->result_path[0] = '\0';
    app->result_err[0] = '\0';
}

bool app_author_session(const App *app)
{
    return app->session && !host_is_attempt(app->session);
}

void app_adopt_session(App *app, HostSession *h)
{
    app_end_game(app);
    app->session = h;
    app->scn = (Scenario *)host_scenario(h);
    app->sim = host_sim(h);
    app->seed = host_seed(h);
    app->account = 0;
    ui_copy(app->scn_path, sizeof app->scn_path, host_path(h));
    if (!app->replay_mode) {
        reload_watch_start(app);
    }
}

/* Starts a session; week and known: play --week and --known (jumpstart.h),
 * 0 and NULL for none. */
static bool start_game(App *app, const char *path, uint64_t seed, int week, const char *known, char *why,
                       size_t whylen)
{
    Msgs m;
    msgs_init(&m);
    HostScenario *hs = host_open(path, &m);
    if (!hs) {
        msgs_first(&m, why, whylen); /* the window shows one line */
        if (!why[0]) {
            snprintf(why, whylen, "cannot load the scenario");
        }
        msgs_deinit(&m);
        return false;
    }
    msgs_deinit(&m);
    HostStart opt = {seed, week, known};
    HostSession *h = NULL;
    if (host_begin(hs, &opt, &h, why, whylen) != HOST_OK) {
        return false;
    }
    app_adopt_session(app, h);
    return true;
}

bool app_start_game(App *app, const char *path, uint64_t seed, char *why, size_t whylen)
{
    return start_game(app, path, seed, 0, NULL, why, whylen);
}

void app_show_session(App *app)
{
    while (app->depth > 1) {
        app_pop(app);
    }
    if (app->depth == 0) {
        screen_picker_push(app);
    }
    if (app->sim && sim_over(app->sim)) {
        screen_debrief_push(app);
    } else if (app->sim) {
        screen_board_push(app);
    }
}

void app_autosave(App *app)
{
    if (!app->session || !app->pref_dir[0] || app->replay_mode) { /* a replay is not the trainee's game */
        return;
    }
    char why[256];
    if (autosave_write(app->session, app->pref_dir, why, sizeof why) != 0) {
        fprintf(stderr, "keyaccounts: cannot autosave to %s: %s\n", app->pref_dir, why);
    }
}

typedef struct Resume {
    SessionRecord rec;
} Resume;

static void resume_yes(App *app, void *ctx)
{
    Resume *r = ctx;
    Msgs m;
    msgs_init(&m);
    bool mismatch = false;
    HostSession *h = host_resume(&r->rec, &mismatch, &m);
    if (h) {
        app_adopt_session(app, h);
        screen_board_push(app);
    } else if (mismatch) {
        app_set_status(app, text_str(app->lang, S_CANNOT_OPEN));
    } else {
        char why[512];
        app_set_status(app, msgs_first(&m, why, sizeof why));
    }
    msgs_deinit(&m);
    session_record_free(&r->rec);
    free(r);
}

static void resume_no(App *app, void *ctx)
{
    Resume *r = ctx;
    autosave_discard(app->pref_dir);
    session_record_free(&r->rec);
    free(r);
}

/* A damaged file is never overwritten: it is renamed FILE.damaged (or
 * FILE.damaged-2, ...) and the trainee is told where it went. */
static void set_aside_damaged(App *app, const char *path, TextKey message)
{
    char aside[UI_PATH_BYTES + 32];
    for (int k = 1; k < 100; k++) {
        if (k == 1) {
            snprintf(aside, sizeof aside, "%s.damaged", path);
        } else {
            snprintf(aside, sizeof aside, "%s.damaged-%d", path, k);
        }
        if (plat_kind(aside) == PLAT_MISSING) {
            break;
        }
    }
    if (plat_rename(path, aside, NULL, 0) != 0) {
        snprintf(aside, sizeof aside, "%s", path); /* cannot move it: at least say which file */
    }
    const char *base = strrchr(aside, '/');
    char msg[UI_PATH_BYTES + 160];
    text_fmt(msg, sizeof msg, app->lang, message, base ? base + 1 : aside);
    app_set_status(app, msg);
}

/* Offers to resume an unfinished autosaved session (over the picker). A
 * damaged save is set aside (autosave.h) and the trainee told where. */
static void offer_resume(App *app)
{
    char aside[UI_PATH_BYTES + 32];
    Resume *r = calloc(1, sizeof *r);
    if (!r) {
        return;
    }
    AutosaveFound found = autosave_read(app->pref_dir, &r->rec, aside, sizeof aside);
    if (found != AUTOSAVE_FOUND) {
        free(r);
        if (found == AUTOSAVE_DAMAGED) {
            const char *base = strrchr(aside, '/');
            char msg[UI_PATH_BYTES + 160];
            text_fmt(msg, sizeof msg, app->lang, S_SAVE_DAMAGED, base ? base + 1 : aside);
            app_set_status(app, msg);
        }
        return;
    }
    char body[640];
    text_fmt(body, sizeof body, app->lang, S_RESUME_BODY,
             r->rec.scenario_id ? r->rec.scenario_id : "?", r->rec.week, r->rec.score);
    screen_confirm_push(app, text_str(app->lang, S_RESUME_TITLE), body, text_str(app->lang, S_RESUME),
                        text_str(app->lang, S_DISCARD), resume_yes, resume_no, r);
}

/* ---- drawing -------------------------------------------------------------------- */

static void draw_hint_bar(App *app)
{
    const Theme *t = &app->th;
    Rect bar = {0, app->H - UI_HINT_BAR_H, app->W, UI_HINT_BAR_H};
    gfx_fill(app, bar, t->panel_alt);
    gfx_fill(app, (Rect){0, bar.y, app->W, 1}, t->border);
    const char *right = app->keys_help ? app->keys_help : text_str(app->lang, S_KEYS_GENERIC);
    int rw = gfx_measure(app, FACE_REGULAR, TS_SMALL, right, NULL);
    if (rw > app->W / 2) {
        rw = app->W / 2;
    }
    gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, app->W - rw - 16, bar.y + 7, rw, right);
    const char *left = app->status[0] ? app->status : app->hint;
    if (left[0]) {
        gfx_text_fit(app, app->status[0] ? FACE_BOLD : FACE_REGULAR, TS_SMALL,
                     app->status[0] ? (app->status_ok ? t->good : t->bad) : t->text, 16, bar.y + 7,
                     app->W - rw - 48, left);
    }
}

void app_draw(App *app)
{
    const Theme *t = &app->th;
    SDL_SetRenderDrawColor(app->ren, t->bg.r, t->bg.g, t->bg.b, 255);
    SDL_RenderSetClipRect(app->ren, NULL);
    SDL_RenderClear(app->ren);
    int base = app->depth - 1;
    while (base > 0 && app->stack[base].vt->overlay) {
        base--;
    }
    app->hint[0] = '\0';
    app->keys_help = NULL;
    for (int i = base < 0 ? 0 : base; i < app->depth; i++) {
        app->nwidgets = 0;
        app->hint[0] = '\0';
        if (i == app->depth - 1 && app->stack[i].vt->overlay && !app->stack[i].vt->no_dim) {
            gfx_fill(app, (Rect){0, 0, app->W, app->H}, t->overlay);
        }
        app->stack[i].vt->draw(app, app->stack[i].st);
        gfx_clip(app, NULL);
    }
    if (app->focus == 0 || !ui_find(app, app->focus)) {
        ui_focus_first(app);
    }
    draw_hint_bar(app);
    SDL_RenderPresent(app->ren);
    textcache_frame(app->cache);
    app->frames++;
    app->dirty = false;
}

/* ---- events ------------------------------------------------------------------------ */

static int widget_at(const App *app, int x, int y)
{
    for (int i = app->nwidgets - 1; i >= 0; i--) {
        const Rect *r = &app->widgets[i].r;
        if (x >= r->x && y >= r->y && x < r->x + r->w && y < r->y + r->h) {
            return app->widgets[i].id;
        }
    }
    return 0;
}

static void activate(App *app, int id)
{
    const Widget *w = ui_find(app, id);
    Screen *top = app_top(app);
    if (!w || !top) {
        return;
    }
    if (!w->enabled) {
        /* say why it cannot work: the hint is the refusal */
        app->focus = id;
        app->dirty = true;
        return;
    }
    app->status[0] = '\0';
    app->focus = id;
    top->vt->action(app, top->st, id);
    app->dirty = true;
}

static void handle(App *app, const SDL_Event *e)
{
    Screen *top = app_top(app);
    if (app->ev_reload != 0 && e->type == app->ev_reload) {
        /* the timer saw the scenario file change on disk */
        if (app->sim && app->watch) {
            app_reload(app);
        }
        return;
    }
    switch (e->type) {
    case SDL_QUIT:
        app_autosave(app);
        app->running = false;
        return;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e->window.event == SDL_WINDOWEVENT_RESIZED) {
            app_relayout(app);
            if (!app->set.fullscreen) {
                SDL_GetWindowSize(app->win, &app->set.win_w, &app->set.win_h);
            }
        } else if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
            app->dirty = true;
        } else if (e->window.event == SDL_WINDOWEVENT_LEAVE) {
            if (app->hover) {
                app->hover = 0;
                app->dirty = true;
            }
        }
        return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        textcache_clear(app->cache);
        gfx_shapes_clear(app);
        app->dirty = true;
        return;
    case SDL_MOUSEMOTION: {
        int ww, wh;
        SDL_GetWindowSize(app->win, &ww, &wh);
        float k = ww > 0 ? (float)app->pw / (float)ww : 1;
        app->mouse_x = (int)((float)e->motion.x * k / app->s);
        app->mouse_y = (int)((float)e->motion.y * k / app->s);
        int id = widget_at(app, app->mouse_x, app->mouse_y);
        if (id != app->hover) {
            app->hover = id;
            app->dirty = true;
        }
        return;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        int ww, wh;
        SDL_GetWindowSize(app->win, &ww, &wh);
        float k = ww > 0 ? (float)app->pw / (float)ww : 1;
        int x = (int)((float)e->button.x * k / app->s), y = (int)((float)e->button.y * k / app->s);
        app->mouse_x = x;
        app->mouse_y = y;
        if (e->button.button != SDL_BUTTON_LEFT) {
            if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_X1 && top && top->vt->back) {
                top->vt->back(app, top->st);
            }
            return;
        }
        int id = widget_at(app, x, y);
        if (e->type == SDL_MOUSEBUTTONDOWN) {
            app->pressed = id;
            app->focus_visible = false;
            app->dirty = true;
        } else {
            if (id && id == app->pressed) {
                activate(app, id);
                /* the screen may have changed under the pointer */
                app->hover = 0;
            }
            app->pressed = 0;
        }
        return;
    }
    default:
        break;
    }
    if (top && top->vt->event && top->vt->event(app, top->st, e)) {
        app->dirty = true;
        return;
    }
    if (e->type != SDL_KEYDOWN) {
        return;
    }
    SDL_Scancode sc = e->key.keysym.scancode;
    Uint16 mod = e->key.keysym.mod;
    switch (sc) {
    case SDL_SCANCODE_ESCAPE:
        if (top && top->vt->back) {
            app->status[0] = '\0';
            top->vt->back(app, top->st);
            app->dirty = true;
        }
        return;
    case SDL_SCANCODE_TAB:
        app->focus_visible = true;
        ui_move_focus(app, (mod & KMOD_SHIFT) ? -2 : 2, 0);
        app->dirty = true;
        return;
    case SDL_SCANCODE_LEFT:
    case SDL_SCANCODE_RIGHT:
    case SDL_SCANCODE_UP:
    case SDL_SCANCODE_DOWN:
        if (!app->focus_visible) {
            app->focus_visible = true;
        } else {
            ui_move_focus(app, sc == SDL_SCANCODE_LEFT ? -1 : sc == SDL_SCANCODE_RIGHT ? 1 : 0,
                          sc == SDL_SCANCODE_UP ? -1 : sc == SDL_SCANCODE_DOWN ? 1 : 0);
        }
        app->dirty = true;
        return;
    case SDL_SCANCODE_RETURN:
    case SDL_SCANCODE_KP_ENTER:
    case SDL_SCANCODE_SPACE:
        if (app->focus) {
            activate(app, app->focus);
        }
        return;
    case SDL_SCANCODE_F5:
        if (app->sim && !app->replay_mode) {
            app_reload(app);
            app->dirty = true;
            return;
        }
        break;
    case SDL_SCANCODE_F6:
        if (app->sim && !app->replay_mode) {
            app_write_map(app);
            app->dirty = true;
            return;
        }
        break;
    case SDL_SCANCODE_F11:
        app->set.fullscreen = !app->set.fullscreen;
        SDL_SetWindowFullscreen(app->win, app->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        settings_save(&app->set, app->pref_dir);
        return;
    default:
        break;
    }
    if (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) {
        return;
    }
    for (int i = 0; i < app->nwidgets; i++) {
        if (app->widgets[i].key != SDL_SCANCODE_UNKNOWN && app->widgets[i].key == sc) {
            activate(app, app->widgets[i].id);
            return;
        }
    }
}

bool app_pump(App *app, bool wait)
{
    SDL_Event e;
    if (wait && !app->dirty) {
        if (!SDL_WaitEvent(&e)) {
            return app->running;
        }
        handle(app, &e);
    }
    while (app->running && SDL_PollEvent(&e)) {
        handle(app, &e);
    }
    if (app->running && app->dirty) {
        app_draw(app);
    }
    if (app->depth == 0) {
        app->running = false;
    }
    return app->running;
}

int app_screenshot(App *app, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, app->pw, app->ph, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) {
        return -1;
    }
    /* the frame presented last is drawn again, so the read sees it whole */
    app_draw(app);
    int rc = SDL_RenderReadPixels(app->ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch);
    if (rc == 0) {
        rc = SDL_SaveBMP(s, path);
    }
    SDL_FreeSurface(s);
    return rc;
}

/* ---- life cycle ------------------------------------------------------------------- */

static Lang system_lang(void)
{
    SDL_Locale *loc = SDL_GetPreferredLocales();
    Lang l = LANG_EN;
    if (loc) {
        if (loc[0].language) {
            l = text_lang_from(loc[0].language);
        }
        SDL_free(loc);
        return l;
    }
    const char *env = plat_env("LC_ALL");
    if (!env || !env[0]) {
        env = plat_env("LC_MESSAGES");
    }
    if (!env || !env[0]) {
        env = plat_env("LANG");
    }
    return text_lang_from(env);
}

/* Settings, autosaves and results share one folder, the terminal game's
 * (datadir.h: $KEYACCOUNTS_DATA_DIR, else $XDG_DATA_HOME/keyaccounts, else
 * ~/.local/share/keyaccounts). Earlier versions of the window kept settings and
 * autosaves in SDL_GetPrefPath("keyaccounts", "keyaccounts"), one folder
 * deeper: what is there and not yet here is moved over once. */
static void data_folder(App *app)
{
    char dir[UI_PATH_BYTES - 8], why[256];
    if (!plat_data_subdir(NULL, dir, sizeof dir, why, sizeof why)) {
        char *p = SDL_GetPrefPath("keyaccounts", "keyaccounts");
        if (p) {
            ui_copy(app->pref_dir, sizeof app->pref_dir, p);
            SDL_free(p);
        }
        return;
    }
    snprintf(app->pref_dir, sizeof app->pref_dir, "%s/", dir);
    const char *env = plat_env("KEYACCOUNTS_DATA_DIR");
    if (env && env[0]) {
        return; /* a folder of its own: nothing older to look for */
    }
    char old[UI_PATH_BYTES];
    const char *xdg = plat_env("XDG_DATA_HOME"), *home = plat_env("HOME");
    if (xdg && xdg[0]) {
        snprintf(old, sizeof old, "%s/keyaccounts/keyaccounts", xdg);
    } else if (home && home[0]) {
        snprintf(old, sizeof old, "%s/.local/share/keyaccounts/keyaccounts", home);
    } else {
        return;
    }
    static const char *const FILES[] = {"settings.txt", "autosave.json", "last-session.json", "scenarios"};
    for (size_t i = 0; i < sizeof FILES / sizeof FILES[0]; i++) {
        char from[UI_PATH_BYTES + 32], to[UI_PATH_BYTES + 32];
        snprintf(from, sizeof from, "%s/%s", old, FILES[i]);
        snprintf(to, sizeof to, "%s%s", app->pref_dir, FILES[i]);
        if (plat_kind(from) != PLAT_MISSING && plat_kind(to) == PLAT_MISSING) {
            (void)plat_rename(from, to, NULL, 0);
        }
    }
}

App *app_create(const AppOptions *opt, FILE *err)
{
    /* SDL's software renderer draws this event-driven 2-D board in a few
     * milliseconds, gives the same pixels as the tests, and keeps the process
     * near 20 MB; an OpenGL renderer would load Mesa and LLVM (about 100 MB
     * more) for no visible gain. The environment (SDL_RENDER_DRIVER,
     * SDL_FRAMEBUFFER_ACCELERATION) still overrides these defaults. */
    SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software", SDL_HINT_DEFAULT);
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(err, "keyaccounts: cannot start the window: %s\n", SDL_GetError());
        return NULL;
    }
    if (TTF_Init() != 0) {
        fprintf(err, "keyaccounts: cannot start the font engine: %s\n", TTF_GetError());
        SDL_Quit();
        return NULL;
    }
    App *app = calloc(1, sizeof *app);
    if (!app) {
        TTF_Quit();
        SDL_Quit();
        return NULL;
    }
    app->running = true;
    app->hidden = opt->hidden;
    if (opt->pref_dir) {
        snprintf(app->pref_dir, sizeof app->pref_dir, "%s%s", opt->pref_dir,
                 opt->pref_dir[0] && opt->pref_dir[strlen(opt->pref_dir) - 1] == '/' ? "" : "/");
        char why[256];
        (void)plat_make_dirs(opt->pref_dir, why, sizeof why); /* a folder that cannot be made shows at the first save */
    } else {
        data_folder(app);
    }
    app->ev_reload = SDL_RegisterEvents(1);
    if (app->ev_reload == (Uint32)-1) {
        app->ev_reload = 0;
    }
    settings_defaults(&app->set);
    bool settings_damaged = settings_load(&app->set, app->pref_dir);
    app->ui_scale = opt->scale > 0 ? opt->scale : app->set.scale;
    if (opt->lang) {
        app->lang = text_lang_from(opt->lang);
        app->lang_forced = true;
    } else {
        app->lang = app->set.lang_set ? app->set.lang : system_lang();
    }
    theme_init(&app->th, app->set.high_contrast);
    if (!gfx_fonts_find(app, err)) {
        app_destroy(app);
        return NULL;
    }
    int w = opt->width > 0 ? opt->width : app->set.win_w;
    int h = opt->height > 0 ? opt->height : app->set.win_h;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (opt->hidden ? SDL_WINDOW_HIDDEN : 0);
    if (app->set.fullscreen && !opt->hidden && opt->width == 0) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    app->win = SDL_CreateWindow(text_str(app->lang, S_APP_TITLE), SDL_WINDOWPOS_CENTERED,
                                SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!app->win) {
        fprintf(err, "keyaccounts: cannot open a window: %s\n", SDL_GetError());
        app_destroy(app);
        return NULL;
    }
    SDL_SetWindowMinimumSize(app->win, 1024, 640);
    SDL_Surface *icon = gfx_icon_surface();
    if (icon) {
        SDL_SetWindowIcon(app->win, icon);
        SDL_FreeSurface(icon);
    }
    app->ren = SDL_CreateRenderer(app->win, -1, 0);
    if (!app->ren) {
        fprintf(err, "keyaccounts: cannot draw in the window: %s\n", SDL_GetError());
        app_destroy(app);
        return NULL;
    }
    app->cache = textcache_create();
    if (!app->cache) {
        app_destroy(app);
        return NULL;
    }
    app_relayout(app);
    screen_picker_push(app);
    if (opt->scenario) {
        char why[512];
        uint64_t seed = opt->seed_set ? opt->seed : 1;
        /* --week: an author wants to see week N with a plausible state (the expander's moves) */
        if (!start_game(app, opt->scenario, seed, opt->jump_week, opt->known, why, sizeof why)) {
            fprintf(err, "keyaccounts: %s\n", why);
            app_destroy(app);
            return NULL;
        }
        if (app_author_session(app)) {
            screen_board_push(app);
        } else {
            screen_briefing_push(app);
        }
    } else if (!opt->no_resume) {
        offer_resume(app);
    }
    if (settings_damaged) {
        char path[UI_PATH_BYTES];
        settings_path(path, sizeof path, app->pref_dir);
        set_aside_damaged(app, path, S_SETTINGS_DAMAGED);
    }
    return app;
}

void app_destroy(App *app)
{
    if (!app) {
        return;
    }
    while (app->depth > 0) {
        app_pop(app);
    }
    app_end_game(app);
    textcache_destroy(app->cache);
    gfx_shapes_clear(app);
    gfx_fonts_close(app);
    if (app->ren) {
        SDL_DestroyRenderer(app->ren);
    }
    if (app->win) {
        SDL_DestroyWindow(app->win);
    }
    free(app);
    TTF_Quit();
    SDL_Quit();
}

/* ---- the command ---------------------------------------------------------------------- */

static int usage(FILE *err)
{
    fprintf(err, "usage: keyaccounts [play] [SCENARIO] [--scale X] [--lang en|ru] [--seed N]\n"
                 "                   [--size WxH] [--screenshot FILE.bmp] [--no-resume]\n"
                 "                   [--week N] [--known ID,...]\n"
                 "SCENARIO is a file or a shipped scenario id; without one the scenario picker opens.\n"
                 "--week and --known start from a chosen state (for authors); such sessions save no result.\n");
    return 2;
}

int app_display_check(FILE *err)
{
    /* No display at all (a server, an SSH session): say so and let the caller
     * offer the terminal game, rather than fail. Without DISPLAY or
     * WAYLAND_DISPLAY there is no desktop to probe (probing Wayland would only
     * print libwayland's complaints). */
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");
    if (!(asked && asked[0]) && !SDL_getenv("DISPLAY") && !SDL_getenv("WAYLAND_DISPLAY")) {
        fputs("keyaccounts: there is no display to open the game window on\n", err);
        return KA_EXIT_NO_DISPLAY;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(err, "keyaccounts: there is no display to open the game window on (%s)\n", SDL_GetError());
        return KA_EXIT_NO_DISPLAY;
    }
    /* With no display SDL falls back to an invisible "offscreen" window; only
     * accept an invisible driver when it was asked for (tests, screenshots). */
    const char *driver = SDL_GetCurrentVideoDriver();
    if (driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) && !(asked && asked[0])) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        fputs("keyaccounts: there is no display to open the game window on\n", err);
        return KA_EXIT_NO_DISPLAY;
    }
    return 0;
}

int cmd_window(int argc, char **argv, FILE *err)
{
    AppOptions opt;
    memset(&opt, 0, sizeof opt);
    const char *shot = NULL;
    for (int i = 1; i < argc; i++) { /* argv[0] is the program or "play" */
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (strcmp(a, "--scale") == 0 && more) {
            char *end;
            opt.scale = strtof(argv[++i], &end);
            if (*end || opt.scale < 0.5f || opt.scale > 4.0f) {
                fprintf(err, "keyaccounts: --scale takes a number from 0.5 to 4, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--lang") == 0 && more) {
            opt.lang = argv[++i];
            if (strcmp(opt.lang, "en") != 0 && text_lang_from(opt.lang) != LANG_RU) {
                fprintf(err, "keyaccounts: --lang takes en or ru, not '%s'\n", opt.lang);
                return 2;
            }
        } else if (strcmp(a, "--seed") == 0 && more) {
            char *end;
            errno = 0;
            opt.seed = strtoull(argv[++i], &end, 10);
            if (errno || *end || argv[i][0] == '-' || !argv[i][0]) {
                fprintf(err, "keyaccounts: --seed needs a whole number, not '%s'\n", argv[i]);
                return 2;
            }
            opt.seed_set = true;
        } else if (strcmp(a, "--size") == 0 && more) {
            if (sscanf(argv[++i], "%dx%d", &opt.width, &opt.height) != 2 || opt.width < 320
                || opt.height < 200) {
                fprintf(err, "keyaccounts: --size takes WIDTHxHEIGHT, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--screenshot") == 0 && more) {
            shot = argv[++i];
        } else if (strcmp(a, "--no-resume") == 0) {
            opt.no_resume = true;
        } else if (strcmp(a, "--week") == 0 && more) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 10000) {
                fprintf(err, "keyaccounts: --week needs a week number, not '%s'\n", argv[i]);
                return 2;
            }
            opt.jump_week = (int)v;
        } else if (strcmp(a, "--known") == 0 && more) {
            opt.known = argv[++i];

        } else if (strcmp(a, "--pref-dir") == 0 && more) {
            opt.pref_dir = argv[++i];
        } else if (a[0] == '-') {
            fprintf(err, "keyaccounts: unknown option '%s'\n", a);
            return usage(err);
        } else if (!opt.scenario) {
            opt.scenario = a;
        } else {
            return usage(err);
        }
    }
    if (shot) {
        opt.no_resume = true;
    }
    if ((opt.jump_week > 0 || opt.known) && !opt.scenario) {
        fprintf(err, "keyaccounts: --week and --known need a scenario to start\n");
        return 2;
    }
    int display = app_display_check(err);
    if (display != 0) {
        return display;
    }
    App *app = app_create(&opt, err);
    SDL_QuitSubSystem(SDL_INIT_VIDEO); /* app_create holds its own reference */
    if (!app) {
        return 1;
    }
    if (shot) {
        app_pump(app, false);
        int rc = app_screenshot(app, shot);
        if (rc != 0) {
            fprintf(err, "keyaccounts: cannot write %s: %s\n", shot, SDL_GetError());
        }
        app_destroy(app);
        return rc == 0 ? 0 : 1;
    }
    while (app_pump(app, true)) {
    }
    settings_save(&app->set, app->pref_dir);
    app_destroy(app);
    return 0;
}
