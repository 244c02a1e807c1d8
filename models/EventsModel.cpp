#include "EventsModel.h"

#include <QLocale>

namespace meterdesk {

EventsModel::EventsModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventsModel::setEvents(QList<EventRow> events)
{
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRow &event = m_events[index.row()];
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return locale.toString(event.timestamp.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ServiceColumn:
            return event.service;
        case ModelColumn:
            return event.priced ? event.model : tr("%1 (unpriced)").arg(event.model);
        case InputColumn:
            return locale.toString(event.tokens.input);
        case OutputColumn:
            return locale.toString(event.tokens.output);
        case CachedColumn:
            return locale.toString(event.tokens.cachedInput + event.tokens.cacheWrite);
        case CostColumn:
            return QString(QStringLiteral("$") + event.cost.toString(6));
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return event.timestamp.toMSecsSinceEpoch();
        case InputColumn:
            return event.tokens.input;
        case OutputColumn:
            return event.tokens.output;
        case CachedColumn:
            return event.tokens.cachedInput + event.tokens.cacheWrite;
        case CostColumn:
            return event.cost.nanos();
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == Qt::TextAlignmentRole && index.column() >= InputColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole && !event.endpoint.isEmpty()) {
        return tr("Endpoint: %1").arg(event.endpoint);
    }
    return {};
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ServiceColumn:
        return tr("Service");
    case ModelColumn:
        return tr("Model");
    case InputColumn:
        return tr("Input");
    case OutputColumn:
        return tr("Output");
    case CachedColumn:
        return tr("Cached");
    case CostColumn:
        return tr("Cost");
    }
    return {};
}

} // namespace meterdesk
