/* The window's text: string tables complete in both languages with matching
 * format conversions, rendered text cached (a redraw rasterises nothing),
 * layout inside the window from 1024x640 to 4K, Russian plurals. */
#include <string.h>

#include "drive.h"
#include "ui_strings.h"

static int failures;

/* The printf conversions of a format, e.g. "%d%s". */
static void conversions(const char *f, char *out, size_t n)
{
    size_t k = 0;
    for (; *f && k + 2 < n; f++) {
        if (*f == '%') {
            f++;
            if (*f == '%') {
                continue;
            }
            while (*f && strchr("+-# 0123456789.l", *f)) {
                if (*f == 'l') {
                    out[k++] = 'l';
                }
                f++;
            }
            out[k++] = *f;
        }
    }
    out[k] = '\0';
}

static void widgets_inside(App *app, const char *where)
{
    for (int i = 0; i < app->nwidgets; i++) {
        const Rect *r = &app->widgets[i].r;
        if (r->w == 0) {
            continue; /* a shortcut without a place */
        }
        if (r->x < 0 || r->y < 0 || r->x + r->w > app->W || r->y + r->h > app->H) {
            fprintf(stderr, "%s: widget '%s' at %d,%d %dx%d outside %dx%d\n", where, app->widgets[i].label, r->x,
                    r->y, r->w, r->h, app->W, app->H);
            failures++;
        }
    }
}

int main(void)
{
    App *app = NULL;
    for (int s = 0; s < TEXT_KEY_COUNT; s++) {
        const char *en = text_str(LANG_EN, (TextKey)s), *ru = text_str(LANG_RU, (TextKey)s);
        if (!en[0] || !ru[0]) {
            fprintf(stderr, "string %d is missing in %s\n", s, en[0] ? "Russian" : "English");
            failures++;
            continue;
        }
        char a[32], b[32];
        conversions(en, a, sizeof a);
        conversions(ru, b, sizeof b);
        if (strcmp(a, b) != 0) {
            fprintf(stderr, "string %d: conversions differ: '%s' vs '%s'\n", s, en, ru);
            failures++;
        }
    }
    char buf[64];
    text_hours(buf, sizeof buf, LANG_RU, 1, true);
    CHECK(strcmp(buf, "остался 1 час") == 0);
    text_hours(buf, sizeof buf, LANG_RU, 3, true);
    CHECK(strcmp(buf, "осталось 3 часа") == 0);
    text_hours(buf, sizeof buf, LANG_RU, 11, true);
    CHECK(strcmp(buf, "осталось 11 часов") == 0);
    text_hours(buf, sizeof buf, LANG_RU, 22, false);
    CHECK(strcmp(buf, "22 часа") == 0);
    text_hours(buf, sizeof buf, LANG_EN, 1, true);
    CHECK(strcmp(buf, "1 hour left") == 0);

    app = drive_open("massive-lubricants", "en", "ui-text-pref", 1280, 720);
    CHECK(app != NULL);
    if (!app) {
        return 1;
    }
    drive_key(app, SDL_SCANCODE_RETURN);
    CHECK(strcmp(drive_screen(app), "board") == 0);
    /* a redraw of the same board rasterises no text */
    app_draw(app);
    unsigned long before = textcache_renders(app->cache);
    app_draw(app);
    app_draw(app);
    CHECK(textcache_renders(app->cache) == before);
    CHECK(textcache_count(app->cache) > 10);
    /* an idle window does not redraw: no event, no frame */
    uint64_t frames = app->frames;
    app_pump(app, false);
    CHECK(app->frames == frames);
    widgets_inside(app, "1280x720");
    /* resizing: the layout follows, crisp at the new size */
    static const int SIZES[][2] = {{1024, 640}, {1920, 1080}, {3840, 2160}, {1366, 768}};
    for (size_t k = 0; k < sizeof SIZES / sizeof SIZES[0]; k++) {
        SDL_SetWindowSize(app->win, SIZES[k][0], SIZES[k][1]);
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_WINDOWEVENT;
        e.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
        e.window.data1 = SIZES[k][0];
        e.window.data2 = SIZES[k][1];
        SDL_PushEvent(&e);
        app_pump(app, false);
        char where[64];
        snprintf(where, sizeof where, "%dx%d", SIZES[k][0], SIZES[k][1]);
        CHECK(app->pw == SIZES[k][0]);
        CHECK(app->W >= 1024 && app->H >= 600);
        widgets_inside(app, where);
    }
    app_destroy(app);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    fprintf(stderr, "ui text tests passed\n");
    return 0;
}
