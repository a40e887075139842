// CBLAS and the few LAPACK routines Reprise uses, all exported by libopenblas.
#ifndef REPRISE_COPENBLAS_SHIM_H
#define REPRISE_COPENBLAS_SHIM_H

#include <cblas.h>

// LAPACK (Fortran ABI: every argument by pointer).
void spotrf_(const char *uplo, const int *n, float *a, const int *lda, int *info);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
void spotrs_(const char *uplo, const int *n, const int *nrhs, const float *a, const int *lda,
             float *b, const int *ldb, int *info);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info);
void ssyev_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda,
            float *w, float *work, const int *lwork, int *info);
void dsyev_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda,
            double *w, double *work, const int *lwork, int *info);

// Flush denormal floats to zero (FTZ) and read denormal inputs as zero (DAZ) in this thread.
// Weights that decay towards zero under weight decay otherwise become denormal, and every product
// with them takes a slow microcode path (seen: 7x slower training steps).
#if defined(__x86_64__)
#include <xmmintrin.h>
static inline void reprise_flush_denormals(void) { _mm_setcsr(_mm_getcsr() | 0x8040); }
#elif defined(__aarch64__)
static inline void reprise_flush_denormals(void) {
    unsigned long fpcr;
    __asm__ __volatile__("mrs %0, fpcr" : "=r"(fpcr));
    __asm__ __volatile__("msr fpcr, %0" : : "r"(fpcr | (1UL << 24)));
}
#else
static inline void reprise_flush_denormals(void) {}
#endif

#endif
