#include "CbsImport.h"

#include "Registry.h"
#include "io/Csv.h"
#include "services/Lookups.h"

#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace bs {

QString CbsChange::describe() const
{
    const QString people = population ? QString::number(*population) : u"onbekend"_s;
    if (action == u"nieuw"_s)
        return u"%1 %2 (%3) toevoegen, %4 inwoners"_s.arg(kind, name, code, people);
    QStringList parts;
    if (!oldName.isEmpty() && oldName != name)
        parts << u"naam %1 → %2"_s.arg(oldName, name);
    if (oldCode != code)
        parts << u"code %1 → %2"_s.arg(oldCode.isEmpty() ? u"(geen)"_s : oldCode, code);
    if (oldPopulation != population)
        parts << u"inwoners %1 → %2"_s.arg(oldPopulation ? QString::number(*oldPopulation) : u"(onbekend)"_s, people);
    return parts.isEmpty() ? u"%1 %2 ongewijzigd"_s.arg(kind, name) : u"%1 %2: %3"_s.arg(kind, name, parts.join(u", "_s));
}

namespace CbsImport {

namespace {

std::optional<int> population(const QString& text)
{
    bool ok = false;
    const int value = text.trimmed().remove(u' ').toInt(&ok);
    return ok && value >= 0 ? std::optional<int>(value) : std::nullopt;  // CBS writes "." when unknown
}

}  // namespace

Result<QList<CbsChange>> plan(Registry& registry, const QByteArray& fileContent, const QString& municipality)
{
    QString text = QStringDecoder(QStringDecoder::Utf8)(fileContent);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QString firstLine = text.section(u'\n', 0, 0);
    const QChar separator = firstLine.count(u';') >= firstLine.count(u',') ? u';' : u',';
    const Csv::Parsed parsed = Csv::parseChecked(text, separator);
    if (!parsed.error.isEmpty())
        return Error::invalid(u"file"_s, u"Het CBS-bestand kan niet worden gelezen: regel %1: %2."_s.arg(parsed.errorLine).arg(parsed.error));
    Csv::Table table;
    if (!parsed.rows.isEmpty()) {
        table.header = parsed.rows.first();
        for (QString& name : table.header)
            name = name.trimmed();
        table.rows = parsed.rows.mid(1);
    }
    for (const QString& column : {u"WijkenEnBuurten"_s, u"Gemeentenaam_1"_s, u"SoortRegio_2"_s, u"Codering_3"_s, u"AantalInwoners_5"_s}) {
        if (table.column(column) < 0) {
            return Error::invalid(u"file"_s, u"Kolom '%1' ontbreekt; verwacht een CSV van CBS 'Kerncijfers wijken en buurten' met de kolommen "
                                             "WijkenEnBuurten, Gemeentenaam_1, SoortRegio_2, Codering_3, AantalInwoners_5."_s.arg(column));
        }
    }
    auto buurten = Lookups::buurten(registry);
    if (!buurten.ok())
        return buurten.error();
    auto wijken = registry.db().run(u"SELECT id, cbs_code, name, population FROM wijken"_s);
    if (!wijken.ok())
        return wijken.error();
    struct Wijk {
        qint64 id;
        QString code;
        QString name;
        std::optional<int> population;
    };
    QList<Wijk> existingWijken;
    while (wijken->next()) {
        existingWijken << Wijk{wijken->value(0).toLongLong(), wijken->value(1).toString(), wijken->value(2).toString(),
                               wijken->value(3).isNull() ? std::nullopt : std::optional<int>(wijken->value(3).toInt())};
    }
    // Which municipality: named, or the one whose wijk codes the registry has (WK0482.. -> 0482).
    QString prefix;
    if (municipality.isEmpty() && !existingWijken.isEmpty())
        prefix = existingWijken.first().code.mid(2, 4);

    static const QRegularExpression wijkCode(u"^WK\\d{6}$"_s);
    static const QRegularExpression buurtCode(u"^BU\\d{8}$"_s);
    QList<CbsChange> changes;
    int lineNumber = 1;
    for (const QStringList& row : table.rows) {
        ++lineNumber;
        const QString kind = table.value(row, u"SoortRegio_2"_s).toLower();
        const QString code = table.value(row, u"Codering_3"_s).toUpper();
        const QString name = table.value(row, u"WijkenEnBuurten"_s);
        if (!municipality.isEmpty() && table.value(row, u"Gemeentenaam_1"_s).compare(municipality, Qt::CaseInsensitive) != 0)
            continue;
        if (!prefix.isEmpty() && code.mid(2, 4) != prefix)
            continue;
        if (kind == u"wijk"_s) {
            if (!wijkCode.match(code).hasMatch())
                return Error::invalid(u"file"_s, u"Regel %1: ongeldige wijkcode '%2' (verwacht WK gevolgd door 6 cijfers)."_s.arg(lineNumber).arg(code));
            CbsChange change{u"wijk"_s, u"nieuw"_s, 0, name, code, {}, population(table.value(row, u"AantalInwoners_5"_s)), {}, {}, {}};
            for (const Wijk& w : existingWijken) {
                if (w.code == code) {
                    change.id = w.id;
                    change.oldCode = w.code;
                    change.oldPopulation = w.population;
                    change.oldName = w.name;
                    change.action = w.population == change.population && w.name == name ? u"ongewijzigd"_s : u"bijwerken"_s;
                }
            }
            changes << change;
        } else if (kind == u"buurt"_s) {
            if (!buurtCode.match(code).hasMatch())
                return Error::invalid(u"file"_s, u"Regel %1: ongeldige buurtcode '%2' (verwacht BU gevolgd door 8 cijfers)."_s.arg(lineNumber).arg(code));
            CbsChange change{u"buurt"_s, u"nieuw"_s, 0, name, code, u"WK"_s + code.mid(2, 6),
                             population(table.value(row, u"AantalInwoners_5"_s)), {}, {}, {}};
            const Buurt* match = nullptr;
            for (const Buurt& b : buurten.value()) {
                if (b.cbsCode == code)
                    match = &b;
            }
            for (const Buurt& b : buurten.value()) {
                if (!match && b.name.compare(name, Qt::CaseInsensitive) == 0)
                    match = &b;
            }
            if (match) {
                change.id = match->id;
                change.name = match->name;
                change.oldCode = match->cbsCode;
                change.oldPopulation = match->population;
                change.action = (match->cbsCode == code && match->population == change.population) ? u"ongewijzigd"_s : u"bijwerken"_s;
            }
            changes << change;
        }
    }
    if (changes.isEmpty())
        return Error::invalid(u"file"_s, u"Het bestand bevat geen wijken of buurten van deze gemeente."_s);
    return changes;
}

Status apply(Registry& registry, const QList<CbsChange>& changes)
{
    Database& db = registry.db();
    return db.write([&]() -> Status {
        // Wijken first: buurten refer to them.
        for (const CbsChange& c : changes) {
            if (c.kind != u"wijk"_s || c.action == u"ongewijzigd"_s)
                continue;
            const QVariant people = c.population ? QVariant(*c.population) : QVariant();
            if (c.id == 0)
                BS_TRY(db.execute(u"INSERT INTO wijken (cbs_code, name, population) VALUES (?, ?, ?)"_s, {c.code, c.name, people}));
            else
                BS_TRY(db.execute(u"UPDATE wijken SET name = ?, population = ? WHERE id = ?"_s, {c.name, people, c.id}));
        }
        for (const CbsChange& c : changes) {
            if (c.kind != u"buurt"_s || c.action == u"ongewijzigd"_s)
                continue;
            const QVariant people = c.population ? QVariant(*c.population) : QVariant();
            if (c.id == 0) {
                BS_TRY(db.execute(u"INSERT INTO buurten (name, cbs_code, population, wijk_id)"
                                  " VALUES (?, ?, ?, (SELECT id FROM wijken WHERE cbs_code = ?))"_s,
                                  {c.name, c.code, people, c.wijkCode}));
            } else {
                BS_TRY(db.execute(u"UPDATE buurten SET cbs_code = ?, population = ?,"
                                  " wijk_id = coalesce((SELECT id FROM wijken WHERE cbs_code = ?), wijk_id) WHERE id = ?"_s,
                                  {c.code, people, c.wijkCode, c.id}));
            }
        }
        return {};
    });
}

}  // namespace CbsImport
}  // namespace bs
