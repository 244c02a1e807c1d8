#pragma once

#include <queries/Rows.h>

#include <QAbstractTableModel>

namespace meterdesk {

// The latest requests of one user, a page at a time.
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns { TimeColumn, ServiceColumn, ModelColumn, InputColumn, OutputColumn, CachedColumn, CostColumn, ColumnCount };
    enum Roles { SortRole = Qt::UserRole + 1 };

    explicit EventsModel(QObject *parent = nullptr);
    void setEvents(QList<EventRow> events);
    const QList<EventRow> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<EventRow> m_events;
};

} // namespace meterdesk
