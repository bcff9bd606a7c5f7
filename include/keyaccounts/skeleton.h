/* New scenarios for authors: a skeleton built from a spreadsheet of a
 * client's people, and a small example that teaches by example. Pure: bytes
 * in, JSON text out, problems as diagnostics; no files, no printing. Part of
 * the scenario layer. The sheet's columns are described in docs/authoring.md. */
#ifndef KEYACCOUNTS_SKELETON_H
#define KEYACCOUNTS_SKELETON_H

#include <stddef.h>

#include "keyaccounts/diag.h"

/* What a skeleton holds, for the summary an author reads. */
typedef struct SkeletonCounts {
    int people;
    int departments;
    int referrals;   /* "knows" links */
} SkeletonCounts;

/* Builds a scenario (format version 1) from a people sheet saved as CSV
 * (keyaccounts/sheet.h): account, departments, contacts with ids made from
 * their names (Cyrillic transliterated), roles, influence, referrals, known
 * and main contact; needs, ideas, lines and the texts about the client are
 * placeholders starting with "TODO:" (validate warns about each, KA414).
 * lang is "en" or "ru": the language of the placeholders and of the scenario.
 * id is the scenario's id. Returns the JSON text (free it with free()), or
 * NULL with errors located by the sheet's row (line) and column (column, the
 * header in path) in diags. Warnings (a column that is not used) may be added
 * either way. counts may be NULL. */
char *skeleton_from_sheet(const char *csv, size_t len, const char *lang, const char *id,
                          SkeletonCounts *counts, Diagnostics *diags);

/* A small, complete scenario in lang ("en" or "ru") whose texts explain how
 * its parts work together: JSON text to free with free(), or NULL when out
 * of memory. */
char *skeleton_example(const char *lang);

/* An id made from a name: ASCII letters and digits lower-cased, Cyrillic
 * transliterated, anything else a '_' ("Ольга Петрова" -> "olga_petrova").
 * Starts with a letter ("p_" added when it would not); at most 40
 * characters; "person" when nothing is left. Writes into buf. */
const char *skeleton_id_from_name(const char *name, char *buf, size_t n);

#endif
