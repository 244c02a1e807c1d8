#include "queries/UsersSnapshot.h"

#include "queries/Utf8Keys.h"

namespace meterdesk {

UsersSnapshot::UsersSnapshot() : m_index(std::make_unique<Utf8KeyIndex>()) {}
UsersSnapshot::~UsersSnapshot() = default;
UsersSnapshot::UsersSnapshot(UsersSnapshot &&) noexcept = default;
UsersSnapshot &UsersSnapshot::operator=(UsersSnapshot &&) noexcept = default;

UsersSnapshot::UsersSnapshot(const UsersSnapshot &other)
    : m_rows(other.m_rows), m_index(std::make_unique<Utf8KeyIndex>(*other.m_index))
{
}

UsersSnapshot &UsersSnapshot::operator=(const UsersSnapshot &other)
{
    if (this != &other) {
        m_rows = other.m_rows;
        m_index = std::make_unique<Utf8KeyIndex>(*other.m_index);
    }
    return *this;
}

void UsersSnapshot::update(const QList<UserRow> &rows)
{
    for (const UserRow &row : rows) {
        const QByteArray id = row.userId.toUtf8();
        const qsizetype at = m_index->find(id);
        if (at >= 0) {
            m_rows[at] = row;
        } else {
            m_index->insert(id, m_rows.size());
            m_rows.append(row);
        }
    }
}

} // namespace meterdesk
