#include "AuditDialog.h"

#include "DataService.h"

#include <AuditModel.h>
#include <queries/Csv.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace meterdesk {

AuditDialog::AuditDialog(DataService *data, QWidget *parent)
    : QDialog(parent), m_data(data), m_model(new AuditModel(this)), m_user(new QLineEdit(this)), m_action(new QComboBox(this)),
      m_count(new QLabel(this)), m_delay(new QTimer(this))
{
    setWindowTitle(tr("Audit log"));
    m_user->setPlaceholderText(tr("User id (all users when empty)"));
    m_user->setClearButtonEnabled(true);
    m_action->addItem(tr("All actions"), QString());
    m_action->addItem(tr("Blocks"), QStringLiteral("block"));
    m_action->addItem(tr("Unblocks"), QStringLiteral("unblock"));
    m_action->addItem(tr("Risk changes"), QStringLiteral("risk"));
    auto *view = new QTableView(this);
    view->setModel(m_model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_user, 1);
    filters->addWidget(m_action);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(view, 1);
    layout->addWidget(m_count);
    layout->addWidget(buttons);
    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(m_user, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_delay, &QTimer::timeout, this, &AuditDialog::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &AuditDialog::exportCsv);
    connect(m_data, &DataService::auditLoaded, this, [this](const QList<AuditRow> &rows) {
        m_model->setRows(rows);
        m_count->setText(tr("%n entry(ies)", nullptr, int(rows.size())));
        for (int column = 0; column < AuditModel::ReasonColumn; ++column)
            findChild<QTableView *>()->resizeColumnToContents(column);
    });
    resize(1000, 560);
    reload();
}

void AuditDialog::setUserFilter(const QString &userId)
{
    m_user->setText(userId);
    reload();
}

void AuditDialog::reload()
{
    m_data->loadAudit(m_user->text().trimmed(), m_action->currentData().toString());
}

bool AuditDialog::exportTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QByteArray bytes = Csv::record({QStringLiteral("at_utc"), QStringLiteral("database_role"), QStringLiteral("os_user"),
                                    QStringLiteral("action"), QStringLiteral("user_id"), QStringLiteral("old_value"),
                                    QStringLiteral("new_value"), QStringLiteral("reason")});
    for (const AuditRow &row : m_model->rows())
        bytes += Csv::record({row.at.toUTC().toString(Qt::ISODate), Csv::field(row.actorRole), Csv::field(row.osUser),
                              Csv::field(row.action), Csv::field(row.userId), Csv::field(row.oldValue),
                              Csv::field(row.newValue), Csv::field(row.reason)});
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void AuditDialog::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audit log"), QStringLiteral("meterdesk-audit.csv"),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportTo(path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace meterdesk
