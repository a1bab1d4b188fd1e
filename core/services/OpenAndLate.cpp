#include "OpenAndLate.h"

#include "domain/Workflow.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace bs::OpenAndLate {

namespace {

QString statusIn(const QString& alias, const QStringList& statuses)
{
    QStringList quoted;
    for (const QString& status : statuses)
        quoted << u'\'' + status + u'\'';  // workflow codes: lower-case letters and _ only
    return u"%1.status IN (%2)"_s.arg(alias, quoted.join(u','));
}

}  // namespace

QString signalOpen(const QString& alias)
{
    return statusIn(alias, Workflow::openSignalStatuses());
}

QString referralOpen(const QString& alias)
{
    return statusIn(alias, Workflow::openReferralStatuses());
}

SqlCondition referralLate(const QString& alias, const QDate& today)
{
    const QString day = today.toString(Qt::ISODate);
    return {u"((%1.status = 'verstuurd' AND %1.respond_by < ?) OR (%1.status = 'geaccepteerd' AND %1.complete_by < ?))"_s.arg(alias),
            {day, day}};
}

SqlCondition termsPassed(const QString& alias, const QDate& today)
{
    const QString day = today.toString(Qt::ISODate);
    // The referrals as a set the engine builds once and probes by id.
    const SqlCondition referral = referralLate(u"late_r"_s, today);
    return {u"(%1.level_due_on < ? OR %1.follow_up_on < ? OR %1.id IN (SELECT late_r.signal_id FROM referrals late_r WHERE %2 AND %3))"_s
                .arg(alias, referralOpen(u"late_r"_s), referral.sql),
            QVariantList{day, day} + referral.values};
}

SqlCondition levelTermPassed(const QString& alias, const QDate& today)
{
    return {u"%1.level_due_on < ?"_s.arg(alias), {today.toString(Qt::ISODate)}};
}

SqlCondition signalLate(const QString& alias, const QDate& today)
{
    const SqlCondition terms = termsPassed(alias, today);
    return {u"(%1 AND %2)"_s.arg(signalOpen(alias), terms.sql), terms.values};
}

SqlCondition signalStalled(const QString& alias, const QDate& today)
{
    const SqlCondition term = levelTermPassed(alias, today);
    return {u"(%1 AND %2)"_s.arg(signalOpen(alias), term.sql), term.values};
}

}  // namespace bs::OpenAndLate
