/* A tiny test harness: CHECK records a failure and goes on; the test's main
 * returns check_result(). */
#ifndef KEYACCOUNTS_TESTS_CHECK_H
#define KEYACCOUNTS_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        check_count++;                                                               \
        if (!(cond)) {                                                               \
            check_failures++;                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                           \
    do {                                                                             \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);              \
        check_count++;                                                               \
        if (check_a_ != check_b_) {                                                  \
            check_failures++;                                                        \
            fprintf(stderr, "%s:%d: check failed: %s == %s (%lld vs %lld)\n",        \
                    __FILE__, __LINE__, #a, #b, check_a_, check_b_);                 \
        }                                                                            \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                           \
    do {                                                                             \
        const char *check_a_ = (a), *check_b_ = (b);                                 \
        check_count++;                                                               \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {            \
            check_failures++;                                                        \
            fprintf(stderr, "%s:%d: check failed: %s == %s (\"%s\" vs \"%s\")\n",    \
                    __FILE__, __LINE__, #a, #b, check_a_ ? check_a_ : "(null)",      \
                    check_b_ ? check_b_ : "(null)");                                 \
        }                                                                            \
    } while (0)

static inline int check_result(const char *name)
{
    if (check_count == 0) {
        fprintf(stderr, "%s: no checks ran\n", name);
        return 1;
    }
    fprintf(stderr, "%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
