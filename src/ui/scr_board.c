/* The account board, the heart of the game: the client's people as a map of
 * departments, the selected person's panel with the actions and why one
 * cannot work, the week's ticker, and the account actions. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ui_strings.h"

enum {
    W_IDEAS = 1,
    W_END,
    W_MENU,
    W_SETTINGS,
    W_NEXT_ACCOUNT,
    W_ACT = 100,  /* + ActionKind */
    W_TAB = 200,  /* + account */
    W_CARD = 10000, /* + contact */
};

enum { TOP_H = 64, SIDE_W = 380, TICKER_H = 128, TOOL_H = 52 };

typedef struct Board {
    int sel;          /* selected contact or -1 */
    int sel_account;  /* the account sel belongs to */
    int tick_scroll;  /* lines scrolled back in the ticker */
    Rect *cards;      /* per contact, this draw; w == 0 when not shown */
    int ncards;
    size_t seen_journal; /* entries before this are not new */
} Board;

static const Account *acc_of(const App *app)
{
    return &app->scn->accounts[app->account];
}

/* ---- acting ------------------------------------------------------------------------ */

static void do_end_week(App *app, void *ctx)
{
    (void)ctx;
    size_t jn, cn;
    sim_journal(app->sim, &jn);
    sim_score_changes(app->sim, &cn);
    Refusal r = sim_apply(app->sim, (Command){ACT_END_WEEK, app->account, -1, -1});
    if (r != REFUSE_NONE) {
        app_set_status(app, text_refusal(app->lang, r));
        return;
    }
    app_autosave(app);
    screen_week_push(app, jn, cn);
}

static void ask_end_week(App *app)
{
    int left = sim_hours_left(app->sim);
    if (left <= 0) {
        do_end_week(app, NULL);
        return;
    }
    char body[512];
    text_fmt(body, sizeof body, app->lang, S_CONFIRM_END_BODY, left,
           text_plural_str(app->lang, left, T_HOURS_ONE));
    screen_confirm_push(app, text_str(app->lang, S_CONFIRM_END_TITLE), body, text_str(app->lang, S_YES_END),
                        text_str(app->lang, S_CANCEL), do_end_week, NULL, NULL);
}

static void leave_game(App *app, void *ctx)
{
    (void)ctx;
    app_end_game(app);
    while (app->depth > 1) {
        app_pop(app);
    }
    if (app->depth == 0) {
        screen_picker_push(app);
    }
}

static Refusal pitch_refusal(const App *app, int c)
{
    const Account *acc = acc_of(app);
    Refusal first = REFUSE_BAD_ARGUMENT;
    for (int i = 0; i < acc->idea_count; i++) {
        Refusal r = sim_check(app->sim, (Command){ACT_PITCH, app->account, c, i});
        if (r == REFUSE_NONE) {
            return r;
        }
        if (i == 0 || first == REFUSE_ALREADY_SPONSOR || first == REFUSE_IDEA_ADOPTED) {
            first = r;
        }
    }
    return first;
}

static Refusal propose_refusal(const App *app)
{
    const Account *acc = acc_of(app);
    Refusal best = REFUSE_NOT_SPONSORED;
    for (int i = 0; i < acc->idea_count; i++) {
        Refusal r = sim_check(app->sim, (Command){ACT_PROPOSE, app->account, -1, i});
        if (r == REFUSE_NONE) {
            return r;
        }
        if (r == REFUSE_NO_HOURS || r == REFUSE_BUDGET_FREEZE || r == REFUSE_GAME_OVER
            || (r == REFUSE_APPROVAL_MISSING && best == REFUSE_NOT_SPONSORED)) {
            best = r;
        }
    }
    return best;
}

/* Why the action cannot work now, REFUSE_NONE when it can be tried. */
static Refusal action_refusal(const App *app, const Board *b, ActionKind k)
{
    int c = b->sel;
    switch (k) {
    case ACT_RESEARCH:
    case ACT_SERVICE:
    case ACT_END_WEEK:
        return sim_check(app->sim, (Command){k, app->account, -1, -1});
    case ACT_PROPOSE:
        return propose_refusal(app);
    case ACT_PITCH:
        return c < 0 ? REFUSE_BAD_ARGUMENT : pitch_refusal(app, c);
    default:
        return c < 0 ? REFUSE_BAD_ARGUMENT : sim_check(app->sim, (Command){k, app->account, c, -1});
    }
}

static void run_action(App *app, Board *b, ActionKind k)
{
    if (k == ACT_END_WEEK) {
        ask_end_week(app);
        return;
    }
    if (k == ACT_PITCH) {
        screen_ideas_push(app, b->sel);
        return;
    }
    if (k == ACT_PROPOSE) {
        screen_ideas_push(app, -1);
        return;
    }
    bool person = k == ACT_MEET || k == ACT_REFERRAL || k == ACT_COLD_CALL;
    Command cmd = {k, app->account, person ? b->sel : -1, -1};
    size_t before;
    sim_journal(app->sim, &before);
    Refusal r = sim_apply(app->sim, cmd);
    if (r != REFUSE_NONE) {
        app_set_status(app, text_refusal(app->lang, r));
        return;
    }
    b->tick_scroll = 0;
    /* a referral or a cold call puts a new person on the map: select them */
    size_t jn;
    const JournalEntry *j = sim_journal(app->sim, &jn);
    for (size_t i = before; i < jn; i++) {
        if (j[i].kind == J_REFERRAL_WON && j[i].other >= 0) {
            b->sel = j[i].other;
        }
    }
}

/* ---- screen ----------------------------------------------------------------------------- */

static void bd_enter(App *app, void *st)
{
    Board *b = st;
    b->sel = -1;
    b->sel_account = app->account;
    const Account *acc = acc_of(app);
    for (int c = 0; c < acc->contact_count; c++) {
        if (acc->contacts[c].main && sim_contact_status(app->sim, app->account, c) == STATUS_KNOWN) {
            b->sel = c;
        }
    }
    if (b->sel >= 0) {
        app->focus = W_CARD + b->sel;
    }
}

static void bd_exit(App *app, void *st)
{
    (void)app;
    Board *b = st;
    free(b->cards);
    free(b);
}

static void switch_account(App *app, Board *b, int a)
{
    if (a < 0 || a >= app->scn->account_count) {
        return;
    }
    app->account = a;
    b->sel_account = a;
    b->tick_scroll = 0;
    bd_enter(app, b);
}

static void bd_action(App *app, void *st, int id)
{
    Board *b = st;
    if (id >= W_CARD) {
        b->sel = id - W_CARD;
        return;
    }
    if (id >= W_TAB) {
        switch_account(app, b, id - W_TAB);
        return;
    }
    if (id >= W_ACT && id < W_ACT + ACT_COUNT) {
        run_action(app, b, (ActionKind)(id - W_ACT));
        return;
    }
    switch (id) {
    case W_IDEAS:
        screen_ideas_push(app, -1);
        break;
    case W_END:
        ask_end_week(app);
        break;
    case W_SETTINGS:
        screen_settings_push(app);
        break;
    case W_NEXT_ACCOUNT:
        switch_account(app, b, (app->account + 1) % app->scn->account_count);
        break;
    case W_MENU:
        screen_confirm_push(app, text_str(app->lang, S_CONFIRM_QUIT_TITLE), text_str(app->lang, S_CONFIRM_QUIT_BODY),
                            text_str(app->lang, S_YES_QUIT), text_str(app->lang, S_CANCEL), leave_game, NULL, NULL);
        break;
    default:
        break;
    }
}

static void bd_back(App *app, void *st)
{
    bd_action(app, st, W_MENU);
}

static bool bd_event(App *app, void *st, const SDL_Event *e)
{
    Board *b = st;
    (void)app;
    if (e->type == SDL_MOUSEWHEEL) {
        b->tick_scroll += e->wheel.y;
        if (b->tick_scroll < 0) {
            b->tick_scroll = 0;
        }
        return true;
    }
    return false;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static void influence_dots(App *app, int x, int y, int n)
{
    const Theme *t = &app->th;
    for (int i = 0; i < 5; i++) {
        if (i < n) {
            gfx_circle(app, (float)(x + i * 10 + 4), (float)y, 3.6f, t->text);
        } else {
            gfx_ring(app, (float)(x + i * 10 + 4), (float)y, 3.6f, 1.2f, t->text_dim);
        }
    }
}

static void silhouette(App *app, int x, int y, int size, SDL_Color c)
{
    float cx = (float)x + (float)size / 2;
    gfx_ring(app, cx, (float)y + (float)size * 0.3f, (float)size * 0.22f, 1.6f, c);
    Rect body = {x + size / 6, y + size * 58 / 100, size * 2 / 3, size * 42 / 100};
    gfx_frame(app, body, size / 3, 2, c);
}

typedef enum CardMode { CARD_FULL, CARD_COMPACT, CARD_MINI } CardMode;

static int card_h(CardMode m)
{
    return m == CARD_FULL ? 104 : m == CARD_COMPACT ? 58 : 30;
}

static int known_needs(const App *app, int c, int *out, int max)
{
    int needs[SCN_MAX_CONTACT_NEEDS];
    int n = sim_contact_needs(app->sim, app->account, c, needs, SCN_MAX_CONTACT_NEEDS);
    int k = 0;
    for (int i = 0; i < n && i < SCN_MAX_CONTACT_NEEDS; i++) {
        if (sim_need_known(app->sim, app->account, c, needs[i]) && k < max) {
            out[k++] = needs[i];
        }
    }
    return k;
}

static void draw_card(App *app, Board *b, int c, Rect r, CardMode mode)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Account *acc = acc_of(app);
    const Contact *ct = &acc->contacts[c];
    ContactStatus stt = sim_contact_status(app->sim, app->account, c);
    char hint[UI_HINT_BYTES];
    text_fmt(hint, sizeof hint, L, S_SELECT, ct->name);
    WState ws = ui_widget(app, W_CARD + c, r, SDL_SCANCODE_UNKNOWN, true, hint);
    bool sel = b->sel == c;
    if (stt == STATUS_HEARD_OF || stt == STATUS_GONE) {
        SDL_Color line = stt == STATUS_GONE ? t->track : t->silhouette;
        if (ws.hover || sel) {
            gfx_rrect(app, r, 8, t->card_hover);
        }
        gfx_frame(app, r, 8, sel ? 3 : 2, sel ? t->accent : line);
        int icon = mode == CARD_MINI ? 18 : 30;
        silhouette(app, r.x + 8, r.y + (mode == CARD_MINI ? 6 : 10), icon, line);
        int tx = r.x + icon + 16;
        gfx_text_fit(app, FACE_BOLD, TS_LABEL, t->text, tx, r.y + (mode == CARD_MINI ? 6 : 8), r.x + r.w - tx - 8,
                     ct->name);
        if (mode != CARD_MINI) {
            gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, tx, r.y + 28, r.x + r.w - tx - 8,
                         stt == STATUS_GONE ? text_gendered(L, T_GONE, ct->gender) : text_str(L, S_HEARD_OF));
        }
        if (mode == CARD_FULL) {
            gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, tx, r.y + 48, r.x + r.w - tx - 8, ct->title);
        }
    } else {
        if (t->shadow.a && mode != CARD_MINI) {
            gfx_fill(app, (Rect){r.x + 4, r.y + r.h, r.w - 8, 2}, t->shadow);
        }
        SDL_Color card_bg = ws.hover && !sel ? t->card_hover : t->card;
        gfx_panel(app, r, 8, card_bg, sel ? t->accent : t->border, sel ? 3 : 1, t->panel_alt);
        /* Text on the card's own background is drawn opaque (no blending). */
        SDL_Color no_bg = {0, 0, 0, 0};
        app->text_bg = card_bg;
        int x = r.x + 10, w = r.w - 20;
        int star = 0;
        if (ct->main) {
            star = 18;
            gfx_text(app, FACE_BOLD, TS_LABEL, t->role[1], x, r.y + 7, "\xE2\x98\x85"); /* ★ */
        }
        int rel = sim_relationship(app->sim, app->account, c);
        if (mode == CARD_MINI) { /* the name, and the relationship as a strip along the bottom */
            gfx_text_fit(app, FACE_BOLD, TS_SMALL, t->text, x + star - 4, r.y + 5, w - star + 8, ct->name);
            Rect strip = {r.x + 6, r.y + r.h - 7, r.w - 12, 4};
            gfx_fill(app, strip, t->track);
            strip.w = strip.w * rel / 100;
            gfx_fill(app, strip, sim_engaged(app->sim, app->account, c) ? t->good : t->role[1]);
        } else {
            bool narrow = w < 200;
            gfx_text_fit(app, FACE_BOLD, TS_LABEL, t->text, x + star, r.y + 6, w - star - (narrow ? 0 : 54), ct->name);
            if (!narrow) {
                influence_dots(app, r.x + r.w - 58, r.y + 15, ct->influence);
            }
            int y = r.y + 27;
            if (mode == CARD_FULL) {
                gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, x, y, w, ct->title);
                y += 20;
            }
            /* role badges: icon + label when there is room (on their own colour) */
            app->text_bg = no_bg;
            int bx = x;
            int nroles = 0;
            for (int i = 0; i < ROLE_KIND_COUNT; i++) {
                nroles += (ct->roles >> i) & 1;
            }
            for (int i = 0; i < ROLE_KIND_COUNT; i++) {
                if (ct->roles & (1u << i)) {
                    int bw;
                    ui_role_badge(app, bx, y, i, mode == CARD_FULL && nroles == 1, x + w - bx, &bw);
                    bx += bw + 4;
                }
            }
            app->text_bg = card_bg;
            bool engaged = sim_engaged(app->sim, app->account, c);
            int barx = nroles ? bx + 4 : x;
            if (mode == CARD_FULL || barx > x + w - 80) {
                y += 24;
                barx = x;
            }
            if (narrow) { /* influence beside the relationship */
                influence_dots(app, barx, y + (mode == CARD_FULL ? 5 : 10), ct->influence);
                barx += 54;
            }
            ui_bar(app, (Rect){barx, y + (mode == CARD_FULL ? 0 : 5), x + w - barx, 10}, rel,
                   engaged ? t->good : t->role[1], true);
            if (mode == CARD_FULL) {
                int needs[4];
                int n = known_needs(app, c, needs, 4);
                if (n > 0) {
                    char line[512];
                    snprintf(line, sizeof line, "\xE2\x97\x8F %s", acc->needs[needs[0]].text);
                    if (n > 1) {
                        snprintf(line, sizeof line, "\xE2\x97\x8F %d: %s", n, acc->needs[needs[0]].text);
                    }
                    gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->accent, x, y + 14, w, line);
                }
            }
        }
        app->text_bg = no_bg;
    }
    if (ws.focus) {
        gfx_frame(app, (Rect){r.x - 4, r.y - 4, r.w + 8, r.h + 8}, 11, 3, t->focus);
    }
}

static bool shown(const App *app, int c)
{
    return sim_contact_status(app->sim, app->account, c) != STATUS_UNKNOWN;
}

static void draw_map(App *app, Board *b, Rect map)
{
    const Theme *t = &app->th;
    const Account *acc = acc_of(app);
    if (b->ncards < acc->contact_count) {
        free(b->cards);
        b->cards = calloc((size_t)acc->contact_count, sizeof(Rect));
        b->ncards = b->cards ? acc->contact_count : 0;
        if (!b->cards) {
            return;
        }
    }
    memset(b->cards, 0, sizeof(Rect) * (size_t)b->ncards);
    /* the departments on the map: known ones and those of people on it */
    int depts[SCN_MAX_DEPARTMENTS], counts[SCN_MAX_DEPARTMENTS] = {0};
    int nd = 0, maxcount = 0;
    for (int d = 0; d < acc->department_count; d++) {
        int n = 0;
        for (int c = 0; c < acc->contact_count; c++) {
            n += acc->contacts[c].department == d && shown(app, c);
        }
        if (n > 0 || sim_department_known(app->sim, app->account, d)) {
            counts[nd] = n;
            depts[nd++] = d;
            if (n > maxcount) {
                maxcount = n;
            }
        }
    }
    if (nd == 0) {
        return;
    }
    int gap = 10;
    int maxcols = map.w / 150;
    if (maxcols < 1) {
        maxcols = 1;
    }
    if (maxcols > nd) {
        maxcols = nd;
    }
    /* the column count that gives the biggest cards; ties go to wider regions */
    int cols = 1, rw = 0, rh = 0, cardcols = 1, perfit = 1;
    CardMode mode = CARD_MINI;
    int best = -1;
    for (int tc = 1; tc <= maxcols; tc++) {
        int trows = (nd + tc - 1) / tc;
        int trw = (map.w - gap * (tc - 1)) / tc;
        int trh = (map.h - gap * (trows - 1)) / trows;
        int inner = trh - 34;
        int tcc = trw >= 400 ? 2 : 1;
        int per = (maxcount + tcc - 1) / tcc;
        CardMode tm = CARD_FULL;
        while (tm < CARD_MINI && per * (card_h(tm) + 8) > inner) {
            tm++;
        }
        int fit = inner / (card_h(tm) + 8);
        if (fit < 1) {
            fit = 1;
        }
        if (per > fit) {
            tcc = (maxcount + fit - 1) / fit;
        }
        int tcw = (trw - 16 - (tcc - 1) * 8) / tcc;
        if (inner < card_h(CARD_MINI) + 8 || tcw < 60) {
            continue; /* no room for even one small card */
        }
        int score = (CARD_MINI - (int)tm) * 100000 + (tcw < 400 ? tcw : 400);
        if (score > best) {
            best = score;
            cols = tc;
            rw = trw;
            rh = trh;
            cardcols = tcc;
            perfit = fit;
            mode = tm;
        }
    }
    int ch = card_h(mode);
    int cw = (rw - 16 - (cardcols - 1) * 8) / cardcols;
    for (int i = 0; i < nd; i++) {
        int d = depts[i];
        Rect reg = {map.x + (i % cols) * (rw + gap), map.y + (i / cols) * (rh + gap), rw, rh};
        gfx_rrect(app, reg, 10, t->panel_alt);
        gfx_text_fit(app, FACE_BOLD, TS_LABEL, t->text_dim, reg.x + 10, reg.y + 8, reg.w - 20,
                     acc->departments[d].name);
        int k = 0;
        for (int c = 0; c < acc->contact_count; c++) {
            if (acc->contacts[c].department != d || !shown(app, c)) {
                continue;
            }
            int col = k % cardcols, row = k / cardcols;
            if (row >= perfit) {
                break;
            }
            b->cards[c] = (Rect){reg.x + 8 + col * (cw + 8), reg.y + 32 + row * (ch + 8), cw, ch};
            k++;
        }
        (void)counts;
    }
    /* introduction lines under the cards: from referrer to referred */
    for (int c = 0; c < acc->contact_count; c++) {
        int by = sim_introduced_by(app->sim, app->account, c);
        if (by >= 0 && b->cards[c].w && b->cards[by].w) {
            const Rect *f = &b->cards[by], *to = &b->cards[c];
            float x1 = (float)f->x + (float)f->w / 2, y1 = (float)f->y + (float)f->h / 2;
            float x2 = (float)to->x + (float)to->w / 2, y2 = (float)to->y + (float)to->h / 2;
            gfx_line(app, x1, y1, x2, y2, 3, t->accent);
            gfx_circle(app, x1, y1, 5, t->accent);
        }
    }
    for (int c = 0; c < acc->contact_count; c++) {
        if (b->cards[c].w) {
            draw_card(app, b, c, b->cards[c], mode);
        }
    }
    /* arrow heads where the line meets the referred card, drawn on top */
    for (int c = 0; c < acc->contact_count; c++) {
        int by = sim_introduced_by(app->sim, app->account, c);
        if (by >= 0 && b->cards[c].w && b->cards[by].w) {
            const Rect *to = &b->cards[c];
            gfx_circle(app, (float)to->x + 4, (float)to->y + 4, 6, t->accent);
            gfx_circle(app, (float)to->x + 4, (float)to->y + 4, 3, t->accent_text);
        }
    }
}

static void draw_top(App *app, Board *b)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Scenario *s = app->scn;
    (void)b;
    gfx_fill(app, (Rect){0, 0, app->W, TOP_H}, t->panel);
    gfx_fill(app, (Rect){0, TOP_H - 1, app->W, 1}, t->border);
    int x = 16;
    /* account tabs, or the account name */
    if (s->account_count > 1) {
        int tabw = (app->W - 880) / s->account_count;
        if (tabw > 200) {
            tabw = 200;
        }
        for (int a = 0; a < s->account_count; a++) {
            Rect r = {x, 10, tabw - 6, 44};
            char hint[UI_HINT_BYTES];
            text_fmt(hint, sizeof hint, L, S_ACCOUNT_TAB, s->accounts[a].name);
            WState ws = ui_widget(app, W_TAB + a, r, SDL_SCANCODE_UNKNOWN, true, hint);
            bool on = a == app->account;
            gfx_rrect(app, r, 8, on ? t->accent : ws.hover ? t->card_hover : t->panel_alt);
            gfx_text_fit(app, FACE_BOLD, TS_LABEL, on ? t->accent_text : t->text, r.x + 10, r.y + 4, r.w - 20,
                         s->accounts[a].name);
            char sc[32];
            Score as = sim_account_score(app->sim, a);
            snprintf(sc, sizeof sc, "%s %d", text_str(L, S_SCORE), as.total);
            gfx_text_fit(app, FACE_REGULAR, TS_SMALL, on ? t->accent_text : t->text_dim, r.x + 10, r.y + 23,
                         r.w - 20, sc);
            if (ws.focus) {
                gfx_frame(app, (Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, 10, 3, t->focus);
            }
            x += tabw;
        }
        /* a shortcut that cycles the accounts */
        ui_widget(app, W_NEXT_ACCOUNT, (Rect){0, 0, 0, 0}, SDL_SCANCODE_A, true, NULL);
        app->widgets[app->nwidgets - 1].focusable = false;
    } else {
        const Account *acc = acc_of(app);
        int w = app->W - 880;
        gfx_text_fit(app, FACE_BOLD, TS_SUB, t->text, x, 8, w, acc->name);
        char money[64], line[256], buys[128];
        text_money(L, sim_run_rate(app->sim, app->account), s->currency, money, sizeof money);
        text_fmt(buys, sizeof buys, L, S_BUYS_NOW, money);
        snprintf(line, sizeof line, "%s · %s", acc->industry, buys);
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, x, 36, w, line);
        x += w;
    }
    /* week and hours */
    int wx = app->W - 860;
    if (wx < x + 10) {
        wx = x + 10;
    }
    char wk[64];
    text_fmt(wk, sizeof wk, L, S_WEEK_N_OF_M, sim_week(app->sim) > s->weeks ? s->weeks : sim_week(app->sim),
           s->weeks);
    gfx_text(app, FACE_BOLD, TS_BODY, t->text, wx, 8, wk);
    int left = sim_hours_left(app->sim), total = s->hours_per_week;
    int pipw = total > 0 ? 150 / total : 10;
    if (pipw > 8) {
        pipw = 8;
    }
    if (pipw < 3) {
        pipw = 3;
    }
    for (int i = 0; i < total; i++) {
        Rect p = {wx + i * pipw, 36, pipw > 4 ? pipw - 2 : pipw, 14};
        if (i < left) {
            gfx_rrect(app, p, 2, t->accent);
        } else {
            gfx_frame(app, p, 2, 1, t->border);
        }
    }
    char hl[64];
    text_hours(hl, sizeof hl, L, left, true);
    gfx_text(app, FACE_REGULAR, TS_SMALL, t->text, wx + total * pipw + 8, 35, hl);
    /* score and trend */
    int sx = app->W - 560;
    Score sc = sim_score(app->sim);
    size_t tn;
    const WeekSnapshot *tl = sim_timeline(app->sim, &tn);
    int delta = tn > 0 ? sc.total - tl[tn - 1].score.total : 0;
    char num[16];
    snprintf(num, sizeof num, "%d", sc.total);
    gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, sx, 6, text_str(L, S_SCORE));
    int nw = gfx_text(app, FACE_BOLD, 28, t->text, sx, 22, num);
    char tr[64];
    snprintf(tr, sizeof tr, "%s %+d %s", delta > 0 ? "\xE2\x96\xB2" : delta < 0 ? "\xE2\x96\xBC" : "=", delta,
             text_str(L, S_TREND));
    gfx_text(app, FACE_BOLD, TS_SMALL, delta > 0 ? t->good : delta < 0 ? t->bad : t->text_dim, sx + nw + 8, 24, tr);
    char pm[48];
    text_fmt(pm, sizeof pm, L, S_PASS_MARK, s->scoring.pass_mark);
    gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, sx + nw + 8, 42, pm);
    /* the buttons */
    int bx = app->W - 16 - 120;
    ui_button(app, W_END, (Rect){bx - 56 - 170, 12, 162, 40}, text_str(L, S_END_WEEK), "E", SDL_SCANCODE_E,
              !sim_over(app->sim), true, text_action_help(L, ACT_END_WEEK));
    /* 8 also ends the week, as the action list numbers it */
    ui_widget(app, W_ACT + ACT_END_WEEK, (Rect){0, 0, 0, 0}, SDL_SCANCODE_8, !sim_over(app->sim), NULL);
    app->widgets[app->nwidgets - 1].focusable = false;
    ui_button(app, W_MENU, (Rect){bx, 12, 120, 40}, text_str(L, S_MENU), "Esc", SDL_SCANCODE_UNKNOWN, true, false,
              text_str(L, S_CONFIRM_QUIT_TITLE));
    ui_button(app, W_SETTINGS, (Rect){bx - 56, 12, 48, 40}, "\xE2\x9A\x99", NULL, SDL_SCANCODE_F2, true, false,
              text_str(L, S_SETTINGS));
}

static void action_row(App *app, Board *b, ActionKind k, Rect r, bool show_reason)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    Refusal why = action_refusal(app, b, k);
    bool ok = why == REFUSE_NONE;
    char label[160], cap[16];
    if (k == ACT_END_WEEK) {
        ui_copy(label, sizeof label, text_action(L, k));
    } else {
        char h[32];
        text_fmt(h, sizeof h, L, S_HOURS_SHORT, sim_cost(app->sim, k));
        snprintf(label, sizeof label, "%s%s · %s", text_action(L, k),
                 k == ACT_PITCH || k == ACT_PROPOSE ? "\xE2\x80\xA6" : "", h);
    }
    snprintf(cap, sizeof cap, "%d", (int)k + 1);
    char hint[UI_HINT_BYTES];
    if (ok) {
        ui_copy(hint, sizeof hint, text_action_help(L, k));
    } else {
        snprintf(hint, sizeof hint, "\xE2\x9A\xA0 %s", text_refusal(L, why));
    }
    ui_button(app, W_ACT + (int)k, (Rect){r.x, r.y, r.w, 34}, label, cap, (SDL_Scancode)(SDL_SCANCODE_1 + (int)k),
              ok, k == ACT_END_WEEK && ok, hint);
    if (!ok && show_reason) {
        char line[UI_HINT_BYTES];
        snprintf(line, sizeof line, "\xE2\x9A\xA0 %s", text_refusal(L, why));
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->bad, r.x + 4, r.y + 37, r.w - 8, line);
    } else if (ok && show_reason && k == ACT_REFERRAL && b->sel >= 0) {
        /* the odds in words, from what the trainee can see */
        char odds[UI_HINT_BYTES / 2], line[UI_HINT_BYTES];
        ReferralOutlook o = odds_referral(app->sim, app->account, b->sel);
        snprintf(line, sizeof line, "%s %s", text_str(L, S_ODDS), text_referral_odds(L, o, odds, sizeof odds));
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, o.too_early ? t->bad : t->text_dim, r.x + 4, r.y + 37, r.w - 8,
                     line);
    }
}

static void draw_side(App *app, Board *b, Rect p)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Account *acc = acc_of(app);
    gfx_fill(app, p, t->panel);
    gfx_fill(app, (Rect){p.x, p.y, 1, p.h}, t->border);
    int x = p.x + 18, w = p.w - 36, y = p.y + 14;
    /* the four person actions take the bottom of the panel */
    int acts_h = 4 * 52 + 30;
    int info_bottom = p.y + p.h - acts_h - 8;
    if (b->sel < 0) {
        gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text_dim, (Rect){x, y, w, info_bottom - y},
                      text_str(L, S_SELECT_PERSON));
    } else {
        int c = b->sel;
        const Contact *ct = &acc->contacts[c];
        ContactStatus stt = sim_contact_status(app->sim, app->account, c);
        /* a long name (a Russian name with patronymic and degree) takes two lines */
        y += gfx_text_wrap(app, FACE_BOLD, TS_HEAD, t->text, (Rect){x, y, w, 60}, ct->name) + 4;
        char line[512];
        snprintf(line, sizeof line, "%s · %s", ct->title, acc->departments[ct->department].name);
        y += gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text_dim, (Rect){x, y, w, 40}, line) + 8;
        int bx = x;
        for (int i = 0; i < ROLE_KIND_COUNT; i++) {
            if (ct->roles & (1u << i)) {
                int bw;
                ui_role_badge(app, bx, y, i, true, x + w - bx, &bw);
                bx += bw + 6;
                if (bx > x + w - 120) {
                    bx = x;
                    y += 24;
                }
            }
        }
        if (bx != x) {
            y += 26;
        }
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, x, y, text_str(L, S_INFLUENCE));
        influence_dots(app, x + 110, y + 9, ct->influence);
        y += 22;
        if (stt == STATUS_KNOWN) {
            bool engaged = sim_engaged(app->sim, app->account, c);
            gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, x, y, text_str(L, S_RELATIONSHIP));
            ui_bar(app, (Rect){x + 110, y + 3, w - 110, 12}, sim_relationship(app->sim, app->account, c),
                   engaged ? t->good : t->role[1], true);
            y += 22;
            line[0] = '\0';
            if (engaged) {
                snprintf(line, sizeof line, "\xE2\x9C\x93 %s", text_gendered(L, T_ENGAGED, ct->gender));
            }
            if (ct->main) {
                snprintf(line + strlen(line), sizeof line - strlen(line), "%s\xE2\x98\x85 %s", line[0] ? " · " : "",
                         text_str(L, S_MAIN_CONTACT));
            }
            int by = sim_introduced_by(app->sim, app->account, c);
            if (by >= 0) {
                char intro[256];
                text_introduced_by(L, &acc->contacts[by], intro, sizeof intro);
                snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", line[0] ? " · " : "", intro);
            }
            int more = sim_referrals_left(app->sim, app->account, c);
            if (more > 0) {
                char m[128];
                text_fmt(m, sizeof m, L, S_CAN_INTRODUCE, more);
                snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", line[0] ? " · " : "", m);
            }
            if (line[0]) {
                y += gfx_text_wrap(app, FACE_REGULAR, TS_SMALL, t->text, (Rect){x, y, w, 36}, line) + 6;
            }
            gfx_text(app, FACE_BOLD, TS_LABEL, t->text, x, y, text_str(L, S_NEEDS_KNOWN));
            y += 22;
            int needs[SCN_MAX_CONTACT_NEEDS];
            int n = known_needs(app, c, needs, SCN_MAX_CONTACT_NEEDS);
            if (n == 0) {
                y += gfx_text_wrap(app, FACE_REGULAR, TS_SMALL, t->text_dim, (Rect){x, y, w, info_bottom - y},
                                   text_str(L, S_NO_NEEDS_KNOWN));
            }
            for (int k = 0; k < n && y < info_bottom - 16; k++) {
                gfx_circle(app, (float)x + 4, (float)y + 8, 3, t->accent);
                y += gfx_text_wrap(app, FACE_REGULAR, TS_SMALL, t->text, (Rect){x + 14, y, w - 14, info_bottom - y},
                                   acc->needs[needs[k]].text) + 4;
            }
        } else {
            gfx_text_wrap(app, FACE_REGULAR, TS_SMALL, t->text_dim, (Rect){x, y, w, 40},
                          stt == STATUS_GONE ? text_gendered(L, T_GONE, ct->gender) : text_str(L, S_HEARD_OF));
        }
    }
    /* person actions */
    int ay = p.y + p.h - acts_h;
    gfx_fill(app, (Rect){x, ay - 6, w, 1}, t->border);
    gfx_text(app, FACE_BOLD, TS_LABEL, t->text, x, ay, text_str(L, S_PERSON_ACTIONS));
    ay += 26;
    static const ActionKind PERSON[4] = {ACT_MEET, ACT_PITCH, ACT_REFERRAL, ACT_COLD_CALL};
    for (int i = 0; i < 4; i++) {
        action_row(app, b, PERSON[i], (Rect){x, ay + i * 52, w, 52}, true);
    }
}

static void journal_line(App *app, const JournalEntry *e, char *buf, size_t n)
{
    text_journal(app->lang, app->sim, e, buf, n);
}

static int tone(JournalKind k)
{
    switch (k) {
    case J_PITCH_WON: case J_REFERRAL_WON: case J_COLD_CALL_WON: case J_PROPOSE_WON: case J_NEED_FOUND:
    case J_RESEARCH_DEPT: case J_RESEARCH_NAME: case J_RESEARCH_NEED: case J_CONTACT_ARRIVED: case J_REVENUE:
        return 1;
    case J_PITCH_LOST: case J_REFERRAL_LOST: case J_COLD_CALL_LOST: case J_CONTACT_LEFT:
    case J_COMPETITOR: case J_FREEZE: case J_ANCHOR_LOST: case J_EROSION: case J_DECAY:
        return -1;
    default:
        return 0;
    }
}

/* The week's news, newest first: what happened, what they said, how the score moved. */
static void draw_ticker(App *app, Board *b, Rect r)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    gfx_fill(app, r, t->panel);
    gfx_fill(app, (Rect){r.x, r.y, r.w, 1}, t->border);
    gfx_text(app, FACE_BOLD, TS_LABEL, t->text, r.x + 16, r.y + 8, text_str(L, S_THIS_WEEK));
    size_t jn, cn;
    const JournalEntry *j = sim_journal(app->sim, &jn);
    const ScoreChange *ch = sim_score_changes(app->sim, &cn);
    size_t from = jn;
    while (from > 0 && j[from - 1].kind != J_WEEK_START) {
        from--;
    }
    enum { MAXL = 64 };
    char lines[MAXL][600];
    int tones[MAXL];
    bool quote[MAXL];
    int nl = 0;
    for (size_t k = jn; k > from && nl < MAXL; k--) {
        const JournalEntry *e = &j[k - 1];
        if (e->account != app->account && e->account >= 0 && app->scn->account_count > 1) {
            continue;
        }
        char text[400], sc[200] = "";
        journal_line(app, e, text, sizeof text);
        for (size_t c = 0; c < cn; c++) {
            if (ch[c].journal == (int)(k - 1) && ch[c].total != 0) {
                text_score_change(L, &ch[c], sc, sizeof sc);
            }
        }
        char said[600];
        const char *line = nl < MAXL - 1 ? text_dialogue(L, app->sim, e, said, sizeof said) : NULL;
        if (line) {
            const Contact *ct = &app->scn->accounts[e->account].contacts[e->contact];
            {
                snprintf(lines[nl], sizeof lines[nl], "%s: «%s»", ct->name, line);
                tones[nl] = 0;
                quote[nl++] = true;
            }
        }
        if (sc[0]) {
            /* a line cut short here is fitted with "…" when drawn anyway; only
             * make sure the cut does not split a UTF-8 character */
            if (snprintf(lines[nl], sizeof lines[nl], "%s   \xE2\x86\x92 %s", text, sc) >= (int)sizeof lines[nl]) {
                size_t end = strlen(lines[nl]);
                while (end > 0 && ((unsigned char)lines[nl][end - 1] & 0xC0) == 0x80) {
                    end--;
                }
                if (end > 0 && (unsigned char)lines[nl][end - 1] >= 0xC0) {
                    end--; /* the lead byte of the character that was cut */
                }
                lines[nl][end] = '\0';
            }
        } else {
            ui_copy(lines[nl], sizeof lines[nl], text);
        }
        tones[nl] = tone(e->kind);
        quote[nl++] = false;
    }
    /* lines[] holds newest first with a quote before its entry: swap each pair so the entry reads first */
    for (int i = 0; i + 1 < nl; i++) {
        if (quote[i] && !quote[i + 1]) {
            char tmp[600];
            memcpy(tmp, lines[i], sizeof tmp);
            memcpy(lines[i], lines[i + 1], sizeof tmp);
            memcpy(lines[i + 1], tmp, sizeof tmp);
            int tt = tones[i];
            tones[i] = tones[i + 1];
            tones[i + 1] = tt;
            quote[i] = false;
            quote[i + 1] = true;
            i++;
        }
    }
    if (nl == 0) {
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, r.x + 16, r.y + 34, text_str(L, S_NOTHING_YET));
        return;
    }
    int rows = (r.h - 36) / 20;
    if (b->tick_scroll > nl - rows) {
        b->tick_scroll = nl - rows > 0 ? nl - rows : 0;
    }
    int y = r.y + 32;
    bool fresh = true;
    for (int i = b->tick_scroll; i < nl && i < b->tick_scroll + rows; i++) {
        const char *icon = tones[i] > 0 ? "\xE2\x9C\x93" : tones[i] < 0 ? "\xE2\x9C\x97" : "\xE2\x80\xA2";
        SDL_Color ic = tones[i] > 0 ? t->good : tones[i] < 0 ? t->bad : t->text_dim;
        if (quote[i]) {
            gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, r.x + 44, y, r.w - 60, lines[i]);
        } else {
            gfx_text(app, FACE_BOLD, TS_SMALL, ic, r.x + 20, y, icon);
            gfx_text_fit(app, fresh && b->tick_scroll == 0 ? FACE_BOLD : FACE_REGULAR, TS_SMALL, t->text, r.x + 38,
                         y, r.w - 54, lines[i]);
            fresh = false;
        }
        y += 20;
    }
    if (nl > rows) {
        char more[48];
        snprintf(more, sizeof more, "%d/%d \xE2\x86\x95", b->tick_scroll + 1, nl);
        int mw = gfx_measure(app, FACE_REGULAR, TS_SMALL, more, NULL);
        gfx_text(app, FACE_REGULAR, TS_SMALL, t->text_dim, r.x + r.w - mw - 16, r.y + 8, more);
    }
}

static void draw_toolbar(App *app, Board *b, Rect r)
{
    Lang L = app->lang;
    static const ActionKind ACC[3] = {ACT_RESEARCH, ACT_SERVICE, ACT_PROPOSE};
    int x = r.x;
    int bw = (r.w - 3 * 10) / 4;
    for (int i = 0; i < 3; i++) {
        action_row(app, b, ACC[i], (Rect){x, r.y + 8, bw, 34}, false);
        x += bw + 10;
    }
    ui_button(app, W_IDEAS, (Rect){x, r.y + 8, r.x + r.w - x, 34}, text_str(L, S_IDEAS), "I", SDL_SCANCODE_I, true,
              false, text_str(L, S_CHOOSE_IDEA));
}

static void bd_draw(App *app, void *st)
{
    Board *b = st;
    if (b->sel_account != app->account) {
        switch_account(app, b, app->account);
    }
    int bottom = app->H - UI_HINT_BAR_H;
    Rect side = {app->W - SIDE_W, TOP_H, SIDE_W, bottom - TICKER_H - TOP_H};
    Rect ticker = {0, bottom - TICKER_H, app->W, TICKER_H};
    Rect tool = {16, ticker.y - TOOL_H, side.x - 32, TOOL_H};
    Rect map = {16, TOP_H + 12, side.x - 32, tool.y - TOP_H - 12};
    draw_map(app, b, map);
    draw_top(app, b);
    draw_toolbar(app, b, tool);
    draw_side(app, b, side);
    draw_ticker(app, b, ticker);
    app->keys_help = text_str(app->lang, S_KEYS_BOARD);
}

static const ScreenVt VT = {"board", false, bd_enter, bd_exit, bd_action, bd_back, bd_event, bd_draw, false};

void screen_board_push(App *app)
{
    Board *b = calloc(1, sizeof *b);
    if (b) {
        app_push(app, &VT, b);
    }
}
