#pragma once

#include <queries/Rows.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace meterdesk {

class AuditModel;
class DataService;

// Every block, unblock and risk change: who (database role and OS user),
// when, before and after, and why; filtered by user and action, exported
// as CSV.
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    AuditDialog(DataService *data, QWidget *parent = nullptr);
    AuditModel *model() const { return m_model; }
    void setUserFilter(const QString &userId);
    bool exportTo(const QString &path, QString *error);

private:
    void reload();
    void exportCsv();

    DataService *m_data;
    AuditModel *m_model;
    QLineEdit *m_user;
    QComboBox *m_action;
    QLabel *m_count;
    QTimer *m_delay;
};

} // namespace meterdesk
