// A reproducible sgemm: C ← α·op(A)·op(B) + β·C (row-major), whose bits do not depend on the CPU's
// vector width. Every element of C is
//
//     acc = 0;  for p = 0 … k−1:  acc = fma(op(A)[i,p], op(B)[p,j], acc)      (one rounding each)
//     C[i,j] = β == 0 ? α·acc : fma(β, C[i,j], α·acc)
//
// — one fused multiply-add per product, in the order of p, never split or reassociated. The code
// vectorises across rows and columns of C only (each lane of a register is one element of C and runs
// that sequence), so the tile shape, the vector width and the instruction set change the speed and
// never a bit: the AVX-512 path (16-float vectors, 12×32 tiles), the AVX2 path (8-float vectors, 6×16
// tiles) and the scalar path (libm's fmaf, correctly rounded in software where the CPU has no FMA)
// give identical results, which SgemmTests checks on every shape class on any x86-64 machine (the
// 16-float source also compiles for AVX2, as pairs of 8-float operations). Edges are computed in
// full tiles of zero-padded panels, and only the valid part is written.
//
// The flush-to-zero and denormals-are-zero flags are pinned on for the call, as Reprise runs every
// thread (BLASThreads.pin: denormal weights under weight decay otherwise take a microcode path per
// product): a caller that cleared them gets the same bits as one that did not. Tiny results are then
// zero on every path — the vector FMAs and libm's fmaf, in hardware or in software, round under the
// same MXCSR.
#include "kernels.h"
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xmmintrin.h>

#pragma clang fp contract(off)

// Clang's extended vectors: a float assigned to one is splat to every lane (a broadcast from memory,
// not an add and a shuffle).
typedef float v8 __attribute__((ext_vector_type(8)));
typedef float v16 __attribute__((ext_vector_type(16)));
// The same, at 4-byte alignment: loads straight from a caller's matrix.
typedef float v8u __attribute__((ext_vector_type(8), aligned(4)));
typedef float v16u __attribute__((ext_vector_type(16), aligned(4)));

#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f,avx2,fma")))

// Scratch for the packed panels, per thread, grown once and kept (no allocation per call after
// the first of a size).
static _Thread_local float *packed_a, *packed_b;
static _Thread_local size_t packed_a_size, packed_b_size;

static int refuse_scratch;  // tests: 1 acts as if no packing memory could be had, 2 as if only B's could not

void reprise_sgemm_refuse_scratch(int refuse) { refuse_scratch = refuse; }

// NULL when the memory cannot be had: the product (or the thread's share of it) then runs on the
// reference path (same bits).
static float *scratch(float **buffer, size_t *size, size_t count) {
    if (refuse_scratch == 1 || (refuse_scratch == 2 && buffer == &packed_b)) return NULL;
    if (count > *size) {
        free(*buffer);
        size_t bytes = ((count * sizeof(float) + 63) / 64) * 64;
        *buffer = aligned_alloc(64, bytes);
        *size = *buffer ? count : 0;
    }
    return *buffer;
}

// Threads: the column strips of C are split into contiguous ranges (parts); every element is still
// computed by one thread with the same sequence, so the bits do not depend on the thread count.
// Workers wait spinning briefly, then on a condition variable. Every thread, the caller included,
// claims parts until none is left, and the caller waits only for parts claimed: a worker that a
// busy machine has not scheduled yet costs nothing (waiting for every worker to check in, a
// two-thread step ran several times slower than one thread on a core shared with a build). Which
// thread runs a part changes no bit: a part is the same sequence of operations on any thread.
typedef void (*part_fn)(void *context, int part, int parts);
static int pool_size = 1;  // threads that compute, the caller's included
static int pool_started = 0;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_wake = PTHREAD_COND_INITIALIZER;
static _Atomic unsigned long pool_generation;
// The parts of the current run: generation (high 32 bits), their count (bits 16–31) and the next
// part to claim (low 16 bits), in one word so that a claim is one compare-and-swap that fails when
// the run is over or another took that part.
static _Atomic uint64_t pool_claims;
static _Atomic int pool_done;  // parts finished in the current run
static _Atomic int pool_busy;
static part_fn pool_fn;
static void *pool_context;

// Claims and runs parts of the run described by pool_claims until none is left. A claim succeeds
// only while the caller waits for that part, so pool_fn and pool_context are the run's.
static void claim_parts(void) {
    uint64_t word = atomic_load_explicit(&pool_claims, memory_order_acquire);
    for (;;) {
        int next = (int)(word & 0xffff), parts = (int)((word >> 16) & 0xffff);
        if (next >= parts) return;
        if (!atomic_compare_exchange_weak_explicit(&pool_claims, &word, word + 1, memory_order_acq_rel, memory_order_acquire)) continue;
        pool_fn(pool_context, next, parts);
        atomic_fetch_add_explicit(&pool_done, 1, memory_order_release);
        word = atomic_load_explicit(&pool_claims, memory_order_acquire);
    }
}

static void *pool_worker(void *argument) {
    (void)argument;
    _mm_setcsr(_mm_getcsr() | 0x8040u);
    unsigned long seen = 0;
    for (;;) {
        unsigned long now;
        int spins = 0;
        while ((now = atomic_load_explicit(&pool_generation, memory_order_acquire)) == seen) {
            if (++spins < 4000) { _mm_pause(); continue; }
            pthread_mutex_lock(&pool_lock);
            while ((now = atomic_load_explicit(&pool_generation, memory_order_acquire)) == seen) pthread_cond_wait(&pool_wake, &pool_lock);
            pthread_mutex_unlock(&pool_lock);
            break;
        }
        seen = now;
        claim_parts();
    }
    return NULL;
}

void reprise_sgemm_threads(int threads) {
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    pthread_mutex_lock(&pool_lock);
    for (int t = pool_started + 1; t < threads; t++) {
        pthread_t thread;
        if (pthread_create(&thread, NULL, pool_worker, (void *)(intptr_t)t) != 0) { threads = t; break; }
        pthread_detach(thread);
        pool_started = t;
    }
    pool_size = threads;
    pthread_mutex_unlock(&pool_lock);
}

// Runs fn(context, part, parts) for part = 0 … parts−1 on the pool (serially when the pool is busy:
// another thread's product is running on it). Parts never outnumber the pool (at most 64 threads),
// well inside the 16 bits the claim word gives them.
static void run_parts(part_fn fn, void *context, int parts) {
    int expected = 0;
    if (parts <= 1 || !atomic_compare_exchange_strong(&pool_busy, &expected, 1)) {
        for (int part = 0; part < parts; part++) fn(context, part, parts);
        return;
    }
    pool_fn = fn; pool_context = context;
    atomic_store_explicit(&pool_done, 0, memory_order_relaxed);
    uint64_t generation = (atomic_load_explicit(&pool_claims, memory_order_relaxed) >> 32) + 1;
    atomic_store_explicit(&pool_claims, (generation << 32) | ((uint64_t)parts << 16), memory_order_release);
    pthread_mutex_lock(&pool_lock);
    atomic_fetch_add_explicit(&pool_generation, 1, memory_order_acq_rel);
    pthread_cond_broadcast(&pool_wake);
    pthread_mutex_unlock(&pool_lock);
    claim_parts();
    while (atomic_load_explicit(&pool_done, memory_order_acquire) < parts) _mm_pause();
    atomic_store_explicit(&pool_busy, 0, memory_order_release);
}

void reprise_parallel(int parts, void (*fn)(void *context, int part, int parts), void *context) {
    if (parts > pool_size) parts = pool_size;
    if (parts < 1) parts = 1;
    run_parts(fn, context, parts);
}

int reprise_parallel_threads(void) { return pool_size; }

typedef struct {
    int ta, tb, swap;
    size_t m, n, k, rows_all, cols_all, strips, ldc, lda, ldb;
    size_t groups, stride_b, stride_c;  // op(B) and C of group g at b + g·stride_b, c + g·stride_c
    float alpha, beta;
    const float *a, *b, *pa;
    float *c;
} gemm_job;

static void scalar_gemm(int ta, int tb, size_t m, size_t n, size_t k, float alpha, const float *a, size_t lda,
                        const float *b, size_t ldb, float beta, float *c, size_t ldc);

// Columns j0 ..< j1 of the product as run (C's rows when it runs transposed) by the reference, where
// a thread could not have its packing memory: the same bits, slowly, instead of a crash.
static void scalar_columns(const gemm_job *g, size_t j0, size_t j1) {
    if (j1 <= j0) return;
    if (!g->swap)
        scalar_gemm(g->ta, g->tb, g->m, j1 - j0, g->k, g->alpha, g->a, g->lda, g->tb ? g->b + j0 * g->ldb : g->b + j0, g->ldb,
                    g->beta, g->c + j0, g->ldc);
    else
        scalar_gemm(g->ta, g->tb, j1 - j0, g->n, g->k, g->alpha, g->ta ? g->a + j0 : g->a + j0 * g->lda, g->lda, g->b, g->ldb,
                    g->beta, g->c + j0 * g->ldc, g->ldc);
}

// op(A) rows i0 … i0+mr−1 (zero past m) as `mr` floats per p: panel[p·mr + r] = op(A)[i0+r, p].
// Each source row or column is read along its contiguous direction.
static void pack_a(int trans, size_t m, size_t k, const float *a, size_t lda, size_t i0, size_t mr, float *panel) {
    size_t rows = m - i0 < mr ? m - i0 : mr;
    if (trans) {
        for (size_t p = 0; p < k; p++) {
            const float *src = a + p * lda + i0;
            float *dst = panel + p * mr;
            for (size_t r = 0; r < rows; r++) dst[r] = src[r];
            for (size_t r = rows; r < mr; r++) dst[r] = 0.0f;
        }
    } else {
        for (size_t r = 0; r < rows; r++) {
            const float *src = a + (i0 + r) * lda;
            for (size_t p = 0; p < k; p++) panel[p * mr + r] = src[p];
        }
        for (size_t r = rows; r < mr; r++)
            for (size_t p = 0; p < k; p++) panel[p * mr + r] = 0.0f;
    }
}

// op(B) columns j0 … j0+nr−1 (zero past n) as `nr` floats per p: panel[p·nr + c] = op(B)[p, j0+c].
static void pack_b(int trans, size_t n, size_t k, const float *b, size_t ldb, size_t j0, size_t nr, float *panel) {
    size_t cols = n - j0 < nr ? n - j0 : nr;
    if (trans) {
        for (size_t c = 0; c < cols; c++) {
            const float *src = b + (j0 + c) * ldb;
            for (size_t p = 0; p < k; p++) panel[p * nr + c] = src[p];
        }
        for (size_t c = cols; c < nr; c++)
            for (size_t p = 0; p < k; p++) panel[p * nr + c] = 0.0f;
    } else {
        for (size_t p = 0; p < k; p++) {
            float *row = panel + p * nr;
            memcpy(row, b + p * ldb + j0, cols * sizeof(float));
            for (size_t c = cols; c < nr; c++) row[c] = 0.0f;
        }
    }
}

// One micro-kernel per (vector type, tile): MR rows × NV vectors of VW floats, every lane its own
// sequence of fmas over p.
#define MICRO(NAME, ATTR, VT, VTU, VW, MR, NV)                                                       \
    ATTR static void NAME(size_t k, const float *restrict pa, const float *restrict pb, size_t ldpb, float *restrict tile) { \
        VT acc[MR][NV];                                                                             \
        _Pragma("clang loop unroll(full)") for (int r = 0; r < MR; r++)                             \
            _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) acc[r][v] = 0.0f;       \
        for (size_t p = 0; p < k; p++) {                                                            \
            VT bv[NV];                                                                              \
            _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++)                         \
                bv[v] = *(const VTU *)(pb + p * ldpb + v * VW);                                     \
            _Pragma("clang loop unroll(full)") for (int r = 0; r < MR; r++) {                       \
                VT av = pa[p * MR + r];                                                             \
                _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++)                     \
                    acc[r][v] = __builtin_elementwise_fma(av, bv[v], acc[r][v]);                    \
            }                                                                                       \
        }                                                                                           \
        _Pragma("clang loop unroll(full)") for (int r = 0; r < MR; r++)                             \
            _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++)                         \
                *(VT *)(tile + r * (NV * VW) + v * VW) = acc[r][v];                                 \
    }                                                                                               \
    /* The valid part of a tile onto C, with α and β (β = 0: C not read); transposed: tile row r,    \
       column j is C's element (j, r), the product having run as Cᵀ = op(B)ᵀ·op(A)ᵀ. Compiled for the \
       path's instruction set, so fmaf is one instruction. */                                       \
    ATTR static void NAME##_finish(const float *restrict tile, size_t rows, size_t cols, int transposed, \
                                   float alpha, float beta, float *restrict c, size_t ldc) {       \
        enum { NR = NV * VW };                                                                      \
        if (!transposed) {                                                                          \
            for (size_t r = 0; r < rows; r++) {                                                     \
                const float *t = tile + r * NR;                                                     \
                float *out = c + r * ldc;                                                           \
                if (beta == 0.0f) for (size_t j = 0; j < cols; j++) out[j] = alpha * t[j];          \
                else for (size_t j = 0; j < cols; j++) out[j] = fmaf(beta, out[j], alpha * t[j]);   \
            }                                                                                       \
        } else {                                                                                    \
            for (size_t j = 0; j < cols; j++) {                                                     \
                float *out = c + j * ldc;                                                           \
                if (beta == 0.0f) for (size_t r = 0; r < rows; r++) out[r] = alpha * tile[r * NR + j]; \
                else for (size_t r = 0; r < rows; r++) out[r] = fmaf(beta, out[r], alpha * tile[r * NR + j]); \
            }                                                                                       \
        }                                                                                           \
    }                                                                                               \
    ATTR static void NAME##_part(void *context, int part, int parts) {                               \
        enum { NR = NV * VW };                                                                      \
        const gemm_job *job = context;                                                              \
        size_t blocks = (job->cols_all + NR - 1) / NR, total = blocks * job->groups;                \
        size_t first = total * part / parts, last = total * (part + 1) / parts;                     \
        float *pb = scratch(&packed_b, &packed_b_size, NR * (job->k ? job->k : 1));                 \
        float tile[MR * NR] __attribute__((aligned(64)));                                          \
        for (size_t index = first; index < last; index++) {                                         \
            /* Group by group, block by block: this group's operands as a one-group job. */          \
            gemm_job one = *job;                                                                    \
            const gemm_job *g = &one;                                                               \
            size_t group = index / blocks, block = index % blocks;                                  \
            one.b += group * job->stride_b;                                                         \
            one.c += group * job->stride_c;                                                         \
            size_t j0 = block * NR;                                                                 \
            if (!pb) {                                                                              \
                scalar_columns(g, j0, j0 + NR < g->cols_all ? j0 + NR : g->cols_all);               \
                continue;                                                                           \
            }                                                                                       \
            size_t cols = g->cols_all - j0 < NR ? g->cols_all - j0 : NR;                            \
            /* A full strip of a row-major operand is read where it lies when few row strips use it \
               (packing would cost more than it saves) and its rows are not 4 KiB apart (they would \
               share L1 sets); the rest is packed. */                                               \
            size_t ld = g->swap ? g->lda : g->ldb;                                                  \
            int direct = cols == NR && (g->swap ? g->ta : !g->tb) && g->strips <= 4 && ld % 1024 != 0; \
            const float *bp = pb;                                                                   \
            size_t ldbp = NR;                                                                       \
            if (direct) { bp = g->swap ? g->a + j0 : g->b + j0; ldbp = ld; }                       \
            else if (g->swap) pack_b(!g->ta, g->m, g->k, g->a, g->lda, j0, NR, pb);                 \
            else pack_b(g->tb, g->n, g->k, g->b, g->ldb, j0, NR, pb);                               \
            for (size_t s = 0; s < g->strips; s++) {                                                \
                NAME(g->k, g->pa + s * MR * g->k, bp, ldbp, tile);                                  \
                size_t i0 = s * MR, rows = g->rows_all - i0 < MR ? g->rows_all - i0 : MR;           \
                NAME##_finish(tile, rows, cols, g->swap, g->alpha, g->beta,                         \
                       g->swap ? g->c + j0 * g->ldc + i0 : g->c + i0 * g->ldc + j0, g->ldc);        \
            }                                                                                       \
        }                                                                                           \
    }                                                                                               \
    ATTR static void NAME##_gemm(int ta, int tb, size_t m, size_t n, size_t k, float alpha, const float *a, size_t lda, \
                                 const float *b, size_t ldb, size_t stride_b, float beta, float *c, size_t ldc, \
                                 size_t stride_c, size_t groups) {                                  \
        enum { NR = NV * VW };                                                                      \
        /* Narrower than a tile: Cᵀ = op(B)ᵀ·op(A)ᵀ, the long side across the vectors (fma(x, y, s)  \
           and fma(y, x, s) round the same exact value: the same bits). op(B) is then the packed      \
           operand, one per group: such groups run one after another. */                           \
        int swap = n < NR && m > n;                                                                 \
        if (swap && groups > 1) {                                                                   \
            for (size_t group = 0; group < groups; group++)                                         \
                NAME##_gemm(ta, tb, m, n, k, alpha, a, lda, b + group * stride_b, ldb, 0, beta, c + group * stride_c, ldc, 0, 1); \
            return;                                                                                 \
        }                                                                                           \
        size_t rows_all = swap ? n : m, cols_all = swap ? m : n;                                    \
        size_t strips = (rows_all + MR - 1) / MR;                                                   \
        float *pa = scratch(&packed_a, &packed_a_size, strips * MR * (k ? k : 1));                  \
        if (!pa) {                                                                                  \
            for (size_t group = 0; group < groups; group++)                                         \
                scalar_gemm(ta, tb, m, n, k, alpha, a, lda, b + group * stride_b, ldb, beta, c + group * stride_c, ldc); \
            return;                                                                                 \
        }                                                                                           \
        for (size_t s = 0; s < strips; s++) {                                                       \
            if (swap) pack_a(!tb, n, k, b, ldb, s * MR, MR, pa + s * MR * k);                       \
            else pack_a(ta, m, k, a, lda, s * MR, MR, pa + s * MR * k);                             \
        }                                                                                           \
        gemm_job job = {ta, tb, swap, m, n, k, rows_all, cols_all, strips, ldc, lda, ldb, groups, stride_b, stride_c, \
                        alpha, beta, a, b, pa, c};                                                  \
        /* Split only products worth a thread's wake-up (about 10⁵ multiply-adds and up). */        \
        size_t blocks = (cols_all + NR - 1) / NR * groups;                                          \
        int parts = m * n * k * groups < 100000 ? 1 : (int)(blocks < (size_t)pool_size ? blocks : (size_t)pool_size); \
        run_parts(NAME##_part, &job, parts);                                                        \
    }

MICRO(micro_avx512, AVX512, v16, v16u, 16, 12, 2)
MICRO(micro_avx2, AVX2, v8, v8u, 8, 6, 2)
// The AVX-512 path's 16-float source compiled for AVX2 (pairs of 8-float operations): what lets a
// machine without AVX-512 check that path's bits.
MICRO(micro_avx2_wide, AVX2, v16, v16u, 16, 4, 1)

// The reference: the defining sequence, one element at a time, with libm's fmaf.
static void scalar_gemm(int ta, int tb, size_t m, size_t n, size_t k, float alpha, const float *a, size_t lda,
                        const float *b, size_t ldb, float beta, float *c, size_t ldc) {
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            float acc = 0.0f;
            for (size_t p = 0; p < k; p++) acc = fmaf(ta ? a[p * lda + i] : a[i * lda + p], tb ? b[j * ldb + p] : b[p * ldb + j], acc);
            float t = alpha * acc;
            c[i * ldc + j] = beta == 0.0f ? t : fmaf(beta, c[i * ldc + j], t);
        }
}

static int chosen_path = -1;

static int best_path(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return REPRISE_SGEMM_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return REPRISE_SGEMM_AVX2;
    return REPRISE_SGEMM_SCALAR;
}

int reprise_sgemm_select(int path) {
    int best = best_path();
    if (path < 0) { chosen_path = best; return chosen_path; }
    if (path == REPRISE_SGEMM_AVX512 && best != REPRISE_SGEMM_AVX512) return -1;
    if ((path == REPRISE_SGEMM_AVX2 || path == REPRISE_SGEMM_AVX2_WIDE) && best == REPRISE_SGEMM_SCALAR) return -1;
    chosen_path = path;
    return chosen_path;
}

int reprise_sgemm_path(void) {
    if (chosen_path < 0) chosen_path = best_path();
    return chosen_path;
}

void reprise_sgemm(int trans_a, int trans_b, size_t m, size_t n, size_t k, float alpha, const float *a, size_t lda,
                   const float *b, size_t ldb, float beta, float *c, size_t ldc) {
    reprise_sgemm_groups(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, 0, beta, c, ldc, 0, 1);
}

void reprise_sgemm_groups(int trans_a, int trans_b, size_t m, size_t n, size_t k, float alpha, const float *a, size_t lda,
                          const float *b, size_t ldb, size_t stride_b, float beta, float *c, size_t ldc, size_t stride_c,
                          size_t groups) {
    if (m == 0 || n == 0 || groups == 0) return;
    unsigned csr = _mm_getcsr();
    if ((csr & 0x8040u) != 0x8040u) _mm_setcsr(csr | 0x8040u);  // FTZ (bit 15) and DAZ (bit 6) on
    switch (reprise_sgemm_path()) {
    case REPRISE_SGEMM_AVX512:
        micro_avx512_gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, stride_b, beta, c, ldc, stride_c, groups); break;
    case REPRISE_SGEMM_AVX2:
        micro_avx2_gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, stride_b, beta, c, ldc, stride_c, groups); break;
    case REPRISE_SGEMM_AVX2_WIDE:
        micro_avx2_wide_gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, stride_b, beta, c, ldc, stride_c, groups); break;
    default:
        for (size_t group = 0; group < groups; group++)
            scalar_gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b + group * stride_b, ldb, beta, c + group * stride_c, ldc);
        break;
    }
    if ((csr & 0x8040u) != 0x8040u) _mm_setcsr(csr);
}

int reprise_flush_to_zero(int on) {
    unsigned csr = _mm_getcsr();
    _mm_setcsr(on ? (csr | 0x8040u) : (csr & ~0x8040u));
    return (csr & 0x8040u) != 0;
}

// y ← y + α·x, one fma per element (the reproducible kernel's parameter update), split over the
// pool in contiguous ranges: every element the same fma whatever the split or the path.
typedef struct { size_t n; float alpha; const float *x; float *y; } axpy_job;

AVX2 static void axpy_avx2(size_t n, float alpha, const float *restrict x, float *restrict y) {
    v8 a = alpha;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) *(v8u *)(y + i) = __builtin_elementwise_fma(a, *(const v8u *)(x + i), *(v8u *)(y + i));
    for (; i < n; i++) y[i] = fmaf(alpha, x[i], y[i]);
}

static void axpy_part(void *context, int part, int parts) {
    const axpy_job *job = context;
    size_t first = (job->n * part / parts) & ~(size_t)15, last = part == parts - 1 ? job->n : (job->n * (part + 1) / parts) & ~(size_t)15;
    if (reprise_sgemm_path() == REPRISE_SGEMM_SCALAR) {
        for (size_t i = first; i < last; i++) job->y[i] = fmaf(job->alpha, job->x[i], job->y[i]);
    } else {
        axpy_avx2(last - first, job->alpha, job->x + first, job->y + first);
    }
}

void reprise_saxpy(size_t n, float alpha, const float *x, float *y) {
    axpy_job job = {n, alpha, x, y};
    size_t parts = n / 16384;
    if (parts > (size_t)pool_size) parts = (size_t)pool_size;
    unsigned csr = _mm_getcsr();
    if ((csr & 0x8040u) != 0x8040u) _mm_setcsr(csr | 0x8040u);
    run_parts(axpy_part, &job, parts < 1 ? 1 : (int)parts);
    if ((csr & 0x8040u) != 0x8040u) _mm_setcsr(csr);
}
