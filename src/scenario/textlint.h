/* Text lint of a scenario that loaded without errors: located warnings for
 * characters the game's font cannot draw (KA406) and text too long for the
 * box the window shows it in (KA407), and placeholder text marked TODO
 * (KA414). Private to src/scenario. */
#ifndef KEYACCOUNTS_SCENARIO_TEXTLINT_H
#define KEYACCOUNTS_SCENARIO_TEXTLINT_H

#include <cjson/cJSON.h>

#include "fields.h"

void textlint_scenario(FieldCtx *fc, const cJSON *root);

#endif
