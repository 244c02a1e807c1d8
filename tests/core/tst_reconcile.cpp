// Reading the providers' cost and usage reports (no database): Anthropic's
// cost report gives cents as decimal strings per model, its usage report
// tokens per kind. The pages below were written by hand in the shape of the
// Anthropic Admin API's cost_report and usage_report/messages responses
// (data[].starting_at/ending_at/results[], has_more, next_page).
#include <queries/Reconcile.h>

#include <QTest>

using namespace meterdesk;

class TestReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anthropicReports()
    {
        const QByteArray cost = R"({"data": [{"starting_at": "2026-11-02T00:00:00Z", "ending_at": "2026-11-03T00:00:00Z",
            "results": [
              {"currency": "USD", "amount": "123.45", "workspace_id": null, "description": null, "cost_type": "tokens",
               "context_window": "0-200k", "model": "claude-sonnet-4-20250514", "service_tier": "standard",
               "token_type": "uncached_input_tokens"},
              {"currency": "USD", "amount": "50", "workspace_id": null, "description": null, "cost_type": "tokens",
               "context_window": "0-200k", "model": "claude-sonnet-4-20250514", "service_tier": "standard",
               "token_type": "output_tokens"}]}], "has_more": false, "next_page": null})";
        const QByteArray usage = R"({"data": [{"starting_at": "2026-11-02T00:00:00Z", "ending_at": "2026-11-03T00:00:00Z",
            "results": [{"uncached_input_tokens": 1500, "cache_creation": {"ephemeral_1h_input_tokens": 1000,
              "ephemeral_5m_input_tokens": 500}, "cache_read_input_tokens": 200, "output_tokens": 500,
              "server_tool_use": {"web_search_requests": 10}, "api_key_id": null, "workspace_id": null,
              "model": "claude-sonnet-4-20250514", "service_tier": "standard", "context_window": "0-200k"}]}],
            "has_more": false, "next_page": null})";
        QString error;
        // Both pages in one file, one after the other, as `>>` leaves them.
        const auto bill = Reconcile::readReports(QStringLiteral("anthropic"), {cost + "\n" + usage}, &error);
        QVERIFY2(bill, qPrintable(error));
        QVERIFY2(bill->problems.isEmpty(), qPrintable(bill->problems.join(u'\n')));
        QCOMPARE(bill->days.size(), 1);
        const Reconcile::BilledDay day = bill->days.value(QDate(2026, 11, 2));
        // 123.45 + 50 cents = $1.7345.
        QCOMPARE(day.cost, Money::fromDecimal(u"1.7345").value());
        const Reconcile::BilledModel model = day.models.value(QStringLiteral("claude-sonnet-4-20250514"));
        QCOMPARE(model.inputTokens, 1500);
        QCOMPARE(model.cachedTokens, 200);
        QCOMPARE(model.cacheWriteTokens, 1500);
        QCOMPARE(model.outputTokens, 500);
        QCOMPARE(model.tokens(), 3700);
    }

    void badPages()
    {
        QString error;
        QVERIFY(!Reconcile::readReports(QStringLiteral("azure"), {}, &error));
        const auto bill = Reconcile::readReports(
            QStringLiteral("anthropic"),
            {QByteArray(R"({"data": [{"starting_at": "2026-11-02T00:00:00Z", "results": [{"currency": "EUR", "amount": "10"}]}]})"),
             QByteArray(R"({"object": "list"})"), QByteArray("not json at all"), QByteArray(R"({"data": [{"starting_at": )")},
            &error);
        QVERIFY(bill);
        QCOMPARE(bill->days.size(), 0);
        QCOMPARE(bill->problems.size(), 4);
        QVERIFY(bill->problems.at(0).contains(QStringLiteral("EUR")));
        QVERIFY(bill->problems.at(1).contains(QStringLiteral("no \"data\"")));
        QVERIFY(bill->problems.at(2).contains(QStringLiteral("no JSON")));
        QVERIFY(bill->problems.at(3).contains(QStringLiteral("not readable")));
    }
};

QTEST_APPLESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
