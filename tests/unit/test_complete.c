/* The terminal game's words: Tab completion as a pure function of the game's
 * state (src/cli/complete.h), the people's numbers (numbers.h), and
 * docs/how-to-play.md listing every command word the game accepts (verbs.h).
 * usage: test_complete first-steps.json docs/how-to-play.md */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../slurp.h"
#include "complete.h"
#include "keyaccounts/scenario.h"
#include "numbers.h"
#include "verbs.h"

/* The completions of typed, joined by spaces. */
static const char *words(const Sim *sim, const PeopleNumbers *nums, const char *typed)
{
    static char buf[4096];
    Completions c;
    complete_words(sim, nums, 0, typed, &c);
    buf[0] = '\0';
    for (int k = 0; k < c.count; k++) {
        strncat(buf, k ? " " : "", sizeof buf - strlen(buf) - 1);
        strncat(buf, c.words[k], sizeof buf - strlen(buf) - 1);
    }
    return buf;
}

static int contact(const Scenario *s, const char *id)
{
    return account_contact_index(&s->accounts[0], id);
}

static void test_completion(const Scenario *s)
{
    Sim *sim = sim_create(s, 3);
    PeopleNumbers *nums = numbers_create(s);
    CHECK(sim && nums);
    if (!sim || !nums) {
        return;
    }
    numbers_update(nums, sim);
    /* command words */
    CHECK_EQ_STR(words(sim, nums, "me"), "meet");
    CHECK_EQ_STR(words(sim, nums, "p"), "people pitch propose");
    CHECK_EQ_STR(words(sim, nums, "  RE"), "refer referral research");
    size_t all;
    (void)verbs_all(&all);
    Completions c;
    CHECK_EQ_INT(complete_words(sim, nums, 0, "", &c), (int)all);
    CHECK_EQ_STR(words(sim, nums, "zz"), "");
    /* people on the board only: Paul is known; Greta is not on the map */
    CHECK_EQ_STR(words(sim, nums, "meet "), "1 paul");
    CHECK_EQ_STR(words(sim, nums, "meet pa"), "paul");
    CHECK_EQ_STR(words(sim, nums, "meet Mei"), "paul"); /* his last name gives his id */
    CHECK_EQ_STR(words(sim, nums, "meet gr"), "");
    CHECK_EQ_STR(words(sim, nums, "MEET 1"), "1");
    /* ideas, then people */
    CHECK_EQ_STR(words(sim, nums, "propose i_cof"), "i_coffee_cups");
    CHECK_EQ_STR(words(sim, nums, "pitch i_coffee_cups p"), "paul");
    CHECK(strstr(words(sim, nums, "pitch "), "i_coffee_cups") != NULL);
    CHECK_EQ_STR(words(sim, nums, "pitch 1 2 "), ""); /* nothing after WHO */
    CHECK_EQ_STR(words(sim, nums, "research "), "");
    CHECK_EQ_STR(words(sim, nums, "end 1"), "");
    /* research brings a name: it gets the next number, and Tab offers it */
    CHECK_EQ_INT(sim_apply(sim, (Command){ACT_RESEARCH, 0, -1, -1}), REFUSE_NONE);
    numbers_update(nums, sim);
    CHECK_EQ_STR(words(sim, nums, "call "), "1 2 jonas paul");
    CHECK_EQ_INT(numbers_of(nums, 0, contact(s, "jonas")), 2);
    CHECK_EQ_INT(numbers_contact(nums, 0, 2), contact(s, "jonas"));
    CHECK_EQ_INT(numbers_contact(nums, 0, 3), -1);
    /* numbers stay: meeting Jonas (known now) keeps his 2 */
    CHECK_EQ_INT(sim_apply(sim, (Command){ACT_COLD_CALL, 0, contact(s, "jonas"), -1}), REFUSE_NONE);
    numbers_update(nums, sim);
    CHECK_EQ_INT(numbers_of(nums, 0, contact(s, "jonas")), 2);
    CHECK_EQ_INT(numbers_count(nums, 0), 2);
    /* the common start of the candidates */
    char common[COMPLETE_WORD_BYTES];
    complete_words(sim, nums, 0, "p", &c);
    complete_common(&c, common, sizeof common);
    CHECK_EQ_STR(common, "p");
    complete_words(sim, nums, 0, "refe", &c);
    complete_common(&c, common, sizeof common);
    CHECK_EQ_STR(common, "refer");
    numbers_destroy(nums);
    sim_destroy(sim);
}

/* docs/how-to-play.md names every command word as `word`. */
static void test_doc_lists_words(const char *doc_path)
{
    size_t len;
    char *doc = slurp(doc_path, &len);
    CHECK(doc != NULL);
    if (!doc) {
        return;
    }
    size_t count;
    const VerbWord *all = verbs_all(&count);
    for (size_t k = 0; k < count; k++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "`%s`", all[k].word);
        if (!strstr(doc, quoted)) {
            fprintf(stderr, "%s does not list the command word %s\n", doc_path, quoted);
            CHECK(strstr(doc, quoted) != NULL);
        }
    }
    free(doc);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_complete first-steps.json how-to-play.md\n");
        return 2;
    }
    size_t len;
    char *buf = slurp(argv[1], &len);
    Diagnostics d;
    diags_init(&d);
    Scenario *s = buf ? scn_parse(buf, len, argv[1], &d) : NULL;
    diags_deinit(&d);
    free(buf);
    CHECK(s != NULL);
    if (s) {
        test_completion(s);
        scenario_destroy(s);
    }
    test_doc_lists_words(argv[2]);
    return check_result("test_complete");
}
