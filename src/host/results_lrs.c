/* Results read back from a Learning Record Store (docs/xapi.md): every
 * `completed` statement of a Key Accounts scenario carries its result
 * document, which becomes a ResultRecord as if read from a file. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/xapi.h"
#include "results.h"

#define SCENARIOS_IRI XAPI_BASE "/scenarios/"

typedef struct Found {
    ResultRecord r;
    char *path; /* "lrs:STATEMENT_ID" */
} Found;

typedef struct Collect {
    const char *scenario_id;
    const char *since;
    Found *items;
    size_t count, cap;
    size_t failed;
    bool oom;
    Msgs *m;
} Collect;

static bool seen(const Collect *c, const char *path)
{
    for (size_t k = 0; k < c->count; k++) {
        if (strcmp(c->items[k].path, path) == 0) {
            return true;
        }
    }
    return false;
}

/* One statement: skipped when it is not about a Key Accounts scenario (another
 * product's `completed`), reported and counted when it is ours but carries no
 * usable result. */
static int take(const char *json, size_t len, void *user)
{
    Collect *c = user;
    cJSON *st = cJSON_ParseWithLength(json, len);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(st, "id");
    const cJSON *object = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(st, "object"), "id");
    bool ours = cJSON_IsString(object) && strncmp(object->valuestring, SCENARIOS_IRI, strlen(SCENARIOS_IRI)) == 0;
    char path[128];
    snprintf(path, sizeof path, "lrs:%.60s", cJSON_IsString(id) ? id->valuestring : "(no id)");
    cJSON_Delete(st);
    if (!ours || seen(c, path)) {
        return 0;
    }
    char why[600];
    Found f = {0};
    if (xapi_statement_result(json, len, &f.r, why, sizeof why) != 0) {
        msgs_add(c->m, "LRS statement %s: skipped: %s", path + 4, why);
        c->failed++;
        return 0;
    }
    bool wanted = (!c->scenario_id || strcmp(f.r.session.scenario_id, c->scenario_id) == 0)
                  && (!c->since || strcmp(f.r.finished_at, c->since) >= 0);
    if (wanted && c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        Found *grown = realloc(c->items, cap * sizeof *grown);
        if (grown) {
            c->items = grown;
            c->cap = cap;
        }
    }
    f.path = wanted && c->count < c->cap ? strdup(path) : NULL;
    if (!f.path) {
        result_record_free(&f.r);
        c->oom = wanted;
        return wanted ? -1 : 0;
    }
    c->items[c->count++] = f;
    return 0;
}

/* Scenario, then finishing time, then trainee: the same results always
 * make the same report, whatever order the LRS answers in. */
static int by_scenario_time(const void *a, const void *b)
{
    const ResultRecord *x = &((const Found *)a)->r, *y = &((const Found *)b)->r;
    int c = strcmp(x->session.scenario_id, y->session.scenario_id);
    c = c ? c : strcmp(x->finished_at, y->finished_at);
    c = c ? c : strcmp(x->session.trainee, y->session.trainee);
    return c ? c : strcmp(((const Found *)a)->path, ((const Found *)b)->path);
}

int results_collect_lrs(const LrsConfig *cfg, const ResultsLrsQuery *q, ResultSet *set, size_t *pages, Msgs *m)
{
    memset(set, 0, sizeof *set);
    *pages = 0;
    Collect c = {.scenario_id = q->scenario_id, .since = q->since, .m = m};
    char activity[600];
    LrsQuery lq = {.verb = "http://adlnet.gov/expapi/verbs/completed", .since = q->since, .limit = q->page_size};
    if (q->scenario_id) {
        snprintf(activity, sizeof activity, SCENARIOS_IRI "%s", q->scenario_id);
        lq.activity = activity;
    } else {
        lq.activity = XAPI_BASE "/xapi/keyaccounts"; /* the category of every statement of ours */
        lq.related = true;
    }
    char why[1024];
    int rc = lrs_fetch(cfg, &lq, take, &c, pages, why, sizeof why);
    if (rc != 0) {
        msgs_add(m, "%s", c.oom ? "out of memory" : why);
    }
    if (c.count > 0) {
        qsort(c.items, c.count, sizeof *c.items, by_scenario_time);
        set->items = calloc(c.count, sizeof *set->items);
        set->paths = calloc(c.count, sizeof *set->paths);
    }
    bool room = set->items && set->paths;
    for (size_t k = 0; k < c.count; k++) {
        if (room && rc == 0) {
            set->items[set->count] = c.items[k].r;
            set->paths[set->count++] = c.items[k].path;
        } else {
            result_record_free(&c.items[k].r);
            free(c.items[k].path);
        }
    }
    if (c.count > 0 && !room) {
        msgs_add(m, "out of memory");
        rc = -1;
    }
    free(c.items);
    set->failed = c.failed;
    if (rc != 0) {
        results_set_free(set);
    }
    return rc;
}
