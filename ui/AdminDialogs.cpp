#include "AdminDialogs.h"

#include <admin/AdminActions.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace meterdesk {

namespace {

QString usageSummary(const QList<UserRow> &users)
{
    qint64 requests = 0;
    Money cost;
    for (const UserRow &user : users) {
        requests += user.requests;
        cost += user.cost;
    }
    return BlockDialog::tr("%1 in the shown range: %Ln request(s) costing %2", nullptr, int(qMin<qint64>(requests, INT_MAX)))
        .arg(describeUsers(users).toHtmlEscaped(), cost.toDisplayString());
}

} // namespace

QString describeUsers(const QList<UserRow> &users)
{
    QStringList names;
    for (qsizetype i = 0; i < users.size() && i < 2; ++i)
        names << users[i].displayName().left(60);
    QString text = names.join(QStringLiteral(", "));
    if (users.size() > 2)
        text = BlockDialog::tr("%1 and %n more", nullptr, int(users.size() - 2)).arg(text);
    return text;
}

BlockDialog::BlockDialog(const QList<UserRow> &users, QWidget *parent)
    : QDialog(parent), m_reason(new QPlainTextEdit(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Block API access"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Blocked users get \"API access blocked for this user\" before any AI call. "
                                "The block and its reason go into the audit log."), this);
    intro->setWordWrap(true);
    auto *summary = new QLabel(usageSummary(users), this);
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::RichText);
    layout->addWidget(intro);
    layout->addWidget(summary);
    layout->addWidget(new QLabel(tr("Reason (required):"), this));
    m_reason->setPlaceholderText(tr("For example: excessive usage, 40x the median daily cost"));
    m_reason->setTabChangesFocus(true);
    layout->addWidget(m_reason);
    m_problem->setForegroundRole(QPalette::Link);
    layout->addWidget(m_problem);
    QPushButton *blockButton = m_buttons->addButton(users.size() > 1 ? tr("Block %n users", nullptr, int(users.size()))
                                                                     : tr("Block user"),
                                                    QDialogButtonBox::AcceptRole);
    blockButton->setObjectName(QStringLiteral("blockButton"));
    // Tab from the reason (where Enter is a new line) reaches Block first.
    setTabOrder(m_reason, blockButton);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &BlockDialog::validate);
    validate();
    resize(460, 300);
}

QString BlockDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void BlockDialog::setReason(const QString &reason)
{
    m_reason->setPlainText(reason);
}

void BlockDialog::validate()
{
    const QString text = reason();
    QString problem;
    if (text.isEmpty())
        problem = tr("Say why: a block needs a reason.");
    else if (text.size() > AdminActions::MaxReasonLength)
        problem = tr("The reason is %1 characters long; at most %2 are kept.").arg(text.size()).arg(AdminActions::MaxReasonLength);
    m_problem->setText(problem);
    for (QAbstractButton *button : m_buttons->buttons())
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(problem.isEmpty());
}

RiskDialog::RiskDialog(const QList<UserRow> &users, QWidget *parent) : QDialog(parent), m_score(new QSpinBox(this))
{
    setWindowTitle(tr("Set risk score"));
    auto *layout = new QFormLayout(this);
    auto *who = new QLabel(describeUsers(users), this);
    who->setTextFormat(Qt::PlainText);
    layout->addRow(tr("Users:"), who);
    m_score->setRange(0, 100);
    m_score->setValue(users.isEmpty() ? 0 : users.first().riskScore);
    m_score->setToolTip(tr("0 means no concern, 100 the highest; it is recorded in the audit log."));
    layout->addRow(tr("Risk score (0–100):"), m_score);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int RiskDialog::score() const
{
    return m_score->value();
}

void RiskDialog::setScore(int score)
{
    m_score->setValue(score);
}

} // namespace meterdesk
