// What a new admin does in the first hour, as they do it: the window's
// first size, the connection dialog's choices, clicks on the cards' labels,
// shortcuts from anywhere in the window, and the main flows from the
// keyboard alone. Offscreen, on an SQLite file.
#include "TestSupport.h"

#include <AdminDialogs.h>
#include <ConnectionDialog.h>
#include <KpiCard.h>
#include <KpiStrip.h>
#include <Languages.h>
#include <MainWindow.h>
#include <PricesDialog.h>
#include <RangeBar.h>
#include <UsersFilterProxy.h>
#include <UsersModel.h>
#include <UsersPanel.h>

#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// Runs `handle` on the next modal dialog of that type, from inside its exec().
template<typename Dialog, typename Handler>
void onNextDialog(Handler handle, int attempts = 200)
{
    QTimer::singleShot(50, qApp, [handle, attempts] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (!dialog && attempts > 0) {
            onNextDialog<Dialog>(handle, attempts - 1);
            return;
        }
        if (dialog)
            handle(dialog);
    });
}

// The main window: once a dialog closes, the offscreen platform leaves no
// window active, where a desktop gives the focus back to it.
QWidget *g_mainWindow = nullptr;

// Where a keyboard's keys go: the focus, else the active window.
QWidget *keyTarget()
{
    if (QWidget *focus = QApplication::focusWidget())
        return focus;
    if (QWidget *modal = QApplication::activeModalWidget())
        return modal;
    if (!QApplication::activeWindow() && g_mainWindow)
        QApplication::setActiveWindow(g_mainWindow);
    return QApplication::focusWidget() ? QApplication::focusWidget() : QApplication::activeWindow();
}

void type(const QString &text)
{
    QTest::keyClicks(keyTarget(), text);
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(keyTarget(), key, modifiers);
}

QLabel *valueLabel(KpiCard *card)
{
    // The big number: the card's second label.
    const auto labels = card->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
    return labels.value(1);
}

} // namespace

class TestFirstHour : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;

    UsersPanel *panel() const { return m_window->usersPanel(); }
    QComboBox *showBox() const { return panel()->findChild<QComboBox *>(QStringLiteral("showBox")); }
    QLabel *countLabel() const { return panel()->findChild<QLabel *>(QStringLiteral("countLabel")); }
    bool blocked(const QString &id) const
    {
        const UserRow *row = panel()->model()->rowFor(id);
        return row && row->blocked;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("MeterdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_firsthour"));
        // English with its plural forms, as the program installs it.
        QVERIFY(Languages::install(*qApp, QStringLiteral("en")));
        m_path = m_dir.filePath(QStringLiteral("usage.sqlite"));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QVERIFY(db && db->migrate(PriceBook::builtIn(), &error));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id, email, first_name, last_name) VALUES "
                                           "('ann', 'ann@example.com', 'Ann', 'Lee'), "
                                           "('bob', 'bob@example.com', 'Bob', 'Stone'), "
                                           "('cat', 'cat@example.com', 'Cat', 'Ray')")));
        Tracker tracker(*db, PriceBook::builtIn());
        QList<UsageEvent> events;
        for (const char *user : {"ann", "bob", "cat"}) {
            UsageEvent e;
            e.userId = QString::fromLatin1(user);
            e.service = QStringLiteral("openai");
            e.model = QStringLiteral("gpt-4o");
            e.tokens = {1000, 100, 0, 0};
            e.timestamp = QDateTime::currentDateTimeUtc().addSecs(-3600);
            events << e;
        }
        events[2].model = QStringLiteral("a-model-nobody-prices");
        QVERIFY(tracker.trackBatch(events).ok);
        QVERIFY(execOn(*db, QStringLiteral("UPDATE api_usage_stats SET is_blocked = 1, block_reason = 'test' "
                                           "WHERE user_id = 'cat'")));
    }

    // No geometry remembered: most of the screen; then what the admin left.
    void firstLaunchUsesMostOfTheScreen()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        QSize left;
        {
            MainWindow first;
            QVERIFY2(first.width() >= available.width() * 8 / 10 && first.height() >= available.height() * 8 / 10,
                     qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                    .arg(first.width()).arg(first.height())
                                    .arg(available.width()).arg(available.height())));
            QVERIFY(available.contains(first.frameGeometry().topLeft()));
            first.show();
            left = first.size() - QSize(13, 9);
            first.resize(left);
            first.close();
        }
        MainWindow second;
        QCOMPARE(second.size(), left);
    }

    void connectionDialogOffersTheDemoAndANewFile()
    {
        {
            ConnectionDialog dialog;
            auto *demo = dialog.findChild<QPushButton *>(QStringLiteral("demoButton"));
            QVERIFY(demo);
            QTimer::singleShot(0, demo, [demo] { QTest::mouseClick(demo, Qt::LeftButton); });
            QCOMPARE(dialog.exec(), int(QDialog::Accepted));
            QVERIFY(dialog.demoRequested());
        }
        {
            ConnectionDialog dialog;
            const QString chosen = m_dir.filePath(QStringLiteral("new.sqlite"));
            dialog.chooseNewFile = [chosen] { return chosen; };
            auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createButton"));
            QTimer::singleShot(0, create, [create] { QTest::mouseClick(create, Qt::LeftButton); });
            QCOMPARE(dialog.exec(), int(QDialog::Accepted));
            QVERIFY(!dialog.demoRequested());
            QVERIFY(dialog.createIfMissing());
            QCOMPARE(dialog.spec().path, chosen);
        }
        {
            // The password's hint says what the keychain box will do with it.
            ConnectionDialog dialog;
            auto *remember = dialog.findChild<QCheckBox *>();
            QLineEdit *password = nullptr;
            for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
                if (edit->echoMode() == QLineEdit::Password)
                    password = edit;
            QVERIFY(remember && password);
            remember->setChecked(false);
            QVERIFY2(password->placeholderText().contains(QStringLiteral("session")), qPrintable(password->placeholderText()));
            remember->setChecked(true);
            QVERIFY2(password->placeholderText().contains(QStringLiteral("keychain")), qPrintable(password->placeholderText()));
            QVERIFY(!password->placeholderText().contains(QStringLiteral("not saved")));
        }
    }

    // Making the demo shows a progress dialog; cancelling it leaves no half demo.
    void theDemoCanBeCancelled()
    {
        MainWindow window;
        window.show();
        const QString path = m_dir.filePath(QStringLiteral("cancelled-demo.sqlite"));
        QSignalSpy updated(&window, &MainWindow::dashboardUpdated);
        window.openDemo(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QProgressDialog *>() && window.findChild<QProgressDialog *>()->isVisible()
                                     && window.findChild<QProgressDialog *>()->value() > 0,
                                 30'000);
        auto *progress = window.findChild<QProgressDialog *>();
        QVERIFY2(progress->labelText().contains(QStringLiteral("calls")), qPrintable(progress->labelText()));
        QPushButton *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(updated.wait(30'000));
        QCOMPARE(updated.last().at(0).toBool(), false);
        QVERIFY2(window.bannerText().contains(QStringLiteral("cancel")), qPrintable(window.bannerText()));
        QTRY_VERIFY(!window.findChild<QProgressDialog *>());
        QVERIFY(!QFile::exists(path));
    }

    void theDemoOpensFromTheDialog()
    {
        MainWindow window;
        window.prepareConnectionDialog = [](ConnectionDialog &dialog) {
            QTimer::singleShot(0, &dialog, [&dialog] {
                dialog.findChild<QPushButton *>(QStringLiteral("demoButton"))->click();
            });
        };
        QSignalSpy updated(&window, &MainWindow::dashboardUpdated);
        window.showConnectionDialog();
        QVERIFY(updated.wait(120'000));
        QVERIFY(updated.last().at(0).toBool());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/MeterdeskTests/tst_firsthour/demo.sqlite"))));
        QVERIFY(window.usersPanel()->model()->rowCount() > 10);
    }

    void openTheTestDatabase()
    {
        m_window = std::make_unique<MainWindow>();
        g_mainWindow = m_window.get();
        m_window->resize(1440, 900);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy updated(m_window.get(), &MainWindow::dashboardUpdated);
        m_window->openDatabase(ConnectionSpec::sqlite(m_path), false);
        QVERIFY(updated.wait(20'000));
        QVERIFY(updated.last().at(0).toBool());
        QCOMPARE(panel()->model()->rowCount(), 3);
    }

    // Where the pointer lands: on the big number, which is a label.
    void blockedCardClickSetsTheShowBox()
    {
        QVERIFY(showBox() && countLabel());
        QCOMPARE(showBox()->currentIndex(), 0);
        QTest::mouseClick(valueLabel(m_window->card(KpiStrip::BlockedCard)), Qt::LeftButton);
        QCOMPARE(panel()->proxy()->rowCount(), 1);
        QCOMPARE(showBox()->currentText(), QStringLiteral("Blocked"));
        QCOMPARE(countLabel()->text(), QStringLiteral("1 of 3 users shown"));
        // The box undoes what the card did.
        showBox()->setCurrentIndex(0);
        QCOMPARE(panel()->proxy()->rowCount(), 3);
        QCOMPARE(countLabel()->text(), QStringLiteral("3 of 3 users shown"));
        // The card's title works too, and a press dragged off the card is no click.
        auto *title = m_window->card(KpiStrip::BlockedCard)->findChildren<QLabel *>().value(0);
        QTest::mousePress(title, Qt::LeftButton);
        QTest::mouseRelease(m_window->card(KpiStrip::BlockedCard), Qt::LeftButton, {}, QPoint(-20, -20));
        QCOMPARE(showBox()->currentIndex(), 0);
    }

    void unpricedCardClickOpensThePrices()
    {
        QCOMPARE(m_window->card(KpiStrip::UnpricedCard)->value(), QStringLiteral("1"));
        QTest::mouseClick(valueLabel(m_window->card(KpiStrip::UnpricedCard)), Qt::LeftButton);
        auto *prices = m_window->findChild<PricesDialog *>();
        QVERIFY(prices);
        QTRY_VERIFY(prices->isVisible());
        prices->close();
        QTest::qWait(50);
    }

    // Every control the keyboard reaches says what it is to a screen reader.
    void everyControlHasAName()
    {
        QStringList unnamed;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus || !widget->isEnabled())
                continue;
            // A view's viewport is spoken of as its view, which is checked.
            if (auto *area = qobject_cast<QAbstractScrollArea *>(widget->parentWidget()); area && area->viewport() == widget)
                continue;
            QAccessibleInterface *face = QAccessible::queryAccessibleInterface(widget);
            if (!face || face->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 %2 in %3").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                             widget->objectName(),
                                                             QString::fromLatin1(widget->parentWidget()->metaObject()->className()));
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    // Find a user, block, unblock, set the risk and export, by keyboard.
    void keyboardOnlyFlow()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        // Start in the charts' corner of the window, far from the table.
        m_window->card(KpiStrip::UnpricedCard)->setFocus();
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(panel()->searchBox()));
        type(QStringLiteral("bob"));
        press(Qt::Key_Return);
        QTRY_COMPARE(panel()->proxy()->rowCount(), 1);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(panel()->view()));
        QCOMPARE(panel()->selectedUsers().value(0).userId, QStringLiteral("bob"));

        // Ctrl+B from the search box: the shortcut is the window's.
        panel()->searchBox()->setFocus();
        QSignalSpy done(m_window.get(), &MainWindow::actionDone);
        onNextDialog<BlockDialog>([](BlockDialog *) {
            type(QStringLiteral("Too many calls at night"));
            press(Qt::Key_Tab);
            press(Qt::Key_Return);
        });
        press(Qt::Key_B, Qt::ControlModifier);
        QVERIFY(done.count() || done.wait(10'000));
        QVERIFY(done.last().at(0).toBool());
        QVERIFY(blocked(QStringLiteral("bob")));

        onNextDialog<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); });
        press(Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(done.wait(10'000));
        QVERIFY(!blocked(QStringLiteral("bob")));

        onNextDialog<RiskDialog>([](RiskDialog *) {
            press(Qt::Key_A, Qt::ControlModifier);
            type(QStringLiteral("70"));
            press(Qt::Key_Return);
        });
        press(Qt::Key_R, Qt::ControlModifier);
        QVERIFY(done.wait(10'000));
        QCOMPARE(panel()->model()->rowFor(QStringLiteral("bob"))->riskScore, 70);

        const QString csv = m_dir.filePath(QStringLiteral("by-keyboard.csv"));
        onNextDialog<QFileDialog>([csv](QFileDialog *) {
            press(Qt::Key_A, Qt::ControlModifier);
            type(csv);
            press(Qt::Key_Return);
        });
        press(Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(QFile::exists(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> records = parseCsv(file.readAll());
        QCOMPARE(records.size(), 2); // the header and bob, as the table shows
        QVERIFY(records.value(1).contains(QStringLiteral("bob@example.com")));
    }

    void cleanupTestCase()
    {
        g_mainWindow = nullptr;
        m_window.reset();
    }
};

QTEST_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
