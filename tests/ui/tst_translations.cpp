// Every shipped translation is complete: no unfinished or vanished entry,
// every placeholder of the English text kept, plural forms present.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

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
                        QVERIFY2(form.contains(u"%n"), qPrintable(form));
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
    }
};

QTEST_APPLESS_MAIN(TestTranslations)
#include "tst_translations.moc"
