#pragma once

#include "meterdesk_core_export.h"

#include <QString>

#include <optional>

namespace meterdesk {

enum class Backend { Sqlite, Postgres };

// Where the usage database is: a file path (SQLite) or a
// postgresql://user@host:port/db?sslmode=... URI (PostgreSQL). A password,
// when the URI carries one, is kept in memory only and never displayed.
struct METERDESK_CORE_EXPORT ConnectionSpec
{
    Backend backend = Backend::Sqlite;
    QString path; // SQLite
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode;        // disable, allow, prefer, require, verify-ca, verify-full
    QString sslRootCert;    // for verify-ca / verify-full
    QString connectTimeout = QStringLiteral("5"); // seconds
    // SQLite: a commit's WAL frames go out in few writes (WalBufferVfs.h);
    // false opens the file through SQLite's own VFS alone.
    bool walBuffer = true;

    static std::optional<ConnectionSpec> parse(const QString &url, QString *error);
    static ConnectionSpec sqlite(const QString &path);

    // The spec as a URI or path, without the password: safe for logs and UI.
    QString displayString() const;
    // libpq options for QSqlDatabase::setConnectOptions().
    QString postgresOptions() const;
};

} // namespace meterdesk
