/* Saving and loading sessions as JSON, and replaying them. */
#include "keyaccounts/session.h"

#include <assert.h>
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "jsonpos.h"
#include "keyaccounts/alloc.h"
#include "keyaccounts/scenario.h"

enum {
    SESSION_FORMAT = 1,
    SESSION_MAX_COMMANDS = SIM_MAX_COMMANDS,
    RESULT_FORMAT = 1,
    RESULT_MAX_WEEKS = SCN_MAX_WEEKS + 1,
    RESULT_MAX_TRAINEE = 200,
    RESULT_MAX_COUNT = 1000000,
};
#define RESULT_MAX_MONEY INT64_C(1000000000000000)

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

bool session_id_valid(const char *s)
{
    size_t n = 0;
    for (; s && s[n]; n++) {
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))) {
            return false;
        }
    }
    return s && n == SESSION_ID_LEN;
}

char *session_to_json(const Sim *sim, const char *scenario_path, uint64_t scenario_hash,
                      const char *trainee, const char *session_id, size_t *len)
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
         && (!trainee || add_str(root, "trainee", trainee))
         && (!session_id || !session_id[0] || add_str(root, "session_id", session_id));
    return finish_document(root, ok, sim, len);
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


/* ---- the field tables of sessions and results (read by the generic checks of fields.c) ------------------------------ */

/* Session and result files share their codes (docs/diagnostics.md, KA5xx) and
 * the generic checks of fields.c with scenarios. */
static const FieldFormat RECORD_FORMAT = {
    .unknown_key = "KA507", .duplicate_key = "KA510", .wrong_type = "KA504", .missing_key = "KA504",
    .out_of_range = "KA508", .bad_enum = "KA506", .bad_id = "KA508", .empty_text = "KA508",
    .fraction = "KA508", .too_few_items = "KA508", .too_many_items = "KA505", .repeated_item = "KA508",
    .reference = "docs/workshops.md",
};

enum { RECORD_MAX_PATH = 4096, RECORD_MAX_VERSION = 1000 };

_Static_assert(sizeof(ActionKind) == sizeof(int), "ActionKind must be int-sized");
static const EnumSpec ACTIONS = {ACTION_KEYS, ACT_COUNT, 0};

#define REQ .required = true
#define TEXT(k, lo, hi) .key = k, .kind = FK_TEXT, .min = lo, .max = hi
#define INT(k, lo, hi) .key = k, .kind = FK_INT, REQ, .min = lo, .max = hi
#define MONEY(k) .key = k, .kind = FK_MONEY, REQ, .min = 0, .max = RESULT_MAX_MONEY
#define COUNT(k) INT(k, 0, RESULT_MAX_COUNT)
#define LIST(k, lo, hi, of) .key = k, .kind = FK_ARRAY, REQ, .min = lo, .max = hi, .item = of

/* A command: which of account, contact and idea it needs depends on "do". */
static const FieldSpec COMMAND_FIELDS[] = {
    {.key = "do", .kind = FK_ENUM, REQ, .values = &ACTIONS, FIELD_STORE(SessionCommand, kind)},
    {.key = "account", .kind = FK_ID},
    {.key = "contact", .kind = FK_ID},
    {.key = "idea", .kind = FK_ID},
};

/* An autosave. */
static const FieldSpec SESSION_FIELDS[] = {
    {INT("format_version", 0, RECORD_MAX_VERSION)},
    {TEXT("kind", 1, 64), REQ},
    {.key = "scenario", .kind = FK_OBJECT, REQ},
    {.key = "seed", .kind = FK_U64, REQ, FIELD_STORE(SessionRecord, seed)},
    {INT("week", 1, RESULT_MAX_WEEKS), FIELD_STORE(SessionRecord, week)},
    {INT("score", 0, 100), FIELD_STORE(SessionRecord, score)},
    {.key = "finished", .kind = FK_BOOL},
    {TEXT("trainee", 0, RESULT_MAX_TRAINEE)},
    {TEXT("session_id", SESSION_ID_LEN, SESSION_ID_LEN)},
    {LIST("commands", 0, SESSION_MAX_COMMANDS, FK_OBJECT)},
};

static const FieldSpec SESSION_SCENARIO_FIELDS[] = {
    {.key = "id", .kind = FK_ID, REQ},
    {TEXT("path", 0, RECORD_MAX_PATH)},
    {.key = "hash", .kind = FK_HEX64, REQ, FIELD_STORE(SessionRecord, scenario_hash)},
};

/* A result: what replaying it needs is required (the scenario's id and hash,
 * the seed, the commands) with who played it, when and with which program;
 * the parts derived from those (score, weeks, behaviour, coaching, the
 * scenario's title, pass mark and weights) are optional copies that replay
 * checks (RESULT_STORED_*). */
#define OPT_LIST(k, lo, hi, of) .key = k, .kind = FK_ARRAY, .min = lo, .max = hi, .item = of
static const FieldSpec RESULT_FIELDS[] = {
    {INT("format_version", 0, RECORD_MAX_VERSION)},
    {TEXT("kind", 1, 64), REQ},
    {TEXT("program_version", 1, 64), REQ},
    {TEXT("trainee", 0, RESULT_MAX_TRAINEE), REQ},
    {TEXT("started_at", 0, 64), REQ},
    {TEXT("finished_at", 0, 64), REQ},
    {TEXT("session_id", SESSION_ID_LEN, SESSION_ID_LEN)},
    {TEXT("lang", 2, 35)},
    {.key = "scenario", .kind = FK_OBJECT, REQ},
    {.key = "seed", .kind = FK_U64, REQ, FIELD_STORE(ResultRecord, session.seed)},
    {.key = "score", .kind = FK_OBJECT},
    {OPT_LIST("weeks", 1, RESULT_MAX_WEEKS, FK_OBJECT)},
    {.key = "behaviour", .kind = FK_OBJECT},
    {OPT_LIST("coaching", 0, RESULT_MAX_COACHING, FK_TEXT), .item_max = RESULT_MAX_TEXT},
    {LIST("commands", 0, SESSION_MAX_COMMANDS, FK_OBJECT)},
};

static const FieldSpec RESULT_SCENARIO_FIELDS[] = {
    {.key = "id", .kind = FK_ID, REQ},
    {TEXT("title", 0, RESULT_MAX_TEXT)},
    {TEXT("path", 0, RECORD_MAX_PATH)},
    {.key = "hash", .kind = FK_HEX64, REQ, FIELD_STORE(ResultRecord, session.scenario_hash)},
    {.key = "pass_mark", .kind = FK_INT, .min = 0, .max = 100, FIELD_STORE(ResultRecord, pass_mark)},
    {.key = "weights", .kind = FK_OBJECT},
};

#define BEHAVIOUR(f) {COUNT(#f), FIELD_STORE(ResultBehaviour, f)}
static const FieldSpec BEHAVIOUR_FIELDS[] = {
    BEHAVIOUR(research),         BEHAVIOUR(meetings),         BEHAVIOUR(pitches),
    BEHAVIOUR(pitches_won),      BEHAVIOUR(referrals_asked),  BEHAVIOUR(referrals_won),
    BEHAVIOUR(cold_calls),       BEHAVIOUR(cold_calls_won),   BEHAVIOUR(proposals),
    BEHAVIOUR(ideas_adopted),    BEHAVIOUR(services),         BEHAVIOUR(contacts_known),
    BEHAVIOUR(contacts_reached), BEHAVIOUR(contacts_engaged), BEHAVIOUR(contacts_introduced),
    BEHAVIOUR(referral_depth),
};

/* After the total and the sub-scores of result.score and each week. */
static const FieldSpec SCORE_EXTRA[] = {
    {.key = "passed", .kind = FK_BOOL, REQ, FIELD_STORE(ResultRecord, passed)},
    {MONEY("revenue_run_rate"), FIELD_STORE(ResultRecord, revenue_run_rate)},
    {MONEY("revenue_booked"), FIELD_STORE(ResultRecord, revenue_booked)},
};

static const FieldSpec WEEK_EXTRA[] = {
    {INT("week", 0, SCN_MAX_WEEKS), FIELD_STORE(WeekSnapshot, week)},
    {MONEY("revenue_run_rate"), FIELD_STORE(WeekSnapshot, revenue_run_rate)},
    {MONEY("revenue_booked"), FIELD_STORE(WeekSnapshot, revenue_booked)},
    {COUNT("engaged"), FIELD_STORE(WeekSnapshot, engaged)},
    {COUNT("known"), FIELD_STORE(WeekSnapshot, known)},
};

static const ObjectSpec COMMAND_SPEC = OBJECT_SPEC(COMMAND_FIELDS);
static const ObjectSpec SESSION_SPEC = OBJECT_SPEC(SESSION_FIELDS);
static const ObjectSpec SESSION_SCENARIO_SPEC = OBJECT_SPEC(SESSION_SCENARIO_FIELDS);
static const ObjectSpec RESULT_SPEC = OBJECT_SPEC(RESULT_FIELDS);
static const ObjectSpec RESULT_SCENARIO_SPEC = OBJECT_SPEC(RESULT_SCENARIO_FIELDS);
static const ObjectSpec BEHAVIOUR_SPEC = OBJECT_SPEC(BEHAVIOUR_FIELDS);

/* result.scenario.weights: the scenario's weights, keyed by SUBSCORE_KEYS */
static const EnumSpec SUBSCORES = {SUBSCORE_KEYS, SUB_COUNT, 0};
static const FieldSpec WEIGHT_FIELD = {INT("", 0, 1000), FIELD_STORE(ResultRecord, weights)};
static const ObjectSpec WEIGHT_SPEC = KEYED_SPEC(&SUBSCORES, &WEIGHT_FIELD, sizeof(int));

/* A Score (result.score, each week) takes its keys from the model's
 * SUBSCORE_KEYS, so its table is made here: "total" and each sub-score (0..100)
 * of the Score at score_at, then the rows of extra. */
typedef struct ScoreTable {
    FieldSpec rows[1 + SUB_COUNT + 5];
    ObjectSpec spec;
} ScoreTable;

static void score_table(ScoreTable *t, size_t score_at, const FieldSpec *extra, size_t n_extra)
{
    size_t k = 0;
    assert(n_extra <= 5);
    t->rows[k++] = (FieldSpec){INT("total", 0, 100), .stored = true,
                               .offset = score_at + offsetof(Score, total)};
    for (int i = 0; i < SUB_COUNT; i++) {
        t->rows[k++] = (FieldSpec){INT(SUBSCORE_KEYS[i], 0, 100), .stored = true,
                                   .offset = score_at + offsetof(Score, sub) + (size_t)i * sizeof(int)};
    }
    for (size_t i = 0; i < n_extra; i++) {
        t->rows[k++] = extra[i];
    }
    t->spec = (ObjectSpec){t->rows, k, NULL, NULL, 0};
}

/* ---- results: writing ----------------------------------------------------------- */


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
              && (!m->session_id || !m->session_id[0] || add_str(root, "session_id", m->session_id))
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
    for (size_t i = 0; ok && i < BEHAVIOUR_SPEC.count; i++) {
        int v;
        memcpy(&v, (const char *)&b + BEHAVIOUR_FIELDS[i].offset, sizeof v);
        ok = add_int(beh, BEHAVIOUR_FIELDS[i].key, v);
    }
    cJSON *coach = ok ? cJSON_AddArrayToObject(root, "coaching") : NULL;
    ok = coach != NULL;
    for (size_t k = 0; ok && k < m->coaching_count && k < RESULT_MAX_COACHING; k++) {
        cJSON *t = cJSON_CreateString(m->coaching[k]);
        ok = t && cJSON_AddItemToArray(coach, t);
    }
    return finish_document(root, ok, sim, len);
}


/* ---- reading: the generic part ------------------------------------------------------ */

/* What the readers pass around: the generic checks' context. */
typedef FieldCtx Reader;

#define rd_error(R, code, node, path, ...) \
    fc_report(R, SEV_ERROR, code, fc_pos(R, node), path, __VA_ARGS__)

static void report_oom(Diagnostics *d)
{
    d->oom = true; /* so that a front end never takes it for a damaged file */
    diags_add(d, SEV_ERROR, "KA500", 0, 0, "", "out of memory");
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = ka_malloc(n);
    if (p) {
        memcpy(p, s, n);
    }
    return p;
}

/* Copies v's text, or absent (v NULL) the text that stands for it, into *out. */
static bool dup_text(Reader *R, const cJSON *v, const char *absent, char **out)
{
    *out = dup_str(v ? v->valuestring : absent);
    R->oom |= !*out;
    return *out != NULL;
}

/* Copies v's text (NULL for NULL) into *out. */
static bool dup_into(Reader *R, const cJSON *v, char **out)
{
    *out = v ? dup_str(v->valuestring) : NULL;
    R->oom |= v && !*out;
    return !v || *out;
}

/* Checks obj against spec and stores its valid fields into target; false
 * when obj is not an object. */
static bool read_object(Reader *R, const cJSON *obj, const ObjectSpec *spec, const char *path,
                        const cJSON *found[FIELDS_MAX], void *target)
{
    if (!fields_check(R, obj, spec, path, found)) {
        return false;
    }
    fields_store(R, spec, found, target);
    return true;
}

/* The kind and format version, before any table: a file of another kind or
 * version would drown in unknown keys. */
static bool check_kind(Reader *R, const cJSON *root, const char *kind, const char *not_this,
                       int version)
{
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kind");
    const char *was = cJSON_IsString(k) ? k->valuestring : NULL;
    if (!cJSON_IsObject(root) || !was || strcmp(was, kind) != 0) {
        bool session = strcmp(kind, "keyaccounts-session") == 0;
        rd_error(R, "KA502", root, "", "%s",
                 session ? "this is not a Key Accounts session file"
                 : was && strcmp(was, "keyaccounts-session") == 0 ? not_this
                 : "this is not a Key Accounts result file (\"kind\": \"keyaccounts-result\")");
        return false;
    }
    const cJSON *fv = cJSON_GetObjectItemCaseSensitive(root, "format_version");
    if (!cJSON_IsNumber(fv) || fv->valuedouble != version) {
        rd_error(R, "KA503", fv ? fv : root, "format_version",
                 "unsupported %s format_version (this program reads version %d)",
                 strcmp(kind, "keyaccounts-session") == 0 ? "session" : "result", version);
        return false;
    }
    return true;
}

/* A command object: the fields its action needs and no others. */
static void read_command(Reader *R, const cJSON *c, int k, SessionCommand *sc)
{
    char path[FIELD_PATH_MAX];
    path_item(path, "", "commands", k);
    size_t before = R->d->errors;
    const cJSON *found[FIELDS_MAX];
    if (!read_object(R, c, &COMMAND_SPEC, path, found, sc) || R->d->errors != before) {
        return;
    }
    const cJSON *acc = fields_get(&COMMAND_SPEC, found, "account");
    const cJSON *who = fields_get(&COMMAND_SPEC, found, "contact");
    const cJSON *idea = fields_get(&COMMAND_SPEC, found, "idea");
    bool need_account = sc->kind != ACT_END_WEEK;
    bool need_contact = sc->kind == ACT_MEET || sc->kind == ACT_PITCH || sc->kind == ACT_REFERRAL
                        || sc->kind == ACT_COLD_CALL;
    bool need_idea = sc->kind == ACT_PITCH || sc->kind == ACT_PROPOSE;
    if ((acc != NULL) != need_account || (who != NULL) != need_contact || (idea != NULL) != need_idea) {
        rd_error(R, "KA506", c, path, "'%s' takes %s", action_key(sc->kind),
                 sc->kind == ACT_END_WEEK ? "no other keys"
                 : sc->kind == ACT_PITCH  ? "'account', 'contact' and 'idea'"
                 : need_contact           ? "'account' and 'contact'"
                 : need_idea              ? "'account' and 'idea'"
                                          : "'account' only");
        return;
    }
    (void)(dup_into(R, acc, &sc->account) && dup_into(R, who, &sc->contact)
           && dup_into(R, idea, &sc->idea));
}

/* The commands of a session or result (a list the top table checked). */
static void read_commands(Reader *R, const cJSON *cmds, SessionRecord *rec)
{
    size_t n = (size_t)(cmds ? cJSON_GetArraySize(cmds) : 0);
    rec->commands = ka_calloc(n ? n : 1, sizeof *rec->commands);
    if (!rec->commands) {
        R->oom = true;
        return;
    }
    int k = 0;
    for (const cJSON *c = cmds ? cmds->child : NULL; c && !R->oom; c = c->next, k++) {
        rec->command_count = (size_t)k + 1;
        read_command(R, c, k, &rec->commands[k]);
    }
}

/* Lexical and syntax problems keep their position but get the damaged-file code. */
static void relabel(Diagnostics *from, Diagnostics *to, const char *what)
{
    for (size_t i = 0; i < from->count; i++) {
        const Diagnostic *x = &from->items[i];
        diags_add(to, x->severity, "KA501", x->line, x->column, x->path, "the %s is damaged: %s", what,
                  x->message);
    }
}

/* Parses buf into *root with a position map in arena, or reports why not
 * (KA501, KA500) and returns false. */
static bool parse_record(const char *buf, size_t len, const char *what, Arena *arena, JsonPosMap *map,
                         cJSON **root, Diagnostics *diags)
{
    *root = NULL;
    if (len > SCN_MAX_FILE_BYTES) {
        diags_add(diags, SEV_ERROR, "KA501", 0, 0, "", "the file is %zu bytes; a %s is at most %d bytes",
                  len, what, (int)SCN_MAX_FILE_BYTES);
        return false;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    Diagnostics lex;
    diags_init(&lex);
    bool ok = jp_prescan(buf, len, &lex);
    *root = ok ? cJSON_ParseWithLengthOpts(buf, len, NULL, false) : NULL;
    bool oom = false;
    if (ok && !*root && jp_check_syntax(buf, len, &lex)) {
        oom = true; /* valid JSON that cJSON could not hold */
    }
    if (*root && !jp_map_build(map, arena, buf, len, *root, &lex) && lex.errors == 0) {
        oom = true;
    }
    oom |= lex.oom;
    if (oom) {
        report_oom(diags);
    } else if (lex.count > 0) {
        relabel(&lex, diags, what);
    } else if (!*root) {
        diags_add(diags, SEV_ERROR, "KA501", 0, 0, "", "the %s is empty or not JSON", what);
    }
    bool good = *root && !oom && lex.count == 0;
    diags_deinit(&lex);
    if (!good) {
        cJSON_Delete(*root);
        *root = NULL;
    }
    return good;
}

/* ---- reading: sessions ----------------------------------------------------------------- */

/* The session's random id (docs/xapi.md); absent in older files. */
static void read_session_id(Reader *R, const cJSON *v, SessionRecord *out)
{
    if (!v) {
        return;
    }
    if (!session_id_valid(v->valuestring)) {
        rd_error(R, "KA508", v, "session_id", "'%s' is not a session id (%d lower-case hex digits)",
                 v->valuestring, (int)SESSION_ID_LEN);
        return;
    }
    memcpy(out->session_id, v->valuestring, SESSION_ID_LEN + 1);
}

static void read_session(Reader *R, const cJSON *root, SessionRecord *out)
{
    if (!check_kind(R, root, "keyaccounts-session", NULL, SESSION_FORMAT)) {
        return;
    }
    const cJSON *top[FIELDS_MAX], *scn[FIELDS_MAX];
    read_object(R, root, &SESSION_SPEC, "", top, out);
    const cJSON *scenario = fields_get(&SESSION_SPEC, top, "scenario");
    if (scenario && read_object(R, scenario, &SESSION_SCENARIO_SPEC, "scenario", scn, out)) {
        (void)(dup_into(R, fields_get(&SESSION_SCENARIO_SPEC, scn, "id"), &out->scenario_id)
               && dup_into(R, fields_get(&SESSION_SCENARIO_SPEC, scn, "path"), &out->scenario_path));
    }
    dup_into(R, fields_get(&SESSION_SPEC, top, "trainee"), &out->trainee);
    read_session_id(R, fields_get(&SESSION_SPEC, top, "session_id"), out);
    read_commands(R, fields_get(&SESSION_SPEC, top, "commands"), out);
}

/* Parses one record of the given kind with its reader; true when no error was
 * added to diags. */
static bool read_record(const char *buf, size_t len, const char *what, Diagnostics *diags,
                        void (*read)(Reader *R, const cJSON *root, void *out), void *out)
{
    size_t errors_before = diags->errors;
    Arena arena;
    arena_init(&arena);
    JsonPosMap map = {NULL, 0, NULL};
    cJSON *root;
    if (parse_record(buf, len, what, &arena, &map, &root, diags)) {
        Reader R = {&RECORD_FORMAT, diags, &map, &arena, false, 0};
        read(&R, root, out);
        if (R.oom) {
            report_oom(diags);
        }
    }
    cJSON_Delete(root);
    arena_deinit(&arena);
    return diags->errors == errors_before;
}

static void read_session_any(Reader *R, const cJSON *root, void *out)
{
    read_session(R, root, out);
}

int session_from_json(const char *buf, size_t len, const char *name, SessionRecord *out,
                      Diagnostics *diags)
{
    (void)name;
    memset(out, 0, sizeof *out);
    if (!read_record(buf, len, "saved session", diags, read_session_any, out)) {
        session_record_free(out);
        return -1;
    }
    return 0;
}

void session_record_free(SessionRecord *r)
{
    if (!r) {
        return;
    }
    for (size_t k = 0; r->commands && k < r->command_count; k++) {
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

/* ---- reading: results ------------------------------------------------------------------ */

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

/* What a table cannot say about single fields: times, the trainee's name. */
static void check_result_texts(Reader *R, const cJSON *const top[FIELDS_MAX])
{
    static const char *const TIMES[] = {"started_at", "finished_at"};
    for (int i = 0; i < 2; i++) {
        const cJSON *t = fields_get(&RESULT_SPEC, top, TIMES[i]);
        if (t && !result_timestamp_valid(t->valuestring)) {
            rd_error(R, "KA508", t, TIMES[i], "'%s' is not an ISO 8601 UTC time such as 2025-03-01T09:30:00Z",
                     t->valuestring);
        }
    }
    const cJSON *trainee = fields_get(&RESULT_SPEC, top, "trainee");
    if (trainee && has_control(trainee->valuestring)) {
        rd_error(R, "KA508", trainee, "trainee", "the name holds a control character (a line break or tab)");
    }
}

/* The weeks of the breakdown, 0, 1, 2, ... in order. */
static void read_weeks(Reader *R, const cJSON *weeks, ResultRecord *o)
{
    size_t n = (size_t)cJSON_GetArraySize(weeks);
    o->weeks = ka_calloc(n ? n : 1, sizeof *o->weeks);
    if (!o->weeks) {
        R->oom = true;
        return;
    }
    o->week_count = n;
    ScoreTable t;
    score_table(&t, offsetof(WeekSnapshot, score), WEEK_EXTRA, sizeof WEEK_EXTRA / sizeof WEEK_EXTRA[0]);
    int k = 0;
    for (const cJSON *x = weeks->child; x; x = x->next, k++) {
        char path[FIELD_PATH_MAX];
        path_item(path, "", "weeks", k);
        const cJSON *found[FIELDS_MAX];
        WeekSnapshot *w = &o->weeks[k];
        w->week = k;
        read_object(R, x, &t.spec, path, found, w);
        const cJSON *week = fields_get(&t.spec, found, "week");
        if (week && w->week != k) {
            rd_error(R, "KA509", week, path,
                     "the breakdown must list weeks 0, 1, 2, ... in order; found week %d here", w->week);
        }
    }
}

static void read_coaching(Reader *R, const cJSON *coach, ResultRecord *o)
{
    size_t n = (size_t)cJSON_GetArraySize(coach);
    o->coaching = ka_calloc(n ? n : 1, sizeof *o->coaching);
    R->oom |= !o->coaching;
    for (const cJSON *x = coach->child; x && o->coaching; x = x->next) {
        if (!dup_into(R, x, &o->coaching[o->coaching_count])) {
            return;
        }
        o->coaching_count++;
    }
}

/* The parts must agree. */
static void check_result_parts(Reader *R, const cJSON *const top[FIELDS_MAX], const ResultRecord *o)
{
    const cJSON *score = fields_get(&RESULT_SPEC, top, "score");
    if (strcmp(o->finished_at, o->started_at) < 0) {
        rd_error(R, "KA509", fields_get(&RESULT_SPEC, top, "finished_at"), "finished_at",
                 "the session finished (%s) before it started (%s)", o->finished_at, o->started_at);
    }
    if (!(o->stored & RESULT_STORED_WEEKS)) {
        return; /* the copies that remain are checked against the replay */
    }
    const WeekSnapshot *last = &o->weeks[o->week_count - 1];
    if ((o->stored & RESULT_STORED_SCORE) && memcmp(&last->score, &o->final, sizeof o->final) != 0) {
        rd_error(R, "KA509", score, "score",
                 "the final score (%d) differs from the last week of the breakdown (week %d: %d)", o->final.total,
                 last->week, last->score.total);
    }
    unsigned both = RESULT_STORED_SCORE | RESULT_STORED_PASS_MARK;
    if ((o->stored & both) == both && o->passed != (o->final.total >= o->pass_mark)) {
        rd_error(R, "KA509", cJSON_GetObjectItemCaseSensitive(score, "passed"), "score.passed",
                 "'passed' is %s but the score %d is %s the pass mark %d", o->passed ? "true" : "false",
                 o->final.total, o->final.total >= o->pass_mark ? "at or above" : "below", o->pass_mark);
    }
    int ends = 0;
    for (size_t k = 0; k < o->session.command_count; k++) {
        ends += o->session.commands[k].kind == ACT_END_WEEK;
    }
    if (ends != last->week) {
        rd_error(R, "KA509", fields_get(&RESULT_SPEC, top, "commands"), "commands",
                 "the commands end %d week%s but the breakdown runs to week %d", ends, ends == 1 ? "" : "s",
                 last->week);
    }
}

static void read_result(Reader *R, const cJSON *root, ResultRecord *o)
{
    if (!check_kind(R, root, "keyaccounts-result",
                    "this is a saved game (an autosave), not a result; results are written when a session ends",
                    RESULT_FORMAT)) {
        return;
    }
    size_t before = R->d->errors;
    const cJSON *top[FIELDS_MAX], *scn[FIELDS_MAX], *found[FIELDS_MAX];
    memset(scn, 0, sizeof scn);
    read_object(R, root, &RESULT_SPEC, "", top, o);
    const cJSON *scenario = fields_get(&RESULT_SPEC, top, "scenario");
    if (scenario && read_object(R, scenario, &RESULT_SCENARIO_SPEC, "scenario", scn, o)) {
        const cJSON *weights = fields_get(&RESULT_SCENARIO_SPEC, scn, "weights");
        if (weights) {
            read_object(R, weights, &WEIGHT_SPEC, "scenario.weights", found, o);
            o->stored |= RESULT_STORED_WEIGHTS;
        }
        o->stored |= fields_get(&RESULT_SCENARIO_SPEC, scn, "title") ? RESULT_STORED_TITLE : 0;
        o->stored |= fields_get(&RESULT_SCENARIO_SPEC, scn, "pass_mark") ? RESULT_STORED_PASS_MARK : 0;
    }
    const cJSON *score = fields_get(&RESULT_SPEC, top, "score");
    if (score) {
        o->stored |= RESULT_STORED_SCORE;
        ScoreTable t;
        score_table(&t, offsetof(ResultRecord, final), SCORE_EXTRA, sizeof SCORE_EXTRA / sizeof SCORE_EXTRA[0]);
        read_object(R, score, &t.spec, "score", found, o);
    }
    const cJSON *behaviour = fields_get(&RESULT_SPEC, top, "behaviour");
    if (behaviour) {
        read_object(R, behaviour, &BEHAVIOUR_SPEC, "behaviour", found, &o->behaviour);
        o->stored |= RESULT_STORED_BEHAVIOUR;
    }
    const cJSON *weeks = fields_get(&RESULT_SPEC, top, "weeks");
    if (weeks) {
        read_weeks(R, weeks, o);
        o->stored |= RESULT_STORED_WEEKS;
    }
    o->stored |= fields_get(&RESULT_SPEC, top, "coaching") ? RESULT_STORED_COACHING : 0;
    read_session_id(R, fields_get(&RESULT_SPEC, top, "session_id"), &o->session);
    check_result_texts(R, top);
    if (R->d->errors != before || R->oom) {
        return;
    }
    if (!dup_into(R, fields_get(&RESULT_SPEC, top, "program_version"), &o->program_version)
        || !dup_into(R, fields_get(&RESULT_SPEC, top, "started_at"), &o->started_at)
        || !dup_into(R, fields_get(&RESULT_SPEC, top, "finished_at"), &o->finished_at)
        || !dup_into(R, fields_get(&RESULT_SPEC, top, "trainee"), &o->session.trainee)
        || !dup_into(R, fields_get(&RESULT_SCENARIO_SPEC, scn, "id"), &o->session.scenario_id)
        || !dup_text(R, fields_get(&RESULT_SPEC, top, "lang"), "en", &o->lang)
        || !dup_text(R, fields_get(&RESULT_SCENARIO_SPEC, scn, "path"), "", &o->session.scenario_path)
        || !dup_text(R, fields_get(&RESULT_SCENARIO_SPEC, scn, "title"), "", &o->scenario_title)) {
        return;
    }
    const cJSON *coaching = fields_get(&RESULT_SPEC, top, "coaching");
    if (coaching) {
        read_coaching(R, coaching, o);
    }
    read_commands(R, fields_get(&RESULT_SPEC, top, "commands"), &o->session);
    if (R->d->errors != before || R->oom) {
        return;
    }
    check_result_parts(R, top, o);
    if (o->stored & RESULT_STORED_WEEKS) {
        o->session.week = o->weeks[o->week_count - 1].week + 1;
    }
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

static void read_result_any(Reader *R, const cJSON *root, void *out)
{
    read_result(R, root, out);
}

int result_from_json(const char *buf, size_t len, const char *name, ResultRecord *out,
                     Diagnostics *diags)
{
    (void)name;
    memset(out, 0, sizeof *out);
    if (!read_record(buf, len, "result file", diags, read_result_any, out)) {
        result_record_free(out);
        return -1;
    }
    return 0;
}

/* ---- results: the stored copies against a replay ------------------------------------- */

static bool int_differs(const char *key, long long recorded, long long replayed, char *why, size_t n)
{
    if (recorded == replayed) {
        return false;
    }
    snprintf(why, n, "%s: recorded %lld, replayed %lld", key, recorded, replayed);
    return true;
}

static bool score_differs(const char *base, const Score *a, const Score *b, char *why, size_t n)
{
    char key[FIELD_PATH_MAX];
    path_key(key, base, "total");
    if (int_differs(key, a->total, b->total, why, n)) {
        return true;
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        path_key(key, base, SUBSCORE_KEYS[i]);
        if (int_differs(key, a->sub[i], b->sub[i], why, n)) {
            return true;
        }
    }
    return false;
}

static bool weeks_differ(const ResultRecord *a, const ResultRecord *b, char *why, size_t n)
{
    if (a->week_count != b->week_count) {
        snprintf(why, n, "weeks: recorded %zu, replayed %zu", a->week_count, b->week_count);
        return true;
    }
    for (size_t k = 0; k < a->week_count; k++) {
        const WeekSnapshot *x = &a->weeks[k], *y = &b->weeks[k];
        char base[FIELD_PATH_MAX], key[FIELD_PATH_MAX];
        path_item(base, "", "weeks", (int)k);
        if (score_differs(base, &x->score, &y->score, why, n)) {
            return true;
        }
        const struct { const char *key; long long x, y; } MORE[] = {
            {"revenue_run_rate", x->revenue_run_rate, y->revenue_run_rate},
            {"revenue_booked", x->revenue_booked, y->revenue_booked},
            {"engaged", x->engaged, y->engaged},
            {"known", x->known, y->known},
        };
        for (size_t i = 0; i < sizeof MORE / sizeof MORE[0]; i++) {
            path_key(key, base, MORE[i].key);
            if (int_differs(key, MORE[i].x, MORE[i].y, why, n)) {
                return true;
            }
        }
    }
    return false;
}

static bool texts_differ(const char *key, const char *a, const char *b, char *why, size_t n)
{
    if (strcmp(a ? a : "", b ? b : "") == 0) {
        return false;
    }
    snprintf(why, n, "%s: recorded \"%.80s\", replayed \"%.80s\"", key, a ? a : "", b ? b : "");
    return true;
}

bool result_stored_differs(const ResultRecord *a, const ResultRecord *b, char *why, size_t n)
{
    char key[FIELD_PATH_MAX];
    if ((a->stored & RESULT_STORED_TITLE) && texts_differ("scenario.title", a->scenario_title, b->scenario_title, why, n)) {
        return true;
    }
    if ((a->stored & RESULT_STORED_PASS_MARK) && int_differs("scenario.pass_mark", a->pass_mark, b->pass_mark, why, n)) {
        return true;
    }
    for (int i = 0; (a->stored & RESULT_STORED_WEIGHTS) && i < SUB_COUNT; i++) {
        path_key(key, "scenario.weights", SUBSCORE_KEYS[i]);
        if (int_differs(key, a->weights[i], b->weights[i], why, n)) {
            return true;
        }
    }
    if ((a->stored & RESULT_STORED_SCORE)
        && (score_differs("score", &a->final, &b->final, why, n)
            || int_differs("score.passed", a->passed, b->passed, why, n)
            || int_differs("score.revenue_run_rate", a->revenue_run_rate, b->revenue_run_rate, why, n)
            || int_differs("score.revenue_booked", a->revenue_booked, b->revenue_booked, why, n))) {
        return true;
    }
    if ((a->stored & RESULT_STORED_WEEKS) && weeks_differ(a, b, why, n)) {
        return true;
    }
    for (size_t i = 0; (a->stored & RESULT_STORED_BEHAVIOUR) && i < BEHAVIOUR_SPEC.count; i++) {
        int x, y;
        memcpy(&x, (const char *)&a->behaviour + BEHAVIOUR_FIELDS[i].offset, sizeof x);
        memcpy(&y, (const char *)&b->behaviour + BEHAVIOUR_FIELDS[i].offset, sizeof y);
        path_key(key, "behaviour", BEHAVIOUR_FIELDS[i].key);
        if (int_differs(key, x, y, why, n)) {
            return true;
        }
    }
    if (a->stored & RESULT_STORED_COACHING) {
        if (a->coaching_count != b->coaching_count) {
            snprintf(why, n, "coaching: recorded %zu notes, replayed %zu", a->coaching_count, b->coaching_count);
            return true;
        }
        for (size_t k = 0; k < a->coaching_count; k++) {
            path_item(key, "", "coaching", (int)k);
            if (texts_differ(key, a->coaching[k], b->coaching[k], why, n)) {
                return true;
            }
        }
    }
    return false;
}
