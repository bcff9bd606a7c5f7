/* A small scenario built in C, so that core tests need no JSON loader.
 *
 * Acme Foods: the main contact Paula (purchasing) knows Theo (technical,
 * quality) and can introduce him; Theo can introduce Erin (economic buyer,
 * finance). Uma (user, plant) is findable by research. Nadia arrives when
 * Paula leaves at the end of week 3. */
#ifndef KEYACCOUNTS_TESTS_FIXTURE_H
#define KEYACCOUNTS_TESTS_FIXTURE_H

#include <string.h>

#include "keyaccounts/model.h"

enum { F_PAULA, F_THEO, F_ERIN, F_UMA, F_NADIA, F_CONTACTS };
enum { F_NEED_PRICE, F_NEED_YIELD, F_NEED_COST, F_NEED_WASTE, F_NEEDS };
enum { F_IDEA_SWAP, F_IDEA_ENZYME, F_IDEA_PROGRAMME, F_IDEAS };

static int *fixture_ints(Scenario *s, int n, const int *v)
{
    int *p = arena_array(&s->arena, (size_t)n, sizeof *p);
    memcpy(p, v, (size_t)n * sizeof *p);
    return p;
}

static Scenario *fixture_create(int leave_week)
{
    Scenario *s = scenario_create();
    if (!s) {
        return NULL;
    }
    Arena *ar = &s->arena;
    s->id = "acme";
    s->title = "Acme Foods";
    s->summary = "A test account.";
    s->briefing = "Grow Acme.";
    s->seller = "Test Chemicals";
    s->weeks = 6;
    s->hours_per_week = 12;
    s->product_count = 1;
    s->products = arena_array(ar, 1, sizeof *s->products);
    s->products[0] = (Product){"enzyme", "Enzyme blend", ""};
    s->objective_count = 1;
    s->objectives = arena_array(ar, 1, sizeof *s->objectives);
    s->objectives[0] = "Grow the account.";
    s->account_count = 1;
    s->accounts = arena_array(ar, 1, sizeof *s->accounts);
    Account *a = &s->accounts[0];
    a->id = "acme";
    a->name = "Acme Foods";
    a->industry = "Food";
    a->description = "A bakery group.";
    a->employees = 300;
    a->baseline = 100000;
    a->potential = 500000;
    a->growth_target = 150000;
    a->weight = 1;
    a->department_count = 4;
    a->departments = arena_array(ar, 4, sizeof *a->departments);
    a->departments[0] = (Department){"purchasing", "Purchasing", ""};
    a->departments[1] = (Department){"quality", "Quality", ""};
    a->departments[2] = (Department){"finance", "Finance", ""};
    a->departments[3] = (Department){"plant", "Plant", ""};
    a->need_count = F_NEEDS;
    a->needs = arena_array(ar, F_NEEDS, sizeof *a->needs);
    a->needs[F_NEED_PRICE] = (Need){"price", "Lower price per kilo", false};
    a->needs[F_NEED_YIELD] = (Need){"yield", "Higher dough yield", false};
    a->needs[F_NEED_COST] = (Need){"cost", "Cut cost of goods by 3%", true};
    a->needs[F_NEED_WASTE] = (Need){"waste", "Less scrap on line 2", false};
    a->contact_count = F_CONTACTS;
    a->contacts = arena_array(ar, F_CONTACTS, sizeof *a->contacts);
    Contact *c = a->contacts;
    c[F_PAULA] = (Contact){.id = "paula", .name = "Paula", .title = "Buyer", .department = 0,
                           .roles = 0, .influence = 3, .mode = MODE_EVEN_KEEL, .relationship = 55,
                           .known = true, .main = true, .present = true};
    c[F_THEO] = (Contact){.id = "theo", .name = "Theo", .title = "Quality lead", .department = 1,
                          .roles = ROLE_TECHNICAL | ROLE_COACH, .influence = 3, .mode = MODE_GROWTH,
                          .present = true};
    c[F_ERIN] = (Contact){.id = "erin", .name = "Erin", .title = "CFO", .department = 2,
                          .roles = ROLE_ECONOMIC, .influence = 5, .mode = MODE_TROUBLE, .present = true};
    c[F_UMA] = (Contact){.id = "uma", .name = "Uma", .title = "Line lead", .department = 3,
                         .roles = ROLE_USER, .influence = 2, .mode = MODE_GROWTH, .findable = true,
                         .present = true};
    c[F_NADIA] = (Contact){.id = "nadia", .name = "Nadia", .title = "New buyer", .department = 0,
                           .roles = 0, .influence = 3, .mode = MODE_GROWTH, .present = false};
    c[F_PAULA].needs = fixture_ints(s, 1, (int[]){F_NEED_PRICE});
    c[F_PAULA].need_count = 1;
    c[F_PAULA].refers = fixture_ints(s, 1, (int[]){F_THEO});
    c[F_PAULA].refer_count = 1;
    c[F_PAULA].lines[LINE_GREETING] = "Good to see you.";
    c[F_THEO].needs = fixture_ints(s, 2, (int[]){F_NEED_YIELD, F_NEED_WASTE});
    c[F_THEO].need_count = 2;
    c[F_THEO].refers = fixture_ints(s, 1, (int[]){F_ERIN});
    c[F_THEO].refer_count = 1;
    c[F_ERIN].needs = fixture_ints(s, 1, (int[]){F_NEED_COST});
    c[F_ERIN].need_count = 1;
    c[F_UMA].needs = fixture_ints(s, 1, (int[]){F_NEED_WASTE});
    c[F_UMA].need_count = 1;
    a->idea_count = F_IDEAS;
    a->ideas = arena_array(ar, F_IDEAS, sizeof *a->ideas);
    Idea *i = a->ideas;
    i[F_IDEA_SWAP] = (Idea){.id = "swap", .title = "Cheaper blend", .description = "d", .product = 0,
                            .value = 20000, .level = LEVEL_PRODUCT};
    i[F_IDEA_SWAP].needs = fixture_ints(s, 1, (int[]){F_NEED_PRICE});
    i[F_IDEA_SWAP].need_count = 1;
    i[F_IDEA_ENZYME] = (Idea){.id = "enzyme", .title = "Yield enzyme", .description = "d", .product = 0,
                              .value = 80000, .level = LEVEL_BUSINESS,
                              .approval_roles = ROLE_TECHNICAL | ROLE_ECONOMIC};
    i[F_IDEA_ENZYME].needs = fixture_ints(s, 2, (int[]){F_NEED_YIELD, F_NEED_COST});
    i[F_IDEA_ENZYME].need_count = 2;
    i[F_IDEA_PROGRAMME] = (Idea){.id = "programme", .title = "Scrap programme", .description = "d",
                                 .product = 0, .value = 60000, .level = LEVEL_SERVICE,
                                 .approval_roles = ROLE_TECHNICAL};
    i[F_IDEA_PROGRAMME].needs = fixture_ints(s, 1, (int[]){F_NEED_WASTE});
    i[F_IDEA_PROGRAMME].need_count = 1;
    a->event_count = 1;
    a->events = arena_array(ar, 1, sizeof *a->events);
    Event *e = &a->events[0];
    e->id = "paula_leaves";
    e->from_week = e->to_week = leave_week;
    e->probability = 100;
    e->when.kind = COND_ALWAYS;
    e->when.contact = e->when.idea = -1;
    e->effect_count = 2;
    e->effects[0] = (Effect){.kind = EFFECT_CONTACT_LEAVES, .contact = F_PAULA, .need_removed = -1,
                             .need_added = -1};
    e->effects[1] = (Effect){.kind = EFFECT_CONTACT_ARRIVES, .contact = F_NADIA, .need_removed = -1,
                             .need_added = -1};
    e->message = "Paula moves to another company.";
    return s;
}

#endif
