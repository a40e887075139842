#include "kernels.h"
#include <math.h>

// Never fuse a*b+c behind the reference's back: fmaf appears exactly where the Swift/ATen form fuses.
#pragma clang fp contract(off)

// Each flag combination is its own loop (no branch and no masked access inside a loop: a masked
// load from an unused, NULL array costs a microcode assist per vector).
#define ADAM_LOOP(LERP, AMS)                                                                        \
    for (size_t i = 0; i < n; i++) {                                                                \
        float g = u[i], mi = m[i];                                                                  \
        mi = LERP ? fmaf(a1, g - mi, mi) : fmaf(b1, g - mi, g);                                     \
        float vi = v[i] * beta2 + a2 * g * g;                                                       \
        float second = vi;                                                                          \
        if (AMS) { second = vmax[i] > vi ? vmax[i] : vi; vmax[i] = second; }                        \
        m[i] = mi; v[i] = vi;                                                                       \
        u[i] = (c1 * mi) / (sqrtf(second) / s2 + eps);                                              \
    }
#define ADAM_BODY                                                                                   \
    if (amsgrad) { if (lerp_from_m) { ADAM_LOOP(1, 1) } else { ADAM_LOOP(0, 1) } }                  \
    else { if (lerp_from_m) { ADAM_LOOP(1, 0) } else { ADAM_LOOP(0, 0) } }

#define RMSPROP_LOOP(CENTERED, MOMENTUM)                                                             \
    for (size_t i = 0; i < n; i++) {                                                                \
        float g = u[i];                                                                             \
        float vi = v[i] * alpha + a * g * g;                                                        \
        float rho;                                                                                  \
        v[i] = vi;                                                                                  \
        if (CENTERED) {                                                                             \
            float mi = mean[i];                                                                     \
            mi = lerp_from_mean ? fmaf(a, g - mi, mi) : fmaf(-(1 - a), g - mi, g);                  \
            mean[i] = mi;                                                                           \
            rho = sqrtf(vi + (-1 * mi) * mi);                                                       \
        } else {                                                                                    \
            rho = sqrtf(vi);                                                                        \
        }                                                                                           \
        rho += eps;                                                                                 \
        if (MOMENTUM) { float bi = b[i] * mu + g / rho; b[i] = bi; u[i] = bi; } else { u[i] = g / rho; } \
    }
#define RMSPROP_BODY                                                                                \
    if (centered) { if (b) { RMSPROP_LOOP(1, 1) } else { RMSPROP_LOOP(1, 0) } }                     \
    else { if (b) { RMSPROP_LOOP(0, 1) } else { RMSPROP_LOOP(0, 0) } }

#define ADAGRAD_BODY                                                                                \
    for (size_t i = 0; i < n; i++) {                                                                \
        float si = s[i] + u[i] * u[i];                                                              \
        s[i] = si;                                                                                  \
        u[i] = u[i] / (sqrtf(si) + eps);                                                            \
    }

#define TRACE_LOOP(FIRST, NESTEROV)                                                                 \
    for (size_t i = 0; i < n; i++) {                                                                \
        float bi = FIRST ? u[i] : mu * b[i] + u[i];                                                 \
        b[i] = bi;                                                                                  \
        u[i] = NESTEROV ? fmaf(mu, bi, u[i]) : bi;                                                  \
    }
#define TRACE_BODY                                                                                  \
    if (first) { if (nesterov) { TRACE_LOOP(1, 1) } else { TRACE_LOOP(1, 0) } }                     \
    else { if (nesterov) { TRACE_LOOP(0, 1) } else { TRACE_LOOP(0, 0) } }

#define ADAM_ARGS size_t n, float *restrict u, float *restrict m, float *restrict v, float *restrict vmax, int amsgrad, \
    int lerp_from_m, float a1, float b1, float beta2, float a2, float c1, float s2, float eps
#define RMSPROP_ARGS size_t n, float *restrict u, float *restrict v, float *restrict mean, float *restrict b, int centered, \
    int lerp_from_mean, float alpha, float a, float eps, float mu
#define ADAGRAD_ARGS size_t n, float *restrict u, float *restrict s, float eps
#define TRACE_ARGS size_t n, float *restrict u, float *restrict b, int first, int nesterov, float mu

static void adam_base(ADAM_ARGS) { ADAM_BODY }
static void rmsprop_base(RMSPROP_ARGS) { RMSPROP_BODY }
static void adagrad_base(ADAGRAD_ARGS) { ADAGRAD_BODY }
static void trace_base(TRACE_ARGS) { TRACE_BODY }

#if defined(__x86_64__) && defined(__clang__)
#define FAST __attribute__((target("avx2,fma")))
FAST static void adam_fast(ADAM_ARGS) { ADAM_BODY }
FAST static void rmsprop_fast(RMSPROP_ARGS) { RMSPROP_BODY }
FAST static void adagrad_fast(ADAGRAD_ARGS) { ADAGRAD_BODY }
FAST static void trace_fast(TRACE_ARGS) { TRACE_BODY }
static int supported = -1, forced = -1;
static int fast(void) {
    if (supported < 0) { __builtin_cpu_init(); supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"); }
    return forced >= 0 ? forced && supported : supported;
}
int reprise_kernels_select(int build) { forced = build < 0 ? -1 : build > 0; return fast(); }
#define DISPATCH(name, ...) if (fast()) name##_fast(__VA_ARGS__); else name##_base(__VA_ARGS__)
#else
#define DISPATCH(name, ...) name##_base(__VA_ARGS__)
int reprise_kernels_select(int build) { (void)build; return 0; }
#endif

void reprise_adam_f32(size_t n, float *u, float *m, float *v, float *vmax, int amsgrad, int lerp_from_m,
                      float a1, float b1, float beta2, float a2, float c1, float s2, float eps) {
    DISPATCH(adam, n, u, m, v, vmax, amsgrad, lerp_from_m, a1, b1, beta2, a2, c1, s2, eps);
}
void reprise_rmsprop_f32(size_t n, float *u, float *v, float *mean, float *b, int centered, int lerp_from_mean,
                         float alpha, float a, float eps, float mu) {
    DISPATCH(rmsprop, n, u, v, mean, b, centered, lerp_from_mean, alpha, a, eps, mu);
}
void reprise_adagrad_f32(size_t n, float *u, float *s, float eps) { DISPATCH(adagrad, n, u, s, eps); }
void reprise_trace_f32(size_t n, float *u, float *b, int first, int nesterov, float mu) {
    DISPATCH(trace, n, u, b, first, nesterov, mu);
}
