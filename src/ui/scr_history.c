/* History (from the picker, H): per scenario the attempts found in the
 * results folder (results.h, the same files `keyaccounts history` reads) with
 * date, score, pass and the seven sub-scores, the best and the latest, the
 * change from the first attempt, and a small chart of the score by attempt. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "platform.h"
#include "results.h"
#include "verify.h"
#include "ui_strings.h"

enum { W_BACK = 1, W_ROW = 100, W_COL = 50 };
enum { ROW_H = 26, LIST_ROW_H = 60 };

typedef struct Group {
    int first, count; /* in History.sorted */
    int best, passes;
} Group;

typedef struct History {
    ResultSet set;
    const ResultRecord **sorted;
    Group *groups;
    int ngroups;
    int sel;
    int list_scroll;
    int scroll;   /* attempt rows scrolled */
    int rows_shown;
    bool many_trainees;
    char dir[UI_PATH_BYTES];
} History;

static int by_scenario_then_time(const void *a, const void *b)
{
    const ResultRecord *x = *(const ResultRecord *const *)a, *y = *(const ResultRecord *const *)b;
    int c = strcmp(x->session.scenario_id, y->session.scenario_id);
    return c ? c : strcmp(x->finished_at, y->finished_at);
}

static void h_enter(App *app, void *st)
{
    History *h = st;
    char base[UI_PATH_BYTES - 16];
    if (plat_data_dir(base, sizeof base)) {
        snprintf(h->dir, sizeof h->dir, "%s/results", base);
    }
    if (h->dir[0] && plat_kind(h->dir) == PLAT_DIR) {
        Msgs m; /* the count of unreadable files is shown; `keyaccounts history` says why */
        msgs_init(&m);
        char *args[1] = {h->dir};
        ScnLibrary *lib = library_create(NULL, 0, &m);
        if (!lib || results_collect(args, 1, &h->set, &m) != 0 || results_verify(&h->set, lib) != 0) {
            results_set_free(&h->set);
        }
        library_destroy(lib);
        msgs_deinit(&m);
    }
    /* only verified attempts, with the replay's numbers (`keyaccounts history` lists the others) */
    size_t n = 0;
    h->sorted = calloc(h->set.count ? h->set.count : 1, sizeof *h->sorted);
    h->groups = calloc(h->set.count ? h->set.count : 1, sizeof *h->groups);
    for (size_t k = 0; h->sorted && k < h->set.count; k++) {
        if (results_counts(&h->set, k)) {
            h->sorted[n++] = &h->set.items[k];
        }
    }
    if (!h->sorted || !h->groups) {
        n = 0;
    }
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && strcmp(h->sorted[k]->session.trainee ? h->sorted[k]->session.trainee : "",
                            h->sorted[0]->session.trainee ? h->sorted[0]->session.trainee : "") != 0) {
            h->many_trainees = true;
        }
    }
    qsort(h->sorted, n, sizeof *h->sorted, by_scenario_then_time);
    for (size_t a = 0; a < n;) {
        size_t b = a;
        Group *g = &h->groups[h->ngroups++];
        g->first = (int)a;
        g->best = (int)a;
        while (b < n && strcmp(h->sorted[b]->session.scenario_id, h->sorted[a]->session.scenario_id) == 0) {
            g->passes += h->sorted[b]->passed;
            if (h->sorted[b]->final.total > h->sorted[g->best]->final.total) {
                g->best = (int)b;
            }
            b++;
        }
        g->count = (int)(b - a);
        a = b;
    }
    /* the scenario played last comes first in view */
    const char *latest = NULL;
    for (int i = 0; i < h->ngroups; i++) {
        const ResultRecord *r = h->sorted[h->groups[i].first + h->groups[i].count - 1];
        if (!latest || strcmp(r->finished_at, latest) > 0) {
            latest = r->finished_at;
            h->sel = i;
        }
    }
    app->focus = h->ngroups ? W_ROW + h->sel : W_BACK;
}

static void h_exit(App *app, void *st)
{
    (void)app;
    History *h = st;
    results_set_free(&h->set);
    free(h->sorted);
    free(h->groups);
    free(h);
}

static void h_action(App *app, void *st, int id)
{
    History *h = st;
    if (id == W_BACK) {
        app_pop(app);
    } else if (id >= W_ROW && id < W_ROW + h->ngroups) {
        h->sel = id - W_ROW;
        h->scroll = 0;
    }
}

static void h_back(App *app, void *st)
{
    (void)st;
    app_pop(app);
}

static bool h_event(App *app, void *st, const SDL_Event *e)
{
    History *h = st;
    if (e->type == SDL_MOUSEWHEEL) {
        h->scroll -= e->wheel.y;
    } else if (e->type == SDL_KEYDOWN) {
        SDL_Scancode sc = e->key.keysym.scancode;
        bool in_list = app->focus >= W_ROW || app->focus == 0;
        if (in_list && (sc == SDL_SCANCODE_UP || sc == SDL_SCANCODE_DOWN) && h->ngroups > 0) {
            int d = sc == SDL_SCANCODE_UP ? -1 : 1;
            if (h->sel + d >= 0 && h->sel + d < h->ngroups) {
                h->sel += d;
                h->scroll = 0;
            }
            app->focus = W_ROW + h->sel;
            app->focus_visible = true;
            return true;
        }
        if (sc == SDL_SCANCODE_PAGEUP) {
            h->scroll -= h->rows_shown > 1 ? h->rows_shown - 1 : 1;
        } else if (sc == SDL_SCANCODE_PAGEDOWN) {
            h->scroll += h->rows_shown > 1 ? h->rows_shown - 1 : 1;
        } else {
            return false;
        }
    } else {
        return false;
    }
    if (h->scroll < 0) {
        h->scroll = 0;
    }
    return true;
}

/* "2026-03-05T09:30:30Z" -> "2026-03-05 09:30" */
static void when(const char *iso, char *out, size_t n)
{
    snprintf(out, n, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
}

static void sub_short(Lang L, int i, char *out, size_t n)
{
    const char *s = text_str(L, S_SUB_SHORT);
    for (int k = 0; k < i && s; k++) {
        s = strchr(s, '|');
        s = s ? s + 1 : NULL;
    }
    size_t len = s ? strcspn(s, "|") : 0;
    snprintf(out, n, "%.*s", (int)len, s ? s : "");
}

typedef struct Cols {
    int x[4 + SUB_COUNT + 1]; /* label, date, score, pass, subs..., trainee */
} Cols;

static void row(App *app, const Cols *c, int y, const char *label, const ResultRecord *r, bool bold, int limit_x,
                bool trainee)
{
    const Theme *t = &app->th;
    Face f = bold ? FACE_BOLD : FACE_REGULAR;
    char buf[64];
    gfx_text_fit(app, f, TS_LABEL, t->text, c->x[0], y, c->x[1] - c->x[0] - 6, label);
    when(r->finished_at, buf, sizeof buf);
    gfx_text_fit(app, f, TS_LABEL, t->text, c->x[1], y, c->x[2] - c->x[1] - 6, buf);
    snprintf(buf, sizeof buf, "%d", r->final.total);
    gfx_text(app, FACE_BOLD, TS_LABEL, t->text, c->x[2], y, buf);
    gfx_text(app, FACE_BOLD, TS_LABEL, r->passed ? t->good : t->bad, c->x[3], y,
             r->passed ? "\xE2\x9C\x93" : "\xE2\x9C\x97");
    for (int i = 0; i < SUB_COUNT; i++) {
        snprintf(buf, sizeof buf, "%d", r->final.sub[i]);
        gfx_text(app, f, TS_LABEL, t->text, c->x[4 + i], y, buf);
    }
    if (trainee && r->session.trainee) {
        gfx_text_fit(app, f, TS_LABEL, t->text_dim, c->x[4 + SUB_COUNT], y, limit_x - c->x[4 + SUB_COUNT],
                     r->session.trainee);
    }
}

static void chart(App *app, const History *h, const Group *g, Rect r)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const ResultRecord *last = h->sorted[g->first + g->count - 1];
    gfx_text(app, FACE_BOLD, TS_LABEL, t->text_dim, r.x, r.y, text_str(L, S_HISTORY_CHART));
    Rect ch = {r.x + 34, r.y + 26, r.w - 44, r.h - 46};
    gfx_fill(app, (Rect){ch.x, ch.y + ch.h, ch.w, 1}, t->text_dim);
    gfx_fill(app, (Rect){ch.x, ch.y, 1, ch.h}, t->text_dim);
    for (int v = 0; v <= 100; v += 50) {
        int yy = ch.y + ch.h - ch.h * v / 100;
        gfx_fill(app, (Rect){ch.x + 1, yy, ch.w - 1, 1}, t->track);
        char lab[8];
        snprintf(lab, sizeof lab, "%d", v);
        int lw = gfx_measure(app, FACE_REGULAR, TS_SMALL, lab, NULL);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, ch.x - lw - 6, yy - 8, lab);
    }
    int pmy = ch.y + ch.h - ch.h * last->pass_mark / 100;
    for (int xx = ch.x; xx < ch.x + ch.w; xx += 12) {
        gfx_fill(app, (Rect){xx, pmy, 6, 2}, t->bad);
    }
    char pm[48];
    text_fmt(pm, sizeof pm, L, S_PASS_MARK, last->pass_mark);
    gfx_text(app, FACE_REGULAR, TS_SMALL, t->bad, ch.x + ch.w - gfx_measure(app, FACE_REGULAR, TS_SMALL, pm, NULL),
             pmy + 3, pm);
    /* at most the last 40 attempts, so the points never crowd */
    int from = g->count > 40 ? g->count - 40 : 0;
    int shown = g->count - from;
    float step = (float)ch.w / (float)(shown + 1);
    float px = 0, py = 0;
    for (int k = 0; k < shown; k++) {
        const ResultRecord *rr = h->sorted[g->first + from + k];
        float cx = (float)ch.x + step * (float)(k + 1);
        float cy = (float)(ch.y + ch.h) - (float)ch.h * (float)rr->final.total / 100.0f;
        if (k > 0) {
            gfx_line(app, px, py, cx, cy, 3, t->accent);
        }
        px = cx;
        py = cy;
    }
    for (int k = 0; k < shown; k++) {
        const ResultRecord *rr = h->sorted[g->first + from + k];
        float cx = (float)ch.x + step * (float)(k + 1);
        float cy = (float)(ch.y + ch.h) - (float)ch.h * (float)rr->final.total / 100.0f;
        /* passed: a filled disc; not passed: a ring (shape, not colour alone) */
        if (rr->passed) {
            gfx_circle(app, cx, cy, 6, t->good);
        } else {
            gfx_circle(app, cx, cy, 6, t->panel);
            gfx_ring(app, cx, cy, 6, 2, t->bad);
        }
        char lab[16];
        snprintf(lab, sizeof lab, "%d", rr->final.total);
        if (shown <= 20) {
            int lw = gfx_measure(app, FACE_BOLD, TS_SMALL, lab, NULL);
            gfx_text(app, FACE_BOLD, TS_SMALL, t->text, (int)cx - lw / 2, (int)cy - 24, lab);
            snprintf(lab, sizeof lab, "#%d", from + k + 1);
            lw = gfx_measure(app, FACE_REGULAR, TS_SMALL, lab, NULL);
            gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, (int)cx - lw / 2, ch.y + ch.h + 4, lab);
        }
    }
}

static void details(App *app, History *h, Rect r)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Group *g = &h->groups[h->sel];
    const ResultRecord *first = h->sorted[g->first], *last = h->sorted[g->first + g->count - 1];
    const ResultRecord *best = h->sorted[g->best];
    int x = r.x + 20, w = r.w - 40, y = r.y + 14;
    char line[600], a[64], p[128];
    gfx_text_fit(app, FACE_BOLD, TS_HEAD, t->text, x, y, w, last->scenario_title ? last->scenario_title : "?");
    y += 32;
    text_attempts(a, sizeof a, L, g->count);
    text_fmt(p, sizeof p, L, S_HISTORY_PASSED, g->passes, last->pass_mark);
    snprintf(line, sizeof line, "%s · %s · %s", last->session.scenario_id, a, p);
    gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text_dim, x, y, w, line);
    y += 26;
    chart(app, h, g, (Rect){x, y, w, 150});
    y += 158;
    /* the table */
    Cols c;
    c.x[0] = x;
    c.x[1] = x + 92;
    c.x[2] = x + 244;
    c.x[3] = x + 290;
    int subw = (w - 318 - (h->many_trainees ? 90 : 0)) / SUB_COUNT;
    if (subw > 64) {
        subw = 64;
    }
    for (int i = 0; i <= SUB_COUNT; i++) {
        c.x[4 + i] = x + 318 + i * subw;
    }
    int right = x + w;
    gfx_fill(app, (Rect){x, y - 4, w, 1}, t->border);
    gfx_text_fit(app, FACE_BOLD, TS_SMALL, t->text_dim, c.x[1], y, c.x[2] - c.x[1] - 6, text_str(L, S_HISTORY_FINISHED));
    gfx_text(app, FACE_BOLD, TS_SMALL, t->text_dim, c.x[2], y, text_str(L, S_SCORE));
    for (int i = 0; i < SUB_COUNT; i++) {
        char s[32];
        sub_short(L, i, s, sizeof s);
        Rect cell = {c.x[4 + i], y - 2, subw - 4, 20};
        WState ws = ui_widget(app, W_COL + i, cell, SDL_SCANCODE_UNKNOWN, true, text_subscore(L, (SubScore)i));
        gfx_text_fit(app, FACE_BOLD, TS_SMALL, ws.hover ? t->accent : t->text_dim, cell.x, y, subw - 6, s);
    }
    y += 22;
    int bottom = r.y + r.h - 14;
    int change_h = 68;
    int rows = (bottom - change_h - 2 * ROW_H - 10 - y) / ROW_H;
    if (rows < 1) {
        rows = 1;
    }
    h->rows_shown = rows;
    if (h->scroll > g->count - rows) {
        h->scroll = g->count - rows > 0 ? g->count - rows : 0;
    }
    for (int k = h->scroll; k < g->count && k < h->scroll + rows; k++) {
        char label[16];
        snprintf(label, sizeof label, "#%d", k + 1);
        row(app, &c, y, label, h->sorted[g->first + k], false, right, h->many_trainees);
        y += ROW_H;
    }
    if (g->count > rows) {
        snprintf(line, sizeof line, "%d–%d / %d  (PgUp/PgDn)", h->scroll + 1,
                 h->scroll + rows < g->count ? h->scroll + rows : g->count, g->count);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, right - gfx_measure(app, FACE_REGULAR, TS_SMALL, line, NULL),
                 y, line);
        y += 18;
    }
    gfx_fill(app, (Rect){x, y + 2, w, 1}, t->border);
    y += 8;
    row(app, &c, y, text_str(L, S_HISTORY_BEST), best, true, right, h->many_trainees);
    y += ROW_H;
    row(app, &c, y, text_str(L, S_HISTORY_LATEST), last, true, right, h->many_trainees);
    y += ROW_H + 6;
    if (g->count > 1) {
        int k = snprintf(line, sizeof line, "%s: %s %+d", text_str(L, S_HISTORY_CHANGE), text_str(L, S_SCORE),
                         last->final.total - first->final.total);
        for (int i = 0; i < SUB_COUNT && k > 0 && (size_t)k < sizeof line; i++) {
            k += snprintf(line + k, sizeof line - (size_t)k, " · %s %+d", text_subscore(L, (SubScore)i),
                          last->final.sub[i] - first->final.sub[i]);
        }
    } else {
        ui_copy(line, sizeof line, text_str(L, S_HISTORY_ONE));
    }
    gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text, (Rect){x, y, w, bottom - y}, line);
}

static void h_draw(App *app, void *st)
{
    History *h = st;
    const Theme *t = &app->th;
    Lang L = app->lang;
    char sub[UI_PATH_BYTES + 64], dir[UI_PATH_BYTES];
    ui_tilde(h->dir[0] ? h->dir : "?", dir, sizeof dir);
    text_fmt(sub, sizeof sub, L, S_HISTORY_SUB, dir);
    int top = ui_header(app, text_str(L, S_HISTORY_TITLE), sub);
    int bottom = app->H - UI_HINT_BAR_H;
    int listw = 340;
    Rect list = {24, top + 20, listw, bottom - top - 40 - 56};
    if (h->ngroups == 0) {
        gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text_dim, (Rect){24, top + 24, app->W - 48, 80},
                      text_str(L, S_HISTORY_NONE));
    }
    int rows = list.h / (LIST_ROW_H + 8);
    if (rows < 1) {
        rows = 1;
    }
    if (h->sel < h->list_scroll) {
        h->list_scroll = h->sel;
    }
    if (h->sel >= h->list_scroll + rows) {
        h->list_scroll = h->sel - rows + 1;
    }
    for (int i = h->list_scroll; i < h->ngroups && i < h->list_scroll + rows; i++) {
        const Group *g = &h->groups[i];
        const ResultRecord *last = h->sorted[g->first + g->count - 1];
        Rect r = {list.x, list.y + (i - h->list_scroll) * (LIST_ROW_H + 8), list.w, LIST_ROW_H};
        char hint[UI_HINT_BYTES];
        text_fmt(hint, sizeof hint, L, S_HISTORY_ROW_HINT, last->scenario_title ? last->scenario_title : "?");
        WState ws = ui_widget(app, W_ROW + i, r, SDL_SCANCODE_UNKNOWN, true, hint);
        bool sel = i == h->sel;
        gfx_rrect(app, r, 8, sel ? gfx_mix(t->accent, t->card, 86) : ws.hover ? t->card_hover : t->card);
        gfx_frame(app, r, 8, sel ? 2 : 1, sel ? t->accent : t->border);
        gfx_text_fit(app, FACE_BOLD, TS_BODY, t->text, r.x + 14, r.y + 8, r.w - 28,
                     last->scenario_title ? last->scenario_title : "?");
        char a[64], meta[160];
        text_attempts(a, sizeof a, L, g->count);
        snprintf(meta, sizeof meta, "%s · %s %d", a, text_str(L, S_HISTORY_BEST), h->sorted[g->best]->final.total);
        gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text_dim, r.x + 14, r.y + 34, r.w - 28, meta);
        if (ws.focus) {
            gfx_frame(app, (Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, 10, 3, t->focus);
        }
    }
    if (h->set.failed) {
        char f[160];
        text_fmt(f, sizeof f, L, S_HISTORY_UNREADABLE, (int)h->set.failed);
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->bad, list.x, list.y + list.h + 2, list.w, f);
    }
    if (h->ngroups > 0) {
        Rect det = {listw + 40, top + 20, app->W - listw - 64, bottom - top - 40};
        gfx_rrect(app, det, 10, t->panel);
        gfx_frame(app, det, 10, 1, t->border);
        details(app, h, det);
    }
    ui_button(app, W_BACK, (Rect){24, bottom - 60, listw, 44}, text_str(L, S_BACK), "Esc", SDL_SCANCODE_UNKNOWN, true,
              false, text_str(L, S_BACK));
    app->keys_help = text_str(L, S_KEYS_HISTORY);
}

static const ScreenVt VT = {"history", false, h_enter, h_exit, h_action, h_back, h_event, h_draw, false};

void screen_history_push(App *app)
{
    History *h = calloc(1, sizeof *h);
    if (h) {
        app_push(app, &VT, h);
    }
}
