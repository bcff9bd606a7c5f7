/* A modal question over the current screen: "End the week with hours left?".
 * Exactly one of on_yes / on_no runs, after the dialog is gone. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ui_strings.h"

enum { W_YES = 1, W_NO };

typedef struct Confirm {
    char title[256];
    char body[1024];
    char yes[96];
    char no[96];
    void (*on_yes)(App *, void *);
    void (*on_no)(App *, void *);
    void *ctx;
    bool answered;
} Confirm;

static void finish(App *app, Confirm *c, bool yes)
{
    void (*cb)(App *, void *) = yes ? c->on_yes : c->on_no;
    void *ctx = c->ctx;
    c->answered = true;
    app_pop(app);
    if (cb) {
        cb(app, ctx);
    }
}

static void c_exit(App *app, void *st)
{
    Confirm *c = st;
    if (!c->answered && c->on_no) {
        c->on_no(app, c->ctx);
    }
    free(c);
}

static void c_enter(App *app, void *st)
{
    (void)st;
    app->focus = W_YES;
}

static void c_action(App *app, void *st, int id)
{
    finish(app, st, id == W_YES);
}

static void c_back(App *app, void *st)
{
    finish(app, st, false);
}

static void c_draw(App *app, void *st)
{
    Confirm *c = st;
    const Theme *t = &app->th;
    int w = app->W < 640 ? app->W - 40 : 600;
    int pad = 28;
    int bh = gfx_wrap_height(app, FACE_REGULAR, TS_BODY, w - 2 * pad, c->body);
    int th = gfx_wrap_height(app, FACE_BOLD, TS_HEAD, w - 2 * pad, c->title);
    int h = pad + th + 14 + bh + 28 + 44 + pad;
    Rect box = {(app->W - w) / 2, (app->H - UI_HINT_BAR_H - h) / 2, w, h};
    gfx_rrect(app, (Rect){box.x + 2, box.y + 4, box.w, box.h}, 12, t->shadow);
    gfx_rrect(app, box, 12, t->panel);
    gfx_frame(app, box, 12, 2, t->border);
    gfx_text_wrap(app, FACE_BOLD, TS_HEAD, t->text, (Rect){box.x + pad, box.y + pad, w - 2 * pad, th}, c->title);
    gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text,
                  (Rect){box.x + pad, box.y + pad + th + 14, w - 2 * pad, bh}, c->body);
    int bw = (w - 2 * pad - 16) / 2;
    int by = box.y + h - pad - 44;
    ui_button(app, W_NO, (Rect){box.x + pad, by, bw, 44}, c->no, "Esc", SDL_SCANCODE_UNKNOWN, true, false,
              c->no);
    ui_button(app, W_YES, (Rect){box.x + pad + bw + 16, by, bw, 44}, c->yes, "Enter", SDL_SCANCODE_UNKNOWN,
              true, true, c->yes);
    app->keys_help = text_str(app->lang, S_KEYS_GENERIC);
}

static bool c_event(App *app, void *st, const SDL_Event *e)
{
    /* Enter answers yes wherever the focus is; Esc (the generic back) says no */
    if (e->type == SDL_KEYDOWN && (e->key.keysym.scancode == SDL_SCANCODE_RETURN
                                   || e->key.keysym.scancode == SDL_SCANCODE_KP_ENTER)) {
        finish(app, st, app->focus != W_NO);
        return true;
    }
    return false;
}

static const ScreenVt VT = {"confirm", true, c_enter, c_exit, c_action, c_back, c_event, c_draw, false};

void screen_confirm_push(App *app, const char *title, const char *body, const char *yes, const char *no,
                         void (*on_yes)(App *, void *), void (*on_no)(App *, void *), void *ctx)
{
    Confirm *c = calloc(1, sizeof *c);
    if (!c) {
        if (on_no) {
            on_no(app, ctx);
        }
        return;
    }
    ui_copy(c->title, sizeof c->title, title);
    ui_copy(c->body, sizeof c->body, body);
    ui_copy(c->yes, sizeof c->yes, yes);
    ui_copy(c->no, sizeof c->no, no);
    c->on_yes = on_yes;
    c->on_no = on_no;
    c->ctx = ctx;
    app_push(app, &VT, c);
}
