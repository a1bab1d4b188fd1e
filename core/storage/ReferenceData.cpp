#include "ReferenceData.h"

#include "io/Csv.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace bs::ReferenceData {

namespace {

Result<Csv::Table> loadTable(const QString& name)
{
    QFile file(u":/data/%1"_s.arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(u"Ingebouwde referentiegegevens %1 ontbreken."_s.arg(name));
    return Csv::parseTable(QString::fromUtf8(file.readAll()), u';');
}


QVariant intOrNull(const QString& value)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    return ok ? QVariant(number) : QVariant();
}

struct Level {
    int level;
    QString name;
    QString holder;
    int termDays;
};

// The default ladder of DESIGN.md (after the AVE model and Zorg- en Veiligheidshuis practice).
const QList<Level>& defaultLadder()
{
    static const QList<Level> ladder = {
        {0, u"Gesignaleerd"_s, u"De registrerende medewerker"_s, 5},
        {1, u"Buurtaanpak-team"_s, u"Welzijnswerker / coördinator (contact, bemiddeling, informeel netwerk)"_s, 10},
        {2, u"Casusoverleg"_s, u"Formele partners samen (gemeente, Woonkracht10, SWA, wijkagent, CJG)"_s, 10},
        {3, u"Regie gemeente"_s, u"Gemeente voert procesregie; stuurgroep geïnformeerd"_s, 20},
        {4, u"Zorg- en Veiligheidshuis / politie"_s, u"Regionale keten, Veilig Thuis"_s, 0},
    };
    return ladder;
}

Status insertAll(Database& db)
{
    auto run = [&db](const QString& sql, const QVariantList& values) -> Status {
        BS_TRY(db.execute(sql, values));
        return {};
    };

    for (const Level& level : defaultLadder()) {
        BS_TRY(run(u"INSERT INTO escalation_levels (level, name, holder, term_days) VALUES (?, ?, ?, ?)"_s,
                   {level.level, level.name, level.holder, level.termDays}));
    }

    const QList<QPair<QString, QString>> settings = {
        {u"referral.response_days"_s, u"10"_s},  // default for a partner without its own term
        {u"referral.complete_days"_s, u"20"_s},  // from acceptance to completion
        {u"retention.months"_s, u"24"_s},
        {u"backup.generations"_s, u"7"_s},
        {u"access_log.months"_s, u"24"_s},
    };
    for (const auto& [key, value] : settings)
        BS_TRY(run(u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"_s, {key, value}));

    auto categories = loadTable(u"categories.csv"_s);
    if (!categories.ok())
        return categories.error();
    int sort = 0;
    QStringList themesSeen;
    for (const QStringList& row : categories->rows) {
        const QString theme = categories->value(row, u"theme_code"_s);
        if (!themesSeen.contains(theme)) {
            themesSeen << theme;
            BS_TRY(run(u"INSERT INTO themes (code, name, name_en, sort_order) VALUES (?, ?, ?, ?)"_s,
                       {theme, categories->value(row, u"theme_nl"_s), categories->value(row, u"theme_en"_s),
                        int(themesSeen.size())}));
        }
        BS_TRY(run(u"INSERT INTO categories (code, theme_code, name, name_en, sort_order) VALUES (?, ?, ?, ?, ?)"_s,
                   {categories->value(row, u"category_code"_s), theme, categories->value(row, u"category_nl"_s),
                    categories->value(row, u"category_en"_s), ++sort}));
    }

    auto sources = loadTable(u"sources.csv"_s);
    if (!sources.ok())
        return sources.error();
    sort = 0;
    for (const QStringList& row : sources->rows) {
        BS_TRY(run(u"INSERT INTO sources (code, name, name_en, external, sort_order) VALUES (?, ?, ?, ?, ?)"_s,
                   {sources->value(row, u"code"_s), sources->value(row, u"label_nl"_s), sources->value(row, u"label_en"_s),
                    sources->value(row, u"external"_s).toInt(), ++sort}));
    }

    auto partners = loadTable(u"partners.csv"_s);
    if (!partners.ok())
        return partners.error();
    for (const QStringList& row : partners->rows) {
        BS_TRY(run(u"INSERT INTO partners (name, formal, kind, note, response_days) VALUES (?, ?, ?, ?, 10)"_s,
                   {partners->value(row, u"name"_s), partners->value(row, u"formal"_s).toInt(),
                    partners->value(row, u"kind"_s), orNull(partners->value(row, u"note"_s))}));
    }

    auto wijken = loadTable(u"wijken.csv"_s);
    if (!wijken.ok())
        return wijken.error();
    for (const QStringList& row : wijken->rows) {
        const QString code = wijken->value(row, u"cbs_code"_s);
        QString name = wijken->value(row, u"name"_s);
        if (name.isEmpty())
            name = u"Wijk %1"_s.arg(code.right(2));
        BS_TRY(run(u"INSERT INTO wijken (cbs_code, name, population, homes, land_ha) VALUES (?, ?, ?, ?, ?)"_s,
                   {code, name, intOrNull(wijken->value(row, u"population_2024"_s)),
                    intOrNull(wijken->value(row, u"homes_2024"_s)), intOrNull(wijken->value(row, u"land_ha"_s))}));
    }

    auto buurten = loadTable(u"buurten.csv"_s);
    if (!buurten.ok())
        return buurten.error();
    for (const QStringList& row : buurten->rows) {
        const QString wijkCode = buurten->value(row, u"wijk_code"_s);
        BS_TRY(run(u"INSERT INTO buurten (name, wijk_id, cbs_code, population, prioritised, note)"
                   " VALUES (?, (SELECT id FROM wijken WHERE cbs_code = ?), ?, ?, ?, ?)"_s,
                   {buurten->value(row, u"name"_s), orNull(wijkCode), orNull(buurten->value(row, u"cbs_code"_s)),
                    intOrNull(buurten->value(row, u"population"_s)), buurten->value(row, u"prioritised"_s).toInt(),
                    orNull(buurten->value(row, u"note"_s))}));
    }
    return {};
}

}  // namespace

QStringList indicatorInserts()
{
    auto table = loadTable(u"indicators.csv"_s);
    if (!table.ok())
        return {};
    auto literal = [](const QString& text) { return text.isEmpty() ? u"NULL"_s : u"'"_s + QString(text).replace(u'\'', u"''"_s) + u"'"_s; };
    QStringList statements;
    int sort = 0;
    for (const QStringList& row : table->rows) {
        bool numeric = false;
        const double target = table->value(row, u"target_value"_s).toDouble(&numeric);
        statements << u"INSERT INTO indicators (code, group_no, label, measured_by, target_kind, target_value, scope, source_note,"
                      " sort_order) VALUES (%1, %2, %3, %4, %5, %6, %7, %8, %9)"_s
                          .arg(literal(table->value(row, u"code"_s)))
                          .arg(table->value(row, u"group"_s).toInt())
                          .arg(literal(table->value(row, u"label_nl"_s)), literal(table->value(row, u"measured_by"_s)),
                               literal(table->value(row, u"target_kind"_s)), numeric ? QString::number(target) : u"NULL"_s,
                               literal(table->value(row, u"scope"_s)), literal(table->value(row, u"source_note"_s)))
                          .arg(++sort);
    }
    return statements;
}

Status seed(Database& db)
{
    return db.write([&]() { return insertAll(db); });
}

}  // namespace bs::ReferenceData
