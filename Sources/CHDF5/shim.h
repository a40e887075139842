// HDF5's type, property and access-flag macros expand to globals or casts that Swift cannot
// import; these getters expose them.
#ifndef REPRISE_CHDF5_SHIM_H
#define REPRISE_CHDF5_SHIM_H

#include <hdf5.h>

static inline hid_t reprise_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t reprise_H5S_ALL(void) { return H5S_ALL; }
static inline hid_t reprise_H5P_FILE_CREATE(void) { return H5P_FILE_CREATE; }
static inline hid_t reprise_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t reprise_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t reprise_H5P_GROUP_CREATE(void) { return H5P_GROUP_CREATE; }
static inline hid_t reprise_H5T_NATIVE_FLOAT(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t reprise_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t reprise_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t reprise_H5T_IEEE_F32LE(void) { return H5T_IEEE_F32LE; }
static inline hid_t reprise_H5T_IEEE_F64LE(void) { return H5T_IEEE_F64LE; }
static inline hid_t reprise_H5T_STD_I64LE(void) { return H5T_STD_I64LE; }
static inline hid_t reprise_H5T_C_S1(void) { return H5T_C_S1; }
static inline unsigned reprise_H5F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }
static inline unsigned reprise_H5F_ACC_EXCL(void) { return H5F_ACC_EXCL; }
static inline unsigned reprise_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned reprise_H5F_ACC_RDWR(void) { return H5F_ACC_RDWR; }
static inline size_t reprise_H5T_VARIABLE(void) { return H5T_VARIABLE; }

/// Silences HDF5's automatic error stack printing; Reprise reports errors itself.
static inline void reprise_H5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

#endif
