#include "queries/Csv.h"

namespace meterdesk::Csv {

QString field(const QString &value, bool isNumber)
{
    QString text = value;
    if (!isNumber && !text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            text.prepend(u'\'');
    }
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\r') || text.contains(u'\n')) {
        text.replace(u'"', QStringLiteral("\"\""));
        text = u'"' + text + u'"';
    }
    return text;
}

QByteArray record(const QStringList &fields)
{
    return fields.join(u',').toUtf8() + "\r\n";
}

} // namespace meterdesk::Csv
