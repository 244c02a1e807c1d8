#include "Settings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace meterdesk::Settings {

namespace {
const QString LastDatabase = QStringLiteral("connection/last");
const QString RecentDatabases = QStringLiteral("connection/recent");
const QString UsersHeader = QStringLiteral("users/header");
const QString Geometry = QStringLiteral("window/geometry");
const QString Range = QStringLiteral("view/range");
constexpr int MaxRecent = 8;
} // namespace

QString lastDatabase() { return QSettings().value(LastDatabase).toString(); }
void setLastDatabase(const QString &display) { QSettings().setValue(LastDatabase, display); }
QStringList recentDatabases() { return QSettings().value(RecentDatabases).toStringList(); }

void addRecentDatabase(const QString &display)
{
    QStringList recent = recentDatabases();
    recent.removeAll(display);
    recent.prepend(display);
    QSettings().setValue(RecentDatabases, recent.mid(0, MaxRecent));
}

QByteArray usersHeaderState() { return QSettings().value(UsersHeader).toByteArray(); }
void setUsersHeaderState(const QByteArray &state) { QSettings().setValue(UsersHeader, state); }
QByteArray windowGeometry() { return QSettings().value(Geometry).toByteArray(); }
void setWindowGeometry(const QByteArray &geometry) { QSettings().setValue(Geometry, geometry); }
QString readReplicaFor(const QString &primary)
{
    return QSettings().value(QStringLiteral("connection/replica/") + QString::fromLatin1(primary.toUtf8().toHex())).toString();
}

void setReadReplicaFor(const QString &primary, const QString &replica)
{
    const QString key = QStringLiteral("connection/replica/") + QString::fromLatin1(primary.toUtf8().toHex());
    if (replica.isEmpty())
        QSettings().remove(key);
    else
        QSettings().setValue(key, replica);
}

int rangeIndex() { return QSettings().value(Range, 2).toInt(); }
void setRangeIndex(int index) { QSettings().setValue(Range, index); }

QString demoDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder + QStringLiteral("/demo.sqlite");
}

} // namespace meterdesk::Settings
