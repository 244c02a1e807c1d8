#include <tracking/UsageEvent.h>

#include <QJsonDocument>
#include <QTest>

using namespace meterdesk;


class TestUsageEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providers_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("cacheWrite");
        QTest::newRow("openai chat: cached tokens are inside prompt_tokens")
            << QStringLiteral("openai")
            << QByteArray(R"({"model":"gpt-4o-2024-08-06","usage":{"prompt_tokens":1200,"completion_tokens":300,"total_tokens":1500,"prompt_tokens_details":{"cached_tokens":1024}}})")
            << QStringLiteral("gpt-4o-2024-08-06") << 176LL << 300LL << 1024LL << 0LL;
        QTest::newRow("openai chat without details")
            << QStringLiteral("openai") << QByteArray(R"({"usage":{"prompt_tokens":10,"completion_tokens":5}})")
            << QString() << 10LL << 5LL << 0LL << 0LL;
        QTest::newRow("openai responses api")
            << QStringLiteral("openai")
            << QByteArray(R"({"model":"gpt-5","usage":{"input_tokens":900,"output_tokens":50,"input_tokens_details":{"cached_tokens":100}}})")
            << QStringLiteral("gpt-5") << 800LL << 50LL << 100LL << 0LL;
        QTest::newRow("anthropic: input excludes cache reads and writes")
            << QStringLiteral("anthropic")
            << QByteArray(R"({"model":"claude-sonnet-4-20250514","usage":{"input_tokens":50,"output_tokens":400,"cache_read_input_tokens":10000,"cache_creation_input_tokens":2000}})")
            << QStringLiteral("claude-sonnet-4-20250514") << 50LL << 400LL << 10000LL << 2000LL;
        QTest::newRow("anthropic usage object alone")
            << QStringLiteral("anthropic") << QByteArray(R"({"input_tokens":7,"output_tokens":3})")
            << QString() << 7LL << 3LL << 0LL << 0LL;
        QTest::newRow("gemini: cached inside prompt, thoughts are output")
            << QStringLiteral("google")
            << QByteArray(R"({"modelVersion":"gemini-2.5-pro","usageMetadata":{"promptTokenCount":5000,"candidatesTokenCount":700,"thoughtsTokenCount":300,"cachedContentTokenCount":4000,"totalTokenCount":6000}})")
            << QStringLiteral("gemini-2.5-pro") << 1000LL << 1000LL << 4000LL << 0LL;
    }
    void providers()
    {
        QFETCH(QString, service);
        QFETCH(QByteArray, response);
        QFETCH(QString, model);
        QFETCH(qint64, input);
        QFETCH(qint64, output);
        QFETCH(qint64, cached);
        QFETCH(qint64, cacheWrite);
        QString error;
        const auto parsed = ProviderUsage::fromService(service, QJsonDocument::fromJson(response).object(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->model, model);
        QCOMPARE(parsed->tokens.input, input);
        QCOMPARE(parsed->tokens.output, output);
        QCOMPARE(parsed->tokens.cachedInput, cached);
        QCOMPARE(parsed->tokens.cacheWrite, cacheWrite);
    }

    void badProviderObjects_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no usage") << QStringLiteral("openai") << QByteArray("{}") << QStringLiteral("missing \"input_tokens\"");
        QTest::newRow("string count") << QStringLiteral("anthropic") << QByteArray(R"({"input_tokens":"12"})")
                                      << QStringLiteral("not a number");
        QTest::newRow("negative") << QStringLiteral("openai") << QByteArray(R"({"prompt_tokens":-1})")
                                  << QStringLiteral("whole number");
        QTest::newRow("fraction") << QStringLiteral("google") << QByteArray(R"({"promptTokenCount":1.5})")
                                  << QStringLiteral("whole number");
        QTest::newRow("cached larger than prompt")
            << QStringLiteral("openai") << QByteArray(R"({"prompt_tokens":10,"prompt_tokens_details":{"cached_tokens":11}})")
            << QStringLiteral("larger than");
        QTest::newRow("huge") << QStringLiteral("anthropic") << QByteArray(R"({"input_tokens":1e300})")
                              << QStringLiteral("whole number");
        QTest::newRow("unknown service") << QStringLiteral("acme") << QByteArray("{}") << QStringLiteral("no usage parser");
    }
    void badProviderObjects()
    {
        QFETCH(QString, service);
        QFETCH(QByteArray, response);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!ProviderUsage::fromService(service, QJsonDocument::fromJson(response).object(), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void importLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("full") << QByteArray(R"({"eventId":"e1","userId":"u1","service":"OpenAI","model":"gpt-4o","inputTokens":1,"outputTokens":2,"cachedInputTokens":3,"cacheWriteTokens":0,"endpoint":"chat","timestamp":"2026-01-02T03:04:05Z","metadata":{"durationMs":12}})") << QString();
        QTest::newRow("offset timestamp") << QByteArray(R"({"userId":"u","service":"google","model":"m","inputTokens":0,"outputTokens":0,"timestamp":"2026-01-02T05:04:05+02:00"})") << QString();
        QTest::newRow("not json") << QByteArray("{\"userId\":") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("no user") << QByteArray(R"({"service":"openai","model":"m","inputTokens":1,"outputTokens":1})")
                                 << QStringLiteral("missing \"userId\"");
        QTest::newRow("empty user") << QByteArray(R"({"userId":" ","service":"openai","model":"m","inputTokens":1,"outputTokens":1})")
                                    << QStringLiteral("no user id");
        QTest::newRow("user id not string") << QByteArray(R"({"userId":5,"service":"openai","model":"m","inputTokens":1,"outputTokens":1})")
                                            << QStringLiteral("must be a string");
        QTest::newRow("blank model is refused, not priced at the fallback")
            << QByteArray(R"({"userId":"u","service":"openai","model":"  ","inputTokens":1,"outputTokens":1})")
            << QStringLiteral("no model name");
        QTest::newRow("no tokens") << QByteArray(R"({"userId":"u","service":"openai","model":"m"})")
                                   << QStringLiteral("missing \"inputTokens\"");
        QTest::newRow("bad timestamp") << QByteArray(R"({"userId":"u","service":"openai","model":"m","inputTokens":1,"outputTokens":1,"timestamp":"yesterday"})") << QStringLiteral("ISO 8601");
        QTest::newRow("metadata not object") << QByteArray(R"({"userId":"u","service":"openai","model":"m","inputTokens":1,"outputTokens":1,"metadata":"x"})") << QStringLiteral("must be an object");
        QTest::newRow("control characters in user") << QByteArray("{\"userId\":\"a\\u0000b\",\"service\":\"openai\",\"model\":\"m\","
                                                                  "\"inputTokens\":1,\"outputTokens\":1}")
                                                    << QStringLiteral("control characters");
        QTest::newRow("user id too long") << QByteArray("{\"userId\":\"" + QByteArray(300, 'x')
                                                          + "\",\"service\":\"openai\",\"model\":\"m\",\"inputTokens\":1,\"outputTokens\":1}")
                                          << QStringLiteral("longer than");
    }
    void importLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, reason);
        QString error;
        const auto event = parseEventJson(line, &error);
        if (reason.isEmpty()) {
            QVERIFY2(event, qPrintable(error));
            QCOMPARE(event->timestamp.timeSpec(), Qt::UTC);
        } else {
            QVERIFY(!event);
            QVERIFY2(error.contains(reason), qPrintable(error));
        }
    }

    void lineRoundTrip()
    {
        QString error;
        const auto event = parseEventJson(R"({"eventId":"e1","userId":"u1","service":"openai","model":"gpt-4o","inputTokens":1,"outputTokens":2,"cachedInputTokens":3,"timestamp":"2026-01-02T05:04:05+02:00","metadata":{"k":"v"}})", &error);
        QVERIFY(event);
        QCOMPARE(event->service, QStringLiteral("openai"));
        QCOMPARE(event->timestamp, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        const auto again = eventFromJson(eventToJson(*event), &error);
        QVERIFY(again);
        QCOMPARE(again->eventId, event->eventId);
        QCOMPARE(again->tokens.cachedInput, 3);
        QCOMPARE(again->timestamp, event->timestamp);
        QCOMPARE(again->metadata, event->metadata);
    }
};

QTEST_APPLESS_MAIN(TestUsageEvent)
#include "tst_usageevent.moc"
