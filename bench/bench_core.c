/* Benchmarks of the engine (not a test): games per second for each reference
 * strategy on a scenario, and load + validate time for generated scenarios of
 * growing size. Usage: bench_core SCENARIO [SECONDS_PER_MEASURE] */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "keyaccounts/bots.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/sim.h"
#include "../tests/slurp.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct Buf {
    char *p;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Buf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = b->cap * 2 + (size_t)n;
        b->p = realloc(b->p, b->cap);
    }
}

/* A valid scenario with `contacts` people (each ~330 bytes) and `weeks` weeks. */
static char *generate(int contacts, int weeks, size_t *len)
{
    Buf b = {malloc(1 << 16), 0, 1 << 16};
    put(&b, "{\"format_version\":1,\"id\":\"gen\",\"title\":\"Generated\",\"summary\":\"s\","
            "\"briefing\":\"b\",\"objectives\":[\"o\"],\"seller\":\"S\",\"weeks\":%d,"
            "\"products\":[{\"id\":\"p\",\"name\":\"P\"}],\"accounts\":[{\"id\":\"a\",\"name\":\"A\","
            "\"industry\":\"I\",\"employees\":5000,\"description\":\"d\",\"baseline\":100000,"
            "\"potential\":900000,\"growth_target\":300000,"
            "\"departments\":[{\"id\":\"d1\",\"name\":\"One\"},{\"id\":\"d2\",\"name\":\"Two\"}],"
            "\"needs\":[{\"id\":\"n1\",\"text\":\"Need one\",\"research\":true},{\"id\":\"n2\",\"text\":\"Need two\"}],"
            "\"contacts\":[", weeks);
    for (int c = 0; c < contacts; c++) {
        put(&b, "%s{\"id\":\"c%d\",\"name\":\"Person Number %d\",\"title\":\"Engineer\",\"department\":\"d%d\","
                "\"roles\":[\"%s\"],\"influence\":%d,\"mode\":\"growth\",\"known\":%s,\"main\":%s,"
                "\"findable\":%s,\"needs\":[\"n%d\"],\"refers\":[\"c%d\"],"
                "\"lines\":{\"greeting\":\"Hello there, good to see you again.\",\"pitch_yes\":\"Yes, let us try it.\"}}",
            c ? "," : "", c, c, 1 + c % 2, c % 3 == 0 ? "technical_buyer" : c % 3 == 1 ? "user_buyer" : "economic_buyer",
            1 + c % 5, c == 0 ? "true" : "false", c == 0 ? "true" : "false", c % 7 == 0 ? "true" : "false",
            1 + c % 2, (c + 1) % contacts);
    }
    put(&b, "],\"ideas\":[{\"id\":\"i1\",\"title\":\"Idea\",\"description\":\"d\",\"product\":\"p\","
            "\"needs\":[\"n1\"],\"value\":50000,\"level\":\"business\",\"approvals\":[\"economic_buyer\"]},"
            "{\"id\":\"i2\",\"title\":\"Idea 2\",\"description\":\"d\",\"product\":\"p\",\"needs\":[\"n2\"],"
            "\"value\":30000,\"level\":\"product\"}]}]}");
    *len = b.len;
    return b.p;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Loads the same text repeatedly; reports the fastest and the median run (on
 * a shared machine noise only ever adds time, so the fastest is the cost). */
static void bench_load(int contacts, double budget)
{
    enum { MAX_SAMPLES = 400 };
    size_t len;
    char *text = generate(contacts, 12, &len);
    double samples[MAX_SAMPLES];
    int runs = 0;
    double start = now();
    do {
        double t0 = now();
        Diagnostics d;
        diags_init(&d);
        Scenario *s = scn_parse(text, len, "gen.json", &d);
        if (!s) {
            diags_print(&d, "gen.json", stderr);
            exit(1);
        }
        scenario_destroy(s);
        diags_deinit(&d);
        samples[runs++] = (now() - t0) * 1000;
    } while (now() - start < budget && runs < MAX_SAMPLES);
    qsort(samples, (size_t)runs, sizeof samples[0], cmp_double);
    double best = samples[0], median = samples[runs / 2];
    printf("load+validate  contacts %6d  %8.1f KB  best %7.2f ms  median %7.2f ms  %6.1f MB/s (best)\n", contacts,
           len / 1024.0, best, median, (double)len / (1024.0 * 1024.0) / (best / 1000));
    free(text);
}

static void bench_games(const Scenario *s, BotKind bot, double budget, const char *label)
{
    Sim *sim = sim_create(s, 1);
    long games = 0;
    double start = now(), t;
    do {
        for (int k = 0; k < 100; k++) {
            sim_reset(sim, (uint64_t)games);
            bot_play(sim, bot, (uint64_t)games);
            games++;
        }
        t = now() - start;
    } while (t < budget);
    printf("simulate  %-26s %-14s %9.0f games/s\n", label, bot_key(bot), games / t);
    sim_destroy(sim);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_core SCENARIO.json [SECONDS]\n"
                        "       bench_core --generate CONTACTS WEEKS > FILE.json\n"
                        "       bench_core --games N STRATEGY SCENARIO.json   (exactly N games, for callgrind)\n");
        return 2;
    }
    if (strcmp(argv[1], "--generate") == 0 && argc == 4) {
        size_t glen;
        char *g = generate(atoi(argv[2]), atoi(argv[3]), &glen);
        fwrite(g, 1, glen, stdout);
        free(g);
        return 0;
    }
    /* A fixed number of games and nothing else: instructions per game are
     * the difference of two callgrind counts divided by the difference of N. */
    int games = -1;
    BotKind only = BOT_EXPANDER;
    if (strcmp(argv[1], "--games") == 0 && argc == 5) {
        games = atoi(argv[2]);
        if (!bot_from_key(argv[3], &only)) {
            fprintf(stderr, "unknown strategy %s\n", argv[3]);
            return 2;
        }
        argv += 3;
    }
    double budget = argc > 2 && games < 0 ? atof(argv[2]) : 1.0;
    size_t len;
    char *buf = slurp(argv[1], &len);
    if (!buf) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(buf, len, argv[1], &d);
    if (!s) {
        diags_print(&d, argv[1], stderr);
        return 1;
    }
    const char *name = strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1];
    if (games >= 0) {
        Sim *sim = sim_create(s, 1);
        for (int k = 0; sim && k < games; k++) {
            sim_reset(sim, (uint64_t)k + 1);
            bot_play(sim, only, (uint64_t)k + 1);
        }
        sim_destroy(sim);
        diags_deinit(&d);
        scenario_destroy(s);
        free(buf);
        return 0;
    }
    for (int b = 0; b < BOT_COUNT; b++) {
        bench_games(s, (BotKind)b, budget, name);
    }
    static const int sizes[] = {10, 100, 1000, 3200, 10000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        bench_load(sizes[i], budget);
    }
    /* Growth with the number of contacts and weeks: games per second. */
    static const int weeks[] = {4, 12, 52};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        for (size_t w = 0; w < sizeof weeks / sizeof weeks[0]; w++) {
            size_t glen;
            char *g = generate(sizes[i], weeks[w], &glen);
            Scenario *gs = scn_parse(g, glen, "gen.json", &d);
            char label[64];
            snprintf(label, sizeof label, "generated %dc %dw", sizes[i], weeks[w]);
            if (gs) {
                bench_games(gs, BOT_EXPANDER, budget / 4, label);
            }
            scenario_destroy(gs);
            free(g);
        }
    }
    diags_deinit(&d);
    scenario_destroy(s);
    free(buf);
    return 0;
}
