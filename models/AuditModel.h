#pragma once

#include <queries/Rows.h>

#include <QAbstractTableModel>

namespace meterdesk {

// The admin audit log, newest first.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns { TimeColumn, RoleColumn, OsUserColumn, ActionColumn, UserColumn, OldColumn, NewColumn, ReasonColumn, ColumnCount };

    explicit AuditModel(QObject *parent = nullptr);
    void setRows(QList<AuditRow> rows);
    const QList<AuditRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditRow> m_rows;
};

} // namespace meterdesk
