/* The game window's entry points, for main (src/main/main.c). Built when
 * KA_BUILD_UI is on. Each returns a process exit status, or
 * KA_EXIT_NO_DISPLAY when there is no display to open a window on (main then
 * falls back to the terminal). */
#ifndef KEYACCOUNTS_UI_WINDOW_H
#define KEYACCOUNTS_UI_WINDOW_H

#include <stdio.h>

enum { KA_EXIT_NO_DISPLAY = 3 };

/* `keyaccounts [play] [OPTIONS] [SCENARIO]` in a window. */
int cmd_window(int argc, char **argv, FILE *err);

/* `keyaccounts replay RESULT --watch` in a window. */
int cmd_replay_window(int argc, char **argv, FILE *err);

#endif
