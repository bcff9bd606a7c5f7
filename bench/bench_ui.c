/* Speed of the game window (software renderer, hidden window):
 *   cold start to the first frame of the picker,
 *   a full redraw of an account board with 60 contacts at 1280x720,
 *   resident memory.
 * usage: SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software bench_ui [SCENARIO] */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "app.h"
#include "scnfile.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    const char *scn = argc > 1 ? argv[1] : "massive-lubricants";
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.hidden = true;
    o.no_resume = true;
    o.width = 1280;
    o.height = 720;
    o.scale = 1.0f;
    o.lang = "en";
    o.pref_dir = "/tmp/keyaccounts-bench-ui";
    double t0 = now_ms();
    App *app = app_create(&o, stderr);
    if (!app) {
        return 1;
    }
    app_draw(app);
    double cold = now_ms() - t0;

    /* an account of 60 known people: the scenario's contacts repeated */
    char why[512];
    if (!app_start_game(app, scn, 1, why, sizeof why)) {
        fprintf(stderr, "%s\n", why);
        return 1;
    }
    Account *acc = &app->scn->accounts[0];
    Contact *orig = acc->contacts;
    int orig_n = acc->contact_count;
    enum { N = 60 };
    Contact *many = calloc(N, sizeof *many);
    static char names[N][64];
    for (int i = 0; i < N; i++) {
        many[i] = orig[i % orig_n];
        snprintf(names[i], sizeof names[i], "%s %d", orig[i % orig_n].name, i + 1);
        many[i].name = names[i];
        many[i].department = i % acc->department_count;
        many[i].known = true;
        many[i].present = true;
        many[i].main = i == 0;
        many[i].refer_count = 0;
    }
    acc->contacts = many;
    acc->contact_count = N;
    sim_destroy(app->sim);
    app->sim = sim_create(app->scn, 1);
    screen_board_push(app);

    double first0 = now_ms();
    app_draw(app);
    double first = now_ms() - first0;
    enum { FRAMES = 200 };
    double t1 = now_ms();
    for (int f = 0; f < FRAMES; f++) {
        app_draw(app);
    }
    double per = (now_ms() - t1) / FRAMES;
    /* the same with the renderer's own time excluded is not possible from
     * here; app_draw includes SDL_RenderPresent */
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("cold start to first frame (picker): %.1f ms\n", cold);
    printf("board, %d contacts, 1280x720, software renderer: first draw %.2f ms, redraw %.2f ms (mean of %d)\n", N,
           first, per, FRAMES);
    printf("text cache: %zu strings, %lu rasterised in all\n", textcache_count(app->cache),
           textcache_renders(app->cache));
    printf("resident memory (peak): %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    if (argc > 2) {
        app_screenshot(app, argv[2]);
    }
    /* give the scenario its own contacts back before it is freed */
    acc->contacts = orig;
    acc->contact_count = orig_n;
    app_destroy(app);
    free(many);
    return 0;
}
