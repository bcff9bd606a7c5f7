/* The trainee's name for the result files, asked once (the answer, a skip
 * included, is remembered in trainee.txt like the terminal game's). A text
 * field fed by SDL_TEXTINPUT: UTF-8, any layout (Russian too), Backspace
 * removes a whole character, Ctrl+V pastes, Enter accepts, Esc skips. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "results.h"
#include "ui_strings.h"

enum { W_SAVE = 1, W_SKIP, W_FIELD };
enum { NAME_MAX_BYTES = 200 };

typedef struct NameDlg {
    char name[NAME_MAX_BYTES + 8];
    void (*done)(App *app, const char *name);
    bool bad;
} NameDlg;

static void n_enter(App *app, void *st)
{
    (void)st;
    SDL_StartTextInput();
    app->focus = W_FIELD;
}

static void n_exit(App *app, void *st)
{
    (void)app;
    SDL_StopTextInput();
    free(st);
}

/* Trims spaces; the name as it will be saved. */
static void trimmed(const char *in, char *out, size_t n)
{
    while (*in == ' ') {
        in++;
    }
    ui_copy(out, n, in);
    size_t len = strlen(out);
    while (len > 0 && out[len - 1] == ' ') {
        out[--len] = '\0';
    }
}

static void finish(App *app, NameDlg *d, bool accept)
{
    char name[sizeof d->name];
    trimmed(d->name, name, sizeof name);
    if (accept && !results_name_ok(name)) {
        d->bad = true;
        return;
    }
    void (*done)(App *, const char *) = d->done;
    app_pop(app); /* frees d */
    if (done) {
        done(app, accept ? name : NULL);
    }
}

static void n_action(App *app, void *st, int id)
{
    if (id == W_SAVE) {
        finish(app, st, true);
    } else if (id == W_SKIP) {
        finish(app, st, false);
    }
}

static void n_back(App *app, void *st)
{
    finish(app, st, false);
}

static void append(NameDlg *d, const char *text)
{
    size_t len = strlen(d->name);
    for (const char *p = text; *p; p++) {
        if ((unsigned char)*p < 0x20) {
            continue; /* a pasted line break or tab */
        }
        if (len + 1 > NAME_MAX_BYTES) {
            break;
        }
        d->name[len++] = *p;
    }
    /* never keep half a character */
    while (len > 0 && ((unsigned char)d->name[len - 1] & 0x80)) {
        size_t start = len - 1;
        while (start > 0 && ((unsigned char)d->name[start] & 0xC0) == 0x80) {
            start--;
        }
        unsigned char lead = (unsigned char)d->name[start];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (len - start >= need) {
            break;
        }
        len = start;
    }
    d->name[len] = '\0';
    d->bad = false;
}

static bool n_event(App *app, void *st, const SDL_Event *e)
{
    NameDlg *d = st;
    if (e->type == SDL_TEXTINPUT) {
        append(d, e->text.text);
        return true;
    }
    if (e->type != SDL_KEYDOWN) {
        return false;
    }
    SDL_Scancode sc = e->key.keysym.scancode;
    if (sc == SDL_SCANCODE_RETURN || sc == SDL_SCANCODE_KP_ENTER) {
        finish(app, d, app->focus != W_SKIP);
        return true;
    }
    if (sc == SDL_SCANCODE_BACKSPACE) {
        size_t len = strlen(d->name);
        while (len > 0 && ((unsigned char)d->name[len - 1] & 0xC0) == 0x80) {
            len--;
        }
        if (len > 0) {
            len--;
        }
        d->name[len] = '\0';
        d->bad = false;
        return true;
    }
    if (sc == SDL_SCANCODE_V && (e->key.keysym.mod & KMOD_CTRL)) {
        if (SDL_HasClipboardText()) {
            char *clip = SDL_GetClipboardText();
            if (clip) {
                append(d, clip);
                SDL_free(clip);
            }
        }
        return true;
    }
    if (sc == SDL_SCANCODE_ESCAPE || sc == SDL_SCANCODE_TAB) {
        return false; /* the generic back and focus moves */
    }
    if (sc == SDL_SCANCODE_SPACE && app->focus != W_FIELD) {
        return false; /* Space activates a focused button */
    }
    return true; /* typing: letters are not shortcuts here */
}

static void n_draw(App *app, void *st)
{
    NameDlg *d = st;
    const Theme *t = &app->th;
    Lang L = app->lang;
    int w = app->W < 700 ? app->W - 40 : 640;
    int pad = 28;
    const char *title = text_str(L, S_NAME_TITLE), *body = text_str(L, S_NAME_BODY);
    int th = gfx_wrap_height(app, FACE_BOLD, TS_HEAD, w - 2 * pad, title);
    int bh = gfx_wrap_height(app, FACE_REGULAR, TS_BODY, w - 2 * pad, body);
    const char *bad = text_str(L, S_NAME_BAD);
    int eh = d->bad ? gfx_wrap_height(app, FACE_BOLD, TS_LABEL, w - 2 * pad, bad) + 8 : 0;
    int h = pad + th + 12 + bh + 20 + 44 + 12 + eh + 20 + 44 + pad;
    Rect box = {(app->W - w) / 2, (app->H - UI_HINT_BAR_H - h) / 2, w, h};
    gfx_rrect(app, (Rect){box.x + 2, box.y + 4, box.w, box.h}, 12, t->shadow);
    gfx_rrect(app, box, 12, t->panel);
    gfx_frame(app, box, 12, 2, t->border);
    int x = box.x + pad, y = box.y + pad, iw = w - 2 * pad;
    gfx_text_wrap(app, FACE_BOLD, TS_HEAD, t->text, (Rect){x, y, iw, th}, title);
    y += th + 12;
    gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text, (Rect){x, y, iw, bh}, body);
    y += bh + 20;
    Rect field = {x, y, iw, 44};
    WState ws = ui_widget(app, W_FIELD, field, SDL_SCANCODE_UNKNOWN, true, text_str(L, S_NAME_HINT));
    gfx_rrect(app, field, 6, t->bg);
    gfx_frame(app, field, 6, 2, d->bad ? t->bad : ws.focus || app->focus == W_FIELD ? t->accent : t->border);
    char shown[sizeof d->name + 8];
    snprintf(shown, sizeof shown, "%s|", d->name);
    const char *s = shown; /* the end of a long name stays in view */
    while (gfx_measure(app, FACE_REGULAR, TS_BODY, s, NULL) > field.w - 24 && s[1]) {
        s++;
        while (((unsigned char)*s & 0xC0) == 0x80) {
            s++;
        }
    }
    gfx_text(app, FACE_REGULAR, TS_BODY, t->text, field.x + 12, field.y + 11, s);
    y += 44 + 12;
    if (d->bad) {
        gfx_text_wrap(app, FACE_BOLD, TS_LABEL, t->bad, (Rect){x, y, iw, eh}, bad);
        y += eh;
    }
    y += 20;
    int bw = (iw - 16) / 2;
    ui_button(app, W_SKIP, (Rect){x, y, bw, 44}, text_str(L, S_NAME_SKIP), "Esc", SDL_SCANCODE_UNKNOWN, true, false,
              text_str(L, S_NAME_SKIP_HINT));
    char trimmed_name[sizeof d->name];
    trimmed(d->name, trimmed_name, sizeof trimmed_name);
    ui_button(app, W_SAVE, (Rect){x + bw + 16, y, bw, 44}, text_str(L, S_NAME_SAVE), "Enter", SDL_SCANCODE_UNKNOWN,
              trimmed_name[0] != '\0', true, text_str(L, S_NAME_SAVE_HINT));
    app->keys_help = text_str(L, S_KEYS_NAME);
    if (!app->hint[0]) {
        ui_copy(app->hint, sizeof app->hint, text_str(L, S_NAME_HINT));
    }
}

static const ScreenVt VT = {"name", true, n_enter, n_exit, n_action, n_back, n_event, n_draw, false};

void screen_name_push(App *app, void (*done)(App *app, const char *name))
{
    NameDlg *d = calloc(1, sizeof *d);
    if (!d) {
        if (done) {
            done(app, NULL);
        }
        return;
    }
    d->done = done;
    app_push(app, &VT, d);
}
