#pragma once

#include "meterdesk_core_export.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>
#include <QVariant>

namespace meterdesk {

// The rows of one BulkStatement run, kept as they are bound: numbers as
// numbers, and every text in UTF-8, one after another in a single buffer.
//
// A batch of 1,000 events had made a QVariant for each of its 17,000 log
// values and for each of the aggregates', then at binding a UTF-8 copy of
// every text and SQLite's own copy of that: a third of recording a batch
// on SQLite was spent so (perf). Here a text is written once, and SQLite
// reads it where it lies.
class METERDESK_CORE_EXPORT BulkRows
{
public:
    enum class Kind : quint8
    {
        Null,
        Integer,
        Boolean,
        Real,
        Text
    };
    struct Cell
    {
        qint64 value = 0; // the number (a double's bits for Real), or the text's offset
        int size = 0;     // the text's length in bytes
        Kind kind = Kind::Null;
    };

    explicit BulkRows(int columns);
    // Rows given as variants, bound as BulkStatement always bound them: a
    // null variant as NULL, booleans and integers as numbers, a double as a
    // double, anything else as its text.
    static BulkRows fromVariants(const QList<QVariantList> &rows);

    void reserve(qsizetype rows, qsizetype textBytes);
    // Empties the rows for rows of `columns` values, keeping the memory: a
    // writer that fills rows batch after batch fills the same pages.
    void reset(int columns);
    // Cells go in row by row, each row's in column order.
    BulkRows &addNull();
    BulkRows &addInteger(qint64 number);
    BulkRows &addBool(bool value);
    BulkRows &addReal(double number);
    BulkRows &addText(QStringView text);
    BulkRows &addUtf8(QByteArrayView utf8);
    // The text, or NULL when it is empty.
    BulkRows &addTextOrNull(QStringView text) { return text.isEmpty() ? addNull() : addText(text); }

    int columnCount() const { return m_columns; }
    // Whole rows only: a row still being filled is not counted.
    qsizetype rowCount() const { return m_cells.size() / m_columns; }
    bool isEmpty() const { return rowCount() == 0; }
    const Cell &cell(qsizetype row, int column) const { return m_cells[row * m_columns + column]; }
    // A text cell's bytes; they stay where they are until the rows change.
    QByteArrayView text(const Cell &cell) const
    {
        return {m_text.constData() + cell.value, cell.size};
    }
    double real(const Cell &cell) const;
    // A cell as QSqlQuery binds it (NULL as a null text).
    QVariant variant(qsizetype row, int column) const;

private:
    int m_columns;
    QList<Cell> m_cells;
    QByteArray m_text;
};

} // namespace meterdesk
