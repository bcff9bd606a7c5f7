/* The field table of a scenario file's top level (load.c); every other table
 * of the format is reached from it through FieldSpec.object. For the reader
 * and for the test that holds the JSON Schema to the tables. Private to
 * src/scenario and its tests. */
#ifndef KEYACCOUNTS_SCENARIO_TABLES_H
#define KEYACCOUNTS_SCENARIO_TABLES_H

#include "fields.h"

extern const ObjectSpec SCENARIO_SPEC;

#endif
