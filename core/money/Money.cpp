#include "money/Money.h"
#include "money/WideInt.h"

#include <QLocale>

#include <limits>
#include <stdexcept>

namespace meterdesk {

std::optional<Money> Money::fromDecimal(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == u'-' || text.front() == u'+') {
        negative = text.front() == u'-';
        text = text.mid(1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (whole.isEmpty() && fraction.isEmpty())
        return std::nullopt;

    Int128 value = 0;
    for (QChar c : whole) {
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
        if (value > std::numeric_limits<qint64>::max())
            return std::nullopt;
    }
    value *= NanosPerDollar;
    Int128 scale = NanosPerDollar / 10;
    bool roundUp = false;
    for (qsizetype i = 0; i < fraction.size(); ++i) {
        const QChar c = fraction[i];
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
        const int digit = c.unicode() - u'0';
        if (scale > 0) {
            value += digit * scale;
            scale /= 10;
        } else if (i == 9) {
            roundUp = digit >= 5;
        }
    }
    if (roundUp)
        ++value;
    if (value > std::numeric_limits<qint64>::max())
        return std::nullopt;
    return Money(qint64(negative ? -value : value));
}

std::optional<Money> Money::checkedAdd(Money other) const
{
    qint64 sum = 0;
    if (__builtin_add_overflow(m_nanos, other.m_nanos, &sum))
        return std::nullopt;
    return Money(sum);
}

std::optional<Money> Money::checkedSub(Money other) const
{
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_nanos, other.m_nanos, &difference))
        return std::nullopt;
    return Money(difference);
}

Money Money::operator+(Money other) const
{
    if (auto sum = checkedAdd(other))
        return *sum;
    throw std::overflow_error("Money: sum out of range");
}

Money Money::operator-(Money other) const
{
    if (auto difference = checkedSub(other))
        return *difference;
    throw std::overflow_error("Money: difference out of range");
}

Money &Money::operator+=(Money other)
{
    *this = *this + other;
    return *this;
}

QString Money::toString(int decimals) const
{
    decimals = qBound(0, decimals, 9);
    // Work on the magnitude in 128 bits so that INT64_MIN has one too.
    Int128 magnitude = m_nanos < 0 ? -Int128(m_nanos) : Int128(m_nanos);
    Int128 unit = 1;
    for (int i = decimals; i < 9; ++i)
        unit *= 10;
    magnitude = (magnitude + unit / 2) / unit; // half away from zero
    Int128 divisor = 1;
    for (int i = 0; i < decimals; ++i)
        divisor *= 10;
    const auto whole = static_cast<unsigned long long>(magnitude / divisor);
    const auto fraction = static_cast<unsigned long long>(magnitude % divisor);
    QString text = QString::number(whole);
    if (decimals > 0)
        text += u'.' + QString::number(fraction).rightJustified(decimals, u'0');
    if (m_nanos < 0 && magnitude != 0)
        text.prepend(u'-');
    return text;
}

QString Money::toDisplayString() const
{
    const qint64 magnitude = m_nanos < 0 ? -m_nanos : m_nanos;
    // Sub-cent amounts are common (one call often costs $0.0003); show them
    // with enough digits to be told apart instead of as "$0.00".
    const int decimals = magnitude == 0 || magnitude >= 10'000'000 ? 2 : 6;
    QString text = toString(decimals);
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const qsizetype dot = text.indexOf(u'.');
    QString whole = text.left(dot);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return (negative ? QStringLiteral("-$") : QStringLiteral("$")) + whole + text.mid(dot);
}

} // namespace meterdesk
