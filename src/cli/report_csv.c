/* report.csv: one row per result, for spreadsheets. UTF-8 with a byte order
 * mark (so Excel reads Russian names right), CRLF line ends, every text field
 * quoted; text that a spreadsheet would run as a formula (= + - @) gets a
 * leading apostrophe. */
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

void report_csv(const Report *r, FILE *o)
{
    fputs("\xEF\xBB\xBF", o);
    fputs("rank,trainee,scenario_id,scenario_title,scenario_hash,seed,started_at,finished_at,program_version,"
          "score,passed,pass_mark",
          o);
    for (int i = 0; i < SUB_COUNT; i++) {
        fprintf(o, ",%s", subscore_key((SubScore)i));
    }
    fputs(",revenue_run_rate,revenue_booked,weeks,commands,research,meetings,pitches,pitches_won,"
          "referrals_asked,referrals_won,cold_calls,cold_calls_won,proposals,ideas_adopted,services,"
          "contacts_known,contacts_reached,contacts_engaged,contacts_introduced,referral_depth,file\r\n",
          o);
    for (size_t g = 0; g < r->group_count; g++) {
        const ReportGroup *gr = &r->groups[g];
        for (size_t k = 0; k < gr->count; k++) {
            const ResultRecord *x = &r->set->items[gr->rank[k]];
            const ResultBehaviour *b = &x->behaviour;
            char hash[24];
            snprintf(hash, sizeof hash, "%016" PRIx64, x->session.scenario_hash);
            fprintf(o, "%zu,", k + 1);
            text(o, x->session.trainee);
            fputc(',', o);
            text(o, x->session.scenario_id);
            fputc(',', o);
            text(o, x->scenario_title);
            fputc(',', o);
            text(o, hash);
            fprintf(o, ",%" PRIu64 ",", x->session.seed);
            text(o, x->started_at);
            fputc(',', o);
            text(o, x->finished_at);
            fputc(',', o);
            text(o, x->program_version);
            fprintf(o, ",%d,%s,%d", x->final.total, x->passed ? "yes" : "no", x->pass_mark);
            for (int i = 0; i < SUB_COUNT; i++) {
                fprintf(o, ",%d", x->final.sub[i]);
            }
            fprintf(o, ",%" PRId64 ",%" PRId64 ",%zu,%zu,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,",
                    x->revenue_run_rate, x->revenue_booked, x->week_count - 1, x->session.command_count,
                    b->research, b->meetings, b->pitches, b->pitches_won, b->referrals_asked, b->referrals_won,
                    b->cold_calls, b->cold_calls_won, b->proposals, b->ideas_adopted, b->services,
                    b->contacts_known, b->contacts_reached, b->contacts_engaged, b->contacts_introduced,
                    b->referral_depth);
            const char *path = r->set->paths[gr->rank[k]];
            const char *base = strrchr(path, '/');
            text(o, base ? base + 1 : path);
            fputs("\r\n", o);
        }
    }
}
