#include "ConnectionDialog.h"

#include "PasswordStore.h"
#include "Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace meterdesk {

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent), m_kind(new QComboBox(this)), m_recent(new QComboBox(this)), m_pages(new QStackedWidget(this)),
      m_path(new QLineEdit(this)), m_create(new QCheckBox(tr("Create a new usage database if the file does not exist"), this)),
      m_host(new QLineEdit(QStringLiteral("localhost"), this)), m_port(new QSpinBox(this)), m_database(new QLineEdit(this)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this)), m_sslMode(new QComboBox(this)),
      m_rootCert(new QLineEdit(this)), m_remember(new QCheckBox(tr("Remember the password in the system keychain"), this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Open usage database"));
    setAccessibleName(windowTitle());
    auto *layout = new QVBoxLayout(this);
    // A new admin's first start: say what is being asked for.
    auto *intro = new QLabel(tr("Meterdesk reads the usage database your product writes: one row per LLM call with "
                                "its user, model, tokens and cost. Open it as an SQLite file or on a PostgreSQL "
                                "server, or look around in the demo database first."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *top = new QFormLayout;
    m_recent->addItem(tr("(choose a recent connection)"));
    m_recent->addItems(Settings::recentDatabases());
    m_recent->setEnabled(m_recent->count() > 1);
    top->addRow(tr("Recent:"), m_recent);
    m_kind->addItem(tr("SQLite file"));
    m_kind->addItem(tr("PostgreSQL server"));
    top->addRow(tr("Kind:"), m_kind);
    layout->addLayout(top);

    auto *sqlitePage = new QWidget(this);
    auto *sqliteForm = new QFormLayout(sqlitePage);
    auto *pathRow = new QHBoxLayout;
    auto *browse = new QToolButton(sqlitePage);
    browse->setText(tr("Browse…"));
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    sqliteForm->addRow(tr("File:"), pathRow);
    sqliteForm->addRow(QString(), m_create);
    auto *startRow = new QHBoxLayout;
    auto *demo = new QPushButton(tr("Open the &demo database"), sqlitePage);
    demo->setObjectName(QStringLiteral("demoButton"));
    demo->setToolTip(tr("Made up users and calls, created the first time, to try every view safely"));
    demo->setAutoDefault(false);
    auto *createHere = new QPushButton(tr("&Create a new one here…"), sqlitePage);
    createHere->setObjectName(QStringLiteral("createButton"));
    createHere->setToolTip(tr("Choose where to put a new, empty usage database for your product to write to"));
    createHere->setAutoDefault(false);
    startRow->addWidget(demo);
    startRow->addWidget(createHere);
    startRow->addStretch(1);
    sqliteForm->addRow(QString(), startRow);
    m_pages->addWidget(sqlitePage);

    auto *pgPage = new QWidget(this);
    auto *pgForm = new QFormLayout(pgPage);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode->addItems({QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
                         QStringLiteral("verify-full"), QStringLiteral("disable")});
    m_rootCert->setPlaceholderText(tr("CA certificate for verify-ca / verify-full"));
    pgForm->addRow(tr("Host:"), m_host);
    pgForm->addRow(tr("Port:"), m_port);
    pgForm->addRow(tr("Database:"), m_database);
    pgForm->addRow(tr("User:"), m_user);
    pgForm->addRow(tr("Password:"), m_password);
    pgForm->addRow(tr("SSL mode:"), m_sslMode);
    pgForm->addRow(tr("Root certificate:"), m_rootCert);
    m_remember->setEnabled(PasswordStore::available());
    m_remember->setToolTip(PasswordStore::available() ? QString()
                                                      : tr("No keychain support in this build: the password is asked for each time"));
    pgForm->addRow(QString(), m_remember);
    updatePasswordHint();
    m_replica = new QLineEdit(this);
    m_replica->setPlaceholderText(tr("postgresql://replica-host:5432/database (optional)"));
    m_replica->setToolTip(tr("A streaming replica to read the dashboard from. Blocks, risk scores, budgets and "
                             "live notifications still go to the server above."));
    pgForm->addRow(tr("Read replica:"), m_replica);
    m_pages->addWidget(pgPage);
    layout->addWidget(m_pages);

    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::Link);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("Open"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::validate);
    connect(m_recent, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            setConnection(m_recent->itemText(index));
    });
    connect(browse, &QToolButton::clicked, this, &ConnectionDialog::chooseFile);
    connect(demo, &QPushButton::clicked, this, [this] {
        m_demo = true;
        accept();
    });
    connect(createHere, &QPushButton::clicked, this, &ConnectionDialog::createHere);
    connect(m_remember, &QCheckBox::toggled, this, &ConnectionDialog::updatePasswordHint);
    for (QLineEdit *edit : {m_path, m_host, m_database, m_replica})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(520, 0);
}

void ConnectionDialog::chooseFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Usage database"), m_path->text(),
                                                      tr("SQLite databases (*.sqlite *.db);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_path->setText(path);
}

void ConnectionDialog::createHere()
{
    const QString path = chooseNewFile ? chooseNewFile()
                                       : QFileDialog::getSaveFileName(this, tr("New usage database"), m_path->text(),
                                                                      tr("SQLite databases (*.sqlite *.db)"));
    if (path.isEmpty())
        return;
    m_kind->setCurrentIndex(0);
    m_path->setText(path);
    m_create->setChecked(true);
    accept();
}

// The hint says what happens to the password with the box as it is now.
void ConnectionDialog::updatePasswordHint()
{
    m_password->setPlaceholderText(m_remember->isChecked()
                                       ? tr("kept in the system keychain once the connection works")
                                       : tr("kept for this session only; empty uses PGPASSWORD or ~/.pgpass"));
}

void ConnectionDialog::validate()
{
    const bool sqlite = m_kind->currentIndex() == 0;
    QString replicaError;
    const QString replica = m_replica->text().trimmed();
    if (!sqlite && !replica.isEmpty()) {
        const auto parsed = ConnectionSpec::parse(replica, &replicaError);
        if (parsed && parsed->backend != Backend::Postgres)
            replicaError = tr("A read replica is a postgresql:// URL");
    }
    m_connect->setEnabled(replicaError.isEmpty()
                          && (sqlite ? !m_path->text().trimmed().isEmpty()
                                     : !m_host->text().trimmed().isEmpty() && !m_database->text().trimmed().isEmpty()));
    if (!replicaError.isEmpty())
        m_message->setText(tr("Read replica: %1").arg(replicaError));
}

std::optional<ConnectionSpec> ConnectionDialog::readReplica() const
{
    const QString text = m_replica->text().trimmed();
    QString error;
    auto replica = m_kind->currentIndex() == 1 && !text.isEmpty() ? ConnectionSpec::parse(text, &error) : std::nullopt;
    if (!replica || replica->backend != Backend::Postgres)
        return std::nullopt;
    const ConnectionSpec primary = spec();
    if (replica->user.isEmpty())
        replica->user = primary.user;
    if (replica->password.isEmpty() && replica->user == primary.user)
        replica->password = primary.password;
    if (replica->sslMode.isEmpty())
        replica->sslMode = primary.sslMode;
    if (replica->sslRootCert.isEmpty())
        replica->sslRootCert = primary.sslRootCert;
    return replica;
}

void ConnectionDialog::setReadReplica(const QString &display)
{
    m_replica->setText(display);
}

void ConnectionDialog::setMessage(const QString &message)
{
    m_message->setText(message);
}

void ConnectionDialog::setConnection(const QString &display)
{
    QString error;
    const auto spec = ConnectionSpec::parse(display, &error);
    if (!spec)
        return;
    if (spec->backend == Backend::Sqlite) {
        m_kind->setCurrentIndex(0);
        m_path->setText(spec->path);
        return;
    }
    m_kind->setCurrentIndex(1);
    m_host->setText(spec->host);
    m_port->setValue(spec->port);
    m_database->setText(spec->database);
    m_user->setText(spec->user);
    if (!spec->sslMode.isEmpty())
        m_sslMode->setCurrentText(spec->sslMode);
    m_rootCert->setText(spec->sslRootCert);
}

ConnectionSpec ConnectionDialog::spec() const
{
    if (m_kind->currentIndex() == 0)
        return ConnectionSpec::sqlite(m_path->text().trimmed());
    ConnectionSpec spec;
    spec.backend = Backend::Postgres;
    spec.host = m_host->text().trimmed();
    spec.port = m_port->value();
    spec.database = m_database->text().trimmed();
    spec.user = m_user->text().trimmed();
    spec.password = m_password->text();
    spec.sslMode = m_sslMode->currentText();
    spec.sslRootCert = m_rootCert->text().trimmed();
    return spec;
}

bool ConnectionDialog::rememberPassword() const
{
    return m_kind->currentIndex() == 1 && m_remember->isChecked() && !m_password->text().isEmpty();
}

bool ConnectionDialog::createIfMissing() const
{
    return m_kind->currentIndex() == 0 && m_create->isChecked();
}

} // namespace meterdesk
