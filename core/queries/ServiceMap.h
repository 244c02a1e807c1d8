#pragma once

#include "money/Money.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meterdesk {

struct ServiceTotals
{
    qint64 requests = 0;
    qint64 tokens = 0;
    Money cost;
};

// A user's totals per service, in service order: the QMap subset the users
// table needs, in one small array. A QMap cost a node per service and user,
// a third of the allocations of loading 100,000 users.
class ServiceMap
{
public:
    struct Entry
    {
        QString service;
        ServiceTotals totals;
    };

    class const_iterator
    {
    public:
        explicit const_iterator(QList<Entry>::const_iterator it) : m_it(it) {}
        const QString &key() const { return m_it->service; }
        const ServiceTotals &value() const { return m_it->totals; }
        const ServiceTotals &operator*() const { return m_it->totals; }
        const_iterator &operator++()
        {
            ++m_it;
            return *this;
        }
        bool operator==(const const_iterator &other) const = default;

    private:
        QList<Entry>::const_iterator m_it;
    };

    const_iterator cbegin() const { return const_iterator(m_entries.cbegin()); }
    const_iterator cend() const { return const_iterator(m_entries.cend()); }
    const_iterator begin() const { return cbegin(); }
    const_iterator end() const { return cend(); }
    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }

    // The totals of `service`; zero when it has none.
    ServiceTotals value(const QString &service) const
    {
        for (const Entry &entry : m_entries)
            if (entry.service == service)
                return entry.totals;
        return {};
    }
    QStringList keys() const
    {
        QStringList keys;
        for (const Entry &entry : m_entries)
            keys << entry.service;
        return keys;
    }
    // The totals of `service`, added at zero when missing.
    ServiceTotals &operator[](const QString &service)
    {
        // Loads pass shared service names: the same data is the same name.
        for (Entry &entry : m_entries)
            if (entry.service.constData() == service.constData() || entry.service == service)
                return entry.totals;
        qsizetype at = 0;
        while (at < m_entries.size() && m_entries[at].service < service)
            ++at;
        if (m_entries.isEmpty())
            m_entries.reserve(4); // the four services of the seed, in one allocation
        return m_entries.insert(at, Entry{service, {}})->totals;
    }
    void insert(const QString &service, const ServiceTotals &totals) { (*this)[service] = totals; }

private:
    QList<Entry> m_entries; // sorted by service
};

} // namespace meterdesk

Q_DECLARE_TYPEINFO(meterdesk::ServiceMap::Entry, Q_RELOCATABLE_TYPE);
