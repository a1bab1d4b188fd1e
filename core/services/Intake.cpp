#include "Intake.h"

#include "Registry.h"
#include "domain/Codes.h"

using namespace Qt::StringLiterals;

namespace bs::Intake {

Result<QString> registerSignal(Registry& registry, const NewSignal& signal, const std::optional<SubjectInput>& subject,
                               const std::optional<ConsentInput>& consent)
{
    if ((subject || consent) && !Codes::impactAllowsSubject(signal.impact)) {
        return Error::invalid(u"impact"_s, u"Een betrokkene en toestemming horen alleen bij impactniveau individu of "
                                           "huishouden; kies dat impactniveau of laat de betrokkene leeg."_s);
    }
    QString reference;
    // The inner services each open a write; inside this one they join it, so the whole intake
    // commits or rolls back together.
    BS_TRY(registry.db().write([&]() -> Status {
        auto added = Signals::add(registry, signal);
        if (!added.ok())
            return added.error();
        reference = added.value();
        if (subject)
            BS_TRY(Subjects::set(registry, reference, *subject));
        if (consent)
            BS_TRY(Subjects::setConsent(registry, reference, *consent));
        return {};
    }));
    return reference;
}

}  // namespace bs::Intake
