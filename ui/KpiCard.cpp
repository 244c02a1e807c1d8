#include "KpiCard.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace meterdesk {

KpiCard::KpiCard(const QString &title, QWidget *parent)
    : QFrame(parent), m_title(new QLabel(title, this)), m_value(new QLabel(QStringLiteral("–"), this)),
      m_detail(new QLabel(this)), m_change(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.95);
    m_title->setFont(titleFont);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    m_change->setForegroundRole(QPalette::PlaceholderText);
    m_change->hide();
    layout->addWidget(m_change);
    setAccessibleName(title);
}

void KpiCard::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    setAccessibleDescription(value + u' ' + detail);
}

void KpiCard::setChange(const QString &change, const QString &tooltip)
{
    m_change->setText(change);
    m_change->setToolTip(tooltip);
    m_change->setVisible(!change.isEmpty());
    setAccessibleDescription(m_value->text() + u' ' + m_detail->text() + (change.isEmpty() ? QString() : u' ' + change));
}

QString KpiCard::change() const
{
    return m_change->text();
}

QString KpiCard::value() const
{
    return m_value->text();
}

void KpiCard::setClickable(bool clickable)
{
    m_clickable = clickable;
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setFocusPolicy(clickable ? Qt::StrongFocus : Qt::NoFocus);
    // A selectable label takes the press for itself, and the card never
    // hears the click: on a clickable card the labels let the pointer through.
    m_value->setTextInteractionFlags(clickable ? Qt::NoTextInteraction : Qt::TextSelectableByMouse);
    for (QLabel *label : {m_title, m_value, m_detail, m_change})
        label->setAttribute(Qt::WA_TransparentForMouseEvents, clickable);
}

void KpiCard::setAlert(bool alert)
{
    // A palette role, not a fixed colour, so dark themes keep working.
    m_value->setForegroundRole(alert ? QPalette::Link : QPalette::WindowText);
}

void KpiCard::mousePressEvent(QMouseEvent *event)
{
    // Accepted, so the release comes here too (QWidget passes an ignored
    // press to the parent, and the release follows the press).
    if (m_clickable && event->button() == Qt::LeftButton) {
        event->accept();
        return;
    }
    QFrame::mousePressEvent(event);
}

void KpiCard::mouseReleaseEvent(QMouseEvent *event)
{
    // A press that is dragged off the card and let go is no click.
    if (m_clickable && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT clicked();
        event->accept();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void KpiCard::keyPressEvent(QKeyEvent *event)
{
    if (m_clickable && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space)) {
        Q_EMIT clicked();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace meterdesk
