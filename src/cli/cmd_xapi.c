/* `keyaccounts xapi`: the statements of result files, the LRS settings and
 * the queue of unsent statements (docs/xapi.md).
 *   xapi [OPTIONS] [flush]           send what waits in the queue
 *   xapi [OPTIONS] send RESULT...    write RESULT.xapi.json, queue, send
 *   xapi [OPTIONS] write RESULT...   only write RESULT.xapi.json
 *   xapi [OPTIONS] status            the LRS settings and the queue */
#define _XOPEN_SOURCE 700
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "say.h"
#include "platform.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/xapi.h"
#include "lrs.h"
#include "lrs_args.h"
#include "results.h"
#include "shipped.h"
#include "xapi_hook.h"

static int usage(FILE *err)
{
    fputs("usage: keyaccounts xapi [--lrs URL] [--lrs-auth KEY:SECRET | --lrs-auth-file PATH] [--homepage IRI]\n"
          "                        [--remember] [flush | send RESULT... | write RESULT... | status]\n"
          "  flush            send the statements waiting in the queue (the default)\n"
          "  send RESULT...   write RESULT.xapi.json beside each result, queue it, send the queue\n"
          "  write RESULT...  only write RESULT.xapi.json beside each result\n"
          "  status           where statements go and how many wait\n"
          "  --remember       keep --lrs and --lrs-auth in the data folder (lrs.conf, mode 0600;\n"
          "                   the secret is stored in plain text)\n"
          LRS_ARGS_USAGE,
          err);
    return 2;
}

/* The result's scenario, for names: the recorded path when it still holds
 * that scenario, else a shipped one with the recorded id, else NULL. */
static Scenario *find_scenario(const ResultRecord *r)
{
    char why[256];
    const char *paths[2] = {r->session.scenario_path, NULL};
    ShippedScenario *list = calloc(SHIPPED_MAX, sizeof *list);
    size_t n = list ? shipped_list(list, SHIPPED_MAX) : 0;
    for (size_t k = 0; k < n && !paths[1]; k++) {
        if (strcmp(list[k].id, r->session.scenario_id) == 0) {
            paths[1] = list[k].path;
        }
    }
    Scenario *s = NULL;
    for (int i = 0; i < 2 && !s; i++) {
        size_t len;
        char *buf = paths[i] && paths[i][0] ? plat_read_file(paths[i], SCN_MAX_FILE_BYTES, &len, why, sizeof why)
                                            : NULL;
        if (!buf) {
            continue;
        }
        Diagnostics d;
        diags_init(&d);
        s = scn_parse(buf, len, paths[i], &d);
        diags_deinit(&d);
        free(buf);
        if (s && strcmp(s->id, r->session.scenario_id) != 0) {
            scenario_destroy(s);
            s = NULL;
        }
    }
    free(list);
    return s;
}

static int status(const LrsConfig *cfg, FILE *out)
{
    char dir[4096], why[256];
    const char *q = lrs_queue_dir(dir, sizeof dir, why, sizeof why);
    if (cfg->url[0]) {
        char key[128] = "";
        const char *colon = strchr(cfg->auth, ':');
        snprintf(key, sizeof key, "%.*s", colon ? (int)(colon - cfg->auth) : 0, cfg->auth);
        char shown[1400];
        say_printf(out, "LRS: %s\n", lrs_url_shown(cfg->url, shown, sizeof shown));
        say_printf(out, "auth: %s%s%s\n", cfg->auth[0] ? "basic, key " : "none", key,
                cfg->auth[0] ? " (the secret is not shown)" : "");
    } else {
        fprintf(out, "LRS: none set (keyaccounts xapi --lrs URL --lrs-auth KEY:SECRET --remember)\n");
    }
    say_printf(out, "actor home page: %s\n", cfg->homepage[0] ? cfg->homepage : XAPI_DEFAULT_HOMEPAGE);
    size_t n = lrs_queue_count();
    say_printf(out, "queue: %zu session%s of statements waiting in %s\n", n, n == 1 ? "" : "s", q ? q : why);
    return 0;
}

int cmd_xapi(int argc, char **argv, FILE *out, FILE *err)
{
    LrsArgs args;
    memset(&args, 0, sizeof args);
    LrsConfig *given = &args.given;
    bool remember = false;
    const char *action = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) {
        fprintf(err, "keyaccounts xapi: out of memory\n");
        return 1;
    }
    int rc = 0;
    for (int i = 1; i < argc && rc == 0; i++) {
        const char *a = argv[i];
        int took = lrs_args_take(&args, argc, argv, &i, "xapi", err);
        if (took == 2) {
            rc = 2;
        } else if (took == 1) {
            continue;
        } else if (strcmp(a, "--homepage") == 0 && i + 1 < argc) {
            snprintf(given->homepage, sizeof given->homepage, "%s", argv[++i]);
        } else if (strcmp(a, "--remember") == 0) {
            remember = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            free(files);
            usage(out);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            say_printf(err, "keyaccounts xapi: unknown option '%s'\n", a);
            rc = 2;
        } else if (!action) {
            action = a;
            if (strcmp(a, "flush") != 0 && strcmp(a, "send") != 0 && strcmp(a, "write") != 0
                && strcmp(a, "status") != 0) {
                say_printf(err, "keyaccounts xapi: unknown action '%s'\n", a);
                rc = 2;
            }
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!action) {
        action = "flush";
    }
    bool takes_files = strcmp(action, "send") == 0 || strcmp(action, "write") == 0;
    if (rc == 0 && (takes_files != (nfiles > 0))) {
        fprintf(err, takes_files ? "keyaccounts xapi %s: name one or more result files\n"
                                 : "keyaccounts xapi %s: takes no files\n", action);
        rc = 2;
    }
    if (rc == 0 && remember && !given->url[0]) {
        fprintf(err, "keyaccounts xapi: --remember needs --lrs URL (and --lrs-auth KEY:SECRET)\n");
        rc = 2;
    }
    if (rc != 0) {
        free(files);
        return usage(err);
    }
    char why[1024], path[4200];
    if (remember && !given->auth[0] && args.auth_file
        && lrs_auth_from_file(args.auth_file, given->auth, sizeof given->auth, why, sizeof why) != 0) {
        fprintf(err, "keyaccounts xapi: --lrs-auth-file: %s\n", why);
        free(files);
        return 1;
    }
    if (remember) {
        if (lrs_config_save(given, path, sizeof path, why, sizeof why) != 0) {
            say_printf(err, "keyaccounts xapi: cannot remember the LRS: %s\n", why);
            free(files);
            return 1;
        }
        say_printf(out, "Remembered the LRS in %s (the secret is stored in plain text, readable only by you).\n", path);
    }
    LrsConfig cfg;
    Msgs m;
    msgs_init(&m);
    if (lrs_args_settle(&args, &cfg, "xapi", err) != 0) {
        free(files);
        return 1;
    }
    if (strcmp(action, "status") == 0) {
        free(files);
        return status(&cfg, out);
    }
    bool send = strcmp(action, "write") != 0;
    if (send && !cfg.url[0]) {
        fprintf(err, "keyaccounts xapi: no LRS is set: give --lrs URL --lrs-auth KEY:SECRET "
                     "(add --remember to keep them)\n");
        free(files);
        return 2;
    }
    int failed = 0;
    for (int k = 0; k < nfiles; k++) {
        ResultRecord r;
        int loaded = results_load(files[k], &r, &m);
        say_msgs(err, &m);
        if (loaded != 0) {
            failed = 1;
            continue;
        }
        Scenario *s = find_scenario(&r);
        int prc = xapi_prepare(files[k], &r, s, cfg.homepage, send, why, sizeof why);
        if (prc != 0) {
            say_printf(err, "%s: %s\n", files[k], why);
            failed = 1;
        }
        if (prc <= 0 && !send) {
            char sp[4200];
            say_printf(out, "%s\n", xapi_statements_path(files[k], sp, sizeof sp));
        }
        scenario_destroy(s);
        result_record_free(&r);
    }
    free(files);
    if (!send) {
        return failed;
    }
    LrsReport rep;
    int sent = lrs_flush(&cfg, &rep, why, sizeof why);
    xapi_flush_msgs(&m, &cfg, sent, &rep, why);
    say_msgs(sent == 0 ? out : err, &m);
    return sent == 0 && !failed ? 0 : 1;
}
