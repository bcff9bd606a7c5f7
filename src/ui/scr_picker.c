/* The scenario picker: shipped scenarios and those in the user's folder, with
 * title, industry, length, difficulty and language; or any file by path. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "platform.h"
#include "keyaccounts/scenario.h"
#include "scnfile.h"
#include "ui_strings.h"

enum { MAX_ITEMS = 128, ROW_H = 68 };
enum { W_PLAY = 1, W_OPEN, W_SETTINGS, W_QUIT, W_PATH, W_PATH_GO, W_HISTORY, W_ROW = 100 };

typedef struct Item {
    char path[UI_PATH_BYTES];
    char id[128];
    char title[256];
    char industry[160];
    char summary[1024];
    char lang[16];
    int weeks, difficulty, accounts, people;
    bool user;
} Item;

typedef struct Picker {
    Item *items;
    int count;
    int sel;
    int scroll; /* first row shown */
    bool editing;
    char path[UI_PATH_BYTES];
} Picker;

static void add_file(Picker *p, const char *path, bool user)
{
    if (p->count >= MAX_ITEMS) {
        return;
    }
    char why[256];
    size_t len = 0;
    char *buf = plat_read_file(path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    if (!buf) {
        return;
    }
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(buf, len, path, &d);
    diags_deinit(&d);
    free(buf);
    if (!s) {
        return; /* broken files are for `keyaccounts validate`, not the picker */
    }
    Item *it = &p->items[p->count++];
    memset(it, 0, sizeof *it);
    ui_copy(it->path, sizeof it->path, path);
    ui_copy(it->id, sizeof it->id, s->id);
    ui_copy(it->title, sizeof it->title, s->title);
    ui_copy(it->summary, sizeof it->summary, s->summary);
    ui_copy(it->lang, sizeof it->lang, s->language);
    it->weeks = s->weeks;
    it->difficulty = s->difficulty;
    it->accounts = s->account_count;
    it->user = user;
    for (int a = 0; a < s->account_count; a++) {
        it->people += s->accounts[a].contact_count;
    }
    if (s->account_count > 0) {
        ui_copy(it->industry, sizeof it->industry, s->accounts[0].industry);
    }
    scenario_destroy(s);
}

static void scan_dir(Picker *p, const char *dir, bool user)
{
    PlatList names;
    char why[256];
    if (plat_list(dir, &names, why, sizeof why) != 0) {
        return;
    }
    int n = 0;
    for (size_t k = 0; k < names.count && n < MAX_ITEMS; k++) { /* sorted by name */
        const char *name = names.names[k];
        size_t len = strlen(name);
        if (len > 5 && strcmp(name + len - 5, ".json") == 0 && name[0] != '.') {
            char path[UI_PATH_BYTES];
            snprintf(path, sizeof path, "%s/%s", dir, name);
            add_file(p, path, user);
            n++;
        }
    }
    plat_list_free(&names);
}

static int cmp_items(const void *a, const void *b)
{
    const Item *x = a, *y = b;
    if (x->user != y->user) {
        return x->user ? 1 : -1;
    }
    if (x->difficulty != y->difficulty) {
        return x->difficulty - y->difficulty;
    }
    return strcmp(x->title, y->title);
}

static void p_enter(App *app, void *st)
{
    Picker *p = st;
    p->items = calloc(MAX_ITEMS, sizeof(Item));
    if (!p->items) {
        return;
    }
    scan_dir(p, scnfile_dir(), false);
    if (app->pref_dir[0]) {
        char dir[UI_PATH_BYTES];
        ui_join(dir, sizeof dir, app->pref_dir, "scenarios");
        scan_dir(p, dir, true);
    }
    qsort(p->items, (size_t)p->count, sizeof(Item), cmp_items);
    for (int i = 0; i < p->count; i++) {
        if (strcmp(p->items[i].id, KA_DEFAULT_SCENARIO) == 0) {
            p->sel = i;
        }
    }
    app->focus = W_ROW + p->sel;
}

static void p_exit(App *app, void *st)
{
    Picker *p = st;
    if (p->editing) {
        SDL_StopTextInput();
    }
    (void)app;
    free(p->items);
    free(p);
}

static void open_path(App *app, const char *path)
{
    char why[1024];
    if (!app_start_game(app, path, 1, why, sizeof why)) {
        app_set_status(app, why);
        return;
    }
    screen_briefing_push(app);
}

static void stop_editing(Picker *p)
{
    p->editing = false;
    SDL_StopTextInput();
}

static void p_action(App *app, void *st, int id)
{
    Picker *p = st;
    if (id >= W_ROW) {
        int i = id - W_ROW;
        if (i == p->sel || app->focus_visible) {
            p->sel = i;
            open_path(app, p->items[i].path);
        } else {
            p->sel = i;
        }
        return;
    }
    switch (id) {
    case W_PLAY:
        if (p->count > 0) {
            open_path(app, p->items[p->sel].path);
        }
        break;
    case W_OPEN:
    case W_PATH:
        p->editing = true;
        SDL_StartTextInput();
        app->focus = W_PATH;
        break;
    case W_PATH_GO:
        if (p->path[0]) {
            stop_editing(p);
            open_path(app, p->path);
        }
        break;
    case W_SETTINGS:
        screen_settings_push(app);
        break;
    case W_HISTORY:
        screen_history_push(app);
        break;
    case W_QUIT:
        app_quit(app);
        break;
    default:
        break;
    }
}

static void p_back(App *app, void *st)
{
    Picker *p = st;
    if (p->editing) {
        stop_editing(p);
        return;
    }
    app_quit(app);
}

static bool p_event(App *app, void *st, const SDL_Event *e)
{
    Picker *p = st;
    if (p->editing) {
        if (e->type == SDL_TEXTINPUT) {
            size_t len = strlen(p->path), add = strlen(e->text.text);
            if (len + add < sizeof p->path) {
                memcpy(p->path + len, e->text.text, add + 1);
            }
            return true;
        }
        if (e->type == SDL_KEYDOWN) {
            SDL_Scancode sc = e->key.keysym.scancode;
            if (sc == SDL_SCANCODE_BACKSPACE) {
                size_t len = strlen(p->path);
                while (len > 0 && ((unsigned char)p->path[len - 1] & 0xC0) == 0x80) {
                    len--;
                }
                if (len > 0) {
                    len--;
                }
                p->path[len] = '\0';
                return true;
            }
            if (sc == SDL_SCANCODE_RETURN || sc == SDL_SCANCODE_KP_ENTER) {
                p_action(app, p, W_PATH_GO);
                return true;
            }
            if (sc == SDL_SCANCODE_V && (e->key.keysym.mod & KMOD_CTRL) && SDL_HasClipboardText()) {
                char *clip = SDL_GetClipboardText();
                if (clip) {
                    ui_copy(p->path + strlen(p->path), sizeof p->path - strlen(p->path), clip);
                    SDL_free(clip);
                }
                return true;
            }
            if (sc != SDL_SCANCODE_ESCAPE && sc != SDL_SCANCODE_TAB) {
                return true; /* typing: no shortcuts */
            }
        }
        return false;
    }
    if (e->type == SDL_KEYDOWN && p->count > 0) {
        SDL_Scancode sc = e->key.keysym.scancode;
        bool in_list = app->focus >= W_ROW || app->focus == 0;
        if (in_list && (sc == SDL_SCANCODE_UP || sc == SDL_SCANCODE_DOWN)) {
            int d = sc == SDL_SCANCODE_UP ? -1 : 1;
            if (p->sel + d >= 0 && p->sel + d < p->count) {
                p->sel += d;
            }
            app->focus = W_ROW + p->sel;
            app->focus_visible = true;
            return true;
        }
    }
    if (e->type == SDL_MOUSEWHEEL) {
        p->scroll -= e->wheel.y;
        if (p->scroll < 0) {
            p->scroll = 0;
        }
        if (p->scroll > p->count - 1) {
            p->scroll = p->count > 0 ? p->count - 1 : 0;
        }
        return true;
    }
    return false;
}

static void dots(App *app, int x, int y, int n, int of, SDL_Color c)
{
    for (int i = 0; i < of; i++) {
        if (i < n) {
            gfx_circle(app, (float)(x + i * 14 + 5), (float)y, 5, c);
        } else {
            gfx_ring(app, (float)(x + i * 14 + 5), (float)y, 5, 1.5f, c);
        }
    }
}

static void p_draw(App *app, void *st)
{
    Picker *p = st;
    const Theme *t = &app->th;
    Lang L = app->lang;
    int top = ui_header(app, text_str(L, S_PICKER_TITLE), text_str(L, S_PICKER_SUB));
    int bottom = app->H - UI_HINT_BAR_H;
    int listw = app->W * 50 / 100;
    Rect list = {24, top + 20, listw - 36, bottom - top - 40};
    if (p->count == 0) {
        gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text_dim, list, text_str(L, S_NO_SCENARIOS));
    }
    int rows = list.h / (ROW_H + 8);
    if (rows < 1) {
        rows = 1;
    }
    if (p->sel < p->scroll) {
        p->scroll = p->sel;
    }
    if (p->sel >= p->scroll + rows && app->focus >= W_ROW) {
        p->scroll = p->sel - rows + 1;
    }
    gfx_clip(app, &list);
    for (int i = p->scroll; i < p->count && i < p->scroll + rows; i++) {
        const Item *it = &p->items[i];
        Rect r = {list.x, list.y + (i - p->scroll) * (ROW_H + 8), list.w, ROW_H};
        char hint[UI_HINT_BYTES];
        text_fmt(hint, sizeof hint, L, S_PICK_HINT, it->title);
        WState ws = ui_widget(app, W_ROW + i, r, SDL_SCANCODE_UNKNOWN, true, hint);
        bool sel = i == p->sel;
        gfx_rrect(app, r, 8, sel ? gfx_mix(t->accent, t->card, 86) : ws.hover ? t->card_hover : t->card);
        gfx_frame(app, r, 8, sel ? 2 : 1, sel ? t->accent : t->border);
        if (sel) {
            gfx_rrect(app, (Rect){r.x, r.y, 6, r.h}, 3, t->accent);
        }
        gfx_text_fit(app, FACE_BOLD, TS_SUB, t->text, r.x + 18, r.y + 10, r.w - 100, it->title);
        char meta[512];
        snprintf(meta, sizeof meta, "%s · %d %s · %s%s", it->industry, it->weeks, text_str(L, S_WEEKS),
                 it->lang, it->user ? " · " : "");
        if (it->user) {
            ui_copy(meta + strlen(meta), sizeof meta - strlen(meta), text_str(L, S_USER_FOLDER));
        }
        gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text_dim, r.x + 18, r.y + 38, r.w - 110, meta);
        dots(app, r.x + r.w - 82, r.y + 47, it->difficulty, 5, t->text_dim);
        /* language tag */
        char tag[16];
        ui_copy(tag, sizeof tag, it->lang);
        for (char *c = tag; *c; c++) {
            if (*c >= 'a' && *c <= 'z') {
                *c = (char)(*c - 32);
            }
        }
        Rect tr = {r.x + r.w - 50, r.y + 10, 38, 22};
        gfx_rrect(app, tr, 4, t->panel_alt);
        gfx_text(app, FACE_BOLD, TS_SMALL, t->text, tr.x + 9, tr.y + 3, tag);
        if (ws.focus) {
            gfx_frame(app, (Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, 10, 3, t->focus);
        }
    }
    gfx_clip(app, NULL);
    if (p->count > rows) {
        char more[64];
        snprintf(more, sizeof more, "%d–%d / %d", p->scroll + 1,
                 p->scroll + rows < p->count ? p->scroll + rows : p->count, p->count);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, list.x, bottom - 18, more);
    }
    /* the details of the selection */
    Rect det = {listw, top + 20, app->W - listw - 24, bottom - top - 40};
    gfx_rrect(app, det, 10, t->panel);
    gfx_frame(app, det, 10, 1, t->border);
    int x = det.x + 24, w = det.w - 48, y = det.y + 20;
    if (p->count > 0) {
        const Item *it = &p->items[p->sel];
        y += gfx_text_wrap(app, FACE_BOLD, TS_HEAD, t->text, (Rect){x, y, w, 64}, it->title) + 10;
        char line[512];
        snprintf(line, sizeof line, "%s: %d/5 · %d %s · %s: %d · %s: %s", text_str(L, S_DIFFICULTY),
                 it->difficulty, it->weeks, text_str(L, S_WEEKS), text_str(L, S_ACCOUNTS), it->accounts,
                 text_str(L, S_LANGUAGE), it->lang);
        gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text_dim, x, y, w, line);
        y += 28;
        int maxh = det.y + det.h - 200 - y;
        y += gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text, (Rect){x, y, w, maxh}, it->summary);
        char hint[UI_HINT_BYTES];
        text_fmt(hint, sizeof hint, L, S_PICK_HINT, it->title);
        ui_button(app, W_PLAY, (Rect){x, det.y + det.h - 176, w, 48}, text_str(L, S_PLAY), "Enter",
                  SDL_SCANCODE_UNKNOWN, true, true, hint);
    }
    /* open by path */
    int fy = det.y + det.h - 116;
    if (p->editing) {
        Rect field = {x, fy, w - 130, 40};
        WState ws = ui_widget(app, W_PATH, field, SDL_SCANCODE_UNKNOWN, true, text_str(L, S_OPEN_FILE_HINT));
        (void)ws;
        gfx_rrect(app, field, 6, t->bg);
        gfx_frame(app, field, 6, 2, t->accent);
        char shown[UI_PATH_BYTES + 8];
        snprintf(shown, sizeof shown, "%s|", p->path);
        /* show the end of a long path */
        const char *s = shown;
        while (gfx_measure(app, FACE_REGULAR, TS_BODY, s, NULL) > field.w - 20 && s[1]) {
            s++;
            while (((unsigned char)*s & 0xC0) == 0x80) {
                s++;
            }
        }
        gfx_text(app, FACE_REGULAR, TS_BODY, t->text, field.x + 10, field.y + 10, s);
        ui_button(app, W_PATH_GO, (Rect){x + w - 120, fy, 120, 40}, text_str(L, S_OPEN), NULL,
                  SDL_SCANCODE_UNKNOWN, p->path[0] != '\0', true, text_str(L, S_OPEN_FILE_HINT));
        if (!app->status[0]) {
            ui_copy(app->hint, sizeof app->hint, text_str(L, S_OPEN_FILE_HINT));
        }
    } else {
        ui_button(app, W_OPEN, (Rect){x, fy, w, 40}, text_str(L, S_OPEN_FILE), "O", SDL_SCANCODE_O, true, false,
                  text_str(L, S_OPEN_FILE_HINT));
    }
    int bw = (w - 24) / 3;
    ui_button(app, W_SETTINGS, (Rect){x, det.y + det.h - 60, bw, 40}, text_str(L, S_SETTINGS), "S",
              SDL_SCANCODE_S, !p->editing, false, text_str(L, S_SETTINGS));
    ui_button(app, W_HISTORY, (Rect){x + bw + 12, det.y + det.h - 60, bw, 40}, text_str(L, S_HISTORY), "H",
              SDL_SCANCODE_H, !p->editing, false, text_str(L, S_HISTORY_HINT));
    ui_button(app, W_QUIT, (Rect){x + 2 * (bw + 12), det.y + det.h - 60, bw, 40}, text_str(L, S_QUIT), "Esc",
              SDL_SCANCODE_UNKNOWN, !p->editing, false, text_str(L, S_QUIT));
    app->keys_help = text_str(L, S_KEYS_LIST);
}

static const ScreenVt VT = {"picker", false, p_enter, p_exit, p_action, p_back, p_event, p_draw, false};

void screen_picker_push(App *app)
{
    Picker *p = calloc(1, sizeof *p);
    if (p) {
        app_push(app, &VT, p);
    }
}
