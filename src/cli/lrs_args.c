#include "lrs_args.h"

#include <string.h>

#include "args.h"
#include "say.h"
#include "xapi_hook.h"

/* "2026-03-05" -> "2026-03-05T00:00:00Z"; a whole timestamp stays. */
static bool since_value(const char *v, char *out, size_t n)
{
    snprintf(out, n, strlen(v) == 10 ? "%sT00:00:00Z" : "%s", v);
    return result_timestamp_valid(out);
}

int lrs_args_take(LrsArgs *a, int argc, char **argv, int *i, const char *cmd, FILE *err)
{
    const char *opt = argv[*i];
    bool url = strcmp(opt, "--lrs") == 0, auth = strcmp(opt, "--lrs-auth") == 0;
    bool file = strcmp(opt, "--lrs-auth-file") == 0;
    bool since = a->reading && strcmp(opt, "--since") == 0;
    bool page = a->reading && strcmp(opt, "--lrs-page-size") == 0;
    if (!url && !auth && !file && !since && !page) {
        return 0;
    }
    if (*i + 1 >= argc) {
        fprintf(err, "keyaccounts %s: %s needs a value\n", cmd, opt);
        return 2;
    }
    const char *v = argv[++*i];
    if (since) {
        if (!since_value(v, a->since, sizeof a->since)) {
            fprintf(err, "keyaccounts %s: --since needs a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM:SSZ (UTC), "
                         "not '%s'\n", cmd, v);
            return 2;
        }
    } else if (page) {
        if (!args_int(v, 1, 100000, &a->page_size)) {
            fprintf(err, "keyaccounts %s: --lrs-page-size needs a whole number from 1 to 100000, not '%s'\n", cmd, v);
            return 2;
        }
    } else if (url) {
        if (!lrs_url_ok(v)) {
            char shown[1400];
            fprintf(err, "keyaccounts %s: --lrs needs an http:// or https:// URL, not '%s'\n", cmd,
                    lrs_url_shown(v, shown, sizeof shown));
            return 2;
        }
        snprintf(a->given.url, sizeof a->given.url, "%s", v);
    } else if (auth) {
        if (!strchr(v, ':') || strlen(v) >= sizeof a->given.auth) {
            fprintf(err, "keyaccounts %s: --lrs-auth needs KEY:SECRET\n", cmd);
            return 2;
        }
        snprintf(a->given.auth, sizeof a->given.auth, "%s", v);
    } else {
        a->auth_file = v;
    }
    return 1;
}

int lrs_args_settle(const LrsArgs *a, LrsConfig *out, const char *cmd, FILE *err)
{
    LrsConfig given = a->given;
    char why[1024];
    if (!given.auth[0] && a->auth_file
        && lrs_auth_from_file(a->auth_file, given.auth, sizeof given.auth, why, sizeof why) != 0) {
        fprintf(err, "keyaccounts %s: --lrs-auth-file: %s\n", cmd, why);
        return 1;
    }
    Msgs m;
    msgs_init(&m);
    int settled = xapi_settings(&given, out, &m);
    say_msgs(err, &m);
    if (settled != 0) {
        return 1;
    }
    if (out->url[0] && lrs_url_in_clear(out->url)) {
        char shown[1400];
        fprintf(err, "keyaccounts %s: warning: %s is plain http: the LRS secret and the results cross the network "
                     "unencrypted; use https://\n", cmd, lrs_url_shown(out->url, shown, sizeof shown));
    }
    return 0;
}

int lrs_args_collect(const LrsArgs *a, const char *scenario_id, const char *cmd, ResultSet *set, FILE *out,
                     FILE *err)
{
    memset(set, 0, sizeof *set);
    LrsConfig cfg;
    if (lrs_args_settle(a, &cfg, cmd, err) != 0) {
        return 1;
    }
    ResultsLrsQuery q = {scenario_id, a->since[0] ? a->since : NULL, a->page_size};
    Msgs m;
    msgs_init(&m);
    size_t pages;
    int rc = results_collect_lrs(&cfg, &q, set, &pages, &m);
    say_msgs(err, &m);
    char shown[1400];
    lrs_url_shown(cfg.url, shown, sizeof shown);
    if (rc != 0) {
        fprintf(err, "keyaccounts %s: cannot read the results from the LRS at %s\n", cmd, shown);
        return 1;
    }
    fprintf(out, "%zu result%s read from the LRS at %s (%zu page%s of statements", set->count,
            set->count == 1 ? "" : "s", shown, pages, pages == 1 ? "" : "s");
    if (set->failed) {
        fprintf(out, "; %zu skipped, see above", set->failed);
    }
    fputs(")\n", out);
    return 0;
}
