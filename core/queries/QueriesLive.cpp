// The reads of a live update: a few users' rows, by id.

#include "queries/Queries.h"

#include "queries/ServiceSums.h"
#include "storage/SqlReader.h"

#include <QHash>

namespace meterdesk {

namespace {

// Placeholders per statement: well under SQLite's and libpq's limits.
constexpr qsizetype IdsPerStatement = 200;

QString placeholders(qsizetype count)
{
    QString marks;
    marks.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        marks += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return marks;
}

} // namespace

std::optional<QList<UserRow>> Queries::someUsers(const DateRange &range, const QStringList &userIds, QString *error)
{
    const bool allTime = range.isAllTime();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<UserRow> rows;
    SharedStrings services;
    for (qsizetype first = 0; first < userIds.size(); first += IdsPerStatement) {
        const QStringList ids = userIds.mid(first, IdsPerStatement);
        QVariantList values;
        for (const QString &id : ids)
            values << id;
        const QString in = placeholders(ids.size());
        QHash<QString, qsizetype> at;
        bool ok = readRows(m_db, QStringLiteral("SELECT %1 FROM api_usage_stats WHERE user_id IN (%2)").arg(StatsColumns, in),
                           values,
                           [&](const SqlRow &r) {
                               at.insert(r.text(0), rows.size());
                               rows.append(userFromStats(r, allTime, now));
                           },
                           error)
            && readRows(m_db, QStringLiteral("SELECT id, first_name, last_name, email FROM users WHERE id IN (%1)").arg(in),
                        values,
                        [&](const SqlRow &r) {
                            if (const auto it = at.constFind(r.text(0)); it != at.cend())
                                setNameFrom(rows[*it], r);
                        },
                        error);
        // The same rollups as users(): the per-service totals of all time,
        // or the days of the range.
        QVariantList rollupValues = values;
        if (!allTime)
            rollupValues << dayBounds(range);
        ok = ok
            && readRows(m_db, perServiceSql(allTime, QStringLiteral("user_id IN (%1)").arg(in)), rollupValues,
                        [&](const SqlRow &r) {
                            if (const auto it = at.constFind(r.text(0)); it != at.cend())
                                addRollupRow(rows[*it], services, r);
                        },
                        error);
        if (!ok)
            return std::nullopt;
    }
    rows.removeIf([&range](const UserRow &row) { return !shownInRange(row, range); });
    return rows;
}

} // namespace meterdesk
