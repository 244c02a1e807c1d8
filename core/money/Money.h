#pragma once

#include "meterdesk_core_export.h"

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace meterdesk {

// An exact amount of US dollars, held as a whole number of nano-dollars
// (1e-9 USD). Sums never go through binary floating point; overflow is
// detected, never wrapped.
class METERDESK_CORE_EXPORT Money
{
public:
    static constexpr qint64 NanosPerDollar = 1'000'000'000;

    constexpr Money() = default;
    static constexpr Money fromNanos(qint64 nanos) { return Money(nanos); }
    // Parses "12", "0.000001", "-3.5" or "1e-6"-free decimal text; more than
    // nine decimals are rounded half away from zero. Empty or junk: nullopt.
    static std::optional<Money> fromDecimal(QStringView text);

    constexpr qint64 nanos() const { return m_nanos; }
    constexpr bool isZero() const { return m_nanos == 0; }

    std::optional<Money> checkedAdd(Money other) const;
    std::optional<Money> checkedSub(Money other) const;
    // Throws std::overflow_error: beyond nine billion dollars something is
    // corrupt, and a wrong total must never be shown as a right one.
    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money &operator+=(Money other);

    // Fixed decimals (0..9), rounded half away from zero: "1.000000".
    QString toString(int decimals = 6) const;
    // All nine decimals, for SQL numeric columns: "0.000001500".
    QString toDecimalString() const { return toString(9); }
    // "$1,234.56" style for display; small amounts keep significant digits.
    QString toDisplayString() const;
    // For charts and JSON output only; never sum these.
    double toDouble() const { return double(m_nanos) / double(NanosPerDollar); }

    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(qint64 nanos) : m_nanos(nanos) {}
    qint64 m_nanos = 0;
};

} // namespace meterdesk
