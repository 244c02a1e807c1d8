#include "queries/KeepFreedMemory.h"

#include <cstdlib> // defines __GLIBC__ where it is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace meterdesk {

bool keepFreedMemory()
{
#if defined(__GLIBC__)
    // Both together: setting either one also stops glibc adapting the
    // other, and a trim threshold alone leaves every block over 128 KB
    // mapped and unmapped on its own (an all-time load: 500 to 740 ms).
    constexpr int MapAbove = 64 << 20, KeepFree = 256 << 20;
    // No fast bins: a small block freed past the thread's cache is merged
    // with its neighbours there and then, on the thread that frees it
    // (freeAside's), rather than kept unmerged until the next large
    // allocation merges them all: the next load's first, on its own time
    // (malloc_consolidate, a twelfth of an all-time load's CPU).
    return mallopt(M_MMAP_THRESHOLD, MapAbove) == 1 && mallopt(M_TRIM_THRESHOLD, KeepFree) == 1
        && mallopt(M_MXFAST, 0) == 1;
#else
    return false;
#endif
}

} // namespace meterdesk
