/* The monkey: tens of thousands of random input events into the window under
 * the dummy driver, from the picker through whole games: clicks anywhere
 * (often on a widget), keys (Esc, Enter, Tab, arrows, digits, letters, F5),
 * the wheel, window sizes from 1024x640 to 3840x2160, typed text (Latin and
 * Cyrillic), focus changes, up to ten of them between two frames. After each
 * frame it checks the invariants: no
 * crash (ASan/UBSan in the sanitizer build), the screen stack is bounded and
 * never empty while running, and every command in the session's log was
 * accepted by sim_check at its time (the log replayed on a fresh session
 * whenever it grows).
 * At the end it checks that the run went deep enough to mean something: at
 * least MIN_SESSIONS sessions started, MIN_COMMANDS commands applied and
 * MIN_SCREENS different screens reached (each 0 when not given).
 * Seeded and reproducible:
 * usage: monkey [EVENTS] [SEED] [DATADIR] [MIN_SESSIONS MIN_COMMANDS MIN_SCREENS] */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drive.h"
#include "keyaccounts/rng.h"

static int failures;

static uint32_t pick(Rng *r, uint32_t n)
{
    return rng_below(r, n);
}

/* Replays the log on a fresh session: each command must pass sim_check then. */
static bool log_valid(const App *app, size_t *checked)
{
    if (!app->sim) {
        return true;
    }
    size_t n;
    const Command *log = sim_log(app->sim, &n);
    Sim *fresh = sim_create(sim_scenario(app->sim), sim_seed(app->sim));
    if (!fresh) {
        fprintf(stderr, "monkey: sim_create failed for the window's own scenario and seed: the log "
                        "cannot be replayed\n");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        if (sim_check(fresh, log[i]) != REFUSE_NONE || sim_apply(fresh, log[i]) != REFUSE_NONE) {
            fprintf(stderr, "monkey: command %zu of the log was not accepted at its time\n", i + 1);
            ok = false;
        }
    }
    if (ok && sim_score(fresh).total != sim_score(app->sim).total) {
        fprintf(stderr, "monkey: the replayed log scores %d, the window shows %d\n", sim_score(fresh).total,
                sim_score(app->sim).total);
        ok = false;
    }
    *checked += n;
    sim_destroy(fresh);
    return ok;
}

static void push(SDL_Event *e)
{
    SDL_PushEvent(e);
}

/* The names of the different screens seen on the stack so far. */
typedef struct Reached {
    const char *name[48];
    int n;
} Reached;

static void reach(Reached *r, const App *app)
{
    for (int d = 0; d < app->depth; d++) {
        const char *name = app->stack[d].vt->name;
        int i = 0;
        while (i < r->n && strcmp(r->name[i], name) != 0) {
            i++;
        }
        if (i == r->n && r->n < (int)(sizeof r->name / sizeof r->name[0])) {
            r->name[r->n++] = name;
        }
    }
}

int main(int argc, char **argv)
{
    long events = argc > 1 ? atol(argv[1]) : 20000;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : (uint64_t)time(NULL);
    const char *dir = argc > 3 ? argv[3] : "monkey-data";
    long min_sessions = argc > 6 ? atol(argv[4]) : 0;
    long min_commands = argc > 6 ? atol(argv[5]) : 0;
    long min_screens = argc > 6 ? atol(argv[6]) : 0;
    fprintf(stderr, "monkey: %ld events, seed %llu (rerun: monkey %ld %llu DIR)\n", events,
            (unsigned long long)seed, events, (unsigned long long)seed);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    if (system(cmd) != 0) {
        return 2;
    }
    setenv("KEYACCOUNTS_DATA_DIR", dir, 1);
    Rng rng;
    rng_seed(&rng, seed, 7);
    App *app = drive_open(NULL, "en", dir, 1280, 720);
    CHECK(app != NULL);
    if (!app) {
        return 1;
    }
    static const SDL_Scancode KEYS[] = {
        SDL_SCANCODE_ESCAPE, SDL_SCANCODE_RETURN, SDL_SCANCODE_TAB, SDL_SCANCODE_LEFT, SDL_SCANCODE_RIGHT,
        SDL_SCANCODE_UP, SDL_SCANCODE_DOWN, SDL_SCANCODE_SPACE, SDL_SCANCODE_1, SDL_SCANCODE_2, SDL_SCANCODE_3,
        SDL_SCANCODE_4, SDL_SCANCODE_5, SDL_SCANCODE_6, SDL_SCANCODE_7, SDL_SCANCODE_8, SDL_SCANCODE_E,
        SDL_SCANCODE_I, SDL_SCANCODE_A, SDL_SCANCODE_R, SDL_SCANCODE_N, SDL_SCANCODE_H, SDL_SCANCODE_S,
        SDL_SCANCODE_O, SDL_SCANCODE_P, SDL_SCANCODE_PAGEUP, SDL_SCANCODE_PAGEDOWN, SDL_SCANCODE_HOME,
        SDL_SCANCODE_END, SDL_SCANCODE_BACKSPACE, SDL_SCANCODE_F2, SDL_SCANCODE_F5, SDL_SCANCODE_V,
    };
    static const char *const TEXT[] = {"a", "Z", "7", " ", "Анна", "ё", "Пётр Ильич", "<b>", "%s%n", "é", "x/y"};
    long sessions = 0, quits = 0, commands = 0, over = 0;
    size_t checked = 0, last_n = 0, last_checked_n = 0;
    bool last_over = false;
    int max_depth = 0;
    const Sim *last_sim = NULL;
    Reached reached = {{0}, 0};
    long batch = 0;
    for (long i = 0; i < events && failures == 0; i++) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        uint32_t kind = pick(&rng, 100);
        int ww, wh;
        SDL_GetWindowSize(app->win, &ww, &wh);
        if (kind < 30) { /* a click: half on a widget, half anywhere */
            int x = (int)pick(&rng, (uint32_t)ww), y = (int)pick(&rng, (uint32_t)wh);
            if (pick(&rng, 2) == 0 && app->nwidgets > 0) {
                const Widget *w = &app->widgets[pick(&rng, (uint32_t)app->nwidgets)];
                float k = (float)ww / (float)app->pw;
                x = (int)((float)(w->r.x + w->r.w / 2) * app->s * k);
                y = (int)((float)(w->r.y + w->r.h / 2) * app->s * k);
            }
            e.type = SDL_MOUSEMOTION;
            e.motion.x = x;
            e.motion.y = y;
            push(&e);
            e.type = SDL_MOUSEBUTTONDOWN;
            e.button.button = pick(&rng, 10) == 0 ? SDL_BUTTON_RIGHT : SDL_BUTTON_LEFT;
            e.button.x = x;
            e.button.y = y;
            e.button.clicks = 1;
            push(&e);
            e.type = SDL_MOUSEBUTTONUP;
            push(&e);
        } else if (kind < 75) { /* a key, sometimes with a modifier */
            SDL_Scancode sc = KEYS[pick(&rng, sizeof KEYS / sizeof KEYS[0])];
            e.type = SDL_KEYDOWN;
            e.key.keysym.scancode = sc;
            e.key.keysym.sym = SDL_GetKeyFromScancode(sc);
            uint32_t m = pick(&rng, 12);
            e.key.keysym.mod = m == 0 ? KMOD_LSHIFT : m == 1 ? KMOD_LCTRL : KMOD_NONE;
            push(&e);
            e.type = SDL_KEYUP;
            push(&e);
        } else if (kind < 82) { /* the wheel */
            e.type = SDL_MOUSEWHEEL;
            e.wheel.y = (int)pick(&rng, 7) - 3;
            push(&e);
        } else if (kind < 90) { /* typed text */
            e.type = SDL_TEXTINPUT;
            snprintf(e.text.text, sizeof e.text.text, "%s", TEXT[pick(&rng, sizeof TEXT / sizeof TEXT[0])]);
            push(&e);
        } else if (kind < 93) { /* a new window size */
            int w = 1024 + (int)pick(&rng, 3840 - 1024 + 1), h = 640 + (int)pick(&rng, 2160 - 640 + 1);
            SDL_SetWindowSize(app->win, w, h);
        } else if (kind < 96) { /* focus lost or gained, the pointer leaves */
            static const Uint8 WE[] = {SDL_WINDOWEVENT_FOCUS_LOST, SDL_WINDOWEVENT_FOCUS_GAINED,
                                       SDL_WINDOWEVENT_LEAVE, SDL_WINDOWEVENT_EXPOSED};
            e.type = SDL_WINDOWEVENT;
            e.window.windowID = SDL_GetWindowID(app->win);
            e.window.event = WE[pick(&rng, 4)];
            push(&e);
        } else { /* the pointer moves */
            e.type = SDL_MOUSEMOTION;
            e.motion.x = (int)pick(&rng, (uint32_t)ww);
            e.motion.y = (int)pick(&rng, (uint32_t)wh);
            push(&e);
        }
        /* several events arrive between two frames, as when a user is quick */
        if (batch-- > 0) {
            continue;
        }
        batch = (long)pick(&rng, 10);
        app_pump(app, false);
        if (!app->running) {
            /* Quit or Esc on the picker: open it again, as a user would */
            quits++;
            app->running = true;
            if (app->depth == 0) {
                screen_picker_push(app);
            }
            app_pump(app, false);
        }
        if (app->depth > max_depth) {
            max_depth = app->depth;
        }
        CHECK(app->depth >= 1 && app->depth <= UI_MAX_SCREENS);
        CHECK(app->W >= 100 && app->H >= 100);
        CHECK(!strstr(app->status, "ssert"));
        reach(&reached, app);
        /* A new session: another Sim, or the same address reused with a shorter log. */
        size_t n = 0;
        if (app->sim) {
            sim_log(app->sim, &n);
        }
        if (app->sim != last_sim || n < last_n) {
            commands += (long)last_n;
            sessions += app->sim != NULL;
            last_sim = app->sim;
            last_over = false;
        }
        last_n = n;
        if (app->sim && sim_over(app->sim) && !last_over) {
            over++;
            last_over = true;
        }
        if (app->sim && (n != last_checked_n || i % 64 == 0 || sim_over(app->sim))) {
            last_checked_n = n;
            CHECK(log_valid(app, &checked));
        }
    }
    commands += (long)last_n;
    fprintf(stderr,
            "monkey: %ld events, %ld sessions (%ld played to the end), %ld commands applied, %ld quits, "
            "deepest stack %d, %zu logged commands checked\n",
            events, sessions, over, commands, quits, max_depth, checked);
    fprintf(stderr, "monkey: %d screens reached:", reached.n);
    for (int i = 0; i < reached.n; i++) {
        fprintf(stderr, " %s", reached.name[i]);
    }
    fprintf(stderr, "\n");
    if (sessions < min_sessions || commands < min_commands || reached.n < min_screens) {
        fprintf(stderr,
                "monkey: too shallow to mean anything: %ld sessions (at least %ld), %ld commands (at least "
                "%ld), %d screens (at least %ld)\n",
                sessions, min_sessions, commands, min_commands, reached.n, min_screens);
        failures++;
    }
    app_destroy(app);
    if (failures) {
        fprintf(stderr, "monkey: %d check(s) failed (seed %llu)\n", failures, (unsigned long long)seed);
        return 1;
    }
    return 0;
}
