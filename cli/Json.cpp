#include "Json.h"

#include "domain/DutchDates.h"

using namespace Qt::StringLiterals;

namespace bs::cli::Json {

namespace {
QJsonValue orNull(const QString& value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}
}  // namespace

QJsonObject signalRow(const SignalRow& row)
{
    return {{u"reference"_s, row.reference},     {u"observed_on"_s, row.observedOn},
            {u"buurt"_s, row.buurt},             {u"theme"_s, row.themeCode},
            {u"category"_s, row.category},       {u"urgency"_s, row.urgency},
            {u"status"_s, row.status},           {u"escalation_level"_s, row.level},
            {u"open_referrals"_s, row.openReferrals}, {u"late"_s, row.late},
            {u"handler"_s, orNull(row.handler)},   {u"handed_over_by"_s, orNull(row.handedOverBy)},
            {u"follow_up_on"_s, orNull(row.followUpOn)}};
}

QJsonObject journalEntry(const JournalEntry& e)
{
    return {{u"id"_s, e.id},
            {u"kind"_s, e.kind},
            {u"happened_on"_s, e.happenedOn},
            {u"written_at"_s, DutchDates::isoWithOffset(e.writtenAt)},
            {u"author"_s, e.author},
            {u"text"_s, e.text},
            {u"blanked"_s, e.text.isEmpty()},
            {u"names_person"_s, e.namesPerson},
            {u"corrects"_s, e.corrects != 0 ? QJsonValue(e.corrects) : QJsonValue()},
            {u"corrected_by"_s, e.correctedBy != 0 ? QJsonValue(e.correctedBy) : QJsonValue()}};
}

QJsonObject referral(const ReferralInfo& r)
{
    return {{u"id"_s, r.id},
            {u"signal"_s, r.signalReference},
            {u"from"_s, orNull(r.fromPartner)},
            {u"to"_s, r.toPartner},
            {u"reason"_s, r.reason},
            {u"status"_s, r.status},
            {u"sent_on"_s, r.sentOn},
            {u"sent_by"_s, r.sentBy},
            {u"respond_by"_s, r.respondBy},
            {u"accepted_on"_s, orNull(r.acceptedOn)},
            {u"complete_by"_s, orNull(r.completeBy)},
            {u"closed_on"_s, orNull(r.closedOn)},
            {u"rejection_reason"_s, orNull(r.rejectionReason)},
            {u"outcome"_s, orNull(r.outcome)},
            {u"outcome_reason"_s, orNull(r.outcomeReason)},
            {u"feedback"_s, orNull(r.feedback)},
            {u"carries_subject"_s, r.carriesSubject},
            {u"override_ground"_s, orNull(r.overrideGround)},
            {u"override_reason"_s, orNull(r.overrideReason)},
            {u"late"_s, r.late},
            {u"working_days_waiting"_s, r.daysWaiting}};
}

QJsonObject signalDetail(const SignalDetail& d)
{
    QJsonArray history;
    for (const HistoryEntry& entry : d.history) {
        history.append(QJsonObject{{u"at"_s, DutchDates::isoWithOffset(entry.at)},
                                   {u"actor"_s, entry.actor},
                                   {u"action"_s, entry.action},
                                   {u"detail"_s, entry.detail},
                                   {u"reason"_s, orNull(entry.reason)}});
    }
    QJsonArray referrals;
    for (const ReferralInfo& r : d.referrals)
        referrals.append(referral(r));
    QJsonArray journal;
    for (const JournalEntry& e : d.journal)
        journal.append(journalEntry(e));
    QJsonArray escalations;
    for (const EscalationStepInfo& step : d.escalations) {
        escalations.append(QJsonObject{{u"from_level"_s, step.fromLevel},
                                       {u"to_level"_s, step.toLevel},
                                       {u"trigger"_s, orNull(step.trigger)},
                                       {u"reason"_s, step.reason},
                                       {u"at"_s, DutchDates::isoWithOffset(step.at)},
                                       {u"by"_s, step.by}});
    }
    QJsonObject subject;
    if (d.subject) {
        subject = {{u"name"_s, orNull(d.subject->name)},
                   {u"address"_s, orNull(d.subject->address)},
                   {u"phone"_s, orNull(d.subject->phone)},
                   {u"birth_year"_s, d.subject->birthYear ? QJsonValue(*d.subject->birthYear) : QJsonValue()}};
    }
    return {{u"reference"_s, d.reference},
            {u"observed_on"_s, d.observedOn},
            {u"registered_at"_s, DutchDates::isoWithOffset(d.registeredAt)},
            {u"registered_by"_s, d.registeredBy},
            {u"buurt"_s, d.buurt},
            {u"street"_s, orNull(d.street)},
            {u"impact"_s, d.impact},
            {u"theme"_s, d.themeCode},
            {u"category"_s, d.category},
            {u"source"_s, d.source},
            {u"external_id"_s, orNull(d.externalId)},
            {u"urgency"_s, d.urgency},
            {u"description"_s, d.description},
            {u"follow_up_on"_s, orNull(d.followUpOn)},
            {u"status"_s, d.status},
            {u"handler"_s, orNull(d.handler)},
            {u"handed_over_by"_s, orNull(d.handedOverBy)},
            {u"outcome"_s, orNull(d.outcome)},
            {u"outcome_text"_s, orNull(d.outcomeText)},
            {u"closed_on"_s, orNull(d.closedOn)},
            {u"escalation"_s, QJsonObject{{u"level"_s, d.level},
                                          {u"name"_s, d.levelName},
                                          {u"since"_s, d.levelSince},
                                          {u"due_on"_s, orNull(d.levelDueOn)},
                                          {u"stalled"_s, d.stalled}}},
            {u"consent"_s, QJsonObject{{u"status"_s, d.consent.status},
                                       {u"given_by"_s, orNull(d.consent.givenBy)},
                                       {u"given_on"_s, orNull(d.consent.givenOn)},
                                       {u"scope"_s, QJsonArray::fromStringList(d.consent.scope)}}},
            {u"subject"_s, d.subject ? QJsonValue(subject) : QJsonValue()},
            {u"history"_s, history},
            {u"referrals"_s, referrals},
            {u"escalations"_s, escalations},
            {u"journal"_s, journal}};
}

QJsonObject partner(const Partner& p)
{
    return {{u"id"_s, p.id},           {u"name"_s, p.name},
            {u"formal"_s, p.formal},   {u"kind"_s, p.kind},
            {u"response_days"_s, p.responseDays}, {u"active"_s, p.active},
            {u"joined_on"_s, orNull(p.joinedOn)}, {u"last_verified_on"_s, orNull(p.lastVerifiedOn)}};
}

QJsonObject buurt(const Buurt& b)
{
    return {{u"id"_s, b.id},
            {u"name"_s, b.name},
            {u"wijk"_s, orNull(b.wijkCode)},
            {u"cbs_code"_s, orNull(b.cbsCode)},
            {u"population"_s, b.population ? QJsonValue(*b.population) : QJsonValue()},
            {u"prioritised"_s, b.prioritised},
            {u"active_since"_s, b.activeSince ? QJsonValue(*b.activeSince) : QJsonValue()}};
}

QJsonObject category(const Category& c)
{
    return {{u"code"_s, c.code}, {u"name"_s, c.name}, {u"theme"_s, c.themeCode}, {u"theme_name"_s, c.themeName}, {u"active"_s, c.active}};
}

}  // namespace bs::cli::Json
