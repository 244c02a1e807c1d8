#pragma once

#include <QString>
#include <QStringList>

namespace meterdesk {

// The services the original app names, in the order reports, the users
// table and the charts show them. Any other name is shown after them.
inline const QStringList &knownServices()
{
    static const QStringList services{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("google"),
                                      QStringLiteral("other")};
    return services;
}

} // namespace meterdesk
