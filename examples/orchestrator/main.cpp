// The seed's orchestrator flow in C++, against the installed MeterdeskCore
// package: check access, make the AI call, parse its usage, record it
// asynchronously, with the user id passed through.
//
//   orchestrator DB JOURNAL USER
//
// The "AI call" here returns a canned Anthropic response; a real service
// would put its HTTP client there.
#include <meterdesk/tracking/AccessGuard.h>
#include <meterdesk/tracking/AsyncTracker.h>
#include <meterdesk/storage/Database.h>
#include <meterdesk/tracking/UsageEvent.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

using namespace meterdesk;

namespace {

QJsonObject callModel(const QString &prompt)
{
    Q_UNUSED(prompt);
    return QJsonDocument::fromJson(R"({"model":"claude-sonnet-4-20250514","content":[{"type":"text","text":"Booked."}],
        "usage":{"input_tokens":1200,"output_tokens":80,"cache_read_input_tokens":4000}})").object();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        out << "usage: orchestrator DB JOURNAL USER\n";
        return 2;
    }
    QString error;
    const auto spec = ConnectionSpec::parse(args[1], &error);
    auto db = spec ? Database::open(*spec, &error) : nullptr;
    if (!db) {
        out << error << '\n';
        return 1;
    }
    const QString userId = args[3];

    // 1. Before the AI call: may this user make it?
    const AccessDecision access = AccessGuard(*db, FailurePolicy::Open).check(userId);
    if (!access.allowed) {
        out << access.message << '\n';
        return 3;
    }

    // 2. The AI call itself.
    const QJsonObject response = callModel(QStringLiteral("Parse this booking email ..."));

    // 3. Its usage, as disjoint token counts.
    const auto usage = ProviderUsage::fromAnthropic(response, &error);
    if (!usage) {
        out << "unreadable usage: " << error << '\n';
        return 1;
    }

    // 4. Record it without waiting for the database; never throws.
    AsyncTrackerOptions options;
    options.database = *spec;
    options.journalPath = args[2];
    AsyncTracker tracker(options);
    UsageEvent event;
    event.userId = userId;
    event.service = QStringLiteral("anthropic");
    event.model = usage->model;
    event.endpoint = QStringLiteral("confirmation-parsing");
    event.tokens = usage->tokens;
    if (!tracker.record(event, &error)) {
        out << "not recorded: " << error << '\n';
        return 1;
    }
    tracker.flush(10'000);
    out << "recorded " << tracker.stats().recorded << " call(s)\n";
    return 0;
}
