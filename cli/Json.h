#pragma once
// JSON shapes of the command line's output. Codes, not labels, so scripts can rely on them; dates
// ISO 8601, timestamps ISO 8601 in Dutch local time with their offset (2026-11-27T14:05:00+01:00).

#include "services/Lookups.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bs::cli::Json {

QJsonObject signalRow(const SignalRow& row);
QJsonObject journalEntry(const JournalEntry& entry);
QJsonObject signalDetail(const SignalDetail& detail);
QJsonObject referral(const ReferralInfo& referral);
QJsonObject partner(const Partner& partner);
QJsonObject buurt(const Buurt& buurt);
QJsonObject category(const Category& category);

}  // namespace bs::cli::Json
