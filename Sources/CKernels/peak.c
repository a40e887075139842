// The core's float32 FMA peak, the physical limit `reprise bench` measures against: a loop of
// fused multiply-adds on registers only (no load, no store), with more independent accumulators
// than an FMA's latency × the number of FMA units needs, so the units never wait. Compiled per
// path, as the sgemm is: what a step reaches on the AVX-512 path is compared with the AVX-512
// peak, on the AVX2 path with the AVX2 peak.
#include "kernels.h"

typedef float v8 __attribute__((ext_vector_type(8)));
typedef float v16 __attribute__((ext_vector_type(16)));

#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f,avx2,fma")))

// Twelve chains of `iterations` fmas each; x·1 + 0 keeps every value finite and normal. The
// asm barrier makes the compiler keep every chain (it cannot prove the result unused or constant).
#define PEAK_LOOP(V)                                                                                 \
    V a0 = seed, a1 = seed + 1, a2 = seed + 2, a3 = seed + 3, a4 = seed + 4, a5 = seed + 5;          \
    V a6 = seed + 6, a7 = seed + 7, a8 = seed + 8, a9 = seed + 9, a10 = seed + 10, a11 = seed + 11;  \
    V one = 1.0f, zero = 0.0f;                                                                       \
    __asm__ volatile("" : "+x"(one), "+x"(zero));                                                    \
    for (long i = 0; i < iterations; i++) {                                                          \
        a0 = __builtin_elementwise_fma(a0, one, zero); a1 = __builtin_elementwise_fma(a1, one, zero);  \
        a2 = __builtin_elementwise_fma(a2, one, zero); a3 = __builtin_elementwise_fma(a3, one, zero);  \
        a4 = __builtin_elementwise_fma(a4, one, zero); a5 = __builtin_elementwise_fma(a5, one, zero);  \
        a6 = __builtin_elementwise_fma(a6, one, zero); a7 = __builtin_elementwise_fma(a7, one, zero);  \
        a8 = __builtin_elementwise_fma(a8, one, zero); a9 = __builtin_elementwise_fma(a9, one, zero);  \
        a10 = __builtin_elementwise_fma(a10, one, zero); a11 = __builtin_elementwise_fma(a11, one, zero); \
        __asm__ volatile("" : "+x"(a0), "+x"(a1), "+x"(a2), "+x"(a3), "+x"(a4), "+x"(a5));           \
        __asm__ volatile("" : "+x"(a6), "+x"(a7), "+x"(a8), "+x"(a9), "+x"(a10), "+x"(a11));         \
    }                                                                                                \
    V s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;                               \
    float out = 0;                                                                                   \
    for (int l = 0; l < (int)(sizeof(V) / sizeof(float)); l++) out += s[l];                          \
    return out;

AVX2 static float peak_avx2(long iterations, float seed) { PEAK_LOOP(v8) }
AVX512 static float peak_avx512(long iterations, float seed) { PEAK_LOOP(v16) }

double reprise_fma_peak_flops_per_iteration(int path) {
    // 12 chains × lanes × 2 flops (a multiply and an add) per iteration.
    return path == REPRISE_SGEMM_AVX512 ? 12.0 * 16 * 2 : path == REPRISE_SGEMM_SCALAR ? 0 : 12.0 * 8 * 2;
}

float reprise_fma_peak_run(int path, long iterations, float seed) {
    if (path == REPRISE_SGEMM_AVX512) {
        if (!(__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma"))) return -1;
        return peak_avx512(iterations, seed);
    }
    if (!(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) return -1;
    return peak_avx2(iterations, seed);
}
