#pragma once

#include <queries/ColumnSortKeys.h>
#include <queries/Rows.h>
#include <queries/SearchText.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QStringMatcher>
#include <QList>

#include <optional>
#include <vector>

namespace meterdesk {

// The per-user table of the dashboard. DisplayRole is the formatted text,
// SortRole the raw value (cost as nano-dollars, dates as QDateTime), so the
// view sorts numbers as numbers. It never reaches into a database: it is
// fed UserRow values by whoever loaded them.
class UsersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // The columns as described in userColumns() (queries/UserColumns.h), in
    // its order; these names are for code that needs one column by name.
    // A column added after them needs no name: the table alone adds it.
    enum Columns {
        NameColumn,
        EmailColumn,
        RequestsColumn,
        TokensColumn,
        CostColumn,
        OpenAiCostColumn,
        AnthropicCostColumn,
        GoogleCostColumn,
        OtherCostColumn,
        LastActivityColumn,
        RiskColumn,
        SuggestedColumn,
        StatusColumn,
        BudgetColumn,
        NamedColumns
    };
    enum Roles {
        SortRole = Qt::UserRole + 1,
        UserIdRole,
        BlockedRole,
        BlockReasonRole,
        RiskRole,
    };
    static constexpr int InitialSortColumn = CostColumn;

    explicit UsersModel(QObject *parent = nullptr);

    // `keys`: the rows' keys for the table's sort column, when the data
    // thread has them (sortUsers); others are ignored. `guardrailsStamped`:
    // the RowGuardrails::version the data thread stamped the rows with;
    // when it is the table's own, the rows are taken on its word.
    void setRows(QList<UserRow> rows, ColumnSortKeys keys = {}, quint64 guardrailsStamped = 0,
                 SearchText search = {});
    const QList<UserRow> &rows() const { return m_rows; }
    const UserRow *rowFor(const QString &userId) const;
    // The first column's index of the user's row; invalid when not shown.
    QModelIndex indexOf(const QString &userId) const;
    // Each row's suggested risk score and most used budget; kept for the
    // rows of the next setRows() too, which are written only where the data
    // thread did not stamp them with the same values.
    void setGuardrails(RowGuardrails guardrails);
    // Reflects an admin action at once, before the next reload.
    void updateUser(const QString &userId, bool blocked, const QString &reason, int riskScore);
    // A live update: each row replaces the one at its index, or is added at
    // the end when the index is the row count (the data thread counts the
    // same way); the rows' budget use comes with them. Only those rows are
    // announced, so the view keeps its selection, sort and scroll. Returns
    // how many more users the rows make active (with requests), or nullopt
    // when an index did not hold its user and nothing was changed.
    std::optional<qint64> replaceRows(const QList<UserRow> &rows, const QList<qsizetype> &indexes,
                                      const QHash<QString, UserBudget> &budgetUse);

    // A column's sort key of each row, side by side, without building
    // QVariants: the proxy sorts 100,000 users in milliseconds on them.
    // Made when first asked for a column, then kept current with the rows.
    const ColumnSortKeys &sortKeys(int column) const;
    // Whether a row's name, email or id contains a text without case: what
    // the search box matches. `folded` matches SearchText::fold() of the
    // text, with case.
    bool rowContains(int row, const QStringMatcher &folded) const;

    // Without QAbstractTableModel's hasIndex() and its two virtual calls:
    // the view asks for an index of each cell it paints.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // An inline edit of the risk column; the owner decides whether it sticks.
    void riskEdited(const QString &userId, int score);

private:
    QVariant display(const UserRow &row, int column) const;
    QVariant sortValue(const UserRow &row, int column) const;

    // The sort column's key of each row, for sortKeys(); kept current with
    // the rows (keepSortKey), made again for another column.
    void keepSortKey(qsizetype row) const;

    QList<UserRow> m_rows;
    mutable int m_keyColumn = -1;
    mutable ColumnSortKeys m_keys;
    // The rows' text for rowContains(): as a load brought it, or made when
    // first searched; kept current with the rows.
    mutable SearchText m_searchText;
    RowGuardrails m_guardrails; // the last setGuardrails(), with live updates' budget use
    bool m_haveGuardrails = false;
};

} // namespace meterdesk
