#pragma once
// Registering a signal together with its subject and consent, all or nothing: the form of the
// desktop app saves in one transaction, so a refused subject leaves no half-registered signal.

#include "Result.h"
#include "services/Signals.h"
#include "services/Subjects.h"

#include <optional>

namespace bs::Intake {

Result<QString> registerSignal(Registry& registry, const NewSignal& signal, const std::optional<SubjectInput>& subject,
                               const std::optional<ConsentInput>& consent);

}  // namespace bs::Intake
