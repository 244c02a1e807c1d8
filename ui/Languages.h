#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace meterdesk::Languages {

// The languages the window speaks: English (the source text, with its
// plural forms), German, French and Spanish.
QStringList available();
// Sets the default locale to `language` ("de", "fr_CA"; empty: the
// system's) and installs Meterdesk's translation and Qt's own (its dialog
// buttons), from Qt's translations folder. Returns false when Meterdesk has
// no translation for it; English then shows.
bool install(QCoreApplication &app, const QString &language);

} // namespace meterdesk::Languages
