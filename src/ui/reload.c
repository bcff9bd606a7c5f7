/* Hot reload for authors: F5 reloads the scenario from its file, and so does
 * any change of the file on disk. An SDL timer looks at the file's size, time
 * and inode once a second while a game is open and pushes an event only when
 * they changed, so an idle window wakes once a second and does nothing else.
 * On errors the last good version keeps running and the diagnostics are
 * shown; on success the session is replayed from its log on the new version,
 * stopping at the first command that no longer applies. F6 writes the map of
 * the scenario file as it is now (map_html.h) into DATA/maps/ and opens it in
 * the browser. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "map_html.h"
#include "platform.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "ui_strings.h"

enum { WATCH_MS = 1000, DIAG_TEXT_MAX = 64 * 1024 };

/* One watch at a time, never freed: the timer thread may still be inside its
 * callback when the main thread stops it, so it checks the generation it was
 * started with under the lock and gives up when that is stale. */
struct Watch {
    SDL_SpinLock lock;
    unsigned gen;
    bool active;
    SDL_TimerID timer;
    Uint32 ev;
    char path[UI_PATH_BYTES];
    PlatStamp seen;
    bool seen_ok;
};

static struct Watch watch_slot;

static Uint32 watch_tick(Uint32 interval, void *param)
{
    struct Watch *w = &watch_slot;
    unsigned gen = (unsigned)(uintptr_t)param;
    bool changed = false;
    Uint32 ev = 0;
    SDL_AtomicLock(&w->lock);
    if (!w->active || w->gen != gen) {
        SDL_AtomicUnlock(&w->lock);
        return 0; /* stale: this timer ends */
    }
    PlatStamp st;
    bool ok = plat_stamp(w->path, &st);
    if (ok != w->seen_ok || (ok && !plat_stamp_equal(&st, &w->seen))) {
        changed = ok; /* a file that disappears (an editor saving) is not a change yet */
        w->seen_ok = ok;
        if (ok) {
            w->seen = st;
        }
    }
    ev = w->ev;
    SDL_AtomicUnlock(&w->lock);
    if (changed && ev) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = ev;
        SDL_PushEvent(&e);
    }
    return interval;
}

void reload_watch_start(App *app)
{
    reload_watch_stop(app);
    if (!app->scn_path[0] || app->ev_reload == 0) {
        return;
    }
    struct Watch *w = &watch_slot;
    SDL_AtomicLock(&w->lock);
    w->gen++;
    w->active = true;
    w->ev = app->ev_reload;
    ui_copy(w->path, sizeof w->path, app->scn_path);
    w->seen_ok = plat_stamp(w->path, &w->seen);
    unsigned gen = w->gen;
    SDL_AtomicUnlock(&w->lock);
    if (SDL_WasInit(SDL_INIT_TIMER) == 0) {
        SDL_InitSubSystem(SDL_INIT_TIMER);
    }
    SDL_TimerID id = SDL_AddTimer(WATCH_MS, watch_tick, (void *)(uintptr_t)gen);
    SDL_AtomicLock(&w->lock);
    w->timer = id;
    SDL_AtomicUnlock(&w->lock);
    app->watch = id ? w : NULL;
}

void reload_watch_stop(App *app)
{
    if (!app->watch) {
        return;
    }
    struct Watch *w = app->watch;
    SDL_AtomicLock(&w->lock);
    w->active = false;
    w->gen++;
    SDL_TimerID id = w->timer;
    w->timer = 0;
    SDL_AtomicUnlock(&w->lock);
    if (id) {
        SDL_RemoveTimer(id);
    }
    app->watch = NULL;
}

/* ---- the diagnostics panel ------------------------------------------------------ */

enum { W_DISMISS = 1 };

typedef struct Diags {
    char title[256];
    char *text;
    int scroll;
    int content_h, view_h;
} Diags;

static void g_exit(App *app, void *st)
{
    (void)app;
    Diags *d = st;
    free(d->text);
    free(d);
}

static void g_enter(App *app, void *st)
{
    (void)st;
    app->focus = W_DISMISS;
}

static void g_action(App *app, void *st, int id)
{
    (void)st;
    if (id == W_DISMISS) {
        app_pop(app);
    }
}

static void g_back(App *app, void *st)
{
    (void)st;
    app_pop(app);
}

static void g_clamp(Diags *d)
{
    int max = d->content_h - d->view_h;
    if (d->scroll > max) {
        d->scroll = max;
    }
    if (d->scroll < 0) {
        d->scroll = 0;
    }
}

static bool g_event(App *app, void *st, const SDL_Event *e)
{
    Diags *d = st;
    if (e->type == SDL_MOUSEWHEEL) {
        d->scroll -= e->wheel.y * 48;
        g_clamp(d);
        return true;
    }
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.scancode) {
        case SDL_SCANCODE_UP: d->scroll -= 40; break;
        case SDL_SCANCODE_DOWN: d->scroll += 40; break;
        case SDL_SCANCODE_PAGEUP: d->scroll -= d->view_h - 40; break;
        case SDL_SCANCODE_PAGEDOWN: d->scroll += d->view_h - 40; break;
        case SDL_SCANCODE_RETURN:
        case SDL_SCANCODE_KP_ENTER:
            app_pop(app);
            return true;
        default:
            return false;
        }
        g_clamp(d);
        return true;
    }
    return false;
}

static void g_draw(App *app, void *st)
{
    Diags *d = st;
    const Theme *t = &app->th;
    Lang L = app->lang;
    int w = app->W - 160 > 1000 ? 1000 : app->W - 160;
    int h = app->H - UI_HINT_BAR_H - 120;
    Rect box = {(app->W - w) / 2, 60, w, h};
    gfx_rrect(app, (Rect){box.x + 2, box.y + 4, box.w, box.h}, 12, t->shadow);
    gfx_rrect(app, box, 12, t->panel);
    gfx_frame(app, box, 12, 2, t->bad);
    int pad = 24, x = box.x + pad, iw = w - 2 * pad, y = box.y + pad;
    gfx_text(app, FACE_BOLD, TS_HEAD, t->bad, x, y, "\xE2\x9A\xA0");
    int th = gfx_text_wrap(app, FACE_BOLD, TS_HEAD, t->text, (Rect){x + 34, y, iw - 34, 64}, d->title);
    y += th + 6;
    y += gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text_dim, (Rect){x, y, iw, 48}, text_str(L, S_RELOAD_ERRORS_SUB))
         + 12;
    Rect view = {x, y, iw, box.y + box.h - pad - 44 - 16 - y};
    gfx_rrect(app, view, 6, t->bg);
    Rect inner = {view.x + 12, view.y + 10, view.w - 24, view.h - 20};
    d->view_h = inner.h;
    d->content_h = gfx_wrap_height(app, FACE_REGULAR, TS_LABEL, inner.w, d->text);
    g_clamp(d);
    gfx_clip(app, &inner);
    gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text, (Rect){inner.x, inner.y - d->scroll, inner.w,
                                                              d->content_h}, d->text);
    gfx_clip(app, NULL);
    ui_button(app, W_DISMISS, (Rect){box.x + w - pad - 220, box.y + h - pad - 44, 220, 44}, text_str(L, S_DISMISS),
              "Esc", SDL_SCANCODE_UNKNOWN, true, true, text_str(L, S_DISMISS));
    app->keys_help = text_str(L, S_KEYS_DIAGS);
}

static const ScreenVt DIAGS_VT = {"diags", true, g_enter, g_exit, g_action, g_back, g_event, g_draw, false};

void screen_diags_push(App *app, const char *title, const char *text)
{
    Screen *top = app_top(app);
    if (top && top->vt == &DIAGS_VT) {
        app_pop(app); /* the newer diagnostics replace the older */
    }
    Diags *d = calloc(1, sizeof *d);
    if (!d) {
        return;
    }
    d->text = malloc(strlen(text) + 1);
    if (!d->text) {
        free(d);
        return;
    }
    memcpy(d->text, text, strlen(text) + 1);
    ui_copy(d->title, sizeof d->title, title);
    app_push(app, &DIAGS_VT, d);
}

/* ---- reloading ---------------------------------------------------------------------- */

/* `line:col [CODE] path: message`, one a line, errors first. */
static void diags_text(const Diagnostics *d, char *out, size_t n)
{
    size_t k = 0;
    out[0] = '\0';
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < d->count && k + 1 < n; i++) {
            const Diagnostic *g = &d->items[i];
            if ((pass == 0) != (g->severity == SEV_ERROR)) {
                continue;
            }
            int w = snprintf(out + k, n - k, "%d:%d [%s] %s%s%s%s\n", g->line, g->column, g->code,
                             g->path && g->path[0] ? g->path : "", g->path && g->path[0] ? ": " : "",
                             g->severity == SEV_WARNING ? "(warning) " : "", g->message);
            if (w < 0 || (size_t)w >= n - k) {
                k = n - 1;
                break;
            }
            k += (size_t)w;
        }
    }
    if (d->dropped && k + 1 < n) {
        snprintf(out + k, n - k, "... and %zu more\n", d->dropped);
    }
}

bool app_reload(App *app)
{
    if (!app->session || app->replay_mode) {
        return false;
    }
    Lang L = app->lang;
    char *text = malloc(DIAG_TEXT_MAX);
    if (!text) {
        return false;
    }
    Diagnostics d;
    diags_init(&d);
    Msgs m;
    msgs_init(&m);
    HostReload rep;
    if (host_reload(app->session, &rep, &d, &m) != 0) {
        if (d.count > 0) {
            diags_text(&d, text, DIAG_TEXT_MAX);
        } else {
            char line[1024];
            snprintf(text, DIAG_TEXT_MAX, "0:0 [KA100] %s\n", msgs_first(&m, line, sizeof line));
        }
        screen_diags_push(app, text_str(L, S_RELOAD_ERRORS_TITLE), text);
        diags_deinit(&d);
        msgs_deinit(&m);
        free(text);
        return false;
    }
    diags_deinit(&d);
    msgs_deinit(&m);
    /* the screens read the new version */
    app->scn = (Scenario *)host_scenario(app->session);
    app->sim = host_sim(app->session);
    if (app->account >= app->scn->account_count) {
        app->account = 0;
    }
    app->result_done = false;
    app->result_path[0] = '\0';
    app->result_err[0] = '\0';
    reload_watch_start(app);
    app_show_session(app);
    const char *title = app->scn->id;
    if (rep.stopped >= 0) {
        const char *why = rep.missing_id ? text_str(L, S_RELOAD_MISSING_ID)
                          : rep.refusal == REFUSE_COUNT ? "out of memory"
                                                        : text_refusal(L, rep.refusal);
        text_fmt(text, DIAG_TEXT_MAX, L, S_RELOAD_STOPPED, title, (int)rep.stopped + 1, (int)rep.commands,
               rep.stopped_what, why);
        app_set_status(app, text);
    } else {
        int week = sim_over(app->sim) ? app->scn->weeks : sim_week(app->sim);
        text_fmt(text, DIAG_TEXT_MAX, L, S_RELOADED, title, week);
        app_set_notice(app, text);
    }
    free(text);
    return true;
}

/* ---- the map of the scenario ------------------------------------------------------ */

/* "file:///..." with the bytes a URL cannot hold as they are percent-encoded. */
static void file_url(const char *path, char *out, size_t n)
{
    static const char HEX[] = "0123456789ABCDEF";
    size_t k = (size_t)snprintf(out, n, "file://");
    for (const unsigned char *c = (const unsigned char *)path; *c && k + 4 < n; c++) {
        bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')
                     || strchr("/-_.~", *c) != NULL;
        if (plain) {
            out[k++] = (char)*c;
        } else {
            out[k++] = '%';
            out[k++] = HEX[*c >> 4];
            out[k++] = HEX[*c & 15];
        }
    }
    out[k < n ? k : n - 1] = '\0';
}

bool app_write_map(App *app)
{
    if (!app->session || !app->scn_path[0]) {
        return false;
    }
    Lang L = app->lang;
    char path[UI_PATH_BYTES + 64], why[512], line[UI_PATH_BYTES + 256];
    if (!map_data_path(app->scn->id, path, sizeof path, why, sizeof why)) {
        text_fmt(line, sizeof line, L, S_MAP_FAILED, why);
        app_set_status(app, line);
        return false;
    }
    Diagnostics d;
    diags_init(&d);
    Msgs m;
    msgs_init(&m);
    int rc = map_write(app->scn_path, path, (int)L, &d, &m);
    if (rc == 1) {
        /* the file has errors now: the same panel as a failed reload */
        char *text = malloc(DIAG_TEXT_MAX);
        if (text) {
            diags_text(&d, text, DIAG_TEXT_MAX);
            screen_diags_push(app, text_str(L, S_RELOAD_ERRORS_TITLE), text);
            free(text);
        }
    } else if (rc != 0) {
        text_fmt(line, sizeof line, L, S_MAP_FAILED, msgs_first(&m, why, sizeof why));
        app_set_status(app, line);
    } else {
        text_fmt(line, sizeof line, L, S_MAP_WRITTEN, path);
        app_set_notice(app, line);
        /* the dummy video driver runs the tests: no browser there */
        const char *driver = SDL_GetCurrentVideoDriver();
        if (!driver || strcmp(driver, "dummy") != 0) {
            char url[3 * UI_PATH_BYTES + 16];
            file_url(path, url, sizeof url);
            SDL_OpenURL(url);
        }
    }
    diags_deinit(&d);
    msgs_deinit(&m);
    return rc == 0;
}
