#pragma once
// A PostgreSQL server of one test suite's own (tests/pg/server.sh in a folder of its own), for
// tests that stop and start the server or change how it admits logins: the shared test server
// of BUURTSIGNAAL_TEST_PG is left alone. Stopped and removed again at the end.

#include "storage/Location.h"

#include <QString>

namespace bs::test {

class PrivateServer {
public:
    // Fast: fsync and synchronous commit off, as the shared test server. Durable: the server's
    // safe defaults, for tests where an acknowledged commit must survive a crash().
    enum class Durability { Fast, Durable };
    explicit PrivateServer(Durability durability = Durability::Fast);
    ~PrivateServer();
    PrivateServer(const PrivateServer&) = delete;
    PrivateServer& operator=(const PrivateServer&) = delete;

    // Why no server could be started (to QSKIP with), or empty when it runs.
    QString unavailable() const { return m_unavailable; }
    // The superuser's address (trust login over the socket): the database `postgres`.
    QString uri() const { return m_uri; }
    ServerAddress address() const;
    // Stops the server, keeping its data (every connection to it is cut), and starts it again.
    bool halt();
    bool resume();
    // Stops the server as a crash does (pg_ctl -m immediate: backends killed, no checkpoint);
    // resume() then recovers from its write-ahead log.
    bool crash();
    // Lets `login` in only with its password (scram-sha-256), everyone else as before.
    bool requirePassword(const QString& login);
    // Runs one statement as the superuser; empty when it worked, else the server's message.
    QString run(const QString& sql);

private:
    bool script(const QStringList& arguments, QString* out = nullptr);

    QString m_folder;
    QString m_uri;
    QString m_unavailable;
};

}  // namespace bs::test
