#include "ServerLoginDialog.h"

#include "Registry.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
constexpr int defaultPort = 5432;
}

ServerLoginDialog::ServerLoginDialog(const Clock& clock, const QString& actor, QWidget* parent)
    : QDialog(parent), m_clock(clock), m_actor(actor)
{
    setObjectName(u"serverLogin"_s);
    setWindowTitle(tr("Open registry on a server"));
    auto* intro = new QLabel(tr("Log in to the team's registry on the PostgreSQL server. Your password is used for "
                                "this session only and is never saved."),
                             this);
    intro->setWordWrap(true);

    m_host = new QLineEdit(this);
    m_host->setObjectName(u"serverHost"_s);
    m_host->setPlaceholderText(tr("e.g. db.alblasserdam.nl"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"serverPort"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(defaultPort);
    m_database = new QLineEdit(u"buurtsignaal"_s, this);
    m_database->setObjectName(u"serverDatabase"_s);
    m_user = new QLineEdit(this);
    m_user->setObjectName(u"serverUser"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"serverPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);

    m_refusal = new QLabel(this);
    m_refusal->setObjectName(u"loginRefusal"_s);
    m_refusal->setWordWrap(true);
    m_refusal->setStyleSheet(u"color: #b01c1c;"_s);
    m_refusal->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* login = buttons->addButton(tr("&Log in"), QDialogButtonBox::AcceptRole);
    login->setObjectName(u"loginButton"_s);
    login->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerLoginDialog::logIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_refusal);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

ServerLoginDialog::~ServerLoginDialog() = default;

void ServerLoginDialog::setAddress(const ServerAddress& address)
{
    m_host->setText(address.host);
    m_port->setValue(address.port != 0 ? address.port : defaultPort);
    m_database->setText(address.database);
    m_user->setText(address.user);
    m_password->clear();
    (address.user.isEmpty() ? m_user : m_password)->setFocus();
}

ServerAddress ServerLoginDialog::typedAddress() const
{
    ServerAddress address;
    address.host = m_host->text().trimmed();
    address.port = m_port->value();
    address.database = m_database->text().trimmed();
    address.user = m_user->text().trimmed();
    address.password = m_password->text();
    return address;
}

void ServerLoginDialog::logIn()
{
    const ServerAddress address = typedAddress();
    if (address.database.isEmpty() || address.user.isEmpty()) {
        m_refusal->setText(tr("Fill in the database and your user name."));
        m_refusal->show();
        return;
    }
    Location location;
    location.engine = Location::Engine::Postgresql;
    location.server = address;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto opened = Registry::open(location, Registry::Create::No, m_clock, m_actor);
    QApplication::restoreOverrideCursor();
    if (!opened.ok()) {
        // Core messages are Dutch already and name the cause; everything typed stays.
        m_refusal->setText(opened.error().message);
        m_refusal->show();
        m_password->setFocus();
        m_password->selectAll();
        return;
    }
    m_registry = std::move(opened).value();
    accept();
}

std::unique_ptr<Registry> ServerLoginDialog::takeRegistry()
{
    return std::move(m_registry);
}

QString ServerLoginDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

}  // namespace bs
