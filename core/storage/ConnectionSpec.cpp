#include "storage/ConnectionSpec.h"

#include <QUrl>
#include <QUrlQuery>

namespace meterdesk {

namespace {

const QStringList &sslModes()
{
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

// libpq option values are single-quoted with backslash escapes.
QString quoteOption(const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + quoted + u'\'';
}

} // namespace

ConnectionSpec ConnectionSpec::sqlite(const QString &path)
{
    ConnectionSpec spec;
    spec.backend = Backend::Sqlite;
    spec.path = path;
    return spec;
}

std::optional<ConnectionSpec> ConnectionSpec::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = QStringLiteral("no database given: pass --db PATH or a postgresql:// URI, "
                                "or set METERDESK_DB");
        return std::nullopt;
    }
    if (!trimmed.startsWith(u"postgresql://") && !trimmed.startsWith(u"postgres://")) {
        QString path = trimmed;
        if (path.startsWith(u"sqlite://"))
            path = path.mid(9);
        else if (path.startsWith(u"sqlite:"))
            path = path.mid(7);
        return sqlite(path);
    }

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = QStringLiteral("not a valid PostgreSQL URI: %1").arg(url.errorString());
        return std::nullopt;
    }
    ConnectionSpec spec;
    spec.backend = Backend::Postgres;
    spec.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    spec.port = url.port(5432);
    spec.database = url.path().mid(1);
    spec.user = url.userName();
    spec.password = url.password();
    if (spec.database.isEmpty()) {
        *error = QStringLiteral("the PostgreSQL URI names no database (postgresql://host/DB)");
        return std::nullopt;
    }
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"sslmode") {
            if (!sslModes().contains(value)) {
                *error = QStringLiteral("unknown sslmode \"%1\" (one of %2)")
                             .arg(value, sslModes().join(u", "));
                return std::nullopt;
            }
            spec.sslMode = value;
        } else if (key == u"sslrootcert") {
            spec.sslRootCert = value;
        } else if (key == u"connect_timeout") {
            spec.connectTimeout = value;
        } else {
            *error = QStringLiteral("unsupported URI option \"%1\" (sslmode, sslrootcert and "
                                    "connect_timeout are understood)")
                         .arg(key);
            return std::nullopt;
        }
    }
    return spec;
}

QString ConnectionSpec::displayString() const
{
    if (backend == Backend::Sqlite)
        return path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(u'/' + database);
    QUrlQuery query;
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    url.setQuery(query);
    return url.toString();
}

QString ConnectionSpec::postgresOptions() const
{
    QStringList options;
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + quoteOption(sslMode);
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + quoteOption(sslRootCert);
    if (!connectTimeout.isEmpty())
        options << QStringLiteral("connect_timeout=") + quoteOption(connectTimeout);
    options << QStringLiteral("application_name='meterdesk'");
    return options.join(u';');
}

} // namespace meterdesk
