#pragma once

#include <queries/Rows.h>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace meterdesk {

// Block one or more users: shows what they used, and will not accept an
// empty reason (nor one over 500 characters).
class BlockDialog : public QDialog
{
    Q_OBJECT

public:
    BlockDialog(const QList<UserRow> &users, QWidget *parent = nullptr);
    QString reason() const;
    void setReason(const QString &reason);

private:
    void validate();

    QPlainTextEdit *m_reason;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

// Set the risk score (0..100) of one or more users.
class RiskDialog : public QDialog
{
    Q_OBJECT

public:
    RiskDialog(const QList<UserRow> &users, QWidget *parent = nullptr);
    int score() const;
    void setScore(int score);

private:
    QSpinBox *m_score;
};

// "Alice Liddell, bob@example.com and 3 more"
QString describeUsers(const QList<UserRow> &users);

} // namespace meterdesk
