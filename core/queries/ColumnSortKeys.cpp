#include "queries/ColumnSortKeys.h"

#include <QHash>

#include <algorithm>

namespace meterdesk {

namespace {

int caseless(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive);
}

} // namespace

qint64 textPrefixKey(const QString &text)
{
    // QString's case-insensitive compare subtracts the folded units of the
    // first pair that differs, and puts a shorter text first when one is the
    // other's start: a missing unit is 0, below every folded one. A unit
    // that is no surrogate never folds to one; a surrogate folds to itself or
    // to what its pair folds to, so from the first surrogate on every unit of
    // the key is the lowest surrogate and the full compare decides.
    quint64 packed = 0;
    bool surrogate = false;
    for (int i = 0; i < 4; ++i) {
        surrogate = surrogate || (i < text.size() && text.at(i).isSurrogate());
        const char16_t unit = surrogate ? char16_t(0xD800) : i < text.size() ? text.at(i).toCaseFolded().unicode() : 0;
        packed = (packed << 16) | unit;
    }
    // Unsigned order kept in a signed number.
    return qint64(packed ^ (quint64(1) << 63));
}

ColumnSortKeys::ColumnSortKeys(const UserColumn &column, const QList<UserRow> &rows)
    : m_column(&column), m_keys(size_t(rows.size()))
{
    if (column.kind != UserColumnKind::Text) {
        for (qsizetype i = 0; i < rows.size(); ++i)
            m_keys[size_t(i)] = column.numberOf(rows.at(i));
        return;
    }
    // Each distinct text once (many users share a name), with its prefix
    // key; each row keeps the index of its text.
    QHash<QString, qint64> seen;
    std::vector<std::pair<qint64, QString>> distinct;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString text = column.text(rows.at(i));
        auto it = seen.constFind(text);
        if (it == seen.cend()) {
            it = seen.insert(text, qint64(distinct.size()));
            distinct.emplace_back(textPrefixKey(text), text);
        }
        m_keys[size_t(i)] = *it;
    }
    std::vector<qint64> order(distinct.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = qint64(i);
    std::sort(order.begin(), order.end(), [&](qint64 a, qint64 b) {
        const auto &[keyA, textA] = distinct[size_t(a)];
        const auto &[keyB, textB] = distinct[size_t(b)];
        return keyA != keyB ? keyA < keyB : caseless(textA, textB) < 0;
    });
    // Texts equal without case ("Ann", "ann") share a place.
    std::vector<qint64> place(distinct.size());
    for (size_t i = 0; i < order.size(); ++i) {
        const QString &text = distinct[size_t(order[i])].second;
        if (m_texts.isEmpty() || caseless(m_texts.constLast(), text) != 0)
            m_texts << text;
        place[size_t(order[i])] = m_texts.size() - 1;
    }
    for (qint64 &key : m_keys)
        key = place[size_t(key)];
}

void ColumnSortKeys::reorder(const std::vector<qsizetype> &places)
{
    std::vector<qint64> reordered(places.size());
    for (size_t i = 0; i < places.size(); ++i)
        reordered[i] = m_keys[size_t(places[i])];
    m_keys.swap(reordered);
}

bool ColumnSortKeys::update(qsizetype row, const UserRow &value)
{
    if (!m_column || row < 0 || row > size())
        return false;
    qint64 key = 0;
    if (m_column->kind != UserColumnKind::Text) {
        key = m_column->numberOf(value);
    } else {
        const QString text = m_column->text(value);
        const auto at = std::lower_bound(m_texts.cbegin(), m_texts.cend(), text,
                                         [](const QString &a, const QString &b) { return caseless(a, b) < 0; });
        if (at == m_texts.cend() || caseless(*at, text) != 0)
            return false;
        key = at - m_texts.cbegin();
    }
    if (row == size())
        m_keys.push_back(key);
    else
        m_keys[size_t(row)] = key;
    return true;
}

} // namespace meterdesk
