// ColumnSortKeys: each row's key orders as the column's own compare does,
// equal where it finds two rows equal, and stays so as rows change.
// textPrefixKey: two texts whose keys differ must order by their keys exactly
// as QString::compare(Qt::CaseInsensitive) orders them, whatever the
// characters: every unit of the Basic Multilingual Plane alone, texts that
// share their start, hold a NUL, or reach a surrogate pair early.

#include <queries/ColumnSortKeys.h>

#include <QTest>

#include <algorithm>
#include <random>

using namespace meterdesk;

namespace {

const UserColumn &columnNamed(const QString &csvName)
{
    for (const UserColumn &column : userColumns())
        if (column.csvName == csvName)
            return column;
    qFatal("no column %s", qPrintable(csvName));
}

UserRow named(const QString &name, qint64 requests = 0)
{
    UserRow row;
    row.userId = QStringLiteral("u-%1").arg(requests);
    row.name = name;
    row.requests = requests;
    return row;
}

// Every pair of rows: the keys' order against the compare's sign.
QString firstWrongPair(const UserColumn &column, const QList<UserRow> &rows, const ColumnSortKeys &keys)
{
    for (qsizetype i = 0; i < rows.size(); ++i)
        for (qsizetype j = 0; j < rows.size(); ++j) {
            const int expected = column.lessThan(rows[i], rows[j]) ? -1 : column.lessThan(rows[j], rows[i]) ? 1 : 0;
            const int got = keys[i] < keys[j] ? -1 : keys[j] < keys[i] ? 1 : 0;
            if (expected != got)
                return QStringLiteral("rows %1 and %2: %3 where the column says %4").arg(i).arg(j).arg(got).arg(expected);
        }
    return {};
}

// Texts of a few characters each, from an alphabet of letters with case,
// look-alikes, a NUL and both halves of surrogate pairs.
QStringList randomShortTexts(int count)
{
    const QString alphabet = QStringLiteral("aAbBzZ0 _ßsSΣσςİıiIǄǅǆＺ") + QChar(0) + QStringLiteral("😀𐐀𐐨")
        + QChar(0xD800) + QChar(0xDFFF) + QChar(0xFFFF);
    std::mt19937 random(7);
    QStringList texts;
    for (int i = 0; i < count; ++i) {
        QString text;
        const int length = int(random() % 7);
        for (int j = 0; j < length; ++j)
            text += alphabet.at(qsizetype(random() % alphabet.size()));
        texts << text;
    }
    return texts;
}

int caseless(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive);
}

// Sorts by key, and by the full compare where keys are equal (as the table
// does), then checks each neighbour against the full compare alone. Were a
// pair of keys ever in the wrong order, the texts between them would break
// the chain somewhere: compare is transitive.
QString firstDisorder(QStringList texts)
{
    std::vector<std::pair<qint64, QString>> keyed;
    for (const QString &text : texts)
        keyed.emplace_back(textPrefixKey(text), text);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : caseless(a.second, b.second) < 0;
    });
    for (size_t i = 1; i < keyed.size(); ++i)
        if (caseless(keyed[i - 1].second, keyed[i].second) > 0)
            return QStringLiteral("U+%1... before U+%2...")
                .arg(keyed[i - 1].second.isEmpty() ? 0 : keyed[i - 1].second.at(0).unicode(), 4, 16, QLatin1Char('0'))
                .arg(keyed[i].second.isEmpty() ? 0 : keyed[i].second.at(0).unicode(), 4, 16, QLatin1Char('0'))
                + QStringLiteral(" (\"%1\", \"%2\")").arg(keyed[i - 1].second, keyed[i].second);
    return {};
}

} // namespace

class TestColumnSortKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyUnitAloneOrdersAsCompareDoes()
    {
        QStringList texts;
        for (int unit = 0; unit <= 0xFFFF; ++unit)
            texts << QString(QChar(char16_t(unit)));
        QCOMPARE(firstDisorder(texts), QString());
    }

    void textsThatShareTheirStart()
    {
        const QStringList texts{
            QString(), QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("ab"), QStringLiteral("aB"),
            QStringLiteral("abc"), QStringLiteral("abcd"), QStringLiteral("ABCD"), QStringLiteral("abcde"),
            QStringLiteral("abcdE"), QStringLiteral("abcD0"), QStringLiteral("abce"), QStringLiteral("Ann Adams"),
            QStringLiteral("ann baker"), QStringLiteral("Ann"), QStringLiteral("Anna"), QString(QChar(0)),
            QStringLiteral("a") + QChar(0), QStringLiteral("a") + QChar(0) + QStringLiteral("b"),
            QStringLiteral("ß"), QStringLiteral("SS"), QStringLiteral("ss"), QStringLiteral("Σσς"),
            QStringLiteral("σΣ"), QStringLiteral("İi"), QStringLiteral("Ǆǅǆ"), QStringLiteral("Ｚｚ"),
            QStringLiteral("𝐀b"), QStringLiteral("a𝐀"), QStringLiteral("ab😀"), QStringLiteral("abc😀"),
            QStringLiteral("ab") + QChar(0xD800), QStringLiteral("ab") + QChar(0xDC00),
            QStringLiteral("ab") + QChar(0xFFFF), QStringLiteral("𐐀"), QStringLiteral("𐐨"),
        };
        QCOMPARE(firstDisorder(texts), QString());
    }

    void randomShortTexts()
    {
        QCOMPARE(firstDisorder(::randomShortTexts(20'000)), QString());
    }

    // Names shared by many users, names equal but for case, and names that
    // differ only past their fourth character, by "User" (the name shown)
    // and by requests.
    void keysOrderRowsAsTheColumnDoes_data()
    {
        QTest::addColumn<QString>("column");
        QTest::newRow("user") << QStringLiteral("user");
        QTest::newRow("requests") << QStringLiteral("requests");
    }

    void keysOrderRowsAsTheColumnDoes()
    {
        QFETCH(QString, column);
        QList<UserRow> rows;
        const QStringList texts = ::randomShortTexts(600);
        for (int i = 0; i < texts.size(); ++i)
            rows << named(texts[i] + (i % 3 ? QStringLiteral(" Smith") : QStringLiteral(" smith")), i % 97);
        for (const char *name : {"Ann Adams", "ann adams", "Ann Adamson", "Anna", "ANN ADAMS", "  Ann Adams  "})
            rows << named(QString::fromUtf8(name), 5);
        const UserColumn &described = columnNamed(column);
        const ColumnSortKeys keys(described, rows);
        QCOMPARE(keys.size(), rows.size());
        QCOMPARE(firstWrongPair(described, rows, keys), QString());
    }

    // A changed row keeps a key in order with the rest; a text the keys have
    // not seen cannot be placed, and says so.
    void aChangedRowTakesItsPlace()
    {
        const UserColumn &user = columnNamed(QStringLiteral("user"));
        QList<UserRow> rows{named(QStringLiteral("Cleo")), named(QStringLiteral("amy")), named(QStringLiteral("Bo"))};
        ColumnSortKeys keys(user, rows);
        rows[0].name = QStringLiteral("AMY"); // a name another row has, in other case
        QVERIFY(keys.update(0, rows[0]));
        rows << named(QStringLiteral("bo"));
        QVERIFY(keys.update(3, rows[3])); // added at the end
        QCOMPARE(firstWrongPair(user, rows, keys), QString());
        rows[1].name = QStringLiteral("Betty"); // between two it knows
        QVERIFY(!keys.update(1, rows[1]));
        QVERIFY(!keys.update(9, rows[2])); // no such row

        const UserColumn &requests = columnNamed(QStringLiteral("requests"));
        ColumnSortKeys counts(requests, rows);
        rows[2].requests = 99;
        QVERIFY(counts.update(2, rows[2]));
        QCOMPARE(firstWrongPair(requests, rows, counts), QString());
    }
};

QTEST_APPLESS_MAIN(TestColumnSortKeys)
#include "tst_columnsortkeys.moc"
