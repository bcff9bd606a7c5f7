/* End of week: what happened, the events, the revenue, and each score change
 * with its cause. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ui_strings.h"

enum { W_NEXT = 1 };

typedef struct Week {
    size_t journal_from;
    size_t changes_from;
    int week; /* the week that ended */
    int scroll;
} Week;

static void w_enter(App *app, void *st)
{
    (void)st;
    app->focus = W_NEXT;
}

static void w_action(App *app, void *st, int id)
{
    (void)st;
    if (id != W_NEXT) {
        return;
    }
    app_pop(app);
    if (sim_over(app->sim)) {
        app_pop(app); /* the board */
        screen_debrief_push(app);
    }
}

static void w_back(App *app, void *st)
{
    w_action(app, st, W_NEXT);
}

static bool w_event(App *app, void *st, const SDL_Event *e)
{
    Week *w = st;
    (void)app;
    if (e->type == SDL_MOUSEWHEEL) {
        w->scroll -= e->wheel.y * 40;
        if (w->scroll < 0) {
            w->scroll = 0;
        }
        return true;
    }
    return false;
}

static int tone(JournalKind k)
{
    switch (k) {
    case J_PROPOSE_WON: case J_CONTACT_ARRIVED: case J_REVENUE:
        return 1;
    case J_CONTACT_LEFT: case J_COMPETITOR: case J_FREEZE: case J_ANCHOR_LOST: case J_EROSION: case J_DECAY:
        return -1;
    default:
        return 0;
    }
}

static void w_draw(App *app, void *st)
{
    Week *w = st;
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Scenario *s = app->scn;
    size_t jn, cn, tn;
    const JournalEntry *j = sim_journal(app->sim, &jn);
    const ScoreChange *ch = sim_score_changes(app->sim, &cn);
    const WeekSnapshot *tl = sim_timeline(app->sim, &tn);
    Score sc = sim_score(app->sim);
    int prev = tn >= 2 ? tl[tn - 2].score.total : sc.total;
    /* the change over the whole week: from the snapshot before it */
    char title[128], sub[256], hl[64];
    text_fmt(title, sizeof title, L, S_WEEK_DONE, w->week);
    text_hours(hl, sizeof hl, L, s->hours_per_week, false);
    text_fmt(sub, sizeof sub, L, S_WEEK_SUB, sc.total, sc.total - prev,
           sim_over(app->sim) ? text_str(L, S_TO_DEBRIEF) : text_str(L, S_CONTINUE));
    int top = ui_header(app, title, sub);
    int bottom = app->H - UI_HINT_BAR_H;
    int lw = app->W * 55 / 100;
    /* left: what happened at the end of the week */
    Rect col = {24, top + 16, lw - 36, bottom - top - 32};
    gfx_rrect(app, col, 10, t->panel);
    gfx_frame(app, col, 10, 1, t->border);
    int x = col.x + 20, cw = col.w - 40, y = col.y + 14;
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_WEEK_EVENTS));
    y += 34;
    Rect clip = {col.x, y, col.w, col.y + col.h - y - 8};
    gfx_clip(app, &clip);
    y -= w->scroll;
    int shown = 0;
    size_t first = w->journal_from;
    while (first > 0 && j[first - 1].kind != J_WEEK_START) { /* the whole week, actions included */
        first--;
    }
    for (size_t k = first; k < jn; k++) {
        if (j[k].kind == J_WEEK_START) {
            continue;
        }
        char line[600];
        text_journal(L, app->sim, &j[k], line, sizeof line);
        int tn2 = j[k].command < 0 ? tone(j[k].kind) : 0;
        gfx_text(app, FACE_BOLD, TS_BODY, tn2 > 0 ? t->good : tn2 < 0 ? t->bad : t->text_dim, x, y,
                 tn2 > 0 ? "\xE2\x9C\x93" : tn2 < 0 ? "\xE2\x9A\xA0" : "\xE2\x80\xA2");
        y += gfx_text_wrap(app, j[k].command < 0 ? FACE_BOLD : FACE_REGULAR, TS_LABEL, t->text,
                           (Rect){x + 26, y, cw - 26, -1}, line) + 6;
        if (j[k].kind == J_CONTACT_LEFT && j[k].contact >= 0) {
            const Contact *ct = &s->accounts[j[k].account].contacts[j[k].contact];
            if (ct->lines[LINE_FAREWELL]) {
                char q[600];
                snprintf(q, sizeof q, "%s: «%s»", ct->name, ct->lines[LINE_FAREWELL]);
                y += gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text_dim, (Rect){x + 26, y, cw - 26, -1}, q) + 8;
            }
        }
        shown++;
    }
    if (!shown) {
        gfx_text(app, FACE_REGULAR, TS_BODY, t->text_dim, x, y, text_str(L, S_NO_EVENTS));
    }
    gfx_clip(app, NULL);
    /* right: revenue and the score changes with their causes */
    Rect p = {lw, top + 16, app->W - lw - 24, bottom - top - 32};
    gfx_rrect(app, p, 10, t->panel);
    gfx_frame(app, p, 10, 1, t->border);
    x = p.x + 20;
    int pw = p.w - 40;
    y = p.y + 14;
    char money[64];
    int64_t rate = 0;
    for (int a = 0; a < s->account_count; a++) {
        rate += sim_run_rate(app->sim, a);
    }
    gfx_text(app, FACE_REGULAR, TS_LABEL, t->text_dim, x, y, text_str(L, S_REVENUE_RUN_RATE));
    text_money(L, rate, s->currency, money, sizeof money);
    gfx_text(app, FACE_BOLD, TS_HEAD, t->text, x, y + 20, money);
    gfx_text(app, FACE_REGULAR, TS_LABEL, t->text_dim, x + pw / 2, y, text_str(L, S_REVENUE_BOOKED));
    text_money(L, sim_revenue_booked(app->sim), s->currency, money, sizeof money);
    gfx_text(app, FACE_BOLD, TS_HEAD, t->text, x + pw / 2, y + 20, money);
    y += 64;
    gfx_fill(app, (Rect){x, y, pw, 1}, t->border);
    y += 12;
    gfx_text(app, FACE_BOLD, TS_SUB, t->text, x, y, text_str(L, S_WEEK_SCORE_CHANGES));
    y += 32;
    int limit = p.y + p.h - 80;
    int any = 0;
    /* every change of the week, the actions' included, each with its cause */
    size_t from_changes = 0;
    for (size_t c = 0; c < cn; c++) {
        if (ch[c].journal >= 0 && (size_t)ch[c].journal < jn && j[ch[c].journal].week == w->week) {
            from_changes = c;
            break;
        }
        from_changes = cn;
    }
    (void)w->changes_from;
    for (size_t c = from_changes; c < cn && y < limit; c++) {
        if (ch[c].total == 0 && ch[c].journal >= 0 && j[ch[c].journal].week != w->week) {
            continue;
        }
        char cause[600], delta[300];
        text_journal(L, app->sim, &j[ch[c].journal], cause, sizeof cause);
        text_score_change(L, &ch[c], delta, sizeof delta);
        SDL_Color col2 = ch[c].total > 0 ? t->good : ch[c].total < 0 ? t->bad : t->text_dim;
        char num[16];
        snprintf(num, sizeof num, "%+d", ch[c].total);
        gfx_text(app, FACE_BOLD, TS_BODY, col2, x, y, num);
        int h1 = gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text, (Rect){x + 48, y, pw - 48, limit - y}, cause);
        y += h1 + 2;
        if (y < limit) {
            y += gfx_text_wrap(app, FACE_REGULAR, TS_SMALL, t->text_dim, (Rect){x + 48, y, pw - 48, limit - y}, delta)
                 + 8;
        }
        any++;
    }
    if (!any) {
        gfx_text(app, FACE_REGULAR, TS_BODY, t->text_dim, x, y, text_str(L, S_NO_SCORE_CHANGE));
    }
    ui_button(app, W_NEXT, (Rect){x, p.y + p.h - 64, pw, 44},
              sim_over(app->sim) ? text_str(L, S_TO_DEBRIEF) : text_str(L, S_CONTINUE), "Enter", SDL_SCANCODE_UNKNOWN,
              true, true, sim_over(app->sim) ? text_str(L, S_TO_DEBRIEF) : text_str(L, S_CONTINUE));
    app->keys_help = text_str(L, S_KEYS_GENERIC);
}

static const ScreenVt VT = {"week", false, w_enter, NULL, w_action, w_back, w_event, w_draw, false};

void screen_week_push(App *app, size_t journal_from, size_t changes_from)
{
    Week *w = calloc(1, sizeof *w);
    if (w) {
        w->journal_from = journal_from;
        w->changes_from = changes_from;
        w->week = sim_over(app->sim) ? app->scn->weeks : sim_week(app->sim) - 1;
        app_push(app, &VT, w);
    }
}
