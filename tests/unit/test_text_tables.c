/* Every language's table is complete: no key NULL or empty, and every key's
 * printf conversions (in order, with their length modifiers) the same as in
 * English, so text_fmt reads the same arguments in every language. Also the
 * plural rule of each language answers one of the three forms. */
#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "keyaccounts/text.h"
#include "../../src/text/lang.h"

/* The conversions of a printf format, e.g. "d s llu"; false if malformed. */
static bool conversions(const char *f, char *out, size_t n)
{
    size_t k = 0;
    out[0] = '\0';
    for (; *f; f++) {
        if (*f != '%') {
            continue;
        }
        f++;
        if (*f == '%') {
            continue;
        }
        while (*f && strchr("+-# 0", *f)) {
            f++;
        }
        while (*f && strchr("0123456789.*", *f)) {
            if (*f == '*' && k + 2 < n) {
                out[k++] = '*';
            }
            f++;
        }
        while (*f && strchr("hlzjtL", *f)) {
            if (k + 2 < n) {
                out[k++] = *f;
            }
            f++;
        }
        if (!*f || !strchr("diouxXcspfgeEG", *f) || k + 2 >= n) {
            return false;
        }
        out[k++] = *f;
        out[k++] = ' ';
        out[k] = '\0';
    }
    return true;
}

static void test_complete_and_matching(void)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        for (int key = 0; key < TEXT_KEY_COUNT; key++) {
            const char *s = text_str((Lang)l, (TextKey)key);
            const char *en = text_str(LANG_EN, (TextKey)key);
            if (!s[0]) {
                fprintf(stderr, "key %d (English \"%s\") is missing in %s\n", key, en, text_lang_key((Lang)l));
                CHECK(s[0]);
                continue;
            }
            char a[64], b[64];
            bool ok_en = conversions(en, a, sizeof a), ok = conversions(s, b, sizeof b);
            if (!ok_en || !ok || strcmp(a, b) != 0) {
                fprintf(stderr, "key %d: conversions differ: en \"%s\" [%s], %s \"%s\" [%s]\n", key, en, a,
                        text_lang_key((Lang)l), s, b);
                CHECK(ok_en && ok && strcmp(a, b) == 0);
            }
        }
    }
}

static void test_plural_rules(void)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        for (long n = -200; n <= 200; n++) {
            int f = text_plural_form((Lang)l, n);
            CHECK(f >= 0 && f <= 2);
        }
    }
}

/* Every language writes every sentence whose parts differ between languages. */
static void test_sentences(void)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        const TextSentences *say = text_language((Lang)l)->say;
        CHECK(say != NULL);
        if (!say) {
            continue;
        }
        char buf[512];
        CHECK(say->contact_arrived && say->departure_free && say->departure_cost && say->neglect && say->refused
              && say->single_threaded && say->unpitched_fit);
        say->refused(buf, sizeof buf, 3, "3 x", 1, "c", 4, "p");
        CHECK(strstr(buf, "4") != NULL);
        say->unpitched_fit(buf, sizeof buf, "Who Ever", "The Idea");
        CHECK(strstr(buf, "Who Ever") != NULL && strstr(buf, "The Idea") != NULL);
    }
}

static void test_checker(void)
{
    char a[64];
    CHECK(conversions("%d %s %llu %+d 80%%", a, sizeof a));
    CHECK_EQ_STR(a, "d s llu d ");
    CHECK(!conversions("50%", a, sizeof a));
}

int main(void)
{
    test_checker();
    test_complete_and_matching();
    test_plural_rules();
    test_sentences();
    return check_result("text.tables");
}
