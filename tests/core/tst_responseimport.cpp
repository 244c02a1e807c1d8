// Provider responses as their APIs return them, one a line, read into
// events (meterctl import --format). The responses below were written by
// hand in the shapes the providers document:
// - OpenAI API reference: "The chat completion object" (usage with
//   prompt_tokens_details.cached_tokens and completion_tokens_details
//   .reasoning_tokens), "The chat completion chunk object" (the last chunk
//   carries usage with stream_options.include_usage), "The response object"
//   of the Responses API (input_tokens_details, output_tokens_details), its
//   "response.completed" streaming event, "The embedding object" list, and
//   the error object ({"error": {message, type, param, code}}).
// - Anthropic API reference, Messages: the message object's usage
//   (input_tokens, output_tokens, cache_creation_input_tokens,
//   cache_read_input_tokens, cache_creation.ephemeral_5m/1h_input_tokens,
//   service_tier) and the error shape ({"type": "error", "error": …}).
// - Gemini API reference, GenerateContentResponse: usageMetadata
//   (promptTokenCount, candidatesTokenCount, cachedContentTokenCount,
//   thoughtsTokenCount, toolUsePromptTokenCount), modelVersion, responseId.
#include <tracking/ResponseImport.h>

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace meterdesk;
using namespace meterdesk::ResponseImport;

namespace {

QByteArray line(const char *user, const QByteArray &response, const QByteArray &extra = {})
{
    return QByteArray(R"({"userId": ")") + user + R"(", )" + extra + R"("response": )" + response + "}";
}

} // namespace

class TestResponseImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responses_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("service");
        // The billed tokens, worked out by hand from each API's rules.
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("cacheWrite");
        QTest::addColumn<QString>("eventId");
        QTest::addColumn<QString>("extra"); // a metadata key and its value, "key=value"

        // prompt_tokens 2006 includes 1920 cached: 86 at the full price.
        QTest::newRow("openai chat, cached") << "openai"
            << line("ann", R"({"id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion", "created": 1741570283,
                "model": "gpt-4o-2024-08-06", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"},
                "finish_reason": "stop"}], "usage": {"prompt_tokens": 2006, "completion_tokens": 300, "total_tokens": 2306,
                "prompt_tokens_details": {"cached_tokens": 1920, "audio_tokens": 0}, "completion_tokens_details":
                {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
                "service_tier": "default", "system_fingerprint": "fp_fc9f1d7035"})")
            << "gpt-4o-2024-08-06" << "openai" << qint64(86) << qint64(300) << qint64(1920) << qint64(0)
            << "openai:chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG" << "serviceTier=default";
        // Reasoning tokens are inside completion_tokens: billed once, as output.
        QTest::newRow("openai reasoning") << "openai"
            << line("ann", R"({"id": "chatcmpl-o4", "object": "chat.completion", "model": "o4-mini-2025-04-16", "choices": [],
                "usage": {"prompt_tokens": 120, "completion_tokens": 1500, "total_tokens": 1620,
                "completion_tokens_details": {"reasoning_tokens": 1216}}})", R"("endpoint": "event-matching", )")
            << "o4-mini-2025-04-16" << "openai" << qint64(120) << qint64(1500) << qint64(0) << qint64(0)
            << "openai:chatcmpl-o4" << "reasoningTokens=1216";
        QTest::newRow("openai stream, last chunk") << "openai"
            << line("bob", R"({"id": "chatcmpl-123", "object": "chat.completion.chunk", "created": 1694268190,
                "model": "gpt-4o-mini-2024-07-18", "system_fingerprint": "fp_44709d6fcb", "choices": [],
                "usage": {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21}})")
            << "gpt-4o-mini-2024-07-18" << "openai" << qint64(9) << qint64(12) << qint64(0) << qint64(0)
            << "openai:chatcmpl-123" << "";
        QTest::newRow("openai responses") << "openai"
            << line("bob", R"({"id": "resp_67ccd3a9da748190baa7f1570fe91ac6", "object": "response", "created_at": 1741476777,
                "status": "completed", "model": "gpt-4.1-2025-04-14", "output": [], "usage": {"input_tokens": 328,
                "input_tokens_details": {"cached_tokens": 128}, "output_tokens": 52, "output_tokens_details":
                {"reasoning_tokens": 0}, "total_tokens": 380}})")
            << "gpt-4.1-2025-04-14" << "openai" << qint64(200) << qint64(52) << qint64(128) << qint64(0)
            << "openai:resp_67ccd3a9da748190baa7f1570fe91ac6" << "";
        QTest::newRow("openai responses, stream completed") << "openai"
            << line("bob", R"({"type": "response.completed", "sequence_number": 42, "response": {"id": "resp_2",
                "object": "response", "status": "completed", "model": "gpt-5-mini-2025-08-07", "output": [],
                "usage": {"input_tokens": 1000, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 2000,
                "output_tokens_details": {"reasoning_tokens": 1792}, "total_tokens": 3000}}})")
            << "gpt-5-mini-2025-08-07" << "openai" << qint64(1000) << qint64(2000) << qint64(0) << qint64(0)
            << "openai:resp_2" << "reasoningTokens=1792";
        QTest::newRow("openai embeddings") << "openai"
            << line("cat", R"({"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.0023, -0.0093]}],
                "model": "text-embedding-3-small", "usage": {"prompt_tokens": 8, "total_tokens": 8}})",
                    R"("eventId": "emb-1", )")
            << "text-embedding-3-small" << "openai" << qint64(8) << qint64(0) << qint64(0) << qint64(0) << "emb-1" << "";
        // input_tokens excludes cache reads and writes already.
        QTest::newRow("anthropic, cache read and write") << "anthropic"
            << line("ann", R"({"id": "msg_013Zva2CMHLNnXjNJJKqJ2EF", "type": "message", "role": "assistant",
                "model": "claude-sonnet-4-20250514", "content": [{"type": "text", "text": "Hi"}], "stop_reason": "end_turn",
                "stop_sequence": null, "usage": {"input_tokens": 2095, "output_tokens": 503, "cache_creation_input_tokens": 2051,
                "cache_read_input_tokens": 1000, "cache_creation": {"ephemeral_5m_input_tokens": 1051,
                "ephemeral_1h_input_tokens": 1000}, "service_tier": "standard"}})")
            << "claude-sonnet-4-20250514" << "anthropic" << qint64(2095) << qint64(503) << qint64(1000) << qint64(2051)
            << "anthropic:msg_013Zva2CMHLNnXjNJJKqJ2EF" << "cacheWrite1hTokens=1000";
        // promptTokenCount 1200 includes 1000 cached; tool-use prompts (50)
        // are input too; thoughts (150) are output.
        QTest::newRow("gemini") << "gemini"
            << line("cat", R"({"candidates": [{"content": {"parts": [{"text": "Hi"}], "role": "model"}, "finishReason": "STOP",
                "index": 0}], "usageMetadata": {"promptTokenCount": 1200, "candidatesTokenCount": 300, "totalTokenCount": 1700,
                "cachedContentTokenCount": 1000, "thoughtsTokenCount": 150, "toolUsePromptTokenCount": 50},
                "modelVersion": "gemini-2.5-flash", "responseId": "mfLaaJ6aN4WUz7IP"})",
                    R"("timestamp": "2026-11-02T09:30:00Z", )")
            << "gemini-2.5-flash" << "google" << qint64(250) << qint64(450) << qint64(1000) << qint64(0)
            << "google:mfLaaJ6aN4WUz7IP" << "toolUsePromptTokens=50";
    }
    void responses()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, text);
        QString error;
        const auto event = eventFromResponseLine(*formatNamed(format), text, &error);
        QVERIFY2(event, qPrintable(error));
        QTEST(event->model, "model");
        QTEST(event->service, "service");
        QTEST(event->tokens.input, "input");
        QTEST(event->tokens.output, "output");
        QTEST(event->tokens.cachedInput, "cached");
        QTEST(event->tokens.cacheWrite, "cacheWrite");
        QTEST(event->eventId, "eventId");
        QFETCH(QString, extra);
        if (!extra.isEmpty()) {
            const QStringList pair = extra.split(u'=');
            const QJsonValue value = event->metadata.value(pair[0]);
            QCOMPARE(value.isString() ? value.toString() : QString::number(value.toInteger()), pair[1]);
        }
        QVERIFY(event->validate().isEmpty());
    }

    void theLineKeepsItsOwnFields()
    {
        QString error;
        const auto event = eventFromResponseLine(
            Format::Gemini,
            line("cat", R"({"usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 5}, "modelVersion": "gemini-2.0-flash-001"})",
                 R"("endpoint": "support-chat", "timestamp": "2026-11-02T09:30:00Z", )"),
            &error);
        QVERIFY2(event, qPrintable(error));
        QCOMPARE(event->userId, QStringLiteral("cat"));
        QCOMPARE(event->endpoint, QStringLiteral("support-chat"));
        QCOMPARE(event->timestamp, QDateTime(QDate(2026, 11, 2), QTime(9, 30), QTimeZone::utc()));
        QVERIFY(event->eventId.isEmpty()); // no id anywhere: the importer numbers the line
    }

    void badLines_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("openai error") << "openai"
            << line("ann", R"({"error": {"message": "Rate limit reached for gpt-4o", "type": "requests", "param": null,
                "code": "rate_limit_exceeded"}})") << "is an error";
        QTest::newRow("anthropic error") << "anthropic"
            << line("ann", R"({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})")
            << "overloaded_error: Overloaded";
        QTest::newRow("a chunk before the last") << "openai"
            << line("ann", R"({"id": "chatcmpl-123", "object": "chat.completion.chunk", "model": "gpt-4o-mini",
                "choices": [{"index": 0, "delta": {"content": "Hel"}}]})") << "no usage";
        QTest::newRow("truncated") << "anthropic" << QByteArray(R"({"userId": "ann", "response": {"id": "msg_1", "usa)")
                                   << "truncated";
        QTest::newRow("no response") << "openai" << QByteArray(R"({"userId": "ann"})") << "missing \"response\"";
        QTest::newRow("no user") << "openai"
            << QByteArray(R"({"response": {"model": "gpt-4o", "usage": {"prompt_tokens": 1, "completion_tokens": 1}}})")
            << "userId";
        QTest::newRow("no model") << "gemini"
            << line("ann", R"({"usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 5}})") << "no model";
        QTest::newRow("cached over prompt") << "openai"
            << line("ann", R"({"model": "gpt-4o", "usage": {"prompt_tokens": 10, "completion_tokens": 1,
                "prompt_tokens_details": {"cached_tokens": 11}}})") << "includes it";
    }
    void badLines()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!eventFromResponseLine(*formatNamed(format), text, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    // LiteLLM's spend log (its LiteLLM_SpendLogs rows, as /spend/logs
    // returns them and as its UI exports them to CSV): request_id, end_user
    // or user, model with custom_llm_provider, prompt and completion
    // tokens, startTime and spend.
    void liteLlmRows()
    {
        LineReader json(Format::LiteLlm);
        QString error;
        auto event = json.read(R"({"request_id": "chatcmpl-9a1b", "call_type": "acompletion", "api_key": "88dc28d0f030c5",
            "spend": 0.00051, "total_tokens": 1500, "prompt_tokens": 1000, "completion_tokens": 500,
            "startTime": "2026-11-02T09:30:00.123000Z", "endTime": "2026-11-02T09:30:02Z", "model": "gpt-4o-mini",
            "model_group": "gpt-4o-mini", "custom_llm_provider": "openai", "user": "internal-admin", "end_user": "ann",
            "metadata": {}, "cache_hit": "False", "request_tags": []})",
                               &error);
        QVERIFY2(event, qPrintable(error));
        QCOMPARE(event->userId, QStringLiteral("ann")); // the product's user, not the key's owner
        QCOMPARE(event->service, QStringLiteral("openai"));
        QCOMPARE(event->model, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(event->tokens.input, 1000);
        QCOMPARE(event->tokens.output, 500);
        QCOMPARE(event->eventId, QStringLiteral("litellm:chatcmpl-9a1b"));
        QCOMPARE(event->metadata.value(u"litellmSpend").toString(), QStringLiteral("0.00051"));
        QCOMPARE(event->timestamp.date(), QDate(2026, 11, 2));

        LineReader csv(Format::LiteLlm, QStringLiteral("unattributed"));
        QVERIFY(!csv.read("request_id,startTime,model,custom_llm_provider,spend,prompt_tokens,completion_tokens,user,end_user", &error));
        QVERIFY2(error.isEmpty(), qPrintable(error)); // the header: no call, no error
        event = csv.read("req-2,2026-11-03 08:00:00,anthropic/claude-3-5-haiku-20241022,,0.0021,\"2000\",100,\"Lee, Ann\",", &error);
        QVERIFY2(event, qPrintable(error));
        QCOMPARE(event->service, QStringLiteral("anthropic")); // from the model's prefix
        QCOMPARE(event->model, QStringLiteral("claude-3-5-haiku-20241022"));
        QCOMPARE(event->userId, QStringLiteral("Lee, Ann")); // a quoted comma stays in its cell
        QCOMPARE(event->tokens.input, 2000);
        event = csv.read("req-3,2026-11-03 08:00:00,gemini-2.5-flash,,0.001,10,5,,", &error);
        QVERIFY2(event, qPrintable(error));
        QCOMPARE(event->service, QStringLiteral("google"));
        QCOMPARE(event->userId, QStringLiteral("unattributed")); // no user: the --unattributed id
        QVERIFY(!csv.read("req-4,2026-11-03,gpt-4o,,0.1,10", &error));
        QVERIFY2(error.contains(QStringLiteral("cells where the header has")), qPrintable(error));
        QVERIFY(!csv.read("req-5,\"2026-11-03,gpt-4o,,0.1,10,5,,", &error));
        QVERIFY2(error.contains(QStringLiteral("not closed")), qPrintable(error));
        QVERIFY(!csv.read("req-6,2026-11-03 08:00:00,gpt-4o,,0.1,ten,5,ann,", &error));
        QVERIFY2(error.contains(QStringLiteral("not a number")), qPrintable(error));

        LineReader other(Format::LiteLlm);
        QVERIFY(!other.read("id,when,what", &error));
        QVERIFY2(error.contains(QStringLiteral("not LiteLLM")), qPrintable(error));
    }

    // The tier a response ran on prices it: OpenAI's service_tier, Anthropic's
    // usage.service_tier, or the line's own "batch" for a Batch API's output.
    void serviceTiers()
    {
        QString error;
        auto flex = eventFromResponseLine(Format::OpenAI, line("ann", R"({"id": "resp_f", "object": "response", "model": "o3",
            "service_tier": "flex", "usage": {"input_tokens": 10, "output_tokens": 5}})"), &error);
        QVERIFY2(flex, qPrintable(error));
        QCOMPARE(flex->serviceTier, QStringLiteral("flex"));
        auto standard = eventFromResponseLine(Format::OpenAI, line("ann", R"({"id": "c", "model": "gpt-4o", "service_tier": "default",
            "usage": {"prompt_tokens": 10, "completion_tokens": 5}})"), &error);
        QVERIFY2(standard, qPrintable(error));
        QVERIFY(standard->serviceTier.isEmpty());
        auto batch = eventFromResponseLine(Format::Anthropic, line("ann", R"({"id": "msg_b", "type": "message",
            "model": "claude-sonnet-4-20250514", "usage": {"input_tokens": 10, "output_tokens": 5, "service_tier": "batch"}})"),
                                           &error);
        QVERIFY2(batch, qPrintable(error));
        QCOMPARE(batch->serviceTier, QStringLiteral("batch"));
        auto fromLine = eventFromResponseLine(Format::OpenAI, line("ann", R"({"id": "c2", "model": "gpt-4o",
            "usage": {"prompt_tokens": 10, "completion_tokens": 5}})", R"("batch": true, )"), &error);
        QVERIFY2(fromLine, qPrintable(error));
        QCOMPARE(fromLine->serviceTier, QStringLiteral("batch"));
    }

    void formats()
    {
        QCOMPARE(formatNamed(QString()), std::optional(Format::Events));
        QCOMPARE(formatNamed(QStringLiteral("OpenAI")), std::optional(Format::OpenAI));
        QCOMPARE(formatNamed(QStringLiteral("google")), std::optional(Format::Gemini));
        QCOMPARE(formatNamed(QStringLiteral("litellm")), std::optional(Format::LiteLlm));
        QVERIFY(!formatNamed(QStringLiteral("csv")));
    }
};

QTEST_APPLESS_MAIN(TestResponseImport)
#include "tst_responseimport.moc"
