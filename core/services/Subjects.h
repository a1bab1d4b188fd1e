#pragma once
// The person or household a signal is about, and their consent to share with partners. Subject
// data lives in its own table so it can be wiped on its own; history records that it changed,
// never what it was.

#include "Result.h"
#include "storage/SubjectStore.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

class Registry;
class Database;
struct Partner;

struct SubjectInput {
    QString name;
    QString address;
    QString phone;
    QString birthYear;
};

struct Subject {
    QString name;
    QString address;
    QString phone;
    std::optional<int> birthYear;
};

struct ConsentInput {
    QString status;   // gegeven, geweigerd, niet_gevraagd
    QString givenBy;  // who gave it: "betrokkene", "wettelijk vertegenwoordiger", …
    QString givenOn;  // YYYY-MM-DD, default today
    QStringList scope;  // partner names/ids or partner kind codes
};

struct ConsentInfo {
    QString status;
    QString givenBy;
    QString givenOn;
    QStringList scope;  // readable: partner names and "soort: <kind>"
};

namespace Subjects {

Status set(Registry& registry, const QString& reference, const SubjectInput& input);
Status clear(Registry& registry, const QString& reference, const QString& reason);
// Nothing when none was recorded, or when the server does not let this reader see it (and then
// nothing was read or logged). A read that shows subject data is logged by the server.
Result<std::optional<Subject>> get(Registry& registry, qint64 signalId,
                                   SubjectStore::Purpose purpose = SubjectStore::Purpose::Casework);

Status setConsent(Registry& registry, const QString& reference, const ConsentInput& input);
Result<ConsentInfo> consent(Registry& registry, qint64 signalId);

// Whether recorded consent covers sharing with this partner (by name or by kind).
Result<bool> consentCovers(Database& db, qint64 signalId, const Partner& partner);

}  // namespace Subjects
}  // namespace bs
