#pragma once
// Logging in to a registry on a PostgreSQL server (File ▸ Open ▸ Server): server, port, database,
// user name and password. The registry is opened while the dialog is still open, so a refusal
// (wrong password, unreachable server, no registry there, a newer schema, a login without rights)
// is shown in the dialog with everything typed kept, and nothing changes in the main window.
// The password goes to the connection in memory only (ServerPasswords), never to the settings.

#include "Clock.h"
#include "storage/Location.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace bs {

class Registry;

class ServerLoginDialog : public QDialog {
    Q_OBJECT

public:
    ServerLoginDialog(const Clock& clock, const QString& actor, QWidget* parent = nullptr);
    ~ServerLoginDialog() override;
    // Fills the fields from an address (a recent server); its password is never part of it.
    void setAddress(const ServerAddress& address);
    // Tries to open the registry with what was typed; on refusal shows why and stays open.
    void logIn();
    // The registry opened by a successful login (once).
    std::unique_ptr<Registry> takeRegistry();
    QString refusal() const;

private:
    ServerAddress typedAddress() const;

    const Clock& m_clock;
    QString m_actor;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLabel* m_refusal;
    std::unique_ptr<Registry> m_registry;
};

}  // namespace bs
