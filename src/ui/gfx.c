/* Drawing in logical units: shapes through SDL_RenderGeometry, text through
 * the cache, fonts opened at their pixel size so text is crisp at any scale.
 * The palette is Okabe–Ito, safe for colour-blind players. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "platform.h"
#include "ui_strings.h"

#define UI_PI 3.14159265f

#ifndef KA_ASSET_DIR
#define KA_ASSET_DIR "assets"
#endif
#ifndef KA_INSTALLED_ASSET_DIR
#define KA_INSTALLED_ASSET_DIR "/usr/share/keyaccounts"
#endif

static SDL_Color rgb(unsigned v)
{
    SDL_Color c = {(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
    return c;
}

void theme_init(Theme *t, bool hc)
{
    /* Okabe–Ito: orange E69F00, sky blue 56B4E9, bluish green 009E73,
     * yellow F0E442, blue 0072B2, vermillion D55E00, reddish purple CC79A7. */
    if (!hc) {
        t->bg = rgb(0xF3F0E8);
        t->panel = rgb(0xFFFFFF);
        t->panel_alt = rgb(0xE9E5DC);
        t->card = rgb(0xFFFFFF);
        t->card_hover = rgb(0xEAF3FA);
        t->text = rgb(0x1C1D21);
        t->text_dim = rgb(0x4E5058);
        t->border = rgb(0xBDB7AA);
        t->accent = rgb(0x0072B2);
        t->accent_text = rgb(0xFFFFFF);
        t->focus = rgb(0x1C1D21);
        t->good = rgb(0x007A59); /* Okabe–Ito green, darkened for text contrast */
        t->warn = rgb(0xB06F00);
        t->bad = rgb(0xC24E00);
        t->shadow = (SDL_Color){0, 0, 0, 28};
        t->track = rgb(0xDCD7CC);
        t->overlay = (SDL_Color){20, 20, 24, 150};
        t->silhouette = rgb(0x8A8578);
        t->role[0] = rgb(0x0072B2);
        t->role[1] = rgb(0xE69F00);
        t->role[2] = rgb(0x009E73);
        t->role[3] = rgb(0xCC79A7);
    } else {
        t->bg = rgb(0x000000);
        t->panel = rgb(0x000000);
        t->panel_alt = rgb(0x1A1A1A);
        t->card = rgb(0x000000);
        t->card_hover = rgb(0x1F2A33);
        t->text = rgb(0xFFFFFF);
        t->text_dim = rgb(0xE6E6E6);
        t->border = rgb(0xFFFFFF);
        t->accent = rgb(0x56B4E9);
        t->accent_text = rgb(0x000000);
        t->focus = rgb(0xF0E442);
        t->good = rgb(0x2BD9A8);
        t->warn = rgb(0xF0E442);
        t->bad = rgb(0xFF8A3D);
        t->shadow = (SDL_Color){0, 0, 0, 0};
        t->track = rgb(0x4A4A4A);
        t->overlay = (SDL_Color){0, 0, 0, 200};
        t->silhouette = rgb(0xCFCFCF);
        t->role[0] = rgb(0x56B4E9);
        t->role[1] = rgb(0xE69F00);
        t->role[2] = rgb(0x2BD9A8);
        t->role[3] = rgb(0xE8A3C8);
    }
}

SDL_Color gfx_mix(SDL_Color a, SDL_Color b, int p)
{
    SDL_Color c = {(Uint8)((a.r * (100 - p) + b.r * p) / 100), (Uint8)((a.g * (100 - p) + b.g * p) / 100),
                   (Uint8)((a.b * (100 - p) + b.b * p) / 100), (Uint8)((a.a * (100 - p) + b.a * p) / 100)};
    return c;
}

int ui_px(const App *app, int v)
{
    return (int)lroundf((float)v * app->s);
}

static float pxf(const App *app, float v)
{
    return v * app->s;
}

/* ---- shapes --------------------------------------------------------------- */

/* Circles and rounded corners are blitted from small cached white textures
 * tinted by colour modulation: the software renderer copies textures fast but
 * rasterises triangles slowly, and the cached shapes are anti-aliased. */
static SDL_Texture *shape(App *app, int r, int t)
{
    if (r < 1) {
        r = 1;
    }
    if (r > 127) {
        r = 127;
    }
    if (t > 7) {
        t = 7;
    }
    SDL_Texture **slot = t > 0 ? &app->rings[r][t] : &app->discs[r];
    if (*slot) {
        return *slot;
    }
    int d = 2 * r;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, d, d, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surf) {
        return NULL;
    }
    float fr = (float)r, inner = (float)(r - t);
    for (int y = 0; y < d; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)surf->pixels + y * surf->pitch);
        for (int x = 0; x < d; x++) {
            int cover = 0;
            for (int sy = 0; sy < 4; sy++) {
                for (int sx = 0; sx < 4; sx++) {
                    float px = (float)x + ((float)sx + 0.5f) / 4 - fr;
                    float py = (float)y + ((float)sy + 0.5f) / 4 - fr;
                    float dd = px * px + py * py;
                    cover += dd <= fr * fr && (t == 0 || dd >= inner * inner);
                }
            }
            row[x] = (Uint32)(cover * 255 / 16) << 24 | 0xFFFFFFu;
        }
    }
    *slot = SDL_CreateTextureFromSurface(app->ren, surf);
    SDL_FreeSurface(surf);
    if (*slot) {
        SDL_SetTextureBlendMode(*slot, SDL_BLENDMODE_BLEND);
    }
    return *slot;
}

void gfx_shapes_clear(App *app)
{
    for (size_t i = 0; i < sizeof app->panels / sizeof app->panels[0]; i++) {
        if (app->panels[i].tex) {
            SDL_DestroyTexture(app->panels[i].tex);
        }
        app->panels[i].tex = NULL;
        app->panels[i].key = 0;
    }
    for (int r = 0; r < 128; r++) {
        if (app->discs[r]) {
            SDL_DestroyTexture(app->discs[r]);
            app->discs[r] = NULL;
        }
        for (int t = 0; t < 8; t++) {
            if (app->rings[r][t]) {
                SDL_DestroyTexture(app->rings[r][t]);
                app->rings[r][t] = NULL;
            }
        }
    }
}

static void tint(SDL_Texture *tex, SDL_Color c)
{
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
}

/* The four corners of a rounded rectangle in pixels, from a disc or ring of radius r. */
static void corners(App *app, SDL_Texture *tex, int x, int y, int w, int h, int r, SDL_Color c)
{
    if (!tex) {
        return;
    }
    tint(tex, c);
    SDL_Rect src[4] = {{0, 0, r, r}, {r, 0, r, r}, {0, r, r, r}, {r, r, r, r}};
    SDL_Rect dst[4] = {{x, y, r, r}, {x + w - r, y, r, r}, {x, y + h - r, r, r}, {x + w - r, y + h - r, r, r}};
    for (int i = 0; i < 4; i++) {
        SDL_RenderCopy(app->ren, tex, &src[i], &dst[i]);
    }
}

void gfx_fill(App *app, Rect r, SDL_Color c)
{
    SDL_Rect p = {ui_px(app, r.x), ui_px(app, r.y), 0, 0};
    p.w = ui_px(app, r.x + r.w) - p.x;
    p.h = ui_px(app, r.y + r.h) - p.y;
    SDL_SetRenderDrawBlendMode(app->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(app->ren, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(app->ren, &p);
}

enum { MAX_POLY = 72 };

/* A convex fan from the centre of pts. */
static void fan(App *app, const SDL_FPoint *pts, int n, SDL_Color c)
{
    SDL_Vertex v[MAX_POLY + 1];
    int idx[MAX_POLY * 3];
    float cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        cx += pts[i].x;
        cy += pts[i].y;
    }
    v[0].position.x = cx / (float)n;
    v[0].position.y = cy / (float)n;
    v[0].color = c;
    v[0].tex_coord.x = v[0].tex_coord.y = 0;
    for (int i = 0; i < n; i++) {
        v[i + 1].position = pts[i];
        v[i + 1].color = c;
        v[i + 1].tex_coord.x = v[i + 1].tex_coord.y = 0;
        idx[i * 3] = 0;
        idx[i * 3 + 1] = i + 1;
        idx[i * 3 + 2] = (i + 1) % n + 1;
    }
    SDL_RenderGeometry(app->ren, NULL, v, n + 1, idx, n * 3);
}

static void rrect_px(App *app, int x, int y, int w, int h, int r, SDL_Color c)
{
    if (w <= 0 || h <= 0) {
        return;
    }
    if (r * 2 > w) {
        r = w / 2;
    }
    if (r * 2 > h) {
        r = h / 2;
    }
    SDL_SetRenderDrawBlendMode(app->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(app->ren, c.r, c.g, c.b, c.a);
    if (r < 2) {
        SDL_Rect fr = {x, y, w, h};
        SDL_RenderFillRect(app->ren, &fr);
        return;
    }
    SDL_Rect fills[3] = {{x + r, y, w - 2 * r, h}, {x, y + r, r, h - 2 * r}, {x + w - r, y + r, r, h - 2 * r}};
    SDL_RenderFillRects(app->ren, fills, 3);
    corners(app, shape(app, r, 0), x, y, w, h, r, c);
}

void gfx_rrect(App *app, Rect r, int radius, SDL_Color c)
{
    int x = ui_px(app, r.x), y = ui_px(app, r.y);
    rrect_px(app, x, y, ui_px(app, r.x + r.w) - x, ui_px(app, r.y + r.h) - y, ui_px(app, radius), c);
}

/* An outline: the border colour as a ring between two rounded rectangles,
 * drawn as four sides and corner arcs so the inside stays untouched. */
void gfx_frame(App *app, Rect r, int radius, int thick, SDL_Color c)
{
    int x = ui_px(app, r.x), y = ui_px(app, r.y);
    int w = ui_px(app, r.x + r.w) - x, h = ui_px(app, r.y + r.h) - y;
    int t = ui_px(app, thick);
    if (t < 1) {
        t = 1;
    }
    if (t > 7) {
        t = 7;
    }
    int rad = ui_px(app, radius);
    if (rad * 2 > w) {
        rad = w / 2;
    }
    if (rad * 2 > h) {
        rad = h / 2;
    }
    if (rad < t) {
        rad = t;
    }
    SDL_SetRenderDrawBlendMode(app->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(app->ren, c.r, c.g, c.b, c.a);
    SDL_Rect sides[4] = {{x + rad, y, w - 2 * rad, t}, {x + rad, y + h - t, w - 2 * rad, t},
                         {x, y + rad, t, h - 2 * rad}, {x + w - t, y + rad, t, h - 2 * rad}};
    SDL_RenderFillRects(app->ren, sides, 4);
    corners(app, shape(app, rad, t), x, y, w, h, rad, c);
}

/* Coverage (0..16) of pixel (x, y) by a rounded rectangle [0,w)x[0,h) of
 * corner radius r, 4x4 supersampled near the corners. */
static int rr_cover(int x, int y, int w, int h, int r)
{
    if (w <= 0 || h <= 0) {
        return 0;
    }
    int cx = x < r ? r : x >= w - r ? w - r : -1;
    int cy = y < r ? r : y >= h - r ? h - r : -1;
    if (cx < 0 || cy < 0) {
        return 16;
    }
    int cover = 0;
    float fr = (float)r;
    for (int sy = 0; sy < 4; sy++) {
        for (int sx = 0; sx < 4; sx++) {
            float px = (float)x + ((float)sx + 0.5f) / 4 - (float)cx;
            float py = (float)y + ((float)sy + 0.5f) / 4 - (float)cy;
            cover += px * px + py * py <= fr * fr;
        }
    }
    return cover;
}

static Uint8 mix8(Uint8 a, Uint8 b, int cover16)
{
    return (Uint8)((a * (16 - cover16) + b * cover16 + 8) / 16);
}

static SDL_Texture *panel_texture(App *app, int w, int h, int rad, int t, SDL_Color fill, SDL_Color border,
                                  SDL_Color under)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surf) {
        return NULL;
    }
    int irad = rad - t > 0 ? rad - t : 0;
    for (int y = 0; y < h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)surf->pixels + y * surf->pitch);
        for (int x = 0; x < w; x++) {
            int outer = rr_cover(x, y, w, h, rad);
            int inner = rr_cover(x - t, y - t, w - 2 * t, h - 2 * t, irad);
            Uint8 r = mix8(mix8(under.r, border.r, outer), fill.r, inner);
            Uint8 g = mix8(mix8(under.g, border.g, outer), fill.g, inner);
            Uint8 b = mix8(mix8(under.b, border.b, outer), fill.b, inner);
            row[x] = 0xFF000000u | (Uint32)r << 16 | (Uint32)g << 8 | b;
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(app->ren, surf);
    SDL_FreeSurface(surf);
    if (tex) {
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    }
    return tex;
}

static uint64_t colour_key(SDL_Color c)
{
    return (uint64_t)c.r << 16 | (uint64_t)c.g << 8 | c.b;
}

void gfx_panel(App *app, Rect r, int radius, SDL_Color fill, SDL_Color border, int thick, SDL_Color under)
{
    int x = ui_px(app, r.x), y = ui_px(app, r.y);
    int w = ui_px(app, r.x + r.w) - x, h = ui_px(app, r.y + r.h) - y;
    int t = ui_px(app, thick);
    int rad = ui_px(app, radius);
    if (w <= 0 || h <= 0) {
        return;
    }
    t = t < 1 ? 1 : t > 7 ? 7 : t;
    rad = rad * 2 > w ? w / 2 : rad;
    rad = rad * 2 > h ? h / 2 : rad;
    uint64_t key = ((uint64_t)(unsigned)w << 48 | (uint64_t)(unsigned)h << 32 | (uint64_t)(unsigned)rad << 24
                    | (uint64_t)(unsigned)t << 16) ^ colour_key(fill) * 0x9E3779B97F4A7C15ull
                   ^ colour_key(border) * 0xC2B2AE3D27D4EB4Full ^ colour_key(under) * 0x165667B19E3779F9ull;
    key = key ? key : 1;
    size_t n = sizeof app->panels / sizeof app->panels[0];
    size_t slot = n, oldest = 0;
    for (size_t i = 0; i < n; i++) {
        if (app->panels[i].key == key && app->panels[i].tex) {
            slot = i;
            break;
        }
        if (app->panels[i].used < app->panels[oldest].used) {
            oldest = i;
        }
    }
    if (slot == n) { /* not cached: replace the least recently used */
        slot = oldest;
        if (app->panels[slot].tex) {
            SDL_DestroyTexture(app->panels[slot].tex);
        }
        app->panels[slot].tex = panel_texture(app, w, h, rad, t, fill, border, under);
        app->panels[slot].key = key;
        if (!app->panels[slot].tex) { /* out of memory: draw it the slow way */
            app->panels[slot].key = 0;
            gfx_rrect(app, r, radius, fill);
            gfx_frame(app, r, radius, thick, border);
            return;
        }
    }
    app->panels[slot].used = ++app->panel_clock;
    SDL_Rect dst = {x, y, w, h};
    SDL_RenderCopy(app->ren, app->panels[slot].tex, NULL, &dst);
}

void gfx_line(App *app, float x1, float y1, float x2, float y2, float thick, SDL_Color c)
{
    x1 = pxf(app, x1);
    y1 = pxf(app, y1);
    x2 = pxf(app, x2);
    y2 = pxf(app, y2);
    float t = fmaxf(1.0f, pxf(app, thick)) / 2;
    float dx = x2 - x1, dy = y2 - y1;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f) {
        return;
    }
    float nx = -dy / len * t, ny = dx / len * t;
    SDL_Vertex v[4] = {{{x1 + nx, y1 + ny}, c, {0, 0}}, {{x2 + nx, y2 + ny}, c, {0, 0}},
                       {{x2 - nx, y2 - ny}, c, {0, 0}}, {{x1 - nx, y1 - ny}, c, {0, 0}}};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_SetRenderDrawBlendMode(app->ren, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(app->ren, NULL, v, 4, idx, 6);
}

void gfx_poly(App *app, const float *xy, int n, SDL_Color c)
{
    SDL_FPoint pts[MAX_POLY];
    if (n > MAX_POLY) {
        n = MAX_POLY;
    }
    for (int i = 0; i < n; i++) {
        pts[i].x = pxf(app, xy[i * 2]);
        pts[i].y = pxf(app, xy[i * 2 + 1]);
    }
    SDL_SetRenderDrawBlendMode(app->ren, SDL_BLENDMODE_BLEND);
    fan(app, pts, n, c);
}

void gfx_circle(App *app, float cx, float cy, float rad, SDL_Color c)
{
    int r = (int)lroundf(pxf(app, rad));
    SDL_Texture *tex = shape(app, r < 1 ? 1 : r, 0);
    if (!tex) {
        return;
    }
    tint(tex, c);
    SDL_FRect dst = {pxf(app, cx) - (float)r, pxf(app, cy) - (float)r, (float)(2 * r), (float)(2 * r)};
    SDL_RenderCopyF(app->ren, tex, NULL, &dst);
}

void gfx_ring(App *app, float cx, float cy, float rad, float thick, SDL_Color c)
{
    int r = (int)lroundf(pxf(app, rad));
    int t = (int)lroundf(pxf(app, thick));
    SDL_Texture *tex = shape(app, r < 1 ? 1 : r, t < 1 ? 1 : t);
    if (!tex) {
        return;
    }
    tint(tex, c);
    SDL_FRect dst = {pxf(app, cx) - (float)r, pxf(app, cy) - (float)r, (float)(2 * r), (float)(2 * r)};
    SDL_RenderCopyF(app->ren, tex, NULL, &dst);
}

void gfx_clip(App *app, const Rect *r)
{
    if (!r) {
        SDL_RenderSetClipRect(app->ren, NULL);
        return;
    }
    SDL_Rect p = {ui_px(app, r->x), ui_px(app, r->y), 0, 0};
    p.w = ui_px(app, r->x + r->w) - p.x;
    p.h = ui_px(app, r->y + r->h) - p.y;
    SDL_RenderSetClipRect(app->ren, &p);
}

/* ---- fonts and text ------------------------------------------------------------ */

static bool exists(const char *p)
{
    return plat_kind(p) == PLAT_FILE;
}

bool gfx_fonts_find(App *app, FILE *err)
{
    static const char *const NAMES[FACE_COUNT] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
    const char *env = plat_env("KEYACCOUNTS_ASSETS");
    const char *dirs[5];
    int nd = 0;
    char envdir[UI_PATH_BYTES];
    if (env && env[0]) {
        snprintf(envdir, sizeof envdir, "%s/fonts", env);
        dirs[nd++] = envdir;
    }
    dirs[nd++] = KA_ASSET_DIR "/fonts";
    dirs[nd++] = KA_INSTALLED_ASSET_DIR "/fonts";
    dirs[nd++] = "/usr/share/fonts/truetype/dejavu";
    for (int f = 0; f < FACE_COUNT; f++) {
        app->font_path[f][0] = '\0';
        for (int d = 0; d < nd; d++) {
            char p[UI_PATH_BYTES];
            snprintf(p, sizeof p, "%s/%s", dirs[d], NAMES[f]);
            if (exists(p)) {
                ui_copy(app->font_path[f], sizeof app->font_path[f], p);
                break;
            }
        }
        if (!app->font_path[f][0]) {
            fprintf(err, "keyaccounts: cannot find the font %s (looked in %s and %s); "
                         "install fonts-dejavu-core or set KEYACCOUNTS_ASSETS\n",
                    NAMES[f], KA_ASSET_DIR "/fonts", "/usr/share/fonts/truetype/dejavu");
            return false;
        }
    }
    return true;
}

void gfx_fonts_close(App *app)
{
    for (int f = 0; f < FACE_COUNT; f++) {
        for (int i = 0; i < 128; i++) {
            if (app->fonts[f][i]) {
                TTF_CloseFont(app->fonts[f][i]);
                app->fonts[f][i] = NULL;
            }
        }
    }
}

TTF_Font *gfx_font(App *app, Face f, int size)
{
    int px = (int)lroundf((float)size * app->s);
    if (px < 6) {
        px = 6;
    }
    if (px > 127) {
        px = 127;
    }
    if (!app->fonts[f][px]) {
        app->fonts[f][px] = TTF_OpenFont(app->font_path[f], px);
        if (app->fonts[f][px]) {
            TTF_SetFontHinting(app->fonts[f][px], TTF_HINTING_LIGHT);
        }
    }
    return app->fonts[f][px];
}

int gfx_line_h(App *app, int size)
{
    TTF_Font *f = gfx_font(app, FACE_REGULAR, size);
    return f ? (int)ceilf((float)TTF_FontLineSkip(f) / app->s) : size;
}

int gfx_measure(App *app, Face face, int size, const char *s, int *h)
{
    int w = 0, hh = 0;
    TTF_Font *f = gfx_font(app, face, size);
    if (f && s && s[0]) {
        /* Cached like fit_bytes (a width of -1 cannot fit: the whole width is
         * what is left over), keyed apart from it by an impossible width. */
        uint64_t key = 1469598103934665603ull ^ (uint64_t)(uintptr_t)f;
        key = (key ^ 0xFFFFFFFFu) * 1099511628211ull;
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
            key = (key ^ *p) * 1099511628211ull;
        }
        key = key ? key : 1;
        size_t slot = (size_t)(key % (sizeof app->fits / sizeof app->fits[0]));
        if (app->fits[slot].key == key) {
            w = app->fits[slot].bytes;
            hh = TTF_FontHeight(f);
        } else {
            TTF_SizeUTF8(f, s, &w, &hh);
            app->fits[slot].key = key;
            app->fits[slot].bytes = w;
        }
    }
    if (h) {
        *h = (int)ceilf((float)hh / app->s);
    }
    return (int)ceilf((float)w / app->s);
}

static int blit(App *app, SDL_Texture *t, int x, int y, int w, int h, int maxh_px)
{
    if (!t) {
        return 0;
    }
    SDL_Rect src = {0, 0, w, h};
    if (maxh_px >= 0 && h > maxh_px) {
        src.h = maxh_px;
    }
    SDL_Rect dst = {ui_px(app, x), ui_px(app, y), w, src.h};
    SDL_RenderCopy(app->ren, t, &src, &dst);
    return (int)ceilf((float)w / app->s);
}

int gfx_text(App *app, Face face, int size, SDL_Color c, int x, int y, const char *s)
{
    int w, h;
    TTF_Font *f = gfx_font(app, face, size);
    SDL_Texture *t = textcache_get(app->cache, app->ren, f, c, app->text_bg, 0, s, &w, &h);
    return blit(app, t, x, y, w, h, -1);
}

/* How many bytes of s fit in maxpx with an ellipsis after them, or -1 when
 * s fits whole. Text shaping is the costliest part of a redraw, so answers are
 * kept in a direct-mapped cache keyed by font, width and text. */
static int fit_bytes(App *app, TTF_Font *f, const char *s, int maxpx)
{
    uint64_t key = 1469598103934665603ull ^ (uint64_t)(uintptr_t)f;
    key = (key ^ (uint64_t)(unsigned)maxpx) * 1099511628211ull;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        key = (key ^ *p) * 1099511628211ull;
    }
    key = key ? key : 1;
    size_t slot = (size_t)(key % (sizeof app->fits / sizeof app->fits[0]));
    if (app->fits[slot].key == key) {
        return app->fits[slot].bytes;
    }
    int bytes = -1;
    int w = 0, h = 0;
    TTF_SizeUTF8(f, s, &w, &h);
    if (w > maxpx) {
        int ew = 0, extent = 0, count = 0;
        TTF_SizeUTF8(f, "\xE2\x80\xA6", &ew, &h);
        bytes = 0;
        if (maxpx - ew > 0 && TTF_MeasureUTF8(f, s, maxpx - ew, &extent, &count) == 0) {
            /* count is in characters: find the byte where it ends */
            size_t b = 0;
            for (int k = 0; k < count && s[b]; k++) {
                b++;
                while (s[b] && ((unsigned char)s[b] & 0xC0) == 0x80) {
                    b++;
                }
            }
            while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == ',')) {
                b--;
            }
            bytes = (int)b;
        }
    }
    app->fits[slot].key = key;
    app->fits[slot].bytes = bytes;
    return bytes;
}

int gfx_text_fit(App *app, Face face, int size, SDL_Color c, int x, int y, int maxw, const char *s)
{
    TTF_Font *f = gfx_font(app, face, size);
    if (!f || !s || !s[0]) {
        return 0;
    }
    int bytes = fit_bytes(app, f, s, ui_px(app, maxw));
    if (bytes < 0) {
        return gfx_text(app, face, size, c, x, y, s);
    }
    if (bytes == 0) {
        return 0;
    }
    static const char ELL[] = "\xE2\x80\xA6";
    char buf[1024];
    size_t n = (size_t)bytes;
    if (n > sizeof buf - sizeof ELL) {
        n = sizeof buf - sizeof ELL;
    }
    memcpy(buf, s, n);
    memcpy(buf + n, ELL, sizeof ELL);
    return gfx_text(app, face, size, c, x, y, buf);
}

int gfx_text_wrap(App *app, Face face, int size, SDL_Color c, Rect box, const char *s)
{
    int w, h;
    TTF_Font *f = gfx_font(app, face, size);
    int wrap = ui_px(app, box.w);
    if (wrap < 8) {
        return 0;
    }
    SDL_Texture *t = textcache_get(app->cache, app->ren, f, c, app->text_bg, wrap, s, &w, &h);
    if (!t) {
        return 0;
    }
    int maxh = box.h >= 0 ? ui_px(app, box.y + box.h) - ui_px(app, box.y) : -1;
    if (maxh >= 0 && h > maxh) {
        /* cut at a whole line so no half-line shows */
        int skip = TTF_FontLineSkip(f);
        maxh = skip > 0 ? maxh / skip * skip : maxh;
    }
    blit(app, t, box.x, box.y, w, h, maxh);
    return (int)ceilf((float)h / app->s);
}

int gfx_wrap_height(App *app, Face face, int size, int w, const char *s)
{
    int tw, th;
    TTF_Font *f = gfx_font(app, face, size);
    int wrap = ui_px(app, w);
    if (!s || !s[0] || wrap < 8) {
        return 0;
    }
    textcache_get(app->cache, app->ren, f, app->th.text, app->text_bg, wrap, s, &tw, &th);
    return (int)ceilf((float)th / app->s);
}

/* ---- the window icon, drawn procedurally: three linked people ---------------- */

static void disc(SDL_Surface *s, int cx, int cy, int r, Uint32 col)
{
    for (int y = cy - r; y <= cy + r; y++) {
        for (int x = cx - r; x <= cx + r; x++) {
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r && x >= 0 && y >= 0 && x < s->w
                && y < s->h) {
                ((Uint32 *)s->pixels)[y * s->pitch / 4 + x] = col;
            }
        }
    }
}

static void thick_line(SDL_Surface *s, int x1, int y1, int x2, int y2, int r, Uint32 col)
{
    for (int i = 0; i <= 64; i++) {
        disc(s, x1 + (x2 - x1) * i / 64, y1 + (y2 - y1) * i / 64, r, col);
    }
}

SDL_Surface *gfx_icon_surface(void)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        return NULL;
    }
    SDL_FillRect(s, NULL, 0x00000000);
    Uint32 blue = 0xFF0072B2, white = 0xFFFFFFFF, orange = 0xFFE69F00, green = 0xFF009E73;
    /* rounded square */
    for (int y = 0; y < 64; y++) {
        for (int x = 0; x < 64; x++) {
            int dx = x < 12 ? 12 - x : x > 51 ? x - 51 : 0;
            int dy = y < 12 ? 12 - y : y > 51 ? y - 51 : 0;
            if (dx * dx + dy * dy <= 144) {
                ((Uint32 *)s->pixels)[y * s->pitch / 4 + x] = blue;
            }
        }
    }
    thick_line(s, 20, 40, 32, 20, 2, white);
    thick_line(s, 32, 20, 46, 40, 2, white);
    disc(s, 32, 20, 9, white);
    disc(s, 32, 20, 6, orange);
    disc(s, 19, 42, 8, white);
    disc(s, 19, 42, 5, green);
    disc(s, 46, 42, 8, white);
    disc(s, 46, 42, 5, green);
    return s;
}
