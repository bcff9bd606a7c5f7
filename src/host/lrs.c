/* The LRS client: settings, the on-disk queue, HTTP with libcurl. */
#define _POSIX_C_SOURCE 200809L
#include "lrs.h"

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>


#include "platform.h"

enum {
    CONF_MAX_BYTES = 16384,
    BATCH_MAX_BYTES = 64 * 1024 * 1024,
    BODY_KEEP = 2048,       /* bytes of an answer kept for error messages */
    PAGE_MAX_BYTES = 256 * 1024 * 1024, /* one page of statements from the LRS */
    MAX_PAGES = 100000,
    CONNECT_TIMEOUT_S = 5,
    TOTAL_TIMEOUT_S = 20,
    QUEUE_MAX_FILES = 100000,
};

/* ---- settings ---------------------------------------------------------------- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        s[--n] = '\0';
    }
    return s;
}

static int conf_path(char *buf, size_t n, bool create, char *err, size_t errlen)
{
    char dir[4096];
    const char *d = create ? plat_data_subdir(NULL, dir, sizeof dir, err, errlen) : plat_data_dir(dir, sizeof dir);
    if (!d) {
        if (!create) {
            snprintf(err, errlen, "no data folder: set KEYACCOUNTS_DATA_DIR, XDG_DATA_HOME or HOME");
        }
        return -1;
    }
    int w = snprintf(buf, n, "%s/lrs.conf", d);
    if (w < 0 || (size_t)w >= n) {
        snprintf(err, errlen, "the data folder's path is too long");
        return -1;
    }
    return 0;
}

int lrs_config_load(LrsConfig *cfg, char *err, size_t errlen)
{
    const char *env = plat_env(LRS_AUTH_ENV);
    if (!cfg->auth[0] && env && env[0]) {
        if (!strchr(env, ':') || strlen(env) >= sizeof cfg->auth) {
            snprintf(err, errlen, "%s must be KEY:SECRET", LRS_AUTH_ENV);
            return -1;
        }
        snprintf(cfg->auth, sizeof cfg->auth, "%s", env);
    }
    char path[4200], why[256];
    if (conf_path(path, sizeof path, false, err, errlen) != 0) {
        return 0; /* no data folder: no settings */
    }
    if (plat_kind(path) == PLAT_MISSING) {
        return 0;
    }
    size_t len;
    char *text = plat_read_file(path, CONF_MAX_BYTES, &len, why, sizeof why);
    if (!text) {
        snprintf(err, errlen, "cannot read %s: %s", path, why);
        return -1;
    }
    int rc = 0, lineno = 0;
    for (char *line = text, *next; line && rc == 0; line = next) {
        next = strchr(line, '\n');
        if (next) {
            *next++ = '\0';
        }
        lineno++;
        char *l = trim(line);
        if (l[0] == '\0' || l[0] == '#') {
            continue;
        }
        char *eq = strchr(l, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%d: expected 'key = value'", path, lineno);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = trim(l), *value = trim(eq + 1);
        char *dst = NULL;
        size_t cap = 0;
        if (strcmp(key, "url") == 0) {
            dst = cfg->url;
            cap = sizeof cfg->url;
        } else if (strcmp(key, "auth") == 0) {
            dst = cfg->auth;
            cap = sizeof cfg->auth;
        } else if (strcmp(key, "homepage") == 0) {
            dst = cfg->homepage;
            cap = sizeof cfg->homepage;
        } else {
            snprintf(err, errlen, "%s:%d: unknown setting '%.40s' (known: url, auth, homepage)", path, lineno, key);
            rc = -1;
            break;
        }
        if (dst[0] == '\0') { /* the command line wins */
            snprintf(dst, cap, "%s", value);
        }
    }
    free(text);
    return rc;
}

int lrs_config_save(const LrsConfig *cfg, char *path, size_t n, char *err, size_t errlen)
{
    if (conf_path(path, n, true, err, errlen) != 0) {
        return -1;
    }
    size_t cap = sizeof cfg->url + sizeof cfg->auth + sizeof cfg->homepage + 512;
    char *text = malloc(cap);
    if (!text) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int w = snprintf(text, cap,
                     "# Key Accounts: where xAPI statements go (docs/xapi.md).\n"
                     "# The secret is stored in plain text; only you can read this file (mode 0600).\n"
                     "url = %s\nauth = %s\n%s%s%s",
                     cfg->url, cfg->auth, cfg->homepage[0] ? "homepage = " : "", cfg->homepage,
                     cfg->homepage[0] ? "\n" : "");
    /* plat_write_atomic creates the file with mkstemp: mode 0600 */
    int rc = w > 0 && (size_t)w < cap ? plat_write_atomic(path, text, (size_t)w, err, errlen) : -1;
    if (w <= 0 || (size_t)w >= cap) {
        snprintf(err, errlen, "the settings are too long");
    }
    free(text);
    return rc;
}

bool lrs_url_ok(const char *url)
{
    bool scheme = strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0;
    if (!scheme || strlen(url) >= sizeof ((LrsConfig *)0)->url) {
        return false;
    }
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= ' ' || *p == 0x7f) {
            return false;
        }
    }
    return true;
}

/* "scheme://" and where the authority (user information, host, port) ends. */
static size_t authority_end(const char *url, size_t *start)
{
    const char *sep = strstr(url, "://");
    *start = sep ? (size_t)(sep - url) + 3 : 0;
    return *start + strcspn(url + *start, "/?#");
}

const char *lrs_url_shown(const char *url, char *buf, size_t n)
{
    size_t start, end = authority_end(url, &start);
    const char *at = NULL;
    for (const char *p = url + start; p < url + end; p++) {
        if (*p == '@') {
            at = p; /* the last '@' ends the user information */
        }
    }
    if (!at) {
        snprintf(buf, n, "%s", url);
    } else {
        snprintf(buf, n, "%.*s%s", (int)start, url, at + 1);
    }
    return buf;
}

bool lrs_url_in_clear(const char *url)
{
    if (strncmp(url, "http://", 7) != 0) {
        return false;
    }
    char shown[sizeof ((LrsConfig *)0)->url];
    lrs_url_shown(url, shown, sizeof shown);
    size_t start, end = authority_end(shown, &start);
    char host[256];
    snprintf(host, sizeof host, "%.*s", (int)(end - start), shown + start);
    if (host[0] == '[') { /* [::1]:8080 */
        return strncmp(host, "[::1]", 5) != 0;
    }
    host[strcspn(host, ":")] = '\0';
    for (char *p = host; *p; p++) {
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    }
    bool loopback = strncmp(host, "127.", 4) == 0 && strspn(host, "0123456789.") == strlen(host);
    return !(loopback || strcmp(host, "localhost") == 0);
}

int lrs_auth_from_file(const char *path, char *out, size_t n, char *err, size_t errlen)
{
    char why[256];
    size_t len;
    char *text = plat_read_file(path, CONF_MAX_BYTES, &len, why, sizeof why);
    if (!text) {
        snprintf(err, errlen, "cannot read %s: %s", path, why);
        return -1;
    }
    text[strcspn(text, "\n")] = '\0';
    char *line = trim(text);
    int rc = 0;
    if (!strchr(line, ':') || strlen(line) >= n) {
        snprintf(err, errlen, "%s: the first line must be KEY:SECRET", path);
        rc = -1;
    } else {
        snprintf(out, n, "%s", line);
    }
    memset(text, 0, len);
    free(text);
    return rc;
}

/* ---- the queue ------------------------------------------------------------------ */

const char *lrs_queue_dir(char *buf, size_t n, char *err, size_t errlen)
{
    return plat_data_subdir("xapi-queue", buf, n, err, errlen);
}

int lrs_queue_add(const char *name, const char *json, size_t len, char *err, size_t errlen)
{
    char dir[4096], path[4400];
    if (!lrs_queue_dir(dir, sizeof dir, err, errlen)) {
        return -1;
    }
    int w = snprintf(path, sizeof path, "%s/%s.json", dir, name);
    if (w < 0 || (size_t)w >= sizeof path) {
        snprintf(err, errlen, "the queue's path is too long");
        return -1;
    }
    return plat_write_atomic(path, json, len, err, errlen);
}

static bool is_batch(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* The queued batches' file names, sorted (oldest first: names start with
 * the session's finishing time). NULL with *count 0 when there are none. */
static char **queue_list(const char *dir, size_t *count)
{
    *count = 0;
    PlatList names;
    char why[256];
    if (plat_list(dir, &names, why, sizeof why) != 0) {
        return NULL;
    }
    /* keep only the batches, in the list's own sorted storage */
    for (size_t k = 0; k < names.count; k++) {
        if (is_batch(names.names[k]) && *count < QUEUE_MAX_FILES) {
            names.names[(*count)++] = names.names[k];
        } else {
            free(names.names[k]);
        }
    }
    if (*count == 0) {
        free(names.names);
        return NULL;
    }
    return names.names;
}

static void list_free(char **list, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        free(list[k]);
    }
    free(list);
}

size_t lrs_queue_count(void)
{
    char dir[4096], why[256];
    size_t count = 0;
    if (lrs_queue_dir(dir, sizeof dir, why, sizeof why)) {
        char **list = queue_list(dir, &count);
        list_free(list, count);
    }
    return count;
}

/* ---- HTTP ------------------------------------------------------------------------ */

typedef struct Http {
    CURL *curl;
    const LrsConfig *cfg;
    long status;
    CURLcode rc;
    char errbuf[CURL_ERROR_SIZE];
    char body[BODY_KEEP];
    size_t body_len;
    bool grow;          /* keep the whole answer in all (a page of statements) */
    char *all;
    size_t all_len, all_cap;
    bool too_big;
} Http;

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
    Http *h = user;
    size_t n = size * nmemb;
    if (h->grow) {
        if (h->all_len + n + 1 > h->all_cap) {
            size_t cap = h->all_cap ? h->all_cap : 65536;
            while (cap < h->all_len + n + 1) {
                cap *= 2;
            }
            char *grown = cap <= PAGE_MAX_BYTES ? realloc(h->all, cap) : NULL;
            if (!grown) {
                h->too_big = cap > PAGE_MAX_BYTES;
                return 0; /* curl stops with CURLE_WRITE_ERROR */
            }
            h->all = grown;
            h->all_cap = cap;
        }
        memcpy(h->all + h->all_len, data, n);
        h->all_len += n;
        h->all[h->all_len] = '\0';
    }
    size_t room = sizeof h->body - 1 - h->body_len;
    size_t take = n < room ? n : room;
    memcpy(h->body + h->body_len, data, take);
    h->body_len += take;
    h->body[h->body_len] = '\0';
    return n;
}

/* One request; fills status (0 when no answer came) and rc. data NULL: a GET. */
static void http_send(Http *h, const char *method, const char *url, const char *data, size_t len)
{
    CURL *c = h->curl;
    curl_easy_reset(c);
    h->status = 0;
    h->all_len = 0;
    h->too_big = false;
    h->body_len = 0;
    h->body[0] = '\0';
    h->errbuf[0] = '\0';
    struct curl_slist *headers = NULL, *grown;
    const char *lines[] = {"X-Experience-API-Version: 1.0.3", "Content-Type: application/json; charset=utf-8",
                           "Accept: application/json", "Expect:"};
    for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
        grown = curl_slist_append(headers, lines[k]);
        if (!grown) {
            curl_slist_free_all(headers);
            h->rc = CURLE_OUT_OF_MEMORY;
            return;
        }
        headers = grown;
    }
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (data) {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, data);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    } else {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    }
    if (h->cfg->auth[0]) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(c, CURLOPT_USERPWD, h->cfg->auth);
    }
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)CONNECT_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)TOTAL_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "keyaccounts/" KA_VERSION);
    h->rc = curl_easy_perform(c);
    if (h->rc == CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &h->status);
    }
    curl_slist_free_all(headers);
}

typedef enum Outcome {
    OUT_OK,       /* stored (or already held, identical) */
    OUT_CONFLICT, /* 409: some id is already held */
    OUT_REJECTED, /* this batch will not be taken as it is; the others may */
    OUT_STOP,     /* nothing will get through now: stop and keep everything */
} Outcome;

/* The LRS's own message from an error answer ({"message": ...}), or "". */
static void answer_message(const Http *h, char *buf, size_t n)
{
    buf[0] = '\0';
    cJSON *j = cJSON_Parse(h->body);
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(j, "message");
    if (cJSON_IsString(m)) {
        snprintf(buf, n, ": %.200s", m->valuestring);
    }
    cJSON_Delete(j);
    for (char *p = buf; *p; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t') {
            *p = ' ';
        }
    }
}

static Outcome classify(const Http *h, const char *full_url, char *err, size_t errlen)
{
    char msg[256], url[1400];
    lrs_url_shown(full_url, url, sizeof url);
    const char *why = h->errbuf[0] ? h->errbuf : curl_easy_strerror(h->rc);
    switch (h->rc) {
    case CURLE_OK:
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        snprintf(err, errlen, "cannot find the LRS's host (DNS): %s", why);
        return OUT_STOP;
    case CURLE_COULDNT_CONNECT:
        snprintf(err, errlen, "cannot connect to the LRS at %s: %s", url, why);
        return OUT_STOP;
    case CURLE_OPERATION_TIMEDOUT:
        snprintf(err, errlen, "the LRS at %s did not answer in time: %s", url, why);
        return OUT_STOP;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        snprintf(err, errlen, "the connection to the LRS was cut before it answered: %s", why);
        return OUT_STOP;
    case CURLE_OUT_OF_MEMORY:
        snprintf(err, errlen, "out of memory");
        return OUT_STOP;
    case CURLE_WRITE_ERROR:
        snprintf(err, errlen, h->too_big ? "the LRS's answer is larger than %d MiB" : "out of memory",
                 PAGE_MAX_BYTES / (1024 * 1024));
        return OUT_STOP;
    default:
        snprintf(err, errlen, "cannot reach the LRS at %s: %s", url, why);
        return OUT_STOP;
    }
    long s = h->status;
    if (s == 200 || s == 204) {
        return OUT_OK;
    }
    answer_message(h, msg, sizeof msg);
    if (s == 409) {
        snprintf(err, errlen, "the LRS already holds a statement with one of these ids (HTTP 409)%s", msg);
        return OUT_CONFLICT;
    }
    if (s == 401 || s == 403) {
        snprintf(err, errlen, "the LRS refused the credentials (HTTP %ld)%s: check --lrs-auth KEY:SECRET", s, msg);
        return OUT_STOP;
    }
    if (s == 404 || s == 405) {
        snprintf(err, errlen, "%s is not an xAPI statements resource (HTTP %ld): check --lrs, the LRS's xAPI "
                              "endpoint (often ending in /xapi or /data/xAPI)", url, s);
        return OUT_STOP;
    }
    if (s >= 500 || s == 429 || s == 408) {
        snprintf(err, errlen, "the LRS could not take the statements now (HTTP %ld)%s; they stay queued", s, msg);
        return OUT_STOP;
    }
    snprintf(err, errlen, "the LRS rejected the statements (HTTP %ld)%s", s, msg);
    return OUT_REJECTED;
}

/* "2026-03-05T09:30:30Z" and "2026-03-05T09:30:30.000Z" are the same time:
 * an LRS may store a timestamp in another form. */
static bool same_time(const cJSON *a, const cJSON *b)
{
    if (!cJSON_IsString(a) || !cJSON_IsString(b)) {
        return cJSON_Compare(a, b, true);
    }
    const char *x = a->valuestring, *y = b->valuestring;
    size_t n = strlen(x) < 19 || strlen(y) < 19 ? 0 : 19;
    bool zero_x = strspn(x + n, ".0") + 1 == strlen(x + n) && x[strlen(x) - 1] == 'Z';
    bool zero_y = strspn(y + n, ".0") + 1 == strlen(y + n) && y[strlen(y) - 1] == 'Z';
    return n ? strncmp(x, y, n) == 0 && zero_x && zero_y : strcmp(x, y) == 0;
}

/* Whether the statement the LRS holds (its answer to GET ?statementId=) says
 * what we sent: every property we sent, equal (keys in any order), the
 * timestamp as a time; what the LRS adds (stored, authority, version) is
 * its own. */
static bool same_statement(const cJSON *sent, const char *held_json, size_t len)
{
    cJSON *held = cJSON_ParseWithLength(held_json, len);
    bool same = cJSON_IsObject(held);
    const cJSON *item;
    cJSON_ArrayForEach(item, sent) {
        if (!same) {
            break;
        }
        if (strcmp(item->string, "version") == 0) {
            continue;
        }
        const cJSON *other = cJSON_GetObjectItemCaseSensitive(held, item->string);
        same = strcmp(item->string, "timestamp") == 0 ? same_time(item, other) : cJSON_Compare(item, other, true);
    }
    cJSON_Delete(held);
    return same;
}

/* After a 409 for a batch: each statement on its own, with PUT ?statementId=.
 * A 409 then means the LRS holds that id already; the statement it holds is
 * fetched: the same content is delivered, other content is a conflict (the
 * first id goes to conflict_id). OUT_CONFLICT when some statement conflicts
 * (the others were sent). */
static Outcome send_one_by_one(Http *h, const char *base, const cJSON *batch, LrsReport *rep, char *conflict_id,
                               size_t idlen, char *err, size_t errlen)
{
    const cJSON *st;
    size_t conflicts = 0;
    cJSON_ArrayForEach(st, batch) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(st, "id");
        if (!cJSON_IsString(id) || strspn(id->valuestring, "0123456789abcdefABCDEF-") != strlen(id->valuestring)) {
            snprintf(err, errlen, "a queued statement has no usable id");
            return OUT_REJECTED;
        }
        char url[1200];
        snprintf(url, sizeof url, "%s/statements?statementId=%s", base, id->valuestring);
        char *one = cJSON_PrintUnformatted(st);
        if (!one) {
            snprintf(err, errlen, "out of memory");
            return OUT_STOP;
        }
        http_send(h, "PUT", url, one, strlen(one));
        free(one);
        Outcome o = classify(h, url, err, errlen);
        if (o == OUT_CONFLICT) {
            h->grow = true;
            http_send(h, "GET", url, NULL, 0);
            h->grow = false;
            o = classify(h, url, err, errlen);
            if (o == OUT_OK && h->status == 200 && same_statement(st, h->all, h->all_len)) {
                continue; /* the same statement, answered 409: delivered */
            }
            if (o != OUT_OK && o != OUT_REJECTED && h->status != 404) { /* 404: voided */
                return o;
            }
            if (conflicts++ == 0) {
                snprintf(conflict_id, idlen, "%s", id->valuestring);
            }
            rep->conflicts++;
        } else if (o != OUT_OK) {
            return o;
        }
    }
    return conflicts ? OUT_CONFLICT : OUT_OK;
}

int lrs_flush(const LrsConfig *cfg, LrsReport *rep, char *err, size_t errlen)
{
    memset(rep, 0, sizeof *rep);
    err[0] = '\0';
    char dir[4096];
    if (!lrs_queue_dir(dir, sizeof dir, err, errlen)) {
        return -1;
    }
    size_t count;
    char **list = queue_list(dir, &count);
    if (count == 0) {
        return 0;
    }
    if (!cfg->url[0]) {
        list_free(list, count);
        rep->batches_left = count;
        snprintf(err, errlen, "no LRS is set: give --lrs URL --lrs-auth KEY:SECRET (add --remember to keep them)");
        return -1;
    }
    char base[sizeof cfg->url];
    snprintf(base, sizeof base, "%s", cfg->url);
    for (size_t n = strlen(base); n > 0 && base[n - 1] == '/';) {
        base[--n] = '\0';
    }
    char url[sizeof base + 16];
    snprintf(url, sizeof url, "%s/statements", base);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        list_free(list, count);
        rep->batches_left = count;
        snprintf(err, errlen, "cannot start the HTTP client (libcurl)");
        return -1;
    }
    Http h;
    memset(&h, 0, sizeof h);
    h.cfg = cfg;
    h.curl = curl_easy_init();
    bool stop = !h.curl;
    if (stop) {
        snprintf(err, errlen, "cannot start the HTTP client (libcurl)");
    }
    char first_err[512] = "";
    for (size_t k = 0; k < count && !stop; k++) {
        char path[4400], why[256];
        snprintf(path, sizeof path, "%s/%s", dir, list[k]);
        size_t len;
        char *json = plat_read_file(path, BATCH_MAX_BYTES, &len, why, sizeof why);
        if (!json) {
            if (plat_kind(path) == PLAT_MISSING) {
                continue; /* another program sent it meanwhile */
            }
            snprintf(err, errlen, "cannot read the queued batch %s: %s", path, why);
            rep->batches_left++;
            continue;
        }
        cJSON *batch = cJSON_ParseWithLength(json, len);
        int items = cJSON_IsArray(batch) ? cJSON_GetArraySize(batch) : -1;
        Outcome o;
        if (items < 0) {
            snprintf(err, errlen, "the queued batch %s is not a JSON array of statements; it is kept", path);
            o = OUT_REJECTED;
        } else {
            http_send(&h, "POST", url, json, len);
            o = classify(&h, url, err, errlen);
            if (o == OUT_CONFLICT) {
                char id[64] = "";
                size_t before = rep->conflicts;
                o = send_one_by_one(&h, base, batch, rep, id, sizeof id, err, errlen);
                if (o == OUT_CONFLICT) {
                    size_t n = rep->conflicts - before;
                    snprintf(err, errlen, "conflict: the LRS holds %zu statement%s of %s with other content (%s%s); "
                             "the session stays queued: send it as it was first sent (the same --homepage), or "
                             "delete that file to give up", n, n == 1 ? "" : "s", path, n == 1 ? "id " : "first: ",
                             id);
                }
            }
        }
        cJSON_Delete(batch);
        free(json);
        if (o == OUT_OK) {
            if (plat_remove(path) != 0 && plat_kind(path) != PLAT_MISSING) {
                snprintf(err, errlen, "sent, but cannot remove %s from the queue", path);
            }
            rep->batches_sent++;
            rep->statements_sent += (size_t)items;
        } else {
            rep->batches_left++;
            if (!first_err[0]) {
                snprintf(first_err, sizeof first_err, "%s", err);
            }
            stop = o == OUT_STOP;
        }
    }
    if (stop) {
        rep->batches_left = count - rep->batches_sent;
    }
    if (first_err[0]) {
        snprintf(err, errlen, "%s", first_err);
    }
    curl_easy_cleanup(h.curl);
    free(h.all);
    curl_global_cleanup();
    list_free(list, count);
    return rep->batches_left == 0 ? 0 : -1;
}

/* ---- reading statements back -------------------------------------------------------- */

/* url + "?" or "&" + key=escaped value, in place. */
static bool add_param(CURL *c, char *url, size_t n, const char *key, const char *value)
{
    char *esc = curl_easy_escape(c, value, 0);
    if (!esc) {
        return false;
    }
    size_t len = strlen(url);
    int w = snprintf(url + len, n - len, "%c%s=%s", strchr(url, '?') ? '&' : '?', key, esc);
    curl_free(esc);
    return w > 0 && (size_t)w < n - len;
}

/* The next page's URL from a `more` link: a path on the LRS's own server
 * ("/xapi/statements?..."), or a whole URL on that same server. Links to
 * another server are not followed (the credentials would go there). */
static bool next_url(const char *base, const char *more, char *out, size_t n)
{
    size_t start, end = authority_end(base, &start);
    if (more[0] == '/') {
        int w = snprintf(out, n, "%.*s%s", (int)end, base, more);
        return w > 0 && (size_t)w < n;
    }
    char origin[1400], other[1400];
    snprintf(origin, sizeof origin, "%.*s", (int)end, lrs_url_shown(base, other, sizeof other));
    size_t ostart, oend = authority_end(origin, &ostart);
    (void)ostart;
    if (strncmp(more, origin, oend) != 0 || (more[oend] != '/' && more[oend] != '\0')) {
        return false;
    }
    int w = snprintf(out, n, "%.*s%s", (int)end, base, more + oend);
    return w > 0 && (size_t)w < n;
}

int lrs_fetch(const LrsConfig *cfg, const LrsQuery *q, LrsStatementFn fn, void *user, size_t *pages, char *err,
              size_t errlen)
{
    err[0] = '\0';
    *pages = 0;
    if (!cfg->url[0]) {
        snprintf(err, errlen, "no LRS is set: give --lrs URL --lrs-auth KEY:SECRET");
        return -1;
    }
    char base[sizeof cfg->url];
    snprintf(base, sizeof base, "%s", cfg->url);
    for (size_t n = strlen(base); n > 0 && base[n - 1] == '/';) {
        base[--n] = '\0';
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(err, errlen, "cannot start the HTTP client (libcurl)");
        return -1;
    }
    Http h;
    memset(&h, 0, sizeof h);
    h.cfg = cfg;
    h.grow = true;
    h.curl = curl_easy_init();
    char url[8192];
    int w = snprintf(url, sizeof url, "%s/statements", base);
    bool ok = h.curl && w > 0 && (size_t)w < sizeof url;
    if (!ok) {
        snprintf(err, errlen, h.curl ? "the LRS's URL is too long" : "cannot start the HTTP client (libcurl)");
    }
    char limit[32];
    snprintf(limit, sizeof limit, "%d", q->limit);
    ok = ok && (!q->verb || add_param(h.curl, url, sizeof url, "verb", q->verb))
         && (!q->activity || add_param(h.curl, url, sizeof url, "activity", q->activity))
         && (!q->related || add_param(h.curl, url, sizeof url, "related_activities", "true"))
         && (!q->since || add_param(h.curl, url, sizeof url, "since", q->since))
         && (q->limit <= 0 || add_param(h.curl, url, sizeof url, "limit", limit));
    if (!ok && !err[0]) {
        snprintf(err, errlen, "out of memory");
    }
    int rc = ok ? 0 : -1;
    while (rc == 0) {
        http_send(&h, "GET", url, NULL, 0);
        Outcome o = classify(&h, url, err, errlen);
        char shown[1400];
        lrs_url_shown(url, shown, sizeof shown);
        if (o != OUT_OK || h.status != 200) {
            if (o == OUT_OK || o == OUT_CONFLICT || (h.status >= 500 || h.status == 429)) {
                char msg[256];
                answer_message(&h, msg, sizeof msg);
                snprintf(err, errlen, "the LRS did not give the statements (HTTP %ld)%s", h.status, msg);
            }
            rc = -1;
            break;
        }
        (*pages)++;
        cJSON *page = cJSON_ParseWithLength(h.all ? h.all : "", h.all_len);
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(page, "statements");
        const cJSON *more = cJSON_GetObjectItemCaseSensitive(page, "more");
        if (!cJSON_IsArray(list)) {
            snprintf(err, errlen, "the LRS's answer to %s is not a list of statements", shown);
            rc = -1;
        }
        const cJSON *st;
        cJSON_ArrayForEach(st, list) {
            char *one = rc == 0 ? cJSON_PrintUnformatted(st) : NULL;
            if (rc == 0 && !one) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
            }
            if (one && fn(one, strlen(one), user) != 0) {
                rc = -1;
            }
            free(one);
        }
        char next[sizeof url];
        if (rc == 0 && cJSON_IsString(more) && more->valuestring[0]) {
            if (!next_url(base, more->valuestring, next, sizeof next)) {
                snprintf(err, errlen, "the LRS's 'more' link '%.200s' leads away from %s; not followed",
                         more->valuestring, shown);
                rc = -1;
            } else if (strcmp(next, url) == 0 || *pages >= MAX_PAGES) {
                snprintf(err, errlen, "the LRS's 'more' links do not end (%zu pages)", *pages);
                rc = -1;
            } else {
                snprintf(url, sizeof url, "%s", next);
            }
        } else if (rc == 0) {
            cJSON_Delete(page);
            break;
        }
        cJSON_Delete(page);
    }
    curl_easy_cleanup(h.curl);
    free(h.all);
    curl_global_cleanup();
    return rc;
}
