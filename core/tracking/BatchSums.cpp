#include "tracking/BatchSums.h"

#include "queries/DateRange.h"

#include <QDate>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace meterdesk {

void Counters::add(const TokenCounts &t, qint64 cost, bool priced)
{
    ++requests;
    input += t.input;
    output += t.output;
    cachedInput += t.cachedInput;
    cacheWrite += t.cacheWrite;
    if (__builtin_add_overflow(costNanos, cost, &costNanos))
        throw std::overflow_error("batch cost out of range");
    unpriced += priced ? 0 : 1;
}

int BatchSums::Names::id(QStringView text)
{
    // A batch's calls mostly share their day, and often their service and
    // model, with the call before.
    if (lastId >= 0 && text == last)
        return lastId;
    auto it = ids.constFind(text);
    if (it == ids.cend()) {
        it = ids.insert(text, int(texts.size()));
        texts.append(text);
    }
    last = text;
    lastId = *it;
    return lastId;
}

void BatchSums::Names::rank()
{
    // QString's own order, as the rows' keys were always sorted.
    QList<int> order(texts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) { return texts[a] < texts[b]; });
    ranks.resize(texts.size());
    for (qsizetype place = 0; place < order.size(); ++place)
        ranks[order[place]] = int(place);
}

void BatchSums::add(QStringView user, QStringView service, QStringView model, QStringView endpoint,
                    QStringView stamp, const TokenCounts &tokens, qint64 costNanos, bool priced)
{
    Event event{{}, stamp, tokens, costNanos, priced};
    event.ids[User] = m_names[User].id(user);
    event.ids[Service] = m_names[Service].id(service);
    event.ids[Model] = m_names[Model].id(model);
    event.ids[Endpoint] = m_names[Endpoint].id(endpoint);
    const qsizetype days = m_names[Day].texts.size();
    event.ids[Day] = m_names[Day].id(stamp.left(10));
    if (m_names[Day].texts.size() > days) { // a day not seen before: its Monday
        const QDate day = QDate::fromString(stamp.left(10).toString(), Qt::ISODate);
        m_weeks.append(bucketStart(day, Bucket::Week).toString(Qt::ISODate));
        m_weekOfDay.append(m_names[Week].id(m_weeks.last()));
    }
    event.ids[Week] = m_weekOfDay[event.ids[Day]];
    m_events.append(event);
}

void BatchSums::clear()
{
    for (Names &names : m_names) {
        names.ids.clear();
        names.texts.resize(0);
        names.last = {};
        names.lastId = -1;
    }
    m_weeks.resize(0);
    m_weekOfDay.resize(0);
    m_events.resize(0);
}

template <int N>
void BatchSums::sum(const std::array<Dimension, N> &dimensions, QList<Row<N>> &rows) const
{
    struct Keyed
    {
        std::array<int, N> ranks;
        qsizetype event;
    };
    QList<Keyed> keyed;
    keyed.reserve(m_events.size());
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        Keyed k{{}, i};
        for (int d = 0; d < N; ++d)
            k.ranks[d] = m_names[dimensions[d]].ranks[m_events[i].ids[dimensions[d]]];
        keyed.append(k);
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const Keyed &a, const Keyed &b) { return a.ranks < b.ranks; });
    rows.resize(0);
    rows.reserve(keyed.size());
    for (qsizetype i = 0; i < keyed.size(); ++i) {
        const Event &event = m_events[keyed[i].event];
        if (i == 0 || keyed[i].ranks != keyed[i - 1].ranks) {
            Row<N> row;
            for (int d = 0; d < N; ++d)
                row.key[d] = m_names[dimensions[d]].texts[event.ids[dimensions[d]]];
            rows.append(row);
        }
        rows.last().counters.add(event.tokens, event.costNanos, event.priced);
    }
}

void BatchSums::finish()
{
    for (Names &names : m_names)
        names.rank();
    sum<1>({User}, m_users);
    m_perUser.resize(0);
    m_perUser.reserve(m_users.size());
    for (const Row<1> &row : std::as_const(m_users))
        m_perUser.append({row.key[0], row.counters, {}});
    // Only the stats rows keep a last activity: comparing every event's
    // time in all four aggregates cost a tenth of their time.
    for (const Event &event : std::as_const(m_events)) {
        UserRow &row = m_perUser[m_names[User].ranks[event.ids[User]]];
        if (row.lastActivity.isNull() || row.lastActivity < event.stamp)
            row.lastActivity = event.stamp;
    }
    sum<2>({User, Service}, m_perUserService);
    sum<4>({Day, User, Service, Model}, m_perDay);
    sum<3>({Week, User, Service}, m_perWeek);
    sum<4>({Day, Service, Model, Endpoint}, m_perDayService);
}

QStringList BatchSums::users() const
{
    QStringList users;
    users.reserve(m_perUser.size());
    for (const UserRow &row : m_perUser)
        users << row.user.toString();
    return users;
}

} // namespace meterdesk
