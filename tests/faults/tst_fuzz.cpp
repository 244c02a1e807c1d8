// Hostile and broken input: thousands of mutated and random lines through the
// import parser, the provider usage parsers and `meterctl import`. Nothing
// crashes or hangs; in an import, every bad line is named and every good
// line recorded, once.
// CI runs it under AddressSanitizer and UndefinedBehaviorSanitizer too.
#include "TestSupport.h"

#include <queries/Queries.h>
#include <tracking/UsageEvent.h>

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

const QList<QByteArray> &seeds()
{
    static const QList<QByteArray> lines{
        R"({"eventId":"s1","userId":"u1","service":"openai","model":"gpt-4o-mini","inputTokens":1200,"outputTokens":300})",
        R"({"userId":"u2","service":"anthropic","model":"claude-sonnet-4-20250514","inputTokens":50,"outputTokens":400,"cachedInputTokens":10000,"cacheWriteTokens":2000,"metadata":{"durationMs":812,"feature":"support-chat"}})",
        R"({"userId":"u3","service":"google","model":"gemini-2.5-pro","inputTokens":300000,"outputTokens":1,"timestamp":"2026-01-02T03:04:05Z","endpoint":"generateContent"})",
        R"({"prompt_tokens":1200,"completion_tokens":300,"prompt_tokens_details":{"cached_tokens":1024}})",
        R"({"usageMetadata":{"promptTokenCount":5000,"candidatesTokenCount":700,"cachedContentTokenCount":4000}})",
    };
    return lines;
}

QByteArray mutate(QByteArray line, QRandomGenerator &random)
{
    switch (random.bounded(12)) {
    case 0: // truncated
        return line.left(random.bounded(line.size()));
    case 1: // flipped bytes
        for (int i = 0; i < 3; ++i)
            line[random.bounded(line.size())] = char(random.bounded(256));
        return line;
    case 2: // a NUL byte
        line.insert(random.bounded(line.size()), '\0');
        return line;
    case 3: // invalid UTF-8
        line.insert(random.bounded(line.size()), "\xff\xfe\xc3");
        return line;
    case 4: // negative numbers
        return QByteArray(line).replace("1200", "-1200").replace(":50,", ":-50,");
    case 5: // enormous numbers
        return QByteArray(line).replace("1200", "1e308").replace("300", "9223372036854775808");
    case 6: // wrong types
        return QByteArray(line).replace("\"u1\"", "[1,2]").replace("1200", "\"1200\"").replace("\"openai\"", "{}");
    case 7: // a 1 MB string
        return QByteArray(line).replace("\"u2\"", QByteArray('"' + QByteArray(1 << 20, 'x') + '"'));
    case 8: // random bytes
    {
        QByteArray junk(random.bounded(1, 200), Qt::Uninitialized);
        for (char &c : junk)
            c = char(random.bounded(256));
        return junk;
    }
    case 9: // deeply nested
        return QByteArray(5000, '[') + QByteArray(5000, ']');
    case 10: // fractional and exponent token counts
        return QByteArray(line).replace("1200", "12.5").replace("400", "4e2");
    default: // duplicated keys and control characters in names
        return QByteArray(line).replace("\"u1\"", "\"u\\u0007one\"").replace("{\"", "{\"userId\":\"dup\",\"");
    }
}

// One line of an import file and what the contract says of it.
struct GeneratedLine
{
    QByteArray bytes;
    bool good = false;
    QString userId;
    qint64 tokens = 0;
};

// Good lines: hostile but valid ids and names, token counts in range,
// optional ids, times and metadata. Bad lines: one known fault each.
GeneratedLine generateLine(int i, QRandomGenerator &random)
{
    static const QStringList users{
        QStringLiteral("u1"), QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("+cmd|' /C calc'!A0"),
        QStringLiteral("-2+3"), QStringLiteral("@SUM(A1)"), QStringLiteral("a,b"), QStringLiteral("quote\"d"),
        QStringLiteral("Zoë 🚀"), QStringLiteral("'; DROP TABLE users; --"), QString(255, u'x')};
    static const QStringList services{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("google"),
                                      QStringLiteral("other")};
    static const QStringList models{QStringLiteral("gpt-4o-mini"), QStringLiteral("claude-sonnet-4-20250514"),
                                    QStringLiteral("gemini-2.5-pro"), QStringLiteral("mystery,model\"x")};
    GeneratedLine line;
    line.userId = users[random.bounded(users.size())];
    const qint64 input = random.bounded(1'000'000), output = random.bounded(100'000);
    QJsonObject event{{QStringLiteral("userId"), line.userId},
                      {QStringLiteral("service"), services[random.bounded(services.size())]},
                      {QStringLiteral("model"), models[random.bounded(models.size())]},
                      {QStringLiteral("inputTokens"), input},
                      {QStringLiteral("outputTokens"), output}};
    if (random.bounded(2))
        event.insert(QStringLiteral("eventId"), QStringLiteral("e-%1").arg(i));
    if (random.bounded(2))
        event.insert(QStringLiteral("timestamp"), QStringLiteral("2026-0%1-1%2T0%3:00:00Z")
                                                      .arg(1 + random.bounded(9)).arg(random.bounded(10)).arg(random.bounded(10)));
    if (random.bounded(3) == 0)
        event.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("note"), QStringLiteral("=1+1")}});
    const auto json = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    const int fault = random.bounded(2) ? -1 : random.bounded(11);
    line.good = fault < 0;
    line.tokens = input + output;
    switch (fault) {
    case -1:
        line.bytes = json(event);
        break;
    case 0: // not JSON at all
        line.bytes = "# " + QByteArray::number(random.generate());
        break;
    case 1: // cut before the object closes
        line.bytes = json(event).chopped(1 + random.bounded(5));
        break;
    case 2:
        event.remove(QStringLiteral("userId"));
        line.bytes = json(event);
        break;
    case 3:
        event.insert(QStringLiteral("inputTokens"), -1 - qint64(random.bounded(1000)));
        line.bytes = json(event);
        break;
    case 4:
        event.insert(QStringLiteral("outputTokens"), 12.5);
        line.bytes = json(event);
        break;
    case 5:
        event.insert(QStringLiteral("inputTokens"), 1e17);
        line.bytes = json(event);
        break;
    case 6:
        event.insert(QStringLiteral("inputTokens"), QStringLiteral("1200"));
        line.bytes = json(event);
        break;
    case 7:
        event.insert(QStringLiteral("userId"), QStringLiteral("bell\u0007"));
        line.bytes = json(event);
        break;
    case 8:
        event.insert(QStringLiteral("timestamp"), QStringLiteral("yesterday"));
        line.bytes = json(event);
        break;
    case 9:
        event.insert(QStringLiteral("userId"), QString(256, u'y'));
        line.bytes = json(event);
        break;
    default: // an array, not an object
        line.bytes = "[" + json(event) + "]";
        break;
    }
    return line;
}

} // namespace

class TestFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsersSurviveMutations()
    {
        QRandomGenerator random(20261127);
        int accepted = 0, refused = 0;
        for (int i = 0; i < 20'000; ++i) {
            const QByteArray line = mutate(seeds()[i % seeds().size()], random);
            QString error;
            if (parseEventJson(line, &error)) {
                ++accepted;
                QVERIFY(error.isEmpty());
            } else {
                ++refused;
                QVERIFY2(!error.isEmpty(), line.left(200).constData());
            }
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            for (const char *service : {"openai", "anthropic", "google"}) {
                QString providerError;
                const auto parsed = ProviderUsage::fromService(QLatin1String(service), object, &providerError);
                if (parsed) {
                    QVERIFY(parsed->tokens.input >= 0 && parsed->tokens.output >= 0 && parsed->tokens.cachedInput >= 0);
                    QVERIFY(parsed->tokens.total() <= 4 * MaxTokensPerEvent);
                } else {
                    QVERIFY(!providerError.isEmpty());
                }
            }
        }
        qInfo("parser: %d lines accepted, %d refused with a reason", accepted, refused);
        QVERIFY(accepted > 0 && refused > 0);
    }

    void importNamesEveryBadLineAndRecordsEveryGoodOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hostile.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QRandomGenerator random(42);
        // The lines come from a model that knows which are good: the
        // import's contract, not its parser, decides.
        int good = 0, bad = 0;
        qint64 goodTokens = 0;
        QSet<QString> goodUsers;
        for (int i = 0; i < 4000; ++i) {
            const GeneratedLine line = generateLine(i, random);
            file.write(line.bytes + '\n');
            if (i % 97 == 0)
                file.write("   \n"); // blank lines are skipped, neither good nor bad
            if (line.good) {
                ++good;
                goodTokens += line.tokens;
                goodUsers.insert(line.userId);
            } else {
                ++bad;
            }
        }
        file.close();
        const QString db = dir.filePath(QStringLiteral("usage.sqlite"));
        QCOMPARE(meterctl({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode, 0);
        const RunResult result = meterctl({QStringLiteral("--db"), db, QStringLiteral("import"), path});
        QCOMPARE(result.exitCode, 1);
        const qsizetype named = result.err.count("\nline ") + (result.err.startsWith("line ") ? 1 : 0);
        qInfo("import: %d good lines, %d bad lines, %lld named", good, bad, qint64(named));
        QVERIFY(good > 1000 && bad > 1000);
        QCOMPARE(qint64(named), qint64(bad));
        QVERIFY2(result.err.contains(QStringLiteral("imported %1 events, 0 duplicates").arg(good).toUtf8()),
                 result.err.right(300).constData());
        QString error;
        auto database = Database::open(ConnectionSpec::sqlite(db), &error);
        QCOMPARE(scalar(*database, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), qint64(good));
        QCOMPARE(scalar(*database, QStringLiteral("SELECT sum(tokens_used) FROM api_usage_tracking")), goodTokens);
        QCOMPARE(scalar(*database, QStringLiteral("SELECT count(DISTINCT user_id) FROM api_usage_tracking")),
                 qint64(goodUsers.size()));
        QVERIFY(Queries(*database).verify(&error)->isEmpty());
        // The users report: one record per user, every hostile name
        // neutralised, no cell a formula.
        const RunResult csv = meterctl({QStringLiteral("--db"), db, QStringLiteral("users"), QStringLiteral("--csv")});
        QCOMPARE(csv.exitCode, 0);
        const QList<QStringList> records = parseCsv(csv.out);
        QCOMPARE(records.size(), goodUsers.size() + 1);
        QVERIFY2(formulaCells(records).isEmpty(), qPrintable(formulaCells(records).join(u'|')));
        QSet<QString> ids;
        for (qsizetype r = 1; r < records.size(); ++r)
            ids.insert(records[r].value(0));
        for (const QString &user : std::as_const(goodUsers)) {
            const bool formula = QStringLiteral("=+-@").contains(user.front());
            QVERIFY2(ids.contains(formula ? u'\'' + user : user), qPrintable(user));
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
