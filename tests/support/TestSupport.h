#pragma once
// Shared helpers for the test suites: temporary registries on a fixed clock, and a fingerprint
// of a database's content to prove that a refused action changed nothing.

#include "Clock.h"
#include "Registry.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace bs::test {

// Thursday 2026-11-26: a working day, with the weekend and December holidays close by.
QDate referenceToday();

class TempRegistry {
public:
    TempRegistry();
    explicit TempRegistry(const QDate& today);
    Registry& registry() { return *m_registry; }
    Registry* operator->() { return m_registry.get(); }
    FixedClock& clock() { return m_clock; }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    void close() { m_registry.reset(); }
    void reopen();

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
    QString m_path;
    std::unique_ptr<Registry> m_registry;
};

// SHA-256 over every row of every table, ordered; equal fingerprints mean equal content.
QByteArray contentFingerprint(const QString& path);
QByteArray fileBytesHash(const QString& path);

// Adds a signal with sensible defaults and returns its reference (fails the test on error).
QString addSignal(Registry& registry, const QString& category = QStringLiteral("eenzaamheid"),
                  const QString& impact = QStringLiteral("individu"));

// Another program holding the registry's write lock: the sqlite3 shell inside BEGIN IMMEDIATE
// with a change it has not committed, until release() or the end of the object (rolled back).
class WriteLockHolder {
public:
    explicit WriteLockHolder(const QString& path);
    ~WriteLockHolder();
    WriteLockHolder(const WriteLockHolder&) = delete;
    WriteLockHolder& operator=(const WriteLockHolder&) = delete;

    // Whether the lock is held right now: the shell is running and the lock cannot be taken.
    bool holding() const;
    void release();

private:
    QString m_path;
    QProcess m_shell;
};

}  // namespace bs::test
