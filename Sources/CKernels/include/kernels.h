// The optimizers' elementwise updates in float32, compiled twice: for the baseline x86-64 (libm's
// fmaf) and, where the CPU has them, with AVX2 and FMA instructions, chosen once at run time. Both
// compute the same IEEE operations in the same order (no contraction of a*b+c into an fma unless the
// Swift reference fuses it), so they give bit-identical results: the choice never changes a number.
#ifndef REPRISE_KERNELS_H
#define REPRISE_KERNELS_H

#include <stddef.h>

// Adam (torch.optim.Adam order): m ← lerp(m, g, 1−β1) as ATen's fma; v ← v·β2 + (1−β2)·g·g;
// vmax ← max(vmax, v) when amsgrad; u ← (c1·m) / (√second / s2 + ε).
void reprise_adam_f32(size_t n, float *u, float *m, float *v, float *vmax, int amsgrad, int lerp_from_m,
                      float a1, float b1, float beta2, float a2, float c1, float s2, float eps);
// RMSprop: v ← v·α + a·g·g; centered: mean ← lerp(mean, g, a), ρ = √(v + (−mean)·mean); else ρ = √v;
// ρ += ε; with momentum: b ← b·μ + g/ρ, u ← b; else u ← g/ρ.
void reprise_rmsprop_f32(size_t n, float *u, float *v, float *mean, float *b, int centered, int lerp_from_mean,
                         float alpha, float a, float eps, float mu);
// Adagrad: s ← s + g·g; u ← g / (√s + ε).
void reprise_adagrad_f32(size_t n, float *u, float *s, float eps);
// Heavy ball: b ← first ? u : μ·b + u; u ← nesterov ? fma(μ, b, u) : b.
void reprise_trace_f32(size_t n, float *u, float *b, int first, int nesterov, float mu);

// Which build the updates use, for tests that compare the two: 0 the baseline, 1 AVX2/FMA (where the
// CPU has them), −1 the run-time choice (the default). Returns 1 when the AVX2/FMA build is now in use.
int reprise_kernels_select(int build);

// The reproducible sgemm (sgemm.c): C ← α·op(A)·op(B) + β·C, row-major, every element one fma per
// product in the order of k, so its bits do not depend on the path. Paths:
enum { REPRISE_SGEMM_SCALAR = 0, REPRISE_SGEMM_AVX2 = 1, REPRISE_SGEMM_AVX2_WIDE = 2, REPRISE_SGEMM_AVX512 = 3 };
void reprise_sgemm(int trans_a, int trans_b, size_t m, size_t n, size_t k, float alpha, const float *a, size_t lda,
                   const float *b, size_t ldb, float beta, float *c, size_t ldc);
// `groups` products that share A, one after another (threads split them and their column strips):
// C_g ← α·op(A)·op(B_g) + β·C_g with B_g = b + g·stride_b, C_g = c + g·stride_c, each element of each
// the same fma sequence as one reprise_sgemm call computes (a convolution's examples in one call).
void reprise_sgemm_groups(int trans_a, int trans_b, size_t m, size_t n, size_t k, float alpha, const float *a, size_t lda,
                          const float *b, size_t ldb, size_t stride_b, float beta, float *c, size_t ldc, size_t stride_c,
                          size_t groups);
// Forces a path (tests, benchmarks; −1: the fastest this CPU runs, the default). Returns the path now
// in use, or −1 when this CPU cannot run the one asked for.
int reprise_sgemm_select(int path);
int reprise_sgemm_path(void);
// Tests: 1 makes every packing allocation fail, 2 only the B panels' (each thread's share), so
// products take the reference path (same bits).
void reprise_sgemm_refuse_scratch(int refuse);
// Threads that compute a product (the caller's included; 1 by default): column strips are split
// among them, every element still computed by one thread in the same order — the same bits.
void reprise_sgemm_threads(int threads);
// Runs fn(context, part, parts) for part = 0 … parts−1 on the same threads (parts capped at their
// count; serially when another product holds them): the elementwise work of a step.
void reprise_parallel(int parts, void (*fn)(void *context, int part, int parts), void *context);
int reprise_parallel_threads(void);
// y ← y + α·x, one fma per element (the reproducible kernel's axpy), on the same threads and paths.
void reprise_saxpy(size_t n, float alpha, const float *x, float *y);
// Sets (1) or clears (0) this thread's flush-to-zero and denormals-are-zero flags; returns whether they were set.
int reprise_flush_to_zero(int on);

// The core's FMA peak (peak.c): runs `iterations` of a register-only loop of independent fmas on a
// path's vectors (REPRISE_SGEMM_AVX2 or _AVX512; −1 when this CPU cannot run it), each iteration
// `reprise_fma_peak_flops_per_iteration(path)` flops; the result only keeps the loop alive.
float reprise_fma_peak_run(int path, long iterations, float seed);
double reprise_fma_peak_flops_per_iteration(int path);

#endif
