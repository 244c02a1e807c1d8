#pragma once

#include <storage/ConnectionSpec.h>

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QLabel;
class QPushButton;

namespace meterdesk {

// Choose the usage database: an SQLite file (open or create) or a
// PostgreSQL server. The password is held in memory for this session only
// and never written to the settings file; libpq's ~/.pgpass also works.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ConnectionSpec spec() const;
    bool createIfMissing() const;
    bool rememberPassword() const;
    // The admin asked for the demo database rather than the form's.
    bool demoRequested() const { return m_demo; }
    // Where "Create a new one here" asks for a file; tests replace it.
    std::function<QString()> chooseNewFile;
    // The read replica given on the PostgreSQL page, with the primary's
    // user, password and TLS settings where its URL has none.
    std::optional<ConnectionSpec> readReplica() const;
    void setReadReplica(const QString &display);
    // Fills the form from a remembered connection (no password in it).
    void setConnection(const QString &display);
    void setMessage(const QString &message);

private:
    void chooseFile();
    void validate();
    void createHere();
    void updatePasswordHint();

    QComboBox *m_kind;
    QComboBox *m_recent;
    QStackedWidget *m_pages;
    QLineEdit *m_path;
    QCheckBox *m_create;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslMode;
    QLineEdit *m_rootCert;
    QCheckBox *m_remember;
    QLineEdit *m_replica;
    QLabel *m_message;
    QPushButton *m_connect = nullptr;
    bool m_demo = false;
};

} // namespace meterdesk
