#pragma once

#include "meterdesk_core_export.h"
#include "queries/Rows.h"

#include <QList>
#include <QString>
#include <QStringMatcher>

#include <vector>

namespace meterdesk {

// Every row's name, email and id side by side in one block of text, for the
// users table's search. Read from the rows themselves, a search reads three
// strings a row, each its own allocation somewhere in memory: three cache
// misses a row, 34 ms for 100,000 users at each keystroke and at each F5
// with a search typed in. Here it reads a few megabytes in order. The data
// thread makes it with a load's rows while a search is typed; the table
// keeps it current with live updates.
class METERDESK_CORE_EXPORT SearchText
{
public:
    SearchText() = default;
    explicit SearchText(const QList<UserRow> &rows);

    qsizetype size() const { return qsizetype(m_spans.size()); }
    // A row's text changed, or a row was added (at size()).
    void update(qsizetype row, const UserRow &value);
    // Whether the row's name, email or id contains the matcher's pattern:
    // a case-sensitive matcher of a folded pattern (fold()), which matches
    // the block's folded text as a case-insensitive one matches the rows'.
    bool contains(qsizetype row, const QStringMatcher &folded) const;
    // A text with each character's case folded, as the block holds them.
    static QString fold(QStringView text);

private:
    void append(const UserRow &value);

    QString m_text; // "name\x1Femail\x1Fid" of each row, case-folded, one after the other
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
    };
    std::vector<Span> m_spans; // each row's text in m_text
    qsizetype m_replaced = 0;  // characters of texts update() left behind
};

} // namespace meterdesk
