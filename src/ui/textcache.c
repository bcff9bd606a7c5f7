/* Cache of rendered strings: SDL_ttf rasterises on every call, so each
 * whole string is rendered once per (font, colour, wrap width, text) and kept
 * as a texture. Open addressing with linear probing; entries unused for a
 * while are evicted when the table grows large. */
#include <stdlib.h>
#include <string.h>

#include "app.h"

enum { CACHE_SLOTS = 4096, CACHE_HIGH = 2400, CACHE_KEEP_FRAMES = 4 };

typedef struct Entry {
    uint64_t hash;
    TTF_Font *font;
    uint32_t colour;
    uint32_t bg;   /* 0, or an opaque background the text was composited onto */
    int wrap;
    char *text;
    SDL_Texture *tex;
    int w, h;
    uint64_t used; /* frame of last use */
} Entry;

struct TextCache {
    Entry slots[CACHE_SLOTS];
    size_t count;
    uint64_t frame;
    unsigned long renders;
};

static uint64_t fnv(const char *s, uint64_t h)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t key_hash(TTF_Font *f, uint32_t colour, uint32_t bg, int wrap, const char *s)
{
    uint64_t h = 1469598103934665603ull;
    h ^= (uint64_t)(uintptr_t)f;
    h *= 1099511628211ull;
    h ^= colour;
    h *= 1099511628211ull;
    h ^= bg;
    h *= 1099511628211ull;
    h ^= (uint64_t)(unsigned)wrap;
    h *= 1099511628211ull;
    h = fnv(s, h);
    return h ? h : 1;
}

TextCache *textcache_create(void)
{
    return calloc(1, sizeof(TextCache));
}

static void drop(Entry *e)
{
    if (e->tex) {
        SDL_DestroyTexture(e->tex);
    }
    free(e->text);
    memset(e, 0, sizeof *e);
}

void textcache_clear(TextCache *c)
{
    if (!c) {
        return;
    }
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        if (c->slots[i].hash) {
            drop(&c->slots[i]);
        }
    }
    c->count = 0;
}

void textcache_destroy(TextCache *c)
{
    textcache_clear(c);
    free(c);
}

size_t textcache_count(const TextCache *c)
{
    return c->count;
}

unsigned long textcache_renders(const TextCache *c)
{
    return c->renders;
}

/* Rebuilds the table without the entries not used recently. */
static void evict(TextCache *c)
{
    Entry *old = malloc(sizeof c->slots);
    if (!old) {
        textcache_clear(c);
        return;
    }
    memcpy(old, c->slots, sizeof c->slots);
    memset(c->slots, 0, sizeof c->slots);
    c->count = 0;
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &old[i];
        if (!e->hash) {
            continue;
        }
        if (e->used + CACHE_KEEP_FRAMES < c->frame) {
            drop(e);
            continue;
        }
        size_t k = e->hash % CACHE_SLOTS;
        while (c->slots[k].hash) {
            k = (k + 1) % CACHE_SLOTS;
        }
        c->slots[k] = *e;
        c->count++;
    }
    free(old);
    if (c->count > CACHE_HIGH) { /* everything is in use: start again */
        textcache_clear(c);
    }
}

void textcache_frame(TextCache *c)
{
    c->frame++;
    if (c->count > CACHE_HIGH) {
        evict(c);
    }
}

/* The text composited onto an opaque background (NULL when out of memory). */
static SDL_Surface *onto(SDL_Surface *text, SDL_Color bg)
{
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, text->w, text->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out) {
        return NULL;
    }
    SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, bg.r, bg.g, bg.b, 255));
    SDL_SetSurfaceBlendMode(text, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(text, NULL, out, NULL);
    return out;
}

SDL_Texture *textcache_get(TextCache *c, SDL_Renderer *ren, TTF_Font *f, SDL_Color col, SDL_Color bgc,
                           int wrap, const char *s, int *w, int *h)
{
    *w = *h = 0;
    if (!f || !s || !s[0]) {
        return NULL;
    }
    uint32_t colour = (uint32_t)col.r << 24 | (uint32_t)col.g << 16 | (uint32_t)col.b << 8 | col.a;
    uint32_t bg = bgc.a == 255 ? ((uint32_t)bgc.r << 24 | (uint32_t)bgc.g << 16 | (uint32_t)bgc.b << 8 | 255u) : 0;
    uint64_t hash = key_hash(f, colour, bg, wrap, s);
    size_t k = hash % CACHE_SLOTS;
    while (c->slots[k].hash) {
        Entry *e = &c->slots[k];
        if (e->hash == hash && e->font == f && e->colour == colour && e->bg == bg && e->wrap == wrap
            && strcmp(e->text, s) == 0) {
            e->used = c->frame;
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
        k = (k + 1) % CACHE_SLOTS;
    }
    if (c->count >= CACHE_SLOTS - 1) {
        textcache_clear(c);
        k = hash % CACHE_SLOTS;
    }
    SDL_Surface *surf = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(f, s, col, (Uint32)wrap)
                                 : TTF_RenderUTF8_Blended(f, s, col);
    c->renders++;
    if (!surf) {
        return NULL;
    }
    if (bg) {
        SDL_Surface *opaque = onto(surf, bgc);
        SDL_FreeSurface(surf);
        surf = opaque;
        if (!surf) {
            return NULL;
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(ren, surf);
    if (tex && bg) {
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    }
    int sw = surf->w, sh = surf->h;
    SDL_FreeSurface(surf);
    char *copy = malloc(strlen(s) + 1);
    if (!tex || !copy) {
        free(copy);
        if (tex) {
            SDL_DestroyTexture(tex);
        }
        return NULL;
    }
    memcpy(copy, s, strlen(s) + 1);
    Entry *e = &c->slots[k];
    e->hash = hash;
    e->font = f;
    e->colour = colour;
    e->bg = bg;
    e->wrap = wrap;
    e->text = copy;
    e->tex = tex;
    e->w = sw;
    e->h = sh;
    e->used = c->frame;
    c->count++;
    *w = sw;
    *h = sh;
    return tex;
}
