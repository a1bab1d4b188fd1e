#include "Lookups.h"

#include "Registry.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bs::Lookups {

namespace {
std::optional<int> optionalInt(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}
}  // namespace

Result<QList<Buurt>> buurten(Registry& registry)
{
    auto query = registry.db().run(
        u"SELECT b.id, b.name, w.cbs_code, w.name, b.cbs_code, b.population, b.prioritised, b.active_since, b.active"
        " FROM buurten b LEFT JOIN wijken w ON w.id = b.wijk_id ORDER BY b.name"_s);
    if (!query.ok())
        return query.error();
    QList<Buurt> list;
    while (query->next()) {
        list << Buurt{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                      query->value(3).toString(),   query->value(4).toString(), optionalInt(query->value(5)),
                      query->value(6).toBool(),     optionalInt(query->value(7)), query->value(8).toBool()};
    }
    return list;
}

Result<QList<Category>> categories(Registry& registry)
{
    auto query = registry.db().run(
        u"SELECT c.code, c.name, c.theme_code, t.name, c.active FROM categories c"
        " JOIN themes t ON t.code = c.theme_code ORDER BY t.sort_order, c.sort_order"_s);
    if (!query.ok())
        return query.error();
    QList<Category> list;
    while (query->next()) {
        list << Category{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                         query->value(3).toString(), query->value(4).toBool()};
    }
    return list;
}

Result<QList<Source>> sources(Registry& registry)
{
    auto query = registry.db().run(u"SELECT code, name, external FROM sources ORDER BY sort_order"_s);
    if (!query.ok())
        return query.error();
    QList<Source> list;
    while (query->next())
        list << Source{query->value(0).toString(), query->value(1).toString(), query->value(2).toBool()};
    return list;
}

Result<QList<Partner>> partners(Registry& registry)
{
    auto query = registry.db().run(
        u"SELECT id, name, formal, kind, response_days, active, note, joined_on, last_verified_on, contact, services, themes"
        " FROM partners ORDER BY formal DESC, name"_s);
    if (!query.ok())
        return query.error();
    QList<Partner> list;
    while (query->next()) {
        list << Partner{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toBool(),
                        query->value(3).toString(),   query->value(4).toInt(),    query->value(5).toBool(),
                        query->value(6).toString(),   query->value(7).toString(), query->value(8).toString(),
                        query->value(9).toString(),   query->value(10).toString(), query->value(11).toString()};
    }
    return list;
}

Result<QList<EscalationLevel>> escalationLevels(Registry& registry)
{
    auto query = registry.db().run(u"SELECT level, name, holder, term_days FROM escalation_levels ORDER BY level"_s);
    if (!query.ok())
        return query.error();
    QList<EscalationLevel> list;
    while (query->next()) {
        list << EscalationLevel{query->value(0).toInt(), query->value(1).toString(), query->value(2).toString(),
                                query->value(3).toInt()};
    }
    return list;
}

Result<Buurt> findBuurt(Registry& registry, const QString& name)
{
    auto list = buurten(registry);
    if (!list.ok())
        return list.error();
    QStringList names;
    for (const Buurt& buurt : list.value()) {
        if (buurt.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0 || (!buurt.cbsCode.isEmpty() && buurt.cbsCode == name.trimmed()))
            return buurt;
        names << buurt.name;
    }
    if (name.trimmed().isEmpty())
        return Error::invalid(u"buurt"_s, u"Buurt ontbreekt: dit veld is verplicht. Kies uit: %1."_s.arg(names.join(u", "_s)));
    return Error::notFound(u"buurt"_s, u"Onbekende buurt '%1'. Kies uit: %2."_s.arg(name, names.join(u", "_s)));
}

Result<Category> findCategory(Registry& registry, const QString& code, bool mustBeActive)
{
    auto list = categories(registry);
    if (!list.ok())
        return list.error();
    QStringList codes;
    for (const Category& category : list.value()) {
        if (category.code == code.trimmed()) {
            if (mustBeActive && !category.active) {
                return Error::invalid(u"category"_s, u"Categorie '%1' is niet meer in gebruik voor nieuwe signalen."_s.arg(code));
            }
            return category;
        }
        if (category.active)
            codes << category.code;
    }
    if (code.trimmed().isEmpty())
        return Error::invalid(u"category"_s, u"Categorie ontbreekt: dit veld is verplicht. Kies uit: %1."_s.arg(codes.join(u", "_s)));
    return Error::notFound(u"category"_s, u"Onbekende categorie '%1'. Kies uit: %2."_s.arg(code, codes.join(u", "_s)));
}

Result<Source> findSource(Registry& registry, const QString& code)
{
    auto list = sources(registry);
    if (!list.ok())
        return list.error();
    QStringList codes;
    for (const Source& source : list.value()) {
        if (source.code == code.trimmed())
            return source;
        codes << source.code;
    }
    if (code.trimmed().isEmpty())
        return Error::invalid(u"source"_s, u"Bron ontbreekt: dit veld is verplicht. Kies uit: %1."_s.arg(codes.join(u", "_s)));
    return Error::notFound(u"source"_s, u"Onbekende bron '%1'. Kies uit: %2."_s.arg(code, codes.join(u", "_s)));
}

Result<Partner> findPartner(Registry& registry, const QString& nameOrId)
{
    auto list = partners(registry);
    if (!list.ok())
        return list.error();
    const QString wanted = nameOrId.trimmed();
    bool isNumber = false;
    const qint64 id = wanted.toLongLong(&isNumber);
    QStringList names;
    for (const Partner& partner : list.value()) {
        if ((isNumber && partner.id == id) || partner.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return partner;
        names << partner.name;
    }
    if (wanted.isEmpty())
        return Error::invalid(u"partner"_s, u"Partner ontbreekt: dit veld is verplicht. Kies uit: %1."_s.arg(names.join(u"; "_s)));
    return Error::notFound(u"partner"_s, u"Onbekende partner '%1'. Kies uit: %2."_s.arg(wanted, names.join(u"; "_s)));
}

}  // namespace bs::Lookups
