// meterdesk-bench: Meterdesk against the original design, on the same data,
// in the same run. Prints one row per figure: value, baseline, ratio, goal.
#include "Measure.h"
#include "OriginalDesign.h"
#include "Recording.h"
#include "Repricing.h"
#include "TableFigures.h"
#include "Guardrails.h"
#include "Live.h"

#include <queries/KeepFreedMemory.h>
#include <queries/Queries.h>
#include <queries/UsersSnapshot.h>
#include <storage/Timestamps.h>
#include <tracking/DemoData.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace meterdesk;

namespace {

QTextStream out(stdout);

// Every dashboard figure, both sides: one warm-up load, then the median of
// these. Five, not three: on a two-core machine shared with the server,
// PostgreSQL's all-time median of three gave 271 to 401 ms in runs of one
// build.
constexpr int LoadRuns = 5;

std::unique_ptr<Database> openUrl(const QString &url)
{
    QString error;
    const auto spec = ConnectionSpec::parse(url, &error);
    auto db = spec ? Database::open(*spec, &error) : nullptr;
    if (db && !db->migrate(PriceBook::builtIn(), &error))
        db.reset();
    if (!db)
        out << "meterdesk-bench: " << error << Qt::endl;
    return db;
}

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery query(db.sql());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

// What the dashboard loads for a range: users, overview, costs, series;
// and what its per-user rows add up to, for the check against the baseline.
std::optional<OriginalDesign::Totals> loadDashboard(Database &db, const DateRange &range, QString *error,
                                                    const UsersSnapshot *known = nullptr, QList<UserRow> *sent = nullptr)
{
    Queries queries(db);
    // As DataWorker::load reads them; the user counts come from the users
    // rows, as in the dashboard.
    const auto [firstDay, lastDay] = queries.daySpan();
    auto load = queries.dashboard(range, suggestedBucket(range, firstDay, lastDay), error, known);
    if (!load)
        return std::nullopt;
    Overview *overview = &load->totals.overview;
    Queries::countUsers(*overview, load->users);
    OriginalDesign::Totals totals;
    for (const UserRow &row : load->users) {
        if (row.requests == 0)
            continue;
        totals.requests += row.requests;
        totals.costUsd += row.cost.toDouble();
        ++totals.users;
    }
    if (totals.requests != overview->totalRequests) {
        *error = QStringLiteral("the overview says %1 requests, the users rows %2").arg(overview->totalRequests).arg(totals.requests);
        return std::nullopt;
    }
    if (sent)
        *sent = std::move(load->users);
    return totals;
}

// Why Meterdesk's and the baseline's answers differ; empty when they agree.
QString disagreement(const std::optional<OriginalDesign::Totals> &ours, const QString &ourError,
                     const std::optional<OriginalDesign::Totals> &theirs, const QString &theirError)
{
    if (!ours)
        return QStringLiteral("Meterdesk: ") + ourError;
    if (!theirs)
        return QStringLiteral("the original design: ") + theirError;
    if (ours->requests == 0)
        return QStringLiteral("no requests in the range: nothing was measured");
    if (ours->requests != theirs->requests || ours->users != theirs->users || !sameDollars(ours->costUsd, theirs->costUsd))
        return QStringLiteral("the answers differ: Meterdesk %1 requests, %2 users, $%3; the original %4 requests, %5 users, $%6")
            .arg(ours->requests).arg(ours->users).arg(ours->costUsd, 0, 'f', 2)
            .arg(theirs->requests).arg(theirs->users).arg(theirs->costUsd, 0, 'f', 2);
    return {};
}

Fault faultNamed(const QString &name)
{
    if (name == u"original-writer")
        return Fault::OriginalWriter;
    if (name == u"meterdesk-load")
        return Fault::MeterdeskLoad;
    if (name == u"sort")
        return Fault::Sort;
    return Fault::None;
}

// Adds demo events until the database holds `events`.
bool buildIfSmaller(Database &db, qint64 events, int users, int days)
{
    const qint64 present = count(db, QStringLiteral("SELECT count(*) FROM api_usage_tracking"));
    if (present < events) {
        DemoOptions options;
        options.users = users;
        options.events = events - present;
        options.days = days;
        options.seed = quint64(present) + 42;
        options.lastDay = QDate(2026, 11, 27);
        out << "Building " << options.events << " events for " << users << " users..." << Qt::endl;
        const DemoResult built = generateDemoData(db, PriceBook::builtIn(), options, [](qint64 done) {
            if (done % 1'000'000 == 0)
                out << "  " << done << " events" << Qt::endl;
            return true;
        });
        if (!built.ok) {
            out << "meterdesk-bench: " << built.error << Qt::endl;
            return false;
        }
        out << QStringLiteral("Built in %1 s: %2 events/s").arg(built.seconds, 0, 'f', 1).arg(built.events / built.seconds, 0, 'f', 0)
            << Qt::endl;
    }
    return true;
}

// The 30 days that end on the log's last day: the original routes read
// "since" a day with no end, so the two sides see the same calls only when
// no call is later (a database the bench built ends on 2026-11-27; another
// made by `meterctl demo --end`, on its own day).
DateRange lastThirtyDays(Database &db)
{
    QSqlQuery query(db.sql());
    QString error;
    QDate last(2026, 11, 27);
    if (db.select(query, QStringLiteral("SELECT max(timestamp) FROM api_usage_tracking"), {}, &error) && query.next()
        && !query.value(0).isNull())
        last = utcFromSql(query.value(0)).date();
    return {last.addDays(-29), last};
}

// The same warm-up load and the same median for both sides, and the same
// answer.
void measureDashboardLoad(Database &db, BenchReport &report)
{
    out << "Dashboard load:" << Qt::endl;
    const DateRange last30 = lastThirtyDays(db);
    // What the dashboard keeps while live (DataWorker): every user's row,
    // read once by the first load and kept current by the live updates.
    QString snapshotError;
    std::optional<UsersSnapshot> snapshot;
    const double snapshotMs = medianMs(1, [&] { snapshot = Queries(db).snapshot(&snapshotError); });
    out << QStringLiteral("  every user's row for the snapshot: %1 ms").arg(snapshotMs, 0, 'f', 1) << Qt::endl;
    for (const auto &[label, range] : {std::pair{QStringLiteral("30 days"), last30}, std::pair{QStringLiteral("all time"), DateRange::allTime()}}) {
        QString theirError;
        std::optional<OriginalDesign::Totals> theirs = OriginalDesign::loadDashboard(db, range, &theirError);
        const double baseline = medianMs(LoadRuns, [&] { theirs = OriginalDesign::loadDashboard(db, range, &theirError); });
        // The first load (and F5) reads every user; another range while
        // live starts from the snapshot. Both against the same baseline.
        for (const bool kept : {false, true}) {
            if (kept && !snapshot) {
                report.add({QStringLiteral("dashboard load, %1, another range while live").arg(label), QStringLiteral("ms")},
                           false, 20, 300, QStringLiteral("Meterdesk: ") + snapshotError);
                continue;
            }
            const UsersSnapshot *known = kept ? &*snapshot : nullptr;
            BenchRow row{kept ? QStringLiteral("dashboard load, %1, another range while live").arg(label)
                              : QStringLiteral("dashboard load, %1, first load or F5").arg(label),
                         QStringLiteral("ms")};
            QString ourError;
            std::optional<OriginalDesign::Totals> ours = loadDashboard(db, range, &ourError, known);
            double slowest = 0;
            // The rows a load sent are freed before the next, outside its
            // time: the dashboard keeps them until the next load and then
            // frees them on a pool thread (freeAside), not in its load.
            QList<UserRow> sent;
            row.value = medianMs(
                LoadRuns,
                [&] {
                    QElapsedTimer run;
                    run.start();
                    ours = loadDashboard(db, range, &ourError, known, &sent);
                    slowest = qMax(slowest, run.nsecsElapsed() / 1e6);
                },
                [&] { sent = {}; });
            row.baseline = baseline;
            row.goal = QStringLiteral(">= 20x and < 300 ms");
            const QString failure = disagreement(ours, ourError, theirs, theirError);
            report.add(row, false, 20, 300, failure);
            // SQLite's 30 days: under 200 ms in each run, not just the median.
            if (!db.isPostgres() && !range.isAllTime()) {
                BenchRow worst{row.name + QStringLiteral(", slowest of %1").arg(LoadRuns), QStringLiteral("ms"), slowest,
                               baseline};
                worst.goal = QStringLiteral("< 200 ms in every run");
                report.add(worst, false, 0, 200, failure);
            }
        }
        // Where the time goes, for the profile notes.
        Queries queries(db);
        QString error;
        const double usersMs = medianMs(1, [&] { queries.users(range, &error); });
        const double totalsMs = medianMs(1, [&] { queries.dashboardTotals(range, Bucket::Day, &error); });
        out << QStringLiteral("    users %1 ms, overview, costs and series %2 ms").arg(usersMs, 0, 'f', 1).arg(totalsMs, 0, 'f', 1)
            << Qt::endl;
    }
}

// Recording on a fresh database with the same schema and users: a file on
// SQLite, a scratch database on the same PostgreSQL server, dropped after.
void measureRecordingOnScratch(Database &db, const QTemporaryDir &scratch, int record, int users, Fault fault,
                               BenchReport &report)
{
    out << "Recording:" << Qt::endl;
    if (!db.isPostgres()) {
        const QString path = scratch.filePath(QStringLiteral("record.sqlite"));
        if (auto recordDb = openUrl(path)) {
            ConnectionSpec plain = ConnectionSpec::sqlite(path);
            plain.walBuffer = false;
            QString error;
            if (auto originalDb = Database::open(plain, &error))
                measureRecording(*recordDb, *originalDb, record, users, fault, report);
            else
                report.add({QStringLiteral("recording"), QStringLiteral("events/s")}, true, 0, 0,
                           error);
        }
    } else {
        // A scratch database on the same server, dropped afterwards.
        const QString name = QStringLiteral("meterdesk_bench_record_%1").arg(QCoreApplication::applicationPid());
        QString error;
        if (!db.exec(QStringLiteral("CREATE DATABASE %1").arg(name), &error)) {
            report.add({QStringLiteral("recording"), QStringLiteral("events/s")}, true, 0, 0,
                       QStringLiteral("cannot make a scratch database: ") + error);
        } else {
            ConnectionSpec spec = db.spec();
            spec.database = name;
            {
                auto recordDb = Database::open(spec, &error);
                if (recordDb && recordDb->migrate(PriceBook::builtIn(), &error))
                    measureRecording(*recordDb, *recordDb, record, users, fault, report);
                else
                    report.add({QStringLiteral("recording"), QStringLiteral("events/s")}, true, 0, 0, error);
            }
            if (!db.exec(QStringLiteral("DROP DATABASE %1").arg(name), &error))
                out << "meterdesk-bench: could not drop " << name << ": " << error << Qt::endl;
        }
    }

}

// meterdesk from start to screenshot on the database and on an empty one,
// and its peak memory.
void measureDashboardProcess(QString meterdesk, const QString &url, const QTemporaryDir &scratch, BenchReport &report)
{
    if (meterdesk.isEmpty())
        meterdesk = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/meterdesk/meterdesk");
    if (!QFileInfo(meterdesk).isExecutable())
        return;
    {
        out << "The dashboard process:" << Qt::endl;
        const QString empty = scratch.filePath(QStringLiteral("empty.sqlite"));
        openUrl(empty);
        const QStringList environment{QStringLiteral("QT_QPA_PLATFORM=offscreen"),
                                      QStringLiteral("XDG_CONFIG_HOME=") + scratch.filePath(QStringLiteral("config"))};
        const QString bigPng = scratch.filePath(QStringLiteral("shot.png")), smallPng = scratch.filePath(QStringLiteral("empty.png"));
        const QString log = scratch.filePath(QStringLiteral("meterdesk.log"));
        const ProcessResult big = runMeasured(meterdesk, {QStringLiteral("--db"), url, QStringLiteral("--screenshot"), bigPng}, environment, log);
        const ProcessResult small = runMeasured(meterdesk, {QStringLiteral("--db"), empty, QStringLiteral("--screenshot"), smallPng}, environment, log);
        // meterdesk reports its own peak memory when it writes the PNG: VmHWM,
        // which counts the database file's mapped pages too, and the peak of
        // its private (anonymous) pages, sampled every 5 ms.
        const auto reportedMb = [](const ProcessResult &result, const QString &what) {
            const QRegularExpressionMatch match =
                QRegularExpression(what + QStringLiteral(" (\\d+) kB")).match(QString::fromUtf8(result.errorOutput));
            return match.hasMatch() ? match.captured(1).toDouble() / 1024 : -1.0;
        };
        const auto peakMb = [&](const ProcessResult &result) {
            return reportedMb(result, QStringLiteral("private memory at most"));
        };
        const auto residentMb = [&](const ProcessResult &result) { return reportedMb(result, QStringLiteral("peak memory")); };
        // Both runs must have drawn their window.
        const auto problem = [](const ProcessResult &result, const QString &png, const QString &side) {
            return result.exitCode != 0 ? QStringLiteral("%1: exit code %2").arg(side).arg(result.exitCode)
                : QFileInfo(png).size() < 1000 ? QStringLiteral("%1: no screenshot").arg(side)
                                               : QString();
        };
        QString failure = problem(big, bigPng, QStringLiteral("Meterdesk"));
        if (failure.isEmpty())
            failure = problem(small, smallPng, QStringLiteral("the empty database"));
        report.add({QStringLiteral("meterdesk --screenshot, start to PNG"), QStringLiteral("ms"), big.wallMs, small.wallMs, 0,
                    QStringLiteral("< 2000 ms (baseline: an empty database)")},
                   false, 0, 2000, failure);
        if (failure.isEmpty() && (peakMb(big) < 0 || peakMb(small) < 0))
            failure = QStringLiteral("no peak memory reported");
        report.add({QStringLiteral("meterdesk --screenshot, peak private memory"), QStringLiteral("MB"), peakMb(big), peakMb(small), 0,
                    QStringLiteral("< 300 MB (baseline: an empty database)")},
                   false, 0, 300, failure);
        if (failure.isEmpty() && (residentMb(big) < 0 || residentMb(small) < 0))
            failure = QStringLiteral("no resident peak reported");
        report.add({QStringLiteral("meterdesk --screenshot, peak resident (VmHWM)"), QStringLiteral("MB"), residentMb(big),
                    residentMb(small), 0, QStringLiteral("(reference: with the database file's mapped pages)")},
                   false, 0, 0, failure);
    }

}

// The sqlite3 shell running the original users query, as a reference.
void measureOutsideReference(Database &db, const QTemporaryDir &scratch, BenchReport &report)
{
    const DateRange last30 = lastThirtyDays(db);
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (!shell.isEmpty()) {
        out << "Outside reference:" << Qt::endl;
        const ProcessResult reference = runMeasured(shell, {db.spec().path, OriginalDesign::usersSql(last30)}, {},
                                                    scratch.filePath(QStringLiteral("sqlite3.log")));
        QString error;
        const double ours = medianMs(LoadRuns, [&] { loadDashboard(db, last30, &error); });
        report.add({QStringLiteral("dashboard load vs sqlite3 shell, 30 days"), QStringLiteral("ms"), ours, reference.wallMs, 0,
                    QStringLiteral("(reference)")},
                   false, 0, 0, reference.exitCode == 0 ? QString() : QStringLiteral("the sqlite3 shell failed"));
    }

}

} // namespace

int main(int argc, char *argv[])
{
    // As the dashboard's process runs (app/meterdesk/main.cpp), for both
    // sides of every figure.
    keepFreedMemory();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meterdesk benchmark against the original design."));
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("events"), QStringLiteral("Events in the database."), QStringLiteral("n"), QStringLiteral("1000000")},
                       {QStringLiteral("users"), QStringLiteral("Users in the database."), QStringLiteral("n"), QStringLiteral("10000")},
                       {QStringLiteral("days"), QStringLiteral("Days of history."), QStringLiteral("n"), QStringLiteral("365")},
                       {QStringLiteral("db"), QStringLiteral("Database to build or reuse (SQLite path or postgresql:// URI)."), QStringLiteral("url")},
                       {QStringLiteral("record"), QStringLiteral("Events for the recording figures."), QStringLiteral("n"), QStringLiteral("20000")},
                       {QStringLiteral("json"), QStringLiteral("Also write the rows as JSON."), QStringLiteral("file")},
                       {QStringLiteral("meterdesk"), QStringLiteral("The meterdesk binary for the screenshot figures."), QStringLiteral("path")},
                       {QStringLiteral("fault"), QStringLiteral("For bench_smoke: make one side fail on purpose (original-writer, "
                                                                "meterdesk-load, sort) to show the bench then gives no figure."),
                        QStringLiteral("name")},
                       {QStringLiteral("only"), QStringLiteral("Measure only these parts, comma-separated: load, reprice, record, live, "
                                                               "table, risk, budget, process, outside (default: all)."),
                        QStringLiteral("parts")}});
    parser.process(app);
    const qint64 events = parser.value(QStringLiteral("events")).toLongLong();
    const int users = parser.value(QStringLiteral("users")).toInt();
    const int days = parser.value(QStringLiteral("days")).toInt();
    const int record = qMax(100, parser.value(QStringLiteral("record")).toInt());
    const Fault fault = faultNamed(parser.value(QStringLiteral("fault")));
    QString url = parser.value(QStringLiteral("db"));
    if (url.isEmpty())
        url = QDir::current().filePath(QStringLiteral("bench-%1-%2.sqlite").arg(events).arg(users));

    auto db = openUrl(url);
    if (!db)
        return 1;
    const bool sqlite = !db->isPostgres();
    out << "Database: " << db->spec().displayString() << Qt::endl;
    BenchReport report(out);

    // The data: built once, reused while it has the asked size.
    if (!buildIfSmaller(*db, events, users, days))
        return 1;
    if (sqlite)
        db->exec(QStringLiteral("ANALYZE"), &url);

    // --fault meterdesk-load: the rollups lose a request, so Meterdesk's
    // 30-day answer no longer agrees with the log.
    if (fault == Fault::MeterdeskLoad)
        db->exec(QStringLiteral("UPDATE api_usage_daily SET requests = requests + 1"), &url);

    // --only: the parts asked for (a figure still needs both sides to agree).
    const QStringList only = parser.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
    const auto wanted = [&](const char *part) { return only.isEmpty() || only.contains(QLatin1String(part)); };

    // 1. Dashboard load against the original design's queries.
    if (wanted("load"))
        measureDashboardLoad(*db, report);

    // Repricing one model, against updating the calls and rebuilding the
    // aggregates; the database ends as it began.
    if (wanted("reprice"))
        measureRepricing(*db, out, report);

    // 2. Recording, on a fresh database with the same schema and users.
    QTemporaryDir scratch;
    if (wanted("record"))
        measureRecordingOnScratch(*db, scratch, record, users, fault, report);

    // 3. Sorting and searching the users table.
    if (wanted("table")) {
        out << "The users table:" << Qt::endl;
        measureUsersTable(*db, fault, report);
    }

    // A live update for one new call, on both threads.
    if (wanted("live"))
        measureLiveUpdate(*db, lastThirtyDays(*db), out, report);

    // Guardrails: suggested risk scores for every user.
    if (wanted("risk"))
        measureRiskSuggestions(*db, report);
    if (wanted("budget"))
        measureBudgetColumn(*db, report);

    // 4. The dashboard process: start to screenshot, and its peak memory.
    if (wanted("process"))
        measureDashboardProcess(parser.value(QStringLiteral("meterdesk")), url, scratch, report);

    // 5. An outside reference: the sqlite3 shell running the original users query.
    if (sqlite && wanted("outside"))
        measureOutsideReference(*db, scratch, report);

    report.printSummary();
    const QString jsonPath = parser.value(QStringLiteral("json"));
    if (!jsonPath.isEmpty()) {
        QFile file(jsonPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(report.json()).toJson()) < 0) {
            out << "meterdesk-bench: cannot write " << jsonPath << Qt::endl;
            return 1;
        }
    }
    return report.failures().isEmpty() ? 0 : 1;
}
