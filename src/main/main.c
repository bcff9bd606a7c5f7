/* keyaccounts: the sales-training game and its headless tools. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "platform.h"
#ifdef KA_HAVE_UI
#include "window.h"
#endif

static const char HELP[] =
    "Key Accounts: a sales-training game about growing key clients.\n"
    "\n"
    "usage:\n"
    "  keyaccounts [play] [SCENARIO]           play (the default scenario when none is given)\n"
    "  keyaccounts play --text [SCENARIO]      play in the terminal, one command per line on stdin\n"
    "        [--seed N] [--lang en|ru] [--name NAME] [--no-save]\n"
    "        [--week N] [--known ID,...]     start at week N (the expander plays before) or with\n"
    "                                          these contacts known: for authors, saves no result\n"
    "  keyaccounts validate [--json] [--strict] FILE...\n"
    "                                          check scenario files; exit 0 clean, 1 errors\n"
    "  keyaccounts new [--from SHEET.csv] [--lang en|ru] [--out FILE]\n"
    "                                          start a scenario: from a sheet of people, or an example\n"
    "  keyaccounts simulate FILE [--runs N] [--seed S] [--strategy NAME|all] [--json]\n"
    "                                          play the reference strategies; balance verdict\n"
    "  keyaccounts replay RESULT [--watch [--text]] [--scenario FILE]\n"
    "                                          verify a result file; exit 0 reproduced, 1 not;\n"
    "                                          --watch steps through it in the window (--text: terminal)\n"
    "  keyaccounts report RESULT_OR_DIR... [--out DIR]\n"
    "  keyaccounts report --lrs URL [--scenario-id ID] [--since DATE] [--out DIR]\n"
    "                                          workshop report: report.html and report.csv\n"
    "  keyaccounts history [SCENARIO_ID] [--trainee NAME] [--lrs URL [--since DATE]]\n"
    "                                          your attempts: best, latest, progress\n"
    "  keyaccounts xapi [--lrs URL --lrs-auth KEY:SECRET [--remember]] [flush|send RESULT...|status]\n"
    "                                          xAPI statements to a Learning Record Store\n"
    "  keyaccounts map FILE [--out map.html] [--lang en|ru]\n"
    "                                          the scenario as one HTML page, with its warnings\n"
    "  keyaccounts --help | --version\n"
    "\n"
    "SCENARIO is a .json file or the id of a shipped scenario: first-steps,\n"
    "massive-lubricants (the default), massive-lubricants.ru, ...\n"
    "Finished sessions are saved as result files in $KEYACCOUNTS_DATA_DIR, else\n"
    "$XDG_DATA_HOME/keyaccounts, else ~/.local/share/keyaccounts (folder results/).\n";

static int run(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
                      || strcmp(argv[1], "help") == 0)) {
        fputs(HELP, stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("keyaccounts %s\n", KA_VERSION);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "validate") == 0) {
        return cmd_validate(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "new") == 0) {
        return cmd_new(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "simulate") == 0) {
        return cmd_simulate(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "replay") == 0) {
#ifdef KA_HAVE_UI
        /* --watch opens the window when there is a display and the output is a
         * terminal; --text, or output into a pipe or a file (scripts, tests
         * reading the replay), keeps the terminal replay */
        bool watch = false, as_text = false;
        for (int i = 2; i < argc; i++) {
            watch = watch || strcmp(argv[i], "--watch") == 0;
            as_text = as_text || strcmp(argv[i], "--text") == 0;
        }
        if (watch && !as_text && plat_is_terminal(stdout)) {
            int status = cmd_replay_window(argc - 1, argv + 1, stderr);
            if (status != KA_EXIT_NO_DISPLAY) {
                return status;
            }
            fputs("keyaccounts: replaying in the terminal instead (replay --watch --text).\n\n", stderr);
        }
#endif
        return cmd_replay(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "report") == 0) {
        return cmd_report(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "history") == 0) {
        return cmd_history(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "map") == 0) {
        return cmd_map(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "xapi") == 0) {
        return cmd_xapi(argc - 1, argv + 1, stdout, stderr);
    }
    /* `keyaccounts [play] [OPTIONS] [SCENARIO]`: the window, or the terminal
     * game when asked for (--text), when the window is not built in, or when
     * there is no display. Each checks its own options. */
    bool text = false;
    for (int i = 1; i < argc; i++) {
        text = text || strcmp(argv[i], "--text") == 0;
    }
    int first = argc >= 2 && strcmp(argv[1], "play") == 0 ? 1 : 0;
#ifdef KA_HAVE_UI
    if (!text) {
        int status = cmd_window(argc - first, argv + first, stderr);
        if (status != KA_EXIT_NO_DISPLAY) {
            return status;
        }
        fputs("keyaccounts: playing in the terminal instead (keyaccounts play --text).\n\n", stderr);
    }
#endif
    (void)text;
    return cmd_play_text(argc - first, argv + first, stdin, stdout, stderr);
}

/* A command whose output could not be written (a full disk, a closed pipe)
 * has not done its job, whatever it found: exit 1 and say why on stderr. */
int main(int argc, char **argv)
{
    int status = run(argc, argv);
    errno = 0;
    bool flushed = fflush(stdout) == 0;
    if (!flushed || ferror(stdout)) {
        fprintf(stderr, "keyaccounts: cannot write the output: %s\n",
                !flushed && errno ? strerror(errno) : "a write to standard output failed");
        return status != 0 ? status : 1;
    }
    return status;
}
