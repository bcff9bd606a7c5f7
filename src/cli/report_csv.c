/* report.csv: one row per result, for spreadsheets. UTF-8 with a byte order
 * mark (so Excel reads Russian names right), CRLF line ends, fields separated
 * by ',' or, for Excel with Russian regional settings, ';', every text field
 * quoted; text that a spreadsheet would run as a formula (= + - @) gets a
 * leading apostrophe. The numbers are the replay's; the last two columns say
 * whether the result is verified and, if not, why (verify.h). Verified results
 * come first, ranked; the others follow without a rank. */
#include <inttypes.h>
#include <string.h>

#include "report.h"

static void text(FILE *o, const char *s)
{
    fputc('"', o);
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
        fputc('\'', o);
    }
    for (; *s; s++) {
        if (*s == '"') {
            fputc('"', o);
        }
        fputc(*s, o);
    }
    fputc('"', o);
}

/* One result: rank 0 for a result that is not ranked (not verified). Only a
 * replay's numbers are written; a result that did not replay has none. */
static void row(FILE *o, const Report *r, size_t idx, size_t rank, char sep)
{
    const ResultRecord *x = &r->set->items[idx];
    const ResultCheck *check = &r->set->checks[idx];
    const ResultBehaviour *b = &x->behaviour;
    char hash[24];
    snprintf(hash, sizeof hash, "%016" PRIx64, x->session.scenario_hash);
    if (rank > 0) {
        fprintf(o, "%zu", rank);
    }
    fputc(sep, o);
    text(o, x->session.trainee);
    fputc(sep, o);
    text(o, x->session.scenario_id);
    fputc(sep, o);
    text(o, x->scenario_title);
    fputc(sep, o);
    text(o, hash);
    fprintf(o, "%c%" PRIu64 "%c", sep, x->session.seed, sep);
    text(o, x->started_at);
    fputc(sep, o);
    text(o, x->finished_at);
    fputc(sep, o);
    text(o, x->program_version);
    if (check->replayed) {
        fprintf(o, "%c%d%c%s%c%d", sep, x->final.total, sep, x->passed ? "yes" : "no", sep, x->pass_mark);
        for (int i = 0; i < SUB_COUNT; i++) {
            fprintf(o, "%c%d", sep, x->final.sub[i]);
        }
        fprintf(o, "%c%" PRId64 "%c%" PRId64 "%c%zu%c%zu", sep, x->revenue_run_rate, sep, x->revenue_booked, sep,
                x->week_count - 1, sep, x->session.command_count);
        const int counts[] = {b->research, b->meetings, b->pitches, b->pitches_won, b->referrals_asked,
                              b->referrals_won, b->cold_calls, b->cold_calls_won, b->proposals,
                              b->ideas_adopted, b->services, b->contacts_known, b->contacts_reached,
                              b->contacts_engaged, b->contacts_introduced, b->referral_depth};
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            fprintf(o, "%c%d", sep, counts[c]);
        }
    } else {
        for (int i = 0; i < 3 + SUB_COUNT + 2; i++) { /* score, passed, pass_mark, sub-scores, revenue */
            fputc(sep, o);
        }
        fprintf(o, "%c%c%zu", sep, sep, x->session.command_count); /* weeks, commands */
        for (size_t c = 0; c < sizeof(ResultBehaviour) / sizeof(int); c++) { /* the behaviour counts */
            fputc(sep, o);
        }
    }
    fputc(sep, o);
    const char *path = r->set->paths[idx];
    const char *base = strrchr(path, '/');
    text(o, base ? base + 1 : path);
    fputc(sep, o);
    text(o, result_mark_name(check->mark));
    fputc(sep, o);
    text(o, check->why);
    fputs("\r\n", o);
}

void report_csv(const Report *r, FILE *o)
{
    const char sep = r->csv_sep ? r->csv_sep : ',';
    fputs("\xEF\xBB\xBF", o);
    static const char *const head[] = {"rank", "trainee", "scenario_id", "scenario_title", "scenario_hash", "seed",
                                       "started_at", "finished_at", "program_version", "score", "passed",
                                       "pass_mark"};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
        if (i > 0) {
            fputc(sep, o);
        }
        fputs(head[i], o);
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        fprintf(o, "%c%s", sep, subscore_key((SubScore)i));
    }
    static const char *const tail[] = {"revenue_run_rate", "revenue_booked", "weeks", "commands", "research",
                                       "meetings", "pitches", "pitches_won", "referrals_asked", "referrals_won",
                                       "cold_calls", "cold_calls_won", "proposals", "ideas_adopted", "services",
                                       "contacts_known", "contacts_reached", "contacts_engaged",
                                       "contacts_introduced", "referral_depth", "file", "check",
                                       "check_detail"};
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
        fprintf(o, "%c%s", sep, tail[i]);
    }
    fputs("\r\n", o);
    for (size_t g = 0; g < r->group_count; g++) {
        const ReportGroup *gr = &r->groups[g];
        for (size_t k = 0; k < gr->count; k++) {
            row(o, r, gr->rank[k], k + 1, sep);
        }
        for (size_t k = 0; k < gr->other_count; k++) {
            row(o, r, gr->others[k], 0, sep);
        }
    }
}
