#pragma once
// What the beheerder keeps up to date: partners, buurten, categories, the escalation terms, and
// the activities register. Names and codes are checked the same way as everywhere else.

#include "Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace bs {

class Registry;

struct PartnerInput {
    qint64 id = 0;  // 0: a new partner
    QString name;
    bool formal = true;
    QString kind;
    QString contact;
    QString services;
    QString themes;       // theme codes, comma separated
    int responseDays = 10;
    QString joinedOn;     // YYYY-MM-DD or empty
    QString lastVerifiedOn;
    bool active = true;
};

struct BuurtInput {
    qint64 id = 0;  // 0: a new buurt
    QString name;
    QString cbsCode;   // BU + 8 digits, or empty until known
    QString wijkCode;  // WK + 6 digits, or empty
    QString population;
    bool prioritised = false;
    QString activeSince;  // year
};

struct ActivityInput {
    QString heldOn;
    QString buurt;  // name, or empty for the whole municipality
    QString kind;
    QString title;
    QString participants;
    QString organisations;
    bool selfOrganised = false;
    QString budgetEuros;  // residents' initiatives only
    QStringList partners;
};

struct ActivityRow {
    qint64 id = 0;
    QString heldOn;
    QString buurt;
    QString kind;
    QString title;
    int participants = 0;
    int organisations = 0;
    bool selfOrganised = false;
    std::optional<qint64> budgetCents;
    QString partners;
};

namespace ReferenceAdmin {

Result<qint64> savePartner(Registry& registry, const PartnerInput& input);
Result<qint64> saveBuurt(Registry& registry, const BuurtInput& input);
Status addCategory(Registry& registry, const QString& code, const QString& themeCode, const QString& name);
Status renameCategory(Registry& registry, const QString& code, const QString& name);
Status setCategoryActive(Registry& registry, const QString& code, bool active);
// A source meldingen come from (an export system, a partner's channel): code in lower case,
// external (its meldingen have their own numbers).
Status addSource(Registry& registry, const QString& code, const QString& name);
Status setEscalationTerm(Registry& registry, int level, int termDays);
Result<qint64> addActivity(Registry& registry, const ActivityInput& input);
Result<QList<ActivityRow>> activities(Registry& registry, int limit = 500);

}  // namespace ReferenceAdmin
}  // namespace bs
