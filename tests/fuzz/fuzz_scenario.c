/* Fuzz target: the scenario loader. Any bytes go to scn_parse; whatever it
 * returns must be consistent (a scenario exactly when there is no error, every
 * diagnostic with a code, a message and a position inside the file), and a
 * scenario that loads must play to the end without trouble.
 * Built with -fsanitize=fuzzer under KA_FUZZ; otherwise replay_main.c runs it
 * over a corpus as an ordinary test. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_target.h"
#include "jsonpos.h"
#include "keyaccounts/bots.h"
#include "keyaccounts/scenario.h"

static void fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz_scenario: invariant broken: %s\n", what);
    abort();
}

/* At most how many lines the input has: the loader counts LF, CR LF and a
 * lone CR as line breaks, so every CR and LF may start a new line. */
static long count_lines(const char *buf, size_t len)
{
    long lines = 1;
    for (size_t i = 0; i < len; i++) {
        lines += buf[i] == '\n' || buf[i] == '\r';
    }
    return lines;
}

static void check_diagnostics(const Diagnostics *d, const char *buf, size_t len)
{
    size_t errors = 0;
    size_t warnings = 0;
    long lines = count_lines(buf, len);
    for (size_t i = 0; i < d->count; i++) {
        const Diagnostic *g = &d->items[i];
        errors += g->severity == SEV_ERROR;
        warnings += g->severity == SEV_WARNING;
        if (!g->code || strncmp(g->code, "KA", 2) != 0 || strlen(g->code) != 5) {
            fuzz_fail("a diagnostic without a KAnnn code");
        }
        if (!g->message || !g->message[0] || !g->path) {
            fuzz_fail("a diagnostic without a message or path");
        }
        if (g->line < 0 || g->column < 0 || (g->line == 0) != (g->column == 0)) {
            fuzz_fail("a diagnostic with a half position");
        }
        if (g->line > lines) {
            fuzz_fail("a diagnostic placed after the last line");
        }
        if ((long)g->column > (long)len + 1) {
            fuzz_fail("a diagnostic placed after the last column");
        }
    }
    if (d->count + d->dropped != d->errors + d->warnings || errors > d->errors
        || warnings > d->warnings) {
        fuzz_fail("diagnostic counters disagree with the stored diagnostics");
    }
}

/* Recovery from syntax errors goes on only with a repaired text that is
 * strict JSON. Repairs that do not give one (rare mixes of mistakes; corpus
 * file repair-not-strict.json) must fall back safely: no repaired text, every
 * syntax error still reported. */
static void check_repair(const char *buf, size_t len)
{
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3; /* as scn_parse */
        len -= 3;
    }
    Diagnostics d;
    diags_init(&d);
    Arena a;
    arena_init(&a);
    JpRepair *r = arena_alloc(&a, sizeof *r);
    if (r && len <= SCN_MAX_FILE_BYTES && jp_prescan(buf, len, &d)) {
        jp_repair(buf, len, &a, &d, r);
        if (r->unrepaired && (r->text != NULL || d.errors == 0)) {
            fuzz_fail("a repair that left text that is not strict JSON did not fall back safely");
        }
    }
    arena_deinit(&a);
    diags_deinit(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_repair((const char *)data, size);
    const char *buf = (const char *)data;
    Diagnostics d;
    diags_init(&d);
    Scenario *s = scn_parse(buf, size, "fuzz.json", &d);
    check_diagnostics(&d, buf, size);
    if (s && d.errors != 0) {
        fuzz_fail("a scenario returned together with errors");
    }
    if (!s && d.errors == 0) {
        fuzz_fail("no scenario and no error");
    }
    if (s) {
        /* A loaded scenario must be playable: the expander and the random bot
         * play it to the end. */
        for (int b = 0; b < 2; b++) {
            Sim *sim = sim_create(s, 7);
            if (!sim) {
                fuzz_fail("sim_create failed without an allocation failure");
            }
            if (bot_play(sim, b == 0 ? BOT_EXPANDER : BOT_RANDOM, 11) != 0 || !sim_over(sim)) {
                fuzz_fail("a bot could not finish a loaded scenario");
            }
            sim_destroy(sim);
        }
        scenario_destroy(s);
    }
    diags_deinit(&d);
    return 0;
}
