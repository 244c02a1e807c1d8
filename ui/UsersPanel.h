#pragma once

#include <queries/ColumnSortKeys.h>
#include <queries/Rows.h>
#include <queries/SearchText.h>
#include <queries/UserColumns.h>

#include <UsersFilterProxy.h>

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace meterdesk {

class UsersModel;

// The per-user table with its search box, filters and the block, unblock
// and risk controls (buttons, context menu, keyboard shortcuts).
class UsersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPanel(QWidget *parent = nullptr);
    ~UsersPanel() override;

    UsersModel *model() const { return m_model; }
    UsersFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    QList<UserRow> selectedUsers() const;
    // The column and direction the table is sorted by (orderChanged).
    UserOrder order() const;
    void selectUser(const QString &userId);
    void setShow(UsersFilterProxy::Show show);
    // A drill-down: only these users, with `what` said above the table
    // ("Spent on support-chat, 2026-11-01 to 2026-11-28") and a button that
    // shows everyone again.
    void showOnly(const QSet<QString> &userIds, const QString &what);
    void showEveryone();
    bool isDrilledDown() const;
    void setRows(QList<UserRow> rows, ColumnSortKeys keys = {}, quint64 guardrailsStamped = 0,
                 SearchText search = {});
    // Disabled (with the reason as tooltip) when the role may not, or the
    // database is away.
    void setWritable(bool canBlock, bool canSetRisk, const QString &why);

    QAction *blockAction() const { return m_block; }
    QAction *unblockAction() const { return m_unblock; }
    QAction *riskAction() const { return m_risk; }

Q_SIGNALS:
    void blockRequested(const QList<meterdesk::UserRow> &users);
    void unblockRequested(const QList<meterdesk::UserRow> &users);
    void riskRequested(const QList<meterdesk::UserRow> &users);
    void riskEdited(const QString &userId, int score);
    void currentUserChanged(const QString &userId);
    void orderChanged(const meterdesk::UserOrder &order);

private:
    void updateActions();
    void updateCount();
    // The search box's text to the table.
    void applySearch();

    UsersModel *m_model;
    UsersFilterProxy *m_proxy;
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_show;
    QLabel *m_count;
    QWidget *m_drill = nullptr;
    QLabel *m_drillText = nullptr;
    QTimer *m_searchDelay;
    QAction *m_block;
    QAction *m_unblock;
    QAction *m_risk;
    bool m_canBlock = true;
    bool m_canSetRisk = true;
};

} // namespace meterdesk
