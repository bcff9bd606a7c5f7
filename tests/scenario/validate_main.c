/* Test driver: `ka_validate validate [--json] FILE...` runs cmd_validate as
 * the keyaccounts executable will, for the golden tests. */
#include "commands.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: ka_validate validate [options] FILE...\n", stderr);
        return 2;
    }
    return cmd_validate(argc - 1, argv + 1, stdout, stderr);
}
