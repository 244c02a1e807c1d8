#include "Languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace meterdesk::Languages {

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es")};
}

bool install(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    // English's plural forms first, under every language: a language
    // without a translation (or the "C" locale of a bare shell) shows
    // "1 user", not "1 user(s)".
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/meterdesk_en.qm")))
        QCoreApplication::installTranslator(plurals);
    else
        delete plurals;
    auto *own = new QTranslator(&app);
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    const bool found = !english && own->load(locale, QStringLiteral("meterdesk"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found)
        QCoreApplication::installTranslator(own);
    else
        delete own;
    // Qt's own strings (Cancel, Yes, the file dialog) come from qtbase_xx.qm,
    // which Debian ships in qt6-translations-l10n.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return found || english;
}

} // namespace meterdesk::Languages
