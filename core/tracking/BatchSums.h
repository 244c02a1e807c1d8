#pragma once

#include "meterdesk_core_export.h"
#include "tracking/UsageEvent.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QStringView>

#include <array>

namespace meterdesk {

// What a batch adds to one row of an aggregate.
struct METERDESK_CORE_EXPORT Counters
{
    qint64 requests = 0;
    qint64 input = 0;
    qint64 output = 0;
    qint64 cachedInput = 0;
    qint64 cacheWrite = 0;
    qint64 costNanos = 0;
    qint64 unpriced = 0;

    qint64 tokens() const { return input + output + cachedInput + cacheWrite; }
    // Throws std::overflow_error when the cost leaves 64 bits.
    void add(const TokenCounts &t, qint64 cost, bool priced);
};

// The sums one batch adds to each aggregate, as rows in the order of their
// keys: the upserts take rows in that order (LockOrder.h), so two batches
// touching the same rows cannot deadlock.
//
// Each key's texts are numbered once and ranked, and the rows sorted on
// the ranks: maps keyed by tuples of strings, compared text by text at each
// of a batch's 5,000 insertions, were a sixth of a batch's own work (perf).
// The texts are read where they lie (views): they must outlive the sums.
class METERDESK_CORE_EXPORT BatchSums
{
public:
    template <int N> struct Row
    {
        std::array<QStringView, N> key;
        Counters counters;
    };
    struct UserRow
    {
        QStringView user;
        Counters counters;
        QStringView lastActivity; // the latest of the user's timestamps
    };

    // `stamp` is the call's time as the log stores it; its first ten
    // characters are its day. `endpoint` as the daily service rollup keeps
    // it (Schema::rollupEndpoint).
    void add(QStringView user, QStringView service, QStringView model, QStringView endpoint,
             QStringView stamp, const TokenCounts &tokens, qint64 costNanos, bool priced);
    // Sums the rows. Throws std::overflow_error when a cost leaves 64 bits.
    void finish();
    // Forgets the batch and its rows, keeping the memory for the next: a
    // Tracker sums batch after batch in the same pages.
    void clear();

    const QList<UserRow> &perUser() const { return m_perUser; }
    const QList<Row<2>> &perUserService() const { return m_perUserService; } // user, service
    const QList<Row<4>> &perDay() const { return m_perDay; }   // day, user, service, model
    const QList<Row<3>> &perWeek() const { return m_perWeek; } // Monday, user, service
    const QList<Row<4>> &perDayService() const
    {
        return m_perDayService;
    } // day, service, model, endpoint
    QStringList users() const;

private:
    // One kind of text (users, days, ...): each distinct one numbered.
    struct Names
    {
        QHash<QStringView, int> ids;
        QList<QStringView> texts;
        QList<int> ranks; // by number, the text's place among the others, after finish()
        QStringView last;
        int lastId = -1;
        int id(QStringView text);
        void rank();
    };
    enum Dimension
    {
        User,
        Service,
        Model,
        Endpoint,
        Day,
        Week,
        Dimensions
    };
    struct Event
    {
        std::array<int, Dimensions> ids;
        QStringView stamp;
        TokenCounts tokens;
        qint64 costNanos;
        bool priced;
    };
    template <int N>
    void sum(const std::array<Dimension, N> &dimensions, QList<Row<N>> &rows) const;

    std::array<Names, Dimensions> m_names;
    QList<QString> m_weeks; // the Mondays, which no event holds
    QList<int> m_weekOfDay; // by day's number, its Monday's
    QList<Event> m_events;
    QList<Row<1>> m_users;
    QList<UserRow> m_perUser;
    QList<Row<2>> m_perUserService;
    QList<Row<4>> m_perDay;
    QList<Row<3>> m_perWeek;
    QList<Row<4>> m_perDayService;
};

} // namespace meterdesk
