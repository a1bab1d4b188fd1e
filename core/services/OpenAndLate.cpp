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

SqlCondition signalLate(const QString& alias, const QDate& today)
{
    const QString day = today.toString(Qt::ISODate);
    // The referrals as a set the engine builds once and probes by id.
    const SqlCondition referral = referralLate(u"late_r"_s, today);
    return {u"(%1 AND (%2.level_due_on < ? OR %2.follow_up_on < ? OR %2.id IN (SELECT late_r.signal_id FROM referrals late_r WHERE %3)))"_s
                .arg(signalOpen(alias), alias, referral.sql),
            QVariantList{day, day} + referral.values};
}

SqlCondition signalStalled(const QString& alias, const QDate& today)
{
    return {u"(%1 AND %2.level_due_on < ?)"_s.arg(signalOpen(alias), alias), {today.toString(Qt::ISODate)}};
}

}  // namespace bs::OpenAndLate
