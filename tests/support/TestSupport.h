#pragma once
// Shared helpers for the test suites: temporary registries on a fixed clock, and a fingerprint
// of a database's content to prove that a refused action changed nothing.

#include "Clock.h"
#include "Registry.h"

#include <QByteArray>
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

}  // namespace bs::test
