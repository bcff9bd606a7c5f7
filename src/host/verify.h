/* A result is evidence, not a claim: checking it means replaying its commands
 * on the scenario it names (by id and hash of the bytes played, library.h)
 * and deriving every number again. What the replay covers, and what stays the
 * trainee's word (the name, the times, the program version), is in
 * docs/workshops.md. Works on any ResultSet, however it was collected. */
#ifndef KEYACCOUNTS_HOST_VERIFY_H
#define KEYACCOUNTS_HOST_VERIFY_H

#include "library.h"
#include "results.h"

typedef enum ResultMark {
    RESULT_UNCHECKED = 0,
    RESULT_VERIFIED,         /* replayed; every stored copy agrees */
    RESULT_NOT_REPRODUCIBLE, /* the commands do not replay, or a stored copy differs (why says which) */
    RESULT_SCENARIO_UNKNOWN, /* no scenario file with the recorded id and hash */
    RESULT_COPY,             /* the same scenario, seed and commands as another result */
} ResultMark;

typedef struct ResultCheck {
    ResultMark mark;
    bool replayed;        /* the record's derived parts are now the replay's */
    char scenario[1024];  /* the file it was replayed on ("" when none) */
    char why[1024];       /* what is wrong, in one sentence ("" when verified) */
} ResultCheck;

/* "verified", "not reproducible", "scenario unknown", "copy" (the report's
 * words and the CSV's values). */
const char *result_mark_name(ResultMark mark);

/* Checks r against lib. When the commands replay, r's derived parts are
 * replaced by the replay's (whatever the file claimed) and check->replayed is
 * set. 0, or -1 when out of memory. */
int result_verify(ResultRecord *r, ScnLibrary *lib, ResultCheck *check);

/* Checks every result of the set (set->checks, one per item), then marks as
 * copies the results that share their scenario, seed and command log with
 * another (each naming the other). 0, or -1 when out of memory. */
int results_verify(ResultSet *set, ScnLibrary *lib);

/* True when the set's item k counts: verified, neither a copy nor unchecked. */
bool results_counts(const ResultSet *set, size_t k);

#endif
