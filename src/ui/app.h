/* The game window: one App passed explicitly to everything, a stack of
 * screens (small vtables), and an immediate-mode widget list rebuilt on every
 * draw and consulted by the next event. The only layer that includes SDL. */
#ifndef KEYACCOUNTS_UI_APP_H
#define KEYACCOUNTS_UI_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "keyaccounts/sim.h"
#include "keyaccounts/text.h"
#include "host.h"

enum {
    UI_MAX_SCREENS = 8,
    UI_MAX_WIDGETS = 768,
    UI_HINT_BYTES = 320,
    UI_PATH_BYTES = 4096,
    UI_DESIGN_W = 1280,
    UI_DESIGN_H = 720,
    UI_HINT_BAR_H = 30, /* the status line along the bottom of every screen */
};

/* Text sizes in logical pixels at scale 1 (DESIGN.md section 8). */
enum { TS_SMALL = 13, TS_LABEL = 14, TS_BODY = 16, TS_SUB = 18, TS_HEAD = 22, TS_HUGE = 40 };

typedef enum Face { FACE_REGULAR, FACE_BOLD, FACE_COUNT } Face;

typedef struct Rect {
    int x, y, w, h;
} Rect;

typedef struct Theme {
    SDL_Color bg, panel, panel_alt, card, card_hover, text, text_dim, border, accent, accent_text,
        focus, good, warn, bad, shadow, track, overlay, silhouette;
    SDL_Color role[4]; /* economic, technical, user, coach */
} Theme;

/* One clickable/focusable thing drawn this frame. */
typedef struct Widget {
    int id;
    Rect r;
    SDL_Scancode key;  /* shortcut, or SDL_SCANCODE_UNKNOWN */
    SDL_Keymod mod;    /* required modifier for the shortcut (KMOD_NONE) */
    bool enabled;
    bool focusable;
    char label[64];    /* what it says, for tests and the hint */
} Widget;

typedef struct TextCache TextCache;
typedef struct App App;

typedef struct ScreenVt {
    const char *name;
    bool overlay;                         /* draws over the screen below */
    void (*enter)(App *app, void *st);
    void (*exit)(App *app, void *st);     /* frees st */
    /* A widget was activated (click, Enter on focus, or its shortcut). */
    void (*action)(App *app, void *st, int id);
    /* Esc or the window's back gesture. */
    void (*back)(App *app, void *st);
    /* Raw events the generic handling did not consume (wheel, text input); may be NULL. */
    bool (*event)(App *app, void *st, const SDL_Event *e);
    void (*draw)(App *app, void *st);
    bool no_dim;                          /* an overlay that leaves the screen below undimmed */
} ScreenVt;

typedef struct Screen {
    const ScreenVt *vt;
    void *st;
} Screen;

typedef struct Settings {
    float scale;        /* UI scale, 0.75 .. 2.5 */
    Lang lang;
    bool lang_set;      /* false: follow the system */
    bool fullscreen;
    bool high_contrast;
    int win_w, win_h;
} Settings;

typedef struct AppOptions {
    const char *scenario;   /* open this scenario (briefing) instead of the picker; NULL: picker */
    float scale;            /* 0: from settings */
    const char *lang;       /* NULL: settings or system */
    uint64_t seed;
    bool seed_set;
    const char *pref_dir;   /* settings and autosave folder; NULL: SDL_GetPrefPath */
    int width, height;      /* window size; 0: from settings or the default */
    bool no_resume;         /* do not offer to resume an autosave */
    bool hidden;            /* tests: no window shown */
    int jump_week;          /* play --week N: the expander plays up to week N (jumpstart.h); 0: no */
    const char *known;      /* play --known a,b: contacts known at the start; NULL: none */
} AppOptions;

struct App {
    SDL_Window *win;
    SDL_Renderer *ren;
    TextCache *cache;
    TTF_Font *fonts[FACE_COUNT][128]; /* by face and pixel size */
    SDL_Texture *discs[128];          /* anti-aliased discs by pixel radius, for circles and corners */
    SDL_Texture *rings[128][8];       /* rings by pixel radius and thickness */
    char font_path[FACE_COUNT][UI_PATH_BYTES];
    Theme th;
    Settings set;
    struct {
        uint64_t key;   /* size, radius, colours; 0 = empty */
        SDL_Texture *tex;
        uint64_t used;
    } panels[64];       /* gfx_panel's finished rounded boxes, drawn opaque in one copy */
    uint64_t panel_clock;
    struct {
        uint64_t key;   /* font, width and text, hashed; 0 = empty */
        int bytes;      /* -1: fits whole; else bytes kept before "…" */
    } fits[2048];       /* gfx_text_fit's measurements: shaping text is costly */
    SDL_Color text_bg; /* opaque: text is composited onto it once and copied without
                          blending (much cheaper in software); alpha 0: blended */
    float ui_scale;    /* settings or --scale */
    float s;           /* pixels per logical unit: ui_scale x window fit x DPI */
    int W, H;          /* the window in logical units */
    int pw, ph;        /* the output in pixels */
    Lang lang;
    bool lang_forced;  /* --lang given */
    bool dirty;
    bool running;
    bool hidden;
    char pref_dir[UI_PATH_BYTES];

    Screen stack[UI_MAX_SCREENS];
    int depth;

    Widget widgets[UI_MAX_WIDGETS];
    int nwidgets;
    int focus;          /* widget id, 0 = none */
    int hover;          /* widget id under the pointer, 0 = none */
    int pressed;        /* widget id the left button went down on */
    bool focus_visible; /* the keyboard was used: draw the focus ring */
    int mouse_x, mouse_y;
    char hint[UI_HINT_BYTES];   /* what a click on the hovered/focused widget does */
    char status[UI_HINT_BYTES]; /* a message until the next action */
    bool status_ok;             /* a good-news notice, not a problem */
    const char *keys_help;      /* the screen's shortcuts, shown in the hint bar */

    /* The game in progress: the host's session (host.h), and what the screens
     * read from it. In replay mode there is no session; scn and sim are the
     * replay's own. */
    HostSession *session;
    Scenario *scn;
    Sim *sim;
    char scn_path[UI_PATH_BYTES];
    uint64_t seed;
    int account;        /* the account shown */
    uint64_t frames;    /* frames drawn (tests, benchmarks) */

    /* The session's result (results_ui.c): written once when the debrief opens. */
    bool result_done;           /* this session's result was handled */
    char result_path[UI_PATH_BYTES]; /* where it was saved; "" when not */
    char result_err[512];       /* why it could not be saved; "" when it was */

    /* Hot reload (reload.c): a timer watches the scenario file while a game is open. */
    struct Watch *watch;
    Uint32 ev_reload;           /* the user event the timer pushes when the file changed */
    bool replay_mode;           /* replay --watch: no saving, no reloading */
};

/* ---- app.c -------------------------------------------------------------- */
App *app_create(const AppOptions *opt, FILE *err);
void app_destroy(App *app);
/* Handles every pending event and redraws when something changed; with
 * wait, first blocks until an event arrives. Returns false once the app quits. */
bool app_pump(App *app, bool wait);
void app_draw(App *app);
void app_push(App *app, const ScreenVt *vt, void *st);
void app_pop(App *app);
void app_replace(App *app, const ScreenVt *vt, void *st); /* pop all, push */
Screen *app_top(App *app);
void app_relayout(App *app); /* the window size or scale changed */
void app_set_lang(App *app, Lang lang);
void app_apply_theme(App *app);
/* Starts a session of the scenario at path (the current one is dropped). */
bool app_start_game(App *app, const char *path, uint64_t seed, char *why, size_t whylen);
void app_end_game(App *app);
/* Shows the host's session h (the app takes it over): the screens read scn and
 * sim from it. The previous game ends. */
void app_adopt_session(App *app, HostSession *h);
/* The session is an author's test (jump-started or hot-reloaded), not an
 * attempt: it saves no result. */
bool app_author_session(const App *app);
/* Saves the session to the autosave file. */
void app_autosave(App *app);
void app_quit(App *app);
/* Writes the current frame as a BMP. Returns 0 or -1. */
int app_screenshot(App *app, const char *path);
void app_set_status(App *app, const char *msg);  /* a problem: shown in the warning colour */
void app_set_notice(App *app, const char *msg);  /* good news: shown in the success colour */
/* The game's stack after the session changed under it (a reload): the picker
 * at the bottom, then the board (or the debrief when the session is over). */
void app_show_session(App *app);

/* 0 when a window can be opened; else KA_EXIT_NO_DISPLAY (window.h) after
 * saying so on err. Leaves the video subsystem initialised on success. */
int app_display_check(FILE *err);

/* ---- scr_replay.c: replay RESULT --watch in the window ---------------------- */
/* Loads the result and its scenario and shows the session's start on the
 * board with the replay controls. Returns 0, or 1 after saying why on err. */
int screen_replay_start(App *app, const char *result, const char *scenario, FILE *err);

/* ---- results_ui.c ----------------------------------------------------------- */
/* The session is over: writes its result file once (asking the trainee's name
 * first when none was ever given), as the terminal game does. */
void app_session_finished(App *app);
/* Writes the result with this trainee name ("" none); sets result_path/result_err. */
void app_save_result(App *app, const char *trainee);

/* ---- reload.c ----------------------------------------------------------------- */
void reload_watch_start(App *app); /* watches app->scn_path */
void reload_watch_stop(App *app);
/* Reloads the scenario from its file: on errors the game goes on and the
 * diagnostics are shown; on success the session is replayed on the new
 * version. Returns true when the new version is running. */
bool app_reload(App *app);
/* F6: writes the map of the scenario file into DATA/maps/ID.html and opens it
 * in the browser; the status line says where (or why not). */
bool app_write_map(App *app);

/* ---- widgets.c ---------------------------------------------------------- */
/* Registers a widget for this frame; when it is hovered or focused, hint
 * becomes the status line. Returns its visual state. */
typedef struct WState {
    bool hover, focus, enabled;
} WState;
WState ui_widget(App *app, int id, Rect r, SDL_Scancode key, bool enabled, const char *hint);
/* A button: label, and the shortcut drawn as a key cap at its right. */
bool ui_button(App *app, int id, Rect r, const char *label, const char *keycap, SDL_Scancode key,
               bool enabled, bool primary, const char *hint);
void ui_focus_first(App *app);
const Widget *ui_find(const App *app, int id);
/* The first widget whose label contains text (tests drive the window by it). */
const Widget *ui_find_label(const App *app, const char *text);
/* Moves focus: dx,dy one of the four directions, or Tab order with dx = +-2. */
void ui_move_focus(App *app, int dx, int dy);
/* A path with the home folder written ~ (shorter, the same words on every machine). */
void ui_tilde(const char *path, char *out, size_t n);

/* ---- gfx.c -------------------------------------------------------------- */
int ui_px(const App *app, int v);
void gfx_fill(App *app, Rect r, SDL_Color c);
void gfx_rrect(App *app, Rect r, int radius, SDL_Color c);
void gfx_frame(App *app, Rect r, int radius, int thick, SDL_Color c);
/* A filled rounded box with a border, over a known solid colour `under`: the
 * same pixels as gfx_rrect + gfx_frame, cached as one opaque texture and drawn
 * in one copy (boxes of the same size and colours share it). */
void gfx_panel(App *app, Rect r, int radius, SDL_Color fill, SDL_Color border, int thick, SDL_Color under);
void gfx_line(App *app, float x1, float y1, float x2, float y2, float thick, SDL_Color c);
void gfx_poly(App *app, const float *xy, int n, SDL_Color c);
void gfx_circle(App *app, float cx, float cy, float rad, SDL_Color c);
void gfx_ring(App *app, float cx, float cy, float rad, float thick, SDL_Color c);
void gfx_clip(App *app, const Rect *r); /* NULL: none */
/* Text, in logical units. Returns the width drawn. */
int gfx_text(App *app, Face f, int size, SDL_Color c, int x, int y, const char *s);
/* One line cut with an ellipsis to fit maxw. Returns the width drawn. */
int gfx_text_fit(App *app, Face f, int size, SDL_Color c, int x, int y, int maxw, const char *s);
/* Wrapped to box.w and clipped to box.h. Returns the full height of the text. */
int gfx_text_wrap(App *app, Face f, int size, SDL_Color c, Rect box, const char *s);
int gfx_measure(App *app, Face f, int size, const char *s, int *h);
int gfx_wrap_height(App *app, Face f, int size, int w, const char *s);
int gfx_line_h(App *app, int size);
TTF_Font *gfx_font(App *app, Face f, int size);
bool gfx_fonts_find(App *app, FILE *err);
void gfx_fonts_close(App *app);
void gfx_shapes_clear(App *app); /* drop the shape textures (renderer reset, scale change) */
SDL_Color gfx_mix(SDL_Color a, SDL_Color b, int pct_b);
void theme_init(Theme *t, bool high_contrast);
SDL_Surface *gfx_icon_surface(void);

/* ---- textcache.c ---------------------------------------------------------- */
TextCache *textcache_create(void);
void textcache_destroy(TextCache *c);
void textcache_clear(TextCache *c); /* drops every texture (renderer reset, scale change) */
/* The texture of s in font f, colour c, wrapped at wrap pixels (0: one line).
 * With an opaque bg the text is composited onto it and drawn without blending. */
SDL_Texture *textcache_get(TextCache *c, SDL_Renderer *ren, TTF_Font *f, SDL_Color col, SDL_Color bg,
                           int wrap, const char *s, int *w, int *h);
void textcache_frame(TextCache *c); /* end of a frame: evict what is unused when large */
size_t textcache_count(const TextCache *c);
unsigned long textcache_renders(const TextCache *c); /* strings rasterised so far */

/* ---- settings.c ------------------------------------------------------------- */
void settings_defaults(Settings *s);
/* Reads the settings; true when the file was damaged (then the defaults hold
 * and the caller sets the file aside). */
bool settings_load(Settings *s, const char *dir);
void settings_path(char *buf, size_t n, const char *dir);
int settings_save(const Settings *s, const char *dir);

/* ---- screens ------------------------------------------------------------------- */
void screen_picker_push(App *app);
void screen_briefing_push(App *app);
void screen_board_push(App *app);
void screen_week_push(App *app, size_t journal_from, size_t changes_from);
void screen_debrief_push(App *app);
void screen_settings_push(App *app);
void screen_history_push(App *app);
/* The trainee's name, asked once: done gets the name, or NULL when skipped. */
void screen_name_push(App *app, void (*done)(App *app, const char *name));
/* A dismissable list of diagnostics (`line:col [CODE] path: message`). */
void screen_diags_push(App *app, const char *title, const char *text);
void screen_ideas_push(App *app, int contact); /* contact -1: all ideas, choose a person after */
/* A modal question. on_yes runs when confirmed (ctx passed through). */
void screen_confirm_push(App *app, const char *title, const char *body, const char *yes,
                         const char *no, void (*on_yes)(App *, void *), void (*on_no)(App *, void *),
                         void *ctx);

/* ---- common drawing of screens -------------------------------------------------- */
/* A titled page header; returns the y below it. */
int ui_header(App *app, const char *title, const char *subtitle);
/* A role's colour, icon and (short) label; max_w > 0 caps its width. */
void ui_role_badge(App *app, int x, int y, int role_index, bool with_label, int max_w, int *w_out);
void ui_bar(App *app, Rect r, int value, SDL_Color c, bool label);

#endif
