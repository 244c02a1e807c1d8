#pragma once

namespace meterdesk {
// 128-bit intermediates for money arithmetic (tokens x price can pass 2^63).
// GCC and Clang provide it; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;
} // namespace meterdesk
