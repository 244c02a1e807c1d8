// Hostile and broken input: thousands of mutated and random lines through the
// import parser, the provider usage parsers and `meterctl import`. Nothing
// crashes or hangs, every bad line is named, every good line is recorded.
// CI runs it under AddressSanitizer and UndefinedBehaviorSanitizer too.
#include "TestSupport.h"

#include <Queries.h>
#include <UsageEvent.h>

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
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
        int good = 0, bad = 0;
        for (int i = 0; i < 4000; ++i) {
            QByteArray line = i % 4 == 0 ? seeds()[i % 3] : mutate(seeds()[i % 3], random);
            line.replace('\n', ' ').replace('\r', ' ');
            if (i % 4 == 0) // make the good ones unique
                line.replace("\"eventId\":\"s1\"", QByteArray("\"eventId\":\"good-" + QByteArray::number(i) + '"'));
            QString error;
            const auto event = parseEventJson(line.trimmed(), &error);
            if (line.trimmed().isEmpty())
                ; // blank lines are skipped, neither good nor bad
            else if (event)
                ++good;
            else
                ++bad;
            file.write(line + '\n');
        }
        file.close();
        const QString db = dir.filePath(QStringLiteral("usage.sqlite"));
        QCOMPARE(meterctl({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode, 0);
        const RunResult result = meterctl({QStringLiteral("--db"), db, QStringLiteral("import"), path});
        QCOMPARE(result.exitCode, 1);
        const qsizetype named = result.err.count("\nline ") + (result.err.startsWith("line ") ? 1 : 0);
        qInfo("import: %d good lines, %d bad lines, %lld named", good, bad, qint64(named));
        QCOMPARE(qint64(named), qint64(bad));
        QString error;
        auto database = Database::open(ConnectionSpec::sqlite(db), &error);
        // A line can be good yet repeat an event id already recorded: count ids.
        const qint64 recorded = scalar(*database, QStringLiteral("SELECT count(*) FROM api_usage_tracking"));
        QVERIFY2(result.err.contains(QStringLiteral("imported %1 events").arg(recorded).toUtf8()), result.err.right(300).constData());
        QVERIFY(recorded > 0 && recorded <= good);
        QVERIFY(Queries(*database).verify(&error)->isEmpty());
        // The users report neutralises whatever names got in.
        const RunResult csv = meterctl({QStringLiteral("--db"), db, QStringLiteral("users"), QStringLiteral("--csv")});
        QCOMPARE(csv.exitCode, 0);
        static const QRegularExpression formulaCell(QStringLiteral("(^|,)[=+\\-@]"), QRegularExpression::MultilineOption);
        QVERIFY(!QString::fromUtf8(csv.out).contains(formulaCell));
    }
};

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
