/* Saving and loading sessions as JSON, and replaying them. */
#include "keyaccounts/session.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"
#include "keyaccounts/alloc.h"
#include "keyaccounts/scenario.h"
#include "textutil.h"

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

/* Adds the command log to a session or result document, prints it (malloc'd,
 * NUL-terminated) and frees the tree; NULL when anything ran out of memory. */
static char *finish_document(cJSON *root, bool ok, const Sim *sim, size_t *len)
{
    const Scenario *s = sim_scenario(sim);
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
    return finish_document(root, ok, sim, len);
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
        /* valid JSON that cJSON could not hold means memory ran out */
        Diagnostics syn;
        diags_init(&syn);
        bool valid = jp_prescan(buf, len, &syn) && jp_check_syntax(buf, len, &syn);
        diags_deinit(&syn);
        if (valid && len > 0) {
            diags_add(diags, SEV_ERROR, "KA500", 0, 0, "", "out of memory");
        } else {
            diags_add(diags, SEV_ERROR, "KA501", 0, 0, "",
                      "the saved session is not valid JSON (damaged or cut short)");
        }
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

int session_command_resolve(const Scenario *s, const SessionCommand *sc, Command *out)
{
    Command c = {sc->kind, 0, -1, -1};
    if (sc->kind != ACT_END_WEEK) {
        c.account = scenario_account_index(s, sc->account);
        if (c.account < 0) {
            return -1;
        }
        const Account *acc = &s->accounts[c.account];
        c.contact = sc->contact ? account_contact_index(acc, sc->contact) : -1;
        c.idea = sc->idea ? account_idea_index(acc, sc->idea) : -1;
        if ((sc->contact && c.contact < 0) || (sc->idea && c.idea < 0)) {
            return -1;
        }
    }
    *out = c;
    return 0;
}

Sim *session_replay(const Scenario *s, const SessionRecord *r, long *failed_at)
{
    *failed_at = -1;
    Sim *sim = sim_create(s, r->seed);
    if (!sim) {
        return NULL;
    }
    for (size_t k = 0; k < r->command_count; k++) {
        Command c;
        if (session_command_resolve(s, &r->commands[k], &c) != 0) {
            *failed_at = (long)k;
            sim_destroy(sim);
            return NULL;
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

/* ---- results: writing ----------------------------------------------------------- */

enum { RESULT_FORMAT = 1, RESULT_MAX_WEEKS = SCN_MAX_WEEKS + 1, RESULT_MAX_TRAINEE = 200 };
#define RESULT_MAX_MONEY 1e15
#define RESULT_MAX_COUNT 1e6

ResultBehaviour result_behaviour(const Sim *sim)
{
    ResultBehaviour b;
    memset(&b, 0, sizeof b);
    size_t n;
    const Command *log = sim_log(sim, &n);
    for (size_t k = 0; k < n; k++) {
        switch (log[k].kind) {
        case ACT_RESEARCH: b.research++; break;
        case ACT_MEET: b.meetings++; break;
        case ACT_PITCH: b.pitches++; break;
        case ACT_REFERRAL: b.referrals_asked++; break;
        case ACT_COLD_CALL: b.cold_calls++; break;
        case ACT_PROPOSE: b.proposals++; break;
        case ACT_SERVICE: b.services++; break;
        default: break;
        }
    }
    const JournalEntry *j = sim_journal(sim, &n);
    for (size_t k = 0; k < n; k++) {
        switch (j[k].kind) {
        case J_PITCH_WON: b.pitches_won++; break;
        case J_REFERRAL_WON: b.referrals_won++; break;
        case J_COLD_CALL_WON: b.cold_calls_won++; break;
        case J_PROPOSE_WON: b.ideas_adopted++; break;
        default: break;
        }
    }
    const Scenario *s = sim_scenario(sim);
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        for (int c = 0; c < acc->contact_count; c++) {
            if (sim_contact_status(sim, a, c) == STATUS_KNOWN) {
                b.contacts_known++;
                b.contacts_reached += !acc->contacts[c].known;
                b.contacts_engaged += sim_engaged(sim, a, c);
            }
            int depth = 0;
            for (int t = sim_introduced_by(sim, a, c); t >= 0 && depth <= acc->contact_count;
                 t = sim_introduced_by(sim, a, t)) {
                depth++;
            }
            b.contacts_introduced += depth > 0;
            if (depth > b.referral_depth) {
                b.referral_depth = depth;
            }
        }
    }
    return b;
}

static int64_t sim_run_rate_total(const Sim *sim)
{
    int64_t sum = 0;
    for (int a = 0; a < sim_scenario(sim)->account_count; a++) {
        sum += sim_run_rate(sim, a);
    }
    return sum;
}

static bool add_int(cJSON *o, const char *key, double v)
{
    return cJSON_AddNumberToObject(o, key, v) != NULL;
}

static bool add_subs(cJSON *o, const Score *sc)
{
    bool ok = add_int(o, "total", sc->total);
    for (int i = 0; ok && i < SUB_COUNT; i++) {
        ok = add_int(o, subscore_key((SubScore)i), sc->sub[i]);
    }
    return ok;
}

#define BEHAVIOUR_FIELDS(X)                                                                  \
    X(research) X(meetings) X(pitches) X(pitches_won) X(referrals_asked) X(referrals_won)   \
    X(cold_calls) X(cold_calls_won) X(proposals) X(ideas_adopted) X(services)              \
    X(contacts_known) X(contacts_reached) X(contacts_engaged) X(contacts_introduced)       \
    X(referral_depth)

char *result_to_json(const Sim *sim, const ResultMeta *m, size_t *len)
{
    const Scenario *s = sim_scenario(sim);
    Score sc = sim_score(sim);
    ResultBehaviour b = result_behaviour(sim);
    cJSON *root = cJSON_CreateObject();
    bool ok = root && add_int(root, "format_version", RESULT_FORMAT)
              && add_str(root, "kind", "keyaccounts-result")
              && add_str(root, "program_version", m->program_version ? m->program_version : "")
              && add_str(root, "trainee", m->trainee ? m->trainee : "")
              && add_str(root, "started_at", m->started_at) && add_str(root, "finished_at", m->finished_at)
              && add_str(root, "lang", m->lang ? m->lang : "en");
    cJSON *scn = ok ? cJSON_AddObjectToObject(root, "scenario") : NULL;
    cJSON *weights = NULL;
    ok = scn && add_str(scn, "id", s->id) && add_str(scn, "title", s->title)
         && add_str(scn, "path", m->scenario_path ? m->scenario_path : "")
         && add_u64_str(scn, "hash", m->scenario_hash, true)
         && add_int(scn, "pass_mark", s->scoring.pass_mark)
         && (weights = cJSON_AddObjectToObject(scn, "weights")) != NULL
         && add_u64_str(root, "seed", sim_seed(sim), false);
    for (int i = 0; ok && i < SUB_COUNT; i++) {
        ok = add_int(weights, subscore_key((SubScore)i), s->scoring.weights[i]);
    }
    cJSON *score = ok ? cJSON_AddObjectToObject(root, "score") : NULL;
    ok = score && add_subs(score, &sc) && cJSON_AddBoolToObject(score, "passed", sim_passed(sim))
         && add_int(score, "revenue_run_rate", (double)sim_run_rate_total(sim))
         && add_int(score, "revenue_booked", (double)sim_revenue_booked(sim));
    cJSON *weeks = ok ? cJSON_AddArrayToObject(root, "weeks") : NULL;
    ok = weeks != NULL;
    size_t n;
    const WeekSnapshot *w = sim_timeline(sim, &n);
    for (size_t k = 0; ok && k < n; k++) {
        cJSON *o = cJSON_CreateObject();
        ok = o && cJSON_AddItemToArray(weeks, o) && add_int(o, "week", w[k].week) && add_subs(o, &w[k].score)
             && add_int(o, "revenue_run_rate", (double)w[k].revenue_run_rate)
             && add_int(o, "revenue_booked", (double)w[k].revenue_booked)
             && add_int(o, "engaged", w[k].engaged) && add_int(o, "known", w[k].known);
    }
    cJSON *beh = ok ? cJSON_AddObjectToObject(root, "behaviour") : NULL;
    ok = beh != NULL;
#define ADD_B(f) ok = ok && add_int(beh, #f, b.f);
    BEHAVIOUR_FIELDS(ADD_B)
#undef ADD_B
    cJSON *coach = ok ? cJSON_AddArrayToObject(root, "coaching") : NULL;
    ok = coach != NULL;
    for (size_t k = 0; ok && k < m->coaching_count && k < RESULT_MAX_COACHING; k++) {
        cJSON *t = cJSON_CreateString(m->coaching[k]);
        ok = t && cJSON_AddItemToArray(coach, t);
    }
    return finish_document(root, ok, sim, len);
}

/* ---- results: reading ------------------------------------------------------------ */

/* Every object of a result file is described once, here, and checked
 * generically: unknown and duplicate keys, missing keys, types, ranges. */
typedef enum FieldType { FT_STR, FT_INT, FT_BOOL, FT_OBJ, FT_ARR } FieldType;

typedef struct Field {
    const char *key;
    FieldType type;
    double lo, hi; /* FT_INT: bounds; FT_STR: byte length; FT_ARR: item count */
} Field;

typedef struct Reader {
    Diagnostics *d;
    JsonPosMap *map;
    bool oom;
} Reader;

static void rd_error(Reader *r, const cJSON *node, bool at_key, const char *code, const char *path,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void rd_error(Reader *r, const cJSON *node, bool at_key, const char *code, const char *path,
                     const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    JsonPos p = {0, 0};
    if (node && r->map) {
        p = at_key ? jp_key_pos(r->map, node) : jp_value_pos(r->map, node);
        if (p.line == 0) {
            p = jp_value_pos(r->map, node);
        }
    }
    diags_add(r->d, SEV_ERROR, code, p.line, p.col, path, "%s", msg);
}

static const char *type_name(FieldType t)
{
    static const char *const NAMES[] = {"a string", "a whole number", "true or false", "an object",
                                        "an array"};
    return NAMES[t];
}

static void join_path(char *out, size_t n, const char *path, const char *key)
{
    snprintf(out, n, "%s%s%s", path, path[0] ? "." : "", key);
}

/* Checks obj against the table; returns true when every field is right. */
static bool check_object(Reader *r, const cJSON *obj, const char *path, const Field *f, size_t nf)
{
    if (!cJSON_IsObject(obj)) {
        rd_error(r, obj, false, "KA504", path, "must be an object");
        return false;
    }
    bool ok = true;
    char sub[256];
    for (const cJSON *c = obj->child; c; c = c->next) {
        join_path(sub, sizeof sub, path, c->string);
        for (const cJSON *p = obj->child; p != c; p = p->next) {
            if (strcmp(p->string, c->string) == 0) {
                rd_error(r, c, true, "KA510", sub, "'%s' appears twice in the same object", c->string);
                ok = false;
                break;
            }
        }
        size_t k = 0;
        while (k < nf && strcmp(f[k].key, c->string) != 0) {
            k++;
        }
        if (k == nf) {
            TuSuggest sg;
            tu_suggest_init(&sg, c->string);
            for (size_t i = 0; i < nf; i++) {
                tu_suggest_offer(&sg, f[i].key);
            }
            if (sg.best) {
                rd_error(r, c, true, "KA507", sub, "unknown key '%s'; did you mean '%s'?", c->string, sg.best);
            } else {
                rd_error(r, c, true, "KA507", sub, "unknown key '%s'", c->string);
            }
            ok = false;
        }
    }
    for (size_t k = 0; k < nf; k++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, f[k].key);
        join_path(sub, sizeof sub, path, f[k].key);
        if (!v) {
            rd_error(r, obj, false, "KA504", path[0] ? path : "", "'%s' is missing (%s)", f[k].key,
                     type_name(f[k].type));
            ok = false;
            continue;
        }
        bool type_ok = (f[k].type == FT_STR && cJSON_IsString(v)) || (f[k].type == FT_INT && cJSON_IsNumber(v))
                       || (f[k].type == FT_BOOL && cJSON_IsBool(v))
                       || (f[k].type == FT_OBJ && cJSON_IsObject(v))
                       || (f[k].type == FT_ARR && cJSON_IsArray(v));
        if (!type_ok) {
            rd_error(r, v, false, "KA504", sub, "must be %s", type_name(f[k].type));
            ok = false;
            continue;
        }
        if (f[k].type == FT_INT) {
            double x = v->valuedouble;
            if (x != (double)(int64_t)x) {
                rd_error(r, v, false, "KA508", sub, "must be a whole number, not %g", x);
                ok = false;
            } else if (x < f[k].lo || x > f[k].hi) {
                rd_error(r, v, false, "KA508", sub, "%.0f is out of range (%.0f to %.0f)", x, f[k].lo,
                         f[k].hi);
                ok = false;
            }
        } else if (f[k].type == FT_STR) {
            size_t n = strlen(v->valuestring);
            if ((double)n < f[k].lo || (double)n > f[k].hi) {
                rd_error(r, v, false, "KA508", sub, "text of %zu bytes; it must have %.0f to %.0f", n,
                         f[k].lo, f[k].hi);
                ok = false;
            }
        } else if (f[k].type == FT_ARR) {
            int n = cJSON_GetArraySize(v);
            if (n < f[k].lo || n > f[k].hi) {
                rd_error(r, v, false, n > f[k].hi ? "KA505" : "KA508", sub,
                         "%d items; it must have %.0f to %.0f", n, f[k].lo, f[k].hi);
                ok = false;
            }
        }
    }
    return ok;
}

static int64_t get_int(const cJSON *o, const char *key)
{
    return (int64_t)cJSON_GetObjectItemCaseSensitive(o, key)->valuedouble;
}

static bool all_digits(const char *s, int n)
{
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static int num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool result_timestamp_valid(const char *s)
{
    /* YYYY-MM-DDTHH:MM:SSZ */
    if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
        || s[19] != 'Z' || !all_digits(s, 4) || !all_digits(s + 5, 2) || !all_digits(s + 8, 2)
        || !all_digits(s + 11, 2) || !all_digits(s + 14, 2) || !all_digits(s + 17, 2)) {
        return false;
    }
    int y = num(s, 4), mo = num(s + 5, 2), d = num(s + 8, 2);
    static const int DAYS[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]) {
        return false;
    }
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo == 2 && d == 29 && !leap) {
        return false;
    }
    return num(s + 11, 2) < 24 && num(s + 14, 2) < 60 && num(s + 17, 2) < 60;
}

static bool has_control(const char *s)
{
    for (; *s; s++) {
        if ((unsigned char)*s < 0x20 || *s == 0x7f) {
            return true;
        }
    }
    return false;
}

static const Field TOP_FIELDS[] = {
    {"format_version", FT_INT, 0, 1000},
    {"kind", FT_STR, 0, 64},
    {"program_version", FT_STR, 1, 64},
    {"trainee", FT_STR, 0, RESULT_MAX_TRAINEE},
    {"started_at", FT_STR, 0, 64},
    {"finished_at", FT_STR, 0, 64},
    {"lang", FT_STR, 2, 35},
    {"scenario", FT_OBJ, 0, 0},
    {"seed", FT_STR, 1, 20},
    {"score", FT_OBJ, 0, 0},
    {"weeks", FT_ARR, 1, RESULT_MAX_WEEKS},
    {"behaviour", FT_OBJ, 0, 0},
    {"coaching", FT_ARR, 0, RESULT_MAX_COACHING},
    {"commands", FT_ARR, 0, SESSION_MAX_COMMANDS},
};

static const Field SCENARIO_FIELDS[] = {
    {"id", FT_STR, 1, 64},
    {"title", FT_STR, 0, RESULT_MAX_TEXT},
    {"path", FT_STR, 0, 4096},
    {"hash", FT_STR, 16, 16},
    {"pass_mark", FT_INT, 0, 100},
    {"weights", FT_OBJ, 0, 0},
};

static const Field SCORE_EXTRA[] = {
    {"passed", FT_BOOL, 0, 0},
    {"revenue_run_rate", FT_INT, 0, RESULT_MAX_MONEY},
    {"revenue_booked", FT_INT, 0, RESULT_MAX_MONEY},
};

static const Field WEEK_EXTRA[] = {
    {"week", FT_INT, 0, SCN_MAX_WEEKS},
    {"revenue_run_rate", FT_INT, 0, RESULT_MAX_MONEY},
    {"revenue_booked", FT_INT, 0, RESULT_MAX_MONEY},
    {"engaged", FT_INT, 0, RESULT_MAX_COUNT},
    {"known", FT_INT, 0, RESULT_MAX_COUNT},
};

static const Field BEHAVIOUR_TABLE[] = {
#define B_FIELD(f) {#f, FT_INT, 0, RESULT_MAX_COUNT},
    BEHAVIOUR_FIELDS(B_FIELD)
#undef B_FIELD
};

static const Field COMMAND_FIELDS[] = {
    {"do", FT_STR, 1, 32},
    {"account", FT_STR, 1, 64},
    {"contact", FT_STR, 1, 64},
    {"idea", FT_STR, 1, 64},
};

/* A table of the seven sub-scores (0..100) plus `extra`. */
static size_t score_table(Field *out, const Field *extra, size_t n_extra, bool with_total)
{
    size_t k = 0;
    if (with_total) {
        out[k++] = (Field){"total", FT_INT, 0, 100};
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        out[k++] = (Field){subscore_key((SubScore)i), FT_INT, 0, 100};
    }
    for (size_t i = 0; i < n_extra; i++) {
        out[k++] = extra[i];
    }
    return k;
}

static Score read_score(const cJSON *o)
{
    Score sc;
    sc.total = (int)get_int(o, "total");
    for (int i = 0; i < SUB_COUNT; i++) {
        sc.sub[i] = (int)get_int(o, subscore_key((SubScore)i));
    }
    return sc;
}

static bool dup_into(Reader *r, const char *s, char **out)
{
    *out = dup_str(s);
    r->oom = r->oom || !*out;
    return *out != NULL;
}

/* A command object: the fields it needs for its action and no others. */
static void read_command(Reader *r, const cJSON *c, int k, SessionCommand *sc)
{
    char path[64];
    snprintf(path, sizeof path, "commands[%d]", k);
    size_t before = r->d->errors;
    if (!cJSON_IsObject(c)) {
        rd_error(r, c, false, "KA506", path, "a command must be an object such as {\"do\": \"end_week\"}");
        return;
    }
    /* only the keys of the table; which are required depends on the action */
    for (const cJSON *x = c->child; x; x = x->next) {
        bool known = false;
        for (size_t i = 0; i < sizeof COMMAND_FIELDS / sizeof COMMAND_FIELDS[0]; i++) {
            known = known || strcmp(x->string, COMMAND_FIELDS[i].key) == 0;
        }
        char sub[96];
        join_path(sub, sizeof sub, path, x->string);
        if (!known) {
            rd_error(r, x, true, "KA507", sub, "unknown key '%s' in a command", x->string);
        } else if (!cJSON_IsString(x) || !x->valuestring[0]) {
            rd_error(r, x, false, "KA506", sub, "must be a non-empty string");
        }
    }
    if (r->d->errors != before) {
        return;
    }
    const char *verb = get_str(c, "do");
    if (!action_from_key(verb, &sc->kind)) {
        rd_error(r, c, false, "KA506", path, "'do' must name an action (research, meet, pitch, referral, "
                                             "cold_call, propose, service, end_week), not '%s'",
                 verb ? verb : "");
        return;
    }
    bool need_account = sc->kind != ACT_END_WEEK;
    bool need_contact = sc->kind == ACT_MEET || sc->kind == ACT_PITCH || sc->kind == ACT_REFERRAL
                        || sc->kind == ACT_COLD_CALL;
    bool need_idea = sc->kind == ACT_PITCH || sc->kind == ACT_PROPOSE;
    const char *acc = get_str(c, "account"), *who = get_str(c, "contact"), *idea = get_str(c, "idea");
    if ((bool)acc != need_account || (bool)who != need_contact || (bool)idea != need_idea) {
        rd_error(r, c, false, "KA506", path, "'%s' takes %s", verb,
                 sc->kind == ACT_END_WEEK ? "no other keys"
                 : sc->kind == ACT_PITCH  ? "'account', 'contact' and 'idea'"
                 : need_contact           ? "'account' and 'contact'"
                 : need_idea              ? "'account' and 'idea'"
                                          : "'account' only");
        return;
    }
    if ((acc && !dup_into(r, acc, &sc->account)) || (who && !dup_into(r, who, &sc->contact))
        || (idea && !dup_into(r, idea, &sc->idea))) {
        return;
    }
}

static void read_result(Reader *r, const cJSON *root, ResultRecord *out)
{
    const char *kind = get_str(root, "kind");
    if (!cJSON_IsObject(root) || !kind || strcmp(kind, "keyaccounts-result") != 0) {
        rd_error(r, root, false, "KA502", "",
                 kind && strcmp(kind, "keyaccounts-session") == 0
                     ? "this is a saved game (an autosave), not a result; results are written when a "
                       "session ends"
                     : "this is not a Key Accounts result file (\"kind\": \"keyaccounts-result\")");
        return;
    }
    const cJSON *fv = cJSON_GetObjectItemCaseSensitive(root, "format_version");
    if (!cJSON_IsNumber(fv) || fv->valuedouble != RESULT_FORMAT) {
        rd_error(r, fv ? fv : root, false, "KA503", "format_version",
                 "unsupported result format_version (this program reads version %d)", RESULT_FORMAT);
        return;
    }
    if (!check_object(r, root, "", TOP_FIELDS, sizeof TOP_FIELDS / sizeof TOP_FIELDS[0])) {
        return;
    }
    const cJSON *scn = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    const cJSON *score = cJSON_GetObjectItemCaseSensitive(root, "score");
    const cJSON *weeks = cJSON_GetObjectItemCaseSensitive(root, "weeks");
    const cJSON *beh = cJSON_GetObjectItemCaseSensitive(root, "behaviour");
    const cJSON *coach = cJSON_GetObjectItemCaseSensitive(root, "coaching");
    const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(root, "commands");
    Field table[16];
    size_t before = r->d->errors;
    if (check_object(r, scn, "scenario", SCENARIO_FIELDS, sizeof SCENARIO_FIELDS / sizeof SCENARIO_FIELDS[0])) {
        size_t n = score_table(table, NULL, 0, false);
        for (size_t i = 0; i < n; i++) {
            table[i].hi = 1000;
        }
        check_object(r, cJSON_GetObjectItemCaseSensitive(scn, "weights"), "scenario.weights", table, n);
    }
    check_object(r, score, "score", table, score_table(table, SCORE_EXTRA, 3, true));
    check_object(r, beh, "behaviour", BEHAVIOUR_TABLE, sizeof BEHAVIOUR_TABLE / sizeof BEHAVIOUR_TABLE[0]);
    size_t nweek = score_table(table, WEEK_EXTRA, 5, true);
    int k = 0;
    const cJSON *x;
    cJSON_ArrayForEach(x, weeks)
    {
        char path[32];
        snprintf(path, sizeof path, "weeks[%d]", k);
        if (check_object(r, x, path, table, nweek) && get_int(x, "week") != k) {
            rd_error(r, cJSON_GetObjectItemCaseSensitive(x, "week"), false, "KA509", path,
                     "the breakdown must list weeks 0, 1, 2, ... in order; found week %d here",
                     (int)get_int(x, "week"));
        }
        k++;
    }
    k = 0;
    cJSON_ArrayForEach(x, coach)
    {
        char path[32];
        snprintf(path, sizeof path, "coaching[%d]", k++);
        if (!cJSON_IsString(x)) {
            rd_error(r, x, false, "KA504", path, "must be a string");
        }
    }
    /* strings with a format */
    const cJSON *ts[2] = {cJSON_GetObjectItemCaseSensitive(root, "started_at"),
                          cJSON_GetObjectItemCaseSensitive(root, "finished_at")};
    for (int i = 0; i < 2; i++) {
        if (!result_timestamp_valid(ts[i]->valuestring)) {
            rd_error(r, ts[i], false, "KA508", ts[i]->string,
                     "'%s' is not an ISO 8601 UTC time such as 2025-03-01T09:30:00Z", ts[i]->valuestring);
        }
    }
    const char *trainee = get_str(root, "trainee");
    if (has_control(trainee)) {
        rd_error(r, cJSON_GetObjectItemCaseSensitive(root, "trainee"), false, "KA508", "trainee",
                 "the name holds a control character (a line break or tab)");
    }
    if (!parse_u64(get_str(root, "seed"), 10, &out->session.seed)) {
        rd_error(r, cJSON_GetObjectItemCaseSensitive(root, "seed"), false, "KA508", "seed",
                 "must be a string of digits, such as \"42\"");
    }
    if (cJSON_IsObject(scn) && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(scn, "hash"))
        && !parse_u64(get_str(scn, "hash"), 16, &out->session.scenario_hash)) {
        rd_error(r, cJSON_GetObjectItemCaseSensitive(scn, "hash"), false, "KA508", "scenario.hash",
                 "must be 16 hexadecimal digits");
    }
    if (r->d->errors != before) {
        return;
    }
    /* the values */
    ResultRecord *o = out;
    if (!dup_into(r, get_str(root, "program_version"), &o->program_version)
        || !dup_into(r, get_str(root, "started_at"), &o->started_at)
        || !dup_into(r, get_str(root, "finished_at"), &o->finished_at)
        || !dup_into(r, get_str(root, "lang"), &o->lang) || !dup_into(r, trainee, &o->session.trainee)
        || !dup_into(r, get_str(scn, "id"), &o->session.scenario_id)
        || !dup_into(r, get_str(scn, "path"), &o->session.scenario_path)
        || !dup_into(r, get_str(scn, "title"), &o->scenario_title)) {
        return;
    }
    o->pass_mark = (int)get_int(scn, "pass_mark");
    const cJSON *wts = cJSON_GetObjectItemCaseSensitive(scn, "weights");
    for (int i = 0; i < SUB_COUNT; i++) {
        o->weights[i] = (int)get_int(wts, subscore_key((SubScore)i));
    }
    o->final = read_score(score);
    o->passed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(score, "passed"));
    o->revenue_run_rate = get_int(score, "revenue_run_rate");
    o->revenue_booked = get_int(score, "revenue_booked");
#define GET_B(f) o->behaviour.f = (int)get_int(beh, #f);
    BEHAVIOUR_FIELDS(GET_B)
#undef GET_B
    size_t nw = (size_t)cJSON_GetArraySize(weeks);
    o->weeks = ka_calloc(nw, sizeof *o->weeks);
    size_t nc = (size_t)cJSON_GetArraySize(coach);
    o->coaching = ka_calloc(nc ? nc : 1, sizeof *o->coaching);
    size_t ncmd = (size_t)cJSON_GetArraySize(cmds);
    o->session.commands = ka_calloc(ncmd ? ncmd : 1, sizeof *o->session.commands);
    if (!o->weeks || !o->coaching || !o->session.commands) {
        r->oom = true;
        return;
    }
    o->week_count = nw;
    k = 0;
    cJSON_ArrayForEach(x, weeks)
    {
        WeekSnapshot *w = &o->weeks[k++];
        w->week = (int)get_int(x, "week");
        w->score = read_score(x);
        w->revenue_run_rate = get_int(x, "revenue_run_rate");
        w->revenue_booked = get_int(x, "revenue_booked");
        w->engaged = (int)get_int(x, "engaged");
        w->known = (int)get_int(x, "known");
    }
    cJSON_ArrayForEach(x, coach)
    {
        if (!dup_into(r, x->valuestring, &o->coaching[o->coaching_count])) {
            return;
        }
        o->coaching_count++;
    }
    k = 0;
    int ends = 0;
    cJSON_ArrayForEach(x, cmds)
    {
        o->session.command_count = (size_t)k + 1;
        read_command(r, x, k, &o->session.commands[k]);
        ends += o->session.commands[k].kind == ACT_END_WEEK;
        k++;
    }
    if (r->d->errors != before || r->oom) {
        return;
    }
    /* the parts must agree */
    const WeekSnapshot *last = &o->weeks[nw - 1];
    if (memcmp(&last->score, &o->final, sizeof o->final) != 0) {
        rd_error(r, score, false, "KA509", "score",
                 "the final score (%d) differs from the last week of the breakdown (week %d: %d)", o->final.total,
                 last->week, last->score.total);
    }
    if (o->passed != (o->final.total >= o->pass_mark)) {
        rd_error(r, cJSON_GetObjectItemCaseSensitive(score, "passed"), false, "KA509", "score.passed",
                 "'passed' is %s but the score %d is %s the pass mark %d", o->passed ? "true" : "false",
                 o->final.total, o->final.total >= o->pass_mark ? "at or above" : "below", o->pass_mark);
    }
    if (ends != last->week) {
        rd_error(r, cmds, false, "KA509", "commands",
                 "the commands end %d week%s but the breakdown runs to week %d", ends, ends == 1 ? "" : "s",
                 last->week);
    }
    if (strcmp(o->finished_at, o->started_at) < 0) {
        rd_error(r, ts[1], false, "KA509", "finished_at", "the session finished (%s) before it started (%s)",
                 o->finished_at, o->started_at);
    }
    o->session.week = last->week + 1;
    o->session.score = o->final.total;
}

void result_record_free(ResultRecord *r)
{
    if (!r) {
        return;
    }
    session_record_free(&r->session);
    ka_free(r->program_version);
    ka_free(r->started_at);
    ka_free(r->finished_at);
    ka_free(r->scenario_title);
    ka_free(r->lang);
    ka_free(r->weeks);
    for (size_t k = 0; r->coaching && k < r->coaching_count; k++) {
        ka_free(r->coaching[k]);
    }
    ka_free(r->coaching);
    memset(r, 0, sizeof *r);
}

/* Lexical and syntax problems keep their position but get the result code. */
static void relabel(Diagnostics *from, Diagnostics *to)
{
    for (size_t i = 0; i < from->count; i++) {
        const Diagnostic *x = &from->items[i];
        diags_add(to, x->severity, "KA501", x->line, x->column, x->path,
                  "the result file is damaged: %s", x->message);
    }
}

int result_from_json(const char *buf, size_t len, const char *name, ResultRecord *out,
                     Diagnostics *diags)
{
    (void)name;
    memset(out, 0, sizeof *out);
    if (len > SCN_MAX_FILE_BYTES) {
        diags_add(diags, SEV_ERROR, "KA501", 0, 0, "", "the file is %zu bytes; a result is at most %d bytes",
                  len, (int)SCN_MAX_FILE_BYTES);
        return -1;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    size_t errors_before = diags->errors;
    Diagnostics lex;
    diags_init(&lex);
    bool ok = jp_prescan(buf, len, &lex);
    cJSON *root = ok ? cJSON_ParseWithLengthOpts(buf, len, NULL, false) : NULL;
    if (ok && !root && jp_check_syntax(buf, len, &lex)) {
        diags_add(&lex, SEV_ERROR, "KA500", 0, 0, "", "out of memory");
    }
    Arena arena;
    arena_init(&arena);
    JsonPosMap map = {NULL, 0, NULL};
    if (root && !jp_map_build(&map, &arena, buf, len, root, &lex) && lex.errors == 0) {
        diags_add(&lex, SEV_ERROR, "KA500", 0, 0, "", "out of memory");
    }
    if (lex.errors > 0 || lex.count > 0 || (len > 0 && !root) || len == 0) {
        if (lex.count == 0) {
            diags_add(diags, SEV_ERROR, "KA501", 0, 0, "", "the result file is empty or not JSON");
        }
        relabel(&lex, diags);
        diags_deinit(&lex);
        cJSON_Delete(root);
        arena_deinit(&arena);
        return -1;
    }
    diags_deinit(&lex);
    Reader r = {diags, &map, false};
    read_result(&r, root, out);
    if (r.oom) {
        diags_add(diags, SEV_ERROR, "KA500", 0, 0, "", "out of memory");
    }
    cJSON_Delete(root);
    arena_deinit(&arena);
    if (diags->errors != errors_before) {
        result_record_free(out);
        return -1;
    }
    return 0;
}
