#include "verbs.h"

#include <string.h>

static const VerbWord VERBS[] = {
    {"research", V_RESEARCH}, {"meet", V_MEET}, {"pitch", V_PITCH}, {"refer", V_REFER},
    {"referral", V_REFER}, {"ask", V_REFER}, {"call", V_CALL}, {"cold_call", V_CALL},
    {"propose", V_PROPOSE}, {"service", V_SERVICE}, {"end", V_END}, {"next", V_END},
    {"board", V_BOARD}, {"look", V_BOARD}, {"people", V_PEOPLE}, {"ideas", V_IDEAS},
    {"score", V_SCORE}, {"help", V_HELP}, {"?", V_HELP}, {"quit", V_QUIT}, {"exit", V_QUIT},
    {"account", V_ACCOUNT},
};

const VerbWord *verbs_all(size_t *count)
{
    *count = sizeof VERBS / sizeof VERBS[0];
    return VERBS;
}

Verb verbs_of(const char *word)
{
    for (size_t i = 0; i < sizeof VERBS / sizeof VERBS[0]; i++) {
        if (strcmp(word, VERBS[i].word) == 0) {
            return VERBS[i].verb;
        }
    }
    return V_NONE;
}

VerbArgs verbs_args(Verb v)
{
    switch (v) {
    case V_MEET:
    case V_REFER:
    case V_CALL:
        return ARGS_WHO;
    case V_PROPOSE:
        return ARGS_IDEA;
    case V_PITCH:
        return ARGS_IDEA_WHO;
    case V_ACCOUNT:
        return ARGS_ACCOUNT;
    default:
        return ARGS_NONE;
    }
}
