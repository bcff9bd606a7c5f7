/* The debrief: total score and pass or fail, the sub-scores as bars, the
 * week-by-week chart, the referral map, the coaching notes, how the reference
 * strategies score on this scenario, and play again. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "keyaccounts/bots.h"
#include "keyaccounts/stats.h"
#include "nextstep.h"
#include "shipped.h"
#include "ui_strings.h"

enum { W_TAB = 1, W_AGAIN = 10, W_NEW_SEED, W_PICKER, W_PLAY_NEXT, W_RESULT, W_PASS_RULE };
enum { TAB_SUMMARY, TAB_TIMELINE, TAB_STRATEGIES, TAB_NEXT, TAB_COUNT };
enum { STRAT_RUNS = 100, MAX_NOTES = 16 };

typedef struct Debrief {
    int tab;
    StrategyStats stats[BOT_COUNT];
    bool stats_ok;
    /* Next time (nextstep.h): what to try, and the scenario to play next */
    const char *tries[NEXTSTEP_MAX_TRIES];
    int ntries;
    ShippedScenario next; /* next.path[0] == 0: none */
    bool again;           /* not passed: the suggestion is this scenario again */
} Debrief;

static void next_time_init(Debrief *d, const App *app)
{
    d->ntries = nextstep_tries(app->lang, app->sim, d->tries, NEXTSTEP_MAX_TRIES);
    d->again = !sim_passed(app->sim);
    if (!nextstep_next_scenario(app->scn, sim_passed(app->sim), &d->next)) {
        d->next.path[0] = '\0';
    }
}

static void d_enter(App *app, void *st)
{
    Debrief *d = st;
    d->stats_ok = true;
    for (int b = 0; b < BOT_COUNT; b++) {
        if (stats_run(app->scn, (BotKind)b, STRAT_RUNS, 1, &d->stats[b]) != 0) {
            d->stats_ok = false;
        }
    }
    next_time_init(d, app);
    app->focus = W_AGAIN;
    /* the result file, once (may ask the trainee's name over the debrief) */
    app_session_finished(app);
}

static void restart(App *app, uint64_t seed)
{
    char path[UI_PATH_BYTES], why[512];
    ui_copy(path, sizeof path, app->scn_path);
    if (!app_start_game(app, path, seed, why, sizeof why)) {
        app_set_status(app, why);
        return;
    }
    app_pop(app);
    screen_board_push(app);
}

static void d_action(App *app, void *st, int id)
{
    Debrief *d = st;
    if (id >= W_TAB && id < W_TAB + TAB_COUNT) {
        d->tab = id - W_TAB;
        return;
    }
    switch (id) {
    case W_AGAIN:
        restart(app, app->seed);
        break;
    case W_PLAY_NEXT: {
        char path[UI_PATH_BYTES], why[512];
        ui_copy(path, sizeof path, d->next.path[0] ? d->next.path : app->scn_path);
        if (!app_start_game(app, path, 1, why, sizeof why)) {
            app_set_status(app, why);
            break;
        }
        app_pop(app);
        screen_briefing_push(app);
        break;
    }
    case W_NEW_SEED: {
        /* The next seed follows from this one (splitmix64): a different game
         * each time, yet the same sequence on every machine and in tests. */
        uint64_t z = app->seed + 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        restart(app, (z ^ (z >> 31)) % 1000000000ull);
        break;
    }
    case W_PICKER:
        app_pop(app);
        app_end_game(app);
        if (app->depth == 0) {
            screen_picker_push(app);
        }
        break;
    default:
        break;
    }
}

static void d_back(App *app, void *st)
{
    d_action(app, st, W_PICKER);
}

static void summary(App *app, Rect r)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Scenario *s = app->scn;
    Score sc = sim_score(app->sim);
    bool passed = sim_passed(app->sim);
    int lw = r.w * 48 / 100;
    Rect left = {r.x, r.y, lw, r.h};
    gfx_rrect(app, left, 10, t->panel);
    gfx_frame(app, left, 10, 1, t->border);
    int x = left.x + 20, w = left.w - 40, y = left.y + 14;
    char num[16];
    snprintf(num, sizeof num, "%d", sc.total);
    int nw = gfx_text(app, FACE_BOLD, TS_HUGE, t->text, x, y, num);
    gfx_text(app, FACE_REGULAR, TS_BODY, t->text_dim, x + nw + 6, y + 20, "/ 100");
    Rect badge = {x + nw + 70, y + 8, 190, 36};
    gfx_rrect(app, badge, 18, passed ? t->good : t->bad);
    char bl[64];
    snprintf(bl, sizeof bl, "%s %s", passed ? "\xE2\x9C\x93" : "\xE2\x9C\x97", text_str(L, passed ? S_PASSED : S_FAILED));
    gfx_text_fit(app, FACE_BOLD, TS_BODY, (SDL_Color){255, 255, 255, 255}, badge.x + 14, badge.y + 8, badge.w - 20, bl);
    char pm[48];
    text_fmt(pm, sizeof pm, L, S_PASS_MARK, s->scoring.pass_mark);
    gfx_text(app, FACE_REGULAR, TS_LABEL, t->text_dim, badge.x + badge.w + 12, y + 8, pm);
    if (!sim_business_result(app->sim)) {
        int bx = badge.x + badge.w + 12;
        ui_widget(app, W_PASS_RULE, (Rect){bx, y + 26, x + w - bx, 20}, SDL_SCANCODE_UNKNOWN, true,
                  text_str(L, T_PASS_RULE));
        gfx_text_fit(app, FACE_BOLD, TS_SMALL, t->bad, bx, y + 28, x + w - bx, text_str(L, T_NO_BUSINESS_RESULT));
    }
    y += 64;
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_SUBSCORES));
    y += 30;
    int rowh = (left.y + left.h - y - 10) / SUB_COUNT;
    if (rowh > 44) {
        rowh = 44;
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        char wt[32];
        text_fmt(wt, sizeof wt, L, S_WEIGHT, s->scoring.weights[i]);
        gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text, x, y, w - 80, text_subscore(L, (SubScore)i));
        int ww = gfx_measure(app, FACE_REGULAR, TS_SMALL, wt, NULL);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, x + w - ww, y + 1, wt);
        ui_bar(app, (Rect){x, y + 20, w, 12}, sc.sub[i], sc.sub[i] >= s->scoring.pass_mark ? t->good : t->role[1],
               true);
        ui_widget(app, 100 + i, (Rect){x, y, w, rowh - 4}, SDL_SCANCODE_UNKNOWN, true,
                  text_subscore_help(L, (SubScore)i));
        y += rowh;
    }
    /* right: per account, then the coaching */
    Rect right = {r.x + lw + 16, r.y, r.w - lw - 16, r.h};
    gfx_rrect(app, right, 10, t->panel);
    gfx_frame(app, right, 10, 1, t->border);
    x = right.x + 20;
    w = right.w - 40;
    y = right.y + 14;
    if (s->account_count > 1) {
        gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_PER_ACCOUNT));
        y += 30;
        for (int a = 0; a < s->account_count; a++) {
            Score as = sim_account_score(app->sim, a);
            gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text, x, y, w / 2, s->accounts[a].name);
            ui_bar(app, (Rect){x + w / 2, y + 3, w / 2, 12}, as.total, t->accent, true);
            y += 24;
        }
        y += 10;
    }
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_COACHING));
    y += 32;
    CoachNote notes[MAX_NOTES];
    size_t n = sim_coach(app->sim, notes, MAX_NOTES);
    int limit = right.y + right.h - 10;
    for (size_t k = 0; k < n && y < limit - 20; k++) {
        char line[1024];
        text_coach(L, app->sim, &notes[k], line, sizeof line);
        bool good = notes[k].kind == COACH_WELL_DONE || notes[k].kind == COACH_DEPARTURE_FREE;
        gfx_text(app, FACE_BOLD, TS_BODY, good ? t->good : t->warn, x, y, good ? "\xE2\x9C\x93" : "\xE2\x96\xB6");
        y += gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text, (Rect){x + 24, y, w - 24, limit - y}, line) + 10;
    }
}

static void referral_rows(App *app, int a, int c, int depth, int x, int *y, int w, int limit)
{
    const Theme *t = &app->th;
    const Account *acc = &app->scn->accounts[a];
    for (int k = 0; k < acc->contact_count && *y < limit; k++) {
        if (sim_introduced_by(app->sim, a, k) != c) {
            continue;
        }
        int ix = x + depth * 26;
        gfx_line(app, (float)ix - 16, (float)*y - 8, (float)ix - 16, (float)*y + 9, 2, t->accent);
        gfx_line(app, (float)ix - 16, (float)*y + 9, (float)ix - 4, (float)*y + 9, 2, t->accent);
        char line[300];
        snprintf(line, sizeof line, "%s, %s", acc->contacts[k].name, acc->contacts[k].title);
        gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text, ix, *y, w - depth * 26, line);
        *y += 24;
        referral_rows(app, a, k, depth + 1, x, y, w, limit);
    }
}

static void timeline(App *app, Rect r)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Scenario *s = app->scn;
    size_t n;
    const WeekSnapshot *tl = sim_timeline(app->sim, &n);
    int cw = r.w * 62 / 100;
    Rect box = {r.x, r.y, cw, r.h};
    gfx_rrect(app, box, 10, t->panel);
    gfx_frame(app, box, 10, 1, t->border);
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, box.x + 20, box.y + 14, text_str(L, S_TIMELINE));
    Rect ch = {box.x + 56, box.y + 80, box.w - 100, box.h - 130};
    /* legend: colour plus marker shape plus words */
    int lx = box.x + 20, ly = box.y + 48;
    gfx_fill(app, (Rect){lx, ly + 3, 14, 12}, gfx_mix(t->role[1], t->panel, 30));
    lx += 20 + gfx_text(app, FACE_REGULAR, TS_SMALL, t->text, lx + 20, ly, text_str(L, S_LEGEND_REVENUE)) + 16;
    gfx_line(app, (float)lx, (float)ly + 9, (float)lx + 20, (float)ly + 9, 3, t->accent);
    gfx_circle(app, (float)lx + 10, (float)ly + 9, 4, t->accent);
    lx += 26 + gfx_text(app, FACE_REGULAR, TS_SMALL, t->text, lx + 26, ly, text_str(L, S_LEGEND_SCORE)) + 16;
    gfx_line(app, (float)lx, (float)ly + 9, (float)lx + 20, (float)ly + 9, 2, t->good);
    gfx_fill(app, (Rect){lx + 6, ly + 5, 8, 8}, t->good);
    gfx_text(app, FACE_REGULAR, TS_SMALL, t->text, lx + 26, ly, text_str(L, S_LEGEND_ENGAGED));
    /* axes */
    gfx_fill(app, (Rect){ch.x, ch.y + ch.h, ch.w, 1}, t->text_dim);
    gfx_fill(app, (Rect){ch.x, ch.y, 1, ch.h}, t->text_dim);
    for (int v = 0; v <= 100; v += 25) {
        int yy = ch.y + ch.h - ch.h * v / 100;
        gfx_fill(app, (Rect){ch.x + 1, yy, ch.w - 1, 1}, t->track);
        char lab[16];
        snprintf(lab, sizeof lab, "%d", v);
        int lw2 = gfx_measure(app, FACE_REGULAR, TS_SMALL, lab, NULL);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, ch.x - lw2 - 6, yy - 8, lab);
    }
    int weeks = s->weeks;
    int64_t maxrev = 1;
    int maxeng = 1;
    for (size_t k = 0; k < n; k++) {
        if (tl[k].revenue_run_rate > maxrev) {
            maxrev = tl[k].revenue_run_rate;
        }
        if (tl[k].engaged > maxeng) {
            maxeng = tl[k].engaged;
        }
    }
    int step = weeks > 0 ? ch.w / (weeks + 1) : ch.w;
    for (int wk = 0; wk <= weeks; wk++) {
        char lab[16];
        snprintf(lab, sizeof lab, "%d", wk);
        int lw2 = gfx_measure(app, FACE_REGULAR, TS_SMALL, lab, NULL);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, ch.x + step / 2 + wk * step - lw2 / 2, ch.y + ch.h + 6, lab);
    }
    gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, ch.x + ch.w - 60, ch.y + ch.h + 24, text_str(L, S_WEEK));
    float px = 0, py = 0, ex = 0, ey = 0;
    for (size_t k = 0; k < n; k++) {
        int wk = tl[k].week;
        float cx = (float)(ch.x + step / 2 + wk * step);
        int bh = (int)(tl[k].revenue_run_rate * (ch.h * 9 / 10) / maxrev);
        gfx_fill(app, (Rect){(int)cx - step / 4, ch.y + ch.h - bh, step / 2, bh}, gfx_mix(t->role[1], t->panel, 30));
        float sy = (float)(ch.y + ch.h) - (float)ch.h * (float)tl[k].score.total / 100.0f;
        float eyy = (float)(ch.y + ch.h) - (float)ch.h * 0.9f * (float)tl[k].engaged / (float)maxeng;
        if (k > 0) {
            gfx_line(app, px, py, cx, sy, 3, t->accent);
            gfx_line(app, ex, ey, cx, eyy, 2, t->good);
        }
        px = cx;
        py = sy;
        ex = cx;
        ey = eyy;
    }
    for (size_t k = 0; k < n; k++) {
        float cx = (float)(ch.x + step / 2 + tl[k].week * step);
        float sy = (float)(ch.y + ch.h) - (float)ch.h * (float)tl[k].score.total / 100.0f;
        float eyy = (float)(ch.y + ch.h) - (float)ch.h * 0.9f * (float)tl[k].engaged / (float)maxeng;
        gfx_fill(app, (Rect){(int)cx - 4, (int)eyy - 4, 8, 8}, t->good);
        gfx_circle(app, cx, sy, 5, t->accent);
        char lab[40];
        snprintf(lab, sizeof lab, "%d", tl[k].score.total);
        gfx_text(app, FACE_BOLD, TS_SMALL, t->accent, (int)cx - 8, (int)sy - 24, lab);
    }
    /* pass mark line */
    int pmy = ch.y + ch.h - ch.h * s->scoring.pass_mark / 100;
    for (int xx = ch.x; xx < ch.x + ch.w; xx += 12) {
        gfx_fill(app, (Rect){xx, pmy, 6, 2}, t->bad);
    }
    char pm[48];
    text_fmt(pm, sizeof pm, L, S_PASS_MARK, s->scoring.pass_mark);
    gfx_text(app, FACE_REGULAR, TS_SMALL, t->bad, ch.x + ch.w - gfx_measure(app, FACE_REGULAR, TS_SMALL, pm, NULL),
             pmy + 4, pm);
    /* right: who introduced whom */
    Rect rm = {r.x + cw + 16, r.y, r.w - cw - 16, r.h};
    gfx_rrect(app, rm, 10, t->panel);
    gfx_frame(app, rm, 10, 1, t->border);
    int x = rm.x + 20, w = rm.w - 40, y = rm.y + 14;
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_REFERRAL_MAP));
    y += 36;
    bool any = false;
    int limit = rm.y + rm.h - 24;
    for (int a = 0; a < s->account_count; a++) {
        const Account *acc = &s->accounts[a];
        for (int c = 0; c < acc->contact_count && y < limit; c++) {
            bool root = sim_introduced_by(app->sim, a, c) < 0 && sim_contact_status(app->sim, a, c) != STATUS_UNKNOWN;
            bool introduced = false;
            for (int k = 0; k < acc->contact_count && !introduced; k++) {
                introduced = sim_introduced_by(app->sim, a, k) == c;
            }
            if (root && introduced) {
                char line[300];
                snprintf(line, sizeof line, "%s, %s", acc->contacts[c].name, acc->contacts[c].title);
                gfx_circle(app, (float)x + 6, (float)y + 9, 5, t->accent);
                gfx_text_fit(app, FACE_BOLD, TS_LABEL, t->text, x + 16, y, w - 16, line);
                y += 26;
                referral_rows(app, a, c, 1, x + 4, &y, w - 4, limit);
                y += 8;
                any = true;
            }
        }
    }
    if (!any) {
        gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text_dim, (Rect){x, y, w, 60}, text_str(L, S_NO_REFERRALS));
    }
}

static void strategies(App *app, Debrief *d, Rect r)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    gfx_rrect(app, r, 10, t->panel);
    gfx_frame(app, r, 10, 1, t->border);
    int x = r.x + 24, w = r.w - 48, y = r.y + 14;
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_STRATEGIES));
    y += 30;
    char sub[300];
    text_fmt(sub, sizeof sub, L, S_STRATEGIES_SUB, STRAT_RUNS);
    y += gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text_dim, (Rect){x, y, w, 40}, sub) + 16;
    if (!d->stats_ok) {
        return;
    }
    int namew = 280, barx = x + namew, barw = w - namew - 150;
    /* scale */
    for (int v = 0; v <= 100; v += 20) {
        int xx = barx + barw * v / 100;
        gfx_fill(app, (Rect){xx, y, 1, (BOT_COUNT + 1) * 52 + 8}, t->track);
        char lab[16];
        snprintf(lab, sizeof lab, "%d", v);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, xx - 8, y + (BOT_COUNT + 1) * 52 + 10, lab);
    }
    int pmx = barx + barw * app->scn->scoring.pass_mark / 100;
    gfx_fill(app, (Rect){pmx - 1, y, 3, (BOT_COUNT + 1) * 52 + 8}, t->bad);
    static const TextKey NAMES[BOT_COUNT] = {S_BOT_RANDOM, S_BOT_SINGLE, S_BOT_IDEA_FIRST, S_BOT_EXPANDER, S_BOT_GREEDY};
    static const TextKey HELP[BOT_COUNT] = {S_BOT_RANDOM_HELP, S_BOT_SINGLE_HELP, S_BOT_IDEA_FIRST_HELP,
                                         S_BOT_EXPANDER_HELP, S_BOT_GREEDY_HELP};
    for (int b = -1; b < BOT_COUNT; b++) {
        int yy = y + 8 + (b + 1) * 52;
        if (b < 0) {
            int you = sim_score(app->sim).total;
            gfx_text(app, FACE_BOLD, TS_BODY, t->text, x, yy + 4, text_str(L, S_YOU));
            gfx_circle(app, (float)(barx + barw * you / 100), (float)yy + 14, 9, t->accent);
            char num[16];
            snprintf(num, sizeof num, "%d", you);
            gfx_text(app, FACE_BOLD, TS_BODY, t->text, barx + barw + 20, yy + 4, num);
            continue;
        }
        const StrategyStats *st = &d->stats[b];
        gfx_text_fit(app, FACE_BOLD, TS_LABEL, t->text, x, yy, namew - 10, text_str(L, NAMES[b]));
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, x, yy + 20, namew - 10, text_str(L, HELP[b]));
        Rect span = {barx + barw * st->p10 / 100, yy + 6, barw * (st->p90 - st->p10) / 100 + 4, 16};
        gfx_rrect(app, span, 8, gfx_mix(t->role[1], t->panel, 40));
        gfx_fill(app, (Rect){barx + barw * st->median / 100 - 2, yy + 2, 4, 24}, t->text);
        char num[64];
        snprintf(num, sizeof num, "%d · %s %d%%", st->median, text_str(L, S_PASS_RATE),
                 st->runs ? st->passes * 100 / st->runs : 0);
        gfx_text(app, FACE_REGULAR, TS_LABEL, t->text, barx + barw + 20, yy + 4, num);
    }
}

static void next_time(App *app, Debrief *d, Rect r)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    gfx_rrect(app, r, 10, t->panel);
    gfx_frame(app, r, 10, 1, t->border);
    int x = r.x + 24, w = r.w - 48, y = r.y + 16;
    int limit = r.y + r.h - 130;
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_NEXT_TRY));
    y += 34;
    for (int k = 0; k < d->ntries && y < limit; k++) {
        char num[16];
        snprintf(num, sizeof num, "%d.", k + 1);
        gfx_text(app, FACE_BOLD, TS_BODY, t->accent, x, y, num);
        y += gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text, (Rect){x + 28, y, w - 28, limit - y}, d->tries[k])
             + 12;
    }
    if (d->ntries == 0) {
        y += gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text, (Rect){x, y, w, limit - y > 0 ? limit - y : 0},
                           text_str(L, S_NEXT_REPEAT)) + 12;
    }
    /* the scenario to play next, with a button that opens it */
    int by = r.y + r.h - 116;
    gfx_fill(app, (Rect){x, by - 8, w, 1}, t->border);
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, by + 4, text_str(L, S_NEXT_SCENARIO));
    const char *why = d->again ? text_str(L, S_NEXT_FAILED_WHY)
                               : d->next.path[0] ? text_str(L, S_NEXT_PASSED_WHY) : text_str(L, S_NEXT_HARDEST);
    gfx_text_fit(app, FACE_REGULAR, TS_LABEL, t->text_dim, x, by + 32, w, why);
    if (d->again || d->next.path[0]) {
        char label[400], hint[UI_HINT_BYTES];
        if (d->again) {
            ui_copy(label, sizeof label, text_str(L, S_NEXT_AGAIN));
        } else {
            text_fmt(label, sizeof label, L, S_NEXT_PLAY, d->next.title);
        }
        text_fmt(hint, sizeof hint, L, S_NEXT_PLAY_HINT, d->again ? app->scn->title : d->next.title);
        int bw = gfx_measure(app, FACE_BOLD, TS_BODY, label, NULL) + 80;
        if (bw > w) {
            bw = w;
        }
        ui_button(app, W_PLAY_NEXT, (Rect){x, by + 56, bw, 44}, label, "P", SDL_SCANCODE_P, true, true, hint);
    }
}

/* Where the result went, or why it could not be saved, above the buttons. */
static void result_line(App *app, int y)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    if (!app->result_done) {
        return;
    }
    char line[UI_PATH_BYTES + 700];
    SDL_Color c = t->text_dim;
    if (app_author_session(app)) {
        ui_copy(line, sizeof line, text_str(L, S_RESULT_AUTHOR));
        c = t->warn;
    } else if (app->result_path[0]) {
        char shown[UI_PATH_BYTES];
        ui_tilde(app->result_path, shown, sizeof shown);
        text_fmt(line, sizeof line, L, S_RESULT_SAVED, shown);
    } else {
        text_fmt(line, sizeof line, L, S_RESULT_FAILED, app->result_err[0] ? app->result_err : "?");
        c = t->bad;
    }
    /* hovering shows the whole line in the status bar when it is cut */
    ui_widget(app, W_RESULT, (Rect){24, y, app->W - 48, 22}, SDL_SCANCODE_UNKNOWN, true, line);
    gfx_text_fit(app, app->result_path[0] ? FACE_REGULAR : FACE_BOLD, TS_LABEL, c, 24, y + 2, app->W - 48, line);
}

static void d_draw(App *app, void *st)
{
    Debrief *d = st;
    Lang L = app->lang;
    char title[300];
    snprintf(title, sizeof title, "%s · %s", text_str(L, S_DEBRIEF), app->scn->title);
    int top = ui_header(app, title, NULL);
    /* tabs */
    static const TextKey TABS[TAB_COUNT] = {S_TAB_SUMMARY, S_TAB_TIMELINE, S_TAB_STRATEGIES, S_TAB_NEXT};
    int x = 24;
    for (int i = 0; i < TAB_COUNT; i++) {
        char cap[16];
        snprintf(cap, sizeof cap, "%d", i + 1);
        int w = gfx_measure(app, FACE_BOLD, TS_BODY, text_str(L, TABS[i]), NULL) + 70;
        ui_button(app, W_TAB + i, (Rect){x, top + 12, w, 40}, text_str(L, TABS[i]), cap,
                  (SDL_Scancode)(SDL_SCANCODE_1 + i), true, d->tab == i, text_str(L, TABS[i]));
        x += w + 8;
    }
    int bottom = app->H - UI_HINT_BAR_H;
    Rect body = {24, top + 64, app->W - 48, bottom - top - 64 - 72 - 26};
    if (d->tab == TAB_SUMMARY) {
        summary(app, body);
    } else if (d->tab == TAB_TIMELINE) {
        timeline(app, body);
    } else if (d->tab == TAB_STRATEGIES) {
        strategies(app, d, body);
    } else {
        next_time(app, d, body);
    }
    int by = bottom - 60;
    result_line(app, by - 30);
    int bw = (app->W - 48 - 24) / 3;
    ui_button(app, W_AGAIN, (Rect){24, by, bw, 44}, text_str(L, S_PLAY_AGAIN), "R", SDL_SCANCODE_R, true, true,
              text_str(L, S_PLAY_AGAIN));
    ui_button(app, W_NEW_SEED, (Rect){24 + bw + 12, by, bw, 44}, text_str(L, S_NEW_SEED), "N", SDL_SCANCODE_N, true,
              false, text_str(L, S_NEW_SEED));
    ui_button(app, W_PICKER, (Rect){24 + 2 * (bw + 12), by, bw, 44}, text_str(L, S_TO_PICKER), "Esc",
              SDL_SCANCODE_UNKNOWN, true, false, text_str(L, S_TO_PICKER));
    app->keys_help = text_str(L, S_KEYS_GENERIC);
}

static const ScreenVt VT = {"debrief", false, d_enter, NULL, d_action, d_back, NULL, d_draw, false};

void screen_debrief_push(App *app)
{
    Debrief *d = calloc(1, sizeof *d);
    if (d) {
        app_push(app, &VT, d);
    }
}
