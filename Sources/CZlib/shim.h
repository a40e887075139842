#ifndef REPRISE_CZLIB_SHIM_H
#define REPRISE_CZLIB_SHIM_H
#include <zlib.h>
#endif
