#include "KpiStrip.h"

#include "KpiCard.h"

#include <queries/Rows.h>

#include <QHBoxLayout>
#include <QLocale>

namespace meterdesk {

KpiStrip::KpiStrip(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const QString &title : {tr("Requests"), tr("Cost"), tr("Active users"), tr("Blocked users"), tr("Unpriced events")}) {
        auto *card = new KpiCard(title, this);
        m_cards.append(card);
        layout->addWidget(card);
    }
    m_cards[UnpricedCard]->setClickable(true);
    m_cards[UnpricedCard]->setToolTip(tr("Calls of models the price book does not know, billed at the fallback rate. Click for the list."));
    connect(m_cards[UnpricedCard], &KpiCard::clicked, this, &KpiStrip::unpricedClicked);
    m_cards[BlockedCard]->setClickable(true);
    m_cards[BlockedCard]->setToolTip(tr("Click to list the blocked users"));
    connect(m_cards[BlockedCard], &KpiCard::clicked, this, &KpiStrip::blockedClicked);
}

KpiCard *KpiStrip::card(int index) const
{
    return m_cards.value(index);
}

void KpiStrip::setOverview(const Overview &o, const QString &rangeText)
{

    const QLocale locale;
    m_cards[RequestsCard]->setValue(locale.toString(o.totalRequests), tr("%1 tokens").arg(locale.toString(o.totalTokens)));
    m_cards[CostCard]->setValue(o.totalCost.toDisplayString(), QStringLiteral("$") + o.totalCost.toString(6));
    m_cards[ActiveCard]->setValue(locale.toString(o.activeUsers), rangeText);
    setBlockedUsers(o.blockedUsers);
    m_cards[UnpricedCard]->setValue(locale.toString(o.unpricedEvents),
                                    o.unpricedEvents ? tr("billed at $5 per 1M tokens") : tr("every model priced"));
    m_cards[UnpricedCard]->setAlert(o.unpricedEvents > 0);
    // A live update moves the numbers, not the period before.
    if (m_previous)
        setComparison(o, *m_previous, m_before);
}

QString KpiStrip::changeText(double now, double previous)
{
    if (previous == 0)
        return now == 0 ? QStringLiteral("= 0%") : tr("new");
    const double percent = 100.0 * (now - previous) / previous;
    const QLocale locale;
    const QString amount = locale.toString(qAbs(percent), 'f', qAbs(percent) < 10 ? 1 : 0);
    if (amount == locale.toString(0.0, 'f', 1) || amount == locale.toString(0.0, 'f', 0))
        return QStringLiteral("= 0%");
    return (percent > 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + amount + u'%';
}

void KpiStrip::setComparison(const Overview &now, const Overview &previous, const QString &before)
{
    const QLocale locale;
    const auto set = [&](Card card, double valueNow, double valueBefore, const QString &beforeText) {
        m_cards[card]->setChange(tr("%1 vs %2").arg(changeText(valueNow, valueBefore), before),
                                 tr("%1 in %2").arg(beforeText, before));
    };
    set(RequestsCard, double(now.totalRequests), double(previous.totalRequests), locale.toString(previous.totalRequests));
    set(CostCard, now.totalCost.toDouble(), previous.totalCost.toDouble(), previous.totalCost.toDisplayString());
    set(ActiveCard, double(now.activeUsers), double(previous.activeUsers), locale.toString(previous.activeUsers));
    set(UnpricedCard, double(now.unpricedEvents), double(previous.unpricedEvents), locale.toString(previous.unpricedEvents));
    m_previous = previous;
    m_before = before;
}

void KpiStrip::clearComparison()
{
    m_previous.reset();
    for (KpiCard *card : std::as_const(m_cards))
        card->setChange({});
}

void KpiStrip::setBlockedUsers(qint64 count)
{
    m_cards[BlockedCard]->setValue(QLocale().toString(count), tr("currently blocked"));
}

} // namespace meterdesk
