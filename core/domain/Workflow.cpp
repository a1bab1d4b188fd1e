#include "Workflow.h"

#include "Codes.h"

using namespace Qt::StringLiterals;

namespace bs::Workflow {

const QList<Transition>& signalTransitions()
{
    static const QList<Transition> table = {
        {u"nieuw"_s, u"in_behandeling"_s, Requirement::None},
        {u"nieuw"_s, u"geannuleerd"_s, Requirement::CancellationCode},
        {u"in_behandeling"_s, u"afgehandeld"_s, Requirement::OutcomeAndText},
        {u"in_behandeling"_s, u"geannuleerd"_s, Requirement::CancellationCode},
        {u"afgehandeld"_s, u"heropend"_s, Requirement::Reason},
        {u"heropend"_s, u"in_behandeling"_s, Requirement::None},
    };
    return table;
}

const QList<Transition>& referralTransitions()
{
    static const QList<Transition> table = {
        {u"verstuurd"_s, u"geaccepteerd"_s, Requirement::None},
        {u"verstuurd"_s, u"afgewezen"_s, Requirement::RejectionCode},
        {u"verstuurd"_s, u"ingetrokken"_s, Requirement::Reason},
        {u"geaccepteerd"_s, u"afgerond"_s, Requirement::OutcomeAndFeedback},
        {u"geaccepteerd"_s, u"ingetrokken"_s, Requirement::Reason},
    };
    return table;
}

namespace {

const Transition* find(const QList<Transition>& table, const QString& from, const QString& to)
{
    for (const auto& transition : table) {
        if (transition.from == from && transition.to == to)
            return &transition;
    }
    return nullptr;
}

QString allowedTargets(const QList<Transition>& table, const QString& from, const CodeList& labels)
{
    QStringList targets;
    for (const auto& transition : table) {
        if (transition.from == from)
            targets << u"%1 (%2)"_s.arg(transition.to, labels.label(transition.to).toLower());
    }
    return targets.isEmpty() ? u"geen: de status is definitief"_s : targets.join(u", "_s);
}

Status checkRequirement(Requirement requirement, const TransitionInput& input)
{
    switch (requirement) {
    case Requirement::None:
        return {};
    case Requirement::Reason:
        if (input.text.trimmed().isEmpty())
            return Error::invalid(u"reason"_s, u"Reden ontbreekt: deze stap vraagt een korte toelichting."_s);
        return {};
    case Requirement::OutcomeAndText:
        BS_TRY(Codes::signalOutcome().check(input.code));
        if (input.text.trimmed().isEmpty())
            return Error::invalid(u"reason"_s, u"Toelichting op de uitkomst ontbreekt: beschrijf kort wat er is bereikt."_s);
        return {};
    case Requirement::CancellationCode:
        return Codes::cancellationReason().check(input.code);
    case Requirement::RejectionCode:
        BS_TRY(Codes::rejectionReason().check(input.code));
        if (input.code == u"anders"_s && input.text.trimmed().isEmpty())
            return Error::invalid(u"note"_s, u"Toelichting ontbreekt: bij reden 'anders' is een toelichting verplicht."_s);
        return {};
    case Requirement::OutcomeAndFeedback:
        BS_TRY(Codes::referralOutcome().check(input.code));
        if (input.text.trimmed().isEmpty())
            return Error::invalid(u"note"_s, u"Terugkoppeling ontbreekt: een doorverwijzing wordt afgerond met terugkoppeling."_s);
        if (input.code == u"niet_geholpen"_s && input.reason.trimmed().isEmpty())
            return Error::invalid(u"reason"_s, u"Reden ontbreekt: zeg waarom de bewoner niet geholpen is."_s);
        return {};
    }
    return {};
}

}  // namespace

Status checkSignalTransition(const QString& from, const QString& to, const TransitionInput& input)
{
    BS_TRY(Codes::signalStatus().check(to));
    const Transition* transition = find(signalTransitions(), from, to);
    if (!transition) {
        return Error::rule(u"Een signaal met status '%1' kan niet naar '%2'. Mogelijk vanuit '%1': %3."_s.arg(
            from, to, allowedTargets(signalTransitions(), from, Codes::signalStatus())));
    }
    return checkRequirement(transition->requirement, input);
}

Status checkReferralTransition(const QString& from, const QString& to, const TransitionInput& input)
{
    BS_TRY(Codes::referralStatus().check(to));
    const Transition* transition = find(referralTransitions(), from, to);
    if (!transition) {
        return Error::rule(u"Een doorverwijzing met status '%1' kan niet naar '%2'. Mogelijk vanuit '%1': %3."_s.arg(
            from, to, allowedTargets(referralTransitions(), from, Codes::referralStatus())));
    }
    return checkRequirement(transition->requirement, input);
}

const QStringList& openSignalStatuses()
{
    static const QStringList statuses = {u"nieuw"_s, u"in_behandeling"_s, u"heropend"_s};
    return statuses;
}

const QStringList& openReferralStatuses()
{
    static const QStringList statuses = {u"verstuurd"_s, u"geaccepteerd"_s};
    return statuses;
}

bool isSignalOpen(const QString& status)
{
    return openSignalStatuses().contains(status);
}

bool isReferralOpen(const QString& status)
{
    return openReferralStatuses().contains(status);
}

Status checkEscalationStep(int currentLevel, int toLevel, int maxLevel, const QString& trigger, const QString& reason)
{
    if (toLevel < 0 || toLevel > maxLevel)
        return Error::invalid(u"to"_s, u"Ongeldige escalatietrede %1. Toegestaan: 0 t/m %2."_s.arg(toLevel).arg(maxLevel));
    if (toLevel == currentLevel)
        return Error::rule(u"Het signaal staat al op trede %1; kies een hogere of lagere trede."_s.arg(toLevel));
    if (reason.trimmed().isEmpty())
        return Error::invalid(u"reason"_s, u"Reden ontbreekt: elke stap op de escalatieladder vraagt een reden."_s);
    if (toLevel < currentLevel)
        return {};  // de-escalation: a reason is enough
    BS_TRY(Codes::escalationTrigger().check(trigger));
    if (toLevel > currentLevel + 1 && trigger != u"veiligheid"_s) {
        return Error::rule(u"Treden overslaan (van %1 naar %2) mag alleen met aanleiding 'veiligheid'. "
                           "Escaleer naar trede %3 of kies aanleiding 'veiligheid'."_s.arg(currentLevel).arg(toLevel).arg(currentLevel + 1));
    }
    return {};
}

}  // namespace bs::Workflow
