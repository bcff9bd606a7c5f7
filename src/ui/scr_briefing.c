/* The briefing: the situation, the objectives, what the score rewards and the
 * controls. The text column scrolls (wheel, Page Up/Down, arrows). */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ui_strings.h"

enum { W_START = 1, W_BACK, W_SCROLL };

typedef struct Briefing {
    int scroll;     /* logical pixels */
    int content_h;  /* of the text column, last draw */
    int view_h;
} Briefing;

static void b_enter(App *app, void *st)
{
    (void)st;
    app->focus = W_START;
}

static void b_action(App *app, void *st, int id)
{
    (void)st;
    if (id == W_START) {
        app_pop(app);
        screen_board_push(app);
    } else if (id == W_BACK) {
        app_pop(app);
        app_end_game(app);
    }
}

static void b_back(App *app, void *st)
{
    b_action(app, st, W_BACK);
}

static void clamp(Briefing *b)
{
    int max = b->content_h - b->view_h;
    if (b->scroll > max) {
        b->scroll = max;
    }
    if (b->scroll < 0) {
        b->scroll = 0;
    }
}

static bool b_event(App *app, void *st, const SDL_Event *e)
{
    Briefing *b = st;
    (void)app;
    if (e->type == SDL_MOUSEWHEEL) {
        b->scroll -= e->wheel.y * 48;
        clamp(b);
        return true;
    }
    if (e->type == SDL_KEYDOWN) {
        SDL_Scancode sc = e->key.keysym.scancode;
        int step = sc == SDL_SCANCODE_PAGEDOWN ? b->view_h - 40 : sc == SDL_SCANCODE_PAGEUP ? -(b->view_h - 40)
                 : sc == SDL_SCANCODE_DOWN ? 48 : sc == SDL_SCANCODE_UP ? -48 : 0;
        if (step) {
            b->scroll += step;
            clamp(b);
            return true;
        }
    }
    return false;
}

static int section(App *app, int x, int y, int w, const char *title)
{
    gfx_text_fit(app, FACE_BOLD, TS_SUB, app->th.text, x, y, w, title);
    gfx_fill(app, (Rect){x, y + 28, w, 2}, app->th.accent);
    return y + 40;
}

static void b_draw(App *app, void *st)
{
    Briefing *b = st;
    const Theme *t = &app->th;
    const Scenario *s = app->scn;
    Lang L = app->lang;
    char sub[512], seed[64];
    text_fmt(seed, sizeof seed, L, S_SEED, (unsigned long long)app->seed);
    snprintf(sub, sizeof sub, "%s · %d %s · %s", text_str(L, S_BRIEFING), s->weeks, text_str(L, S_WEEKS), seed);
    int top = ui_header(app, s->title, sub);
    int bottom = app->H - UI_HINT_BAR_H;
    int rightw = app->W * 36 / 100;
    Rect col = {32, top + 20, app->W - rightw - 96, bottom - top - 40};
    b->view_h = col.h;
    gfx_clip(app, &col);
    int y = col.y - b->scroll;
    y += gfx_text_wrap(app, FACE_BOLD, TS_BODY, t->text, (Rect){col.x, y, col.w, -1}, s->summary) + 16;
    y += gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text, (Rect){col.x, y, col.w, -1}, s->briefing) + 24;
    y = section(app, col.x, y, col.w, text_str(L, S_OBJECTIVES));
    for (int i = 0; i < s->objective_count; i++) {
        gfx_circle(app, (float)col.x + 6, (float)y + 10, 4, t->accent);
        y += gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text, (Rect){col.x + 20, y, col.w - 20, -1},
                           s->objectives[i]) + 8;
    }
    gfx_clip(app, NULL);
    b->content_h = y + b->scroll - col.y + 8;
    clamp(b);
    if (b->content_h > b->view_h) { /* a scroll bar says there is more */
        int bh = col.h * col.h / b->content_h;
        int by = col.y + (col.h - bh) * b->scroll / (b->content_h - b->view_h);
        gfx_rrect(app, (Rect){col.x + col.w + 12, col.y, 6, col.h}, 3, t->track);
        gfx_rrect(app, (Rect){col.x + col.w + 12, by, 6, bh}, 3, t->text_dim);
    }
    /* right: the score and the controls */
    Rect panel = {app->W - rightw - 24, top + 20, rightw, bottom - top - 40};
    gfx_rrect(app, panel, 10, t->panel);
    gfx_frame(app, panel, 10, 1, t->border);
    int x = panel.x + 20, w = panel.w - 40;
    y = panel.y + 16;
    y = section(app, x, y, w, text_str(L, S_SCORE_REWARDS));
    for (int i = 0; i < SUB_COUNT; i++) {
        if (s->scoring.weights[i] <= 0) {
            continue;
        }
        char wt[16];
        snprintf(wt, sizeof wt, "%d", s->scoring.weights[i]);
        int ww = gfx_measure(app, FACE_BOLD, TS_LABEL, wt, NULL);
        gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text, x, y, w - 50, text_subscore(L, (SubScore)i));
        gfx_text(app, FACE_BOLD, TS_LABEL, t->text, x + w - ww, y, wt);
        y += 22;
    }
    char pm[64];
    text_fmt(pm, sizeof pm, L, S_PASS_MARK, s->scoring.pass_mark);
    gfx_text(app, FACE_BOLD, TS_LABEL, t->accent, x, y + 2, pm);
    y += 26;
    y += gfx_text_wrap(app, FACE_REGULAR, TS_SMALL, t->text, (Rect){x, y, w, 60}, text_str(L, T_PASS_RULE));
    y += 12;
    y = section(app, x, y, w, text_str(L, S_CONTROLS));
    int avail = panel.y + panel.h - 80 - y;
    gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text, (Rect){x, y, w, avail}, text_str(L, S_CONTROLS_TEXT));
    ui_button(app, W_START, (Rect){x, panel.y + panel.h - 64, w * 62 / 100, 44}, text_str(L, S_START), "Enter",
              SDL_SCANCODE_UNKNOWN, true, true, text_str(L, S_START));
    ui_button(app, W_BACK, (Rect){x + w * 62 / 100 + 10, panel.y + panel.h - 64, w - w * 62 / 100 - 10, 44},
              text_str(L, S_BACK), "Esc", SDL_SCANCODE_UNKNOWN, true, false, text_str(L, S_TO_PICKER));
    app->keys_help = text_str(L, S_KEYS_GENERIC);
}

static const ScreenVt VT = {"briefing", false, b_enter, NULL, b_action, b_back, b_event, b_draw, false};

void screen_briefing_push(App *app)
{
    Briefing *b = calloc(1, sizeof *b);
    if (b) {
        app_push(app, &VT, b);
    }
}
