/* The terminal game: `keyaccounts play --text SCENARIO`. Shows the account,
 * lists the actions with their costs, reads one command per line, prints what
 * happened and how the score moved, and ends with the debrief. Output depends
 * only on the scenario, the seed and the input, so transcripts are golden. */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "autosave.h"
#include "complete.h"
#include "lineedit.h"
#include "numbers.h"
#include "verbs.h"
#include "commands.h"
#include "trainee.h"
#include "platform.h"
#include "host.h"
#include "keyaccounts/scenario.h"
#include "nextstep.h"
#include "results.h"
#include "keyaccounts/sim.h"
#include "keyaccounts/text.h"
#include "render.h"
#include "say.h"
#include "scnfile.h"

enum { LINE_MAX_BYTES = 1024, MAX_WORDS = 8 };

typedef struct Game {
    HostSession *host;    /* the session: scenario bytes, seed, start, result */
    Sim *sim;             /* host_sim(host) */
    const Scenario *scn;  /* host_scenario(host) */
    Lang lang;
    int account;          /* the account shown */
    size_t journal_seen;  /* journal entries already printed */
    size_t changes_seen;
    FILE *out;
    bool echo;            /* echo commands read from a file, so transcripts read well */
    LrsConfig lrs;        /* --lrs/--lrs-auth; lrs.conf fills what is missing (docs/xapi.md) */
    PeopleNumbers *nums;  /* the people's numbers, 1..N in the order first shown */
    bool autosave;        /* save the game after every applied command (autosave.h) */
    bool saved;           /* autosave.json holds this game (resumed, or saved since) */
    char resume[700];     /* the command that resumes it */
} Game;

/* ---- looking things up by what the trainee types --------------------------- */

static bool parse_index(const char *w, int count, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(w, &end, 10);
    if (errno || *end || end == w || v < 1 || v > count) {
        return false;
    }
    *out = (int)v - 1;
    return true;
}

/* Ids are lower case (a-z, 0-9, '_', '-'), so "Frank" and "FRANK" name the
 * contact 'frank': the word in lower case, in buf. */
static const char *id_of(const char *w, char *buf, size_t n)
{
    size_t k = 0;
    for (; w[k] && k + 1 < n; k++) {
        buf[k] = (char)tolower((unsigned char)w[k]);
    }
    buf[k] = '\0';
    return buf;
}

static int find_contact(const Game *g, const char *w)
{
    const Account *acc = &g->scn->accounts[g->account];
    int i;
    char id[80];
    if (parse_index(w, numbers_count(g->nums, g->account), &i)) {
        return numbers_contact(g->nums, g->account, i + 1);
    }
    return account_contact_index(acc, id_of(w, id, sizeof id));
}

static int find_idea(const Game *g, const char *w)
{
    const Account *acc = &g->scn->accounts[g->account];
    int i;
    char id[80];
    if (parse_index(w, acc->idea_count, &i)) {
        return i;
    }
    return account_idea_index(acc, id_of(w, id, sizeof id));
}

static int find_account(const Game *g, const char *w)
{
    int i;
    char id[80];
    if (parse_index(w, g->scn->account_count, &i)) {
        return i;
    }
    return scenario_account_index(g->scn, id_of(w, id, sizeof id));
}

/* ---- output ----------------------------------------------------------------- */

/* Prints journal entries and score changes added since the last call. */
static void print_news(Game *g)
{
    size_t jn, cn;
    const JournalEntry *j = sim_journal(g->sim, &jn);
    const ScoreChange *ch = sim_score_changes(g->sim, &cn);
    char line[1024];
    for (size_t k = g->journal_seen; k < jn; k++) {
        if (j[k].kind == J_WEEK_START) {
            continue; /* the board that follows says it */
        }
        say_printf(g->out, "  %s\n", text_journal(g->lang, g->sim, &j[k], line, sizeof line));
        render_dialogue(g->out, g->lang, g->sim, &j[k]);
        for (size_t c = g->changes_seen; c < cn; c++) {
            if (ch[c].journal == (int)k) {
                say_printf(g->out, "    %s\n", text_score_change(g->lang, &ch[c], line, sizeof line));
            }
        }
    }
    g->journal_seen = jn;
    g->changes_seen = cn;
}

static void print_help(const Game *g)
{
    FILE *o = g->out;
    const Scenario *s = g->scn;
    fprintf(o, "%s\n", text_str(g->lang, T_PLAY_HELP_HEAD));
    for (int a = 0; a < ACT_COUNT; a++) {
        fputs("  ", o);
        render_pad(o, text_command(g->lang, (ActionKind)a), 16);
        fprintf(o, " %2d%s  %s\n", s->costs[a], text_str(g->lang, T_CLI_HOURS_ABBR),
                text_action_help(g->lang, (ActionKind)a));
    }
    fprintf(o, "  %s\n", text_str(g->lang, T_PLAY_HELP_VIEWS));
    if (s->account_count > 1) {
        fprintf(o, "  account N        %s\n", text_str(g->lang, T_PLAY_HELP_ACCOUNT));
    }
}

/* ---- commands ------------------------------------------------------------------ */

static int split(char *line, char **words, int max)
{
    int n = 0;
    char *p = line;
    while (*p && n < max) {
        while (*p && isspace((unsigned char)*p)) {
            p++;
        }
        if (!*p) {
            break;
        }
        words[n++] = p;
        while (*p && !isspace((unsigned char)*p)) {
            p++;
        }
        if (*p) {
            *p++ = '\0';
        }
    }
    return n;
}

static void say(const Game *g, TextKey key)
{
    fprintf(g->out, "  %s\n", text_str(g->lang, key));
}

/* Saves the game after a command it applied; a failure is said and the game
 * goes on (the next command tries again). */
static void autosave(Game *g)
{
    char why[512];
    if (!g->autosave) {
        return;
    }
    if (autosave_write(g->host, NULL, why, sizeof why) != 0) {
        render_say(g->out, g->lang, T_PLAY_AUTOSAVE_FAILED, why);
        fputc('\n', g->out);
    } else {
        g->saved = true;
    }
}

static void apply(Game *g, Command c)
{
    Refusal r = host_apply(g->host, c);
    if (r != REFUSE_NONE) {
        char why[512];
        say_printf(g->out, "  %s\n", text_why_refused(g->lang, g->sim, c, r, why, sizeof why));
        return;
    }
    autosave(g);
    print_news(g);
    numbers_update(g->nums, g->sim);
    if (c.kind == ACT_END_WEEK && !sim_over(g->sim)) {
        render_board(g->out, g->lang, g->sim, g->nums, g->account);
    }
}

/* Returns false when the trainee quits. */
static bool handle(Game *g, char *line)
{
    char *w[MAX_WORDS];
    int n = split(line, w, MAX_WORDS);
    if (n == 0) {
        return true;
    }
    for (char *p = w[0]; *p; p++) {
        *p = (char)tolower((unsigned char)*p);
    }
    Verb v = verbs_of(w[0]);
    int a = g->account;
    int who = -1, idea = -1;
    switch (v) {
    case V_NONE:
        render_say(g->out, g->lang, T_PLAY_UNKNOWN_COMMAND, w[0]);
        return true;
    case V_HELP:
        print_help(g);
        return true;
    case V_QUIT:
        return false;
    case V_BOARD:
        render_board(g->out, g->lang, g->sim, g->nums, a);
        return true;
    case V_PEOPLE:
        render_people(g->out, g->lang, g->sim, g->nums, a);
        return true;
    case V_IDEAS:
        render_ideas(g->out, g->lang, g->sim, a);
        return true;
    case V_SCORE:
        render_score(g->out, g->lang, g->sim);
        return true;
    case V_ACCOUNT:
        if (n < 2 || find_account(g, w[1]) < 0) {
            say(g, T_PLAY_WHICH_ACCOUNT);
            return true;
        }
        g->account = find_account(g, w[1]);
        render_board(g->out, g->lang, g->sim, g->nums, g->account);
        return true;
    case V_RESEARCH:
        apply(g, (Command){ACT_RESEARCH, a, -1, -1});
        return true;
    case V_SERVICE:
        apply(g, (Command){ACT_SERVICE, a, -1, -1});
        return true;
    case V_END:
        apply(g, (Command){ACT_END_WEEK, a, -1, -1});
        return true;
    case V_MEET:
    case V_REFER:
    case V_CALL:
        if (n < 2 || (who = find_contact(g, w[1])) < 0) {
            say(g, T_PLAY_WHO);
            return true;
        }
        apply(g, (Command){v == V_MEET ? ACT_MEET : v == V_REFER ? ACT_REFERRAL : ACT_COLD_CALL, a,
                           who, -1});
        return true;
    case V_PITCH:
        if (n < 3 || (idea = find_idea(g, w[1])) < 0 || (who = find_contact(g, w[2])) < 0) {
            say(g, T_PLAY_PITCH_USAGE);
            return true;
        }
        apply(g, (Command){ACT_PITCH, a, who, idea});
        return true;
    case V_PROPOSE:
        if (n < 2 || (idea = find_idea(g, w[1])) < 0) {
            say(g, T_PLAY_WHICH_IDEA);
            return true;
        }
        apply(g, (Command){ACT_PROPOSE, a, -1, idea});
        return true;
    }
    return true;
}

/* ---- the session --------------------------------------------------------------- */

static int usage(FILE *err)
{
    fprintf(err, "usage: keyaccounts play --text [--seed N] [--lang en|ru] [--name NAME] [--no-save]\n"
                 "                            [--resume | --new] [--week N] [--known ID,...]\n"
                 "                            [--lrs URL --lrs-auth KEY:SECRET] [SCENARIO]\n"
                 "SCENARIO is a file, a shipped scenario id or one of the data folder's scenarios/\n"
                 "(default: %s).\n"
                 "At a terminal the game is saved after every command and an unfinished game of the\n"
                 "same scenario is offered for resuming; with input from a file or a pipe, only when\n"
                 "asked: --resume goes on with it, --new starts a new one, both save as they go.\n"
                 "--week and --known start from a chosen state (for authors); such sessions save no result.\n",
                 KA_DEFAULT_SCENARIO);
    return 2;
}

/* The trainee's name for the results: --name (remembered), else the
 * remembered one, else asked once at a terminal; "" for scripted games. */
static void ask_name(const char *name_arg, FILE *in, FILE *out, Lang lang, char *buf, size_t n)
{
    char why[256];
    if (name_arg) {
        snprintf(buf, n, "%s", name_arg);
        (void)trainee_save(buf, why, sizeof why); /* remembering is a convenience */
        return;
    }
    if (trainee_load(buf, n)) {
        if (!results_name_ok(buf)) {
            buf[0] = '\0';
        }
        return;
    }
    buf[0] = '\0';
    if (!plat_is_terminal(in)) {
        return;
    }
    fputs(text_str(lang, T_PLAY_ASK_NAME), out);
    fflush(out);
    char line[LINE_MAX_BYTES];
    if (!fgets(line, sizeof line, in)) {
        return;
    }
    size_t len = strcspn(line, "\r\n");
    line[len] = '\0';
    while (len > 0 && line[len - 1] == ' ') {
        line[--len] = '\0';
    }
    const char *p = line;
    while (*p == ' ') {
        p++;
    }
    if (!results_name_ok(p)) {
        fprintf(out, "%s\n", text_str(lang, T_PLAY_NAME_BAD));
        return;
    }
    size_t plen = strlen(p); /* at most 200 bytes: results_name_ok */
    memcpy(buf, p, plen < n ? plen + 1 : 0);
    if (trainee_save(buf, why, sizeof why) != 0) {
        fprintf(out, "(%s)\n", why);
    }
}

/* Writes the result file of the finished session and says where it went. A
 * failure is reported and loses nothing else. */
static void save_result(Game *g, const char *trainee, FILE *err)
{
    char saved[4096], why[512];
    Msgs m;
    msgs_init(&m);
    if (host_save_result(g->host, g->lang, trainee, &g->lrs, saved, sizeof saved, why, sizeof why, &m) != 0) {
        render_say(err, g->lang, T_PLAY_SAVE_FAILED, why);
    } else {
        render_say(g->out, g->lang, T_PLAY_SAVED, saved);
        fflush(g->out);
    }
    say_msgs(err, &m); /* what happened to the xAPI statements */
    msgs_deinit(&m);
}

/* Tab completion for the line editor: the game as it stands. */
static void complete_cb(void *ctx, const char *typed, Completions *out)
{
    const Game *g = ctx;
    complete_words(g->sim, g->nums, g->account, typed, out);
}

typedef enum StartChoice {
    START_ASK,    /* at a terminal: offer to resume */
    START_NEW,    /* --new */
    START_RESUME, /* --resume */
} StartChoice;

/* Asks a yes/no question at the terminal; Enter means yes. */
static bool ask_yes(FILE *in, FILE *out, const char *question)
{
    fputs(question, out);
    fflush(out);
    char line[64];
    if (!fgets(line, sizeof line, in)) {
        fputc('\n', out);
        return false;
    }
    const char *p = line + strspn(line, " \t");
    return *p == '\n' || *p == '\r' || *p == '\0' || *p == 'y' || *p == 'Y'
           || strncmp(p, "д", strlen("д")) == 0 || strncmp(p, "Д", strlen("Д")) == 0;
}

/* The saved unfinished game of this scenario, resumed, when the trainee wants
 * it (or asked with --resume); NULL to start a new game. *fail is set when
 * --resume cannot be honoured. */
static HostSession *maybe_resume(HostScenario *hs, StartChoice choice, FILE *in, FILE *out, Lang lang,
                                 bool *fail)
{
    *fail = false;
    const Scenario *s = host_open_scenario(hs);
    SessionRecord rec;
    char aside[4200];
    AutosaveFound found = autosave_read(NULL, &rec, aside, sizeof aside);
    if (found == AUTOSAVE_DAMAGED) {
        render_say(out, lang, T_PLAY_SAVE_DAMAGED, aside);
        fputc('\n', out);
    }
    bool mine = found == AUTOSAVE_FOUND && autosave_matches(&rec, s->id, host_open_path(hs));
    if (found == AUTOSAVE_FOUND && !mine && choice != START_RESUME) {
        render_say(out, lang, T_PLAY_REPLACES_SAVED, rec.scenario_id ? rec.scenario_id : "?", rec.week);
        fputc('\n', out);
    }
    if (!mine) {
        session_record_free(&rec);
        if (choice == START_RESUME) {
            render_say(out, lang, T_PLAY_NOTHING_TO_RESUME, s->title);
            fputc('\n', out);
            *fail = true;
        }
        return NULL;
    }
    bool go_on = choice == START_RESUME;
    if (choice == START_ASK) {
        char question[600];
        text_fmt(question, sizeof question, lang, T_PLAY_RESUME_ASK, s->title, rec.week, rec.score);
        go_on = ask_yes(in, out, question);
        if (!go_on && !plat_stop_requested()) {
            autosave_discard(NULL); /* as the window does: the trainee chose a new game */
        }
    }
    HostSession *h = NULL;
    if (go_on) {
        Msgs m;
        msgs_init(&m);
        bool mismatch = false;
        h = host_resume(&rec, &mismatch, &m);
        if (!h) {
            char why[512];
            render_say(out, lang, T_PLAY_RESUME_FAILED, msgs_first(&m, why, sizeof why));
            fputc('\n', out);
            *fail = choice == START_RESUME;
        }
        msgs_deinit(&m);
    }
    session_record_free(&rec);
    return h;
}

/* The people's numbers of a resumed game, given in the order the game showed
 * them: its commands are played again from the start, one by one. */
static bool renumber(Game *g)
{
    size_t n;
    const Command *log = sim_log(g->sim, &n);
    Command *cmds = malloc((n ? n : 1) * sizeof *cmds);
    if (!cmds) {
        return false;
    }
    memcpy(cmds, log, n * sizeof *cmds);
    bool ok = host_seek(g->host, cmds, 0) == 0;
    numbers_update(g->nums, g->sim);
    for (size_t k = 0; k < n && ok; k++) {
        ok = host_apply(g->host, cmds[k]) == REFUSE_NONE;
        numbers_update(g->nums, g->sim);
    }
    free(cmds);
    return ok;
}

int cmd_play_text(int argc, char **argv, FILE *in, FILE *out, FILE *err)
{
    const char *file = KA_DEFAULT_SCENARIO;
    uint64_t seed = 1;
    const char *lang_arg = NULL;
    const char *name_arg = NULL;
    bool save = true;
    uint64_t jump_week = 0;
    const char *known = NULL;
    StartChoice choice = START_ASK;
    bool chose = false;
    LrsConfig lrs;
    memset(&lrs, 0, sizeof lrs);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--text") == 0) {
            continue;
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            if (!args_u64(argv[++i], &seed)) {
                say_printf(err, "keyaccounts play: --seed needs a whole number, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            lang_arg = argv[++i];
        } else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc) {
            name_arg = argv[++i];
            if (!results_name_ok(name_arg)) {
                fprintf(err, "keyaccounts play: --name must be UTF-8 text of at most 200 bytes "
                             "without line breaks or tabs\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--no-save") == 0) {
            save = false;
        } else if (strcmp(argv[i], "--resume") == 0 || strcmp(argv[i], "--new") == 0) {
            StartChoice c = argv[i][2] == 'r' ? START_RESUME : START_NEW;
            if (chose && c != choice) {
                fprintf(err, "keyaccounts play: --resume and --new exclude each other\n");
                return 2;
            }
            choice = c;
            chose = true;
        } else if (strcmp(argv[i], "--lrs") == 0 && i + 1 < argc) {
            if (!lrs_url_ok(argv[++i])) {
                say_printf(err, "keyaccounts play: --lrs needs an http:// or https:// URL, not '%s'\n", argv[i]);
                return 2;
            }
            snprintf(lrs.url, sizeof lrs.url, "%s", argv[i]);
        } else if (strcmp(argv[i], "--lrs-auth") == 0 && i + 1 < argc) {
            if (!strchr(argv[++i], ':') || strlen(argv[i]) >= sizeof lrs.auth) {
                fprintf(err, "keyaccounts play: --lrs-auth needs KEY:SECRET\n");
                return 2;
            }
            snprintf(lrs.auth, sizeof lrs.auth, "%s", argv[i]);
        } else if (strcmp(argv[i], "--week") == 0 && i + 1 < argc) {
            if (!args_u64(argv[++i], &jump_week) || jump_week > 10000) {
                say_printf(err, "keyaccounts play: --week needs a week number, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "--known") == 0 && i + 1 < argc) {
            known = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            say_printf(err, "keyaccounts play: unknown option '%s'\n", argv[i]);
            return usage(err);
        } else {
            file = argv[i];
        }
    }
    bool jumped = jump_week > 0 || known;
    if (chose && (jumped || !save)) {
        fprintf(err, "keyaccounts play: --%s saves the game as it goes: not with --week, --known or --no-save\n",
                choice == START_RESUME ? "resume" : "new");
        return 2;
    }
    bool interactive = plat_is_terminal(in);
    /* Piped games (transcripts, scripts) save nothing as they go unless asked. */
    bool autosaving = save && !jumped && (interactive || chose);
    plat_on_stop_signal(); /* a stop ends the game here, saved, and gives the terminal back */
    HostScenario *hs = say_open(file, err);
    if (!hs) {
        return 1;
    }
    Game g;
    memset(&g, 0, sizeof g);
    Lang lang = text_lang_from(lang_arg ? lang_arg : host_open_scenario(hs)->language);
    bool resume_failed = false;
    if (autosaving && choice != START_NEW) {
        g.host = maybe_resume(hs, choice, in, out, lang, &resume_failed);
    }
    if (resume_failed || plat_stop_requested()) {
        host_close(hs);
        return resume_failed ? 1 : 128 + plat_stop_requested();
    }
    bool resumed = g.host != NULL;
    char resume_arg[600];
    scnfile_play_arg(host_open_path(hs), resume_arg, sizeof resume_arg);
    if (resumed) {
        host_close(hs);
    } else {
        char jwhy[512];
        HostStart start = {seed, (int)jump_week, known};
        HostStatus st = host_begin(hs, &start, &g.host, jwhy, sizeof jwhy);
        if (st != HOST_OK) {
            fprintf(err, "keyaccounts play: %s\n", jwhy);
            return st == HOST_BAD_START ? 2 : 1;
        }
    }
    g.sim = host_sim(g.host);
    g.scn = host_scenario(g.host);
    const Scenario *s = g.scn;
    g.out = out;
    g.lang = lang;
    g.echo = !interactive;
    g.lrs = lrs;
    g.autosave = autosaving;
    g.saved = resumed;
    snprintf(g.resume, sizeof g.resume, "keyaccounts play --text --resume %s", resume_arg);
    g.nums = numbers_create(s);
    LineReader *reader = g.nums ? lineedit_create(in, out, complete_cb, &g) : NULL;
    if (!g.nums || !reader || (resumed && !renumber(&g))) {
        fprintf(err, "keyaccounts play: out of memory\n");
        lineedit_destroy(reader);
        numbers_destroy(g.nums);
        host_destroy(g.host);
        return 1;
    }
    if (!host_is_attempt(g.host) && save) {
        save = false; /* not a real attempt: never a result file */
        fprintf(out, "%s\n", text_str(g.lang, T_PLAY_NO_SAVE_JUMPED));
    }
    char trainee[256] = "";
    if (save) {
        ask_name(name_arg, in, out, g.lang, trainee, sizeof trainee);
    }
    render_briefing(out, g.lang, s, host_seed(g.host));
    if (resumed) {
        render_say(out, g.lang, T_PLAY_RESUMED, sim_week(g.sim), sim_score(g.sim).total);
        fputc('\n', out);
    } else {
        numbers_update(g.nums, g.sim);
    }
    render_board(out, g.lang, g.sim, g.nums, 0);
    fprintf(out, "%s\n", text_str(g.lang, T_PLAY_TYPE_HELP));
    size_t jn;
    (void)sim_journal(g.sim, &jn);
    g.journal_seen = jn;
    (void)sim_score_changes(g.sim, &g.changes_seen);
    char line[LINE_MAX_BYTES];
    bool quit = false;
    while (!sim_over(g.sim) && !plat_stop_requested()) {
        if (!lineedit_read(reader, "> ", line, sizeof line)) {
            break;
        }
        if (g.echo) {
            say_text(out, line);
            fputc('\n', out);
        }
        if (!handle(&g, line)) {
            quit = true;
            break;
        }
    }
    lineedit_destroy(reader); /* the terminal as it was */
    int stop = plat_stop_requested();
    if (stop && !sim_over(g.sim)) {
        fputc('\n', out);
        if (g.saved) {
            render_say(out, g.lang, T_PLAY_STOPPED, g.resume);
            fputc('\n', out);
        } else {
            fprintf(out, "%s\n", text_str(g.lang, T_PLAY_STOPPED_UNSAVED));
        }
        fflush(out);
        numbers_destroy(g.nums);
        host_destroy(g.host);
        return 128 + stop;
    }
    if (!sim_over(g.sim)) {
        fprintf(out, "\n%s\n", text_str(g.lang, quit ? T_PLAY_QUIT_EARLY : T_PLAY_INPUT_ENDED));
    }
    render_debrief(out, g.lang, g.sim, true);
    render_next_steps(out, g.lang, g.sim, host_path(g.host));
    if (save && sim_over(g.sim)) {
        save_result(&g, trainee, err);
    } else if (save) {
        fprintf(out, "\n%s\n", text_str(g.lang, T_PLAY_NO_SAVE_UNFINISHED));
        if (g.saved) {
            render_say(out, g.lang, T_PLAY_SAVED_FOR_LATER, g.resume);
            fputc('\n', out);
        }
    }
    numbers_destroy(g.nums);
    host_destroy(g.host);
    return 0;
}
