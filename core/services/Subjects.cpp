#include "Subjects.h"

#include "Registry.h"
#include "storage/SqlValues.h"
#include "storage/SubjectStore.h"
#include "domain/Codes.h"
#include "domain/Validation.h"
#include "services/History.h"
#include "services/Lookups.h"
#include "services/Signals.h"

using namespace Qt::StringLiterals;

namespace bs::Subjects {

namespace {

Status requirePersonalImpact(const SignalState& signal, const QString& what)
{
    if (!Codes::impactAllowsSubject(signal.impact)) {
        return Error::rule(u"%1 hoort alleen bij signalen op impactniveau individu of huishouden; signaal %2 heeft "
                           "impactniveau %3. Pas eerst het impactniveau aan."_s.arg(what, signal.reference, signal.impact));
    }
    return {};
}
// The three writes below are called inside their write transaction: the signal (its impact
// level, whether it has a subject) is read under the write lock, so it is checked as it is when
// it changes.
Status setLocked(Registry& registry, const QString& reference, const SubjectInput& input)
{
    auto signal = Signals::state(registry, reference);
    if (!signal.ok())
        return signal.error();
    BS_TRY(requirePersonalImpact(signal.value(), u"Een betrokkene"_s));
    auto name = Validation::text(input.name, {u"name"_s, u"Naam betrokkene"_s, false, 120, false});
    if (!name.ok())
        return name.error();
    auto address = Validation::text(input.address, {u"address"_s, u"Adres"_s, false, 160, false});
    if (!address.ok())
        return address.error();
    auto phone = Validation::text(input.phone, {u"phone"_s, u"Telefoon"_s, false, 32, false});
    if (!phone.ok())
        return phone.error();
    if (name->isEmpty() && address->isEmpty() && phone->isEmpty())
        return Error::invalid(u"name"_s, u"Geef ten minste een naam, adres of telefoonnummer van de betrokkene op."_s);
    QVariant birthYear;
    if (!input.birthYear.trimmed().isEmpty()) {
        bool ok = false;
        const int year = input.birthYear.trimmed().toInt(&ok);
        const int thisYear = registry.clock().today().year();
        if (!ok || year < 1900 || year > thisYear)
            return Error::invalid(u"birth_year"_s, u"Ongeldig geboortejaar '%1'; toegestaan: 1900 t/m %2."_s.arg(input.birthYear).arg(thisYear));
        birthYear = year;
    }
    Database& db = registry.db();
    const QDateTime now = registry.clock().now();
    BS_TRY(SubjectStore::write(db, signal->id, {orNull(name.value()), orNull(address.value()), orNull(phone.value()), birthYear},
                               History::timestamp(now), registry.actor()));
    return History::record(db, now, registry.actor(),
                           {signal->id, u"betrokkene"_s,
                            signal->hasSubject ? u"Gegevens betrokkene gewijzigd"_s : u"Gegevens betrokkene vastgelegd"_s, {}, 0});
}

Status clearLocked(Registry& registry, const QString& reference, const QString& reason)
{
    auto signal = Signals::state(registry, reference);
    if (!signal.ok())
        return signal.error();
    if (!signal->hasSubject)
        return Error::rule(u"Signaal %1 heeft geen gegevens van een betrokkene."_s.arg(signal->reference));
    auto why = Validation::text(reason, {u"reason"_s, u"Reden"_s, true, 500, false});
    if (!why.ok())
        return why.error();
    Database& db = registry.db();
    const QDateTime now = registry.clock().now();
    BS_TRY(SubjectStore::remove(db, signal->id));
    BS_TRY(db.execute(u"UPDATE signals SET consent_by = NULL, updated_at = ? WHERE id = ?"_s, {History::timestamp(now), signal->id}));
    return History::record(db, now, registry.actor(), {signal->id, u"betrokkene"_s, u"Gegevens betrokkene gewist"_s, why.value(), 0});
}

Status setConsentLocked(Registry& registry, const QString& reference, const ConsentInput& input)
{
    auto signal = Signals::state(registry, reference);
    if (!signal.ok())
        return signal.error();
    BS_TRY(Codes::consent().check(input.status));
    BS_TRY(requirePersonalImpact(signal.value(), u"Toestemming"_s));
    const QDate today = registry.clock().today();
    struct ScopeItem {
        QVariant partnerId;
        QVariant kind;
        QString label;
    };
    QList<ScopeItem> scope;
    QString givenBy;
    QString givenOn;
    if (input.status == u"gegeven"_s) {
        if (input.scope.isEmpty()) {
            return Error::invalid(u"scope"_s, u"Bereik van de toestemming ontbreekt: noem de partners of soorten partner "
                                              "(%1) waarmee gedeeld mag worden."_s.arg(Codes::partnerKind().allowedText()));
        }
        for (const QString& item : input.scope) {
            if (Codes::partnerKind().contains(item.trimmed())) {
                scope << ScopeItem{QVariant(), item.trimmed(), u"soort: "_s + item.trimmed()};
                continue;
            }
            auto partner = Lookups::findPartner(registry, item);
            if (!partner.ok()) {
                Error error = partner.error();
                error.field = u"scope"_s;
                error.message = u"Bereik: '%1' is geen partner en geen soort partner (%2)."_s.arg(item, Codes::partnerKind().allowedText());
                return error;
            }
            scope << ScopeItem{partner->id, QVariant(), partner->name};
        }
        auto by = Validation::text(input.givenBy.isEmpty() ? u"betrokkene"_s : input.givenBy,
                                   {u"by"_s, u"Gegeven door"_s, true, 80, false});
        if (!by.ok())
            return by.error();
        givenBy = by.value();
        QDate on = today;
        if (!input.givenOn.isEmpty()) {
            auto parsed = Validation::date(input.givenOn, u"on"_s, u"Datum toestemming"_s, today);
            if (!parsed.ok())
                return parsed.error();
            on = parsed.value();
        }
        givenOn = on.toString(Qt::ISODate);
    } else if (!input.scope.isEmpty()) {
        return Error::invalid(u"scope"_s, u"Een bereik hoort alleen bij toestemming 'gegeven'."_s);
    }

    Database& db = registry.db();
    const QDateTime now = registry.clock().now();
    BS_TRY(db.execute(u"UPDATE signals SET consent = ?, consent_by = ?, consent_on = ?, updated_at = ? WHERE id = ?"_s,
                      {input.status, orNull(givenBy), orNull(givenOn), History::timestamp(now), signal->id}));
    BS_TRY(db.execute(u"DELETE FROM consent_scopes WHERE signal_id = ?"_s, {signal->id}));
    QStringList labels;
    for (const ScopeItem& item : scope) {
        BS_TRY(db.execute(u"INSERT INTO consent_scopes (signal_id, partner_id, partner_kind) VALUES (?, ?, ?)"_s,
                          {signal->id, item.partnerId, item.kind}));
        labels << item.label;
    }
    QString detail = u"Toestemming: %1"_s.arg(Codes::consent().label(input.status).toLower());
    if (!labels.isEmpty())
        detail += u" (bereik: %1)"_s.arg(labels.join(u", "_s));
    return History::record(db, now, registry.actor(), {signal->id, u"toestemming"_s, detail, {}, 0});
}

}  // namespace

Status set(Registry& registry, const QString& reference, const SubjectInput& input)
{
    return registry.db().write([&]() { return setLocked(registry, reference, input); });
}

Status clear(Registry& registry, const QString& reference, const QString& reason)
{
    return registry.db().write([&]() { return clearLocked(registry, reference, reason); });
}

Status setConsent(Registry& registry, const QString& reference, const ConsentInput& input)
{
    return registry.db().write([&]() { return setConsentLocked(registry, reference, input); });
}

Result<std::optional<Subject>> get(Registry& registry, qint64 signalId, SubjectStore::Purpose purpose)
{
    auto found = SubjectStore::read(registry.db(), signalId, purpose);
    if (!found.ok())
        return found.error();
    if (!found.value())
        return std::optional<Subject>();
    const SubjectStore::Fields& f = *found.value();
    return std::optional<Subject>(Subject{f.name.toString(), f.address.toString(), f.phone.toString(),
                                          f.birthYear.isNull() ? std::nullopt : std::optional<int>(f.birthYear.toInt())});
}

Result<ConsentInfo> consent(Registry& registry, qint64 signalId)
{
    auto query = registry.db().run(u"SELECT consent, consent_by, consent_on FROM signals WHERE id = ?"_s, {signalId});
    if (!query.ok())
        return query.error();
    ConsentInfo info;
    if (query->next())
        info = {query->value(0).toString(), query->value(1).toString(), query->value(2).toString(), {}};
    auto scope = registry.db().run(u"SELECT p.name, c.partner_kind FROM consent_scopes c LEFT JOIN partners p ON p.id = c.partner_id"
                                   " WHERE c.signal_id = ? ORDER BY c.id"_s,
                                   {signalId});
    if (!scope.ok())
        return scope.error();
    while (scope->next())
        info.scope << (scope->value(1).isNull() ? scope->value(0).toString() : u"soort: "_s + scope->value(1).toString());
    return info;
}

Result<bool> consentCovers(Database& db, qint64 signalId, const Partner& partner)
{
    auto covered = db.scalar(u"SELECT count(*) FROM signals s JOIN consent_scopes c ON c.signal_id = s.id"
                             " WHERE s.id = ? AND s.consent = 'gegeven' AND (c.partner_id = ? OR c.partner_kind = ?)"_s,
                             {signalId, partner.id, partner.kind});
    if (!covered.ok())
        return covered.error();
    return covered.value().toInt() > 0;
}

}  // namespace bs::Subjects
