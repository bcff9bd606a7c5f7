/* The simulation's one random number generator: PCG-XSH-RR 32, seeded by the
 * caller. Integer only, so outcomes are bit-identical on every machine. */
#ifndef KEYACCOUNTS_RNG_H
#define KEYACCOUNTS_RNG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Rng {
    uint64_t state;
    uint64_t inc;
} Rng;

void rng_seed(Rng *r, uint64_t seed, uint64_t stream);
uint32_t rng_next(Rng *r);
/* Uniform in [0, n), n >= 1, without modulo bias. */
uint32_t rng_below(Rng *r, uint32_t n);
/* True with the given chance in percent (clamped to 0..100). */
bool rng_chance(Rng *r, int percent);

#endif
