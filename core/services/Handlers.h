#pragma once
// The handler (behandelaar) of a signal: the one user who carries an open signal. Set on intake
// (by default the person registering), handed over to a colleague with a note, or assigned by a
// coordinator, also for many signals at once. Each change is a history entry, and the new
// handler's queue says who handed it over.

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

class Database;
class Registry;

struct Handler {
    QString login;
    QString displayName;
    QString role;  // medewerker or coordinator
};

struct Assignment {
    QString reference;
    QString login;  // the new handler; empty: none
    QString note;   // required when handing over from one person to another
    // The handler the person saw when they chose to hand over (a desk's own view): when the
    // signal has meanwhile gone to someone else, the hand-over is refused and says to whom.
    // Not set: whoever handles it now.
    std::optional<QString> expectedHandler;
};

namespace Handlers {

constexpr int maxNoteLength = 500;

// The users who can handle signals (active medewerkers and coordinators), by name.
Result<QList<Handler>> candidates(Registry& registry);
// The handler of a new signal registered by the current user: themselves when they can handle
// signals, otherwise none. `asked`: the login chosen on intake (empty: none), or not set.
Result<QString> forIntake(Registry& registry, const std::optional<QString>& asked);
// Inside an open write transaction: sets the handler of signal `signalId` (no history entry;
// the intake's own entry names the handler).
Status setOnIntake(Database& db, qint64 signalId, const QString& login);

// One signal to another handler (or to none), with a history entry, in one transaction.
Status assign(Registry& registry, const Assignment& assignment);
// Many signals to one handler, all or none (a coordinator's bulk assignment from a list).
Status assignMany(Registry& registry, const QStringList& references, const QString& login, const QString& note);

}  // namespace Handlers
}  // namespace bs
