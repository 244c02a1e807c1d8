#include "Recording.h"

#include "OriginalDesign.h"

#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QSqlQuery>

using namespace meterdesk;

namespace {

QList<UsageEvent> recordingEvents(int n, int users, const QString &prefix)
{
    QList<UsageEvent> events;
    events.reserve(n);
    const char *models[] = {"gpt-4o-mini", "claude-3-5-haiku", "gemini-2.0-flash", "gpt-4o"};
    const char *services[] = {"openai", "anthropic", "google", "openai"};
    for (int i = 0; i < n; ++i) {
        UsageEvent e;
        e.eventId = prefix + QString::number(i);
        e.userId = QStringLiteral("user-%1").arg(i % users + 1, 5, 10, QLatin1Char('0'));
        e.service = QLatin1String(services[i % 4]);
        e.model = QLatin1String(models[i % 4]);
        e.tokens = {500 + i % 700, 100 + i % 300, 0, 0};
        e.timestamp = QDateTime::currentDateTimeUtc();
        events.append(e);
    }
    return events;
}

// What the log holds: rows, and their cost as each writer stores it.
struct Written
{
    qint64 rows = 0;
    double dollars = 0; // estimated_cost, which both writers fill
};

Written written(Database &db)
{
    QSqlQuery query(db.sql());
    if (!query.exec(QStringLiteral("SELECT count(*), coalesce(sum(estimated_cost), 0) FROM api_usage_tracking"))
        || !query.next())
        return {-1, 0};
    return {query.value(0).toLongLong(), query.value(1).toDouble()};
}

double expectedDollars(const QList<UsageEvent> &events)
{
    double dollars = 0;
    for (const UsageEvent &event : events)
        dollars += PriceBook::builtIn().quote(event.model, event.tokens)->cost.toDouble();
    return dollars;
}

// Why the rows a side wrote do not match its input; empty when they do.
QString checkWritten(const Written &before, const Written &after, const QList<UsageEvent> &input)
{
    if (after.rows - before.rows != input.size())
        return QStringLiteral("%1 rows written for %2 calls").arg(after.rows - before.rows).arg(input.size());
    const double expected = expectedDollars(input);
    if (!sameDollars(after.dollars - before.dollars, expected))
        return QStringLiteral("$%1 written for $%2 of calls").arg(after.dollars - before.dollars, 0, 'f', 6).arg(expected, 0, 'f', 6);
    return {};
}

bool addUsers(Database &db, int users, QString *error)
{
    if (!db.begin(error))
        return false;
    QSqlQuery insert = db.prepare(QStringLiteral("INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO NOTHING"), error);
    for (int i = 1; i <= users; ++i) {
        insert.addBindValue(QStringLiteral("user-%1").arg(i, 5, 10, QLatin1Char('0')));
        if (!insert.exec()) {
            *error = describe(insert.lastError());
            db.rollback();
            return false;
        }
    }
    return db.commit(error);
}

} // namespace

void measureRecording(Database &db, Database &originalDb, int record, int users, Fault fault,
                      BenchReport &report)
{
    Tracker tracker(db, PriceBook::builtIn());
    const int recordUsers = qMin(users, 1000);
    QString error;
    // --fault original-writer leaves the users out, as the bench once did:
    // every insert of the original writer then fails its foreign key.
    if (fault != Fault::OriginalWriter && !addUsers(db, recordUsers, &error)) {
        report.add({QStringLiteral("recording"), QStringLiteral("events/s")}, true, 0, 0, error);
        return;
    }

    const QList<UsageEvent> original = recordingEvents(record / 10, recordUsers, QStringLiteral("original-"));
    int failedCalls = 0;
    QString firstError;
    Written before = written(db);
    const double originalMs = medianMs(1, [&] {
        for (const UsageEvent &event : original) {
            if (!OriginalDesign::track(originalDb, PriceBook::builtIn(), event, &error) &&
                failedCalls++ == 0)
                firstError = error;
        }
    });
    QString baselineProblem = failedCalls
        ? QStringLiteral("%1 of %2 calls failed: %3").arg(failedCalls).arg(original.size()).arg(firstError.trimmed())
        : checkWritten(before, written(db), original);
    if (!baselineProblem.isEmpty())
        baselineProblem = QStringLiteral("the original writer: ") + baselineProblem;
    const double originalRate = original.size() / (originalMs / 1000);

    // Meterdesk's side: every batch recorded whole, rows and cost as given.
    const auto ours = [&](const QList<UsageEvent> &events, int batchSize, double *ms) {
        QString problem;
        before = written(db);
        *ms = medianMs(1, [&] {
            for (qsizetype i = 0; i < events.size(); i += batchSize) {
                if (batchSize == 1) {
                    const EventOutcome outcome = tracker.track(events[i]);
                    if (outcome.status != EventStatus::Recorded && problem.isEmpty())
                        problem = QStringLiteral("an event was not recorded: %1").arg(outcome.error);
                    continue;
                }
                const QList<UsageEvent> batch = events.mid(i, batchSize);
                const BatchOutcome outcome = tracker.trackBatch(batch);
                if ((!outcome.ok || outcome.recorded != batch.size()) && problem.isEmpty())
                    problem = QStringLiteral("a batch recorded %1 of %2: %3").arg(outcome.recorded).arg(batch.size()).arg(outcome.error);
            }
        });
        if (problem.isEmpty())
            problem = checkWritten(before, written(db), events);
        return problem.isEmpty() ? baselineProblem : QStringLiteral("Meterdesk: ") + problem;
    };
    const bool sqlite = !db.isPostgres();
    for (const int batchSize : {1000, 10000}) {
        const QList<UsageEvent> events = recordingEvents(record, recordUsers, QStringLiteral("batched-%1-").arg(batchSize));
        BenchRow row{QStringLiteral("recording, trackBatch of %L1").arg(batchSize), QStringLiteral("events/s")};
        double ms = 0;
        const QString failure = ours(events, batchSize, &ms);
        row.value = record / (ms / 1000);
        row.baseline = originalRate;
        // The 100,000 events/s goal is SQLite's; PostgreSQL's is the ratio.
        row.goal = sqlite ? QStringLiteral(">= 10x and >= 100,000/s") : QStringLiteral(">= 10x");
        report.add(row, true, 10, sqlite ? 100'000 : 0, failure);
    }
    const QList<UsageEvent> single = recordingEvents(record / 10, recordUsers, QStringLiteral("single-"));
    BenchRow row{QStringLiteral("recording, one event per transaction"), QStringLiteral("events/s")};
    double ms = 0;
    const QString failure = ours(single, 1, &ms);
    row.value = single.size() / (ms / 1000);
    row.baseline = originalRate;
    row.goal = QStringLiteral("(no goal; for comparison)");
    report.add(row, true, 0, 0, failure);
}
