#pragma once

#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace meterdesk {

// Something an admin should see: a soft budget threshold crossed, a budget
// block, a suggested risk score past the set level.
struct METERDESK_CORE_EXPORT Alert
{
    static inline const QString SoftBudget = QStringLiteral("budget-soft");
    static inline const QString BudgetBlock = QStringLiteral("budget-block");
    static inline const QString Risk = QStringLiteral("risk");

    qint64 id = 0;
    QDateTime at;
    QString userId;
    QString kind;
    QString message; // one plain sentence with the numbers
    QJsonObject details;

    QJsonObject toJson() const;
};

// The alerts table (meterdesk_alerts). Each alert has a key that makes it
// once: a threshold crossed by four writers at once is one alert.
class METERDESK_CORE_EXPORT Alerts
{
public:
    explicit Alerts(Database &database);

    // Adds the alert unless one with `dedupe` exists; true when added.
    std::optional<bool> raise(const Alert &alert, const QString &dedupe, QString *error);
    // Alerts after id `afterId` and at or after `since` (when valid), oldest
    // first, at most `limit`.
    std::optional<QList<Alert>> list(qint64 afterId, const QDateTime &since, int limit, QString *error);
    // How far a named follower has delivered (0 when it never did), and
    // moving it on.
    std::optional<qint64> cursor(const QString &name, QString *error);
    bool setCursor(const QString &name, qint64 lastId, QString *error);
    Database &database() { return m_db; }

private:
    Database &m_db;
};

} // namespace meterdesk
