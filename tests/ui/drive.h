/* Driving the game window from tests with injected SDL events. */
#ifndef KEYACCOUNTS_TESTS_UI_DRIVE_H
#define KEYACCOUNTS_TESTS_UI_DRIVE_H

#include "app.h"

/* Opens the window hidden at w x h; scenario NULL: the picker. */
App *drive_open(const char *scenario, const char *lang, const char *pref_dir, int w, int h);
/* Presses and releases a key (by scancode), then lets the app handle it. */
void drive_key(App *app, SDL_Scancode sc);
/* Clicks the middle of the first widget whose label contains text; false if none. */
bool drive_click(App *app, const char *text);
/* Moves the pointer over a widget (hover), false if none. */
bool drive_hover(App *app, const char *text);
const char *drive_screen(const App *app);
/* Types UTF-8 text (SDL_TEXTINPUT events), then lets the app handle it. */
void drive_text(App *app, const char *utf8);
int drive_count(const App *app, ActionKind kind);

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "%s:%d: check failed: %s (screen %s)\n", __FILE__, __LINE__, #cond, \
                    app ? drive_screen(app) : "-");                                 \
            failures++;                                                             \
        }                                                                           \
    } while (0)

#endif
