/* Content lint: located warnings (KA4xx) about scenario content that cannot
 * matter in play: contacts nobody can reach, ideas no one needs, needs no idea
 * answers, events that can never fire, approvals nobody can give, a referral
 * line that names the wrong colleague; and content that is possible but
 * practically unreachable: approvals won only by long shots, an economic
 * buyer no chain of introductions reaches, events whose effect comes later
 * than it reads. Every check
 * is linear in the size of the scenario. Private to src/scenario. */
#ifndef KEYACCOUNTS_SCENARIO_LINT_H
#define KEYACCOUNTS_SCENARIO_LINT_H

#include <cjson/cJSON.h>

#include "fields.h"
#include "keyaccounts/model.h"

/* The JSON objects the model's items came from, in model order, so that a
 * warning can point at them. */
typedef struct LintAccount {
    const cJSON *const *contacts;
    const cJSON *const *needs;
    const cJSON *const *ideas;
    const cJSON *const *events;
} LintAccount;

/* Runs every lint check on a scenario that loaded without errors (root: its
 * document, for positions). Scratch
 * memory comes from `scratch`; sets fc->oom when it runs out. */
void lint_scenario(FieldCtx *fc, const Scenario *s, const cJSON *root, const LintAccount *accounts, Arena *scratch);

#endif
