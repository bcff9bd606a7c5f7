#define _POSIX_C_SOURCE 200809L
#include "drive.h"

#include <stdlib.h>
#include <string.h>

App *drive_open(const char *scenario, const char *lang, const char *pref_dir, int w, int h)
{
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.scenario = scenario;
    o.lang = lang;
    o.pref_dir = pref_dir;
    o.width = w;
    o.height = h;
    o.hidden = true;
    o.no_resume = true;
    o.scale = 1.0f;
    /* results and the trainee's name go with the settings, never into the
     * home folder of whoever runs the tests */
    if (pref_dir && !getenv("KEYACCOUNTS_DATA_DIR")) {
        setenv("KEYACCOUNTS_DATA_DIR", pref_dir, 1);
    }
    App *app = app_create(&o, stderr);
    if (app) {
        app_pump(app, false);
    }
    return app;
}

void drive_key(App *app, SDL_Scancode sc)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.scancode = sc;
    e.key.keysym.sym = SDL_GetKeyFromScancode(sc);
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    app_pump(app, false);
}

static bool at(App *app, const char *text, int *x, int *y)
{
    const Widget *w = ui_find_label(app, text);
    if (!w || w->r.w == 0) {
        return false;
    }
    int ww, wh;
    SDL_GetWindowSize(app->win, &ww, &wh);
    float k = (float)ww / (float)app->pw; /* window units per pixel */
    *x = (int)((float)(w->r.x + w->r.w / 2) * app->s * k);
    *y = (int)((float)(w->r.y + w->r.h / 2) * app->s * k);
    return true;
}

bool drive_hover(App *app, const char *text)
{
    int x, y;
    if (!at(app, text, &x, &y)) {
        return false;
    }
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    SDL_PushEvent(&e);
    app_pump(app, false);
    return true;
}

bool drive_click(App *app, const char *text)
{
    int x, y;
    if (!at(app, text, &x, &y)) {
        return false;
    }
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    SDL_PushEvent(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    app_pump(app, false);
    return true;
}

const char *drive_screen(const App *app)
{
    return app->depth > 0 ? app->stack[app->depth - 1].vt->name : "(none)";
}

int drive_count(const App *app, ActionKind kind)
{
    if (!app->sim) {
        return 0;
    }
    size_t n;
    const Command *log = sim_log(app->sim, &n);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        k += log[i].kind == kind;
    }
    return k;
}

void drive_text(App *app, const char *utf8)
{
    /* SDL delivers typed text in pieces of at most 31 bytes, whole characters */
    const char *p = utf8;
    while (*p) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        size_t k = 0;
        while (p[k]) {
            size_t clen = 1;
            while (((unsigned char)p[k + clen] & 0xC0) == 0x80) {
                clen++;
            }
            if (k + clen >= sizeof e.text.text) {
                break;
            }
            k += clen;
        }
        memcpy(e.text.text, p, k);
        e.text.text[k] = '\0';
        SDL_PushEvent(&e);
        p += k;
    }
    app_pump(app, false);
}
