/* Reading the terminal game's commands: at a terminal, with line editing,
 * history and Tab completion (libedit); from a file or a pipe, plain lines. */
#ifndef KEYACCOUNTS_CLI_LINEEDIT_H
#define KEYACCOUNTS_CLI_LINEEDIT_H

#include <stddef.h>
#include <stdio.h>

#include "complete.h"

/* Fills out with the completions of `typed` (the line up to the cursor). */
typedef void (*LineCompleter)(void *ctx, const char *typed, Completions *out);

typedef struct LineReader LineReader;

/* A reader of in, echoing to out; complete may be NULL. NULL when out of
 * memory. */
LineReader *lineedit_create(FILE *in, FILE *out, LineCompleter complete, void *ctx);
void lineedit_destroy(LineReader *r); /* accepts NULL; gives the terminal back as it was */

/* True when the reader edits lines (in is a terminal). */
bool lineedit_is_editing(const LineReader *r);

/* Shows prompt and reads one line, without its line break, into buf.
 * False at the end of the input, or when a stop was requested
 * (plat_stop_requested). */
bool lineedit_read(LineReader *r, const char *prompt, char *buf, size_t n);

#endif
