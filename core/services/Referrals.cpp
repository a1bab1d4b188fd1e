#include "Referrals.h"

#include "Registry.h"
#include "storage/InsertedId.h"
#include "storage/SqlValues.h"
#include "domain/Codes.h"
#include "domain/Validation.h"
#include "domain/WorkingDays.h"
#include "services/History.h"
#include "services/Lookups.h"
#include "services/OpenAndLate.h"
#include "services/Signals.h"
#include "services/Subjects.h"

using namespace Qt::StringLiterals;

namespace bs::Referrals {

namespace {

// Selects referrals with their late flag (%1); the caller binds its values before its own.
const QString selectReferral = u"SELECT r.id, r.signal_id, s.reference, fp.name, tp.name, r.reason, r.status, r.sent_on,"
                               " r.sent_by, r.respond_by, r.accepted_on, r.complete_by, r.closed_on, r.rejection_reason,"
                               " r.outcome, r.outcome_reason, r.feedback, r.carries_subject, r.override_ground, r.override_reason, %1"
                               " FROM referrals r JOIN signals s ON s.id = r.signal_id JOIN partners tp ON tp.id = r.to_partner_id"
                               " LEFT JOIN partners fp ON fp.id = r.from_partner_id"_s;

ReferralInfo readRow(const QSqlQuery& q, const QDate& today)
{
    ReferralInfo info{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                      q.value(4).toString(),   q.value(5).toString(),   q.value(6).toString(),  q.value(7).toString(),
                      q.value(8).toString(),   q.value(9).toString(),   q.value(10).toString(), q.value(11).toString(),
                      q.value(12).toString(),  q.value(13).toString(),  q.value(14).toString(), q.value(15).toString(),
                      q.value(16).toString(),  q.value(17).toBool(),    q.value(18).toString(), q.value(19).toString(),
                      q.value(20).toBool(),    0};
    if (Workflow::isReferralOpen(info.status))
        info.daysWaiting = WorkingDays::between(QDate::fromString(info.sentOn, Qt::ISODate), today);
    return info;
}

// The open referral of a signal to a partner, or null. There is at most one: the rule is checked
// here and backed by the unique index referrals_one_open.
Result<QVariant> openReferralTo(Database& db, qint64 signalId, qint64 partnerId)
{
    return db.scalar(u"SELECT r.id FROM referrals r WHERE r.signal_id = ? AND r.to_partner_id = ? AND %1"_s
                         .arg(OpenAndLate::referralOpen(u"r"_s)),
                     {signalId, partnerId});
}

Error alreadyReferred(const SignalState& signal, const Partner& to, const QVariant& openId)
{
    const QString number = openId.isNull() ? QString() : u" (#%1)"_s.arg(openId.toString());
    return Error::rule(u"Er loopt al een doorverwijzing van %1 naar %2%3."_s.arg(signal.reference, to.name, number));
}

// Called inside the write transaction: the signal, the partner, the consent and the referrals
// already open are read under the write lock, so another program cannot close the signal or
// send the same referral between the check and the insert.
Result<qint64> addLocked(Registry& registry, const NewReferral& input)
{
    auto signal = Signals::state(registry, input.reference);
    if (!signal.ok())
        return signal.error();
    if (!Workflow::isSignalOpen(signal->status)) {
        return Error::rule(u"Signaal %1 is %2; alleen een open signaal kan worden doorverwezen. Heropen het eerst."_s.arg(
            signal->reference, Codes::signalStatus().label(signal->status).toLower()));
    }
    auto to = Lookups::findPartner(registry, input.toPartner);
    if (!to.ok()) {
        Error error = to.error();
        error.field = u"to"_s;
        return error;
    }
    if (!to->active)
        return Error::rule(u"Partner %1 is niet meer actief en kan geen doorverwijzingen ontvangen."_s.arg(to->name));
    QVariant fromId;
    if (!input.fromPartner.trimmed().isEmpty()) {
        auto from = Lookups::findPartner(registry, input.fromPartner);
        if (!from.ok()) {
            Error error = from.error();
            error.field = u"from"_s;
            return error;
        }
        if (from->id == to->id)
            return Error::invalid(u"to"_s, u"Een partner kan niet naar zichzelf doorverwijzen."_s);
        fromId = from->id;
    }
    auto reason = Validation::text(input.reason, {u"reason"_s, u"Reden van doorverwijzing"_s, true, 2000, true});
    if (!reason.ok())
        return reason.error();

    Database& db = registry.db();
    auto duplicate = openReferralTo(db, signal->id, to->id);
    if (!duplicate.ok())
        return duplicate.error();
    if (!duplicate.value().isNull())
        return alreadyReferred(signal.value(), to.value(), duplicate.value());

    // The consent rule: subject data only travels with consent covering this partner, or with a
    // recorded ground and reason for sharing without it.
    QString overrideGround;
    QString overrideReason;
    if (signal->hasSubject) {
        auto covered = Subjects::consentCovers(db, signal->id, to.value());
        if (!covered.ok())
            return covered.error();
        if (!covered.value()) {
            if (input.overrideGround.isEmpty()) {
                return Error::rule(u"Signaal %1 bevat gegevens van een betrokkene en er is geen toestemming die %2 dekt "
                                   "(toestemming: %3). Leg toestemming vast, of verwijs door met een grond (%4) en een reden."_s
                                       .arg(signal->reference, to->name, signal->consent, Codes::overrideGround().allowedText()));
            }
            BS_TRY(Codes::overrideGround().check(input.overrideGround));
            auto why = Validation::text(input.overrideReason, {u"override_reason"_s, u"Reden om zonder toestemming te delen"_s, true, 1000, true});
            if (!why.ok())
                return why.error();
            overrideGround = input.overrideGround;
            overrideReason = why.value();
        }
    } else if (!input.overrideGround.isEmpty()) {
        return Error::invalid(u"override"_s, u"Een grond om zonder toestemming te delen is alleen nodig als het signaal "
                                             "gegevens van een betrokkene bevat; dit signaal heeft die niet."_s);
    }

    const QDate today = registry.clock().today();
    const QDateTime now = registry.clock().now();
    auto inserted = insertUnlessDuplicate(db,
        u"INSERT INTO referrals (signal_id, from_partner_id, to_partner_id, reason, status, sent_on, sent_by, respond_by,"
        " carries_subject, override_ground, override_reason, updated_at) VALUES (?, ?, ?, ?, 'verstuurd', ?, ?, ?, ?, ?, ?, ?)"_s,
        {signal->id, fromId, to->id, reason.value(), today.toString(Qt::ISODate), registry.actor(),
         WorkingDays::add(today, to->responseDays).toString(Qt::ISODate), signal->hasSubject ? 1 : 0,
         orNull(overrideGround), orNull(overrideReason), History::timestamp(now)});
    if (!inserted.ok())
        return inserted.error();
    if (!inserted->has_value()) {
        // Only a writer that skipped the check above can meet the index; it gets the same answer.
        auto open = openReferralTo(db, signal->id, to->id);
        return alreadyReferred(signal.value(), to.value(), open.ok() ? open.value() : QVariant());
    }
    const qint64 id = inserted->value();
    QString detail = u"Doorverwezen naar %1 (#%2)"_s.arg(to->name).arg(id);
    if (!overrideGround.isEmpty())
        detail += u"; gedeeld zonder toestemming op grond van %1"_s.arg(overrideGround);
    BS_TRY(History::record(db, now, registry.actor(), {signal->id, u"doorverwijzing"_s, detail, reason.value(), id}));
    if (signal->status == u"nieuw"_s) {
        // Referring is working on it: the signal moves along its own status table.
        BS_TRY(db.execute(u"UPDATE signals SET status = 'in_behandeling', updated_at = ? WHERE id = ?"_s,
                          {History::timestamp(now), signal->id}));
        BS_TRY(History::record(db, now, registry.actor(),
                               {signal->id, u"status"_s, u"nieuw → in_behandeling"_s, u"Doorverwezen naar %1"_s.arg(to->name), id}));
    }
    return id;
}

}  // namespace

Result<qint64> add(Registry& registry, const NewReferral& input)
{
    qint64 id = 0;
    BS_TRY(registry.db().write([&]() -> Status {
        auto added = addLocked(registry, input);
        if (!added.ok())
            return added.error();
        id = added.value();
        return {};
    }));
    return id;
}

Result<ReferralInfo> get(Registry& registry, qint64 id)
{
    const SqlCondition late = OpenAndLate::referralLate(u"r"_s, registry.clock().today());
    auto query = registry.db().run(selectReferral.arg(late.sql) + u" WHERE r.id = ?"_s, late.values + QVariantList{id});
    if (!query.ok())
        return query.error();
    if (!query->next())
        return Error::notFound(u"id"_s, u"Onbekende doorverwijzing #%1."_s.arg(id));
    return readRow(query.value(), registry.clock().today());
}

namespace {

// Called inside the write transaction: the referral's status is read under the write lock.
Status transitionLocked(Registry& registry, qint64 id, const QString& toStatus, const Workflow::TransitionInput& input)
{
    auto current = get(registry, id);
    if (!current.ok())
        return current.error();
    BS_TRY(Workflow::checkReferralTransition(current->status, toStatus, input));
    auto text = Validation::text(input.text, {u"note"_s, u"Toelichting / terugkoppeling"_s, false, 4000, true});
    if (!text.ok())
        return text.error();
    auto reason = Validation::text(input.reason, {u"reason"_s, u"Reden"_s, false, 1000, true});
    if (!reason.ok())
        return reason.error();

    Database& db = registry.db();
    const QDate today = registry.clock().today();
    const QDateTime now = registry.clock().now();
    auto completeDays = registry.intSetting(u"referral.complete_days"_s, 20);
    if (!completeDays.ok())
        return completeDays.error();
    const QString todayText = today.toString(Qt::ISODate);
    Result<QSqlQuery> updated = Error::rule(QString());
    if (toStatus == u"geaccepteerd"_s) {
        updated = db.run(u"UPDATE referrals SET status = ?, accepted_on = ?, complete_by = ?, updated_at = ?"
                         " WHERE id = ? AND status = ?"_s,
                         {toStatus, todayText, WorkingDays::add(today, completeDays.value()).toString(Qt::ISODate),
                          History::timestamp(now), id, current->status});
    } else if (toStatus == u"afgewezen"_s) {
        updated = db.run(u"UPDATE referrals SET status = ?, closed_on = ?, rejection_reason = ?, feedback = ?, updated_at = ?"
                         " WHERE id = ? AND status = ?"_s,
                         {toStatus, todayText, input.code, orNull(text.value()), History::timestamp(now), id, current->status});
    } else if (toStatus == u"afgerond"_s) {
        updated = db.run(u"UPDATE referrals SET status = ?, closed_on = ?, outcome = ?, outcome_reason = ?, feedback = ?,"
                         " updated_at = ? WHERE id = ? AND status = ?"_s,
                         {toStatus, todayText, input.code, orNull(reason.value()), text.value(), History::timestamp(now), id,
                          current->status});
    } else {  // ingetrokken
        updated = db.run(u"UPDATE referrals SET status = ?, closed_on = ?, feedback = ?, updated_at = ?"
                         " WHERE id = ? AND status = ?"_s,
                         {toStatus, todayText, text.value(), History::timestamp(now), id, current->status});
    }
    if (!updated.ok())
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return Error::rule(u"Doorverwijzing #%1 is intussen door iemand anders gewijzigd; bekijk haar opnieuw."_s.arg(id));
    // The history is read by people: labels, not codes.
    QString detail = u"Doorverwijzing #%1 naar %2: %3 → %4"_s.arg(id).arg(
        current->toPartner, Codes::referralStatus().label(current->status).toLower(), Codes::referralStatus().label(toStatus).toLower());
    if (!input.code.isEmpty()) {
        const CodeList& codes = toStatus == u"afgewezen"_s ? Codes::rejectionReason() : Codes::referralOutcome();
        detail += u" (%1)"_s.arg(codes.label(input.code).toLower());
    }
    QStringList why;
    if (!text->isEmpty())
        why << text.value();
    if (!reason->isEmpty())
        why << reason.value();
    return History::record(db, now, registry.actor(), {current->signalId, u"doorverwijzing"_s, detail, why.join(u" — "_s), id});
}

}  // namespace

Status transition(Registry& registry, qint64 id, const QString& toStatus, const Workflow::TransitionInput& input)
{
    return registry.db().write([&]() { return transitionLocked(registry, id, toStatus, input); });
}

Result<QList<ReferralInfo>> list(Registry& registry, const ReferralFilter& filter)
{
    QStringList conditions;
    const QDate today = registry.clock().today();
    const SqlCondition late = OpenAndLate::referralLate(u"r"_s, today);
    QVariantList values = late.values;
    if (filter.onlyOpen)
        conditions << OpenAndLate::referralOpen(u"r"_s);
    if (filter.onlyLate) {
        conditions << late.sql;
        values << late.values;
    }
    if (filter.signalId != 0) {
        conditions << u"r.signal_id = ?"_s;
        values << filter.signalId;
    }
    if (filter.limit < 1 || filter.limit > 100000)
        return Error::invalid(u"limit"_s, u"Ongeldig aantal regels %1; toegestaan: 1 t/m 100000."_s.arg(filter.limit));
    values << filter.limit;
    const QString where = conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
    auto query = registry.db().run(selectReferral.arg(late.sql) + where + u" ORDER BY r.sent_on, r.id LIMIT ?"_s, values);
    if (!query.ok())
        return query.error();
    QList<ReferralInfo> list;
    while (query->next())
        list << readRow(query.value(), today);
    return list;
}

}  // namespace bs::Referrals
