#pragma once
// Where a registry lives: a SQLite file, or a database on a PostgreSQL server. `--db` and
// Registry::open take either; this is the one place that tells them apart and reads a server
// address (`postgresql://[user@]host[:port]/dbname[?host=/socket/dir&port=…&sslmode=…]` or the
// keyword form `host=… port=… dbname=… user=…`). A password is never part of an address: libpq
// reads PGPASSWORD or ~/.pgpass, and a program that asked for one passes it in memory.

#include "Result.h"

#include <QString>

namespace bs {

struct ServerAddress {
    QString host;  // a name, an IP address, or a socket directory (starts with '/'); empty: libpq's default
    int port = 0;  // 0: libpq's default (5432 or PGPORT)
    QString database;
    QString user;  // empty: libpq's default (PGUSER or the login name)
    QString sslMode;  // empty: libpq's default
    QString password;  // only ever set in memory by a program that asked the user; never parsed

    // Shown to people and used in messages: never includes the password.
    QString display() const;
};

struct Location {
    enum class Engine { Sqlite, Postgresql };
    Engine engine = Engine::Sqlite;
    QString path;  // SQLite: the file
    ServerAddress server;  // PostgreSQL

    bool isServer() const { return engine == Engine::Postgresql; }
    QString display() const { return isServer() ? server.display() : path; }

    // Whether `text` is meant as a server address rather than a file name.
    static bool looksLikeServer(const QString& text);
    // A file path as it is; a server address checked and split up (refused with a Dutch message
    // naming what is wrong, e.g. a password in the address).
    static Result<Location> parse(const QString& text);
};

}  // namespace bs
