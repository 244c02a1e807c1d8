#include "queries/Rows.h"

#include <atomic>

namespace meterdesk {

QString UserRow::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    if (!email.isEmpty())
        return email;
    return userId;
}

quint64 RowGuardrails::newVersion()
{
    static std::atomic<quint64> last{0};
    return ++last;
}

} // namespace meterdesk
