#pragma once
// One desk working on a registry through the core services, as the soak test (tst_soak) and the
// load tool (buurtsignaal-load) drive it from many processes at once: it registers signals,
// changes their status, refers, accepts, escalates, writes journal entries, lists queues, reads
// details and computes the dashboard figures, in a chosen mix and with a chosen think time.
//
// Every operation is printed on its own line, flushed at once, so what was acknowledged before a
// kill or a server crash is on record (DeskLedger reads it back):
//   OK <kind> <microseconds> [what was written]     FOUT <kind> <message>
//   VERBROKEN <kind> <microseconds>                  the server went away during the operation
//   HERSTELD <microseconds>                          connected again after that
//   STAND <reference> <status> <level> <referral> <accepted>   a signal as stored, read again
//                                                    after a write whose answer was lost
//   NOTITIE <text>                                   a journal entry found stored after that
//   HOUDT <reference>                                added in a transaction that never commits
// A write whose answer was lost in a crash may or may not have been committed; the desk does what
// a person does once the "verbinding verbroken" band is gone: it looks at the signal again.

#include "Registry.h"

#include <QRandomGenerator>
#include <QString>

#include <functional>
#include <vector>

namespace bs::test {

// Relative weights of the operations (they need not add up to 100) and the mean pause between
// two operations (exponentially distributed, as a person's), 0 for none.
struct DeskMix {
    int registerSignal = 0;
    int changeStatus = 0;
    int refer = 0;
    int accept = 0;
    int escalate = 0;
    int journal = 0;
    int listQueue = 0;
    int readDetail = 0;
    int dashboard = 0;
    int thinkMs = 0;

    // The soak: writes first, no pauses (tst_soak).
    static DeskMix soak();
    // A welfare desk: 80 % reads (queues, details, dashboard), 20 % writes (intake, status,
    // referral, acceptance, journal, escalation), a second's pause on average.
    static DeskMix desk();
};

// The operations a desk does that write, as named on its output lines.
const QStringList& deskWriteKinds();

class DeskClient {
public:
    // `name` goes into the texts the desk writes ("Bureau <name>, signaal <n>"), so that what it
    // wrote can be found again and told apart from other runs' (DeskLedger::deskPrefix).
    DeskClient(Registry& registry, quint32 seed, QString name, DeskMix mix);

    void runFor(qint64 milliseconds);
    // Adds a signal inside a write transaction and stays in it: the harness kills the process there.
    void holdATransaction();

    static const QString& neverCommitted();

private:
    struct OwnSignal {
        QString reference;
        QString status = QStringLiteral("nieuw");
        int level = 0;
        qint64 referral = 0;  // the referral sent for it (at most one), 0: none
        bool accepted = false;
    };

    void step();
    void think();
    // Times `operation` and prints its line. On a lost connection: waits until connected again,
    // then `resolve` finds out what was stored.
    bool timed(const QString& kind, const std::function<Status(QString& written)>& operation,
               const std::function<void()>& resolve = {});
    void reconnect();
    // After a write whose answer was lost: what is stored for `signal` now.
    void readBack(OwnSignal& signal);
    OwnSignal* pick(const std::function<bool(const OwnSignal&)>& fits);

    void registerSignal();
    void changeStatus();
    void refer();
    void accept();
    void escalate();
    void writeJournal();
    void listQueue();
    void readDetail();
    void dashboard();

    Registry& m_registry;
    QRandomGenerator m_rng;
    QString m_name;
    DeskMix m_mix;
    int m_written = 0;  // numbers the texts this desk writes, so each can be found again
    std::vector<OwnSignal> m_mine;
};

// Prints one line of a desk's output (flushed at once).
void deskSay(const QString& line);

}  // namespace bs::test
