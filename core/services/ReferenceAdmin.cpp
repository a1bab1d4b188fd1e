#include "ReferenceAdmin.h"

#include "Registry.h"
#include "storage/InsertedId.h"
#include "storage/SqlValues.h"
#include "domain/Codes.h"
#include "domain/Validation.h"
#include "services/Lookups.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bs::ReferenceAdmin {

namespace {


Result<QVariant> optionalDate(const QString& value, const QString& field, const QString& label, const QDate& notAfter = {})
{
    if (value.trimmed().isEmpty())
        return QVariant();
    auto parsed = Validation::date(value, field, label, notAfter);
    if (!parsed.ok())
        return parsed.error();
    return QVariant(parsed->toString(Qt::ISODate));
}

Result<QVariant> optionalNumber(const QString& value, const QString& field, const QString& label, qint64 min, qint64 max)
{
    if (value.trimmed().isEmpty())
        return QVariant();
    bool ok = false;
    const qint64 number = value.trimmed().toLongLong(&ok);
    if (!ok || number < min || number > max)
        return Error::invalid(field, u"Ongeldig %1 '%2'; toegestaan: een geheel getal van %3 t/m %4."_s.arg(label.toLower(), value).arg(min).arg(max));
    return QVariant(number);
}

Status uniqueViolation(const Error& error, const QString& field, const QString& message)
{
    if (error.kind == ErrorKind::Conflict)
        return Error::invalid(field, message);
    return error;
}

}  // namespace

Result<qint64> savePartner(Registry& registry, const PartnerInput& in)
{
    auto name = Validation::text(in.name, {u"name"_s, u"Naam"_s, true, 120, false});
    if (!name.ok())
        return name.error();
    BS_TRY(Codes::partnerKind().check(in.kind));
    if (in.responseDays < 0 || in.responseDays > 60)
        return Error::invalid(u"response_days"_s, u"Ongeldige reactietermijn %1; toegestaan: 0 t/m 60 werkdagen."_s.arg(in.responseDays));
    auto joined = optionalDate(in.joinedOn, u"joined_on"_s, u"Datum aangesloten"_s, registry.clock().today());
    if (!joined.ok())
        return joined.error();
    auto verified = optionalDate(in.lastVerifiedOn, u"last_verified_on"_s, u"Laatst gecontroleerd"_s, registry.clock().today());
    if (!verified.ok())
        return verified.error();
    auto contact = Validation::text(in.contact, {u"contact"_s, u"Contact"_s, false, 200, false});
    if (!contact.ok())
        return contact.error();
    auto services = Validation::text(in.services, {u"services"_s, u"Aanbod"_s, false, 1000, true});
    if (!services.ok())
        return services.error();
    Database& db = registry.db();
    qint64 id = in.id;
    const QVariantList values = {name.value(), in.formal ? 1 : 0, in.kind, orNull(contact.value()), orNull(services.value()),
                                 orNull(in.themes.trimmed()), in.responseDays, joined.value(), verified.value(), in.active ? 1 : 0};
    BS_TRY(db.write([&]() -> Status {
        const QString duplicate = u"Er is al een partner met de naam '%1'."_s.arg(name.value());
        if (id == 0) {
            auto added = insertReturningId(db, u"INSERT INTO partners (name, formal, kind, contact, services, themes, response_days,"
                                               " joined_on, last_verified_on, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s, values);
            if (!added.ok())
                return uniqueViolation(added.error(), u"name"_s, duplicate);
            id = added.value();
            return {};
        }
        auto saved = db.run(u"UPDATE partners SET name = ?, formal = ?, kind = ?, contact = ?, services = ?, themes = ?,"
                            " response_days = ?, joined_on = ?, last_verified_on = ?, active = ? WHERE id = ?"_s,
                            QVariantList(values) << id);
        if (!saved.ok())
            return uniqueViolation(saved.error(), u"name"_s, duplicate);
        if (saved->numRowsAffected() != 1)
            return Error::notFound(u"id"_s, u"Onbekende partner #%1."_s.arg(id));
        return {};
    }));
    return id;
}

Result<qint64> saveBuurt(Registry& registry, const BuurtInput& in)
{
    auto name = Validation::text(in.name, {u"name"_s, u"Naam"_s, true, 80, false});
    if (!name.ok())
        return name.error();
    static const QRegularExpression buurtCode(u"^BU\\d{8}$"_s);
    static const QRegularExpression wijkCode(u"^WK\\d{6}$"_s);
    const QString cbs = in.cbsCode.trimmed().toUpper();
    if (!cbs.isEmpty() && !buurtCode.match(cbs).hasMatch())
        return Error::invalid(u"cbs_code"_s, u"Ongeldige CBS-buurtcode '%1'; verwacht BU gevolgd door 8 cijfers, of leeg zolang hij onbekend is."_s.arg(in.cbsCode));
    const QString wijk = in.wijkCode.trimmed().toUpper();
    if (!wijk.isEmpty() && !wijkCode.match(wijk).hasMatch())
        return Error::invalid(u"wijk"_s, u"Ongeldige CBS-wijkcode '%1'; verwacht WK gevolgd door 6 cijfers."_s.arg(in.wijkCode));
    auto population = optionalNumber(in.population, u"population"_s, u"Inwonertal"_s, 0, 1000000);
    if (!population.ok())
        return population.error();
    auto since = optionalNumber(in.activeSince, u"active_since"_s, u"Jaar van start"_s, 2000, registry.clock().today().year() + 1);
    if (!since.ok())
        return since.error();
    Database& db = registry.db();
    if (!wijk.isEmpty()) {
        auto known = db.scalar(u"SELECT count(*) FROM wijken WHERE cbs_code = ?"_s, {wijk});
        if (!known.ok())
            return known.error();
        if (known.value().toInt() == 0)
            return Error::notFound(u"wijk"_s, u"Onbekende wijk %1; importeer eerst de CBS-wijken."_s.arg(wijk));
    }
    qint64 id = in.id;
    const QVariantList values = {name.value(), orNull(wijk), orNull(cbs), population.value(), in.prioritised ? 1 : 0, since.value()};
    BS_TRY(db.write([&]() -> Status {
        const QString duplicate = u"Er is al een buurt met deze naam of CBS-code."_s;
        if (id == 0) {
            auto added = insertReturningId(db, u"INSERT INTO buurten (name, wijk_id, cbs_code, population, prioritised, active_since)"
                                               " VALUES (?, (SELECT id FROM wijken WHERE cbs_code = ?), ?, ?, ?, ?)"_s, values);
            if (!added.ok())
                return uniqueViolation(added.error(), u"name"_s, duplicate);
            id = added.value();
            return {};
        }
        auto saved = db.run(u"UPDATE buurten SET name = ?, wijk_id = (SELECT id FROM wijken WHERE cbs_code = ?), cbs_code = ?,"
                            " population = ?, prioritised = ?, active_since = ? WHERE id = ?"_s,
                            QVariantList(values) << id);
        if (!saved.ok())
            return uniqueViolation(saved.error(), u"name"_s, duplicate);
        return {};
    }));
    return id;
}

Status addCategory(Registry& registry, const QString& code, const QString& themeCode, const QString& name)
{
    static const QRegularExpression shape(u"^[a-z][a-z0-9_]{1,39}$"_s);
    if (!shape.match(code).hasMatch())
        return Error::invalid(u"code"_s, u"Ongeldige categoriecode '%1'; gebruik kleine letters, cijfers en _ (2 tot 40 tekens)."_s.arg(code));
    auto label = Validation::text(name, {u"name"_s, u"Naam"_s, true, 120, false});
    if (!label.ok())
        return label.error();
    Database& db = registry.db();
    auto theme = db.scalar(u"SELECT count(*) FROM themes WHERE code = ?"_s, {themeCode});
    if (!theme.ok())
        return theme.error();
    if (theme.value().toInt() == 0)
        return Error::notFound(u"theme"_s, u"Onbekend thema '%1'; kies T1, T2, T3 of T4."_s.arg(themeCode));
    return db.write([&]() -> Status {
        auto added = db.run(u"INSERT INTO categories (code, theme_code, name, name_en, sort_order)"
                            " VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM categories))"_s,
                            {code, themeCode, label.value(), label.value()});
        if (!added.ok())
            return uniqueViolation(added.error(), u"code"_s, u"Categoriecode '%1' bestaat al."_s.arg(code));
        return {};
    });
}

Status addSource(Registry& registry, const QString& code, const QString& name)
{
    static const QRegularExpression shape(u"^[a-z][a-z0-9_]{1,29}$"_s);
    if (!shape.match(code).hasMatch())
        return Error::invalid(u"code"_s, u"Ongeldige broncode '%1'; gebruik kleine letters, cijfers en _ (2 tot 30 tekens, eerst een letter)."_s.arg(code));
    auto label = Validation::text(name, {u"name"_s, u"Naam"_s, true, 120, false});
    if (!label.ok())
        return label.error();
    Database& db = registry.db();
    return db.write([&]() -> Status {
        auto added = db.run(u"INSERT INTO sources (code, name, name_en, external, sort_order)"
                            " VALUES (?, ?, ?, 1, (SELECT coalesce(max(sort_order), 0) + 1 FROM sources))"_s,
                            {code, label.value(), label.value()});
        if (!added.ok())
            return uniqueViolation(added.error(), u"code"_s, u"Broncode '%1' bestaat al."_s.arg(code));
        return {};
    });
}

Status renameCategory(Registry& registry, const QString& code, const QString& name)
{
    auto label = Validation::text(name, {u"name"_s, u"Naam"_s, true, 120, false});
    if (!label.ok())
        return label.error();
    auto category = Lookups::findCategory(registry, code, false);
    if (!category.ok())
        return category.error();
    Database& db = registry.db();
    return db.write([&]() { return db.execute(u"UPDATE categories SET name = ? WHERE code = ?"_s, {label.value(), code}); });
}

Status setCategoryActive(Registry& registry, const QString& code, bool active)
{
    auto category = Lookups::findCategory(registry, code, false);
    if (!category.ok())
        return category.error();
    Database& db = registry.db();
    // Deactivated categories stay valid on old signals; they are only hidden for new ones.
    return db.write([&]() { return db.execute(u"UPDATE categories SET active = ? WHERE code = ?"_s, {active ? 1 : 0, code}); });
}

Status setEscalationTerm(Registry& registry, int level, int termDays)
{
    if (termDays < 0 || termDays > 120)
        return Error::invalid(u"term_days"_s, u"Ongeldige termijn %1; toegestaan: 0 t/m 120 werkdagen."_s.arg(termDays));
    Database& db = registry.db();
    return db.write([&]() -> Status {
        auto updated = db.run(u"UPDATE escalation_levels SET term_days = ? WHERE level = ?"_s, {termDays, level});
        if (!updated.ok())
            return updated.error();
        if (updated->numRowsAffected() != 1)
            return Error::notFound(u"level"_s, u"Onbekende escalatietrede %1."_s.arg(level));
        return {};
    });
}

Result<qint64> addActivity(Registry& registry, const ActivityInput& in)
{
    auto held = Validation::date(in.heldOn, u"held_on"_s, u"Datum"_s);
    if (!held.ok())
        return held.error();
    BS_TRY(Codes::activityKind().check(in.kind));
    QVariant buurtId;
    if (!in.buurt.trimmed().isEmpty()) {
        auto buurt = Lookups::findBuurt(registry, in.buurt);
        if (!buurt.ok())
            return buurt.error();
        buurtId = buurt->id;
    }
    auto title = Validation::text(in.title, {u"title"_s, u"Titel"_s, false, 200, false});
    if (!title.ok())
        return title.error();
    auto participants = optionalNumber(in.participants, u"participants"_s, u"Aantal deelnemers"_s, 0, 100000);
    if (!participants.ok())
        return participants.error();
    auto organisations = optionalNumber(in.organisations, u"organisations"_s, u"Aantal organisaties"_s, 0, 1000);
    if (!organisations.ok())
        return organisations.error();
    QVariant budget;
    if (!in.budgetEuros.trimmed().isEmpty()) {
        if (in.kind != u"bewonersinitiatief"_s)
            return Error::invalid(u"budget"_s, u"Een budget hoort alleen bij een bewonersinitiatief."_s);
        bool ok = false;
        const double euros = QString(in.budgetEuros).replace(u',', u'.').toDouble(&ok);
        if (!ok || euros < 0 || euros > 100000)
            return Error::invalid(u"budget"_s, u"Ongeldig budget '%1'; geef een bedrag in euro's van 0 t/m 100000."_s.arg(in.budgetEuros));
        budget = qRound64(euros * 100);
    }
    QList<qint64> partnerIds;
    for (const QString& name : in.partners) {
        auto partner = Lookups::findPartner(registry, name);
        if (!partner.ok())
            return partner.error();
        partnerIds << partner->id;
    }
    Database& db = registry.db();
    qint64 id = 0;
    BS_TRY(db.write([&]() -> Status {
        auto added = insertReturningId(db, u"INSERT INTO activities (held_on, buurt_id, kind, title, participants, organisations,"
                                           " self_organised, budget_cents, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                            {held->toString(Qt::ISODate), buurtId, in.kind, orNull(title.value()),
                             participants.value().isNull() ? 0 : participants.value(),
                             organisations.value().isNull() ? 0 : organisations.value(), in.selfOrganised ? 1 : 0, budget,
                             registry.clock().now().toUTC().toString(Qt::ISODate), registry.actor()});
        if (!added.ok())
            return added.error();
        id = added.value();
        for (qint64 partnerId : partnerIds) {
            BS_TRY(db.execute(u"INSERT INTO activity_partners (activity_id, partner_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s, {id, partnerId}));
        }
        return {};
    }));
    return id;
}

Result<QList<ActivityRow>> activities(Registry& registry, int limit)
{
    auto query = registry.db().run(
        u"SELECT a.id, a.held_on, b.name, a.kind, a.title, a.participants, a.organisations, a.self_organised, a.budget_cents,"
        " (SELECT %1 FROM activity_partners ap JOIN partners p ON p.id = ap.partner_id WHERE ap.activity_id = a.id)"
        " FROM activities a LEFT JOIN buurten b ON b.id = a.buurt_id ORDER BY a.held_on DESC, a.id DESC LIMIT ?"_s
            .arg(registry.db().dialect().joinTexts(u"p.name"_s, u", "_s)),
        {limit});
    if (!query.ok())
        return query.error();
    QList<ActivityRow> rows;
    while (query->next()) {
        rows << ActivityRow{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                            query->value(3).toString(), query->value(4).toString(), query->value(5).toInt(),
                            query->value(6).toInt(), query->value(7).toBool(),
                            query->value(8).isNull() ? std::nullopt : std::optional<qint64>(query->value(8).toLongLong()),
                            query->value(9).toString()};
    }
    return rows;
}

}  // namespace bs::ReferenceAdmin
