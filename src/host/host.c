/* One session's lifecycle for every front end (host.h). */
#include "host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jumpstart.h"
#include "library.h"
#include "keyaccounts/scenario.h"
#include "platform.h"
#include "results.h"
#include "scnfile.h"
#include "xapi_hook.h"

enum { HOST_PATH_BYTES = 4096, HOST_KNOWN_BYTES = 1024, MAX_NOTES = 64, NOTE_BYTES = 1024 };

struct HostScenario {
    Scenario *scn;
    char *bytes;
    size_t len;
    uint64_t hash;
    char path[HOST_PATH_BYTES];
};

struct HostSession {
    HostScenario *open;
    Sim *sim;
    uint64_t seed;
    char known[HOST_KNOWN_BYTES];
    bool jumped;
    int reloads;
    char started_at[32];
    char session_id[SESSION_ID_LEN + 1]; /* random, from the start (docs/xapi.md) */
};

/* A new random session id: 128 bits from the operating system as hex. */
static int new_session_id(char out[SESSION_ID_LEN + 1], char *err, size_t errlen)
{
    unsigned char bits[SESSION_ID_LEN / 2];
    if (plat_random_bytes(bits, sizeof bits, err, errlen) != 0) {
        return -1;
    }
    for (size_t k = 0; k < sizeof bits; k++) {
        snprintf(out + 2 * k, 3, "%02x", bits[k]);
    }
    return 0;
}

/* ---- opening ---------------------------------------------------------------- */

HostScenario *host_open_bytes(const char *bytes, size_t len, const char *name, Msgs *m)
{
    HostScenario *hs = calloc(1, sizeof *hs);
    char *copy = malloc(len + 1);
    if (!hs || !copy) {
        free(hs);
        free(copy);
        msgs_add(m, "%s: out of memory", name);
        return NULL;
    }
    memcpy(copy, bytes, len);
    copy[len] = '\0';
    hs->bytes = copy;
    hs->len = len;
    hs->hash = scn_hash(bytes, len);
    snprintf(hs->path, sizeof hs->path, "%s", name);
    Diagnostics d;
    diags_init(&d);
    hs->scn = scn_parse(copy, len, name, &d);
    if (!hs->scn) {
        Diagnostics errors; /* the window and the terminal show errors; validate shows the rest */
        diags_init(&errors);
        for (size_t i = 0; i < d.count; i++) {
            const Diagnostic *x = &d.items[i];
            if (x->severity == SEV_ERROR) {
                diags_add(&errors, x->severity, x->code, x->line, x->column, x->path, "%s", x->message);
            }
        }
        msgs_add_diags(m, &errors, name);
        msgs_add(m, "%s: the scenario has %zu error%s; fix %s and try again (keyaccounts validate %s shows every problem)",
                 name, d.errors, d.errors == 1 ? "" : "s", d.errors == 1 ? "it" : "them", name);
        diags_deinit(&errors);
        diags_deinit(&d);
        host_close(hs);
        return NULL;
    }
    diags_deinit(&d);
    return hs;
}

HostScenario *host_open(const char *arg, Msgs *m)
{
    char path[HOST_PATH_BYTES], why[256];
    scnfile_resolve(arg, path, sizeof path);
    size_t len = 0;
    char *buf = plat_read_file(path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    if (!buf) {
        msgs_add(m, "%s: error [KA100]: cannot read the scenario: %s", path, why);
        return NULL;
    }
    HostScenario *hs = host_open_bytes(buf, len, path, m);
    free(buf);
    return hs;
}

Scenario *host_open_scenario(HostScenario *hs)
{
    return hs->scn;
}

void host_close(HostScenario *hs)
{
    if (!hs) {
        return;
    }
    scenario_destroy(hs->scn);
    free(hs->bytes);
    free(hs);
}

const char *host_open_path(const HostScenario *hs)
{
    return hs->path;
}

uint64_t host_open_hash(const HostScenario *hs)
{
    return hs->hash;
}

HostScenario *host_open_for_result(const ResultRecord *r, const char *given, Msgs *m)
{
    char path[HOST_PATH_BYTES];
    const char *files[1] = {given ? scnfile_resolve(given, path, sizeof path) : NULL};
    ScnLibrary *lib = library_create(files, given ? 1 : 0, m);
    if (!lib) {
        return NULL;
    }
    ScnFound f;
    HostScenario *hs = NULL;
    if (library_find(lib, r->session.scenario_id, r->session.scenario_hash, &f)) {
        hs = host_open_bytes(f.bytes, f.len, f.path, m);
    } else {
        char why[2048];
        library_explain_unknown(lib, r->session.scenario_id, r->session.scenario_hash, why, sizeof why);
        msgs_add(m, "keyaccounts replay: %s", why);
    }
    library_destroy(lib);
    return hs;
}

Scenario *host_open_release(HostScenario *hs)
{
    Scenario *s = hs->scn;
    hs->scn = NULL;
    host_close(hs);
    return s;
}

/* ---- starting ----------------------------------------------------------------- */

HostStatus host_begin(HostScenario *hs, const HostStart *opt, HostSession **out, char *err, size_t errlen)
{
    *out = NULL;
    const char *known = opt->known ? opt->known : "";
    if (strlen(known) >= HOST_KNOWN_BYTES) {
        snprintf(err, errlen, "--known: the list is too long");
        host_close(hs);
        return HOST_BAD_START;
    }
    if (jumpstart_known(hs->scn, known, err, errlen) != 0
        || (opt->week > 0 && !jumpstart_week_ok(hs->scn, opt->week, err, errlen))) {
        host_close(hs);
        return HOST_BAD_START;
    }
    HostSession *h = calloc(1, sizeof *h);
    Sim *sim = h ? sim_create(hs->scn, opt->seed) : NULL;
    if (!sim) {
        free(h);
        host_close(hs);
        snprintf(err, errlen, "out of memory");
        return HOST_FAILED;
    }
    char why[512];
    if (opt->week > 1 && jumpstart_to_week(sim, opt->week, why, sizeof why) != 0) {
        snprintf(err, errlen, "--week: %s", why);
        sim_destroy(sim);
        free(h);
        host_close(hs);
        return HOST_FAILED;
    }
    h->open = hs;
    h->sim = sim;
    h->seed = opt->seed;
    snprintf(h->known, sizeof h->known, "%s", known);
    h->jumped = known[0] || opt->week > 0;
    results_now(h->started_at, sizeof h->started_at);
    if (new_session_id(h->session_id, err, errlen) != 0) {
        host_destroy(h);
        return HOST_FAILED;
    }
    *out = h;
    return HOST_OK;
}

HostSession *host_resume(const SessionRecord *rec, bool *mismatch, Msgs *m)
{
    *mismatch = false;
    HostScenario *hs = host_open(rec->scenario_path ? rec->scenario_path : "", m);
    if (!hs) {
        return NULL;
    }
    long failed = -1;
    Sim *sim = session_replay(hs->scn, rec, &failed);
    if (!sim) {
        *mismatch = failed >= 0;
        msgs_add(m, failed >= 0 ? "%s: the saved session does not match this scenario any more"
                                : "%s: out of memory", hs->path);
        host_close(hs);
        return NULL;
    }
    HostSession *h = calloc(1, sizeof *h);
    if (!h) {
        sim_destroy(sim);
        host_close(hs);
        msgs_add(m, "out of memory");
        return NULL;
    }
    h->open = hs;
    h->sim = sim;
    h->seed = rec->seed;
    results_now(h->started_at, sizeof h->started_at);
    char why[256];
    if (session_id_valid(rec->session_id)) {
        memcpy(h->session_id, rec->session_id, sizeof h->session_id);
    } else if (new_session_id(h->session_id, why, sizeof why) != 0) { /* an autosave from before session ids */
        msgs_add(m, "%s", why);
        host_destroy(h);
        return NULL;
    }
    return h;
}

void host_destroy(HostSession *h)
{
    if (!h) {
        return;
    }
    sim_destroy(h->sim);
    host_close(h->open);
    free(h);
}

/* ---- reading -------------------------------------------------------------------- */

Sim *host_sim(HostSession *h)
{
    return h->sim;
}

const Sim *host_sim_const(const HostSession *h)
{
    return h->sim;
}

const Scenario *host_scenario(const HostSession *h)
{
    return h->open->scn;
}

const char *host_path(const HostSession *h)
{
    return h->open->path;
}

uint64_t host_hash(const HostSession *h)
{
    return h->open->hash;
}

uint64_t host_seed(const HostSession *h)
{
    return h->seed;
}

const char *host_started_at(const HostSession *h)
{
    return h->started_at;
}

const char *host_session_id(const HostSession *h)
{
    return h->session_id;
}

bool host_is_attempt(const HostSession *h)
{
    return !h->jumped && h->reloads == 0;
}

int host_reloads(const HostSession *h)
{
    return h->reloads;
}

Refusal host_apply(HostSession *h, Command c)
{
    return sim_apply(h->sim, c);
}

size_t host_seek(HostSession *h, const Command *cmds, size_t step)
{
    sim_reset(h->sim, h->seed);
    for (size_t i = 0; i < step; i++) {
        if (sim_apply(h->sim, cmds[i]) != REFUSE_NONE) {
            return i;
        }
    }
    return step;
}

/* ---- reloading ------------------------------------------------------------------ */

int host_reload(HostSession *h, HostReload *rep, Diagnostics *d, Msgs *m)
{
    memset(rep, 0, sizeof *rep);
    rep->stopped = -1;
    char why[512];
    size_t len = 0;
    const char *path = h->open->path;
    char *buf = plat_read_file(path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    if (!buf) {
        msgs_add(m, "%s: %s", path, why);
        return -1;
    }
    HostScenario *ns = calloc(1, sizeof *ns);
    if (!ns) {
        free(buf);
        msgs_add(m, "out of memory");
        return -1;
    }
    ns->bytes = buf;
    ns->len = len;
    ns->hash = scn_hash(buf, len);
    snprintf(ns->path, sizeof ns->path, "%s", path);
    ns->scn = scn_parse(buf, len, path, d);
    if (!ns->scn) {
        diags_sort(d);
        msgs_add(m, "%s: the scenario has errors", path);
        host_close(ns);
        return -1;
    }
    Sim *nsim = NULL;
    if (jumpstart_known(ns->scn, h->known, why, sizeof why) != 0 || !(nsim = sim_create(ns->scn, h->seed))) {
        msgs_add(m, "%s", nsim ? why : "out of memory");
        host_close(ns);
        return -1;
    }
    /* the session's log, by ids, on the new version */
    size_t n;
    const Command *log = sim_log(h->sim, &n);
    const Scenario *os = h->open->scn;
    rep->commands = n;
    for (size_t i = 0; i < n; i++) {
        Command c = log[i];
        const Account *oa = &os->accounts[c.account];
        SessionCommand sc = {c.kind, (char *)oa->id, c.contact >= 0 ? (char *)oa->contacts[c.contact].id : NULL,
                             c.idea >= 0 ? (char *)oa->ideas[c.idea].id : NULL};
        Command nc;
        Refusal r = REFUSE_NONE;
        if (session_command_resolve(ns->scn, &sc, &nc) != 0) {
            rep->missing_id = true;
        } else if ((r = sim_apply(nsim, nc)) != REFUSE_NONE) {
            rep->refusal = r;
        } else {
            continue;
        }
        rep->stopped = (long)i;
        text_command_line(os, c, false, rep->stopped_what, sizeof rep->stopped_what);
        break;
    }
    sim_destroy(h->sim);
    host_close(h->open);
    h->open = ns;
    h->sim = nsim;
    h->reloads++; /* played on two versions: a test, not an attempt */
    return 0;
}

/* ---- saving ----------------------------------------------------------------------- */

char *host_session_json(const HostSession *h, size_t *len)
{
    char resolved[HOST_PATH_BYTES]; /* resumable from any folder */
    const char *abs = plat_realpath(h->open->path, resolved, sizeof resolved);
    return session_to_json(h->sim, abs ? abs : h->open->path, h->open->hash, NULL, h->session_id, len);
}

int host_save_result(HostSession *h, Lang lang, const char *trainee, const LrsConfig *lrs, char *path, size_t n,
                     char *err, size_t errlen, Msgs *m)
{
    if (!sim_over(h->sim)) {
        snprintf(err, errlen, "the session has not reached its end");
        return -1;
    }
    char finished_at[32], resolved[HOST_PATH_BYTES];
    results_now(finished_at, sizeof finished_at);
    const char *abs = plat_realpath(h->open->path, resolved, sizeof resolved);
    CoachNote notes[MAX_NOTES];
    size_t count = sim_coach(h->sim, notes, MAX_NOTES);
    char (*texts)[NOTE_BYTES] = calloc(MAX_NOTES, sizeof *texts);
    const char *ptrs[MAX_NOTES];
    if (!texts) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t k = 0; k < count; k++) {
        ptrs[k] = text_coach(lang, h->sim, &notes[k], texts[k], sizeof texts[k]);
    }
    ResultMeta meta = {trainee ? trainee : "", KA_VERSION, h->started_at, finished_at,
                       abs ? abs : h->open->path, h->open->hash, text_lang_key(lang), ptrs, count,
                       h->session_id};
    int rc = results_save(h->sim, &meta, path, n, err, errlen);
    free(texts);
    if (rc != 0) {
        return -1;
    }
    /* the statements beside the result; sent when an LRS is set (docs/xapi.md) */
    (void)xapi_after_result(path, NULL, h->open->scn, lrs, m);
    return 0;
}
