// meterdesk: the admin dashboard. A thin main: options, translations, window.
#include <Languages.h>
#include <MainWindow.h>
#include <Settings.h>

#include <queries/KeepFreedMemory.h>
#include <storage/ConnectionSpec.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace meterdesk;

namespace {

// A line of /proc/self/status in kB ("VmHWM", "RssAnon"), for --screenshot's
// report; -1 where there is none.
qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    keepFreedMemory(); // each load reuses the last one's memory
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Meterdesk"));
    QApplication::setOrganizationName(QStringLiteral("Meterdesk"));
    QApplication::setApplicationVersion(QStringLiteral(METERDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("meterdesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Meterdesk: the cost of your product's LLM API calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QApplication::translate("main", "Usage database: a file path or postgresql:// URI."), QStringLiteral("url"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QApplication::translate("main", "Open the demo database (created the first time)."));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"), QApplication::translate("main", "Render the loaded window at 1440x900 to a PNG file and exit."), QStringLiteral("file"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QApplication::translate("main", "User interface language (en, de, fr, es)."), QStringLiteral("code"));
    const QCommandLineOption readDbOption(
        QStringLiteral("read-db"),
        QApplication::translate("main", "A PostgreSQL streaming replica to read the dashboard from; admin actions and live "
                                        "notifications go to --db."),
        QStringLiteral("url"));
    parser.addOptions({dbOption, readDbOption, demoOption, shotOption, langOption});
    // What a file manager passes (Exec=meterdesk %f): the same as --db.
    parser.addPositionalArgument(QStringLiteral("database"),
                                 QApplication::translate("main", "A usage database to open: a file path or postgresql:// URI."),
                                 QStringLiteral("[database]"));
    parser.process(app);
    if (parser.positionalArguments().size() > 1 || (parser.isSet(dbOption) && !parser.positionalArguments().isEmpty())) {
        std::fprintf(stderr, "meterdesk: give one database, either as --db or as the argument\n");
        return 2;
    }
    const QString language = parser.value(langOption);
    if (!Languages::install(app, language) && !language.isEmpty() && !language.startsWith(QStringLiteral("en")))
        std::fprintf(stderr, "meterdesk: no translation for %s; showing English (there are: %s)\n", qPrintable(language),
                     qPrintable(Languages::available().join(QStringLiteral(", "))));

    MainWindow window;
    const QString screenshot = parser.value(shotOption);
    if (!screenshot.isEmpty()) {
        window.resize(1440, 900);
        window.confirm = [](const QString &) { return false; };
        // VmHWM counts the pages of the SQLite file that its connections map
        // (shared, and given back under pressure): the process's own memory
        // is its anonymous pages, sampled here, as the kernel keeps no peak.
        auto *sampler = new QTimer(&window);
        auto privatePeak = std::make_shared<qint64>(0);
        QObject::connect(sampler, &QTimer::timeout, &window, [privatePeak] {
            *privatePeak = qMax(*privatePeak, statusKb("RssAnon"));
        });
        sampler->start(5);
        const auto save = [&window, screenshot, privatePeak](bool ok) {
            const bool saved = window.grab().save(screenshot, "PNG");
            *privatePeak = qMax(*privatePeak, statusKb("RssAnon"));
            if (!saved)
                std::fprintf(stderr, "meterdesk: cannot write %s\n", qPrintable(screenshot));
            else
                std::fprintf(stderr, "meterdesk: wrote %s; peak memory %lld kB; private memory at most %lld kB\n",
                             qPrintable(screenshot), statusKb("VmHWM"), *privatePeak);
            QApplication::exit(saved && ok ? 0 : 1);
        };
        // The first time data (or an error) is on screen, wait for what
        // follows it (at 10M calls the selected user's details come a
        // second later; ten seconds at most), let the layout settle, then
        // save what is shown.
        QObject::connect(&window, &MainWindow::dashboardUpdated, &window, [&window, save](bool ok) {
            auto *poll = new QTimer(&window);
            auto waited = std::make_shared<QElapsedTimer>();
            waited->start();
            QObject::connect(poll, &QTimer::timeout, &window, [&window, save, ok, poll, waited] {
                if (ok && !window.isSettled() && waited->elapsed() < 10'000)
                    return;
                poll->stop();
                // Once more round the event loop, and whatever layout it
                // posted, before the picture. It waited 400 ms here: the
                // pictures came out the same but for the status bar's clock
                // (the demo file and both 10M databases), 350 to 430 ms later.
                QTimer::singleShot(0, &window, [save, ok] {
                    QCoreApplication::sendPostedEvents();
                    save(ok);
                });
            });
            poll->start(50);
        }, Qt::SingleShotConnection);
        QTimer::singleShot(120'000, &app, [] {
            std::fprintf(stderr, "meterdesk: the dashboard did not load within two minutes\n");
            QApplication::exit(1);
        });
    }

    QString url = parser.isSet(dbOption) ? parser.value(dbOption) : parser.positionalArguments().value(0);
    if (parser.isSet(demoOption)) {
        window.openDemo(Settings::demoDatabasePath());
    } else {
        if (url.isEmpty())
            url = Settings::lastDatabase();
        QString error;
        const auto spec = url.isEmpty() ? std::nullopt : ConnectionSpec::parse(url, &error);
        // The replica given, else the one last used with this database.
        QString replicaUrl = parser.value(readDbOption);
        if (replicaUrl.isEmpty() && spec)
            replicaUrl = Settings::readReplicaFor(spec->displayString());
        QString replicaError;
        const auto replica = replicaUrl.isEmpty() ? std::nullopt : ConnectionSpec::parse(replicaUrl, &replicaError);
        if (!replicaUrl.isEmpty() && (!replica || replica->backend != Backend::Postgres)) {
            std::fprintf(stderr, "meterdesk: --read-db: %s\n",
                         qPrintable(replica ? QStringLiteral("a read replica is a postgresql:// URL") : replicaError));
            return 2;
        }
        if (spec) {
            window.openRemembered(*spec, replica);
        } else if (!screenshot.isEmpty()) {
            std::fprintf(stderr, "meterdesk: --screenshot needs --db URL or --demo\n");
            return 2;
        } else {
            QTimer::singleShot(0, &window, [&window, error] { window.showConnectionDialog(error); });
        }
    }
    window.show();
    return app.exec();
}
