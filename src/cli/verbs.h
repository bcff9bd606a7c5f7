/* The words of the terminal game's commands: one table, read by the parser
 * (play_text.c), the Tab completion (complete.c) and the test that holds
 * docs/how-to-play.md to it. */
#ifndef KEYACCOUNTS_CLI_VERBS_H
#define KEYACCOUNTS_CLI_VERBS_H

#include <stddef.h>

typedef enum Verb {
    V_NONE, V_RESEARCH, V_MEET, V_PITCH, V_REFER, V_CALL, V_PROPOSE, V_SERVICE, V_END,
    V_BOARD, V_PEOPLE, V_IDEAS, V_SCORE, V_HELP, V_QUIT, V_ACCOUNT,
} Verb;

/* What a command's words after the first name. */
typedef enum VerbArgs {
    ARGS_NONE,
    ARGS_WHO,      /* meet WHO */
    ARGS_IDEA,     /* propose IDEA */
    ARGS_IDEA_WHO, /* pitch IDEA WHO */
    ARGS_ACCOUNT,  /* account N */
} VerbArgs;

typedef struct VerbWord {
    const char *word; /* lower case */
    Verb verb;
} VerbWord;

/* Every word the game accepts as a command (in every language), with *count. */
const VerbWord *verbs_all(size_t *count);

/* The verb of a lower-case word, V_NONE when it is none. */
Verb verbs_of(const char *word);

VerbArgs verbs_args(Verb v);

#endif
