/* Immediate-mode widgets: each draw registers what can be clicked or
 * focused; the next event is matched against that list. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "platform.h"
#include "ui_strings.h"

WState ui_widget(App *app, int id, Rect r, SDL_Scancode key, bool enabled, const char *hint)
{
    WState ws = {false, false, enabled};
    if (app->nwidgets < UI_MAX_WIDGETS) {
        Widget *w = &app->widgets[app->nwidgets++];
        w->id = id;
        w->r = r;
        w->key = key;
        w->mod = KMOD_NONE;
        w->enabled = enabled;
        w->focusable = true;
        ui_copy(w->label, sizeof w->label, hint);
    }
    ws.hover = app->hover == id;
    ws.focus = app->focus == id && app->focus_visible;
    if ((ws.hover || (app->focus == id && !app->hover)) && hint && hint[0]) {
        ui_copy(app->hint, sizeof app->hint, hint);
    }
    return ws;
}

const Widget *ui_find(const App *app, int id)
{
    for (int i = 0; i < app->nwidgets; i++) {
        if (app->widgets[i].id == id) {
            return &app->widgets[i];
        }
    }
    return NULL;
}

const Widget *ui_find_label(const App *app, const char *text)
{
    for (int i = 0; i < app->nwidgets; i++) {
        if (strstr(app->widgets[i].label, text)) {
            return &app->widgets[i];
        }
    }
    return NULL;
}

static void focus_ring(App *app, Rect r, int radius)
{
    Rect o = {r.x - 3, r.y - 3, r.w + 6, r.h + 6};
    gfx_frame(app, o, radius + 3, 3, app->th.focus);
}

bool ui_button(App *app, int id, Rect r, const char *label, const char *keycap, SDL_Scancode key,
               bool enabled, bool primary, const char *hint)
{
    WState ws = ui_widget(app, id, r, key, enabled, hint);
    if (app->nwidgets > 0 && app->widgets[app->nwidgets - 1].id == id) {
        ui_copy(app->widgets[app->nwidgets - 1].label, sizeof app->widgets[0].label, label);
    }
    const Theme *t = &app->th;
    SDL_Color bg = primary ? t->accent : t->panel;
    SDL_Color fg = primary ? t->accent_text : t->text;
    if (!enabled) {
        bg = t->panel_alt;
        fg = t->text_dim;
    } else if (ws.hover) {
        bg = primary ? gfx_mix(t->accent, t->text, 18) : t->card_hover;
    }
    gfx_rrect(app, r, 6, bg);
    if (!primary || !enabled) {
        gfx_frame(app, r, 6, 1, enabled ? t->border : gfx_mix(t->border, t->panel_alt, 40));
    }
    int lh;
    int capw = 0;
    if (keycap && keycap[0]) {
        capw = gfx_measure(app, FACE_BOLD, TS_SMALL, keycap, NULL) + 12;
    }
    int avail = r.w - 20 - (capw ? capw + 8 : 0);
    int size = TS_BODY;
    int lw = gfx_measure(app, FACE_BOLD, size, label, &lh);
    while (lw > avail && size > TS_SMALL) { /* a smaller face before an ellipsis */
        size--;
        lw = gfx_measure(app, FACE_BOLD, size, label, &lh);
    }
    int tx = r.x + 10;
    if (lw < avail) {
        tx = r.x + 10 + (avail - lw) / 2;
    }
    gfx_text_fit(app, FACE_BOLD, size, fg, tx, r.y + (r.h - lh) / 2, avail, label);
    if (capw) {
        int ch;
        gfx_measure(app, FACE_BOLD, TS_SMALL, keycap, &ch);
        Rect cap = {r.x + r.w - capw - 8, r.y + (r.h - ch - 6) / 2, capw, ch + 6};
        SDL_Color capbg = primary && enabled ? gfx_mix(t->accent, t->accent_text, 22) : t->panel_alt;
        if (!primary && enabled) {
            capbg = t->bg;
        }
        gfx_rrect(app, cap, 4, capbg);
        gfx_frame(app, cap, 4, 1, gfx_mix(fg, bg, 50));
        gfx_text(app, FACE_BOLD, TS_SMALL, fg, cap.x + 6, cap.y + 3, keycap);
    }
    if (ws.focus) {
        focus_ring(app, r, 6);
    }
    return ws.hover;
}

void ui_focus_first(App *app)
{
    for (int i = 0; i < app->nwidgets; i++) {
        if (app->widgets[i].enabled && app->widgets[i].focusable) {
            app->focus = app->widgets[i].id;
            return;
        }
    }
}

void ui_move_focus(App *app, int dx, int dy)
{
    int cur = -1;
    for (int i = 0; i < app->nwidgets; i++) {
        if (app->widgets[i].id == app->focus) {
            cur = i;
        }
    }
    if (app->nwidgets == 0) {
        return;
    }
    if (cur < 0) {
        ui_focus_first(app);
        return;
    }
    if (dx == 2 || dx == -2) { /* Tab order, disabled widgets included so their reason shows */
        int step = dx > 0 ? 1 : -1;
        for (int k = 1; k <= app->nwidgets; k++) {
            int i = (cur + step * k + app->nwidgets * 2) % app->nwidgets;
            if (app->widgets[i].focusable) {
                app->focus = app->widgets[i].id;
                return;
            }
        }
        return;
    }
    const Rect *c = &app->widgets[cur].r;
    int cx = c->x + c->w / 2, cy = c->y + c->h / 2;
    long best = LONG_MAX;
    int pick = -1;
    for (int i = 0; i < app->nwidgets; i++) {
        const Widget *w = &app->widgets[i];
        if (i == cur || !w->focusable) {
            continue;
        }
        int wx = w->r.x + w->r.w / 2, wy = w->r.y + w->r.h / 2;
        long along = (long)(wx - cx) * dx + (long)(wy - cy) * dy;
        if (along <= 0) {
            continue;
        }
        /* overlap on the other axis makes the move natural */
        long across = dx ? labs((long)(wy - cy)) : labs((long)(wx - cx));
        bool overlaps = dx ? (w->r.y < c->y + c->h && c->y < w->r.y + w->r.h)
                           : (w->r.x < c->x + c->w && c->x < w->r.x + w->r.w);
        long score = along + across * (overlaps ? 1 : 4);
        if (score < best) {
            best = score;
            pick = i;
        }
    }
    if (pick >= 0) {
        app->focus = app->widgets[pick].id;
    }
}

/* ---- pieces shared by the screens ------------------------------------------------ */

int ui_header(App *app, const char *title, const char *subtitle)
{
    const Theme *t = &app->th;
    int h = subtitle ? 76 : 56;
    gfx_fill(app, (Rect){0, 0, app->W, h}, t->panel);
    gfx_fill(app, (Rect){0, h - 1, app->W, 1}, t->border);
    gfx_text_fit(app, FACE_BOLD, TS_HEAD, t->text, 24, 14, app->W - 48, title);
    if (subtitle) {
        gfx_text_fit(app, FACE_REGULAR, TS_BODY, t->text_dim, 24, 46, app->W - 48, subtitle);
    }
    return h;
}

/* Shapes that say which role this is without the colour. */
static void role_icon(App *app, int role, float cx, float cy, float r, SDL_Color c)
{
    switch (role) {
    case 0: { /* economic: a diamond */
        float d[8] = {cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy};
        gfx_poly(app, d, 4, c);
        break;
    }
    case 1: /* technical: a square */
        gfx_fill(app, (Rect){(int)(cx - r + 1), (int)(cy - r + 1), (int)(2 * r - 2), (int)(2 * r - 2)}, c);
        break;
    case 2: /* user: a disc */
        gfx_circle(app, cx, cy, r, c);
        break;
    default: { /* coach: a triangle */
        float tri[6] = {cx, cy - r, cx + r, cy + r * 0.8f, cx - r, cy + r * 0.8f};
        gfx_poly(app, tri, 3, c);
        break;
    }
    }
}

void ui_role_badge(App *app, int x, int y, int role, bool with_label, int max_w, int *w_out)
{
    const Theme *t = &app->th;
    const char *label = text_role_short(app->lang, role_from_index(role));
    int h = 20;
    int lw = with_label ? gfx_measure(app, FACE_REGULAR, TS_SMALL, label, NULL) : 0;
    int w = with_label ? lw + 28 : 20;
    if (max_w > 0 && w > max_w) { /* never wider than its card: the label is cut with "…" */
        w = max_w < 20 ? 20 : max_w;
        lw = w - 28;
        with_label = lw > 12;
        w = with_label ? w : 20;
    }
    Rect r = {x, y, w, h};
    gfx_rrect(app, r, 10, gfx_mix(t->role[role], t->card, 80));
    gfx_frame(app, r, 10, 1, t->role[role]);
    role_icon(app, role, (float)x + 10.5f, (float)y + 10, 5, t->role[role]);
    if (with_label) {
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text, x + 20, y + 2, lw + 4, label);
    }
    if (w_out) {
        *w_out = w;
    }
}

void ui_bar(App *app, Rect r, int value, SDL_Color c, bool label)
{
    const Theme *t = &app->th;
    if (value < 0) {
        value = 0;
    }
    if (value > 100) {
        value = 100;
    }
    Rect track = r;
    if (label) {
        track.w -= 34;
    }
    Rect fill = track;
    fill.w = track.w * value / 100;
    gfx_rrect(app, (Rect){track.x + fill.w, track.y, track.w - fill.w, track.h}, 2, t->track);
    if (fill.w > 0) {
        gfx_rrect(app, fill, 2, c);
    }
    if (label) {
        char num[16];
        snprintf(num, sizeof num, "%d", value);
        int th;
        int tw = gfx_measure(app, FACE_BOLD, TS_SMALL, num, &th);
        gfx_text(app, FACE_BOLD, TS_SMALL, t->text, r.x + r.w - tw, r.y + (r.h - th) / 2, num);
    }
}

void ui_tilde(const char *path, char *out, size_t n)
{
    const char *home = plat_env("HOME");
    size_t hl = home ? strlen(home) : 0;
    while (hl > 1 && home[hl - 1] == '/') {
        hl--;
    }
    if (hl > 1 && strncmp(path, home, hl) == 0 && path[hl] == '/') {
        snprintf(out, n, "~%s", path + hl);
    } else {
        ui_copy(out, n, path);
    }
}
