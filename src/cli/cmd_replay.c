/* `keyaccounts replay RESULT`: re-runs a recorded session on the scenario it
 * names (by id and the hash of the bytes played: library.h) and checks that
 * it reproduces what the file records, week by week, then every other part
 * the file carries (verify.h). Exit 0 when it does, 1 when it does not
 * (saying where it diverged or which part differs), the scenario is unknown
 * or the files cannot be used, 2 on usage errors. With --watch, prints the
 * session command by command with what happened, for a trainer to follow. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "say.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/session.h"
#include "keyaccounts/text.h"
#include "render.h"
#include "host.h"
#include "library.h"
#include "results.h"
#include "scnfile.h"
#include "verify.h"

typedef struct Found {
    HostScenario *open; /* the session takes it over */
    char path[4096];
} Found;

/* The result's scenario: the file with its id and hash in lib. */
static bool find_scenario(const ResultRecord *r, ScnLibrary *lib, Found *f, const char *name, FILE *out,
                          FILE *err)
{
    memset(f, 0, sizeof *f);
    ScnFound sf;
    if (!library_find(lib, r->session.scenario_id, r->session.scenario_hash, &sf)) {
        char why[2048];
        library_explain_unknown(lib, r->session.scenario_id, r->session.scenario_hash, why, sizeof why);
        say_printf(out, "%s: cannot verify: %s\n", name, why);
        return false;
    }
    Msgs m;
    msgs_init(&m);
    f->open = host_open_bytes(sf.bytes, sf.len, sf.path, &m);
    say_msgs(err, &m);
    snprintf(f->path, sizeof f->path, "%s", sf.path);
    return f->open != NULL;
}

/* "pitch cutting-fluid paul", as typed in the terminal game. */
static void describe(const SessionCommand *c, bool accounts, char *buf, size_t n)
{
    char raw[512];
    snprintf(raw, sizeof raw, "%s%s%s%s%s%s%s%s", text_verb(c->kind), c->idea ? " " : "", c->idea ? c->idea : "",
             c->contact ? " " : "", c->contact ? c->contact : "", accounts && c->account ? "  [" : "",
             accounts && c->account ? c->account : "", accounts && c->account ? "]" : "");
    say_field(raw, buf, n);
}

static void print_news(FILE *o, Lang lang, const Sim *sim, size_t *jseen, size_t *cseen)
{
    size_t jn, cn;
    const JournalEntry *j = sim_journal(sim, &jn);
    const ScoreChange *ch = sim_score_changes(sim, &cn);
    char line[1024];
    for (size_t k = *jseen; k < jn; k++) {
        if (j[k].kind == J_WEEK_START) {
            continue;
        }
        say_printf(o, "  %s\n", text_journal(lang, sim, &j[k], line, sizeof line));
        render_dialogue(o, lang, sim, &j[k]);
        for (size_t c = *cseen; c < cn; c++) {
            if (ch[c].journal == (int)k) {
                say_printf(o, "    %s\n", text_score_change(lang, &ch[c], line, sizeof line));
            }
        }
    }
    *jseen = jn;
    *cseen = cn;
}

/* The first difference between two snapshots, in words; false when equal. */
static bool week_differs(Lang lang, const WeekSnapshot *want, const WeekSnapshot *got, char *buf, size_t n)
{
    if (want->score.total != got->score.total) {
        snprintf(buf, n, "score recorded %d, replayed %d", want->score.total, got->score.total);
        return true;
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        if (want->score.sub[i] != got->score.sub[i]) {
            snprintf(buf, n, "%s recorded %d, replayed %d", text_subscore(lang, (SubScore)i), want->score.sub[i],
                     got->score.sub[i]);
            return true;
        }
    }
    if (want->revenue_run_rate != got->revenue_run_rate || want->revenue_booked != got->revenue_booked) {
        snprintf(buf, n, "revenue recorded %" PRId64 " a year (%" PRId64 " booked), replayed %" PRId64
                         " (%" PRId64 ")",
                 want->revenue_run_rate, want->revenue_booked, got->revenue_run_rate, got->revenue_booked);
        return true;
    }
    if (want->engaged != got->engaged || want->known != got->known) {
        snprintf(buf, n, "contacts engaged/known recorded %d/%d, replayed %d/%d", want->engaged, want->known,
                 got->engaged, got->known);
        return true;
    }
    return false;
}

static int usage(FILE *err)
{
    fprintf(err, "usage: keyaccounts replay RESULT [--scenario FILE] [--watch [--text]] [--lang en|ru]\n"
                 "Re-runs a result file on its scenario (found by id and hash among the shipped\n"
                 "scenarios, the data folder's scenarios/ and --scenario FILE) and checks it;\n"
                 "exit 0 reproduced, 1 not, 2 usage.\n");
    return 2;
}

static int verify(const ResultRecord *r, Found *f, bool watch, Lang lang, const char *name, FILE *out,
                  FILE *err)
{
    HostStart opt = {r->session.seed, 0, NULL};
    HostSession *h = NULL;
    char problem[512];
    HostScenario *open = f->open;
    f->open = NULL;
    if (host_begin(open, &opt, &h, problem, sizeof problem) != HOST_OK) {
        fprintf(err, "keyaccounts replay: %s\n", problem);
        return 1;
    }
    const Scenario *s = host_scenario(h);
    Sim *sim = host_sim(h);
    bool accounts = s->account_count > 1;
    size_t jseen = 0, cseen = 0;
    (void)sim_journal(sim, &jseen);
    (void)sim_score_changes(sim, &cseen);
    size_t week_start = 0; /* first command of the week being played */
    int status = 0;
    char what[256], diff[256];
    if (watch) {
        fprintf(out, "\n=== %s 1 ===\n", text_str(lang, S_WEEK));
    }
    for (size_t k = 0; k < r->session.command_count && status == 0; k++) {
        const SessionCommand *sc = &r->session.commands[k];
        describe(sc, accounts, what, sizeof what);
        int week = sim_week(sim);
        if (watch) {
            fprintf(out, "> %s\n", what);
        }
        Command c;
        if (session_command_resolve(s, sc, &c) != 0) {
            fprintf(out, "%s: DIVERGED at command %zu (week %d, '%s'): it names an account, person or idea "
                         "this scenario does not have\n",
                    name, k + 1, week, what);
            status = 1;
            break;
        }
        Refusal why = host_apply(h, c);
        if (why == REFUSE_COUNT) {
            fprintf(err, "keyaccounts: out of memory\n");
            status = 1;
            break;
        }
        if (why != REFUSE_NONE) {
            fprintf(out, "%s: DIVERGED at command %zu (week %d, '%s'): the rules refuse it here: %s\n", name,
                    k + 1, week, what, text_refusal(lang, why));
            status = 1;
            break;
        }
        if (watch) {
            print_news(out, lang, sim, &jseen, &cseen);
        }
        if (c.kind != ACT_END_WEEK) {
            continue;
        }
        size_t tn;
        const WeekSnapshot *tl = sim_timeline(sim, &tn);
        const WeekSnapshot *got = &tl[tn - 1];
        if (watch) {
            render_say(out, lang, T_REPLAY_WEEK_END, got->week, got->score.total);
        }
        if (!(r->stored & RESULT_STORED_WEEKS)) {
            /* nothing recorded week by week: the whole result is compared at the end */
        } else if ((size_t)got->week >= r->week_count) {
            fprintf(out, "%s: DIVERGED in week %d (commands %zu-%zu): the result records only %zu weeks\n", name,
                    got->week, week_start + 1, k + 1, r->week_count - 1);
            status = 1;
        } else if (week_differs(lang, &r->weeks[got->week], got, diff, sizeof diff)) {
            fprintf(out, "%s: DIVERGED in week %d (commands %zu-%zu): %s\n", name, got->week, week_start + 1,
                    k + 1, diff);
            status = 1;
        }
        week_start = k + 1;
        if (watch && status == 0 && !sim_over(sim)) {
            fprintf(out, "\n=== %s %d ===\n", text_str(lang, S_WEEK), sim_week(sim));
        }
    }
    if (status == 0) {
        size_t tn;
        (void)sim_timeline(sim, &tn);
        Score sc = sim_score(sim);
        if (!sim_over(sim)) {
            fprintf(out, "%s: DIVERGED at the end: the commands stop in week %d, before the session ends\n", name,
                    sim_week(sim));
            status = 1;
        } else if ((r->stored & RESULT_STORED_WEEKS) && tn != r->week_count) {
            fprintf(out, "%s: DIVERGED at the end: %zu weeks replayed, %zu recorded\n", name, tn - 1,
                    r->week_count - 1);
            status = 1;
        } else if ((r->stored & RESULT_STORED_SCORE)
                   && (memcmp(&sc, &r->final, sizeof sc) != 0 || sim_passed(sim) != r->passed)) {
            fprintf(out, "%s: DIVERGED at the end: final score recorded %d (%s), replayed %d (%s)\n", name,
                    r->final.total, r->passed ? "passed" : "failed", sc.total, sim_passed(sim) ? "passed" : "failed");
            status = 1;
        } else if (watch) {
            render_debrief(out, lang, sim, false);
        }
    }
    host_destroy(h);
    return status;
}

int cmd_replay(int argc, char **argv, FILE *out, FILE *err)
{
    const char *file = NULL, *scenario = NULL, *lang_arg = NULL;
    bool watch = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--watch") == 0) {
            watch = true;
        } else if (strcmp(argv[i], "--text") == 0) {
            continue; /* --watch --text: this terminal replay, not the window's (main.c) */
        } else if (strcmp(argv[i], "--scenario") == 0 && i + 1 < argc) {
            scenario = argv[++i];
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            lang_arg = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(out);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(err, "keyaccounts replay: unknown option '%s'\n", argv[i]);
            return usage(err);
        } else if (file) {
            fprintf(err, "keyaccounts replay: one result file at a time\n");
            return usage(err);
        } else {
            file = argv[i];
        }
    }
    if (!file) {
        return usage(err);
    }
    ResultRecord r;
    Msgs m;
    msgs_init(&m);
    int loaded = results_load(file, &r, &m);
    say_msgs(err, &m);
    char shown[SAY_FIELD_MAX]; /* the file's name as printed */
    say_field(file, shown, sizeof shown);
    if (loaded != 0) {
        fprintf(out, "%s: cannot verify: the result file is unusable (see the errors above)\n", shown);
        return 1;
    }
    char given[4096];
    const char *files[1] = {scenario ? scnfile_resolve(scenario, given, sizeof given) : NULL};
    ScnLibrary *lib = library_create(files, scenario ? 1 : 0, &m);
    say_msgs(err, &m);
    Found f;
    if (!lib || !find_scenario(&r, lib, &f, file, out, err)) {
        library_destroy(lib);
        result_record_free(&r);
        return 1;
    }
    Lang lang = text_lang_from(lang_arg ? lang_arg : r.lang);
    if (watch) {
        char title[SAY_FIELD_MAX], trainee[SAY_FIELD_MAX];
        fprintf(out, "Replay of %s: %s, %s, seed %" PRIu64 ", %s to %s\n", shown,
                say_field(r.session.trainee[0] ? r.session.trainee : "(no name)", trainee, sizeof trainee),
                say_field(r.scenario_title, title, sizeof title), r.session.seed, r.started_at, r.finished_at);
    }
    int status = verify(&r, &f, watch, lang, shown, out, err);
    host_close(f.open); /* NULL once verify took it */
    ResultCheck check;
    unsigned had = r.stored; /* result_verify replaces the file's parts by the replay's */
    if (status == 0 && result_verify(&r, lib, &check) != 0) {
        fprintf(err, "keyaccounts: out of memory\n");
        status = 1;
    } else if (status == 0 && check.mark != RESULT_VERIFIED) {
        char why[SAY_FIELD_MAX];
        fprintf(out, "%s: NOT VERIFIED: %s\n", shown, say_field(check.why, why, sizeof why));
        status = 1;
    } else if (status == 0) {
        /* r holds the replay's numbers now */
        char title[SAY_FIELD_MAX], trainee[SAY_FIELD_MAX], used[SAY_FIELD_MAX];
        fprintf(out, "%s: OK: %s by %s (seed %" PRIu64 ", %zu commands, %zu weeks) replayed on %s %s %d (%s)%s\n",
                shown, say_field(r.scenario_title, title, sizeof title),
                say_field(r.session.trainee[0] ? r.session.trainee : "(no name)", trainee, sizeof trainee),
                r.session.seed, r.session.command_count, r.week_count - 1,
                say_field(check.scenario, used, sizeof used),
                had & RESULT_STORED_SCORE ? "reproduces the recorded score" : "scores", r.final.total,
                r.passed ? "passed" : "failed", had & RESULT_STORED_WEEKS ? " week by week" : "");
    }
    library_destroy(lib);
    result_record_free(&r);
    return status;
}
