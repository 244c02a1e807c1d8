#pragma once

#include "queries/UserColumns.h"
#include "meterdesk_core_export.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace meterdesk {

// One column's sort keys for a list of rows: a number for each row that
// orders as UserColumn::lessThan does and is equal where it finds two rows
// equal. A number is its own key; a text's key is its place among the
// column's distinct texts, without case. So a sort by name compares numbers
// side by side and never reads a row: reading the rows, scattered in memory,
// and folding their names' case was most of the 250 ms it took to sort
// 100,000 users by name.
class METERDESK_CORE_EXPORT ColumnSortKeys
{
public:
    ColumnSortKeys() = default;
    ColumnSortKeys(const UserColumn &column, const QList<UserRow> &rows);

    qint64 operator[](qsizetype row) const { return m_keys[size_t(row)]; }
    qsizetype size() const { return qsizetype(m_keys.size()); }
    // The column they order on; null for none.
    const UserColumn *column() const { return m_column; }
    // The keys of the rows once put in another order: row i is the one
    // that was at places[i].
    void reorder(const std::vector<qsizetype> &places);
    // The key of a row changed or added (at size()). False when its text is
    // not among the column's texts: the keys must then be made again.
    bool update(qsizetype row, const UserRow &value);

private:
    const UserColumn *m_column = nullptr;
    std::vector<qint64> m_keys;
    QStringList m_texts; // a text column's distinct texts, in order: a key is an index
};

// A text's first four UTF-16 units, case-folded, packed so that two keys
// that differ order as QString::compare(Qt::CaseInsensitive) orders their
// texts; equal keys say nothing. For sorting many texts with few full
// compares.
METERDESK_CORE_EXPORT qint64 textPrefixKey(const QString &text);

} // namespace meterdesk
