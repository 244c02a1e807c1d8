// Every shipped translation is complete: no unfinished or vanished entry,
// every placeholder of the English text kept, plural forms present; and the
// plural forms each language shows, English's among them.
#include <Languages.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// The (context, source) of every plural message in a .ts file.
QSet<QString> pluralMessages(const QString &path)
{
    QSet<QString> found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"message")
            numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        else if (xml.name() == u"source" && numerus)
            found.insert(context + u'|' + xml.readElementText());
    }
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(METERDESK_SOURCE_DIR "/translations"));
        const QStringList files = dir.entryList({QStringLiteral("meterdesk_*.ts")});
        QVERIFY(files.contains(QStringLiteral("meterdesk_de.ts")));
        QVERIFY(files.contains(QStringLiteral("meterdesk_fr.ts")));
        QVERIFY(files.contains(QStringLiteral("meterdesk_es.ts")));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void complete()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        static const QRegularExpression placeholder(QStringLiteral("%\\d"));
        int messages = 0;
        QString source;
        bool numerus = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"message") {
                numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                ++messages;
                const QStringView type = xml.attributes().value(QLatin1String("type"));
                QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("%1 is %2").arg(source, type.toString())));
                QStringList forms;
                if (numerus) {
                    while (xml.readNextStartElement())
                        forms << xml.readElementText();
                    QVERIFY2(forms.size() >= 2, qPrintable(source));
                } else {
                    forms << xml.readElementText();
                }
                QStringList wanted;
                for (const auto &match : placeholder.globalMatch(source))
                    wanted << match.captured();
                wanted.sort();
                wanted.removeDuplicates();
                for (const QString &form : std::as_const(forms)) {
                    QVERIFY2(!form.trimmed().isEmpty(), qPrintable(source));
                    QStringList found;
                    for (const auto &match : placeholder.globalMatch(form))
                        found << match.captured();
                    found.sort();
                    found.removeDuplicates();
                    QVERIFY2(found == wanted, qPrintable(QStringLiteral("%1 -> %2").arg(source, form)));
                    if (numerus)
                        QVERIFY2(form.contains(u"%n") || form.contains(u"%Ln"), qPrintable(form));
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        if (!path.endsWith(QStringLiteral("_en.ts")))
            QVERIFY(messages > 100);
    }

    // English shows its source text but for the plural forms, which its own
    // file gives: one for each plural message of the translations.
    void englishHasEveryPluralForm()
    {
        const QString dir = QStringLiteral(METERDESK_SOURCE_DIR "/translations/");
        const QSet<QString> english = pluralMessages(dir + QStringLiteral("meterdesk_en.ts"));
        const QSet<QString> german = pluralMessages(dir + QStringLiteral("meterdesk_de.ts"));
        QVERIFY(german.size() >= 10);
        QCOMPARE(QSet<QString>(german).subtract(english), QSet<QString>());
    }

    void pluralsAsShown_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("blocked");
        // Written here from each language's grammar, not read from the files.
        QTest::newRow("en 1") << "en" << 1 << "1 of 1 user shown" << "Blocked 1 user";
        QTest::newRow("en 3") << "en" << 3 << "1 of 3 users shown" << "Blocked 3 users";
        QTest::newRow("de 1") << "de" << 1 << "1 von 1 Benutzer angezeigt" << "1 Benutzer gesperrt";
        QTest::newRow("de 3") << "de" << 3 << "1 von 3 Benutzern angezeigt" << "3 Benutzer gesperrt";
        QTest::newRow("fr 0") << "fr" << 0 << "1 sur 0 utilisateur affiché" << "0 utilisateur bloqué";
        QTest::newRow("fr 1") << "fr" << 1 << "1 sur 1 utilisateur affiché" << "1 utilisateur bloqué";
        QTest::newRow("fr 3") << "fr" << 3 << "1 sur 3 utilisateurs affichés" << "3 utilisateurs bloqués";
        QTest::newRow("es 1") << "es" << 1 << "1 de 1 usuario mostrado" << "1 usuario bloqueado";
        QTest::newRow("es 3") << "es" << 3 << "1 de 3 usuarios mostrados" << "3 usuarios bloqueados";
    }
    void pluralsAsShown()
    {
        QFETCH(QString, language);
        QFETCH(int, n);
        QFETCH(QString, shown);
        QFETCH(QString, blocked);
        // The translators this program installs, the newest searched first.
        QVERIFY(meterdesk::Languages::install(*QCoreApplication::instance(), language));
        QCOMPARE(QCoreApplication::translate("meterdesk::UsersPanel", "%1 of %n user(s) shown", nullptr, n).arg(1), shown);
        QCOMPARE(QCoreApplication::translate("meterdesk::MainWindow", "Blocked %n user(s)", nullptr, n), blocked);
    }

    // Qt's own buttons speak the language too (qtbase_xx.qm, installed by
    // scripts/install-deps.sh).
    void qtButtonsFollow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("cancel");
        QTest::newRow("de") << "de" << "Abbrechen";
        QTest::newRow("fr") << "fr" << "Annuler";
        QTest::newRow("es") << "es" << "Cancelar";
    }
    void qtButtonsFollow()
    {
        QFETCH(QString, language);
        QFETCH(QString, cancel);
        QVERIFY(meterdesk::Languages::install(*QCoreApplication::instance(), language));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), cancel);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
