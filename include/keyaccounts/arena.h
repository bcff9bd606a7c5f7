/* Arena: memory grouped by lifetime. Everything allocated from an arena is
 * freed by one arena_deinit() call. Part of the core. */
#ifndef KEYACCOUNTS_ARENA_H
#define KEYACCOUNTS_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *head;
    size_t used;      /* bytes handed out, for statistics */
} Arena;

void arena_init(Arena *a);
void arena_deinit(Arena *a);
/* Zeroed, max_align_t-aligned memory; NULL when out of memory. */
void *arena_alloc(Arena *a, size_t size);
void *arena_array(Arena *a, size_t count, size_t size); /* checks overflow */
/* Copies len bytes and adds a NUL; NULL when out of memory. */
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_strdup(Arena *a, const char *s);

#endif
