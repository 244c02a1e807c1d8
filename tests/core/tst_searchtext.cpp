// The users table's search over SearchText finds what a case-insensitive
// search of each row's name, email and id finds: odd letters, letters
// outside the BMP, the fields' separator, and rows changed many times over.
#include <queries/SearchText.h>

#include <QRandomGenerator>
#include <QTest>

using namespace meterdesk;

namespace {

// What the table matched before SearchText, field by field (the reference).
bool fieldsContain(const UserRow &row, const QString &text)
{
    return row.name.contains(text, Qt::CaseInsensitive) ||
           row.email.contains(text, Qt::CaseInsensitive) ||
           row.userId.contains(text, Qt::CaseInsensitive);
}

bool blockContains(const SearchText &block, qsizetype row, const QString &text)
{
    return block.contains(row, QStringMatcher(SearchText::fold(text), Qt::CaseSensitive));
}

UserRow user(const QString &name, const QString &email = {},
             const QString &id = QStringLiteral("u-1"))
{
    UserRow row;
    row.name = name;
    row.email = email;
    row.userId = id;
    return row;
}

} // namespace

class TestSearchText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesAsACaseInsensitiveSearchOfEachField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("search");
        QTest::newRow("ascii") << QStringLiteral("Liam Weber") << QStringLiteral("LIAM");
        QTest::newRow("latin") << QStringLiteral("Élodie Müller")
                               << QStringLiteral("élodie müller");
        QTest::newRow("kelvin sign") << QStringLiteral("\u212Aelvin") << QStringLiteral("kelvin");
        QTest::newRow("final sigma") << QStringLiteral("ΟΔΥΣΣΕΥΣ") << QStringLiteral("οδυσσευς");
        QTest::newRow("sharp s") << QStringLiteral("Straße") << QStringLiteral("STRASSE");
        QTest::newRow("dotted I") << QStringLiteral("İstanbul") << QStringLiteral("istanbul");
        QTest::newRow("dotless i") << QStringLiteral("ılık") << QStringLiteral("ILIK");
        QTest::newRow("fullwidth") << QStringLiteral("ＡＢＣ") << QStringLiteral("ａｂｃ");
        QTest::newRow("cherokee") << QStringLiteral("\u13A0\u13A1")
                                  << QStringLiteral("\uAB70\uAB71");
        QTest::newRow("deseret") << QStringLiteral("\U00010400\U00010401")
                                 << QStringLiteral("\U00010428\U00010429");
        QTest::newRow("lone surrogate")
            << QString(QChar(0xD801)) + QStringLiteral("x") << QStringLiteral("X");
        QTest::newRow("across two fields")
            << QStringLiteral("Zed") << QStringLiteral("zed") + QChar(0x1F);
        QTest::newRow("the separator alone") << QStringLiteral("Zed") << QString(QChar(0x1F));
        QTest::newRow("email") << QStringLiteral("Zed") << QStringLiteral("@EXAMPLE");
        QTest::newRow("id") << QStringLiteral("Zed") << QStringLiteral("U-1");
        QTest::newRow("nothing") << QStringLiteral("Zed") << QStringLiteral("amy");
    }

    void matchesAsACaseInsensitiveSearchOfEachField()
    {
        QFETCH(QString, name);
        QFETCH(QString, search);
        const UserRow row = user(name, QStringLiteral("z@example.com"));
        const SearchText block(QList<UserRow>{row});
        QCOMPARE(blockContains(block, 0, search), fieldsContain(row, search));
    }

    // Rows changed and added many times over: the block packs itself again
    // and still answers as the rows do.
    void rowsChangedManyTimesAnswerAsTheyAre()
    {
        const QStringList names{QStringLiteral("Amy Adams"), QStringLiteral("Zed"),
                                QStringLiteral("Élodie"), QString(), QStringLiteral("Liam Weber")};
        const QStringList searches{QStringLiteral("amy"), QStringLiteral("ÉLO"),
                                   QStringLiteral("@ex"), QStringLiteral("u-1"),
                                   QStringLiteral("liam w")};
        QRandomGenerator random(7);
        QList<UserRow> rows;
        for (int i = 0; i < 50; ++i)
            rows << user(names.at(random.bounded(names.size())),
                         QStringLiteral("%1@example.com").arg(i), QStringLiteral("u-%1").arg(i));
        SearchText block(rows);
        for (int step = 0; step < 2000; ++step) {
            if (random.bounded(10) == 0) {
                rows << user(names.at(random.bounded(names.size())), {},
                             QStringLiteral("u-%1").arg(rows.size()));
                block.update(rows.size() - 1, rows.last());
            } else {
                const int at = int(random.bounded(rows.size()));
                rows[at].name = names.at(random.bounded(names.size()));
                block.update(at, rows.at(at));
            }
            QCOMPARE(block.size(), rows.size());
            const QString search = searches.at(random.bounded(searches.size()));
            for (qsizetype i = 0; i < rows.size(); ++i)
                QVERIFY2(
                    blockContains(block, i, search) == fieldsContain(rows.at(i), search),
                    qPrintable(
                        QStringLiteral("step %1, row %2, \"%3\"").arg(step).arg(i).arg(search)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
