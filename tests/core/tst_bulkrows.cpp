// Rows bound from BulkRows arrive as written, on each backend and by each
// way a BulkStatement sends them (SQLite's chunks of VALUES, PostgreSQL's
// arrays and its small statement): texts outside ASCII, empty and NULL
// texts, quotes and backslashes, numbers at their ends, booleans and
// doubles; rows of the wrong width are refused and write nothing.
#include "TestSupport.h"

#include <storage/BulkStatement.h>

#include <QSqlQuery>
#include <QTest>

#include <limits>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

const QStringList Texts{
    QStringLiteral("plain"),   QStringLiteral(""),
    QStringLiteral("é"),       QStringLiteral("日本語のテキスト"),
    QStringLiteral("😀 and 🚀"), QStringLiteral("quote \" and backslash \\ and comma , and {braces}"),
    QStringLiteral("NULL"),    QStringLiteral("tab\there, new\nline"),
    QString(5000, u'x')};

struct Probe
{
    qint64 key;
    QString text; // null for NULL
    qint64 number;
    bool flag;
    double real;
};

QList<Probe> probes(int count)
{
    QList<Probe> rows;
    const qint64 ends[] = {0, -1, std::numeric_limits<qint64>::max(),
                           std::numeric_limits<qint64>::min(), 42};
    for (int i = 0; i < count; ++i) {
        const QString text =
            i % 11 == 10 ? QString()
                         : Texts[i % Texts.size()] + QString::number(i % 3 ? i : 0).left(i % 2);
        rows.append({i, text, ends[i % 5], i % 2 == 0, i * 0.1});
    }
    return rows;
}

BulkRows bulk(const QList<Probe> &rows)
{
    BulkRows bulk(5);
    // Left over from a wider set of rows: reset must leave nothing behind.
    bulk.addText(u"stale").addInteger(1).addInteger(2);
    bulk.reset(5);
    for (const Probe &p : rows) {
        bulk.addInteger(p.key);
        if (p.text.isNull())
            bulk.addNull();
        else
            bulk.addText(p.text);
        bulk.addInteger(p.number).addBool(p.flag).addReal(p.real);
    }
    return bulk;
}

std::unique_ptr<BulkStatement> insert(Database &db)
{
    return std::make_unique<BulkStatement>(
        db.sql(), QStringLiteral("INSERT INTO bulk_probe (k, t, n, b, r)"), placeholders(5),
        QString(),
        QStringList{QStringLiteral("bigint"), QStringLiteral("text"), QStringLiteral("bigint"),
                    QStringLiteral("boolean"), QStringLiteral("double precision")},
        200);
}

// Reads the rows back and says how they differ from what went in.
QString differences(Database &db, const QList<Probe> &rows)
{
    QSqlQuery query(db.sql());
    if (!query.exec(QStringLiteral(
            "SELECT k, t, n, CASE WHEN b THEN 1 ELSE 0 END, r FROM bulk_probe ORDER BY k")))
        return query.lastError().text();
    qsizetype i = 0;
    while (query.next()) {
        if (i >= rows.size())
            return QStringLiteral("more rows than went in");
        const Probe &p = rows[i++];
        if (query.value(0).toLongLong() != p.key)
            return QStringLiteral("row %1 missing").arg(p.key);
        if (query.value(1).isNull() != p.text.isNull() || query.value(1).toString() != p.text)
            return QStringLiteral("row %1: text \"%2\", wrote \"%3\"")
                .arg(p.key)
                .arg(query.value(1).toString().left(40), p.text.left(40));
        if (query.value(2).toLongLong() != p.number || (query.value(3).toInt() == 1) != p.flag ||
            query.value(4).toDouble() != p.real)
            return QStringLiteral("row %1: numbers differ").arg(p.key);
    }
    return i == rows.size() ? QString() : QStringLiteral("%1 rows of %2").arg(i).arg(rows.size());
}

} // namespace

class TestBulkRows : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void rowsArriveAsWritten_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("two rows (PostgreSQL's small statement)") << 2;
        QTest::newRow("450 rows (chunks of 200, arrays)") << 450;
    }

    void rowsArriveAsWritten()
    {
        QFETCH(int, count);
        auto db = newUsageDatabase(m_dir, QStringLiteral("rows%1").arg(count));
        QVERIFY(db);
        QVERIFY(execOn(
            *db, QStringLiteral(
                     "CREATE TABLE bulk_probe (k bigint PRIMARY KEY, t text, n bigint, b boolean, "
                     "r double precision)")));
        const QList<Probe> rows = probes(count);
        QSqlError error;
        QVERIFY2(insert(*db)->exec(bulk(rows), &error), qPrintable(error.text()));
        const QString problem = differences(*db, rows);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void variantsAreBoundAsBefore()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("variants"));
        QVERIFY(db);
        QVERIFY(execOn(
            *db, QStringLiteral(
                     "CREATE TABLE bulk_probe (k bigint PRIMARY KEY, t text, n bigint, b boolean, "
                     "r double precision)")));
        // A null variant is NULL; an empty (or null) QString is '' (Qt 6
        // variants are null only without a value); a date is its ISO text.
        const QList<QVariantList> rows{
            {1, QVariant(QMetaType::fromType<QString>()), qint64(7), true, 0.5},
            {2, QString(), 8u, false, 1.25},
            {3, QStringLiteral("ü"), -9, true, -2.0},
            {4, QDate(2026, 12, 7), QVariant(QMetaType::fromType<qint64>()), false, 3.0},
        };
        QSqlError error;
        QVERIFY2(insert(*db)->exec(rows, &error), qPrintable(error.text()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM bulk_probe WHERE t IS NULL")), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT k FROM bulk_probe WHERE t = ''")), 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT k FROM bulk_probe WHERE t = 'ü'")), 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT k FROM bulk_probe WHERE t = '2026-12-07'")), 4);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM bulk_probe WHERE n IS NULL")), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(n) FROM bulk_probe")), 7 + 8 - 9);
        QCOMPARE(scalar(*db, QStringLiteral(
                                 "SELECT sum(CASE WHEN b THEN 1 ELSE 0 END) FROM bulk_probe")),
                 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT CAST(sum(r) * 100 AS bigint) FROM bulk_probe")),
                 275);
    }

    void rowsOfTheWrongWidthAreRefused()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("width"));
        QVERIFY(db);
        QVERIFY(execOn(
            *db, QStringLiteral(
                     "CREATE TABLE bulk_probe (k bigint PRIMARY KEY, t text, n bigint, b boolean, "
                     "r double precision)")));
        BulkRows narrow(4);
        narrow.addInteger(1).addText(u"a").addInteger(2).addBool(true);
        QSqlError error;
        QVERIFY(!insert(*db)->exec(narrow, &error));
        QVERIFY2(error.text().contains(QStringLiteral("4 values")), qPrintable(error.text()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM bulk_probe")), 0);
    }
};

QTEST_GUILESS_MAIN(TestBulkRows)
#include "tst_bulkrows.moc"
