/* The scenario map (map_html.h): the page builder, pure from the scenario and
 * its diagnostics to bytes, and writing it through the platform layer.
 *
 * Layout is arithmetic on the scenario's order alone (no hashing, no clock),
 * so the same file gives the same bytes. Per account: the departments as
 * regions in rows of up to four, each holding its people as cards in file
 * order; referral arrows drawn over them; then the needs and the ideas that
 * answer them, the ideas with their approvals, and the events on a week line.
 * A diagnostic whose JSON path names a contact, idea, event, need or
 * department (accounts[A].contacts[C]...) is drawn on that thing and listed at
 * the top with a link to it. Everything from the scenario is escaped for XML;
 * the page is well-formed XHTML as well as HTML. */
#define _POSIX_C_SOURCE 200809L
#include "map_html.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"

#include "keyaccounts/scenario.h"

/* Okabe-Ito, as the window and the report use them. */
#define C_ORANGE "#E69F00"
#define C_SKY "#56B4E9"
#define C_GREEN "#009E73"
#define C_BLUE "#0072B2"
#define C_VERMILLION "#D55E00"
#define C_PURPLE "#CC79A7"
#define C_WARN_TEXT "#B04600"

enum {
    SVG_MARGIN = 16,
    REGION_GAP = 16,
    REGION_MAX_W = 420,
    REGION_HEAD = 36,
    REGION_PAD = 12,
    CARD_GAP = 10,
    LINE_H = 18,
    NAME_H = 22,
    MAP_WIDTH = 1360,
    MAX_COLUMNS = 4,
    CARD_NEEDS_SHOWN = 6,
    CARD_WARNINGS_SHOWN = 3,
    EVENT_LABEL_W = 300,
    EVENT_LANE_H = 28,
    EVENT_AXIS_H = 30,
};

typedef enum Target { T_NONE, T_CONTACT, T_IDEA, T_EVENT, T_NEED, T_DEPARTMENT } Target;

typedef struct DiagRef {
    int account;
    Target target;
    int item;
} DiagRef;

typedef struct Box {
    int x, y, w, h;
} Box;

typedef struct Map {
    MapPage *p;
    const Scenario *s;
    const Diagnostics *d;
    DiagRef *refs; /* one per stored diagnostic */
    Lang L;
} Map;

/* ---- bytes ---------------------------------------------------------------------- */

static void put_n(MapPage *p, const char *s, size_t n)
{
    if (p->oom) {
        return;
    }
    if (p->len + n + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 16384;
        while (cap < p->len + n + 1) {
            cap *= 2;
        }
        char *data = realloc(p->data, cap);
        if (!data) {
            p->oom = true;
            return;
        }
        p->data = data;
        p->cap = cap;
    }
    memcpy(p->data + p->len, s, n);
    p->len += n;
    p->data[p->len] = '\0';
}

static void put(MapPage *p, const char *s)
{
    put_n(p, s, strlen(s));
}

static void putf(MapPage *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(MapPage *p, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* every format here is short and carries no scenario text */
    if (n > 0) {
        put_n(p, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
    }
}

/* Text or an attribute value: XML's five characters escaped, control
 * characters other than tab and line end dropped (XML does not allow them). */
static void esc_n(MapPage *p, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; s && i < n; i++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: rep = c < 0x20 && c != '\n' && c != '\t' ? "" : NULL; break;
        }
        if (rep) {
            put_n(p, s + start, i - start);
            put(p, rep);
            start = i + 1;
        }
    }
    if (s && n > start) {
        put_n(p, s + start, n - start);
    }
}

static void esc(MapPage *p, const char *s)
{
    esc_n(p, s, s ? strlen(s) : 0);
}

/* Characters (code points) of UTF-8 text; the loader has checked it. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++) {
        n += ((unsigned char)*s & 0xC0) != 0x80;
    }
    return n;
}

/* Byte length of the first `keep` characters of s. */
static size_t prefix_bytes(const char *s, size_t keep)
{
    size_t i = 0, seen = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (seen == keep) {
                break;
            }
            seen++;
        }
        i++;
    }
    return i;
}

/* SVG text content of at most max characters: shortened with an ellipsis and
 * the whole text in a <title> (the tooltip) when longer. */
static void svg_text(MapPage *p, const char *s, size_t max)
{
    if (chars(s) <= max) {
        esc(p, s);
        return;
    }
    put(p, "<title>");
    esc(p, s);
    put(p, "</title>");
    esc_n(p, s, prefix_bytes(s, max > 1 ? max - 1 : 0));
    put(p, "\xE2\x80\xA6");
}

/* Scenario text in HTML, isolated for bidirectional text. */
static void bdi(MapPage *p, const char *s)
{
    put(p, "<bdi>");
    esc(p, s);
    put(p, "</bdi>");
}

/* How many characters of text px pixels high fit in w pixels: DejaVu Sans
 * averages about 0.58 em a character in English and Russian text. */
static size_t fit(int w, int px)
{
    int n = w * 100 / (px * 58);
    return n > 4 ? (size_t)n : 4;
}

/* ---- diagnostics on the map ------------------------------------------------------- */

static DiagRef ref_of(const Diagnostic *g)
{
    DiagRef r = {-1, T_NONE, -1};
    char kind[16];
    int a = -1, i = -1;
    if (g->path && sscanf(g->path, "accounts[%d].%15[a-z][%d]", &a, kind, &i) == 3) {
        static const struct {
            const char *key;
            Target t;
        } KINDS[] = {{"contacts", T_CONTACT}, {"ideas", T_IDEA}, {"events", T_EVENT},
                     {"needs", T_NEED}, {"departments", T_DEPARTMENT}};
        for (size_t k = 0; k < sizeof KINDS / sizeof KINDS[0]; k++) {
            if (strcmp(kind, KINDS[k].key) == 0) {
                r = (DiagRef){a, KINDS[k].t, i};
            }
        }
    }
    return r;
}

static size_t diag_count(const Map *m, int account, Target t, int item)
{
    size_t n = 0;
    for (size_t k = 0; m->d && k < m->d->count; k++) {
        n += m->refs[k].account == account && m->refs[k].target == t && m->refs[k].item == item;
    }
    return n;
}

static const char *anchor_prefix(Target t)
{
    switch (t) {
    case T_CONTACT: return "c";
    case T_IDEA: return "i";
    case T_EVENT: return "e";
    case T_NEED: return "n";
    case T_DEPARTMENT: return "d";
    case T_NONE: break;
    }
    return "";
}

/* "⚠ KA401: message" lines of one thing, in an HTML cell. */
static void html_warnings(const Map *m, int account, Target t, int item)
{
    for (size_t k = 0; m->d && k < m->d->count; k++) {
        const DiagRef *r = &m->refs[k];
        if (r->account == account && r->target == t && r->item == item) {
            const Diagnostic *g = &m->d->items[k];
            putf(m->p, "<div class=\"warn\">\xE2\x9A\xA0 %s: ", g->code);
            esc(m->p, g->message);
            put(m->p, "</div>");
        }
    }
}

static void warnings_list(const Map *m)
{
    MapPage *p = m->p;
    putf(p, "<h2 id=\"warnings\">%s (%zu)</h2>\n", text_str(m->L, T_MAP_WARNINGS), m->d ? m->d->count : 0);
    if (!m->d || m->d->count == 0) {
        putf(p, "<p class=\"ok\">\xE2\x9C\x93 %s</p>\n", text_str(m->L, T_MAP_NO_WARNINGS));
        return;
    }
    put(p, "<ul class=\"warnings\">\n");
    for (size_t k = 0; k < m->d->count; k++) {
        const Diagnostic *g = &m->d->items[k];
        const DiagRef *r = &m->refs[k];
        put(p, "<li>\xE2\x9A\xA0 ");
        if (r->target != T_NONE) {
            putf(p, "<a href=\"#a%d-%s%d\">", r->account, anchor_prefix(r->target), r->item);
        }
        putf(p, "%d:%d %s [%s]", g->line, g->column,
             g->severity == SEV_ERROR ? "error" : text_str(m->L, T_MAP_WARNING), g->code);
        if (r->target != T_NONE) {
            put(p, "</a>");
        }
        if (g->path && g->path[0]) {
            put(p, " <code>");
            esc(p, g->path);
            put(p, "</code>");
        }
        put(p, ": ");
        esc(p, g->message);
        put(p, "</li>\n");
    }
    if (m->d->dropped) {
        putf(p, "<li>+%zu</li>\n", m->d->dropped);
    }
    put(p, "</ul>\n");
}

/* ---- what the scenario says, as short text ------------------------------------------------ */

static bool idea_answers(const Idea *idea, int need)
{
    for (int k = 0; k < idea->need_count; k++) {
        if (idea->needs[k] == need) {
            return true;
        }
    }
    return false;
}

static bool need_answered(const Account *a, int need)
{
    for (int i = 0; i < a->idea_count; i++) {
        if (idea_answers(&a->ideas[i], need)) {
            return true;
        }
    }
    return false;
}

/* The first event that brings contact c, or -1. */
static int arrival_event(const Account *a, int c)
{
    for (int e = 0; e < a->event_count; e++) {
        for (int k = 0; k < a->events[e].effect_count; k++) {
            const Effect *f = &a->events[e].effects[k];
            if (f->kind == EFFECT_CONTACT_ARRIVES && f->contact == c) {
                return e;
            }
        }
    }
    return -1;
}

static const char *contact_name(const Account *a, int c)
{
    return c >= 0 && c < a->contact_count ? a->contacts[c].name : "?";
}

static const char *need_text(const Account *a, int n)
{
    return n >= 0 && n < a->need_count ? a->needs[n].text : "?";
}

static void cond_text(const Account *a, const Condition *c, char *buf, size_t n)
{
    const char *key = condition_key(c->kind);
    switch (c->kind) {
    case COND_CONTACT_KNOWN:
    case COND_CONTACT_UNKNOWN:
        snprintf(buf, n, "%s: %s", key, contact_name(a, c->contact));
        break;
    case COND_RELATIONSHIP_BELOW:
    case COND_RELATIONSHIP_AT_LEAST:
        snprintf(buf, n, "%s: %s, %d", key, contact_name(a, c->contact), c->value);
        break;
    case COND_IDEA_ADOPTED:
    case COND_IDEA_NOT_ADOPTED:
        snprintf(buf, n, "%s: %s", key, c->idea >= 0 && c->idea < a->idea_count ? a->ideas[c->idea].title : "?");
        break;
    case COND_ENGAGED_BELOW:
    case COND_ENGAGED_AT_LEAST:
    case COND_NO_SERVICE_FOR:
        snprintf(buf, n, "%s: %d", key, c->value);
        break;
    case COND_SUBSCORE_BELOW:
    case COND_SUBSCORE_AT_LEAST:
        snprintf(buf, n, "%s: %s, %d", key, subscore_key(c->subscore), c->value);
        break;
    case COND_ALWAYS:
    case COND_COUNT:
        snprintf(buf, n, "%s", key);
        break;
    }
}

static void effect_text(const Account *a, const Effect *f, char *buf, size_t n)
{
    const char *key = effect_key(f->kind);
    switch (f->kind) {
    case EFFECT_CONTACT_LEAVES:
        snprintf(buf, n, "%s: %s", key, contact_name(a, f->contact));
        break;
    case EFFECT_CONTACT_ARRIVES:
        snprintf(buf, n, "%s: %s%s", key, contact_name(a, f->contact), f->known ? " (known)" : "");
        break;
    case EFFECT_COMPETITOR:
    case EFFECT_BUDGET_FREEZE:
        snprintf(buf, n, "%s: %d", key, f->weeks);
        break;
    case EFFECT_NEED_CHANGES:
        snprintf(buf, n, "%s: %s%s%s%s%s", key, contact_name(a, f->contact),
                 f->need_removed >= 0 ? " \xE2\x88\x92" : "",
                 f->need_removed >= 0 ? need_text(a, f->need_removed) : "", f->need_added >= 0 ? " +" : "",
                 f->need_added >= 0 ? need_text(a, f->need_added) : "");
        break;
    case EFFECT_RELATIONSHIP:
        snprintf(buf, n, "%s: %s %+d", key, contact_name(a, f->contact), f->amount);
        break;
    case EFFECT_COUNT:
        snprintf(buf, n, "%s", key);
        break;
    }
}

/* ---- the people: departments as regions, cards, referral arrows ----------------------------- */

static const char *const ROLE_COLOUR[ROLE_KIND_COUNT] = {C_BLUE, C_ORANGE, C_GREEN, C_PURPLE};
static const char *const ROLE_SYMBOL[ROLE_KIND_COUNT] = {"\xE2\x97\x86", "\xE2\x96\xA0", "\xE2\x97\x8F",
                                                          "\xE2\x96\xB2"}; /* ◆ ■ ● ▲ */

static int card_lines(const Map *m, int account, int c)
{
    const Contact *p = &m->s->accounts[account].contacts[c];
    int needs = p->need_count > CARD_NEEDS_SHOWN ? CARD_NEEDS_SHOWN + 1 : p->need_count;
    size_t w = diag_count(m, account, T_CONTACT, c);
    int warns = w > CARD_WARNINGS_SHOWN ? CARD_WARNINGS_SHOWN + 1 : (int)w;
    /* name, title, roles (when any), mood, influence, relationship, status,
     * whom they introduce (when anyone) */
    return 6 + (p->roles != 0) + (p->refer_count > 0) + needs + warns;
}

static int card_height(int lines)
{
    return 10 + NAME_H + (lines - 1) * LINE_H + 8;
}

/* One line of a card at baseline y. */
static void card_line(MapPage *p, int x, int y, const char *cls, const char *s, size_t max)
{
    putf(p, "<text x=\"%d\" y=\"%d\" class=\"%s\">", x, y, cls);
    svg_text(p, s, max);
    put(p, "</text>\n");
}

static void draw_card(const Map *m, int account, int c, Box b)
{
    MapPage *p = m->p;
    Lang L = m->L;
    const Account *a = &m->s->accounts[account];
    const Contact *who = &a->contacts[c];
    size_t warned = diag_count(m, account, T_CONTACT, c);
    int arrival = who->present ? -1 : arrival_event(a, c);
    const char *frame = who->main ? "main" : who->known && who->present ? "known" : !who->present ? "later" : "unknown";
    putf(p, "<g id=\"a%d-c%d\" class=\"card %s%s\">\n", account, c, frame, warned ? " warned" : "");
    putf(p, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\"/>\n", b.x, b.y, b.w, b.h);
    int x = b.x + 10, y = b.y + 10 + 16;
    size_t wide = fit(b.w - 20, 14), wide_name = fit(b.w - 20, 21); /* bold 17 px */
    putf(p, "<text x=\"%d\" y=\"%d\" class=\"name\">", x, y);
    if (who->main) {
        put(p, "<tspan class=\"star\">\xE2\x98\x85 </tspan>");
        wide_name -= 2;
    }
    svg_text(p, who->name, wide_name);
    put(p, "</text>\n");
    y += NAME_H - 2;
    card_line(p, x, y, "dim", who->title, wide);
    if (who->roles) {
        y += LINE_H;
        int shown = 0;
        for (int r = 0; r < ROLE_KIND_COUNT; r++) {
            shown += (who->roles & role_from_index(r)) != 0;
        }
        putf(p, "<text x=\"%d\" y=\"%d\" class=\"roles\">", x, y);
        if (shown > 2) {
            put(p, "<title>");
            for (int r = 0, first = 1; r < ROLE_KIND_COUNT; r++) {
                if (who->roles & role_from_index(r)) {
                    putf(p, "%s%s", first ? "" : ", ", text_role(L, role_from_index(r)));
                    first = 0;
                }
            }
            put(p, "</title>");
        }
        for (int r = 0, first = 1; r < ROLE_KIND_COUNT; r++) {
            if (who->roles & role_from_index(r)) {
                putf(p, "<tspan fill=\"%s\">%s%s</tspan>", ROLE_COLOUR[r], first ? "" : "  ", ROLE_SYMBOL[r]);
                if (shown <= 2) {
                    putf(p, " %s", text_role_short(L, role_from_index(r)));
                }
                first = 0;
            }
        }
        put(p, "</text>\n");
    }
    y += LINE_H;
    putf(p, "<text x=\"%d\" y=\"%d\">%s: %s</text>\n", x, y, text_str(L, S_MODE), text_mode(L, who->mode));
    y += LINE_H;
    putf(p, "<text x=\"%d\" y=\"%d\">%s <tspan class=\"dots\">", x, y, text_str(L, S_INFLUENCE));
    for (int k = 1; k <= 5; k++) {
        put(p, k <= who->influence ? "\xE2\x97\x8F" : "\xE2\x97\x8B"); /* ● ○ */
    }
    putf(p, "</tspan> %d</text>\n", who->influence);
    y += LINE_H;
    putf(p, "<text x=\"%d\" y=\"%d\">%s %d</text>\n", x, y, text_str(L, S_RELATIONSHIP), who->relationship);
    int bar_w = 80, bar_x = b.x + b.w - 10 - bar_w;
    putf(p, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"8\" class=\"bar\"/>"
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"8\" class=\"fill\"/>\n",
         bar_x, y - 8, bar_w, bar_x, y - 8, who->relationship * bar_w / 100);
    y += LINE_H;
    char status[512];
    size_t used = 0;
    status[0] = '\0';
    if (who->main) {
        used += (size_t)snprintf(status + used, sizeof status - used, "%s", text_str(L, S_MAIN_CONTACT));
    } else if (who->known && who->present) {
        used += (size_t)snprintf(status + used, sizeof status - used, "%s", text_str(L, T_MAP_KNOWN));
    }
    if (arrival >= 0 && used < sizeof status) {
        char what[256];
        const Event *e = &a->events[arrival];
        text_fmt(what, sizeof what, L, T_MAP_ARRIVES, e->id, e->from_week);
        used += (size_t)snprintf(status + used, sizeof status - used, "%s%s", used ? " \xC2\xB7 " : "", what);
    }
    if (who->findable && used < sizeof status) {
        used += (size_t)snprintf(status + used, sizeof status - used, "%s%s", used ? " \xC2\xB7 " : "",
                                 text_str(L, T_MAP_FINDABLE));
    }
    if (used == 0) {
        snprintf(status, sizeof status, "%s", text_str(L, T_MAP_HIDDEN));
    }
    card_line(p, x, y, "status", status, wide);
    if (who->refer_count > 0) {
        char line[2048];
        size_t k = (size_t)snprintf(line, sizeof line, "\xE2\x9F\xB6 ");
        for (int r = 0; r < who->refer_count && k < sizeof line; r++) {
            k += (size_t)snprintf(line + k, sizeof line - k, "%s%s", r ? ", " : "", contact_name(a, who->refers[r]));
        }
        y += LINE_H;
        card_line(p, x, y, "refers", line, wide);
    }
    for (int k = 0; k < who->need_count && k <= CARD_NEEDS_SHOWN; k++) {
        y += LINE_H;
        if (k == CARD_NEEDS_SHOWN) {
            putf(p, "<text x=\"%d\" y=\"%d\" class=\"dim\">+%d</text>\n", x, y, who->need_count - k);
            break;
        }
        int need = who->needs[k];
        bool answered = need_answered(a, need);
        char line[1024];
        snprintf(line, sizeof line, "%s %s", answered ? "\xE2\x80\xA2" : "\xE2\x9A\xA0", need_text(a, need));
        card_line(p, x, y, answered ? "need" : "need bad", line, wide);
    }
    size_t shown = 0;
    for (size_t k = 0; m->d && k < m->d->count; k++) {
        const DiagRef *r = &m->refs[k];
        if (r->account != account || r->target != T_CONTACT || r->item != c) {
            continue;
        }
        y += LINE_H;
        if (shown == CARD_WARNINGS_SHOWN) {
            putf(p, "<text x=\"%d\" y=\"%d\" class=\"warn\">+%zu</text>\n", x, y, warned - shown);
            break;
        }
        const Diagnostic *g = &m->d->items[k];
        char line[1200];
        snprintf(line, sizeof line, "\xE2\x9A\xA0 %s: %s", g->code, g->message);
        card_line(p, x, y, "warn", line, wide);
        shown++;
    }
    put(p, "</g>\n");
}

/* The point where the segment from the centre of b towards (tx, ty) leaves b. */
static void edge_point(Box b, int tx, int ty, int *x, int *y)
{
    int cx = b.x + b.w / 2, cy = b.y + b.h / 2;
    long dx = tx - cx, dy = ty - cy;
    if (dx == 0 && dy == 0) {
        *x = cx;
        *y = cy;
        return;
    }
    /* scale so that |dx| reaches w/2 or |dy| reaches h/2, whichever first */
    long ax = dx < 0 ? -dx : dx, ay = dy < 0 ? -dy : dy;
    if (ax * b.h >= ay * b.w) {
        *x = cx + (int)(dx > 0 ? b.w / 2 : -(b.w / 2));
        *y = cy + (int)(dy * (b.w / 2) / ax);
    } else {
        *y = cy + (int)(dy > 0 ? b.h / 2 : -(b.h / 2));
        *x = cx + (int)(dx * (b.h / 2) / ay);
    }
}

static void draw_arrow(MapPage *p, int account, Box from, Box to)
{
    int fx = from.x + from.w / 2, fy = from.y + from.h / 2, tx = to.x + to.w / 2, ty = to.y + to.h / 2;
    int x1, y1, x2, y2;
    if (from.x == to.x) {
        /* the same column: out of the right edges, bowed into the gap */
        x1 = from.x + from.w;
        y1 = fy;
        x2 = to.x + to.w;
        y2 = ty;
        int bow = 28 + (y2 > y1 ? y2 - y1 : y1 - y2) / 12;
        putf(p, "<path d=\"M%d %d C%d %d %d %d %d %d\" marker-end=\"url(#arrow%d)\"/>\n", x1, y1, x1 + bow, y1,
             x2 + bow, y2, x2 + 2, y2, account);
        return;
    }
    edge_point(from, tx, ty, &x1, &y1);
    edge_point(to, fx, fy, &x2, &y2);
    putf(p, "<path d=\"M%d %d L%d %d\" marker-end=\"url(#arrow%d)\"/>\n", x1, y1, x2, y2, account);
}

static void people_map(const Map *m, int account)
{
    MapPage *p = m->p;
    const Account *a = &m->s->accounts[account];
    int nd = a->department_count;
    int cols = nd <= MAX_COLUMNS ? nd : nd <= 6 ? 3 : MAX_COLUMNS;
    cols = cols > 0 ? cols : 1;
    int rw = (MAP_WIDTH - 2 * SVG_MARGIN - (cols - 1) * REGION_GAP) / cols;
    rw = rw > REGION_MAX_W ? REGION_MAX_W : rw;
    int width = 2 * SVG_MARGIN + cols * rw + (cols - 1) * REGION_GAP;
    Box *cards = calloc((size_t)a->contact_count + 1, sizeof *cards);
    Box *regions = calloc((size_t)nd + 1, sizeof *regions);
    if (!cards || !regions) {
        free(cards);
        free(regions);
        p->oom = true;
        return;
    }
    /* place: regions row by row, cards down each region in file order */
    int y = SVG_MARGIN;
    for (int row = 0; row * cols < nd; row++) {
        int tallest = 0;
        for (int k = 0; k < cols && row * cols + k < nd; k++) {
            int dep = row * cols + k;
            Box r = {SVG_MARGIN + k * (rw + REGION_GAP), y, rw, REGION_HEAD};
            int cy = y + REGION_HEAD;
            for (int c = 0; c < a->contact_count; c++) {
                if (a->contacts[c].department == dep) {
                    int h = card_height(card_lines(m, account, c));
                    cards[c] = (Box){r.x + REGION_PAD, cy, rw - 2 * REGION_PAD, h};
                    cy += h + CARD_GAP;
                }
            }
            r.h = cy - y + REGION_PAD - CARD_GAP;
            r.h = r.h < REGION_HEAD + 20 ? REGION_HEAD + 20 : r.h;
            regions[dep] = r;
            tallest = r.h > tallest ? r.h : tallest;
        }
        for (int k = 0; k < cols && row * cols + k < nd; k++) {
            regions[row * cols + k].h = tallest;
        }
        y += tallest + REGION_GAP;
    }
    int height = y - REGION_GAP + SVG_MARGIN;
    putf(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"people\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" role=\"img\">\n",
         width, height, width, height);
    putf(p, "<defs><marker id=\"arrow%d\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" "
            "markerHeight=\"8\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"" C_BLUE "\"/></marker></defs>\n",
         account);
    for (int dep = 0; dep < nd; dep++) {
        Box r = regions[dep];
        const Department *d = &a->departments[dep];
        size_t warned = diag_count(m, account, T_DEPARTMENT, dep);
        putf(p, "<g id=\"a%d-d%d\" class=\"region%s\">", account, dep, warned ? " warned" : "");
        putf(p, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"12\"/>", r.x, r.y, r.w, r.h);
        putf(p, "<text x=\"%d\" y=\"%d\" class=\"dept\">", r.x + 12, r.y + 24);
        if (d->description[0]) {
            put(p, "<title>");
            esc(p, d->description);
            put(p, "</title>");
        }
        svg_text(p, d->name, fit(r.w - 24, 21)); /* bold 18 px */
        put(p, "</text></g>\n");
    }
    /* the arrows under the cards: a line between distant cards shows in the
     * gaps, and each card also names whom its person introduces */
    put(p, "<g class=\"arrows\">\n");
    for (int c = 0; c < a->contact_count; c++) {
        for (int k = 0; k < a->contacts[c].refer_count; k++) {
            int to = a->contacts[c].refers[k];
            if (to >= 0 && to < a->contact_count && to != c) {
                draw_arrow(p, account, cards[c], cards[to]);
            }
        }
    }
    put(p, "</g>\n");
    for (int c = 0; c < a->contact_count; c++) {
        draw_card(m, account, c, cards[c]);
    }
    put(p, "</svg>\n");
    free(cards);
    free(regions);
}

/* ---- needs, ideas, events ----------------------------------------------------------------- */

static void needs_table(const Map *m, int account)
{
    MapPage *p = m->p;
    Lang L = m->L;
    const Account *a = &m->s->accounts[account];
    putf(p, "<h3>%s</h3>\n<table class=\"needs\"><thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
         text_str(L, T_MAP_NEEDS), text_str(L, T_MAP_NEED), text_str(L, T_MAP_HELD_BY), text_str(L, T_MAP_ANSWERED_BY));
    for (int n = 0; n < a->need_count; n++) {
        const Need *need = &a->needs[n];
        bool answered = need_answered(a, n);
        bool warned = diag_count(m, account, T_NEED, n) > 0;
        putf(p, "<tr id=\"a%d-n%d\"%s><td>", account, n, !answered || warned ? " class=\"bad\"" : "");
        bdi(p, need->text);
        put(p, " <code>");
        esc(p, need->id);
        put(p, "</code>");
        if (need->research) {
            putf(p, "<div class=\"dim\">%s</div>", text_str(L, T_MAP_BY_RESEARCH));
        }
        html_warnings(m, account, T_NEED, n);
        put(p, "</td><td>");
        int held = 0;
        for (int c = 0; c < a->contact_count; c++) {
            for (int k = 0; k < a->contacts[c].need_count; k++) {
                if (a->contacts[c].needs[k] == n) {
                    put(p, held++ ? ", " : "");
                    putf(p, "<a href=\"#a%d-c%d\">", account, c);
                    bdi(p, a->contacts[c].name);
                    put(p, "</a>");
                    break;
                }
            }
        }
        if (!held) {
            putf(p, "<span class=\"dim\">%s</span>", text_str(L, T_MAP_NOBODY));
        }
        put(p, "</td><td>");
        int ideas = 0;
        for (int i = 0; i < a->idea_count; i++) {
            if (idea_answers(&a->ideas[i], n)) {
                put(p, ideas++ ? ", " : "");
                putf(p, "<a href=\"#a%d-i%d\">", account, i);
                bdi(p, a->ideas[i].title);
                put(p, "</a>");
            }
        }
        if (!ideas) {
            putf(p, "<span class=\"warn\">\xE2\x9A\xA0 %s</span>", text_str(L, T_MAP_UNANSWERED));
        }
        put(p, "</td></tr>\n");
    }
    put(p, "</tbody></table>\n");
}

static void ideas_table(const Map *m, int account)
{
    MapPage *p = m->p;
    Lang L = m->L;
    const Account *a = &m->s->accounts[account];
    putf(p, "<h3>%s</h3>\n<table class=\"ideas\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
            "<th>%s</th><th>%s</th></tr></thead><tbody>\n",
         text_str(L, T_MAP_IDEAS), text_str(L, T_MAP_IDEA), text_str(L, S_LEVEL), text_str(L, S_PRODUCT),
         text_str(L, T_MAP_VALUE), text_str(L, S_ANSWERS), text_str(L, S_APPROVALS));
    for (int i = 0; i < a->idea_count; i++) {
        const Idea *idea = &a->ideas[i];
        bool warned = diag_count(m, account, T_IDEA, i) > 0;
        putf(p, "<tr id=\"a%d-i%d\"%s><td><b>", account, i, warned ? " class=\"bad\"" : "");
        bdi(p, idea->title);
        put(p, "</b> <code>");
        esc(p, idea->id);
        put(p, "</code>");
        html_warnings(m, account, T_IDEA, i);
        putf(p, "</td><td>%s</td><td>", text_level(L, idea->level));
        bdi(p, idea->product >= 0 && idea->product < m->s->product_count ? m->s->products[idea->product].name : "?");
        char money[64];
        putf(p, "</td><td class=\"num\">%s</td><td>", text_money(L, idea->value, m->s->currency, money, sizeof money));
        for (int k = 0; k < idea->need_count; k++) {
            put(p, k ? "<br/>" : "");
            putf(p, "<a href=\"#a%d-n%d\">", account, idea->needs[k]);
            bdi(p, need_text(a, idea->needs[k]));
            put(p, "</a>");
        }
        put(p, "</td><td>");
        int any = 0;
        for (int r = 0; r < ROLE_KIND_COUNT; r++) {
            if (idea->approval_roles & role_from_index(r)) {
                putf(p, "%s<span style=\"color:%s\">%s</span> %s", any++ ? "<br/>" : "", ROLE_COLOUR[r],
                     ROLE_SYMBOL[r], text_role(L, role_from_index(r)));
            }
        }
        for (int k = 0; k < idea->approval_contact_count; k++) {
            int c = idea->approval_contacts[k];
            putf(p, "%s<a href=\"#a%d-c%d\">", any++ ? "<br/>" : "", account, c);
            bdi(p, contact_name(a, c));
            put(p, "</a>");
        }
        if (!any) {
            putf(p, "<span class=\"dim\">%s</span>", text_str(L, S_ANY_SPONSOR));
        }
        put(p, "</td></tr>\n");
    }
    put(p, "</tbody></table>\n");
}

static void events_line(const Map *m, int account)
{
    MapPage *p = m->p;
    Lang L = m->L;
    const Account *a = &m->s->accounts[account];
    int weeks = m->s->weeks > 0 ? m->s->weeks : 1;
    putf(p, "<h3>%s</h3>\n", text_str(L, T_MAP_EVENTS));
    if (a->event_count == 0) {
        putf(p, "<p class=\"dim\">%s</p>\n", text_str(L, T_MAP_NONE));
        return;
    }
    int *order = calloc((size_t)a->event_count, sizeof *order);
    if (!order) {
        p->oom = true;
        return;
    }
    /* by first week, then file order (insertion sort: stable) */
    for (int e = 0; e < a->event_count; e++) {
        int k = e;
        for (; k > 0 && a->events[order[k - 1]].from_week > a->events[e].from_week; k--) {
            order[k] = order[k - 1];
        }
        order[k] = e;
    }
    int week_w = (MAP_WIDTH - EVENT_LABEL_W - 2 * SVG_MARGIN) / weeks;
    int x0 = SVG_MARGIN + EVENT_LABEL_W;
    int width = x0 + week_w * weeks + SVG_MARGIN;
    int height = EVENT_AXIS_H + a->event_count * EVENT_LANE_H + SVG_MARGIN;
    putf(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"weeks\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" role=\"img\">\n",
         width, height, width, height);
    for (int w = 1; w <= weeks; w++) {
        int x = x0 + (w - 1) * week_w;
        putf(p, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"%s\"/>"
                "<text x=\"%d\" y=\"20\" class=\"wk\">%d</text>\n",
             x, EVENT_AXIS_H - 4, week_w, a->event_count * EVENT_LANE_H + 4, w % 2 ? "odd" : "even",
             x + week_w / 2, w);
    }
    putf(p, "<text x=\"%d\" y=\"20\" class=\"dim\">%s</text>\n", SVG_MARGIN, text_str(L, S_WEEK));
    for (int k = 0; k < a->event_count; k++) {
        int e = order[k];
        const Event *ev = &a->events[e];
        int y = EVENT_AXIS_H + k * EVENT_LANE_H;
        bool warned = diag_count(m, account, T_EVENT, e) > 0;
        int from = ev->from_week < 1 ? 1 : ev->from_week > weeks ? weeks : ev->from_week;
        int to = ev->to_week < from ? from : ev->to_week > weeks ? weeks : ev->to_week;
        putf(p, "<g class=\"ev%s\"><text x=\"%d\" y=\"%d\">", warned ? " warned" : "", SVG_MARGIN, y + 19);
        char label[256];
        snprintf(label, sizeof label, "%s%s", warned ? "\xE2\x9A\xA0 " : "", ev->id);
        svg_text(p, label, fit(EVENT_LABEL_W - 70, 14));
        putf(p, "</text><text x=\"%d\" y=\"%d\" class=\"pct\">%d%%</text>", x0 - 10, y + 19, ev->probability);
        putf(p, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"5\" class=\"%s\">",
             x0 + (from - 1) * week_w + 2, y + 5, (to - from + 1) * week_w - 4, EVENT_LANE_H - 8,
             ev->probability >= 100 ? "sure" : "maybe");
        put(p, "<title>");
        for (int f = 0; f < ev->effect_count; f++) {
            char what[512];
            effect_text(a, &ev->effects[f], what, sizeof what);
            put(p, f ? "; " : "");
            esc(p, what);
        }
        put(p, "</title></rect></g>\n");
    }
    put(p, "</svg>\n");
    putf(p, "<table class=\"events\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
            "</thead><tbody>\n",
         text_str(L, T_MAP_EVENT), text_str(L, S_WEEK), text_str(L, T_MAP_CHANCE), text_str(L, T_MAP_WHEN),
         text_str(L, T_MAP_EFFECTS));
    for (int k = 0; k < a->event_count; k++) {
        int e = order[k];
        const Event *ev = &a->events[e];
        bool warned = diag_count(m, account, T_EVENT, e) > 0;
        putf(p, "<tr id=\"a%d-e%d\"%s><td><code>", account, e, warned ? " class=\"bad\"" : "");
        esc(p, ev->id);
        put(p, "</code>");
        if (ev->message[0]) {
            put(p, "<div class=\"dim\">");
            bdi(p, ev->message);
            put(p, "</div>");
        }
        html_warnings(m, account, T_EVENT, e);
        if (ev->from_week == ev->to_week) {
            putf(p, "</td><td class=\"num\">%d</td>", ev->from_week);
        } else {
            putf(p, "</td><td class=\"num\">%d\xE2\x80\x93%d</td>", ev->from_week, ev->to_week);
        }
        char what[512];
        cond_text(a, &ev->when, what, sizeof what);
        putf(p, "<td class=\"num\">%d%%</td><td>", ev->probability);
        esc(p, what);
        put(p, "</td><td>");
        for (int f = 0; f < ev->effect_count; f++) {
            effect_text(a, &ev->effects[f], what, sizeof what);
            put(p, f ? "<br/>" : "");
            esc(p, what);
        }
        put(p, "</td></tr>\n");
    }
    put(p, "</tbody></table>\n");
    free(order);
}

/* ---- the page ------------------------------------------------------------------------------ */

static const char STYLE[] =
    "body{margin:0;background:#fff;color:#111;font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif;"
    "font-size:17px;line-height:1.45}\n"
    "main{max-width:1400px;margin:0 auto;padding:16px 20px 48px}\n"
    "h1{font-size:32px;margin:8px 0 4px}h2{font-size:26px;margin:36px 0 10px;padding-bottom:4px;"
    "border-bottom:4px solid " C_BLUE "}h3{font-size:21px;margin:26px 0 8px}\n"
    ".sub,.dim{color:#555}.ok{color:#00684C}code{font-size:14px;color:#444}\n"
    "ul.warnings{padding-left:20px}ul.warnings li{color:" C_WARN_TEXT ";margin:2px 0}ul.warnings a{color:"
    C_WARN_TEXT "}\n"
    "table{border-collapse:collapse;width:100%;font-size:16px}th,td{padding:5px 8px;border-bottom:1px solid #ccc;"
    "text-align:left;vertical-align:top}th{background:#f0f0f0;font-size:15px}td.num{white-space:nowrap}\n"
    "tr.bad td{background:#FBE9DF}.warn{color:" C_WARN_TEXT ";font-weight:bold}a{color:" C_BLUE "}\n"
    ".legend{font-size:15px;color:#333;max-width:1100px}\n"
    "svg{display:block;max-width:100%;height:auto;margin:8px 0}\n"
    "svg text{font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif;font-size:14px;fill:#111;"
    "unicode-bidi:plaintext}\n"
    ".region rect{fill:#F3F0E8;stroke:#d8d2c4;stroke-width:1}.region.warned rect{stroke:" C_VERMILLION
    ";stroke-width:3}\n"
    "text.dept{font-size:18px;font-weight:bold;fill:#333}\n"
    ".card rect{fill:#fff;stroke:#333;stroke-width:2}.card.unknown rect{fill:#f7f7f7;stroke:#777;"
    "stroke-dasharray:7 4}\n"
    ".card.later rect{fill:#f7f7f7;stroke:#777;stroke-dasharray:2 4}.card.main rect{stroke:" C_BLUE
    ";stroke-width:4}\n"
    ".card.warned rect{stroke:" C_VERMILLION ";stroke-width:3}.card rect.bar{fill:#e6e6e6;stroke:none}"
    ".card rect.fill{fill:" C_BLUE ";stroke:none}\n"
    "text.name{font-size:17px;font-weight:bold}.star{fill:" C_BLUE "}text.dim{fill:#555}text.status{fill:#333;"
    "font-style:italic}\n"
    "text.refers{fill:" C_BLUE "}text.need{fill:#222}text.need.bad,text.warn{fill:" C_WARN_TEXT
    ";font-weight:bold}.dots{fill:#333}\n"
    ".arrows path{fill:none;stroke:" C_BLUE ";stroke-width:2;stroke-opacity:.75}\n"
    ".weeks rect.odd{fill:#f4f4f4}.weeks rect.even{fill:#fff}.weeks text.wk{text-anchor:middle;fill:#555}\n"
    ".weeks text.pct{text-anchor:end;fill:#555}.weeks rect.sure{fill:" C_SKY "}.weeks rect.maybe{fill:#BFE1F6;"
    "stroke:" C_SKY ";stroke-dasharray:4 3}\n"
    ".ev.warned text{fill:" C_WARN_TEXT ";font-weight:bold}.ev.warned rect{stroke:" C_VERMILLION
    ";stroke-width:3}\n"
    "footer{margin-top:40px;color:#555;font-size:14px}\n";

static void account_section(const Map *m, int account)
{
    MapPage *p = m->p;
    Lang L = m->L;
    const Account *a = &m->s->accounts[account];
    char money[64];
    put(p, "<section class=\"account\">\n<h2>");
    bdi(p, a->name);
    put(p, "</h2>\n<p class=\"sub\">");
    bdi(p, a->industry);
    putf(p, " \xC2\xB7 %d %s \xC2\xB7 ", a->employees, text_str(L, S_PEOPLE));
    char buys[128];
    text_fmt(buys, sizeof buys, L, S_BUYS_NOW, text_money(L, a->baseline, m->s->currency, money, sizeof money));
    esc(p, buys);
    put(p, "</p>\n");
    putf(p, "<h3>%s</h3>\n<p class=\"legend\">%s</p>\n", text_str(L, T_MAP_PEOPLE), text_str(L, T_MAP_LEGEND));
    put(p, "<p class=\"legend\">");
    for (int r = 0; r < ROLE_KIND_COUNT; r++) {
        putf(p, "<span style=\"color:%s\">%s</span> %s &#160; ", ROLE_COLOUR[r], ROLE_SYMBOL[r],
             text_role(L, role_from_index(r)));
    }
    putf(p, "<span style=\"color:" C_BLUE "\">\xE2\x9F\xB6</span> %s</p>\n", text_str(L, T_MAP_INTRODUCES));
    people_map(m, account);
    needs_table(m, account);
    ideas_table(m, account);
    events_line(m, account);
    put(p, "</section>\n");
}

void map_page_free(MapPage *p)
{
    free(p->data);
    memset(p, 0, sizeof *p);
}

int map_html(const Scenario *s, const Diagnostics *d, Lang lang, MapPage *out)
{
    memset(out, 0, sizeof *out);
    Map m = {out, s, d, NULL, lang};
    if (d && d->count) {
        m.refs = calloc(d->count, sizeof *m.refs);
        if (!m.refs) {
            return -1;
        }
        for (size_t k = 0; k < d->count; k++) {
            m.refs[k] = ref_of(&d->items[k]);
        }
    }
    MapPage *p = out;
    put(p, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
    esc(p, s->language);
    put(p, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
    esc(p, text_str(lang, T_MAP_TITLE));
    put(p, ": ");
    esc(p, s->title);
    put(p, "</title>\n<style>\n");
    put(p, STYLE);
    put(p, "</style>\n</head>\n<body>\n<main>\n");
    putf(p, "<p class=\"sub\">%s \xC2\xB7 <code>", text_str(lang, T_MAP_TITLE));
    esc(p, s->id);
    put(p, "</code></p>\n<h1>");
    bdi(p, s->title);
    put(p, "</h1>\n<p class=\"sub\">");
    bdi(p, s->seller);
    putf(p, " \xC2\xB7 %s: %d \xC2\xB7 %s: %d \xC2\xB7 %s: %d \xC2\xB7 %s: ", text_str(lang, T_MAP_WEEKS), s->weeks,
         text_str(lang, T_MAP_HOURS), s->hours_per_week, text_str(lang, T_MAP_PASS), s->scoring.pass_mark,
         text_str(lang, S_LANGUAGE));
    esc(p, s->language);
    putf(p, "</p>\n<p class=\"legend\">%s</p>\n", text_str(lang, T_MAP_INTRO));
    warnings_list(&m);
    for (int a = 0; a < s->account_count; a++) {
        account_section(&m, a);
    }
    putf(p, "<footer>%s</footer>\n</main>\n</body>\n</html>\n", text_str(lang, T_MAP_FOOTER));
    free(m.refs);
    if (p->oom) {
        map_page_free(p);
        return -1;
    }
    return 0;
}

/* ---- files ---------------------------------------------------------------------------------- */

int map_write(const char *scn_path, const char *out_path, int lang, Diagnostics *d, Msgs *m)
{
    char why[512];
    size_t len = 0;
    char *buf = plat_read_file(scn_path, SCN_MAX_FILE_BYTES, &len, why, sizeof why);
    if (!buf) {
        msgs_add(m, "cannot read %s: %s", scn_path, why);
        return -1;
    }
    Scenario *s = scn_parse(buf, len, scn_path, d);
    free(buf);
    if (!s) {
        return 1;
    }
    diags_sort(d);
    MapPage page;
    Lang L = lang >= 0 && lang < LANG_COUNT ? (Lang)lang : text_lang_from(s->language);
    int rc = map_html(s, d, L, &page);
    scenario_destroy(s);
    if (rc != 0) {
        msgs_add(m, "out of memory while drawing the map of %s", scn_path);
        return -1;
    }
    rc = plat_write_atomic(out_path, page.data, page.len, why, sizeof why);
    map_page_free(&page);
    if (rc != 0) {
        msgs_add(m, "cannot write %s: %s", out_path, why);
        return -1;
    }
    return 0;
}

const char *map_data_path(const char *id, char *buf, size_t n, char *why, size_t whylen)
{
    char dir[4096];
    if (!plat_data_subdir("maps", dir, sizeof dir, why, whylen)) {
        return NULL;
    }
    int w = snprintf(buf, n, "%s/%s.html", dir, id);
    if (w < 0 || (size_t)w >= n) {
        snprintf(why, whylen, "the path is too long");
        return NULL;
    }
    return buf;
}
