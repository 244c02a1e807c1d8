#pragma once

#include <QFrame>

class QLabel;

namespace meterdesk {

// One headline number: a title, the value, and a line of detail. A card can
// be clickable (the unpriced-events card opens the list of models).
class KpiCard : public QFrame
{
    Q_OBJECT

public:
    explicit KpiCard(const QString &title, QWidget *parent = nullptr);
    void setValue(const QString &value, const QString &detail = {});
    // The change against the period before ("▲ 12% vs the 30 days before");
    // empty hides it.
    void setChange(const QString &change, const QString &tooltip = {});
    QString change() const;
    void setClickable(bool clickable);
    void setAlert(bool alert);
    QString value() const;

Q_SIGNALS:
    void clicked();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
    QLabel *m_change;
    bool m_clickable = false;
};

} // namespace meterdesk
