#pragma once

#include "queries/Rows.h"
#include "meterdesk_core_export.h"

#include <QList>

#include <memory>

namespace meterdesk {

class Utf8KeyIndex;

// Every user's all-time row, as Queries::users() gives it for all time, and
// where each id's row is. The dashboard keeps one, current through its live
// updates: switching ranges then reads only the range's per-service sums,
// and all time reads nothing. Only Queries fills and reads its index.
class METERDESK_CORE_EXPORT UsersSnapshot
{
public:
    UsersSnapshot();
    ~UsersSnapshot();
    UsersSnapshot(const UsersSnapshot &other);
    UsersSnapshot &operator=(const UsersSnapshot &other);
    UsersSnapshot(UsersSnapshot &&) noexcept;
    UsersSnapshot &operator=(UsersSnapshot &&) noexcept;

    const QList<UserRow> &rows() const { return m_rows; }
    // These users' all-time rows as they are now (Queries::someUsers for
    // all time): each replaces the user's row, or is added.
    void update(const QList<UserRow> &rows);

private:
    friend class Queries;
    QList<UserRow> m_rows;
    std::unique_ptr<Utf8KeyIndex> m_index;
};

} // namespace meterdesk
