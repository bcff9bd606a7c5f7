/* The numbers the terminal game gives people: 1..N per account, in the order
 * they are first shown (the people you know, then the names you have heard,
 * each in the scenario's order), and never changed afterwards, so `meet 5`
 * means the same person all game long. */
#ifndef KEYACCOUNTS_CLI_NUMBERS_H
#define KEYACCOUNTS_CLI_NUMBERS_H

#include "keyaccounts/sim.h"

typedef struct PeopleNumbers PeopleNumbers;

/* NULL when out of memory. */
PeopleNumbers *numbers_create(const Scenario *s);
void numbers_destroy(PeopleNumbers *p); /* accepts NULL */

/* Numbers everyone who has come into view since the last call. */
void numbers_update(PeopleNumbers *p, const Sim *sim);

/* The person's number, 0 when they have none yet. */
int numbers_of(const PeopleNumbers *p, int account, int contact);
/* The person with that number, -1 when nobody has it. */
int numbers_contact(const PeopleNumbers *p, int account, int number);
/* How many people of the account have a number. */
int numbers_count(const PeopleNumbers *p, int account);

#endif
