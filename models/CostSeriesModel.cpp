#include "CostSeriesModel.h"

#include <queries/Reports.h>

#include <QLocale>

namespace meterdesk {

CostSeriesModel::CostSeriesModel(QObject *parent) : QAbstractTableModel(parent) {}

void CostSeriesModel::setSeries(const QList<SeriesPoint> &points, Bucket bucket)
{
    beginResetModel();
    m_points = points;
    m_bucket = bucket;
    m_buckets.clear();
    m_costs.clear();
    QStringList present;
    for (const SeriesPoint &point : points) {
        if (m_buckets.isEmpty() || m_buckets.last() != point.bucketStart)
            m_buckets.append(point.bucketStart);
        if (!present.contains(point.service))
            present.append(point.service);
    }
    std::sort(m_buckets.begin(), m_buckets.end());
    m_buckets.erase(std::unique(m_buckets.begin(), m_buckets.end()), m_buckets.end());
    m_services = Reports::orderedServices(present);
    for (const QString &service : std::as_const(m_services))
        m_costs[service] = QList<Money>(m_buckets.size());
    for (const SeriesPoint &point : points) {
        const qsizetype row = std::lower_bound(m_buckets.cbegin(), m_buckets.cend(), point.bucketStart) - m_buckets.cbegin();
        m_costs[point.service][row] += point.cost;
    }
    endResetModel();
}

QString CostSeriesModel::bucketLabel(int row) const
{
    const QDate day = m_buckets.value(row);
    const QLocale locale;
    switch (m_bucket) {
    case Bucket::Day:
        return locale.toString(day, QStringLiteral("d MMM"));
    case Bucket::Week:
        return tr("wk %1").arg(locale.toString(day, QStringLiteral("d MMM")));
    case Bucket::Month:
        return locale.toString(day, QStringLiteral("MMM yyyy"));
    }
    return {};
}

Money CostSeriesModel::cost(int row, const QString &service) const
{
    return m_costs.value(service).value(row);
}

int CostSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size());
}

int CostSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_services.size()) + 1;
}

QVariant CostSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return bucketLabel(index.row());
        if (role == BucketStartRole)
            return m_buckets[index.row()];
        return {};
    }
    const Money money = cost(index.row(), m_services[index.column() - 1]);
    switch (role) {
    case Qt::DisplayRole:
        return money.toDisplayString();
    case NanosRole:
        return money.nanos();
    }
    return {};
}

QVariant CostSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return m_bucket == Bucket::Day ? tr("Day") : m_bucket == Bucket::Week ? tr("Week of") : tr("Month");
    return m_services.value(section - 1);
}

} // namespace meterdesk
