#include "storage/BulkRows.h"

#include <bit>

namespace meterdesk {

BulkRows::BulkRows(int columns) : m_columns(qMax(1, columns)) {}

BulkRows BulkRows::fromVariants(const QList<QVariantList> &rows)
{
    BulkRows bulk(rows.isEmpty() ? 1 : int(rows.first().size()));
    bulk.reserve(rows.size(), rows.size() * 16);
    for (const QVariantList &row : rows) {
        for (const QVariant &value : row) {
            if (value.isNull()) {
                bulk.addNull();
                continue;
            }
            switch (value.typeId()) {
            case QMetaType::Bool:
                bulk.addBool(value.toBool());
                break;
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::LongLong:
                bulk.addInteger(value.toLongLong());
                break;
            case QMetaType::Double:
                bulk.addReal(value.toDouble());
                break;
            default:
                bulk.addText(value.toString());
            }
        }
    }
    return bulk;
}

void BulkRows::reserve(qsizetype rows, qsizetype textBytes)
{
    m_cells.reserve(rows * m_columns);
    m_text.reserve(textBytes);
}

void BulkRows::reset(int columns)
{
    m_columns = qMax(1, columns);
    m_cells.resize(0);
    m_text.resize(0);
}

BulkRows &BulkRows::addNull()
{
    m_cells.append(Cell{});
    return *this;
}

BulkRows &BulkRows::addInteger(qint64 number)
{
    m_cells.append(Cell{number, 0, Kind::Integer});
    return *this;
}

BulkRows &BulkRows::addBool(bool value)
{
    m_cells.append(Cell{value ? 1 : 0, 0, Kind::Boolean});
    return *this;
}

BulkRows &BulkRows::addReal(double number)
{
    m_cells.append(Cell{std::bit_cast<qint64>(number), 0, Kind::Real});
    return *this;
}

BulkRows &BulkRows::addText(QStringView text)
{
    // Most texts here are ASCII (ids, models, timestamps, amounts): copied
    // unit by unit; anything else goes through Qt's encoder.
    const qsizetype offset = m_text.size();
    m_text.resize(offset + text.size());
    char *out = m_text.data() + offset;
    const char16_t *in = text.utf16();
    qsizetype i = 0;
    while (i < text.size() && in[i] < 0x80) {
        out[i] = char(in[i]);
        ++i;
    }
    if (i < text.size()) {
        m_text.truncate(offset);
        m_text += text.toUtf8();
    }
    m_cells.append(Cell{offset, int(m_text.size() - offset), Kind::Text});
    return *this;
}

BulkRows &BulkRows::addUtf8(QByteArrayView utf8)
{
    const qsizetype offset = m_text.size();
    m_text.append(utf8);
    m_cells.append(Cell{offset, int(utf8.size()), Kind::Text});
    return *this;
}

double BulkRows::real(const Cell &cell) const
{
    return std::bit_cast<double>(cell.value);
}

QVariant BulkRows::variant(qsizetype row, int column) const
{
    const Cell &c = cell(row, column);
    switch (c.kind) {
    case Kind::Null:
        return QVariant(QMetaType::fromType<QString>());
    case Kind::Integer:
        return QVariant(c.value);
    case Kind::Boolean:
        return QVariant(c.value != 0);
    case Kind::Real:
        return QVariant(real(c));
    case Kind::Text:
        break;
    }
    return QString::fromUtf8(text(c));
}

} // namespace meterdesk
