#pragma once

#include "admin/AdminActions.h"
#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <optional>

namespace meterdesk {

// Settings of the guardrails that every tool shares, kept in the database
// (meterdesk_settings) so the dashboard and meterctl agree.
class METERDESK_CORE_EXPORT GuardSettings
{
public:
    static constexpr int DefaultRiskAlertLevel = 70;

    explicit GuardSettings(Database &database);
    // A suggested risk score at or above this raises an alert; 0 is never.
    std::optional<int> riskAlertLevel(QString *error);
    // Audited like the admin's other changes.
    ActionResult setRiskAlertLevel(int level);

private:
    Database &m_db;
};

} // namespace meterdesk
