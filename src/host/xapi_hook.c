/* Statements beside the result, the queue, and sending after a session. */
#include "xapi_hook.h"

#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "keyaccounts/xapi.h"
#include "keyaccounts/scenario.h"
#include "results.h"

const char *xapi_statements_path(const char *result_path, char *buf, size_t n)
{
    size_t len = strlen(result_path);
    if (len > 5 && strcmp(result_path + len - 5, ".json") == 0) {
        len -= 5;
    }
    int w = snprintf(buf, n, "%.*s.xapi.json", (int)len, result_path);
    return w > 0 && (size_t)w < n ? buf : NULL;
}

/* "20260305-093030-<registration>": sorting the queue by name sends the
 * oldest session first; the same session always gets the same name. */
static void batch_name(const ResultRecord *r, char *buf, size_t n)
{
    char stamp[32] = "";
    size_t k = 0;
    for (const char *p = r->finished_at ? r->finished_at : ""; *p && k + 1 < sizeof stamp; p++) {
        if (*p >= '0' && *p <= '9') {
            stamp[k++] = *p;
            if (k == 8) {
                stamp[k++] = '-';
            }
        }
    }
    stamp[k] = '\0';
    char reg[XAPI_UUID_LEN + 1];
    xapi_registration(r, reg);
    snprintf(buf, n, "%s-%s", stamp, reg);
}

int xapi_prepare(const char *result_path, const ResultRecord *r, const Scenario *s, const char *homepage,
                 bool queue, char *err, size_t errlen)
{
    /* the document itself goes into the `completed` statement (docs/xapi.md) */
    char why[512];
    size_t doc_len;
    char *doc = plat_read_file(result_path, SCN_MAX_FILE_BYTES, &doc_len, why, sizeof why);
    if (!doc) {
        snprintf(err, errlen, "cannot read the result %s: %s", result_path, why);
        return -1;
    }
    ResultRecord loaded;
    memset(&loaded, 0, sizeof loaded);
    if (!r) {
        Diagnostics ignored; /* the message below says where to look */
        diags_init(&ignored);
        int rc = result_from_json(doc, doc_len, result_path, &loaded, &ignored);
        diags_deinit(&ignored);
        if (rc != 0) {
            snprintf(err, errlen, "%s is not a readable result file (keyaccounts replay %s says why)", result_path,
                     result_path);
            free(doc);
            return -1;
        }
        r = &loaded;
    }
    XapiOptions opt = {homepage && homepage[0] ? homepage : NULL, doc, doc_len};
    size_t len = 0, count = 0;
    char *json = xapi_statements_json(r, s, &opt, &len, &count);
    int rc = -1;
    char path[4200];
    if (!json) {
        snprintf(err, errlen, "out of memory");
    } else if (!xapi_statements_path(result_path, path, sizeof path)) {
        snprintf(err, errlen, "the result's path is too long");
    } else {
        rc = 0;
        if (plat_write_atomic(path, json, len, why, sizeof why) != 0) {
            /* the statements can still be queued: the result is what counts */
            snprintf(err, errlen, "could not write the statements file: %s", why);
            rc = queue ? 1 : -1;
        }
        if (queue) {
            char name[128];
            batch_name(r, name, sizeof name);
            if (lrs_queue_add(name, json, len, why, sizeof why) != 0) {
                snprintf(err, errlen, "could not queue the statements: %s", why);
                rc = -1;
            }
        }
    }
    free(json);
    free(doc);
    result_record_free(&loaded);
    return rc;
}

int xapi_settings(const LrsConfig *given, LrsConfig *out, Msgs *m)
{
    char why[512];
    if (given) {
        *out = *given;
    } else {
        memset(out, 0, sizeof *out);
    }
    if (lrs_config_load(out, why, sizeof why) != 0) {
        msgs_add(m, "xAPI: %s", why);
        return -1;
    }
    return 0;
}

void xapi_flush_msgs(Msgs *m, const LrsConfig *cfg, int rc, const LrsReport *rep, const char *why)
{
    char url[1400];
    lrs_url_shown(cfg->url, url, sizeof url);
    if (rc == 0) {
        if (rep->batches_sent == 0) {
            msgs_add(m, "xAPI: nothing waits to be sent to %s", url);
            return;
        }
        msgs_add(m, "xAPI: %zu statement%s (%zu session%s) sent to %s", rep->statements_sent,
                 rep->statements_sent == 1 ? "" : "s", rep->batches_sent, rep->batches_sent == 1 ? "" : "s",
                 url);
        return;
    }
    char dir[4096], d_err[256];
    const char *q = lrs_queue_dir(dir, sizeof dir, d_err, sizeof d_err);
    msgs_add(m, "xAPI: not sent: %s. The statements of %zu session%s wait in %s and go with the next result "
                "or `keyaccounts xapi flush`.",
             why, rep->batches_left, rep->batches_left == 1 ? "" : "s", q ? q : "the queue");
    if (rep->batches_sent) {
        msgs_add(m, "xAPI: %zu statement%s (%zu session%s) were sent to %s before that.", rep->statements_sent,
                 rep->statements_sent == 1 ? "" : "s", rep->batches_sent, rep->batches_sent == 1 ? "" : "s",
                 url);
    }
}

int xapi_after_result(const char *result_path, const ResultRecord *r, const Scenario *s, const LrsConfig *lrs,
                      Msgs *m)
{
    LrsConfig cfg;
    char why[1024];
    bool have_settings = xapi_settings(lrs, &cfg, m) == 0;
    bool send = have_settings && cfg.url[0];
    int rc = xapi_prepare(result_path, r, s, cfg.homepage, send, why, sizeof why);
    if (rc != 0) {
        msgs_add(m, "xAPI: %s", why);
        if (rc < 0) {
            return -1;
        }
    }
    if (!send) {
        return rc == 0 ? 0 : -1;
    }
    if (lrs_url_in_clear(cfg.url)) {
        char url[1400];
        msgs_add(m, "xAPI: warning: %s is plain http: the LRS secret and the results cross the network "
                    "unencrypted; use https://", lrs_url_shown(cfg.url, url, sizeof url));
    }
    LrsReport rep;
    int sent = lrs_flush(&cfg, &rep, why, sizeof why);
    xapi_flush_msgs(m, &cfg, sent, &rep, why);
    return rc == 0 ? 0 : -1;
}
