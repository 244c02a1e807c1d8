#pragma once

#include "tracking/UsageEvent.h"

#include <QString>

namespace meterdesk {

// The log row's metadata JSON, as the seed's readers expect it.
QString legacyMetadata(const UsageEvent &event);

} // namespace meterdesk
