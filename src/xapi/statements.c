/* xAPI statements for one result (docs/xapi.md). Everything comes from the
 * result record, so the same result always gives the same statements and
 * the same ids; the scenario, when given, only supplies names. */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/text.h"
#include "keyaccounts/xapi.h"

#define VERB_BASE "http://adlnet.gov/expapi/verbs/"
#define ACTIVITY_TYPE_BASE "http://adlnet.gov/expapi/activities/"
#define EXT XAPI_BASE "/xapi/extensions/"

/* ---- time ---------------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

int64_t xapi_parse_time(const char *iso)
{
    if (!iso || !result_timestamp_valid(iso)) {
        return -1;
    }
    int v[6] = {0};
    const int at[6] = {0, 5, 8, 11, 14, 17}, width[6] = {4, 2, 2, 2, 2, 2};
    for (int i = 0; i < 6; i++) {
        for (int k = 0; k < width[i]; k++) {
            v[i] = v[i] * 10 + (iso[at[i] + k] - '0');
        }
    }
    return days_from_civil(v[0], v[1], v[2]) * 86400 + v[3] * 3600 + v[4] * 60 + v[5];
}

static const char *format_time(int64_t t, char *buf, size_t n)
{
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t secs = t - days * 86400;
    int64_t y;
    int m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(buf, n, "%04" PRId64 "-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(secs / 3600),
             (int)(secs / 60 % 60), (int)(secs % 60));
    return buf;
}

const char *xapi_duration(int64_t seconds, char *buf, size_t n)
{
    if (seconds < 0) {
        seconds = 0;
    }
    int64_t h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
    char hp[32] = "", mp[16] = "", sp[16] = "";
    if (h) {
        snprintf(hp, sizeof hp, "%" PRId64 "H", h);
    }
    if (m) {
        snprintf(mp, sizeof mp, "%" PRId64 "M", m);
    }
    if (s || seconds == 0) {
        snprintf(sp, sizeof sp, "%" PRId64 "S", s);
    }
    snprintf(buf, n, "PT%s%s%s", hp, mp, sp);
    return buf;
}

/* ---- ids -------------------------------------------------------------------------- */

/* The namespace of Key Accounts' name-based UUIDs: uuid5(URL, XAPI_BASE "/xapi"). */
static void namespace_id(uint8_t ns[16])
{
    static const uint8_t URL_NS[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                       0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    static const char NAME[] = XAPI_BASE "/xapi";
    uint8_t d[20];
    uint8_t buf[16 + sizeof NAME - 1];
    memcpy(buf, URL_NS, 16);
    memcpy(buf + 16, NAME, sizeof NAME - 1);
    xapi_sha1(buf, sizeof buf, d);
    memcpy(ns, d, 16);
    ns[6] = (uint8_t)((ns[6] & 0x0F) | 0x50);
    ns[8] = (uint8_t)((ns[8] & 0x3F) | 0x80);
}

/* "KIND\nsession ID\n[INDEX\n]" from the session's random id; results written
 * before sessions had one: "KIND\nHASH\nSEED\nSTARTED\n[INDEX\n]TRAINEE" (the
 * trainee comes last, so no name can make two sessions' names equal). A result's texts are at most
 * RESULT_MAX_TEXT bytes, so the name always fits: no allocation, the same id
 * whatever the memory. */
static void derive(const ResultRecord *r, const char *kind, long long index, char out[XAPI_UUID_LEN + 1])
{
    uint8_t ns[16];
    namespace_id(ns);
    char name[RESULT_MAX_TEXT + 256];
    char idx[32] = "";
    if (index >= 0) {
        snprintf(idx, sizeof idx, "%lld\n", index);
    }
    int w = r->session.session_id[0]
                ? snprintf(name, sizeof name, "%s\nsession %s\n%s", kind, r->session.session_id, idx)
                : snprintf(name, sizeof name, "%s\n%016" PRIx64 "\n%" PRIu64 "\n%s\n%s%s", kind,
                           r->session.scenario_hash, r->session.seed, r->started_at ? r->started_at : "", idx,
                           r->session.trainee ? r->session.trainee : "");
    size_t len = w < 0 ? 0 : (size_t)w < sizeof name ? (size_t)w : sizeof name - 1;
    xapi_uuid5(ns, name, len, out);
}

void xapi_registration(const ResultRecord *r, char out[XAPI_UUID_LEN + 1])
{
    derive(r, "registration", -1, out);
}

void xapi_statement_id(const ResultRecord *r, size_t index, char out[XAPI_UUID_LEN + 1])
{
    derive(r, "statement", (long long)index, out);
}

/* ---- building -------------------------------------------------------------------- */

typedef struct Builder {
    const ResultRecord *r;
    const Scenario *s;
    Lang lang;               /* for the action words */
    char tag[40];            /* language of names: "en-US", "ru-RU", ... */
    char homepage[512];
    char scenario_iri[512];
    char registration[XAPI_UUID_LEN + 1];
    bool ok;                 /* false once an allocation failed */
} Builder;

static cJSON *add(Builder *b, cJSON *obj, const char *key, cJSON *item)
{
    if (!item) {
        b->ok = false;
        return NULL;
    }
    if (!obj || !cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        b->ok = false;
        return NULL;
    }
    return item;
}

static cJSON *add_str(Builder *b, cJSON *obj, const char *key, const char *v)
{
    return add(b, obj, key, cJSON_CreateString(v ? v : ""));
}

static cJSON *add_obj(Builder *b, cJSON *obj, const char *key)
{
    return add(b, obj, key, cJSON_CreateObject());
}

static cJSON *add_num(Builder *b, cJSON *obj, const char *key, double v)
{
    return add(b, obj, key, cJSON_CreateNumber(v));
}

static void add_bool(Builder *b, cJSON *obj, const char *key, bool v)
{
    add(b, obj, key, cJSON_CreateBool(v));
}

/* A language map with one entry, in the scenario's language. */
static void add_text(Builder *b, cJSON *obj, const char *key, const char *text)
{
    cJSON *m = add_obj(b, obj, key);
    add_str(b, m, b->tag, text);
}

/* Appends an IRI path segment, percent-encoding all but unreserved bytes. */
static void append_segment(char *buf, size_t n, const char *seg)
{
    static const char HEX[] = "0123456789ABCDEF";
    size_t k = strlen(buf);
    if (k + 1 < n) {
        buf[k++] = '/';
    }
    for (const unsigned char *p = (const unsigned char *)seg; *p && k + 4 < n; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'
                     || *p == '_' || *p == '.' || *p == '~';
        if (plain) {
            buf[k++] = (char)*p;
        } else {
            buf[k++] = '%';
            buf[k++] = HEX[*p >> 4];
            buf[k++] = HEX[*p & 15];
        }
    }
    buf[k] = '\0';
}

/* "en" -> "en-US", "ru" -> "ru-RU"; a tag with a region stays as it is. */
static void language_tag(const char *lang, char *buf, size_t n)
{
    if (!lang || !lang[0]) {
        lang = "en";
    }
    if (strcmp(lang, "en") == 0) {
        snprintf(buf, n, "en-US");
    } else if (strcmp(lang, "ru") == 0) {
        snprintf(buf, n, "ru-RU");
    } else if (strcmp(lang, "de") == 0) {
        snprintf(buf, n, "de-DE");
    } else {
        snprintf(buf, n, "%s", lang);
    }
}

static void add_verb(Builder *b, cJSON *st, const char *verb)
{
    cJSON *v = add_obj(b, st, "verb");
    char iri[128];
    snprintf(iri, sizeof iri, VERB_BASE "%s", verb);
    add_str(b, v, "id", iri);
    cJSON *d = add_obj(b, v, "display");
    add_str(b, d, "en-US", verb);
}

static void add_actor(Builder *b, cJSON *st)
{
    const char *who = b->r->session.trainee && b->r->session.trainee[0] ? b->r->session.trainee : NULL;
    cJSON *a = add_obj(b, st, "actor");
    add_str(b, a, "objectType", "Agent");
    if (who) {
        add_str(b, a, "name", who);
    }
    cJSON *acc = add_obj(b, a, "account");
    add_str(b, acc, "homePage", b->homepage);
    add_str(b, acc, "name", who ? who : "anonymous");
}

static void add_scenario_activity(Builder *b, cJSON *obj)
{
    add_str(b, obj, "objectType", "Activity");
    add_str(b, obj, "id", b->scenario_iri);
    cJSON *def = add_obj(b, obj, "definition");
    add_str(b, def, "type", ACTIVITY_TYPE_BASE "simulation");
    const char *title = b->s ? b->s->title : b->r->scenario_title;
    add_text(b, def, "name", title && title[0] ? title : b->r->session.scenario_id);
    if (b->s && b->s->summary && b->s->summary[0]) {
        add_text(b, def, "description", b->s->summary);
    }
}

static void add_context(Builder *b, cJSON *st, bool in_scenario)
{
    cJSON *c = add_obj(b, st, "context");
    add_str(b, c, "registration", b->registration);
    add_str(b, c, "platform", "Key Accounts");
    add_str(b, c, "language", b->tag);
    cJSON *ca = add_obj(b, c, "contextActivities");
    if (in_scenario) {
        cJSON *parent = add(b, ca, "parent", cJSON_CreateArray());
        cJSON *p = cJSON_CreateObject();
        if (parent && p && cJSON_AddItemToArray(parent, p)) { /* by id: the object of statement 0 defines it */
            add_str(b, p, "objectType", "Activity");
            add_str(b, p, "id", b->scenario_iri);
        } else {
            cJSON_Delete(p);
            b->ok = false;
        }
    }
    cJSON *category = add(b, ca, "category", cJSON_CreateArray());
    cJSON *cat = cJSON_CreateObject();
    if (category && cat && cJSON_AddItemToArray(category, cat)) {
        add_str(b, cat, "objectType", "Activity");
        add_str(b, cat, "id", XAPI_BASE "/xapi/keyaccounts");
        cJSON *def = add_obj(b, cat, "definition");
        cJSON *name = add_obj(b, def, "name");
        add_str(b, name, "en-US", "Key Accounts sales-training game");
    } else {
        cJSON_Delete(cat);
        b->ok = false;
    }
    cJSON *ext = add_obj(b, c, "extensions");
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64, b->r->session.seed);
    add_str(b, ext, EXT "seed", buf);
    snprintf(buf, sizeof buf, "%016" PRIx64, b->r->session.scenario_hash);
    add_str(b, ext, EXT "scenario-hash", buf);
    add_str(b, ext, EXT "scenario-id", b->r->session.scenario_id);
    add_str(b, ext, EXT "program-version", b->r->program_version);
}

static void add_score(Builder *b, cJSON *result, int total)
{
    cJSON *sc = add_obj(b, result, "score");
    add_num(b, sc, "scaled", total / 100.0);
    add_num(b, sc, "raw", total);
    add_num(b, sc, "min", 0);
    add_num(b, sc, "max", 100);
}

/* A new statement with its id, actor, verb, timestamp and version. */
static cJSON *statement(Builder *b, cJSON *list, size_t index, const char *verb, int64_t when)
{
    cJSON *st = cJSON_CreateObject();
    if (!st || !cJSON_AddItemToArray(list, st)) {
        cJSON_Delete(st);
        b->ok = false;
        return NULL;
    }
    char id[XAPI_UUID_LEN + 1], ts[40];
    xapi_statement_id(b->r, index, id);
    add_str(b, st, "id", id);
    add_actor(b, st);
    add_verb(b, st, verb);
    add_str(b, st, "timestamp", format_time(when, ts, sizeof ts));
    add_str(b, st, "version", XAPI_VERSION);
    return st;
}

static const Account *find_account(const Scenario *s, const char *id)
{
    for (int i = 0; s && id && i < s->account_count; i++) {
        if (strcmp(s->accounts[i].id, id) == 0) {
            return &s->accounts[i];
        }
    }
    return NULL;
}

static const char *contact_name(const Account *a, const char *id)
{
    for (int i = 0; a && id && i < a->contact_count; i++) {
        if (strcmp(a->contacts[i].id, id) == 0) {
            return a->contacts[i].name;
        }
    }
    return id;
}

static const char *idea_title(const Account *a, const char *id)
{
    for (int i = 0; a && id && i < a->idea_count; i++) {
        if (strcmp(a->ideas[i].id, id) == 0) {
            return a->ideas[i].title;
        }
    }
    return id;
}

/* The activity one command acts on: the account, the person, the idea. */
static void add_action_object(Builder *b, cJSON *st, const SessionCommand *c, int week)
{
    cJSON *obj = add_obj(b, st, "object");
    char iri[2048];
    snprintf(iri, sizeof iri, "%s", b->scenario_iri);
    char name[1024];
    const char *word = text_action(b->lang, c->kind);
    if (c->kind == ACT_END_WEEK) {
        char wk[16];
        snprintf(wk, sizeof wk, "%d", week);
        append_segment(iri, sizeof iri, "weeks");
        append_segment(iri, sizeof iri, wk);
        snprintf(name, sizeof name, b->lang == LANG_RU ? "Конец недели %d" : "End of week %d", week);
    } else {
        const Account *acc = find_account(b->s, c->account);
        append_segment(iri, sizeof iri, "accounts");
        append_segment(iri, sizeof iri, c->account ? c->account : "");
        append_segment(iri, sizeof iri, action_key(c->kind));
        int w = snprintf(name, sizeof name, "%s", word);
        if (c->idea) {
            append_segment(iri, sizeof iri, "ideas");
            append_segment(iri, sizeof iri, c->idea);
            w += snprintf(name + w, sizeof name - (size_t)w, ": %s", idea_title(acc, c->idea));
        }
        if (c->contact && w >= 0 && (size_t)w < sizeof name) {
            append_segment(iri, sizeof iri, "contacts");
            append_segment(iri, sizeof iri, c->contact);
            w += snprintf(name + w, sizeof name - (size_t)w, "%s%s", c->idea ? ", " : ": ",
                          contact_name(acc, c->contact));
        }
        if (acc && w >= 0 && (size_t)w < sizeof name) {
            snprintf(name + w, sizeof name - (size_t)w, " (%s)", acc->name);
        }
    }
    add_str(b, obj, "objectType", "Activity");
    add_str(b, obj, "id", iri);
    cJSON *def = add_obj(b, obj, "definition");
    add_str(b, def, "type", ACTIVITY_TYPE_BASE "interaction");
    add_text(b, def, "name", name);
}

/* The result document under XAPI_EXT_RESULT: what a report read from an LRS
 * is rebuilt from (xapi_statement_result). */
static void add_result_document(Builder *b, cJSON *result, const XapiOptions *opt)
{
    if (!opt || !opt->result_json) {
        return;
    }
    cJSON *doc = cJSON_ParseWithLength(opt->result_json, opt->result_len);
    if (!cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        b->ok = false;
        return;
    }
    cJSON *ext = add_obj(b, result, "extensions");
    add(b, ext, XAPI_EXT_RESULT, doc);
}

char *xapi_statements_json(const ResultRecord *r, const Scenario *s, const XapiOptions *opt, size_t *len,
                           size_t *count)
{
    Builder b;
    memset(&b, 0, sizeof b);
    b.r = r;
    b.s = s;
    b.ok = true;
    const char *lang = s && s->language ? s->language : r->lang;
    b.lang = text_lang_from(lang ? lang : "en");
    language_tag(lang, b.tag, sizeof b.tag);
    snprintf(b.homepage, sizeof b.homepage, "%s", opt && opt->homepage ? opt->homepage : XAPI_DEFAULT_HOMEPAGE);
    snprintf(b.scenario_iri, sizeof b.scenario_iri, "%s", XAPI_BASE "/scenarios");
    append_segment(b.scenario_iri, sizeof b.scenario_iri, r->session.scenario_id ? r->session.scenario_id : "");
    xapi_registration(r, b.registration);

    int64_t start = xapi_parse_time(r->started_at), end = xapi_parse_time(r->finished_at);
    if (start < 0) {
        start = end >= 0 ? end : 0;
    }
    if (end < start) {
        end = start;
    }
    char dur[32];
    xapi_duration(end - start, dur, sizeof dur);
    size_t n = r->session.command_count;

    cJSON *list = cJSON_CreateArray();
    if (!list) {
        return NULL;
    }
    /* 0: initialized, at the start */
    cJSON *st = statement(&b, list, 0, "initialized", start);
    add_scenario_activity(&b, add_obj(&b, st, "object"));
    add_context(&b, st, false);

    /* 1..n: the commands. The result records their order, not their times:
     * they are spread evenly between the start and the end. */
    int week = 1;
    for (size_t k = 0; k < n && b.ok; k++) {
        const SessionCommand *c = &r->session.commands[k];
        int64_t when = start + (int64_t)((end - start) * (int64_t)(k + 1) / (int64_t)(n + 1));
        st = statement(&b, list, k + 1, "interacted", when);
        add_action_object(&b, st, c, week);
        cJSON *res = add_obj(&b, st, "result");
        if (c->kind == ACT_END_WEEK && (size_t)week < r->week_count) {
            add_score(&b, res, r->weeks[week].score.total);
        }
        cJSON *ext = add_obj(&b, res, "extensions");
        cJSON *act = add_obj(&b, ext, EXT "action");
        add_str(&b, act, "do", action_key(c->kind));
        if (c->account) {
            add_str(&b, act, "account", c->account);
        }
        if (c->contact) {
            add_str(&b, act, "contact", c->contact);
        }
        if (c->idea) {
            add_str(&b, act, "idea", c->idea);
        }
        add_num(&b, act, "week", week);
        add_num(&b, act, "step", (double)(k + 1));
        add_context(&b, st, true);
        if (c->kind == ACT_END_WEEK) {
            week++;
        }
    }

    /* n+1: completed; n+2: passed or failed with the score */
    st = statement(&b, list, n + 1, "completed", end);
    add_scenario_activity(&b, add_obj(&b, st, "object"));
    cJSON *res = add_obj(&b, st, "result");
    add_bool(&b, res, "completion", true);
    add_str(&b, res, "duration", dur);
    add_result_document(&b, res, opt);
    add_context(&b, st, false);

    st = statement(&b, list, n + 2, r->passed ? "passed" : "failed", end);
    add_scenario_activity(&b, add_obj(&b, st, "object"));
    res = add_obj(&b, st, "result");
    add_score(&b, res, r->final.total);
    add_bool(&b, res, "success", r->passed);
    add_bool(&b, res, "completion", true);
    add_str(&b, res, "duration", dur);
    cJSON *ext = add_obj(&b, res, "extensions");
    cJSON *subs = add_obj(&b, ext, EXT "subscores");
    for (int i = 0; i < SUB_COUNT; i++) {
        add_num(&b, subs, subscore_key((SubScore)i), r->final.sub[i]);
    }
    add_num(&b, ext, EXT "pass-mark", r->pass_mark);
    add_context(&b, st, false);

    char *text = b.ok ? cJSON_Print(list) : NULL;
    cJSON_Delete(list);
    if (text) {
        if (len) {
            *len = strlen(text);
        }
        if (count) {
            *count = n + 3;
        }
    }
    return text;
}

/* ---- reading ---------------------------------------------------------------------- */

int xapi_statement_result(const char *json, size_t len, ResultRecord *out, char *why, size_t whylen)
{
    memset(out, 0, sizeof *out);
    cJSON *st = cJSON_ParseWithLength(json, len);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(st, "id");
    const cJSON *verb = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(st, "verb"), "id");
    const cJSON *ext = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(st, "result"), "extensions"),
        XAPI_EXT_RESULT);
    int rc = -1;
    if (!cJSON_IsObject(st)) {
        snprintf(why, whylen, "not a JSON object");
    } else if (!cJSON_IsString(id)) {
        snprintf(why, whylen, "the statement has no id");
    } else if (!cJSON_IsString(verb) || strcmp(verb->valuestring, VERB_BASE "completed") != 0) {
        snprintf(why, whylen, "not a 'completed' statement");
    } else if (!ext) {
        snprintf(why, whylen, "no result extension (%s): sent by an older version, or not a Key Accounts result",
                 XAPI_EXT_RESULT);
    } else if (!cJSON_IsObject(ext)) {
        snprintf(why, whylen, "the result extension is not a JSON object");
    } else {
        char *doc = cJSON_PrintUnformatted(ext);
        Diagnostics d;
        diags_init(&d);
        int parsed = doc ? result_from_json(doc, strlen(doc), "extension", out, &d) : -1;
        free(doc);
        if (!doc) {
            snprintf(why, whylen, "out of memory");
        } else if (parsed != 0) {
            diags_sort(&d);
            const Diagnostic *g = d.count ? &d.items[0] : NULL;
            const char *gp = g && g->path ? g->path : "";
            snprintf(why, whylen, "the result extension is not a valid result: [%s] %s%s%s", g ? g->code : "?", gp,
                     gp[0] ? ": " : "", g && g->message ? g->message : "out of memory");
        } else {
            char want[XAPI_UUID_LEN + 1];
            xapi_statement_id(out, out->session.command_count + 1, want);
            if (strcmp(want, id->valuestring) != 0) {
                snprintf(why, whylen, "the result extension does not belong to this statement (its commands, "
                                      "seed, trainee or start time differ from those the statement was made for)");
                result_record_free(out);
            } else {
                rc = 0;
            }
        }
        diags_deinit(&d);
    }
    cJSON_Delete(st);
    return rc;
}
