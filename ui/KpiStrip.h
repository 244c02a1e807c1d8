#pragma once

#include <queries/Rows.h>

#include <QWidget>

#include <optional>

namespace meterdesk {

class KpiCard;

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
    // Each card's change against the period before (`before` says which:
    // "the 30 days before"); the blocked count is now, and has none.
    void setComparison(const Overview &now, const Overview &previous, const QString &before);
    // "▲ 12%", "▼ 3.5%", "= 0%", "new" (nothing before): the change from
    // `previous` to `now`.
    static QString changeText(double now, double previous);
    // Another range: no comparison until its period before is read.
    void clearComparison();

Q_SIGNALS:
    void blockedClicked();
    void unpricedClicked();

private:
    QList<KpiCard *> m_cards;
    std::optional<Overview> m_previous;
    QString m_before;
};

} // namespace meterdesk
