#include "keyaccounts/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "keyaccounts/alloc.h"

enum { ARENA_BLOCK = 64 * 1024 };

struct ArenaBlock {
    ArenaBlock *next;
    size_t size;
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

void arena_init(Arena *a)
{
    a->head = NULL;
    a->used = 0;
}

void arena_deinit(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        ka_free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}

void *arena_alloc(Arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX / 2) {
        return NULL;
    }
    size = (size + align - 1) / align * align;
    if (size == 0) {
        size = align;
    }
    ArenaBlock *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        b = ka_malloc(sizeof *b + cap);
        if (!b) {
            return NULL;
        }
        b->next = a->head;
        b->size = cap;
        b->used = 0;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used += size;
    memset(p, 0, size);
    return p;
}

void *arena_array(Arena *a, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / 4 / size) {
        return NULL;
    }
    return arena_alloc(a, count * size);
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}
