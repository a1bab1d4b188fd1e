#pragma once
// Reference data as the services and programs see it: buurten, categories, sources, partners and
// the escalation ladder. These tables are small (tens of rows), so they are read whole.

#include "Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace bs {

class Registry;

struct Buurt {
    qint64 id = 0;
    QString name;
    QString wijkCode;
    QString wijkName;
    QString cbsCode;
    std::optional<int> population;
    bool prioritised = false;
    std::optional<int> activeSince;
    bool active = true;
};

struct Category {
    QString code;
    QString name;
    QString themeCode;
    QString themeName;
    bool active = true;
};

struct Source {
    QString code;
    QString name;
    bool external = false;
};

struct Partner {
    qint64 id = 0;
    QString name;
    bool formal = true;
    QString kind;
    int responseDays = 10;
    bool active = true;
    QString note;
    QString joinedOn;
    QString lastVerifiedOn;
    QString contact;
    QString services;
    QString themes;
};

struct EscalationLevel {
    int level = 0;
    QString name;
    QString holder;
    int termDays = 0;
};

namespace Lookups {

Result<QList<Buurt>> buurten(Registry& registry);
Result<QList<Category>> categories(Registry& registry);
Result<QList<Source>> sources(Registry& registry);
Result<QList<Partner>> partners(Registry& registry);
Result<QList<EscalationLevel>> escalationLevels(Registry& registry);

// Finders accept what a person types: names case-insensitively, codes exactly. An unknown value is
// refused with the list of what is allowed.
Result<Buurt> findBuurt(Registry& registry, const QString& name);
Result<Category> findCategory(Registry& registry, const QString& code, bool mustBeActive);
Result<Source> findSource(Registry& registry, const QString& code);
Result<Partner> findPartner(Registry& registry, const QString& nameOrId);

}  // namespace Lookups
}  // namespace bs
