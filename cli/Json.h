#pragma once
// JSON shapes of the command line's output. Codes, not labels, so scripts can rely on them.

#include "services/Lookups.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bs::cli::Json {

QJsonObject signalRow(const SignalRow& row);
QJsonObject signalDetail(const SignalDetail& detail);
QJsonObject referral(const ReferralInfo& referral);
QJsonObject partner(const Partner& partner);
QJsonObject buurt(const Buurt& buurt);
QJsonObject category(const Category& category);

}  // namespace bs::cli::Json
