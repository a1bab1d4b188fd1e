#include "SubjectRights.h"

#include "Registry.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "io/FileErrors.h"
#include "privacy/SubjectData.h"
#include "services/History.h"
#include "services/Journal.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "services/TextSearch.h"
#include "storage/SubjectStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace bs::SubjectRights {

namespace {

Result<QList<SignalState>> resolve(Registry& registry, const QStringList& references)
{
    if (references.isEmpty())
        return Error::invalid(u"reference"_s, u"Geef ten minste één signaalkenmerk op (S-JJJJ-NNNNNN)."_s);
    QList<SignalState> states;
    for (const QString& reference : references) {
        auto state = Signals::state(registry, reference.trimmed());
        if (!state.ok())
            return state.error();
        states << state.value();
    }
    return states;
}

QJsonObject referralJson(Registry& registry, qint64 signalId)
{
    QJsonArray list;
    auto query = registry.db().run(u"SELECT p.name, r.reason, r.status, r.sent_on, r.sent_by, r.accepted_on, r.closed_on,"
                                   " r.rejection_reason, r.outcome, r.outcome_reason, r.feedback, r.carries_subject,"
                                   " r.override_ground, r.override_reason FROM referrals r JOIN partners p ON p.id = r.to_partner_id"
                                   " WHERE r.signal_id = ? ORDER BY r.id"_s,
                                   {signalId});
    if (query.ok()) {
        const QStringList keys = {u"partner"_s, u"reden"_s, u"status"_s, u"verstuurd"_s, u"verstuurd_door"_s, u"geaccepteerd"_s,
                                  u"afgesloten"_s, u"reden_afwijzing"_s, u"uitkomst"_s, u"toelichting_uitkomst"_s,
                                  u"terugkoppeling"_s, u"met_persoonsgegevens"_s, u"grond_zonder_toestemming"_s,
                                  u"toelichting_grond"_s};
        while (query->next()) {
            QJsonObject referral;
            for (int i = 0; i < keys.size(); ++i) {
                if (!query->value(i).isNull())
                    referral.insert(keys.at(i), QJsonValue::fromVariant(query->value(i)));
            }
            list.append(referral);
        }
    }
    return QJsonObject{{u"doorverwijzingen"_s, list}};
}

}  // namespace

Result<QList<SubjectMatch>> search(Registry& registry, const QString& text)
{
    BS_TRY(Access::require(registry, Permission::Retention));
    const QString needle = text.trimmed();
    if (needle.size() < 2)
        return Error::invalid(u"text"_s, u"Zoektekst te kort: geef minstens 2 tekens van naam, adres of telefoonnummer."_s);
    const SqlCondition matching = SubjectStore::matching(registry.db(), TextSearch::containsPattern(needle));
    auto query = registry.db().run(u"SELECT s.reference, j.name, j.address, j.phone, j.birth_year, s.observed_on, s.status"
                                   " FROM %1 j JOIN signals s ON s.id = j.signal_id"
                                   " ORDER BY s.observed_on DESC LIMIT 500"_s.arg(matching.sql),
                                   matching.values);
    if (!query.ok())
        return query.error();
    QList<SubjectMatch> matches;
    while (query->next()) {
        matches << SubjectMatch{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                                query->value(3).toString(), query->value(4).toInt(), query->value(5).toString(),
                                query->value(6).toString()};
    }
    BS_TRY(AccessLog::record(registry, AccessAction::Searched, 0,
                             u"betrokkene gezocht: '%1', %2 treffers"_s.arg(needle).arg(matches.size())));
    return matches;
}

Status inzage(Registry& registry, const QStringList& references, const QString& path)
{
    BS_TRY(Access::require(registry, Permission::Retention));
    auto states = resolve(registry, references);
    if (!states.ok())
        return states.error();
    QJsonArray signalsJson;
    for (const SignalState& state : states.value()) {
        auto detail = Signals::detail(registry, state.reference, SubjectStore::Purpose::Inzage);
        if (!detail.ok())
            return detail.error();
        const SignalDetail& d = detail.value();
        QJsonObject signal{{u"kenmerk"_s, d.reference}, {u"waargenomen"_s, d.observedOn},
                           {u"geregistreerd"_s, DutchDates::isoWithOffset(d.registeredAt)},
                           {u"geregistreerd_door"_s, d.registeredBy}, {u"buurt"_s, d.buurt}, {u"straat"_s, d.street},
                           {u"categorie"_s, d.categoryName}, {u"bron"_s, d.sourceName}, {u"omschrijving"_s, d.description},
                           {u"status"_s, Codes::signalStatus().label(d.status)}, {u"afgesloten"_s, d.closedOn}, {u"uitkomst"_s, d.outcomeText}};
        if (d.subject) {
            signal.insert(u"betrokkene"_s, QJsonObject{{u"naam"_s, d.subject->name}, {u"adres"_s, d.subject->address},
                                                       {u"telefoon"_s, d.subject->phone},
                                                       {u"geboortejaar"_s, d.subject->birthYear ? *d.subject->birthYear : QJsonValue()}});
        }
        signal.insert(u"toestemming"_s, QJsonObject{{u"status"_s, Codes::consent().label(d.consent.status)},
                                                    {u"gegeven_door"_s, d.consent.givenBy},
                                                    {u"datum"_s, d.consent.givenOn},
                                                    {u"reikwijdte"_s, QJsonArray::fromStringList(d.consent.scope)}});
        signal.insert(u"doorverwijzingen"_s, referralJson(registry, state.id).value(u"doorverwijzingen"_s));
        QJsonArray history;
        for (const HistoryEntry& entry : d.history) {
            history.append(QJsonObject{{u"moment"_s, DutchDates::isoWithOffset(entry.at)}, {u"door"_s, entry.actor},
                                       {u"handeling"_s, entry.action},
                                       {u"wat"_s, entry.detail}, {u"reden"_s, entry.reason}});
        }
        signal.insert(u"geschiedenis"_s, history);
        // The contacts about the person belong to what is held about them (AVG art. 15).
        QJsonArray journal;
        for (const JournalEntry& entry : d.journal) {
            QJsonObject line{{u"datum"_s, entry.happenedOn}, {u"soort"_s, Journal::kindLabel(entry.kind)},
                             {u"geschreven"_s, DutchDates::isoWithOffset(entry.writtenAt)}, {u"door"_s, entry.author},
                             {u"tekst"_s, entry.text.isEmpty() ? u"[tekst gewist]"_s : entry.text}};
            if (entry.corrects)
                line.insert(u"verbetert"_s, entry.corrects);
            journal.append(line);
        }
        signal.insert(u"journaal"_s, journal);
        signalsJson.append(signal);
    }
    const QJsonObject document{{u"inzage"_s, u"Buurtsignaal: alle gegevens over de betrokkene bij deze signalen"_s},
                               {u"gemaakt"_s, History::timestamp(registry.clock().now())},
                               {u"gemaakt_door"_s, registry.actor()},
                               {u"signalen"_s, signalsJson}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(u"out"_s, u"Het inzagebestand %1 kan niet worden geschreven: %2."_s.arg(path, FileErrors::reason(file, FileErrors::Purpose::Write)));
    file.write(QJsonDocument(document).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::invalid(u"out"_s, u"Het inzagebestand %1 kon niet worden opgeslagen: %2."_s.arg(path, FileErrors::reason(file, FileErrors::Purpose::Write)));
    Database& db = registry.db();
    return db.write([&]() -> Status {
        for (const SignalState& state : states.value())
            BS_TRY(AccessLog::record(registry, AccessAction::Inzage, state.id, u"inzage-export naar %1"_s.arg(path)));
        return {};
    });
}

Status erase(Registry& registry, const QStringList& references, const QString& reason)
{
    BS_TRY(Access::require(registry, Permission::Retention));
    if (reason.trimmed().size() < 5)
        return Error::invalid(u"reason"_s, u"Reden ontbreekt: noem het verzoek (bijvoorbeeld 'verzoek betrokkene, brief 12-11-2026')."_s);
    auto states = resolve(registry, references);
    if (!states.ok())
        return states.error();
    QList<qint64> ids;
    QStringList refs;
    for (const SignalState& state : states.value()) {
        ids << state.id;
        refs << state.reference;
    }
    Database& db = registry.db();
    const QDateTime now = registry.clock().now();
    return db.write([&]() -> Status {
        BS_TRY(SubjectData::wipe(db, ids, SubjectData::Scope::SubjectAndFreeText, now, registry.actor(), reason.trimmed()));
        // The wipe wrote the access-log entry of each signal.
        return db.execute(u"INSERT INTO retention_log (at, actor, kind, signals, detail) VALUES (?, ?, 'verzoek', ?, ?)"_s,
                          {History::timestamp(now), registry.actor(), ids.size(), u"%1 (%2)"_s.arg(refs.join(u", "_s), reason.trimmed())});
    });
}

}  // namespace bs::SubjectRights
