#include "CsvExport.h"

#include <queries/Csv.h>
#include <queries/UserColumns.h>
#include <money/Money.h>
#include <UsersModel.h>

#include <QDateTime>
#include <QHeaderView>

namespace meterdesk::CsvExport {

QList<int> visibleColumns(const QHeaderView *header)
{
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

namespace {

// One cell of the users table, formatted by what its column holds.
QString cell(const QModelIndex &index, const UserColumn &column)
{
    const qint64 raw = index.data(UsersModel::SortRole).toLongLong();
    switch (column.kind) {
    case UserColumnKind::Count:
        return QString::number(raw);
    case UserColumnKind::Score:
        return raw < 0 ? QString() : QString::number(raw);
    case UserColumnKind::Percent:
        return raw < 0 ? QString() : QString::number(double(raw) / 10.0, 'f', 1);
    case UserColumnKind::Money:
        return Money::fromNanos(raw).toString(6);
    case UserColumnKind::Time:
        return raw > 0 ? QDateTime::fromMSecsSinceEpoch(raw, Qt::UTC).toString(Qt::ISODate) : QString();
    case UserColumnKind::Status:
        return Csv::field(index.data(UsersModel::BlockedRole).toBool()
                              ? index.data(Qt::DisplayRole).toString() + QStringLiteral(": ") + index.data(UsersModel::BlockReasonRole).toString()
                              : index.data(Qt::DisplayRole).toString());
    case UserColumnKind::Text:
        break;
    }
    return Csv::field(index.data(Qt::DisplayRole).toString());
}

} // namespace

bool writeUsers(const QAbstractItemModel &model, const QList<int> &columns, QIODevice &out, QString *error,
                const std::function<bool(int)> &progress)
{
    const auto write = [&](const QStringList &fields) {
        const QByteArray line = Csv::record(fields);
        if (out.write(line) == line.size())
            return true;
        *error = out.errorString();
        return false;
    };
    const QList<UserColumn> described = userColumns(InDashboard);
    QStringList header{QStringLiteral("User id")};
    for (int column : columns)
        header << Csv::field(model.headerData(column, Qt::Horizontal).toString());
    if (!write(header))
        return false;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList fields{Csv::field(model.index(row, 0).data(UsersModel::UserIdRole).toString())};
        for (int column : columns)
            fields << cell(model.index(row, column), described.at(column));
        if (!write(fields))
            return false;
        if (progress && row % 500 == 0 && !progress(row)) {
            *error = QStringLiteral("cancelled");
            return false;
        }
    }
    return true;
}

} // namespace meterdesk::CsvExport
