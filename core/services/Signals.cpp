#include "Signals.h"

#include "Registry.h"
#include "storage/SqlValues.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "domain/Validation.h"
#include "domain/WorkingDays.h"
#include "services/Lookups.h"
#include "services/OpenAndLate.h"
#include "services/Handlers.h"
#include "services/SignalWriter.h"

using namespace Qt::StringLiterals;

namespace bs::Signals {

namespace {

Validation::TextRule descriptionRule()
{
    return {u"description"_s, u"Omschrijving"_s, true, maxDescriptionLength, true};
}

Validation::TextRule streetRule()
{
    return {u"street"_s, u"Straat"_s, false, 120, false};
}


Result<int> levelTerm(Database& db, int level)
{
    auto term = db.scalar(u"SELECT term_days FROM escalation_levels WHERE level = ?"_s, {level});
    if (!term.ok())
        return term.error();
    return term.value().toInt();
}

// Called inside the write transaction: the buurt, category and source are looked up under the
// write lock, so a category deactivated by another program is not used after all.
Result<QString> addLocked(Registry& registry, const NewSignal& input)
{
    const QDate today = registry.clock().today();
    auto buurt = Lookups::findBuurt(registry, input.buurt);
    if (!buurt.ok())
        return buurt.error();
    auto category = Lookups::findCategory(registry, input.category, true);
    if (!category.ok())
        return category.error();
    auto source = Lookups::findSource(registry, input.source);
    if (!source.ok())
        return source.error();
    BS_TRY(Codes::impactLevel().check(input.impact));
    BS_TRY(Codes::urgency().check(input.urgency));
    QDate observed = today;
    if (!input.observedOn.trimmed().isEmpty()) {
        auto parsed = Validation::date(input.observedOn, u"observed"_s, u"Datum waarneming"_s, today);
        if (!parsed.ok())
            return parsed.error();
        observed = parsed.value();
    }
    QString followUp;
    if (!input.followUpOn.trimmed().isEmpty()) {
        auto parsed = Validation::date(input.followUpOn, u"follow_up"_s, u"Opvolgdatum"_s);
        if (!parsed.ok())
            return parsed.error();
        followUp = parsed->toString(Qt::ISODate);
    }
    auto street = Validation::text(input.street, streetRule());
    if (!street.ok())
        return street.error();
    auto description = Validation::text(input.description, descriptionRule());
    if (!description.ok())
        return description.error();
    auto externalId = Validation::text(input.externalId, {u"external_id"_s, u"Extern nummer"_s, false, 64, false});
    if (!externalId.ok())
        return externalId.error();
    auto handler = Handlers::forIntake(registry, input.handler);
    if (!handler.ok())
        return handler.error();

    Database& db = registry.db();
    const QDateTime now = registry.clock().now();
    SignalWriter::ReferenceNumbers numbers(db);
    auto reference = numbers.next(today.year());
    if (!reference.ok())
        return reference.error();
    auto term = levelTerm(db, 0);
    if (!term.ok())
        return term.error();
    auto inserter = SignalWriter::Inserter::prepare(db, SignalWriter::Inserter::Id::Returned, u"signaal opslaan"_s);
    if (!inserter.ok())
        return inserter.error();
    SignalWriter::NewSignalRow row;
    row.reference = reference.value();
    row.observedOn = observed.toString(Qt::ISODate);
    row.registeredAt = History::timestamp(now);
    row.registeredBy = registry.actor();
    row.buurtId = buurt->id;
    row.street = street.value();
    row.impact = input.impact;
    row.category = category->code;
    row.source = source->code;
    row.externalId = externalId.value();
    row.urgency = input.urgency;
    row.description = description.value();
    row.followUpOn = followUp;
    row.levelSince = today.toString(Qt::ISODate);
    row.levelDueOn = WorkingDays::add(today, term.value()).toString(Qt::ISODate);
    row.updatedAt = row.registeredAt;
    auto id = inserter->insert(row);
    if (!id.ok()) {
        if (id.error().kind == ErrorKind::Conflict && !externalId->isEmpty())
            return Error::invalid(u"external_id"_s, u"Er is al een signaal met extern nummer %1 van bron %2."_s.arg(externalId.value(), source->code));
        return id.error();
    }
    BS_TRY(numbers.save());
    BS_TRY(Handlers::setOnIntake(db, id.value(), handler.value()));
    BS_TRY(History::record(db, now, registry.actor(),
                           {id.value(), u"aangemaakt"_s,
                            u"Signaal %1 geregistreerd: %2, %3, urgentie %4, behandelaar %5"_s.arg(
                                row.reference, buurt->name, category->name, input.urgency,
                                handler->isEmpty() ? u"geen"_s : handler.value()),
                            {}, 0}));
    return row.reference;
}

// Called inside the write transaction: the signal is read after the write lock is taken, so the
// rules check the signal as it is when it changes, not as it was when this program last read it.
Status editLocked(Registry& registry, const QString& reference, const SignalEdit& change)
{
    auto current = state(registry, reference);
    if (!current.ok())
        return current.error();
    if (!Workflow::isSignalOpen(current->status)) {
        return Error::rule(u"Signaal %1 is %2 en kan niet meer worden gewijzigd; heropen het eerst."_s.arg(
            reference, Codes::signalStatus().label(current->status).toLower()));
    }
    // Each change as column, new value and a line for the history.
    struct Change {
        QString column;
        QVariant value;
        QString detail;
    };
    QList<Change> changes;
    if (change.buurt) {
        auto buurt = Lookups::findBuurt(registry, *change.buurt);
        if (!buurt.ok())
            return buurt.error();
        changes << Change{u"buurt_id"_s, buurt->id, u"buurt → %1"_s.arg(buurt->name)};
    }
    if (change.category) {
        auto category = Lookups::findCategory(registry, *change.category, true);
        if (!category.ok())
            return category.error();
        changes << Change{u"category_code"_s, category->code, u"categorie → %1"_s.arg(category->code)};
    }
    if (change.impact) {
        BS_TRY(Codes::impactLevel().check(*change.impact));
        if (current->hasSubject && !Codes::impactAllowsSubject(*change.impact)) {
            return Error::rule(u"Impactniveau %1 kan geen betrokkene hebben, en dit signaal heeft er een. "
                               "Verwijder eerst de gegevens van de betrokkene."_s.arg(*change.impact));
        }
        changes << Change{u"impact"_s, *change.impact, u"impactniveau → %1"_s.arg(*change.impact)};
    }
    if (change.urgency) {
        BS_TRY(Codes::urgency().check(*change.urgency));
        changes << Change{u"urgency"_s, *change.urgency, u"urgentie → %1"_s.arg(*change.urgency)};
    }
    if (change.street) {
        auto street = Validation::text(*change.street, streetRule());
        if (!street.ok())
            return street.error();
        changes << Change{u"street"_s, orNull(street.value()), u"straat gewijzigd"_s};
    }
    if (change.description) {
        auto description = Validation::text(*change.description, descriptionRule());
        if (!description.ok())
            return description.error();
        changes << Change{u"description"_s, description.value(), u"omschrijving gewijzigd"_s};
    }
    if (change.followUpOn) {
        QVariant value;
        if (!change.followUpOn->trimmed().isEmpty()) {
            auto parsed = Validation::date(*change.followUpOn, u"follow_up"_s, u"Opvolgdatum"_s);
            if (!parsed.ok())
                return parsed.error();
            value = parsed->toString(Qt::ISODate);
        }
        changes << Change{u"follow_up_on"_s, value, u"opvolgdatum → %1"_s.arg(value.isNull() ? u"geen"_s : DutchDates::formatIso(value.toString()))};
    }
    if (changes.isEmpty())
        return Error::invalid(u"edit"_s, u"Er is niets te wijzigen: geef ten minste één veld op."_s);
    auto reason = Validation::text(change.reason, {u"reason"_s, u"Reden"_s, false, 500, false});
    if (!reason.ok())
        return reason.error();

    Database& db = registry.db();
    const QDateTime now = registry.clock().now();
    QStringList assignments;
    QVariantList values;
    QStringList details;
    for (const Change& c : changes) {
        assignments << c.column + u" = ?"_s;  // column names come from the fixed list above
        values << c.value;
        details << c.detail;
    }
    values << History::timestamp(now) << current->id;
    BS_TRY(db.execute(u"UPDATE signals SET %1, updated_at = ? WHERE id = ?"_s.arg(assignments.join(u", "_s)), values));
    return History::record(db, now, registry.actor(), {current->id, u"gewijzigd"_s, details.join(u"; "_s), reason.value(), 0});
}

// Called inside the write transaction, like editLocked: the status and the open referrals are
// read under the write lock.
Status changeStatusLocked(Registry& registry, const QString& reference, const QString& toStatus,
                          const Workflow::TransitionInput& input)
{
    auto current = state(registry, reference);
    if (!current.ok())
        return current.error();
    BS_TRY(Workflow::checkSignalTransition(current->status, toStatus, input));
    auto text = Validation::text(input.text, {u"reason"_s, u"Toelichting"_s, false, 2000, true});
    if (!text.ok())
        return text.error();

    Database& db = registry.db();
    if (toStatus == u"afgehandeld"_s) {
        auto open = db.run(u"SELECT r.id, p.name, r.status FROM referrals r JOIN partners p ON p.id = r.to_partner_id"
                           " WHERE r.signal_id = ? AND %1 ORDER BY r.id"_s.arg(OpenAndLate::referralOpen(u"r"_s)),
                           {current->id});
        if (!open.ok())
            return open.error();
        if (open->next()) {
            return Error::rule(u"Signaal %1 kan niet worden afgehandeld: doorverwijzing #%2 naar %3 staat nog open (%4). "
                               "Rond die doorverwijzing eerst af of trek haar in."_s.arg(
                                   reference, open->value(0).toString(), open->value(1).toString(), open->value(2).toString()));
        }
    }

    const QDateTime now = registry.clock().now();
    const QString today = registry.clock().today().toString(Qt::ISODate);
    QVariant outcome;
    QVariant outcomeText;
    QVariant closedOn;
    if (toStatus == u"afgehandeld"_s || toStatus == u"geannuleerd"_s) {
        outcome = input.code;
        outcomeText = text->isEmpty() ? QVariant() : QVariant(text.value());
        closedOn = today;
    }
    auto updated = db.run(u"UPDATE signals SET status = ?, outcome = ?, outcome_text = ?, closed_on = ?, updated_at = ?"
                          " WHERE id = ? AND status = ?"_s,
                          {toStatus, outcome, outcomeText, closedOn, History::timestamp(now), current->id, current->status});
    if (!updated.ok())
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return Error::rule(u"Signaal %1 is intussen door iemand anders gewijzigd; bekijk het opnieuw."_s.arg(reference));
    // The history is read by people: labels, not codes.
    QString detail = u"%1 → %2"_s.arg(Codes::signalStatus().label(current->status), Codes::signalStatus().label(toStatus).toLower());
    if (!input.code.isEmpty()) {
        const CodeList& codes = toStatus == u"geannuleerd"_s ? Codes::cancellationReason() : Codes::signalOutcome();
        detail += u" (%1)"_s.arg(codes.label(input.code).toLower());
    }
    return History::record(db, now, registry.actor(), {current->id, u"status"_s, detail, text.value(), 0});
}

}  // namespace

Result<QString> add(Registry& registry, const NewSignal& input)
{
    QString reference;
    BS_TRY(registry.db().write([&]() -> Status {
        auto added = addLocked(registry, input);
        if (!added.ok())
            return added.error();
        reference = added.value();
        return {};
    }));
    return reference;
}

Status edit(Registry& registry, const QString& reference, const SignalEdit& change)
{
    return registry.db().write([&]() { return editLocked(registry, reference, change); });
}

Status changeStatus(Registry& registry, const QString& reference, const QString& toStatus,
                    const Workflow::TransitionInput& input)
{
    return registry.db().write([&]() { return changeStatusLocked(registry, reference, toStatus, input); });
}

}  // namespace bs::Signals
