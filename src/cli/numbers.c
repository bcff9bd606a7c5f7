#include "numbers.h"

#include <stdlib.h>

struct PeopleNumbers {
    int accounts;
    int *number[SCN_MAX_ACCOUNTS];  /* per contact; 0: none yet */
    int *contact[SCN_MAX_ACCOUNTS]; /* per number - 1 */
    int count[SCN_MAX_ACCOUNTS];
};

PeopleNumbers *numbers_create(const Scenario *s)
{
    PeopleNumbers *p = calloc(1, sizeof *p);
    if (!p) {
        return NULL;
    }
    p->accounts = s->account_count;
    for (int a = 0; a < s->account_count; a++) {
        size_t n = (size_t)s->accounts[a].contact_count + 1;
        p->number[a] = calloc(n, sizeof *p->number[a]);
        p->contact[a] = calloc(n, sizeof *p->contact[a]);
        if (!p->number[a] || !p->contact[a]) {
            numbers_destroy(p);
            return NULL;
        }
    }
    return p;
}

void numbers_destroy(PeopleNumbers *p)
{
    if (!p) {
        return;
    }
    for (int a = 0; a < p->accounts; a++) {
        free(p->number[a]);
        free(p->contact[a]);
    }
    free(p);
}

static void number_those(PeopleNumbers *p, const Sim *sim, int a, ContactStatus status)
{
    const Account *acc = &sim_scenario(sim)->accounts[a];
    for (int c = 0; c < acc->contact_count; c++) {
        if (p->number[a][c] == 0 && sim_contact_status(sim, a, c) == status) {
            p->contact[a][p->count[a]] = c;
            p->number[a][c] = ++p->count[a];
        }
    }
}

void numbers_update(PeopleNumbers *p, const Sim *sim)
{
    for (int a = 0; a < p->accounts; a++) {
        number_those(p, sim, a, STATUS_KNOWN);
        number_those(p, sim, a, STATUS_HEARD_OF);
    }
}

int numbers_of(const PeopleNumbers *p, int account, int contact)
{
    return p->number[account][contact];
}

int numbers_contact(const PeopleNumbers *p, int account, int number)
{
    return number >= 1 && number <= p->count[account] ? p->contact[account][number - 1] : -1;
}

int numbers_count(const PeopleNumbers *p, int account)
{
    return p->count[account];
}
