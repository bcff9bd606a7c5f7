#include "complete.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verbs.h"

/* Does s start with prefix, ASCII letters in any case? */
static bool starts(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++) {
        if (tolower((unsigned char)*s) != tolower((unsigned char)*prefix)) {
            return false;
        }
    }
    return true;
}

static void add(Completions *out, const char *word)
{
    for (int k = 0; k < out->count; k++) {
        if (strcmp(out->words[k], word) == 0) {
            return;
        }
    }
    if (out->count == COMPLETE_MAX) {
        out->more = true;
        return;
    }
    snprintf(out->words[out->count++], COMPLETE_WORD_BYTES, "%s", word);
}

static void add_number(Completions *out, int n, const char *prefix)
{
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    if (starts(num, prefix)) {
        add(out, num);
    }
}

/* A name matches when one of its words starts with the prefix. */
static bool name_matches(const char *name, const char *prefix)
{
    for (const char *p = name; *p; p++) {
        if ((p == name || p[-1] == ' ') && starts(p, prefix)) {
            return true;
        }
    }
    return false;
}

static void people(const Sim *sim, const PeopleNumbers *nums, int a, const char *prefix, Completions *out)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    for (int n = 1; n <= numbers_count(nums, a); n++) {
        int c = numbers_contact(nums, a, n);
        ContactStatus st = sim_contact_status(sim, a, c);
        if (st != STATUS_KNOWN && st != STATUS_HEARD_OF) {
            continue;
        }
        add_number(out, n, prefix);
        if (starts(acc->contacts[c].id, prefix) || (prefix[0] && name_matches(acc->contacts[c].name, prefix))) {
            add(out, acc->contacts[c].id);
        }
    }
}

static void ideas(const Sim *sim, int a, const char *prefix, Completions *out)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    for (int i = 0; i < acc->idea_count; i++) {
        add_number(out, i + 1, prefix);
        if (starts(acc->ideas[i].id, prefix)) {
            add(out, acc->ideas[i].id);
        }
    }
}

static void accounts(const Scenario *s, const char *prefix, Completions *out)
{
    for (int a = 0; a < s->account_count; a++) {
        add_number(out, a + 1, prefix);
        if (starts(s->accounts[a].id, prefix)) {
            add(out, s->accounts[a].id);
        }
    }
}

static int by_bytes(const void *x, const void *y)
{
    return strcmp(x, y);
}

int complete_words(const Sim *sim, const PeopleNumbers *nums, int account, const char *typed, Completions *out)
{
    memset(out, 0, sizeof *out);
    /* the words typed before the last, and the last (maybe empty) */
    char first[COMPLETE_WORD_BYTES] = "";
    int before = 0;
    const char *p = typed, *last = typed;
    while (*p) {
        while (*p == ' ' || *p == '\t') {
            p++;
        }
        last = p;
        if (!*p) {
            break;
        }
        const char *end = p;
        while (*end && *end != ' ' && *end != '\t') {
            end++;
        }
        if (!*end) {
            break; /* the word being typed */
        }
        if (before == 0) {
            size_t len = (size_t)(end - p) < sizeof first ? (size_t)(end - p) : sizeof first - 1;
            for (size_t k = 0; k < len; k++) {
                first[k] = (char)tolower((unsigned char)p[k]);
            }
            first[len] = '\0';
        }
        before++;
        p = end;
        last = p;
    }
    if (before == 0) {
        size_t count;
        const VerbWord *all = verbs_all(&count);
        for (size_t k = 0; k < count; k++) {
            if (starts(all[k].word, last)) {
                add(out, all[k].word);
            }
        }
    } else {
        switch (verbs_args(verbs_of(first))) {
        case ARGS_WHO:
            if (before == 1) {
                people(sim, nums, account, last, out);
            }
            break;
        case ARGS_IDEA:
            if (before == 1) {
                ideas(sim, account, last, out);
            }
            break;
        case ARGS_IDEA_WHO:
            if (before == 1) {
                ideas(sim, account, last, out);
            } else if (before == 2) {
                people(sim, nums, account, last, out);
            }
            break;
        case ARGS_ACCOUNT:
            if (before == 1) {
                accounts(sim_scenario(sim), last, out);
            }
            break;
        case ARGS_NONE:
            break;
        }
    }
    qsort(out->words, (size_t)out->count, sizeof out->words[0], by_bytes);
    return out->count;
}

void complete_common(const Completions *c, char *buf, size_t n)
{
    size_t len = 0;
    if (c->count > 0) {
        len = strlen(c->words[0]);
        for (int k = 1; k < c->count; k++) {
            size_t m = 0;
            while (m < len && c->words[k][m] == c->words[0][m]) {
                m++;
            }
            len = m;
        }
    }
    if (len >= n) {
        len = n - 1;
    }
    memcpy(buf, c->count > 0 ? c->words[0] : "", len);
    buf[len] = '\0';
}
