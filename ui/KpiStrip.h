#pragma once

#include <QWidget>

namespace meterdesk {

class KpiCard;
struct Overview;

// The five headline cards of a range: requests, cost, active users, blocked
// users and unpriced events. The last two are clickable.
class KpiStrip : public QWidget
{
    Q_OBJECT

public:
    enum Card { RequestsCard, CostCard, ActiveCard, BlockedCard, UnpricedCard, CardCount };

    explicit KpiStrip(QWidget *parent = nullptr);
    KpiCard *card(int index) const;
    // `rangeText` says which days the active users are counted over.
    void setOverview(const Overview &overview, const QString &rangeText);
    // After an admin action: only the blocked count moves.
    void setBlockedUsers(qint64 count);

Q_SIGNALS:
    void blockedClicked();
    void unpricedClicked();

private:
    QList<KpiCard *> m_cards;
};

} // namespace meterdesk
