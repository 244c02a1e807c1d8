#pragma once

#include <queries/DateRange.h>
#include <queries/Rows.h>

#include <QAbstractTableModel>

namespace meterdesk {

// Cost per service per bucket: a row per bucket, a column per service after
// the bucket column. Feeds the stacked chart and the series export.
class CostSeriesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles { NanosRole = Qt::UserRole + 1, BucketStartRole };

    explicit CostSeriesModel(QObject *parent = nullptr);

    void setSeries(const QList<SeriesPoint> &points, Bucket bucket);
    const QList<SeriesPoint> &points() const { return m_points; }
    QStringList services() const { return m_services; }
    Bucket bucket() const { return m_bucket; }
    QString bucketLabel(int row) const;
    Money cost(int row, const QString &service) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SeriesPoint> m_points;
    QList<QDate> m_buckets;
    QStringList m_services;
    QHash<QString, QList<Money>> m_costs; // service -> cost per bucket
    Bucket m_bucket = Bucket::Day;
};

} // namespace meterdesk
