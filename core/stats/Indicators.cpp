#include "Indicators.h"

#include "Registry.h"
#include "domain/Validation.h"
#include "services/Lookups.h"
#include "stats/Statistics.h"
#include "stats/SteeringFigures.h"
#include "storage/SteeringViews.h"
#include "storage/SqlValues.h"

#include <QHash>

#include <functional>

using namespace Qt::StringLiterals;

namespace bs::Indicators {

namespace {

// A computed figure and, for an average or a median, how many items it was taken over.
struct Measured {
    std::optional<double> value;
    std::optional<int> basis;
};

// Where a measure reads: the tables, or for the steering group on a server the server's function
// and view, whose small counts never leave the server.
struct Source {
    Database& db;
    bool steering = false;
    QString activities() const { return steering ? SteeringViews::activitiesSource() : u"activities"_s; }
    // The server's figures for the success factors, once per period and buurt: several measures
    // read the same answer, and each call does the whole count and its protection again.
    struct ServerRow {
        QString figure;
        QString key;
        int count = 0;
        std::optional<double> value;
    };
    mutable QHash<QString, QList<ServerRow>> serverRows;
};

using Measure = std::function<Result<Measured>(const Source&, const Period&, const QVariant& buurtId)>;

Result<Measured> number(Database& db, const QString& sql, const QVariantList& values)
{
    auto value = db.scalar(sql, values);
    if (!value.ok())
        return value.error();
    return Measured{value.value().isNull() ? std::optional<double>() : std::optional<double>(value.value().toDouble()), {}};
}

// An average: the value and the number of items it averages over, from one row.
Result<Measured> average(Database& db, const QString& sql, const QVariantList& values)
{
    auto rows = db.run(sql, values);
    if (!rows.ok())
        return rows.error();
    Measured m;
    if (rows->next()) {
        if (!rows->value(0).isNull())
            m.value = rows->value(0).toDouble();
        m.basis = rows->value(1).toInt();
    }
    return m;
}

// One figure of the server's steering-group counts for the success factors: the count (hiddenCount
// when from 1 to 4, protectedCount when the server hid it to protect one) and the median that
// comes with it (only over 5 or more).
Result<std::optional<QPair<int, std::optional<double>>>> steeringCount(const Source& from, const Period& p, const QVariant& buurt,
                                                                      const QString& figure, const QString& key)
{
    const QString asked = p.fromText() + u'|' + p.toText() + u'|' + buurt.toString();
    if (!from.serverRows.contains(asked)) {
        auto rows = from.db.run(SteeringViews::indicatorsQuery(), {p.fromText(), p.toText(), buurt});
        if (!rows.ok())
            return rows.error();
        QList<Source::ServerRow> read;
        while (rows->next()) {
            const int kept = rows->value(6).toBool() ? protectedCount : hiddenCount;
            read << Source::ServerRow{rows->value(0).toString(), rows->value(1).toString(),
                                      rows->value(4).toBool() ? kept : rows->value(3).toInt(),
                                      rows->value(5).isNull() ? std::optional<double>() : std::optional(rows->value(5).toDouble())};
        }
        from.serverRows.insert(asked, read);
    }
    for (const Source::ServerRow& row : from.serverRows.value(asked)) {
        if (row.figure == figure && row.key == key)
            return std::optional(qMakePair(row.count, row.value));
    }
    return std::optional<QPair<int, std::optional<double>>>();
}

Measure signalsFrom(const QString& source)
{
    return [source](const Source& from, const Period& p, const QVariant& buurt) -> Result<Measured> {
        if (from.steering) {
            auto counted = steeringCount(from, p, buurt, u"bron"_s, source);
            if (!counted.ok())
                return counted.error();
            return Measured{double(counted.value() ? counted.value()->first : 0), {}};
        }
        return number(from.db, u"SELECT count(*) FROM signals WHERE source_code = ? AND observed_on >= ? AND observed_on <= ?"
                          " AND (CAST(? AS INTEGER) IS NULL OR buurt_id = ?)"_s,
                      {source, p.fromText(), p.toText(), buurt, buurt});
    };
}

// An aggregate over the activities of some kinds in the period.
Measure activities(const QString& aggregate, const QStringList& kinds, const QString& extra = {})
{
    return [aggregate, kinds, extra](const Source& from, const Period& p, const QVariant& buurt) {
        QStringList marks;
        QVariantList values = {p.fromText(), p.toText(), buurt, buurt};
        for (const QString& kind : kinds) {
            marks << u"?"_s;
            values << kind;
        }
        const QString kindCondition = kinds.isEmpty() ? QString() : u" AND kind IN (%1)"_s.arg(marks.join(u", "_s));
        // An average also reports how many activities it is taken over.
        const bool isAverage = aggregate.startsWith(u"avg"_s);
        const QString sql = u"SELECT %1%2 FROM %5 WHERE held_on >= ? AND held_on <= ? AND (CAST(? AS INTEGER) IS NULL OR buurt_id = ?)%3%4"_s
                                .arg(aggregate, isAverage ? u", count(*)"_s : QString(), kindCondition, extra, from.activities());
        return isAverage ? average(from.db, sql, values) : number(from.db, sql, values);
    };
}

Measure partnersJoined(bool formal)
{
    return [formal](const Source& from, const Period& p, const QVariant&) {
        return number(from.db, u"SELECT count(*) FROM partners WHERE formal = ? AND joined_on >= ? AND joined_on <= ?"_s,
                      {formal ? 1 : 0, p.fromText(), p.toText()});
    };
}

Result<Measured> handlingDays(const Source& from, const Period& p, const QVariant& buurt)
{
    if (from.steering) {
        auto counted = steeringCount(from, p, buurt, u"afhandeltijd"_s, {});
        if (!counted.ok())
            return counted.error();
        const int basis = counted.value() ? counted.value()->first : 0;
        // Over fewer than 5 the server gives no median; any value stands in, Publication leaves it out.
        const std::optional<double> median = counted.value() ? counted.value()->second : std::nullopt;
        return Measured{median ? median : basis != 0 ? std::optional(0.0) : std::nullopt, basis};
    }
    // Counted per number of days by the engine: a few dozen rows instead of every melding (a
    // year of a million signals: 50,000); without a buurt the index on source and closing date
    // answers alone, without reading the signals.
    QString sql = u"SELECT %1, count(*) FROM signals WHERE source_code IN ('fixie', 'politie') AND closed_on >= ? AND closed_on <= ?"_s.arg(
        from.db.dialect().daysBetween(u"observed_on"_s, u"closed_on"_s));
    QVariantList values = {p.fromText(), p.toText()};
    if (!buurt.isNull()) {
        sql += u" AND buurt_id = ?"_s;
        values << buurt;
    }
    auto rows = from.db.run(sql + u" GROUP BY 1"_s, values);
    if (!rows.ok())
        return rows.error();
    QMap<qint64, int> days;
    int basis = 0;
    while (rows->next()) {
        days[rows->value(0).toLongLong()] += rows->value(1).toInt();
        basis += rows->value(1).toInt();
    }
    return Measured{Stats::weightedMedian(days), basis};
}

// What an average or median is taken over, in words, so a reader knows what "per" means.
QString basisWords(const QString& code)
{
    static const QHash<QString, QString> words = {
        {u"deelnemers_per_event"_s, u"gemiddelde per themabijeenkomst of voorlichting"_s},
        {u"evenement_organisaties"_s, u"gemiddelde per buurtevenement of bewonersinitiatief"_s},
        {u"afhandeltijd_meldingen"_s, u"mediaan over de in de periode afgehandelde meldingen van FIXIE en politie"_s},
    };
    return words.value(code);
}

const QHash<QString, Measure>& computed()
{
    const QStringList events = {u"buurtevenement"_s, u"bewonersinitiatief"_s};
    static const QHash<QString, Measure> measures = {
        {u"fixie_meldingen"_s, signalsFrom(u"fixie"_s)},
        {u"politie_meldingen"_s, signalsFrom(u"politie"_s)},
        {u"deelnemers_opruimacties"_s, activities(u"sum(participants)"_s, {u"opruimactie"_s, u"bewonersinitiatief"_s})},
        {u"bijeenkomsten"_s, activities(u"count(*)"_s, {u"netwerkbijeenkomst"_s})},
        {u"formele_partners"_s, partnersJoined(true)},
        {u"informele_partners"_s, partnersJoined(false)},
        {u"deelnemers_per_event"_s, activities(u"avg(participants)"_s, {u"themabijeenkomst"_s, u"voorlichting"_s})},
        {u"zichtbaarheid"_s, activities(u"count(*)"_s, {u"spreekuur"_s})},
        {u"evenementen"_s, activities(u"count(*)"_s, events)},
        {u"evenement_organisaties"_s, activities(u"avg(organisations)"_s, events)},
        {u"evenement_deelnemers"_s, activities(u"sum(participants)"_s, events)},
        {u"zelf_georganiseerd"_s, activities(u"count(*)"_s, {}, u" AND self_organised = 1"_s)},
        {u"afhandeltijd_meldingen"_s, &handlingDays},
    };
    return measures;
}

struct Entered {
    std::optional<double> value;
    QString note;
};

Result<Entered> entered(Database& db, const QString& code, const Period& p, const QVariant& buurt)
{
    auto row = db.run(u"SELECT value, note FROM indicator_entries WHERE indicator_code = ? AND period_from = ? AND period_to = ?"
                      " AND ((CAST(? AS INTEGER) IS NULL AND buurt_id IS NULL) OR buurt_id = ?) ORDER BY id DESC LIMIT 1"_s,
                      {code, p.fromText(), p.toText(), buurt, buurt});
    if (!row.ok())
        return row.error();
    Entered e;
    if (row->next()) {
        if (!row->value(0).isNull())
            e.value = row->value(0).toDouble();
        e.note = row->value(1).toString();
    }
    return e;
}

}  // namespace

QString status(const QString& targetKind, std::optional<double> target, std::optional<double> value,
               std::optional<double> previous, qint64 periodDays)
{
    if (!target || targetKind == u"none"_s || targetKind == u"count"_s)
        return u"geen_doel"_s;
    if (!value)
        return u"geen_gegevens"_s;
    if (targetKind == u"absolute_per_year"_s) {
        // A yearly target counts pro rata for a shorter period.
        return *value >= *target * double(periodDays) / 365.0 ? u"op_koers"_s : u"niet_op_koers"_s;
    }
    if (targetKind == u"relative_change_pct"_s) {
        if (!previous || *previous == 0)
            return u"geen_gegevens"_s;  // no base to compare with
        const double change = 100.0 * (*value - *previous) / *previous;
        const bool onCourse = *target >= 0 ? change >= *target : change <= *target;
        return onCourse ? u"op_koers"_s : u"niet_op_koers"_s;
    }
    return u"geen_doel"_s;
}

Result<QList<IndicatorFigure>> compute(Registry& registry, const Period& period, const QString& buurt)
{
    QVariant buurtId;
    if (!buurt.isEmpty()) {
        auto found = Lookups::findBuurt(registry, buurt);
        if (!found.ok())
            return found.error();
        buurtId = found->id;
    }
    Database& db = registry.db();
    auto rows = db.run(u"SELECT code, group_no, label, measured_by, target_kind, target_value, scope FROM indicators ORDER BY sort_order"_s);
    if (!rows.ok())
        return rows.error();
    const Period previous = period.comparedWith(registry.clock().today());
    auto steering = Stats::readsSteeringFigures(registry);
    if (!steering.ok())
        return steering.error();
    const Source source{db, steering.value(), {}};
    QList<IndicatorFigure> figures;
    while (rows->next()) {
        IndicatorFigure f;
        f.code = rows->value(0).toString();
        f.group = rows->value(1).toInt();
        f.label = rows->value(2).toString();
        const QString measuredBy = rows->value(3).toString();
        f.measure = measuredBy.startsWith(u"registry"_s) ? u"registry"_s : measuredBy == u"qualitative"_s ? u"qualitative"_s : u"entered"_s;
        f.targetKind = rows->value(4).toString();
        if (!rows->value(5).isNull())
            f.target = rows->value(5).toDouble();
        f.scope = rows->value(6).toString();
        f.basisWords = basisWords(f.code);
        // A municipality-wide indicator is not split by buurt.
        const QVariant scopeBuurt = f.scope == u"buurt"_s ? buurtId : QVariant();
        auto now = entered(db, f.code, period, scopeBuurt);
        auto before = entered(db, f.code, previous, scopeBuurt);
        if (!now.ok())
            return now.error();
        if (!before.ok())
            return before.error();
        f.note = now->note;
        f.value = now->value;
        f.previous = before->value;
        // A figure entered for the period (e.g. FIXIE's own count) wins over the registry's.
        if (f.measure == u"registry"_s && computed().contains(f.code)) {
            const Measure& measure = computed().value(f.code);
            if (!f.value) {
                auto value = measure(source, period, scopeBuurt);
                if (!value.ok())
                    return value.error();
                f.value = value->value;
                f.basis = value->basis;
            }
            if (!f.previous) {
                auto value = measure(source, previous, scopeBuurt);
                if (!value.ok())
                    return value.error();
                f.previous = value->value;
                f.previousBasis = value->basis;
            }
        }
        f.status = f.measure == u"qualitative"_s ? u"geen_doel"_s : status(f.targetKind, f.target, f.value, f.previous, period.days());
        figures << f;
    }
    return figures;
}

Status enter(Registry& registry, const IndicatorEntry& entry)
{
    Database& db = registry.db();
    auto known = db.scalar(u"SELECT measured_by FROM indicators WHERE code = ?"_s, {entry.code});
    if (!known.ok())
        return known.error();
    if (known.value().isNull())
        return Error::notFound(u"indicator"_s, u"Onbekende indicator '%1'; zie de lijst van succesfactoren."_s.arg(entry.code));
    auto period = Period::parse(entry.periodFrom, entry.periodTo);
    if (!period.ok())
        return period.error();
    QVariant buurtId;
    if (!entry.buurt.trimmed().isEmpty()) {
        auto buurt = Lookups::findBuurt(registry, entry.buurt);
        if (!buurt.ok())
            return buurt.error();
        buurtId = buurt->id;
    }
    QVariant value;
    if (!entry.value.trimmed().isEmpty()) {
        bool ok = false;
        const double number = QString(entry.value).replace(u',', u'.').trimmed().toDouble(&ok);
        if (!ok || number < 0 || number > 1e9)
            return Error::invalid(u"value"_s, u"Ongeldig cijfer '%1'; geef een getal van 0 of meer (decimalen met een komma mogen)."_s.arg(entry.value));
        value = number;
    }
    auto note = Validation::text(entry.note, {u"note"_s, u"Toelichting"_s, false, 2000, true});
    if (!note.ok())
        return note.error();
    if (value.isNull() && note->isEmpty())
        return Error::invalid(u"value"_s, u"Geef een cijfer of een toelichting op."_s);
    return db.write([&]() -> Status {
        BS_TRY(db.execute(u"DELETE FROM indicator_entries WHERE indicator_code = ? AND period_from = ? AND period_to = ?"
                          " AND ((CAST(? AS INTEGER) IS NULL AND buurt_id IS NULL) OR buurt_id = ?)"_s,
                          {entry.code, period->fromText(), period->toText(), buurtId, buurtId}));
        return db.execute(u"INSERT INTO indicator_entries (indicator_code, period_from, period_to, buurt_id, value, note,"
                          " entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                          {entry.code, period->fromText(), period->toText(), buurtId, value, orNull(note.value()),
                           registry.actor(), registry.clock().now().toUTC().toString(Qt::ISODate)});
    });
}

}  // namespace bs::Indicators
