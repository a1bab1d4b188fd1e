#pragma once
// The rights of a person a signal is about (AVG): find every signal that holds their data, give
// them everything held (inzage, as a JSON file) and erase it on request. Beheerder only; each
// step is written to the access log.

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bs {

class Registry;

struct SubjectMatch {
    QString reference;
    QString name;
    QString address;
    QString phone;
    int birthYear = 0;
    QString observedOn;
    QString status;
};

namespace SubjectRights {

// Signals whose subject name, address or phone contains `text` (at least 2 characters).
Result<QList<SubjectMatch>> search(Registry& registry, const QString& text);

// Everything held on the subjects of these signals: the person, consent, the signal's fields,
// referrals and history. Written atomically to `path` as UTF-8 JSON.
Status inzage(Registry& registry, const QStringList& references, const QString& path);

// Wipes subject data and the free texts of these signals; `reason` is required (e.g. "verzoek
// van betrokkene, brief 12-11-2026").
Status erase(Registry& registry, const QStringList& references, const QString& reason);

}  // namespace SubjectRights
}  // namespace bs
