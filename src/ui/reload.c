/* Hot reload for authors: F5 reloads the scenario from its file, and so does
 * any change of the file on disk. An SDL timer looks at the file's size, time
 * and inode once a second while a game is open and pushes an event only when
 * they changed, so an idle window wakes once a second and does nothing else.
 * On errors the last good version keeps running and the diagnostics are
 * shown; on success the session is replayed from its log on the new version,
 * stopping at the first command that no longer applies. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "platform.h"
#include "jumpstart.h"
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
    struct stat seen;
    bool seen_ok;
};

static struct Watch watch_slot;

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_size == b->st_size && a->st_ino == b->st_ino && a->st_mtim.tv_sec == b->st_mtim.tv_sec
           && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

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
    struct stat st;
    bool ok = stat(w->path, &st) == 0;
    if (ok != w->seen_ok || (ok && !same_file(&st, &w->seen))) {
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
    w->seen_ok = stat(w->path, &w->seen) == 0;
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

static void describe(const Scenario *s, Command c, char *buf, size_t n)
{
    static const char *const VERB[ACT_COUNT] = {"research", "meet", "pitch", "refer", "call",
                                               "propose", "service", "end"};
    const Account *a = c.account >= 0 && c.account < s->account_count ? &s->accounts[c.account] : NULL;
    const char *idea = a && c.idea >= 0 && c.idea < a->idea_count ? a->ideas[c.idea].id : NULL;
    const char *who = a && c.contact >= 0 && c.contact < a->contact_count ? a->contacts[c.contact].id : NULL;
    snprintf(buf, n, "%s%s%s%s%s", (int)c.kind >= 0 && c.kind < ACT_COUNT ? VERB[c.kind] : "?",
             idea ? " " : "", idea ? idea : "", who ? " " : "", who ? who : "");
}

bool app_reload(App *app)
{
    if (!app->sim || !app->scn || !app->scn_path[0] || app->replay_mode) {
        return false;
    }
    Lang L = app->lang;
    char why[512];
    size_t len = 0;
    char *buf = plat_read_file(app->scn_path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    char *text = malloc(DIAG_TEXT_MAX);
    if (!text) {
        free(buf);
        return false;
    }
    if (!buf) {
        snprintf(text, DIAG_TEXT_MAX, "0:0 [KA100] %s: %s\n", app->scn_path, why);
        screen_diags_push(app, text_str(L, S_RELOAD_ERRORS_TITLE), text);
        free(text);
        return false;
    }
    Diagnostics d;
    diags_init(&d);
    Scenario *ns = scn_parse(buf, len, app->scn_path, &d);
    uint64_t hash = scn_hash(buf, len);
    free(buf);
    if (!ns) {
        diags_sort(&d);
        diags_text(&d, text, DIAG_TEXT_MAX);
        diags_deinit(&d);
        screen_diags_push(app, text_str(L, S_RELOAD_ERRORS_TITLE), text);
        free(text);
        return false;
    }
    diags_deinit(&d);
    Sim *nsim = NULL;
    if (jumpstart_known(ns, app->jump_known, why, sizeof why) != 0
        || !(nsim = sim_create(ns, app->seed))) {
        snprintf(text, DIAG_TEXT_MAX, "0:0 [KA100] %s\n", nsim ? why : "out of memory");
        screen_diags_push(app, text_str(L, S_RELOAD_ERRORS_TITLE), text);
        scenario_destroy(ns);
        free(text);
        return false;
    }
    /* the session's log, by ids, on the new version */
    size_t n;
    const Command *log = sim_log(app->sim, &n);
    const Scenario *os = app->scn;
    long stopped = -1;
    char stop_why[256] = "", stop_what[200] = "";
    for (size_t i = 0; i < n; i++) {
        Command c = log[i];
        const Account *oa = &os->accounts[c.account];
        SessionCommand sc = {c.kind, (char *)oa->id, c.contact >= 0 ? (char *)oa->contacts[c.contact].id : NULL,
                             c.idea >= 0 ? (char *)oa->ideas[c.idea].id : NULL};
        Command nc;
        Refusal r = REFUSE_NONE;
        if (session_command_resolve(ns, &sc, &nc) != 0) {
            ui_copy(stop_why, sizeof stop_why, text_str(L, S_RELOAD_MISSING_ID));
        } else if ((r = sim_apply(nsim, nc)) != REFUSE_NONE) {
            ui_copy(stop_why, sizeof stop_why, r == REFUSE_COUNT ? "out of memory" : text_refusal(L, r));
        } else {
            continue;
        }
        stopped = (long)i;
        describe(os, c, stop_what, sizeof stop_what);
        break;
    }
    /* swap in the new version (the old log was read above, before freeing) */
    int account = app->account < ns->account_count ? app->account : 0;
    char path[UI_PATH_BYTES], known[sizeof app->jump_known];
    ui_copy(path, sizeof path, app->scn_path);
    ui_copy(known, sizeof known, app->jump_known);
    uint64_t seed = app->seed;
    char started[sizeof app->started_at];
    ui_copy(started, sizeof started, app->started_at);
    char title[256];
    ui_copy(title, sizeof title, ns->id);
    app_end_game(app); /* stops the watch, clears the flags */
    app->scn = ns;
    app->sim = nsim;
    app->seed = seed;
    app->account = account;
    app->scn_hash = hash;
    ui_copy(app->scn_path, sizeof app->scn_path, path);
    ui_copy(app->jump_known, sizeof app->jump_known, known);
    ui_copy(app->started_at, sizeof app->started_at, started);
    app->author_session = true; /* played on two versions: a test, not an attempt */
    app->reloads++;
    reload_watch_start(app);
    app_show_session(app);
    if (stopped >= 0) {
        text_fmt(text, DIAG_TEXT_MAX, L, S_RELOAD_STOPPED, title, (int)stopped + 1, (int)n, stop_what,
                 stop_why);
    } else {
        int week = sim_over(nsim) ? ns->weeks : sim_week(nsim);
        text_fmt(text, DIAG_TEXT_MAX, L, S_RELOADED, title, week);
    }
    if (stopped >= 0) {
        app_set_status(app, text);
    } else {
        app_set_notice(app, text);
    }
    free(text);
    return true;
}
