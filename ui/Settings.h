#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace meterdesk::Settings {

// Typed access to the few things Meterdesk remembers, keys in one place.
// Connections are stored without passwords.
QString lastDatabase();
void setLastDatabase(const QString &display);
QStringList recentDatabases();
void addRecentDatabase(const QString &display);
QByteArray usersHeaderState();
void setUsersHeaderState(const QByteArray &state);
QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
// The read replica last used with a primary (its display string).
QString readReplicaFor(const QString &primary);
void setReadReplicaFor(const QString &primary, const QString &replica);
// The demo database's file, in the user's data folder (made if missing).
QString demoDatabasePath();
int rangeIndex();
void setRangeIndex(int index);

} // namespace meterdesk::Settings
