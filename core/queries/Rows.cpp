#include "queries/Rows.h"

namespace meterdesk {

QString UserRow::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    if (!email.isEmpty())
        return email;
    return userId;
}

} // namespace meterdesk
