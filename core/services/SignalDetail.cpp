#include "SignalDetail.h"

#include "services/Journal.h"

#include "Registry.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "domain/Workflow.h"
#include "domain/WorkingDays.h"
#include "services/Signals.h"

using namespace Qt::StringLiterals;

namespace bs::Signals {

Result<SignalDetail> detail(Registry& registry, const QString& reference, SubjectStore::Purpose purpose)
{
    BS_TRY(Access::require(registry, Permission::ViewSignals));
    auto signal = state(registry, reference);
    if (!signal.ok())
        return signal.error();
    BS_TRY(AccessLog::record(registry, AccessAction::Viewed, signal->id, {}));
    auto query = registry.db().run(
        u"SELECT s.reference, s.observed_on, s.registered_at, s.registered_by, b.name, s.street, s.impact, c.theme_code,"
        " t.name, s.category_code, c.name, s.source_code, s.external_id, s.urgency, s.description, s.follow_up_on,"
        " s.status, s.escalation_level, l.name, s.level_since, s.level_due_on, s.outcome, s.outcome_text, s.closed_on,"
        " coalesce(src.name, s.source_code), coalesce(s.handler, ''), coalesce(h.display_name, s.handler, ''),"
        " coalesce(s.handed_over_by, ''), coalesce(o.display_name, s.handed_over_by, '')"
        " FROM signals s JOIN buurten b ON b.id = s.buurt_id JOIN categories c ON c.code = s.category_code"
        " LEFT JOIN sources src ON src.code = s.source_code"
        " LEFT JOIN users h ON h.login = s.handler LEFT JOIN users o ON o.login = s.handed_over_by"
        " JOIN themes t ON t.code = c.theme_code JOIN escalation_levels l ON l.level = s.escalation_level"
        " WHERE s.id = ?"_s,
        {signal->id});
    if (!query.ok())
        return query.error();
    if (!query->next())
        return Error::notFound(u"reference"_s, u"Onbekend signaal '%1'."_s.arg(reference));
    SignalDetail d;
    d.id = signal->id;
    int i = 0;
    auto next = [&]() { return query->value(i++).toString(); };
    d.reference = next();
    d.observedOn = next();
    d.registeredAt = next();
    d.registeredBy = next();
    d.buurt = next();
    d.street = next();
    d.impact = next();
    d.themeCode = next();
    d.themeName = next();
    d.category = next();
    d.categoryName = next();
    d.source = next();
    d.externalId = next();
    d.urgency = next();
    d.description = next();
    d.followUpOn = next();
    d.status = next();
    d.level = query->value(i++).toInt();
    d.levelName = next();
    d.levelSince = next();
    d.levelDueOn = next();
    d.outcome = next();
    d.outcomeText = next();
    d.closedOn = next();
    d.sourceName = next();
    d.handler = next();
    d.handlerName = next();
    d.handedOverBy = next();
    d.handedOverByName = next();
    const QDate today = registry.clock().today();
    if (!d.levelDueOn.isEmpty()) {
        d.workingDaysLeft = WorkingDays::between(today, QDate::fromString(d.levelDueOn, Qt::ISODate));
        d.stalled = Workflow::isSignalOpen(d.status) && d.levelDueOn < today.toString(Qt::ISODate);
    }

    auto consent = Subjects::consent(registry, d.id);
    if (!consent.ok())
        return consent.error();
    d.consent = consent.value();
    auto subject = Subjects::get(registry, d.id, purpose);
    if (!subject.ok())
        return subject.error();
    d.subject = subject.value();
    d.subjectHidden = !d.subject && signal->hasSubject;
    auto journal = Journal::forSignalId(registry.db(), d.id);
    if (!journal.ok())
        return journal.error();
    d.journal = journal.value();
    auto history = History::forSignal(registry.db(), d.id);
    if (!history.ok())
        return history.error();
    d.history = history.value();
    ReferralFilter filter;
    filter.signalId = d.id;
    auto referrals = Referrals::list(registry, filter);
    if (!referrals.ok())
        return referrals.error();
    d.referrals = referrals.value();
    auto escalations = Escalations::forSignal(registry, d.id);
    if (!escalations.ok())
        return escalations.error();
    d.escalations = escalations.value();
    return d;
}

}  // namespace bs::Signals
