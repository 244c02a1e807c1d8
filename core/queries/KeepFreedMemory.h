#pragma once

#include "meterdesk_core_export.h"

namespace meterdesk {

// Lets the dashboard's process keep the memory a load frees for the next
// load. By default glibc gives a freed block of more than 128 KB (later
// more, as it adapts) straight back to the system, and trims the heap once
// its free top passes that size. Each load of 100,000 users then took
// fresh pages again, one fault at a time: with the live snapshot held, an
// all-time load on PostgreSQL took 330 to 380 ms against 280 to 320 with
// the memory kept (a throwaway program, three runs of six each way).
//
// Blocks under 64 MB come from the heap, and the heap keeps up to 256 MB
// free. The peak is the same; what a load frees stays for the next. And
// the small blocks a load frees are merged as they are freed, on the
// thread that frees them: left in glibc's fast bins, 100,000 users'
// strings were merged by the next load's first large allocation, in its
// time (an all-time load on PostgreSQL, medians of ten loads in seven
// rounds: 210 to 235 ms against 212 to 272).
// Call once, early in main(). Without glibc it does nothing; it reports
// whether all three settings were taken.
METERDESK_CORE_EXPORT bool keepFreedMemory();

} // namespace meterdesk
