/* Saving and loading sessions as JSON, and replaying them. */
#include "keyaccounts/session.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/alloc.h"

enum { SESSION_FORMAT = 1, SESSION_MAX_COMMANDS = 100000 };

uint64_t scn_hash(const char *buf, size_t len)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)buf[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* ---- saving ------------------------------------------------------------------ */

static bool add_str(cJSON *obj, const char *key, const char *val)
{
    return cJSON_AddStringToObject(obj, key, val) != NULL;
}

static bool add_u64_str(cJSON *obj, const char *key, uint64_t v, bool hex)
{
    char buf[32];
    snprintf(buf, sizeof buf, hex ? "%016" PRIx64 : "%" PRIu64, v);
    return add_str(obj, key, buf);
}

static cJSON *command_json(const Scenario *s, const Command *c)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return NULL;
    }
    const Account *acc = &s->accounts[c->account];
    bool ok = add_str(o, "do", action_key(c->kind));
    if (c->kind != ACT_END_WEEK) {
        ok = ok && add_str(o, "account", acc->id);
    }
    if (c->contact >= 0 && c->kind != ACT_END_WEEK) {
        ok = ok && add_str(o, "contact", acc->contacts[c->contact].id);
    }
    if (c->idea >= 0 && c->kind != ACT_END_WEEK) {
        ok = ok && add_str(o, "idea", acc->ideas[c->idea].id);
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

char *session_to_json(const Sim *sim, const char *scenario_path, uint64_t scenario_hash,
                      const char *trainee, size_t *len)
{
    const Scenario *s = sim_scenario(sim);
    cJSON *root = cJSON_CreateObject();
    bool ok = root && cJSON_AddNumberToObject(root, "format_version", SESSION_FORMAT)
              && add_str(root, "kind", "keyaccounts-session");
    cJSON *scn = ok ? cJSON_AddObjectToObject(root, "scenario") : NULL;
    ok = scn && add_str(scn, "id", s->id) && add_str(scn, "path", scenario_path ? scenario_path : "")
         && add_u64_str(scn, "hash", scenario_hash, true)
         && add_u64_str(root, "seed", sim_seed(sim), false)
         && cJSON_AddNumberToObject(root, "week", sim_week(sim))
         && cJSON_AddNumberToObject(root, "score", sim_score(sim).total)
         && cJSON_AddBoolToObject(root, "finished", sim_over(sim))
         && (!trainee || add_str(root, "trainee", trainee));
    cJSON *cmds = ok ? cJSON_AddArrayToObject(root, "commands") : NULL;
    ok = cmds != NULL;
    size_t n;
    const Command *log = sim_log(sim, &n);
    for (size_t k = 0; ok && k < n; k++) {
        cJSON *c = command_json(s, &log[k]);
        ok = c && cJSON_AddItemToArray(cmds, c);
    }
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (text && len) {
        *len = strlen(text);
    }
    return text;
}

/* ---- loading ------------------------------------------------------------------- */

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = ka_malloc(n);
    if (p) {
        memcpy(p, s, n);
    }
    return p;
}

static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool parse_u64(const char *s, int base, uint64_t *out)
{
    if (!s || !*s) {
        return false;
    }
    char *end;
    unsigned long long v = strtoull(s, &end, base);
    if (*end || s[0] == '-' || s[0] == '+' || s[0] == ' ') {
        return false;
    }
    *out = (uint64_t)v;
    return true;
}

static bool action_from_key(const char *key, ActionKind *out)
{
    for (int a = 0; a < ACT_COUNT; a++) {
        if (key && strcmp(action_key((ActionKind)a), key) == 0) {
            *out = (ActionKind)a;
            return true;
        }
    }
    return false;
}

void session_record_free(SessionRecord *r)
{
    if (!r) {
        return;
    }
    for (size_t k = 0; k < r->command_count; k++) {
        ka_free(r->commands[k].account);
        ka_free(r->commands[k].contact);
        ka_free(r->commands[k].idea);
    }
    ka_free(r->commands);
    ka_free(r->scenario_path);
    ka_free(r->scenario_id);
    ka_free(r->trainee);
    memset(r, 0, sizeof *r);
}

static bool opt_dup(const cJSON *o, const char *key, char **out)
{
    const char *v = get_str(o, key);
    if (!v) {
        *out = NULL;
        return true;
    }
    *out = dup_str(v);
    return *out != NULL;
}

#define FAIL(code, ...)                                                   \
    do {                                                                  \
        diags_add(diags, SEV_ERROR, code, 0, 0, "", __VA_ARGS__);         \
        goto fail;                                                        \
    } while (0)

int session_from_json(const char *buf, size_t len, const char *name, SessionRecord *out,
                      Diagnostics *diags)
{
    (void)name;
    memset(out, 0, sizeof *out);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, false);
    if (!root) {
        diags_add(diags, SEV_ERROR, "KA501", 0, 0, "",
                  "the saved session is not valid JSON (damaged or cut short)");
        return -1;
    }
    const cJSON *fv = cJSON_GetObjectItemCaseSensitive(root, "format_version");
    const cJSON *scn = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(root, "commands");
    const cJSON *week = cJSON_GetObjectItemCaseSensitive(root, "week");
    const cJSON *score = cJSON_GetObjectItemCaseSensitive(root, "score");
    const char *kind = get_str(root, "kind");
    if (!cJSON_IsObject(root) || !kind || strcmp(kind, "keyaccounts-session") != 0) {
        FAIL("KA502", "this is not a Key Accounts session file");
    }
    if (!cJSON_IsNumber(fv) || fv->valuedouble != SESSION_FORMAT) {
        FAIL("KA503", "unsupported session format_version (this program reads version %d)",
             SESSION_FORMAT);
    }
    if (!cJSON_IsObject(scn) || !get_str(scn, "id") || !get_str(scn, "hash")
        || !parse_u64(get_str(scn, "hash"), 16, &out->scenario_hash)) {
        FAIL("KA504", "'scenario' must hold the scenario's 'id', 'path' and 'hash'");
    }
    if (!parse_u64(get_str(root, "seed"), 10, &out->seed)) {
        FAIL("KA504", "'seed' must be a string of digits");
    }
    if (!cJSON_IsNumber(week) || !cJSON_IsNumber(score) || week->valuedouble < 1
        || week->valuedouble > SCN_MAX_WEEKS + 1 || score->valuedouble < 0 || score->valuedouble > 100) {
        FAIL("KA504", "'week' and 'score' must be numbers in range");
    }
    out->week = (int)week->valueint;
    out->score = (int)score->valueint;
    if (!cJSON_IsArray(cmds)) {
        FAIL("KA504", "'commands' must be an array");
    }
    int count = cJSON_GetArraySize(cmds);
    if (count > SESSION_MAX_COMMANDS) {
        FAIL("KA505", "too many commands (%d; the limit is %d)", count, SESSION_MAX_COMMANDS);
    }
    if (!opt_dup(scn, "id", &out->scenario_id) || !opt_dup(scn, "path", &out->scenario_path)
        || !opt_dup(root, "trainee", &out->trainee)) {
        FAIL("KA500", "out of memory");
    }
    out->commands = ka_calloc((size_t)(count > 0 ? count : 1), sizeof *out->commands);
    if (!out->commands) {
        FAIL("KA500", "out of memory");
    }
    int k = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cmds)
    {
        SessionCommand *sc = &out->commands[k];
        out->command_count = (size_t)k + 1;
        if (!cJSON_IsObject(c) || !action_from_key(get_str(c, "do"), &sc->kind)) {
            FAIL("KA506", "command %d: 'do' must name an action (research, meet, ...)", k + 1);
        }
        if (!opt_dup(c, "account", &sc->account) || !opt_dup(c, "contact", &sc->contact)
            || !opt_dup(c, "idea", &sc->idea)) {
            FAIL("KA500", "out of memory");
        }
        k++;
    }
    cJSON_Delete(root);
    return 0;
fail:
    cJSON_Delete(root);
    session_record_free(out);
    return -1;
}

/* ---- replay --------------------------------------------------------------------- */

static int index_of_account(const Scenario *s, const char *id)
{
    for (int a = 0; id && a < s->account_count; a++) {
        if (strcmp(s->accounts[a].id, id) == 0) {
            return a;
        }
    }
    return -1;
}

static int index_of_contact(const Account *acc, const char *id)
{
    for (int c = 0; id && c < acc->contact_count; c++) {
        if (strcmp(acc->contacts[c].id, id) == 0) {
            return c;
        }
    }
    return -1;
}

static int index_of_idea(const Account *acc, const char *id)
{
    for (int i = 0; id && i < acc->idea_count; i++) {
        if (strcmp(acc->ideas[i].id, id) == 0) {
            return i;
        }
    }
    return -1;
}

Sim *session_replay(const Scenario *s, const SessionRecord *r, long *failed_at)
{
    *failed_at = -1;
    Sim *sim = sim_create(s, r->seed);
    if (!sim) {
        return NULL;
    }
    for (size_t k = 0; k < r->command_count; k++) {
        const SessionCommand *sc = &r->commands[k];
        Command c = {sc->kind, 0, -1, -1};
        if (sc->kind != ACT_END_WEEK) {
            c.account = index_of_account(s, sc->account);
            if (c.account < 0) {
                *failed_at = (long)k;
                sim_destroy(sim);
                return NULL;
            }
            const Account *acc = &s->accounts[c.account];
            c.contact = sc->contact ? index_of_contact(acc, sc->contact) : -1;
            c.idea = sc->idea ? index_of_idea(acc, sc->idea) : -1;
            if ((sc->contact && c.contact < 0) || (sc->idea && c.idea < 0)) {
                *failed_at = (long)k;
                sim_destroy(sim);
                return NULL;
            }
        }
        Refusal why = sim_apply(sim, c);
        if (why != REFUSE_NONE) {
            *failed_at = why == REFUSE_COUNT ? -1 : (long)k;
            sim_destroy(sim);
            return NULL;
        }
    }
    return sim;
}
