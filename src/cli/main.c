/* keyaccounts: the sales-training game and its headless tools. */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const char HELP[] =
    "Key Accounts: a sales-training game about growing key clients.\n"
    "\n"
    "usage:\n"
    "  keyaccounts [play] [SCENARIO]           play (the default scenario when none is given)\n"
    "  keyaccounts play --text [SCENARIO]      play in the terminal, one command per line on stdin\n"
    "        [--seed N] [--lang en|ru]\n"
    "  keyaccounts validate [--json] [--strict] FILE...\n"
    "                                          check scenario files; exit 0 clean, 1 errors\n"
    "  keyaccounts simulate FILE [--runs N] [--seed S] [--strategy NAME|all] [--json]\n"
    "                                          play the reference strategies; balance verdict\n"
    "  keyaccounts --help | --version\n"
    "\n"
    "SCENARIO is a .json file or the id of a shipped scenario: first-steps,\n"
    "massive-lubricants (the default), massive-lubricants.ru, ...\n";

int main(int argc, char **argv)
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
    if (argc >= 2 && strcmp(argv[1], "simulate") == 0) {
        return cmd_simulate(argc - 1, argv + 1, stdout, stderr);
    }
    if (argc >= 2 && strcmp(argv[1], "play") == 0) {
        return cmd_play_text(argc - 1, argv + 1, stdin, stdout, stderr);
    }
    if (argc >= 2 && argv[1][0] == '-' && strcmp(argv[1], "--text") != 0) {
        fprintf(stderr, "keyaccounts: unknown option '%s'\n\n%s", argv[1], HELP);
        return 2;
    }
    /* `keyaccounts [--text] [SCENARIO]`: play. The terminal game until the
     * window is built in. */
    return cmd_play_text(argc, argv, stdin, stdout, stderr);
}
