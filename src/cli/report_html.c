/* report.html: one self-contained page for the projector. Inline CSS and
 * inline SVG charts, no script, no external fonts or links. Large type, the
 * Okabe-Ito colour-blind-safe palette, and every colour also carries a label
 * or a symbol. All text from result files is escaped: names and scenario text
 * are untrusted. The page is also well-formed XML. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/text.h"
#include "report.h"

/* Okabe-Ito, and darker shades of two of them for text on white. */
#define C_ORANGE "#E69F00"
#define C_SKY "#56B4E9"
#define C_GREEN "#009E73"
#define C_BLUE "#0072B2"
#define C_VERMILLION "#D55E00"
#define C_PASS_TEXT "#00684C"
#define C_FAIL_TEXT "#A04000"

/* Text for HTML and XML: markup characters as entities; the characters XML
 * forbids (C0 controls but tab, line feed and carriage return; U+FFFE and
 * U+FFFF) as U+FFFD, so the page stays well-formed and the gap is visible. */
static void esc(FILE *o, const char *s)
{
    static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */
    for (; s && *s; s++) {
        const unsigned char *u = (const unsigned char *)s;
        switch (*s) {
        case '&': fputs("&amp;", o); break;
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '"': fputs("&quot;", o); break;
        case '\'': fputs("&#39;", o); break;
        default:
            if (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF)) {
                fputs(REPLACEMENT, o); /* U+FFFE, U+FFFF */
                s += 2;
            } else if (u[0] >= 0x20 || *s == '\n' || *s == '\t' || *s == '\r') {
                fputc(*s, o);
            } else {
                fputs(REPLACEMENT, o);
            }
        }
    }
}

/* A name or free text in a direction of its own (<bdi>): a right-to-left
 * name, or a U+202E in it, cannot reorder the score printed beside it. */
static void esc_bdi(FILE *o, const char *s)
{
    fputs("<bdi>", o);
    esc(o, s);
    fputs("</bdi>", o);
}

static const char *name_of(const ResultRecord *r)
{
    return r->session.trainee[0] ? r->session.trainee : "(no name)";
}

static const char STYLE[] =
    "body{margin:0;background:#fff;color:#111;font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif;"
    "font-size:20px;line-height:1.45}\n"
    "main{max-width:1200px;margin:0 auto;padding:24px 32px 64px}\n"
    "h1{font-size:40px;margin:8px 0 4px}h2{font-size:34px;margin:56px 0 12px;padding-bottom:6px;"
    "border-bottom:5px solid " C_BLUE "}h3{font-size:26px;margin:36px 0 10px}\n"
    ".sub{color:#444;margin:0 0 8px}.note{background:#FFF4D6;border-left:6px solid " C_ORANGE
    ";padding:8px 14px}\n"
    ".tiles{display:flex;flex-wrap:wrap;gap:16px;margin:16px 0}.tile{border:2px solid #bbb;border-radius:10px;"
    "padding:10px 20px;min-width:150px}.tile b{display:block;font-size:44px;line-height:1.1}\n"
    "table{border-collapse:collapse;width:100%;font-size:19px}th,td{padding:6px 8px;border-bottom:1px solid #ccc;"
    "text-align:right;vertical-align:middle}th{background:#f0f0f0;font-size:16px}td.l,th.l{text-align:left}\n"
    "tr.top td{font-weight:bold}td.name{font-size:22px}td.nw{white-space:nowrap}\n"
    ".card details{font-size:17px;margin-top:4px}.card summary{cursor:pointer;color:#333}\n"
    ".pass{color:" C_PASS_TEXT ";font-weight:bold}.fail{color:" C_FAIL_TEXT ";font-weight:bold}\n"
    "svg{display:block;max-width:100%;height:auto}svg text{font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif}\n"
    ".legend{font-size:17px;color:#333}.cards{display:grid;grid-template-columns:1fr 1fr;gap:18px}\n"
    ".card{border:2px solid #bbb;border-radius:10px;padding:12px 18px}.card h4{margin:0 0 4px;font-size:23px}\n"
    ".card ul{margin:6px 0 0;padding-left:22px;font-size:18px}.card p{margin:4px 0;font-size:17px;color:#333}\n"
    "footer{margin-top:48px;color:#555;font-size:16px}\n"
    /* a 200-character name without a space breaks instead of widening its column */
    "td.name,.card,h1,h2,h3,td.l{overflow-wrap:anywhere}.cards>.card{min-width:0}\n"
    "@media print{h2{page-break-before:always}.card{page-break-inside:avoid}}\n";

static const char *const SUB_SHORT[SUB_COUNT] = {"Revenue", "Penetr.", "Roles", "Depth",
                                                 "Referrals", "Ideas", "Resilience"};

static int median_of(int *v, size_t n)
{
    /* insertion sort: a class is small */
    for (size_t i = 1; i < n; i++) {
        int x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--) {
            v[j] = v[j - 1];
        }
        v[j] = x;
    }
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void score_bar(FILE *o, int score, int pass_mark)
{
    fprintf(o, "<svg width=\"150\" height=\"22\" viewBox=\"0 0 150 22\" role=\"img\" aria-label=\"%d of 100\">"
               "<rect x=\"0\" y=\"3\" width=\"150\" height=\"16\" fill=\"#e6e6e6\"/>"
               "<rect x=\"0\" y=\"3\" width=\"%d\" height=\"16\" fill=\"" C_BLUE "\"/>"
               "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"22\" stroke=\"#111\" stroke-width=\"2\"/></svg>",
            score, score * 150 / 100, pass_mark * 150 / 100, pass_mark * 150 / 100);
}

static void tiles(FILE *o, const Report *r, const ReportGroup *g)
{
    int *scores = calloc(g->count, sizeof *scores);
    int passes = 0, best = 0;
    for (size_t k = 0; k < g->count; k++) {
        const ResultRecord *x = &r->set->items[g->rank[k]];
        if (scores) {
            scores[k] = x->final.total;
        }
        passes += x->passed;
        best = x->final.total > best ? x->final.total : best;
    }
    int med = scores ? median_of(scores, g->count) : 0;
    free(scores);
    fprintf(o, "<div class=\"tiles\">"
               "<div class=\"tile\"><b>%zu</b>results</div>"
               "<div class=\"tile\"><b>%d</b>median score</div>"
               "<div class=\"tile\"><b>%d</b>best score</div>"
               "<div class=\"tile\"><b>%d of %zu</b>passed (pass mark %d)</div></div>\n",
            g->count, med, best, passes, g->count, g->pass_mark);
}

static void leaderboard(FILE *o, const Report *r, const ReportGroup *g)
{
    fputs("<h3>Leaderboard</h3>\n<table><thead><tr><th>#</th><th class=\"l\">Trainee</th><th class=\"l\">Score</th>"
          "<th></th><th class=\"l\">Result</th><th class=\"l\">Check</th>",
          o);
    for (int i = 0; i < SUB_COUNT; i++) {
        fprintf(o, "<th title=\"%s\">%s</th>", subscore_key((SubScore)i), SUB_SHORT[i]);
    }
    fputs("</tr></thead><tbody>\n", o);
    for (size_t k = 0; k < g->count; k++) {
        const ResultRecord *x = &r->set->items[g->rank[k]];
        fprintf(o, "<tr%s><td>%zu</td><td class=\"l name\">", k < 3 ? " class=\"top\"" : "", k + 1);
        esc_bdi(o, name_of(x));
        fprintf(o, "</td><td class=\"l\">");
        score_bar(o, x->final.total, x->pass_mark);
        fprintf(o, "</td><td><b>%d</b></td><td class=\"l nw %s\">%s</td>", x->final.total, x->passed ? "pass" : "fail",
                x->passed ? "&#10003; passed" : "&#10007; not yet");
        fprintf(o, "<td class=\"l nw\">%s</td>", result_mark_name(r->set->checks[g->rank[k]].mark));
        for (int i = 0; i < SUB_COUNT; i++) {
            fprintf(o, "<td>%d</td>", x->final.sub[i]);
        }
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table>\n<p class=\"legend\">Bars: score of 100; the black tick is the pass mark. "
          "Sub-scores are each 0&#8211;100 (docs/how-to-play.md). Every number is the replay's: each result was "
          "played again on the scenario it names (docs/workshops.md).</p>\n",
          o);
}

/* The results that are not ranked, each with its mark and why. */
static void unverified(FILE *o, const Report *r, const ReportGroup *g)
{
    if (g->other_count == 0) {
        return;
    }
    fprintf(o, "<h3>Not verified</h3>\n<p class=\"note\">%zu result%s did not pass the check of "
               "<code>keyaccounts replay</code> and %s not ranked or counted above.</p>\n"
               "<table><thead><tr><th class=\"l\">Trainee</th><th class=\"l\">Check</th><th>Replayed score</th>"
               "<th class=\"l\">Why</th></tr></thead><tbody>\n",
            g->other_count, g->other_count == 1 ? "" : "s", g->other_count == 1 ? "is" : "are");
    for (size_t k = 0; k < g->other_count; k++) {
        const ResultRecord *x = &r->set->items[g->others[k]];
        const ResultCheck *c = &r->set->checks[g->others[k]];
        fputs("<tr><td class=\"l name\">", o);
        esc_bdi(o, name_of(x));
        fprintf(o, "</td><td class=\"l nw fail\">&#10007; %s</td><td>", result_mark_name(c->mark));
        if (c->replayed) {
            fprintf(o, "%d", x->final.total);
        } else {
            fputs("&#8212;", o);
        }
        fputs("</td><td class=\"l\">", o);
        esc_bdi(o, c->why);
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
}

static void histogram(FILE *o, const Report *r, const ReportGroup *g)
{
    int bins[10] = {0};
    int most = 1;
    for (size_t k = 0; k < g->count; k++) {
        int s = r->set->items[g->rank[k]].final.total;
        int b = s >= 100 ? 9 : s / 10;
        bins[b]++;
        most = bins[b] > most ? bins[b] : most;
    }
    const int W = 1100, H = 330, left = 60, bottom = 270, top = 40, bw = 100;
    fputs("<h3>Score distribution</h3>\n", o);
    fprintf(o, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
               "aria-label=\"How many trainees scored in each band of ten points\">\n",
            W, H, W, H);
    fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#111\" stroke-width=\"2\"/>\n", left, bottom,
            left + 10 * bw, bottom);
    for (int b = 0; b < 10; b++) {
        int h = bins[b] * (bottom - top) / most;
        int x = left + b * bw;
        bool passing = b * 10 >= g->pass_mark;
        if (bins[b] > 0) {
            fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", x + 8, bottom - h, bw - 16,
                    h, passing ? C_GREEN : C_ORANGE);
            fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"24\" font-weight=\"bold\" text-anchor=\"middle\">%d</text>\n",
                    x + bw / 2, bottom - h - 8, bins[b]);
        }
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"19\" text-anchor=\"middle\">%d&#8211;%d</text>\n", x + bw / 2,
                bottom + 26, b * 10, b == 9 ? 100 : b * 10 + 9);
    }
    int px = left + g->pass_mark * bw / 10;
    fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#111\" stroke-width=\"3\" "
               "stroke-dasharray=\"8 6\"/>\n<text x=\"%d\" y=\"%d\" font-size=\"19\" font-weight=\"bold\">pass mark %d"
               "</text>\n",
            px, top - 20, px, bottom, px + 6, top - 6, g->pass_mark);
    fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"18\" text-anchor=\"middle\">score</text>\n", left + 5 * bw,
            bottom + 54);
    fputs("</svg>\n<p class=\"legend\">Each bar counts the trainees in a band of ten points; "
          "<span style=\"color:" C_PASS_TEXT "\">&#9632; green: at or above the pass mark</span>, "
          "<span style=\"color:" C_FAIL_TEXT "\">&#9632; orange: below it</span>.</p>\n",
          o);
}

static void subscores(FILE *o, const Report *r, const ReportGroup *g)
{
    const int W = 1100, row = 58, left = 240, span = 700, top = 40;
    int H = top + SUB_COUNT * row + 10;
    fputs("<h3>Each sub-score across the class</h3>\n", o);
    fprintf(o, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
               "aria-label=\"Each trainee's sub-scores as dots, with the class average\">\n",
            W, H, W, H);
    for (int t = 0; t <= 100; t += 25) {
        int x = left + t * span / 100;
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>"
                   "<text x=\"%d\" y=\"%d\" font-size=\"17\" text-anchor=\"middle\">%d</text>\n",
                x, top - 8, x, H - 10, x, top - 16, t);
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        int y = top + i * row + row / 2;
        long sum = 0;
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"21\" text-anchor=\"end\">", left - 16, y + 7);
        esc(o, text_subscore(LANG_EN, (SubScore)i));
        fputs("</text>\n", o);
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-width=\"2\"/>\n", left, y,
                left + span, y);
        for (size_t k = 0; k < g->count; k++) {
            int v = r->set->items[g->rank[k]].final.sub[i];
            sum += v;
            fprintf(o, "<circle cx=\"%d\" cy=\"%d\" r=\"10\" fill=\"" C_SKY "\" fill-opacity=\"0.65\" stroke=\"" C_BLUE
                       "\" stroke-width=\"2\"/>\n",
                    left + v * span / 100, y);
        }
        int mean = g->count ? (int)((sum + (long)g->count / 2) / (long)g->count) : 0;
        int mx = left + mean * span / 100;
        fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"6\" height=\"40\" fill=\"#111\"/>"
                   "<text x=\"%d\" y=\"%d\" font-size=\"20\" font-weight=\"bold\">average %d</text>\n",
                mx - 3, y - 20, left + span + 18, y + 7, mean);
    }
    fputs("</svg>\n<p class=\"legend\">Blue dots: one trainee each (darker where several overlap); "
          "black bar and number: the class average.</p>\n",
          o);
}

static void weekly(FILE *o, const Report *r, const ReportGroup *g)
{
    size_t weeks = 0;
    for (size_t k = 0; k < g->count; k++) {
        size_t n = r->set->items[g->rank[k]].week_count;
        weeks = n > weeks ? n : weeks;
    }
    if (weeks < 2) {
        return;
    }
    const int W = 1100, H = 380, left = 70, right = 1060, top = 20, bottom = 320;
    int span = right - left;
    fputs("<h3>Score week by week</h3>\n", o);
    fprintf(o, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
               "aria-label=\"Each trainee's score at the end of every week and the class median\">\n",
            W, H, W, H);
    for (int t = 0; t <= 100; t += 25) {
        int y = bottom - t * (bottom - top) / 100;
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                   "<text x=\"%d\" y=\"%d\" font-size=\"17\" text-anchor=\"end\">%d</text>\n",
                left, y, right, y, left - 8, y + 6, t);
    }
    for (size_t w = 0; w < weeks; w++) {
        int x = left + (int)w * span / (int)(weeks - 1);
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"17\" text-anchor=\"middle\">%zu</text>\n", x, bottom + 24, w);
    }
    fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"18\" text-anchor=\"middle\">week</text>\n", left + span / 2,
            bottom + 52);
    int py = bottom - g->pass_mark * (bottom - top) / 100;
    fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" C_GREEN "\" stroke-width=\"3\" "
               "stroke-dasharray=\"10 6\"/><text x=\"%d\" y=\"%d\" font-size=\"18\" fill=\"" C_PASS_TEXT
               "\" font-weight=\"bold\">pass mark %d</text>\n",
            left, py, right, py, left + 8, py - 8, g->pass_mark);
    for (size_t k = 0; k < g->count; k++) {
        const ResultRecord *x = &r->set->items[g->rank[k]];
        fputs("<polyline fill=\"none\" stroke=\"#888\" stroke-width=\"2\" stroke-opacity=\"0.7\" points=\"", o);
        for (size_t w = 0; w < x->week_count; w++) {
            fprintf(o, "%s%d,%d", w ? " " : "", left + (int)w * span / (int)(weeks - 1),
                    bottom - x->weeks[w].score.total * (bottom - top) / 100);
        }
        fputs("\"/>\n", o);
    }
    int *v = calloc(g->count, sizeof *v);
    if (v) {
        fputs("<polyline fill=\"none\" stroke=\"" C_VERMILLION "\" stroke-width=\"6\" points=\"", o);
        int last = 0;
        for (size_t w = 0; w < weeks; w++) {
            size_t n = 0;
            for (size_t k = 0; k < g->count; k++) {
                const ResultRecord *x = &r->set->items[g->rank[k]];
                if (w < x->week_count) {
                    v[n++] = x->weeks[w].score.total;
                }
            }
            last = median_of(v, n);
            fprintf(o, "%s%d,%d", w ? " " : "", left + (int)w * span / (int)(weeks - 1),
                    bottom - last * (bottom - top) / 100);
        }
        fputs("\"/>\n", o);
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"19\" font-weight=\"bold\" fill=\"" C_FAIL_TEXT
                   "\" text-anchor=\"end\">median %d</text>\n",
                right, bottom - last * (bottom - top) / 100 - 12, last);
        free(v);
    }
    fputs("</svg>\n<p class=\"legend\">Grey lines: one trainee each; thick orange line: the class median; "
          "dashed green: the pass mark.</p>\n",
          o);
}

typedef struct Metric {
    const char *label;
    size_t offset;
} Metric;

#define METRIC(label, field) {label, offsetof(ResultBehaviour, field)}

static void behaviour(FILE *o, const Report *r, const ReportGroup *g)
{
    static const Metric METRICS[] = {
        METRIC("Referrals asked", referrals_asked),
        METRIC("Referrals won", referrals_won),
        METRIC("New contacts reached", contacts_reached),
        METRIC("Contacts engaged at the end", contacts_engaged),
        METRIC("Deepest introduction chain", referral_depth),
        METRIC("Ideas pitched", pitches),
        METRIC("Pitches won", pitches_won),
        METRIC("Ideas adopted", ideas_adopted),
        METRIC("Research", research),
        METRIC("Meetings", meetings),
        METRIC("Cold calls", cold_calls),
        METRIC("Service visits", services),
    };
    fputs("<h3>What the class did</h3>\n<table><thead><tr><th class=\"l\">Behaviour</th><th>average</th>"
          "<th>fewest</th><th>most</th><th class=\"l\">trainees who did it</th></tr></thead><tbody>\n",
          o);
    for (size_t m = 0; m < sizeof METRICS / sizeof METRICS[0]; m++) {
        long sum = 0;
        int lo = 0, hi = 0, did = 0;
        for (size_t k = 0; k < g->count; k++) {
            const ResultBehaviour *b = &r->set->items[g->rank[k]].behaviour;
            int v;
            memcpy(&v, (const char *)b + METRICS[m].offset, sizeof v);
            sum += v;
            lo = k == 0 || v < lo ? v : lo;
            hi = k == 0 || v > hi ? v : hi;
            did += v > 0;
        }
        long avg10 = g->count ? (sum * 10 + (long)g->count / 2) / (long)g->count : 0;
        fprintf(o, "<tr><td class=\"l\">%s</td><td><b>%ld.%ld</b></td><td>%d</td><td>%d</td><td class=\"l nw\">",
                METRICS[m].label, avg10 / 10, avg10 % 10, lo, hi);
        fprintf(o, "<svg width=\"120\" height=\"18\" viewBox=\"0 0 120 18\" aria-hidden=\"true\">"
                   "<rect x=\"0\" y=\"2\" width=\"120\" height=\"14\" fill=\"#e6e6e6\"/>"
                   "<rect x=\"0\" y=\"2\" width=\"%zu\" height=\"14\" fill=\"" C_BLUE "\"/></svg> %d of %zu</td></tr>\n",
                g->count ? (size_t)did * 120 / g->count : 0, did, g->count);
    }
    fputs("</tbody></table>\n", o);
}

enum { CARD_NOTES = 3 }; /* coaching notes shown open on a card */

static void debriefs(FILE *o, const Report *r, const ReportGroup *g)
{
    fputs("<h3>Every trainee's debrief</h3>\n<div class=\"cards\">\n", o);
    for (size_t k = 0; k < g->count; k++) {
        const ResultRecord *x = &r->set->items[g->rank[k]];
        const ResultBehaviour *b = &x->behaviour;
        fprintf(o, "<div class=\"card\"><h4>%zu. ", k + 1);
        esc_bdi(o, name_of(x));
        fprintf(o, " &#8212; %d <span class=\"%s\">%s</span></h4>\n<p>", x->final.total, x->passed ? "pass" : "fail",
                x->passed ? "&#10003; passed" : "&#10007; not yet");
        for (int i = 0; i < SUB_COUNT; i++) {
            fprintf(o, "%s%s %d", i ? " &#183; " : "", SUB_SHORT[i], x->final.sub[i]);
        }
        fprintf(o, "</p>\n<p>Referrals %d asked, %d won &#183; %d new contact%s &#183; %d idea%s adopted &#183; "
                   "finished %.10s %.5s UTC, seed %" PRIu64 "</p>\n",
                b->referrals_asked, b->referrals_won, b->contacts_reached, b->contacts_reached == 1 ? "" : "s",
                b->ideas_adopted, b->ideas_adopted == 1 ? "" : "s", x->finished_at,
                x->finished_at + 11, x->session.seed);
        /* the most important notes first; the rest folded, so the page reads at a glance */
        for (size_t c = 0; c < x->coaching_count; c++) {
            if (c == 0 || c == CARD_NOTES) {
                if (c == CARD_NOTES) {
                    fprintf(o, "</ul>\n<details><summary>%zu more coaching note%s</summary>", x->coaching_count - c,
                            x->coaching_count - c == 1 ? "" : "s");
                }
                fputs("<ul lang=\"", o);
                esc(o, x->lang);
                fputs("\">", o);
            }
            fputs("<li>", o);
            esc(o, x->coaching[c]);
            fputs("</li>", o);
        }
        if (x->coaching_count > 0) {
            fputs(x->coaching_count > CARD_NOTES ? "</ul></details>\n" : "</ul>\n", o);
        }
        fputs("</div>\n", o);
    }
    fputs("</div>\n", o);
}

void report_html(const Report *r, FILE *o)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
          o);
    if (r->group_count == 1) {
        esc(o, r->groups[0].title);
        fputs(" &#8212; ", o);
    }
    fprintf(o, "Key Accounts workshop report</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", STYLE);
    fputs("<h1>Key Accounts &#183; workshop report</h1>\n<p class=\"sub\">", o);
    fprintf(o, "%zu result%s &#183; %zu scenario%s &#183; made %.10s %.5s UTC</p>\n", r->set->count,
            r->set->count == 1 ? "" : "s", r->group_count, r->group_count == 1 ? "" : "s", r->generated_at,
            r->generated_at + 11);
    if (r->set->failed) {
        fprintf(o, "<p class=\"note\">%zu file%s could not be read and %s left out; "
                   "<code>keyaccounts report</code> printed why.</p>\n",
                r->set->failed, r->set->failed == 1 ? "" : "s", r->set->failed == 1 ? "is" : "are");
    }
    for (size_t gi = 0; gi < r->group_count; gi++) {
        const ReportGroup *g = &r->groups[gi];
        fputs("<section>\n<h2>", o);
        esc_bdi(o, g->title);
        fputs("</h2>\n<p class=\"sub\">Scenario <code>", o);
        esc(o, g->scenario_id);
        fputs("</code></p>\n", o);
        if (g->versions > 1) {
            fprintf(o, "<p class=\"note\">These results come from %zu different versions of the scenario file; "
                       "scores may not be comparable.</p>\n",
                    g->versions);
        }
        if (g->count > 0) { /* the class's figures: verified results only */
            tiles(o, r, g);
            leaderboard(o, r, g);
            histogram(o, r, g);
            subscores(o, r, g);
            weekly(o, r, g);
            behaviour(o, r, g);
            debriefs(o, r, g);
        }
        unverified(o, r, g);
        fputs("</section>\n", o);
    }
    fprintf(o, "<footer>Made by keyaccounts %s from result files. Check any result with "
               "<code>keyaccounts replay FILE</code>; the same numbers are in report.csv.</footer>\n"
               "</main>\n</body>\n</html>\n",
            KA_VERSION);
}
