// Guardrails in the dashboard: the table's Budget and Suggested columns,
// the reasons in the details pane and a real click on Accept, the Budgets
// window adding and removing a budget, and the alerts badge and list.

#include "TestSupport.h"

#include <AlertsDialog.h>
#include <BudgetEditDialog.h>
#include <BudgetsDialog.h>
#include <DataService.h>
#include <MainWindow.h>
#include <UserDetailsPanel.h>
#include <UsersModel.h>
#include <UsersPanel.h>

#include <budgets/BudgetStore.h>
#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// gpt-4o input: $2.50 per 1M tokens, so 20,000 tokens cost $0.05.
UsageEvent call(const QString &user, const QDateTime &at, qint64 input = 20'000)
{
    UsageEvent e;
    e.userId = user;
    e.service = QStringLiteral("openai");
    e.model = QStringLiteral("gpt-4o");
    e.tokens.input = input;
    e.timestamp = at;
    return e;
}

} // namespace

class TestGuardrailsUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;

    UserDetailsPanel *details() const { return m_window->findChild<UserDetailsPanel *>(); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_path = m_dir.filePath(QStringLiteral("guard.sqlite"));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QVERIFY(db && db->migrate(PriceBook::builtIn(), &error));
        // ann has $1.00 a month and spent $0.50 of it; bob may make one
        // request a day and made it; zed made 70 calls in one minute.
        Budget annBudget;
        annBudget.userId = QStringLiteral("ann");
        annBudget.limit = 1'000'000'000;
        Budget bobBudget;
        bobBudget.userId = QStringLiteral("bob");
        bobBudget.metric = BudgetMetric::Requests;
        bobBudget.period = BudgetPeriod::Day;
        bobBudget.limit = 1;
        QVERIFY(BudgetStore(*db).set(annBudget).ok);
        QVERIFY(BudgetStore(*db).set(bobBudget).ok);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Within today (and so this week and month) also just after midnight.
        const QDateTime today(now.date(), QTime(0, 0), Qt::UTC);
        const auto recent = [&](qint64 secondsAgo) { return qMax(now.addSecs(-secondsAgo), today); };
        QList<UsageEvent> events;
        for (int i = 0; i < 10; ++i)
            events << call(QStringLiteral("ann"), recent(60 * (i + 1)));
        events << call(QStringLiteral("bob"), recent(30));
        // zed's burst within one minute of the clock, an hour ago.
        QDateTime burst = now.addSecs(-3600);
        burst.setTime(QTime(burst.time().hour(), burst.time().minute()));
        for (int i = 0; i < 70; ++i)
            events << call(QStringLiteral("zed"), burst.addMSecs(i * 100), 100);
        const BatchOutcome outcome = Tracker(*db, PriceBook::builtIn()).trackBatch(events);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.budgetBlocked, QStringList{QStringLiteral("bob")});

        m_window = std::make_unique<MainWindow>();
        QSignalSpy guarded(m_window.get(), &MainWindow::guardrailsUpdated);
        m_window->openDatabase(ConnectionSpec::sqlite(m_path), false);
        QVERIFY(guarded.wait(20'000));
        m_window->resize(1440, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void theTableShowsBudgetUseAndSuggestions()
    {
        UsersModel *model = m_window->usersPanel()->model();
        const auto cell = [&](const char *user, int column) {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, 0).data(UsersModel::UserIdRole).toString() == QLatin1String(user))
                    return model->index(row, column);
            return QModelIndex();
        };
        QCOMPARE(cell("ann", UsersModel::BudgetColumn).data().toString(), QStringLiteral("50%"));
        QCOMPARE(cell("ann", UsersModel::BudgetColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("$0.50 of $1.00 this month"));
        QCOMPARE(cell("bob", UsersModel::StatusColumn).data().toString(), QStringLiteral("Blocked (budget)"));
        QVERIFY(!cell("zed", UsersModel::BudgetColumn).data().isValid()); // no budget of his own, no default
        QCOMPARE(cell("zed", UsersModel::SuggestedColumn).data().toInt(), 20);
        // Sorted on the raw use: bob's whole limit above ann's half.
        QVERIFY(cell("bob", UsersModel::BudgetColumn).data(UsersModel::SortRole).toLongLong()
                > cell("ann", UsersModel::BudgetColumn).data(UsersModel::SortRole).toLongLong());
    }

    void theDetailsPaneExplainsAndAcceptWorksByPointer()
    {
        m_window->usersPanel()->selectUser(QStringLiteral("zed"));
        QTRY_VERIFY(details()->guardrailsLabel()->text().contains(QStringLiteral("70 calls in one minute")));
        QVERIFY(details()->guardrailsLabel()->text().contains(QStringLiteral("Suggested risk <b>20</b> (set: 0)")));
        QPushButton *accept = details()->acceptButton();
        QTRY_VERIFY(accept->isVisible() && accept->isEnabled());
        QSignalSpy done(m_window.get(), &MainWindow::actionDone);
        QTest::mouseClick(accept, Qt::LeftButton);
        QVERIFY(done.wait(10'000));
        QCOMPARE(done.first().at(0).toBool(), true);
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT risk_score FROM api_usage_stats WHERE user_id = 'zed'")), 20);
        QSqlQuery query(db->sql());
        QVERIFY(query.exec(QStringLiteral("SELECT reason FROM admin_audit_log WHERE user_id = 'zed' AND action = 'risk'")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("suggested: +20 70 calls in one minute"));
        // Accepted: nothing left to accept.
        QTRY_VERIFY(!accept->isEnabled());
        // Budgets show with their reset.
        m_window->usersPanel()->selectUser(QStringLiteral("ann"));
        QTRY_VERIFY(details()->guardrailsLabel()->text().contains(QStringLiteral("Budget: $0.50 of $1.00 this month")));
        QVERIFY(details()->guardrailsLabel()->text().contains(QStringLiteral("resets")));
    }

    void theBudgetsWindowAddsAndRemoves()
    {
        m_window->showBudgets();
        auto *dialog = m_window->findChild<BudgetsDialog *>();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->table()->rowCount(), 2);
        dialog->runEditor = [](BudgetEditDialog &editor) {
            editor.limitField()->setText(QStringLiteral("25"));
            editor.periodField()->setCurrentIndex(1); // per week
            editor.softField()->setValue(80);
            editor.accept();
            return editor.result() == QDialog::Accepted;
        };
        QSignalSpy guarded(m_window.get(), &MainWindow::guardrailsUpdated);
        QTest::mouseClick(dialog->findChildren<QPushButton *>().at(0), Qt::LeftButton); // Add…
        QVERIFY(guarded.wait(10'000));
        QTRY_COMPARE(dialog->table()->rowCount(), 3);
        QCOMPARE(dialog->table()->item(0, 0)->text(), QStringLiteral("Every user"));
        QCOMPARE(dialog->table()->item(0, 2)->text(), QStringLiteral("$25.00 per week"));
        QCOMPARE(dialog->table()->item(0, 3)->text(), QStringLiteral("80%"));
        // A bad limit keeps the editor open with its reason, and sends nothing.
        BudgetEditDialog editor(Budget{}, {}, dialog);
        editor.limitField()->setText(QStringLiteral("-4"));
        editor.accept();
        QVERIFY(editor.result() != QDialog::Accepted);
        bool explained = false;
        for (QLabel *label : editor.findChildren<QLabel *>())
            explained = explained || label->text().contains(QStringLiteral("above zero"));
        QVERIFY(explained);
        // Remove the default again.
        dialog->confirm = [](const QString &) { return true; };
        dialog->table()->selectRow(0);
        QTest::mouseClick(dialog->findChildren<QPushButton *>().at(2), Qt::LeftButton); // Remove
        QVERIFY(guarded.wait(10'000));
        QTRY_COMPARE(dialog->table()->rowCount(), 2);
        dialog->close();
    }

    void theAlertsBadgeAndList()
    {
        // bob's block is an alert not seen yet.
        QCOMPARE(m_window->alertsButton()->text(), QStringLiteral("Alerts (1)"));
        QTest::mouseClick(m_window->alertsButton(), Qt::LeftButton);
        auto *dialog = m_window->findChild<AlertsDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), 1);
        QCOMPARE(dialog->table()->item(0, 1)->text(), QStringLiteral("bob"));
        QCOMPARE(dialog->table()->item(0, 2)->text(), QStringLiteral("Budget block"));
        QVERIFY(dialog->table()->item(0, 3)->text().startsWith(QStringLiteral("Budget exceeded: 1 request of 1 request today")));
        QCOMPARE(m_window->alertsButton()->text(), QStringLiteral("Alerts"));
        dialog->close();
    }
};

QTEST_MAIN(TestGuardrailsUi)
#include "tst_guardrailsui.moc"
