// The users table's read: every user's stats row and name, and the range's
// per-service sums on two connections (see readUsers).

#include "queries/Queries.h"

#include "budgets/Budget.h"
#include "queries/RangeParts.h"
#include "queries/ServiceSums.h"
#include "queries/Utf8Keys.h"
#include "storage/KeptConnections.h"
#include "storage/SqlReader.h"

#include <QVarLengthArray>

#include <algorithm>
#include <atomic>

namespace meterdesk {

QString Queries::perServiceSql(bool allTime, const QString &userCondition)
{
    // All time from the per-service totals (their unpriced counts are the
    // stats row's), a range from the daily rollup.
    const QString where = userCondition.isEmpty() ? QString() : userCondition + QStringLiteral(" AND ");
    return allTime ? QStringLiteral("SELECT user_id, service, requests, tokens, cost_nanos, 0 FROM api_usage_user_service%1")
                         .arg(userCondition.isEmpty() ? QString() : QStringLiteral(" WHERE ") + userCondition)
                   : QStringLiteral("SELECT user_id, service, requests, tokens, cost_nanos, unpriced_requests "
                                    "FROM api_usage_daily WHERE %1day >= ? AND day <= ?")
                         .arg(where);
}

const QString Queries::StatsColumns = QStringLiteral(
    "user_id, last_activity, is_blocked, block_reason, risk_score, unpriced_requests, block_source, block_until");

UserRow Queries::userFromStats(const SqlRow &r, bool allTime, const QDateTime &now)
{
    UserRow row;
    row.userId = r.text(0);
    row.lastActivity = r.timestamp(1);
    row.blocked = r.value(2).toBool();
    if (row.blocked && !r.isNull(6)) {
        row.blockedByBudget = r.text(6) == QLatin1String("budget");
        row.blockedUntil = r.timestamp(7);
    }
    if (row.blocked && !r.isNull(3))
        row.blockReason = r.text(3);
    endExpiredBlock(row, now);
    row.riskScore = int(r.integer(4));
    if (allTime)
        row.unpricedEvents = r.integer(5);
    return row;
}

void Queries::setNameFrom(UserRow &row, const SqlRow &r)
{
    // Joined as bytes and decoded once: a QString per part and another for
    // the sum were three allocations a user.
    const QByteArrayView first = r.utf8(1), last = r.utf8(2);
    if (last.isNull()) {
        row.name = QString::fromUtf8(first).trimmed();
    } else {
        QVarLengthArray<char, 128> joined;
        joined.append(first.data(), first.size());
        joined.append(' ');
        joined.append(last.data(), last.size());
        row.name = QString::fromUtf8(joined.constData(), joined.size()).trimmed();
    }
    row.email = r.text(3);
}

bool Queries::sameAsciiKey(const QString &text, QByteArrayView utf8)
{
    if (text.size() != utf8.size())
        return false;
    const QChar *chars = text.constData();
    for (qsizetype i = 0; i < utf8.size(); ++i)
        if (quint8(utf8[i]) >= 0x80 || chars[i].unicode() != quint8(utf8[i]))
            return false;
    return true;
}

bool Queries::shownInRange(const UserRow &row, const DateRange &range)
{
    // A range shows who used it, plus everyone blocked or flagged risky.
    return range.isAllTime() || row.requests > 0 || row.blocked || row.riskScore > 0;
}

// Each user's stats row and name, and where each id's row is.
QList<SqlRead> Queries::userStateReads(QList<UserRow> &rows, Utf8KeyIndex &index, bool allTime, StateJoin &join)
{
    join.now = QDateTime::currentDateTimeUtc();
    // Plain scans joined here by the ids' bytes: SQLite's join probed the
    // users b-tree a hundred thousand times, most of this query's time.
    const auto stats = [&rows, &index, &join, allTime](const SqlRow &r) {
        index.append(r.utf8(0), rows.size()); // placed once all are read
        rows.append(userFromStats(r, allTime, join.now));
    };
    // Room for every user first: the rows and the index grown one by one
    // reallocated and faulted in pages all through the stats' read. SQLite
    // counts its b-tree's cells (3 ms of 100,000 users); PostgreSQL's
    // planner estimate costs nothing, and a wrong one only costs growth.
    const QString count = m_db.isPostgres()
        ? QStringLiteral("SELECT reltuples::bigint FROM pg_class WHERE oid = 'api_usage_stats'::regclass")
        : QStringLiteral("SELECT count(*) FROM api_usage_stats");
    const auto makeRoom = [&rows, &index](const SqlRow &r) {
        const qsizetype users = std::clamp<qint64>(r.integer(0), 0, 10'000'000);
        rows.reserve(users);
        index.reserve(users);
    };
    const auto names = [&rows, &index, &join](const SqlRow &r) {
        index.place(); // the stats' ids, before the first lookup
        const qsizetype at = rowAfter(rows.constData(), rows.size(), index, join.names, r.utf8(0));
        if (at < 0)
            return; // a user without a stats row
        setNameFrom(rows[at], r);
    };
    return {{count, {}, makeRoom},
            {QStringLiteral("SELECT %1 FROM api_usage_stats").arg(StatsColumns), {}, stats},
            {QStringLiteral("SELECT id, first_name, last_name, email FROM users"), {}, names}};
}

qsizetype Queries::rowAfter(const UserRow *rows, qsizetype count, const Utf8KeyIndex &index, RowCursor &cursor,
                           QByteArrayView id)
{
    // SQLite keeps the stats, the names and a day's rollup rows in id order,
    // so a row read is most often the last one's user or the next: a look at
    // those ids saves a lookup (a cache miss or two) for most rows.
    // PostgreSQL's rows come in heap order, where the look is two more
    // misses before the lookup (65 ms of 100,000 users' names and sums):
    // after 16 looks in a row found nothing it looks only every 256 rows,
    // in case the order changes with the next statement.
    constexpr int MissesBeforeSkipping = 16, RowsBetweenLooks = 256;
    const qsizetype last = cursor.last;
    if (cursor.misses < MissesBeforeSkipping || ++cursor.skipped >= RowsBetweenLooks) {
        cursor.skipped = 0;
        qsizetype at = -1;
        if (last >= 0 && last < count && sameAsciiKey(rows[last].userId, id))
            at = last;
        else if (last + 1 < count && sameAsciiKey(rows[last + 1].userId, id))
            at = last + 1;
        if (at >= 0) {
            cursor.misses = 0;
            cursor.last = at;
            return at;
        }
        ++cursor.misses;
    }
    const qsizetype at = index.lookup(id);
    if (at >= 0)
        cursor.last = at;
    return at;
}

std::optional<QList<UserRow>> Queries::users(const DateRange &range, QString *error, const UsersSnapshot *known)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (known && range.isAllTime()) {
        QList<UserRow> rows = known->rows();
        for (UserRow &row : rows)
            endExpiredBlock(row, now);
        return rows;
    }
    QList<UserRow> rows;
    Utf8KeyIndex index;
    if (!readUsers(range, rows, index, known, error))
        return std::nullopt;
    if (!range.isAllTime())
        rows.removeIf([&range](const UserRow &row) { return !shownInRange(row, range); });
    return rows;
}

std::optional<UsersSnapshot> Queries::snapshot(QString *error)
{
    UsersSnapshot snapshot;
    if (!readUsers(DateRange::allTime(), snapshot.m_rows, *snapshot.m_index, nullptr, error))
        return std::nullopt;
    return snapshot;
}

void Queries::endExpiredBlock(UserRow &row, const QDateTime &now)
{
    // A budget's block ends with its period: the user may call again.
    if (row.blocked && row.blockedByBudget && row.blockedUntil <= now) {
        row.blocked = false;
        row.blockReason.clear();
    }
}

namespace {

void clearUsage(UserRow &row)
{
    row.requests = row.tokens = row.unpricedEvents = 0;
    row.cost = {};
    row.perService = {};
}

} // namespace

void Queries::copyStates(const UsersSnapshot &known, QList<UserRow> &rows)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    rows = known.rows();
    for (UserRow &row : rows) {
        clearUsage(row);
        endExpiredBlock(row, now);
    }
}

bool Queries::sumByUserChunks(const RangeParts &parts, QList<UserRow> &rows, const Utf8KeyIndex &index, QString *error)
{
    // The users are cut into runs of ids, each read with a statement a day
    // and a week; this thread and a second connection's take the next run
    // until none is left, so a few very active users cannot leave one
    // thread waiting on the other (the bench's busiest half of the users
    // has 85% of the rows). Each thread sums its runs straight into the
    // users' rows: no two touch one row, and nothing is merged after.
    QList<QByteArray> bounds;
    for (int chunk = 1; chunk < UserChunks; ++chunk)
        bounds.append(rows.at(rows.size() * chunk / UserChunks).userId.toUtf8());
    // In SQLite's order for text (its bytes), so the runs cover every id once.
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    QList<QList<SqlStatement>> chunks;
    for (qsizetype i = 0; i <= bounds.size(); ++i) {
        QStringList conditions;
        QVariantList values;
        if (i > 0) {
            conditions << QStringLiteral("user_id >= ?");
            values << QString::fromUtf8(bounds[i - 1]);
        }
        if (i < bounds.size()) {
            conditions << QStringLiteral("user_id < ?");
            values << QString::fromUtf8(bounds[i]);
        }
        chunks.append(parts.periodStatements(conditions.join(QStringLiteral(" AND ")), values));
    }

    UserRow *const users = rows.data(); // detached here, before the threads share it
    const qsizetype count = rows.size();
    std::atomic<qsizetype> next = 0, done = 0;
    // One thread's reading: a day's or week's rows come in id order, so a
    // user's rows follow each other and the next user is often the next row.
    const auto readChunks = [&](Database &db, QString *readError) {
        SharedStrings services;
        RowCursor cursor;
        const auto add = [&](const SqlRow &r) {
            const qsizetype at = rowAfter(users, count, index, cursor, r.utf8(0));
            if (at < 0)
                return; // stats row removed since the snapshot; the next refresh settles it
            addRollupRow(users[at], services, r);
        };
        for (qsizetype chunk; (chunk = next++) < chunks.size(); ++done)
            if (!readRows(db, sqlReads(chunks[chunk], add), readError))
                return false;
        return true;
    };
    {
        auto second = m_db.keptConnections().start(readChunks);
        if (!readChunks(m_db, error))
            return false; // (second waits for its thread)
        second.finish(nullptr);
    }
    if (done == chunks.size())
        return true; // the second connection's failure, if any, left no run half read
    // A run was left part read: this connection reads everything again.
    for (UserRow &row : rows)
        clearUsage(row);
    next = 0;
    return readChunks(m_db, error);
}

bool Queries::readUsers(const DateRange &range, QList<UserRow> &rows, Utf8KeyIndex &index, const UsersSnapshot *known,
                        QString *error)
{
    const bool allTime = range.isAllTime();
    const bool readStates = !known;
    const bool secondConnection = canReadAside();
    if (known && secondConnection && !m_db.isPostgres() && !allTime && !range.from.isNull() && !range.to.isNull()) {
        const RangeParts parts(range.from, range.to);
        if (!known->rows().isEmpty() && parts.periods() <= MaxPeriodsByUserChunks) {
            copyStates(*known, rows);
            return sumByUserChunks(parts, rows, *known->m_index, error);
        }
    }
    // The rollup rows are summed here, not by a GROUP BY: SQLite sorts for
    // one, and PostgreSQL's numeric sums took twice as long as sending the
    // rows (30 days of 10M events: 400 ms against 190). A range reads its
    // whole weeks from the per-week totals (RangeParts).
    //
    // The per-service rows are read on a second connection and core while
    // this one reads the stats and names: all of them for all time or an
    // open range, about four fifths for a closed range (this thread has the
    // stats and names to read besides; measured best of 1/2 to 9/10). With
    // the states known (a snapshot), this thread only sums too, and each
    // thread reads about half (30 days of 10M calls: 290 ms against 440);
    // on SQLite a closed range is shared out by users (sumByUserChunks).
    const QDate split = allTime || range.from.isNull() || range.to.isNull()
        ? QDate()
        : RangeParts::split(range.from, range.to, readStates ? 0.8 : 0.5);
    QList<SqlStatement> backgroundStatements{{perServiceSql(true, {}), {}}}, ownStatements;
    if (!allTime) {
        // An open end is the widest day there is.
        const QDate first = range.from.isNull() ? QDate(1, 1, 1) : range.from;
        const QDate last = range.to.isNull() ? QDate(9999, 12, 31) : range.to;
        backgroundStatements = RangeParts(first, split.isValid() ? split : last).statements();
        if (split.isValid())
            ownStatements = RangeParts(split.addDays(1), last).statements();
    }
    std::optional<BackgroundServiceScan> background;
    if (secondConnection)
        background.emplace(m_db, backgroundStatements);
    // Where each id's row is: the snapshot's own index, else the one the
    // stats' read fills.
    const Utf8KeyIndex &rowsIndex = known ? *known->m_index : index;
    SharedStrings services;
    RowCursor cursor;
    const auto add = [&](const SqlRow &r) {
        index.place(); // the stats' ids, before the first lookup
        const qsizetype at = rowAfter(rows.constData(), rows.size(), rowsIndex, cursor, r.utf8(0));
        if (at < 0)
            return; // stats row removed since; the next refresh settles it
        addRollupRow(rows[at], services, r);
    };
    // This thread reads the states, then sums the days after the split, if
    // any, while the background scan's sums arrive: on PostgreSQL all in
    // one pipeline.
    QList<SqlRead> reads;
    StateJoin join;
    if (known) {
        // Who the users are and their state from the snapshot, copied while
        // the second connection already reads (10 to 29 ms of 100,000 rows).
        copyStates(*known, rows);
    } else {
        reads = userStateReads(rows, index, allTime, join);
    }
    reads += sqlReads(ownStatements, add);
    if (!reads.isEmpty() && !readRows(m_db, reads, error))
        return false;
    index.place();
    const auto merge = [&](QList<UserServiceSums> &sums) {
        // The sums come in the order the scan first met each user; for all
        // time on SQLite that is the stats rows' order, as for the names.
        RowCursor sumsCursor;
        for (UserServiceSums &user : sums) {
            const qsizetype at = rowAfter(rows.constData(), rows.size(), rowsIndex, sumsCursor, user.userId);
            if (at < 0)
                continue;
            UserRow &row = rows[at];
            if (row.perService.isEmpty()) {
                // Most users have calls in one share only: their totals move
                // whole rather than service by service into a new map.
                row.perService = std::move(user.perService);
                row.requests += user.requests;
                row.tokens += user.tokens;
                row.cost += user.cost;
                row.unpricedEvents += user.unpricedEvents;
                continue;
            }
            // The user's unpriced count goes in once, not per service.
            qint64 unpriced = user.unpricedEvents;
            for (auto it = user.perService.cbegin(); it != user.perService.cend(); ++it, unpriced = 0)
                addServiceUsage(row, it.key(), it.value(), unpriced);
        }
    };
    QList<UserServiceSums> sums;
    QString backgroundError;
    if (background && background->finish(&sums, &backgroundError)) {
        merge(sums);
        return true;
    }
    // No second connection: this one reads its share too.
    return readRows(m_db, sqlReads(backgroundStatements, add), error);
}

} // namespace meterdesk
