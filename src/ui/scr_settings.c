/* Settings: UI scale, language, full screen, high contrast. Saved at once. */
#include <stdlib.h>

#include "app.h"
#include "ui_strings.h"

enum { W_SCALE = 1, W_LANG, W_FULL, W_CONTRAST, W_BACK };

static const float SCALES[] = {0.75f, 0.9f, 1.0f, 1.1f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f};
enum { NSCALES = sizeof SCALES / sizeof SCALES[0] };

static void st_enter(App *app, void *st)
{
    (void)st;
    app->focus = W_SCALE;
}

static void change(App *app, int id, int dir)
{
    Settings *s = &app->set;
    switch (id) {
    case W_SCALE: {
        int cur = 2;
        for (int i = 0; i < NSCALES; i++) {
            if (SCALES[i] <= app->ui_scale + 0.01f) {
                cur = i;
            }
        }
        cur += dir;
        if (cur < 0) {
            cur = NSCALES - 1;
        }
        if (cur >= NSCALES) {
            cur = 0;
        }
        s->scale = SCALES[cur];
        app->ui_scale = s->scale;
        app_relayout(app);
        break;
    }
    case W_LANG:
        s->lang = (Lang)((app->lang + 1) % LANG_COUNT);
        s->lang_set = true;
        app_set_lang(app, s->lang);
        break;
    case W_FULL:
        s->fullscreen = !s->fullscreen;
        SDL_SetWindowFullscreen(app->win, s->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        app_relayout(app);
        break;
    case W_CONTRAST:
        s->high_contrast = !s->high_contrast;
        app_apply_theme(app);
        break;
    default:
        return;
    }
    settings_save(s, app->pref_dir);
}

static void st_action(App *app, void *st, int id)
{
    (void)st;
    if (id == W_BACK) {
        app_pop(app);
        return;
    }
    change(app, id, 1);
}

static void st_back(App *app, void *st)
{
    (void)st;
    app_pop(app);
}

static bool st_event(App *app, void *st, const SDL_Event *e)
{
    (void)st;
    if (e->type == SDL_KEYDOWN && app->focus >= W_SCALE && app->focus <= W_CONTRAST) {
        SDL_Scancode sc = e->key.keysym.scancode;
        if (sc == SDL_SCANCODE_LEFT || sc == SDL_SCANCODE_RIGHT) {
            change(app, app->focus, sc == SDL_SCANCODE_LEFT ? -1 : 1);
            app->focus_visible = true;
            return true;
        }
    }
    return false;
}

static void row(App *app, int id, int y, const char *label, const char *value, const char *hint)
{
    const Theme *t = &app->th;
    int w = app->W < 860 ? app->W - 80 : 780;
    Rect r = {(app->W - w) / 2, y, w, 64};
    WState ws = ui_widget(app, id, r, SDL_SCANCODE_UNKNOWN, true, hint);
    gfx_rrect(app, r, 10, ws.hover ? t->card_hover : t->card);
    gfx_frame(app, r, 10, 1, t->border);
    gfx_text_fit(app, FACE_BOLD, TS_BODY, t->text, r.x + 20, r.y + 10, r.w / 2, label);
    gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, r.x + 20, r.y + 36, r.w / 2 + 60, hint);
    char v[160];
    snprintf(v, sizeof v, "\xE2\x97\x80  %s  \xE2\x96\xB6", value);
    int vw = gfx_measure(app, FACE_BOLD, TS_BODY, v, NULL);
    gfx_text(app, FACE_BOLD, TS_BODY, t->accent, r.x + r.w - vw - 20, r.y + 22, v);
    if (ws.focus) {
        gfx_frame(app, (Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, 12, 3, t->focus);
    }
}

static void st_draw(App *app, void *st)
{
    (void)st;
    Lang L = app->lang;
    int top = ui_header(app, text_str(L, S_SETTINGS_TITLE), text_str(L, S_SETTINGS_SAVED));
    char scale[32];
    snprintf(scale, sizeof scale, "%d%%", (int)(app->ui_scale * 100 + 0.5f));
    int y = top + 30;
    row(app, W_SCALE, y, text_str(L, S_UI_SCALE), scale, text_str(L, S_SCALE_HINT));
    row(app, W_LANG, y + 80, text_str(L, S_LANGUAGE), text_str(L, T_LANG_NAME), text_str(L, S_LANG_HINT));
    row(app, W_FULL, y + 160, text_str(L, S_FULLSCREEN), text_str(L, app->set.fullscreen ? S_ON : S_OFF),
        text_str(L, S_FULLSCREEN_HINT));
    row(app, W_CONTRAST, y + 240, text_str(L, S_HIGH_CONTRAST), text_str(L, app->set.high_contrast ? S_ON : S_OFF),
        text_str(L, S_CONTRAST_HINT));
    int w = 260;
    ui_button(app, W_BACK, (Rect){(app->W - w) / 2, y + 330, w, 44}, text_str(L, S_BACK), "Esc", SDL_SCANCODE_UNKNOWN,
              true, true, text_str(L, S_BACK));
    app->keys_help = text_str(L, S_KEYS_SETTINGS);
}

static const ScreenVt VT = {"settings", false, st_enter, NULL, st_action, st_back, st_event, st_draw, false};

void screen_settings_push(App *app)
{
    app_push(app, &VT, calloc(1, 1));
}
