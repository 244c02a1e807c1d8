#include "PasswordStore.h"

#ifdef METERDESK_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace meterdesk::PasswordStore {

namespace {
const QString Service = QStringLiteral("Meterdesk");
} // namespace

bool available()
{
#ifdef METERDESK_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void read(const QString &connection, QObject *context, std::function<void(std::optional<QString>)> done)
{
#ifdef METERDESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(Service, context);
    job->setKey(connection);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
        auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        done(reader->error() == QKeychain::NoError ? std::optional(reader->textData()) : std::nullopt);
    });
    job->start();
#else
    Q_UNUSED(connection);
    Q_UNUSED(context);
    done(std::nullopt);
#endif
}

void write(const QString &connection, const QString &password, QObject *context,
           std::function<void(bool ok, const QString &error)> done)
{
#ifdef METERDESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(Service, context);
    job->setKey(connection);
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError, finished->errorString());
    });
    job->start();
#else
    Q_UNUSED(connection);
    Q_UNUSED(password);
    Q_UNUSED(context);
    done(false, QStringLiteral("no keychain"));
#endif
}

} // namespace meterdesk::PasswordStore
