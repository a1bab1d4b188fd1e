#pragma once
// What people see for the registry's codes and dates. Source texts are English and translated
// through Qt Linguist (Dutch is the default language).

#include <QString>
#include <QStringList>

namespace bs::Labels {

QString signalStatus(const QString& code);
QString referralStatus(const QString& code);
QString urgency(const QString& code);
QString impact(const QString& code);
QString consent(const QString& code);
QString signalOutcome(const QString& code);
QString cancellation(const QString& code);
QString rejection(const QString& code);
QString referralOutcome(const QString& code);
QString trigger(const QString& code);
QString overrideGround(const QString& code);
QString activityKind(const QString& code);
QString accessAction(const QString& code);
QString backupReason(const QString& reason);

// "2026-03-14" -> "14-03-2026"; stored UTC timestamps -> "14-03-2026 10:12" (Dutch local time).
QString date(const QString& isoDate);
QString timestamp(const QString& isoTimestamp, bool withSeconds = false);

}  // namespace bs::Labels
