/* Ideas: pitch one to a person (chosen on the board, or chosen here after
 * the idea), or propose a sponsored one. Each idea card shows the need it
 * answers, the product, value, level, approvals and sponsors; after a pitch
 * the contact's reaction (their line of dialogue) and the effect. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ui_strings.h"

enum { W_PITCH = 1, W_PROPOSE, W_DONE, W_ROW = 1000, W_PERSON = 100000 };
enum { ROW_H = 50 };

typedef enum Mode { M_IDEAS, M_PEOPLE, M_RESULT } Mode;

typedef struct Ideas {
    int contact;      /* fixed person to pitch to, or -1 */
    int idea;         /* selected idea */
    int person;       /* selected person in M_PEOPLE */
    Mode mode;
    int scroll;
    size_t result_from;  /* journal entries of the result */
    size_t changes_from;
    int result_contact;
} Ideas;

static const Account *acc_of(const App *app)
{
    return &app->scn->accounts[app->account];
}

static bool fits(const App *app, int idea, int c)
{
    const Idea *id = &acc_of(app)->ideas[idea];
    for (int k = 0; k < id->need_count; k++) {
        if (sim_need_known(app->sim, app->account, c, id->needs[k])
            && sim_contact_has_need(app->sim, app->account, c, id->needs[k])) {
            return true;
        }
    }
    return false;
}

static void i_enter(App *app, void *st)
{
    Ideas *s = st;
    /* start on the first idea that fits the person */
    if (s->contact >= 0) {
        for (int i = acc_of(app)->idea_count - 1; i >= 0; i--) {
            if (fits(app, i, s->contact)
                && sim_check(app->sim, (Command){ACT_PITCH, app->account, s->contact, i}) == REFUSE_NONE) {
                s->idea = i;
            }
        }
    }
    app->focus = W_ROW + s->idea;
}

static void apply(App *app, Ideas *s, Command c)
{
    size_t jn, cn;
    sim_journal(app->sim, &jn);
    sim_score_changes(app->sim, &cn);
    Refusal r = sim_apply(app->sim, c);
    if (r != REFUSE_NONE) {
        char why[512];
        app_set_status(app, text_why_refused(app->lang, app->sim, c, r, why, sizeof why));
        return;
    }
    s->result_from = jn;
    s->changes_from = cn;
    s->result_contact = c.contact;
    s->mode = M_RESULT;
    app->focus = W_DONE;
}

static void i_action(App *app, void *st, int id)
{
    Ideas *s = st;
    if (id >= W_PERSON) {
        int c = id - W_PERSON;
        if (c == s->person || app->focus_visible) {
            apply(app, s, (Command){ACT_PITCH, app->account, c, s->idea});
        }
        s->person = c;
        return;
    }
    if (id >= W_ROW) {
        int i = id - W_ROW;
        bool again = i == s->idea;
        s->idea = i;
        if (again && app->focus_visible) {
            i_action(app, st, W_PITCH);
        }
        return;
    }
    switch (id) {
    case W_PITCH:
        if (s->contact >= 0) {
            apply(app, s, (Command){ACT_PITCH, app->account, s->contact, s->idea});
        } else {
            s->mode = M_PEOPLE;
            s->person = -1;
            const Account *acc = acc_of(app);
            for (int c = acc->contact_count - 1; c >= 0; c--) {
                if (sim_check(app->sim, (Command){ACT_PITCH, app->account, c, s->idea}) == REFUSE_NONE
                    && (s->person < 0 || fits(app, s->idea, c))) {
                    s->person = c;
                }
            }
            app->focus = s->person >= 0 ? W_PERSON + s->person : 0;
        }
        break;
    case W_PROPOSE:
        apply(app, s, (Command){ACT_PROPOSE, app->account, -1, s->idea});
        break;
    case W_DONE:
        app_pop(app);
        break;
    default:
        break;
    }
}

static void i_back(App *app, void *st)
{
    Ideas *s = st;
    if (s->mode == M_PEOPLE) {
        s->mode = M_IDEAS;
        app->focus = W_ROW + s->idea;
        return;
    }
    app_pop(app);
}

static bool i_event(App *app, void *st, const SDL_Event *e)
{
    Ideas *s = st;
    if (e->type == SDL_MOUSEWHEEL) {
        s->scroll -= e->wheel.y;
        if (s->scroll < 0) {
            s->scroll = 0;
        }
        return true;
    }
    if (e->type == SDL_KEYDOWN && s->mode == M_IDEAS && app->focus >= W_ROW && app->focus < W_PERSON) {
        SDL_Scancode sc = e->key.keysym.scancode;
        int n = acc_of(app)->idea_count;
        if (sc == SDL_SCANCODE_UP || sc == SDL_SCANCODE_DOWN) {
            int d = sc == SDL_SCANCODE_UP ? -1 : 1;
            if (s->idea + d >= 0 && s->idea + d < n) {
                s->idea += d;
            }
            app->focus = W_ROW + s->idea;
            app->focus_visible = true;
            return true;
        }
    }
    return false;
}

/* ---- drawing -------------------------------------------------------------------- */

static void approvals_text(App *app, const Idea *idea, char *buf, size_t n)
{
    const Account *acc = acc_of(app);
    buf[0] = '\0';
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if (idea->approval_roles & (1u << i)) {
            snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", buf[0] ? ", " : "",
                     text_role(app->lang, role_from_index(i)));
        }
    }
    for (int k = 0; k < idea->approval_contact_count; k++) {
        snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", buf[0] ? ", " : "",
                 acc->contacts[idea->approval_contacts[k]].name);
    }
    if (!buf[0]) {
        ui_copy(buf, n, text_str(app->lang, S_ANY_SPONSOR));
    }
}

static int label_value(App *app, int x, int y, int w, const char *label, const char *value)
{
    const Theme *t = &app->th;
    gfx_text(app, FACE_BOLD, TS_SMALL, t->text_dim, x, y, label);
    return gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text, (Rect){x + 150, y, w - 150, 60}, value) + 8;
}

static void draw_detail(App *app, Ideas *s, Rect p)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Scenario *sc = app->scn;
    const Account *acc = acc_of(app);
    if (s->idea < 0 || s->idea >= acc->idea_count) {
        return;
    }
    const Idea *idea = &acc->ideas[s->idea];
    gfx_rrect(app, p, 10, t->card);
    gfx_frame(app, p, 10, 1, t->border);
    int x = p.x + 20, w = p.w - 40, y = p.y + 16;
    y += gfx_text_wrap(app, FACE_BOLD, TS_HEAD, t->text, (Rect){x, y, w, 60}, idea->title) + 6;
    if (idea->description && idea->description[0]) {
        y += gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text_dim, (Rect){x, y, w, 60}, idea->description) + 10;
    }
    char money[64], val[128], appr[512];
    text_money(L, idea->value, sc->currency, money, sizeof money);
    text_fmt(val, sizeof val, L, S_VALUE, money);
    y += label_value(app, x, y, w, text_str(L, S_LEVEL), text_level(L, idea->level));
    y += label_value(app, x, y, w, text_str(L, S_PRODUCT), sc->products[idea->product].name);
    y += label_value(app, x, y, w, text_str(L, S_VALUE_LABEL), val);
    approvals_text(app, idea, appr, sizeof appr);
    y += label_value(app, x, y, w, text_str(L, S_APPROVALS), appr);
    char spons[512] = "";
    for (int c = 0; c < acc->contact_count; c++) {
        if (sim_sponsors(app->sim, app->account, s->idea, c)) {
            snprintf(spons + strlen(spons), sizeof spons - strlen(spons), "%s%s", spons[0] ? ", " : "",
                     acc->contacts[c].name);
        }
    }
    if (sim_idea_adopted(app->sim, app->account, s->idea)) {
        snprintf(spons + strlen(spons), sizeof spons - strlen(spons), "%s\xE2\x9C\x93 %s", spons[0] ? " · " : "",
                 text_str(L, S_ADOPTED));
    }
    y += label_value(app, x, y, w, text_str(L, S_SPONSORS), spons[0] ? spons : "—");
    gfx_text(app, FACE_BOLD, TS_SMALL, t->text_dim, x, y + 4, text_str(L, S_ANSWERS));
    y += 24;
    int limit = p.y + p.h - 130;
    for (int k = 0; k < idea->need_count && y < limit; k++) {
        int need = idea->needs[k];
        /* who is known to hold this need */
        char who[256] = "";
        for (int c = 0; c < acc->contact_count; c++) {
            if (sim_need_known(app->sim, app->account, c, need) && sim_contact_has_need(app->sim, app->account, c, need)) {
                snprintf(who + strlen(who), sizeof who - strlen(who), "%s%s", who[0] ? ", " : "", acc->contacts[c].name);
            }
        }
        bool known = who[0] != '\0';
        gfx_text(app, FACE_BOLD, TS_LABEL, known ? t->good : t->text_dim, x, y, known ? "\xE2\x9C\x93" : "\xE2\x80\xA2");
        y += gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text, (Rect){x + 20, y, w - 20, limit - y},
                           acc->needs[need].text) + 2;
        if (known && y < limit) {
            char line[400];
            text_fmt(line, sizeof line, L, S_IDEA_FOR, who);
            gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->good, x + 20, y, w - 20, line);
            y += 18;
        }
        y += 4;
    }
    /* actions */
    int by = p.y + p.h - 64;
    Refusal pr = REFUSE_NONE;
    char label[160], hint[UI_HINT_BYTES];
    if (s->contact >= 0) {
        pr = sim_check(app->sim, (Command){ACT_PITCH, app->account, s->contact, s->idea});
        text_fmt(label, sizeof label, L, S_PITCH_TO, acc->contacts[s->contact].name);
    } else {
        pr = REFUSE_BAD_ARGUMENT;
        for (int c = 0; c < acc->contact_count && pr != REFUSE_NONE; c++) {
            Refusal r = sim_check(app->sim, (Command){ACT_PITCH, app->account, c, s->idea});
            if (r == REFUSE_NONE || c == 0 || pr == REFUSE_NOT_KNOWN || pr == REFUSE_GONE) {
                pr = r;
            }
        }
        ui_copy(label, sizeof label, text_str(L, S_PITCH_ACTION));
    }
    char cost[32];
    text_fmt(cost, sizeof cost, L, S_HOURS_SHORT, sim_cost(app->sim, ACT_PITCH));
    snprintf(label + strlen(label), sizeof label - strlen(label), " · %s", cost);
    if (pr == REFUSE_NONE) {
        ui_copy(hint, sizeof hint, text_action_help(L, ACT_PITCH));
    } else {
        snprintf(hint, sizeof hint, "\xE2\x9A\xA0 %s", text_refusal(L, pr));
    }
    int bw = s->contact >= 0 ? w : (w - 12) / 2;
    ui_button(app, W_PITCH, (Rect){x, by, bw, 44}, label, "3", SDL_SCANCODE_3, pr == REFUSE_NONE, true, hint);
    if (pr != REFUSE_NONE) {
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->bad, x, by - 22, bw, hint);
    } else if (s->contact >= 0) {
        /* the odds in words, from what the trainee can see, above the button */
        char odds[UI_HINT_BYTES / 2], line[UI_HINT_BYTES];
        text_pitch_odds(L, odds_pitch(app->sim, app->account, s->contact, s->idea), odds, sizeof odds);
        snprintf(line, sizeof line, "%s %s", text_str(L, S_ODDS), odds);
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, x, by - 22, bw, line);
    }
    if (s->contact < 0) {
        Refusal rr = sim_check(app->sim, (Command){ACT_PROPOSE, app->account, -1, s->idea});
        text_fmt(cost, sizeof cost, L, S_HOURS_SHORT, sim_cost(app->sim, ACT_PROPOSE));
        snprintf(label, sizeof label, "%s · %s", text_str(L, S_PROPOSE_ACTION), cost);
        if (rr == REFUSE_NONE) {
            ui_copy(hint, sizeof hint, text_action_help(L, ACT_PROPOSE));
        } else {
            snprintf(hint, sizeof hint, "\xE2\x9A\xA0 %s", text_refusal(L, rr));
        }
        ui_button(app, W_PROPOSE, (Rect){x + bw + 12, by, bw, 44}, label, "6", SDL_SCANCODE_6, rr == REFUSE_NONE,
                  false, hint);
        if (rr != REFUSE_NONE) {
            gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->bad, x + bw + 12, by - 22, bw, hint);
        }
    }
}

static void draw_idea_rows(App *app, Ideas *s, Rect list)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    const Account *acc = acc_of(app);
    int rows = list.h / (ROW_H + 6);
    if (s->idea < s->scroll) {
        s->scroll = s->idea;
    }
    if (s->idea >= s->scroll + rows) {
        s->scroll = s->idea - rows + 1;
    }
    if (s->scroll > acc->idea_count - rows) {
        s->scroll = acc->idea_count - rows > 0 ? acc->idea_count - rows : 0;
    }
    for (int i = s->scroll; i < acc->idea_count && i < s->scroll + rows; i++) {
        const Idea *idea = &acc->ideas[i];
        Rect r = {list.x, list.y + (i - s->scroll) * (ROW_H + 6), list.w, ROW_H};
        WState ws = ui_widget(app, W_ROW + i, r, SDL_SCANCODE_UNKNOWN, true, idea->title);
        bool sel = i == s->idea;
        gfx_rrect(app, r, 8, sel ? gfx_mix(t->accent, t->card, 86) : ws.hover ? t->card_hover : t->card);
        gfx_frame(app, r, 8, sel ? 2 : 1, sel ? t->accent : t->border);
        bool adopted = sim_idea_adopted(app->sim, app->account, i);
        int sponsors = sim_sponsor_count(app->sim, app->account, i);
        bool fit = false;
        if (s->contact >= 0) {
            fit = fits(app, i, s->contact);
        } else {
            for (int c = 0; c < acc->contact_count && !fit; c++) {
                fit = sim_contact_status(app->sim, app->account, c) == STATUS_KNOWN && fits(app, i, c);
            }
        }
        const char *mark = adopted ? "\xE2\x9C\x93" : fit ? "\xE2\x97\x8F" : "";
        gfx_text(app, FACE_BOLD, TS_BODY, adopted ? t->good : t->accent, r.x + 10, r.y + 6, mark);
        gfx_text_fit(app, FACE_BOLD, TS_LABEL, t->text, r.x + 30, r.y + 6, r.w - 150, idea->title);
        char money[64], meta[256];
        text_money(L, idea->value, app->scn->currency, money, sizeof money);
        ui_copy(meta, sizeof meta, text_level(L, idea->level));
        if (adopted || fit) {
            snprintf(meta + strlen(meta), sizeof meta - strlen(meta), " · %s",
                     adopted ? text_str(L, S_ADOPTED) : text_str(L, S_FITS_KNOWN_NEED));
        }
        if (sponsors > 0 && !adopted) {
            snprintf(meta + strlen(meta), sizeof meta - strlen(meta), " · %s %d", text_str(L, S_SPONSORS), sponsors);
        }
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, t->text_dim, r.x + 30, r.y + 27, r.w - 150, meta);
        int mw = gfx_measure(app, FACE_BOLD, TS_LABEL, money, NULL);
        gfx_text(app, FACE_BOLD, TS_LABEL, t->text, r.x + r.w - mw - 12, r.y + 15, money);
        if (ws.focus) {
            gfx_frame(app, (Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, 10, 3, t->focus);
        }
    }
}

static void draw_people(App *app, Ideas *s, Rect list)
{
    const Theme *t = &app->th;
    const Account *acc = acc_of(app);
    int y = list.y;
    for (int c = 0; c < acc->contact_count; c++) {
        if (sim_contact_status(app->sim, app->account, c) != STATUS_KNOWN) {
            continue;
        }
        if (y + ROW_H > list.y + list.h) {
            break;
        }
        const Contact *ct = &acc->contacts[c];
        Refusal r = sim_check(app->sim, (Command){ACT_PITCH, app->account, c, s->idea});
        Rect rr = {list.x, y, list.w, ROW_H};
        char hint[UI_HINT_BYTES];
        if (r == REFUSE_NONE) {
            text_fmt(hint, sizeof hint, app->lang, S_PITCH_TO, ct->name);
        } else {
            snprintf(hint, sizeof hint, "\xE2\x9A\xA0 %s", text_refusal(app->lang, r));
        }
        WState ws = ui_widget(app, W_PERSON + c, rr, SDL_SCANCODE_UNKNOWN, r == REFUSE_NONE, hint);
        bool sel = c == s->person;
        gfx_rrect(app, rr, 8, r != REFUSE_NONE ? t->panel_alt : sel ? gfx_mix(t->accent, t->card, 86)
                                 : ws.hover ? t->card_hover : t->card);
        gfx_frame(app, rr, 8, sel ? 2 : 1, sel ? t->accent : t->border);
        bool fit = fits(app, s->idea, c);
        gfx_text(app, FACE_BOLD, TS_BODY, t->accent, rr.x + 10, rr.y + 6, fit ? "\xE2\x97\x8F" : "");
        gfx_text_fit(app, FACE_BOLD, TS_LABEL, r == REFUSE_NONE ? t->text : t->text_dim, rr.x + 30, rr.y + 6,
                     rr.w - 200, ct->name);
        char meta[400];
        if (r != REFUSE_NONE) {
            snprintf(meta, sizeof meta, "\xE2\x9A\xA0 %s", text_refusal(app->lang, r));
        } else {
            char odds[256];
            text_pitch_odds(app->lang, odds_pitch(app->sim, app->account, c, s->idea), odds, sizeof odds);
            snprintf(meta, sizeof meta, "%s%s%s · %s", ct->title, fit ? " · " : "",
                     fit ? text_str(app->lang, S_FITS_KNOWN_NEED) : "", odds);
        }
        gfx_text_fit(app, FACE_REGULAR, TS_SMALL, r == REFUSE_NONE ? t->text_dim : t->bad, rr.x + 30, rr.y + 27,
                     rr.w - 200, meta);
        ui_bar(app, (Rect){rr.x + rr.w - 160, rr.y + 20, 148, 10}, sim_relationship(app->sim, app->account, c),
               sim_engaged(app->sim, app->account, c) ? t->good : t->role[1], true);
        if (ws.focus) {
            gfx_frame(app, (Rect){rr.x - 3, rr.y - 3, rr.w + 6, rr.h + 6}, 10, 3, t->focus);
        }
        y += ROW_H + 6;
    }
}

static void draw_result(App *app, Ideas *s, Rect p)
{
    const Theme *t = &app->th;
    Lang L = app->lang;
    gfx_rrect(app, p, 10, t->card);
    gfx_frame(app, p, 10, 2, t->accent);
    int x = p.x + 28, w = p.w - 56, y = p.y + 24;
    size_t jn, cn;
    const JournalEntry *j = sim_journal(app->sim, &jn);
    const ScoreChange *ch = sim_score_changes(app->sim, &cn);
    bool won = false;
    for (size_t k = s->result_from; k < jn; k++) {
        won = won || j[k].kind == J_PITCH_WON || j[k].kind == J_PROPOSE_WON;
        bool speaks = j[k].kind == J_MEET || j[k].kind == J_PITCH_WON || j[k].kind == J_PITCH_LOST
                      || j[k].kind == J_REFERRAL_WON || j[k].kind == J_REFERRAL_LOST || j[k].kind == J_CONTACT_LEFT;
        if (speaks && j[k].contact >= 0) {
            const Contact *ct = &app->scn->accounts[j[k].account].contacts[j[k].contact];
            gfx_text(app, FACE_BOLD, TS_SMALL, t->text_dim, x, y, text_str(L, S_REACTION));
            y += 22;
            char said[600];
            const char *line = text_dialogue(L, app->sim, &j[k], said, sizeof said);
            if (line) {
                char q[800];
                snprintf(q, sizeof q, "«%s»", line);
                y += gfx_text_wrap(app, FACE_BOLD, TS_HEAD, t->text, (Rect){x, y, w, 140}, q) + 6;
            }
            char who[300];
            snprintf(who, sizeof who, "— %s, %s", ct->name, ct->title);
            y += gfx_text_wrap(app, FACE_REGULAR, TS_LABEL, t->text_dim, (Rect){x, y, w, 40}, who) + 20;
        }
    }
    gfx_text(app, FACE_BOLD, TS_SMALL, t->text_dim, x, y, text_str(L, S_EFFECT));
    y += 22;
    for (size_t k = s->result_from; k < jn; k++) {
        char line[600];
        text_journal(L, app->sim, &j[k], line, sizeof line);
        gfx_text(app, FACE_BOLD, TS_BODY, won ? t->good : t->bad, x, y, won ? "\xE2\x9C\x93" : "\xE2\x9C\x97");
        y += gfx_text_wrap(app, FACE_REGULAR, TS_BODY, t->text, (Rect){x + 24, y, w - 24, 80}, line) + 6;
    }
    for (size_t c = s->changes_from; c < cn; c++) {
        char line[300];
        text_score_change(L, &ch[c], line, sizeof line);
        char full[400];
        snprintf(full, sizeof full, "\xE2\x86\x92 %s", line);
        y += gfx_text_wrap(app, FACE_BOLD, TS_LABEL, ch[c].total >= 0 ? t->good : t->bad,
                           (Rect){x + 24, y, w - 24, 60}, full) + 4;
    }
    ui_button(app, W_DONE, (Rect){x, p.y + p.h - 68, w, 44}, text_str(L, S_BACK_TO_BOARD),
              "Enter", SDL_SCANCODE_UNKNOWN, true, true, text_str(L, S_BACK));
}

static void i_draw(App *app, void *st)
{
    Ideas *s = st;
    Lang L = app->lang;
    const Account *acc = acc_of(app);
    char title[256], sub[512], hours[64];
    if (s->contact >= 0) {
        text_fmt(title, sizeof title, L, S_PITCH_TO, acc->contacts[s->contact].name);
    } else {
        snprintf(title, sizeof title, "%s · %s", text_str(L, S_IDEAS), acc->name);
    }
    text_hours(hours, sizeof hours, L, sim_hours_left(app->sim), true);
    if (s->mode == M_PEOPLE) {
        char q[400];
        text_fmt(q, sizeof q, L, S_CHOOSE_PERSON, acc->ideas[s->idea].title);
        snprintf(sub, sizeof sub, "%s · %s", q, hours);
    } else {
        snprintf(sub, sizeof sub, "%s · %s", text_str(L, S_CHOOSE_IDEA), hours);
    }
    int top = ui_header(app, title, sub);
    int bottom = app->H - UI_HINT_BAR_H;
    int lw = app->W * 46 / 100;
    Rect list = {24, top + 16, lw - 36, bottom - top - 32};
    Rect det = {lw, top + 16, app->W - lw - 24, bottom - top - 32};
    if (s->mode == M_PEOPLE) {
        draw_people(app, s, list);
    } else {
        draw_idea_rows(app, s, list);
    }
    if (s->mode == M_RESULT) {
        draw_result(app, s, det);
    } else if (s->mode == M_IDEAS) {
        draw_detail(app, s, det);
    } else {
        draw_detail(app, s, det);
        /* the pitch button is not the way from here: choosing a person is */
    }
    app->keys_help = text_str(L, S_KEYS_LIST);
}

static bool i_event_wrap(App *app, void *st, const SDL_Event *e)
{
    Ideas *s = st;
    if (s->mode == M_RESULT && e->type == SDL_KEYDOWN
        && (e->key.keysym.scancode == SDL_SCANCODE_RETURN || e->key.keysym.scancode == SDL_SCANCODE_KP_ENTER)) {
        app_pop(app);
        return true;
    }
    return i_event(app, st, e);
}

static const ScreenVt VT = {"ideas", false, i_enter, NULL, i_action, i_back, i_event_wrap, i_draw, false};

void screen_ideas_push(App *app, int contact)
{
    Ideas *s = calloc(1, sizeof *s);
    if (s) {
        s->contact = contact;
        s->person = -1;
        app_push(app, &VT, s);
    }
}
