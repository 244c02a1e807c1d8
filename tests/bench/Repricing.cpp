// Repricing one model of the bench database, the calls of gpt-4o-mini
// (about three in ten): Meterdesk's batches, which move every aggregate by
// the difference, against the plain way a tool without them must take:
// update the calls' cost and rebuild every aggregate from the log. Each side
// must leave `verify` clean and the model's total exactly at the price
// asked for, computed here from the tokens; the database ends as it began.

#include "Repricing.h"

#include <admin/PriceTable.h>
#include <admin/Repricer.h>
#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <storage/Schema.h>

#include <QElapsedTimer>
#include <QSqlQuery>

using namespace meterdesk;

namespace {

const QString Model = QStringLiteral("gpt-4o-mini");

qint64 single(Database &db, const QString &sql, QString *error)
{
    QSqlQuery query;
    if (!db.select(query, sql, {Model}, error) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// The model's total at whole nano-dollars per token (no rounding needed).
QString atRates(int input, int output, int cached)
{
    return QStringLiteral("input_tokens * %1 + output_tokens * %2 + cached_input_tokens * %3 + cache_write_tokens * %1")
        .arg(input).arg(output).arg(cached);
}

QString verifyProblem(Database &db)
{
    QString error;
    const auto problems = Queries(db).verify(&error);
    if (!problems)
        return error;
    return problems->isEmpty() ? QString() : QStringLiteral("verify: ") + problems->first();
}

// The plain way: every call's cost from its tokens, then every aggregate
// rebuilt from the log, in one transaction.
bool rebuildAll(Database &db, QString *error)
{
    if (!db.begin(error))
        return false;
    QSqlQuery update(db.sql());
    update.prepare(QStringLiteral("UPDATE api_usage_tracking SET cost_nanos = %1, estimated_cost = (%1) / 1000000000.0 "
                                  "WHERE model = ?").arg(atRates(150, 600, 75)));
    update.addBindValue(Model);
    bool ok = update.exec();
    if (!ok)
        *error = describe(update.lastError());
    for (const QString &statement : Schema::rebuildAggregates(db.dialect()))
        ok = ok && db.exec(statement, error);
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit(error);
}

} // namespace

void measureRepricing(Database &db, QTextStream &out, BenchReport &report)
{
    out << "Repricing:" << Qt::endl;
    BenchRow row{QStringLiteral("reprice one model (%1)").arg(Model), QStringLiteral("calls/s")};
    row.goal = QStringLiteral("faster than updating the calls and rebuilding every aggregate");
    QString error;
    const qint64 calls = single(db, QStringLiteral("SELECT count(*) FROM api_usage_tracking WHERE model = ?"), &error);
    const qint64 builtIn = single(db, QStringLiteral("SELECT sum(%1) FROM api_usage_tracking WHERE model = ?").arg(atRates(150, 600, 75)), &error);
    const qint64 cheaper = single(db, QStringLiteral("SELECT sum(%1) FROM api_usage_tracking WHERE model = ?").arg(atRates(100, 400, 50)), &error);
    const QString sum = QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking WHERE model = ?");
    if (calls <= 0 || builtIn < 0 || single(db, sum, &error) != builtIn) {
        report.add(row, true, 1, 0, QStringLiteral("the database's %1 calls are not at the built-in price").arg(Model));
        return;
    }
    // Meterdesk: a cheaper price from 2020, then a reprice of the model.
    ModelPrice price;
    price.model = Model;
    price.rates = {100'000'000, 400'000'000, 50'000'000, std::nullopt};
    price.effectiveFrom = QDate(2020, 1, 1);
    QElapsedTimer timer;
    RepriceResult ours;
    if (PriceTable(db).set(price, &error)) {
        timer.start();
        ours = Repricer(db, PriceBook::builtIn()).run({Model, {}}, false);
        row.value = calls / (timer.nsecsElapsed() / 1e9);
    }
    QString failure = !ours.ok ? QStringLiteral("Meterdesk: ") + (error.isEmpty() ? ours.error : error)
        : ours.changed != calls ? QStringLiteral("Meterdesk repriced %1 of %2 calls").arg(ours.changed).arg(calls)
        : single(db, sum, &error) != cheaper ? QStringLiteral("Meterdesk: the model's total is not at the new price")
                                             : verifyProblem(db);
    // The plain way, back to the built-in price.
    QSqlQuery forget(db.sql());
    forget.prepare(QStringLiteral("DELETE FROM meterdesk_prices WHERE model = ?"));
    forget.addBindValue(Model);
    if (failure.isEmpty() && !forget.exec())
        failure = describe(forget.lastError());
    if (failure.isEmpty()) {
        timer.start();
        const bool rebuilt = rebuildAll(db, &error);
        row.baseline = calls / (timer.nsecsElapsed() / 1e9);
        failure = !rebuilt ? QStringLiteral("rebuild: ") + error
            : single(db, sum, &error) != builtIn ? QStringLiteral("rebuild: the model's total is not at the built-in price")
                                                 : verifyProblem(db);
    }
    out << QStringLiteral("    %1 calls of %2: $%3 at the new price, $%4 at the built-in one")
               .arg(calls).arg(Model).arg(Money::fromNanos(cheaper).toString(2), Money::fromNanos(builtIn).toString(2))
        << Qt::endl;
    report.add(row, true, 1, 0, failure);
}
