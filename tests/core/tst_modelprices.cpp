// Real spellings of the models services call today, against prices read by
// hand from the LiteLLM snapshot (../shared/prices, 2026-07-24) and the
// price reference, not from the book under test. Every row names the entry
// that must price it: no spelling may be priced by another model.

#include <money/ModelNames.h>
#include <money/PriceBook.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace meterdesk;

namespace {

struct Spelling
{
    const char *name;
    const char *matched; // the entry that must price it
    const char *input;   // USD per 1M tokens
    const char *output;
    const char *cacheRead;  // empty: billed at the input price
    const char *cacheWrite; // empty: billed at the input price
};

const Spelling Spellings[] = {
        {"claude-opus-4-5-20251101", "claude-opus-4-5-20251101", "5", "25", "0.5", "6.25"},
        {"claude-opus-4-5", "claude-opus-4-5", "5", "25", "0.5", "6.25"},
        {"claude-opus-4-7", "claude-opus-4-7", "5", "25", "0.5", "6.25"},
        {"claude-opus-4-8", "claude-opus-4-8", "5", "25", "0.5", "6.25"},
        {"claude-opus-4-6-20260205", "claude-opus-4-6-20260205", "5", "25", "0.5", "6.25"},
        {"claude-sonnet-4-6", "claude-sonnet-4-6", "3", "15", "0.3", "3.75"},
        {"claude-opus-5", "claude-opus-5", "5", "25", "0.5", "6.25"},
        {"claude-sonnet-5", "claude-sonnet-5", "2", "10", "0.2", "2.5"},
        {"o1-pro-2025-03-19", "o1-pro-2025-03-19", "150", "600", "", ""},
        {"o1-pro", "o1-pro", "150", "600", "", ""},
        {"gpt-5-pro", "gpt-5-pro", "15", "120", "", ""},
        {"o3-pro", "o3-pro", "20", "80", "", ""},
        {"o3-deep-research", "o3-deep-research", "10", "40", "2.5", ""},
        {"gpt-4o-realtime-preview", "gpt-4o-realtime-preview", "5", "20", "2.5", ""},
        {"gpt-4o-mini-tts", "gpt-4o-mini-tts", "2.5", "10", "", ""},
        {"gpt-3.5-turbo-instruct", "gpt-3.5-turbo-instruct", "1.5", "2", "", ""},
        {"gemini-2.5-flash-lite", "gemini-2.5-flash-lite", "0.1", "0.4", "0.01", ""},
        {"gemini-2.0-flash-lite-001", "gemini-2.0-flash-lite-001", "0.075", "0.3", "0.01875", ""},
        {"gpt-5.1", "gpt-5.1", "1.25", "10", "0.125", ""},
        {"gpt-5.1-2025-11-13", "gpt-5.1-2025-11-13", "1.25", "10", "0.125", ""},
        {"gpt-5.2", "gpt-5.2", "1.75", "14", "0.175", ""},
        {"gpt-5.2-pro", "gpt-5.2-pro", "21", "168", "", ""},
        {"gpt-5.6", "gpt-5.6", "5", "30", "0.5", "6.25"},
        {"gpt-5.1-chat-latest", "gpt-5.1-chat-latest", "1.25", "10", "0.125", ""},
        {"gemini-3-pro-preview", "gemini-3-pro-preview", "2", "12", "0.2", ""},
        {"gemini-3.5-flash", "gemini-3.5-flash", "1.5", "9", "0.15", ""},
        {"gemini-3.1-pro-preview", "gemini-3.1-pro-preview", "2", "12", "0.2", ""},
        {"gemini-3-flash-preview", "gemini-3-flash-preview", "0.5", "3", "0.05", ""},
        {"azure/gpt-4o-2024-08-06", "azure/gpt-4o-2024-08-06", "2.5", "10", "1.25", ""},
        {"azure/eu/gpt-4o-2024-08-06", "azure/eu/gpt-4o-2024-08-06", "2.75", "11", "1.375", ""},
        {"azure/gpt-4.1", "azure/gpt-4.1", "2", "8", "0.5", ""},
        {"azure/o3-mini", "azure/o3-mini", "1.1", "4.4", "0.55", ""},
        {"azure/gpt-5", "azure/gpt-5", "1.25", "10", "0.125", ""},
        {"anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3-5-sonnet", "3", "15", "0.3", "3.75"},
        {"us.anthropic.claude-3-5-sonnet-20241022-v2:0", "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "3", "15", "0.3", "3.75"},
        {"bedrock/us.anthropic.claude-3-5-sonnet-20241022-v2:0", "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "3", "15", "0.3", "3.75"},
        {"eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "3.3", "16.5", "0.33", "4.125"},
        {"bedrock/eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "3.3", "16.5", "0.33", "4.125"},
        {"vertex_ai/claude-opus-4-5@20251101", "vertex_ai/claude-opus-4-5@20251101", "5", "25", "0.5", "6.25"},
        {"vertex_ai/claude-opus-4-5", "vertex_ai/claude-opus-4-5", "5", "25", "0.5", "6.25"},
        {"vertex_ai/claude-sonnet-4-5@20250929", "vertex_ai/claude-sonnet-4-5@20250929", "3", "15", "0.3", "3.75"},
        {"vertex_ai/claude-3-5-haiku@20241022", "claude-3-5-haiku", "0.8", "4", "0.08", "1"},
        {"gemini/gemini-2.5-flash", "gemini/gemini-2.5-flash", "0.3", "2.5", "0.03", ""},
        {"gemini/gemini-2.5-pro", "gemini/gemini-2.5-pro", "1.25", "10", "0.125", ""},
        {"gemini/gemini-1.5-flash", "gemini-1.5-flash", "0.075", "0.3", "0.01875", ""},
        {"models/gemini-2.5-pro", "gemini-2.5-pro", "1.25", "10", "0.125", ""},
        {"openai/gpt-5-mini-2025-08-07", "gpt-5-mini", "0.25", "2", "0.025", ""},
        {"anthropic/claude-haiku-4-5-20251001", "claude-haiku-4-5", "1", "5", "0.1", "1.25"},
        {"ft:gpt-4o-mini-2024-07-18:acme:support:9xk2", "ft:gpt-4o-mini", "0.3", "1.2", "0.15", ""},
        {"ft:gpt-4o-mini:acme:support:9xk2", "ft:gpt-4o-mini", "0.3", "1.2", "0.15", ""},
        {"ft:gpt-4o-2024-08-06:org::abc", "ft:gpt-4o", "3.75", "15", "1.875", ""},
        {"ft:gpt-4.1-mini-2025-04-14:org:x:1", "ft:gpt-4.1-mini", "0.8", "3.2", "0.2", ""},
        {"ft:gpt-3.5-turbo-0125:org:x:1", "ft:gpt-3.5-turbo-0125", "3", "6", "", ""},
        {"gpt-4o-mini-2024-07-18", "gpt-4o-mini", "0.15", "0.6", "0.075", ""},
        {"gpt-4.1-mini-2025-04-14", "gpt-4.1-mini", "0.4", "1.6", "0.1", ""},
        {"o3-2025-04-16", "o3", "2", "8", "0.5", ""},
        {"o4-mini-2025-04-16", "o4-mini", "1.1", "4.4", "0.275", ""},
        {"claude-opus-4-1-20250805", "claude-opus-4-1", "15", "75", "1.5", "18.75"},
        {"claude-3-7-sonnet-20250219", "claude-3-7-sonnet", "3", "15", "0.3", "3.75"},
        {"claude-3-haiku-20240307", "claude-3-haiku", "0.25", "1.25", "0.03", "0.3"},
        {"gemini-2.0-flash-001", "gemini-2.0-flash", "0.1", "0.4", "0.025", ""},
        {"chatgpt-4o-latest", "chatgpt-4o-latest", "5", "15", "", ""},
        {"gpt-5-chat-latest", "gpt-5-chat-latest", "1.25", "10", "0.125", ""},
        {"codex-mini-latest", "codex-mini-latest", "1.5", "6", "0.375", ""},
        {"gpt-5.1-codex-mini", "gpt-5.1-codex-mini", "0.25", "2", "0.025", ""},
        {"claude-3-5-sonnet-latest", "claude-3-5-sonnet", "3", "15", "0.3", "3.75"},
        {"claude-2.1", "claude-2.1", "8", "24", "", ""},
        {"claude-2", "claude-2", "8", "24", "", ""},
        {"claude-3-sonnet-20240229", "claude-3-sonnet", "3", "15", "", ""},
        {"GPT-5.1", "gpt-5.1", "1.25", "10", "0.125", ""},
};

// Names that continue a priced name with a word or a version: each must be
// unpriced, never billed as the shorter name.
const char *const Continuations[] = {
    "claude-opus-4-9",          "gpt-5.7",        "gpt-4o-mini-tts-hd",     "o3-pro-max",
    "claude-sonnet-4-5-thinking", "gemini-2.5-flash-lite-ultra", "ft:unknown-base:org:x:1", "azure/eu/gpt-9",
    "claude-opus-4-5-fast",     "gpt-5.1-codex-ultra",
};

constexpr qint64 Tokens = 100'000; // below every long-context threshold

Money usd(const char *text)
{
    return *Money::fromDecimal(QString::fromLatin1(text));
}

// The cost of `Tokens` at a price per 1M: a tenth of it, exactly.
Money tenthOf(const char *perMillion)
{
    return Money::fromNanos(usd(perMillion).nanos() / 10);
}

} // namespace

class TestModelPrices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spellings_data()
    {
        QTest::addColumn<int>("row");
        QVERIFY(std::size(Spellings) >= 60);
        for (int i = 0; i < int(std::size(Spellings)); ++i)
            QTest::newRow(Spellings[i].name) << i;
    }
    void spellings()
    {
        QFETCH(int, row);
        const Spelling &s = Spellings[row];
        const PriceBook &book = PriceBook::builtIn();
        const QString name = QString::fromLatin1(s.name);
        auto quote = book.quote(name, {Tokens, Tokens, 0, 0});
        QVERIFY(quote);
        QVERIFY2(quote->priced, s.name);
        QCOMPARE(quote->matchedModel, QString::fromLatin1(s.matched));
        QVERIFY(quote->matchedBy != MatchKind::None);
        QVERIFY(!quote->source.isEmpty());
        QCOMPARE(quote->cost, tenthOf(s.input) + tenthOf(s.output));
        const char *cacheRead = *s.cacheRead ? s.cacheRead : s.input;
        QCOMPARE(book.quote(name, {0, 0, Tokens, 0})->cost, tenthOf(cacheRead));
        const char *cacheWrite = *s.cacheWrite ? s.cacheWrite : s.input;
        QCOMPARE(book.quote(name, {0, 0, 0, Tokens})->cost, tenthOf(cacheWrite));
    }

    void continuationsAreUnpriced_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : Continuations)
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void continuationsAreUnpriced()
    {
        QFETCH(QString, name);
        const auto quote = PriceBook::builtIn().quote(name, {Tokens, Tokens, 0, 0});
        QVERIFY(quote);
        QVERIFY2(!quote->priced, qPrintable(quote->matchedModel));
        QCOMPARE(quote->cost, tenthOf("5") + tenthOf("5")); // the fallback
    }

    // Over the whole shipped map: every name is priced by its own entry (or
    // by a curated entry that names it, where the map is known wrong), and
    // the same name continued by a word is never priced by it.
    void everyShippedNameIsItsOwn()
    {
        QFile file(QStringLiteral(":/meterdesk/prices/litellm-2026-07-24.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject map = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(map.size() > 500);
        const PriceBook &book = PriceBook::builtIn();
        int byCurated = 0;
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString name = it.key();
            const PriceMatch match = book.find(name);
            QVERIFY2(match.price, qPrintable(name));
            if (match.price->model != name) {
                QVERIFY2(match.price->source == PriceSource::Curated
                             && (match.price->aliases.contains(name)
                                 || modelNameCandidates(name).constLast().name == match.price->model),
                         qPrintable(name + QStringLiteral(" priced as ") + match.price->model));
                ++byCurated;
            }
            const QString continued = name + QStringLiteral("-nextgen");
            const PriceMatch other = book.find(continued);
            if (other.price)
                QVERIFY2(other.price->model == continued,
                         qPrintable(continued + QStringLiteral(" priced as ") + other.price->model));
        }
        qInfo("%lld shipped names, %d of them priced by a curated entry", qint64(map.size()), byCurated);
    }
};

QTEST_APPLESS_MAIN(TestModelPrices)
#include "tst_modelprices.moc"
