#pragma once
// The access log, in the spirit of NEN 7513: who viewed, created, changed, exported, printed or
// searched which signal, and when. Creations and changes are logged by the database itself (a
// trigger on the history); views, searches, exports, prints, inzage, erasure and refusals by the
// services. The table is append-only; entries older than the retention setting may be purged.

#include "Result.h"
#include "access/PendingLog.h"

#include <QDate>
#include <QList>
#include <QString>

namespace bs {

class Registry;

enum class AccessAction { Viewed, Created, Changed, Exported, Printed, Searched, Inzage, Erased, Denied, Admin };

struct AccessEntry {
    qint64 id = 0;
    QString at;  // ISO 8601 UTC
    QString actor;
    QString role;
    QString action;     // code: bekeken, aangemaakt, gewijzigd, geexporteerd, afgedrukt, gezocht, inzage, gewist, geweigerd, beheer
    QString reference;  // of the signal, empty when the entry is not about one signal
    QString detail;
};

struct AccessFilter {
    QString actor;
    QString action;  // code, empty for all
    QString reference;
    QDate from;      // inclusive, Dutch days (as the times are shown)
    QDate to;
    int limit = 500;
    int offset = 0;
};

namespace AccessLog {

QString actionCode(AccessAction action);
QStringList actionCodes();

// The entry for the registry's user, to be written with other log rows in one go.
Result<LogRow> entry(Registry& registry, AccessAction action, qint64 signalId, const QString& detail);
// Writes one entry for the registry's user: inside the caller's transaction, at once, or (when
// another program holds the write lock, or the connection is read-only) through the PendingLog.
Status record(Registry& registry, AccessAction action, qint64 signalId, const QString& detail);

// Newest first; beheerder only.
Result<QList<AccessEntry>> list(Registry& registry, const AccessFilter& filter);
Result<qint64> count(Registry& registry, const AccessFilter& filter);

// Deletes entries older than the setting access_log.months (at least 6); returns how many.
// Recorded in the retention log. Beheerder only.
Result<qint64> purge(Registry& registry);

}  // namespace AccessLog
}  // namespace bs
