#include "UsersPanel.h"

#include "Settings.h"

#include <UsersFilterProxy.h>
#include <UsersModel.h>

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace meterdesk {

namespace {

// Inline risk editing: a spin box that cannot leave 0..100.
class RiskDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *editor = new QSpinBox(parent);
        editor->setRange(0, 100);
        editor->setFrame(false);
        return editor;
    }
};

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

UsersPanel::UsersPanel(QWidget *parent)
    : QWidget(parent), m_model(new UsersModel(this)), m_proxy(new UsersFilterProxy(this)), m_view(new QTableView(this)),
      m_search(new QLineEdit(this)), m_show(new QComboBox(this)), m_count(new QLabel(this)), m_searchDelay(new QTimer(this)),
      m_block(new QAction(tr("Block…"), this)), m_unblock(new QAction(tr("Unblock…"), this)),
      m_risk(new QAction(tr("Set risk…"), this))
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(UsersModel::InitialSortColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setItemDelegateForColumn(UsersModel::RiskColumn, new RiskDelegate(m_view));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(UsersModel::NameColumn, 140);
    m_view->setColumnWidth(UsersModel::EmailColumn, 190);
    m_view->setColumnWidth(UsersModel::LastActivityColumn, 120);
    for (int column : {UsersModel::RequestsColumn, UsersModel::TokensColumn, UsersModel::CostColumn, UsersModel::OpenAiCostColumn,
                       UsersModel::AnthropicCostColumn, UsersModel::GoogleCostColumn, UsersModel::OtherCostColumn})
        m_view->setColumnWidth(column, 78);
    m_view->setColumnWidth(UsersModel::TokensColumn, 104); // eleven digits and separators
    m_view->setColumnWidth(UsersModel::RiskColumn, 50);
    m_view->setColumnWidth(UsersModel::SuggestedColumn, 80);
    m_view->setColumnWidth(UsersModel::StatusColumn, 120);
    m_view->setColumnWidth(UsersModel::BudgetColumn, 70);
    const QByteArray state = Settings::usersHeaderState();
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);

    m_view->setAccessibleName(tr("Users"));
    m_search->setPlaceholderText(tr("Search name, email or id"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setToolTip(tr("Enter goes to the first user found"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(10000);
    m_show->addItems({tr("All users"), tr("Blocked"), tr("Risk 50+")});
    m_show->setObjectName(QStringLiteral("showBox"));
    m_show->setAccessibleName(tr("Show"));
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);

    m_block->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_unblock->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_risk->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    for (QAction *action : {m_block, m_unblock, m_risk}) {
        // Window-wide (they are in the Users menu too): an admin who has just
        // searched or clicked a card still blocks with Ctrl+B.
        action->setShortcutContext(Qt::WindowShortcut);
        m_view->addAction(action);
    }

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_show);
    bar->addWidget(buttonFor(m_block, this));
    bar->addWidget(buttonFor(m_unblock, this));
    bar->addWidget(buttonFor(m_risk, this));
    // The drill-down from a chart, when there is one: what it shows, and the way back.
    m_drill = new QWidget(this);
    m_drill->setObjectName(QStringLiteral("drillDown"));
    auto *drillRow = new QHBoxLayout(m_drill);
    drillRow->setContentsMargins(0, 0, 0, 0);
    m_drillText = new QLabel(m_drill);
    m_drillText->setTextFormat(Qt::PlainText);
    auto *everyone = new QToolButton(m_drill);
    everyone->setObjectName(QStringLiteral("showEveryone"));
    everyone->setText(tr("Show everyone"));
    everyone->setAccessibleName(tr("Show every user again"));
    drillRow->addWidget(m_drillText, 1);
    drillRow->addWidget(everyone);
    m_drill->hide();
    connect(everyone, &QToolButton::clicked, this, &UsersPanel::showEveryone);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_drill);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &UsersPanel::applySearch);
    // From the search box to the table with Enter: the keyboard's way to a user.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        applySearch();
        m_view->setFocus(Qt::ShortcutFocusReason);
        if (m_proxy->rowCount() > 0 && !m_view->selectionModel()->hasSelection())
            m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setShow(static_cast<UsersFilterProxy::Show>(index));
        updateCount();
    });
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                Q_EMIT orderChanged(
                    {column, order == Qt::DescendingOrder, !m_proxy->searchText().isEmpty()});
                // The selected user stays in sight in the new order, as after a
                // search; queued, so that the table has sorted first.
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        const QModelIndex current = m_view->currentIndex();
                        if (current.isValid() &&
                            m_view->selectionModel()->isRowSelected(current.row()))
                            m_view->scrollTo(current);
                    },
                    Qt::QueuedConnection);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        Q_EMIT currentUserChanged(current.data(UsersModel::UserIdRole).toString());
    });
    connect(m_block, &QAction::triggered, this, [this] { Q_EMIT blockRequested(selectedUsers()); });
    connect(m_unblock, &QAction::triggered, this, [this] { Q_EMIT unblockRequested(selectedUsers()); });
    connect(m_risk, &QAction::triggered, this, [this] { Q_EMIT riskRequested(selectedUsers()); });
    connect(m_model, &UsersModel::riskEdited, this, &UsersPanel::riskEdited);
    updateActions();
}

UsersPanel::~UsersPanel()
{
    Settings::setUsersHeaderState(m_view->horizontalHeader()->saveState());
}

void UsersPanel::applySearch()
{
    const bool wasSearching = !m_proxy->searchText().isEmpty();
    m_proxy->setSearchText(m_search->text());
    updateCount();
    // While a search is typed, each load brings the rows' text for it.
    if (wasSearching != !m_proxy->searchText().isEmpty())
        Q_EMIT orderChanged(order());
}

UserOrder UsersPanel::order() const
{
    return {m_proxy->sortColumn(), m_proxy->sortOrder() == Qt::DescendingOrder,
            !m_proxy->searchText().isEmpty()};
}

QList<UserRow> UsersPanel::selectedUsers() const
{
    QList<UserRow> users;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        if (const UserRow *row = m_model->rowFor(index.data(UsersModel::UserIdRole).toString()))
            users.append(*row);
    return users;
}

void UsersPanel::selectUser(const QString &userId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(UsersModel::UserIdRole).toString() == userId) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return;
        }
    }
}

void UsersPanel::setRows(QList<UserRow> rows, ColumnSortKeys keys, quint64 guardrailsStamped,
                         SearchText search)
{
    const QStringList selected = [this] {
        QStringList ids;
        for (const UserRow &user : selectedUsers())
            ids << user.userId;
        return ids;
    }();
    m_model->setRows(std::move(rows), std::move(keys), guardrailsStamped, std::move(search));
    // Keep the admin's selection across a refresh: each user found in the
    // model's rows and mapped to the table (asking the table's every row for
    // its id took a fifth of a refresh of 25,000 users).
    for (const QString &id : selected) {
        const QModelIndex shown = m_proxy->mapFromSource(m_model->indexOf(id));
        if (shown.isValid())
            m_view->selectionModel()->select(shown, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    updateCount();
    updateActions();
}

void UsersPanel::setWritable(bool canBlock, bool canSetRisk, const QString &why)
{
    m_canBlock = canBlock;
    m_canSetRisk = canSetRisk;
    for (QAction *action : {m_block, m_unblock})
        action->setToolTip(canBlock ? QString() : why);
    m_risk->setToolTip(canSetRisk ? QString() : why);
    m_view->setEditTriggers(canSetRisk ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                       : QAbstractItemView::NoEditTriggers);
    updateActions();
}

void UsersPanel::updateActions()
{
    const QList<UserRow> users = selectedUsers();
    bool anyBlocked = false, anyAllowed = false;
    for (const UserRow &user : users) {
        anyBlocked |= user.blocked;
        anyAllowed |= !user.blocked;
    }
    m_block->setEnabled(m_canBlock && anyAllowed);
    m_unblock->setEnabled(m_canBlock && anyBlocked);
    m_risk->setEnabled(m_canSetRisk && !users.isEmpty());
}

void UsersPanel::setShow(UsersFilterProxy::Show show)
{
    // Through the box, so that what it says is what the table shows.
    m_show->setCurrentIndex(static_cast<int>(show));
}

void UsersPanel::showOnly(const QSet<QString> &userIds, const QString &what)
{
    m_proxy->setOnlyUsers(userIds);
    m_drillText->setText(what);
    m_drill->show();
    updateCount();
}

void UsersPanel::showEveryone()
{
    if (!m_proxy->hasOnlyUsers())
        return;
    m_proxy->setOnlyUsers(std::nullopt);
    m_drill->hide();
    updateCount();
}

bool UsersPanel::isDrilledDown() const
{
    return m_proxy->hasOnlyUsers();
}

void UsersPanel::updateCount()
{
    m_count->setText(tr("%1 of %n user(s) shown", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
}

} // namespace meterdesk
