#include "AuditModel.h"

namespace meterdesk {

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditModel::setRows(QList<AuditRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditRow &row = m_rows[index.row()];
    switch (index.column()) {
    case TimeColumn:
        return row.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    case RoleColumn:
        return row.actorRole;
    case OsUserColumn:
        return row.osUser;
    case ActionColumn:
        return row.action == u"block" ? tr("block") : row.action == u"unblock" ? tr("unblock") : tr("risk");
    case UserColumn:
        return row.userId;
    case OldColumn:
        return row.oldValue;
    case NewColumn:
        return row.newValue;
    case ReasonColumn:
        return row.reason;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("When");
    case RoleColumn:
        return tr("Database role");
    case OsUserColumn:
        return tr("OS account (client-reported)");
    case ActionColumn:
        return tr("Action");
    case UserColumn:
        return tr("User");
    case OldColumn:
        return tr("Before");
    case NewColumn:
        return tr("After");
    case ReasonColumn:
        return tr("Reason");
    }
    return {};
}

} // namespace meterdesk
