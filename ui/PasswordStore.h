#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace meterdesk::PasswordStore {

// PostgreSQL passwords live in the system keychain (QtKeychain), never in
// the settings file. Without a keychain nothing is stored and the password
// is asked for each time (or comes from PGPASSWORD / ~/.pgpass).
bool available();
// Calls `done` on `context`'s thread with the stored password, if any.
void read(const QString &connection, QObject *context, std::function<void(std::optional<QString>)> done);
void write(const QString &connection, const QString &password, QObject *context,
           std::function<void(bool ok, const QString &error)> done);

} // namespace meterdesk::PasswordStore
