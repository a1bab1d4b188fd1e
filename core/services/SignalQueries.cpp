// Reading signals back: one signal's state, and pages of the list with filters, work queues and
// sorting done in SQL, so the list never loads the table.
#include "Registry.h"
#include "access/AccessLog.h"
#include "domain/Codes.h"
#include "domain/Validation.h"
#include "domain/WorkingDays.h"
#include "services/Lookups.h"
#include "services/OpenAndLate.h"
#include "services/TextSearch.h"
#include "services/Signals.h"
#include "storage/Schema.h"
#include "storage/SubjectStore.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bs::Signals {

namespace {

struct WhereClause {
    QStringList conditions;
    QVariantList values;
    QString sql() const { return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s); }
};

void add(WhereClause& where, const SqlCondition& condition)
{
    where.conditions << condition.sql;
    where.values << condition.values;
}

Result<WhereClause> buildWhere(Registry& registry, const SignalFilter& filter)
{
    WhereClause where;
    const QDate today = registry.clock().today();
    const QString open = OpenAndLate::signalOpen(u"s"_s);
    switch (filter.queue) {
    case SignalQueue::All:
        break;
    case SignalQueue::MyWork:
        // Two sets, each read from its own index (an OR of the two would read every open signal).
        // Named, because statistics taken while no signal had a handler would send the planner
        // through every open signal.
        where.conditions << u"s.id IN (SELECT m.id FROM signals m%2 WHERE %1 AND m.handler = ?"
                            " UNION ALL SELECT m.id FROM signals m%3 WHERE %1 AND m.handler IS NULL AND m.registered_by = ?)"_s
                                .arg(OpenAndLate::signalOpen(u"m"_s), registry.db().dialect().useIndex(u"signals_handler"_s),
                                     registry.db().dialect().useIndex(u"signals_unhandled_by_registrant"_s));
        where.values << registry.actor() << registry.actor();
        break;
    case SignalQueue::FollowUpToday: {
        // Due on or before today, and what falls before the next working day (a Saturday's
        // follow-up shows on Friday): on that working day the signal is in front of someone.
        QDate next = today.addDays(1);
        while (!WorkingDays::isWorkingDay(next))
            next = next.addDays(1);
        // From the partial index signals_follow_up ("IS NOT NULL" written out: its condition).
        where.conditions << u"s.id IN (SELECT f.id FROM signals f%1 WHERE %2 AND f.follow_up_on IS NOT NULL AND f.follow_up_on < ?)"_s.arg(
            registry.db().dialect().useIndex(u"signals_follow_up"_s), OpenAndLate::signalOpen(u"f"_s));
        where.values << next.toString(Qt::ISODate);
        break;
    }
    case SignalQueue::Unassigned:
        where.conditions << open << u"s.handler IS NULL"_s;
        break;
    case SignalQueue::New:
        where.conditions << u"s.status = 'nieuw'"_s;
        break;
    case SignalQueue::Late:
        add(where, OpenAndLate::signalLate(u"s"_s, today));
        break;
    case SignalQueue::AwaitingFeedback:
        // Signals with an open referral, as a set the engine builds once and probes by id.
        where.conditions << u"s.id IN (SELECT r.signal_id FROM referrals r WHERE %1)"_s.arg(OpenAndLate::referralOpen(u"r"_s));
        break;
    case SignalQueue::Stalled:
        add(where, OpenAndLate::signalStalled(u"s"_s, today));
        break;
    }
    if (!filter.status.isEmpty()) {
        BS_TRY(Codes::signalStatus().check(filter.status));
        where.conditions << u"s.status = ?"_s;
        where.values << filter.status;
    }
    if (!filter.buurt.isEmpty()) {
        auto buurt = Lookups::findBuurt(registry, filter.buurt);
        if (!buurt.ok())
            return buurt.error();
        where.conditions << u"s.buurt_id = ?"_s;
        where.values << buurt->id;
    }
    if (!filter.theme.isEmpty()) {
        where.conditions << u"s.category_code IN (SELECT code FROM categories WHERE theme_code = ?)"_s;
        where.values << filter.theme;
    }
    if (!filter.category.isEmpty()) {
        auto category = Lookups::findCategory(registry, filter.category, false);
        if (!category.ok())
            return category.error();
        where.conditions << u"s.category_code = ?"_s;
        where.values << category->code;
    }
    if (!filter.source.isEmpty()) {
        auto source = Lookups::findSource(registry, filter.source);
        if (!source.ok())
            return source.error();
        where.conditions << u"s.source_code = ?"_s;
        where.values << source->code;
    }
    if (!filter.from.isEmpty()) {
        auto from = Validation::date(filter.from, u"from"_s, u"Begindatum"_s);
        if (!from.ok())
            return from.error();
        where.conditions << u"s.observed_on >= ?"_s;
        where.values << from->toString(Qt::ISODate);
    }
    if (!filter.to.isEmpty()) {
        auto to = Validation::date(filter.to, u"to"_s, u"Einddatum"_s);
        if (!to.ok())
            return to.error();
        where.conditions << u"s.observed_on <= ?"_s;
        where.values << to->toString(Qt::ISODate);
    }
    if (!filter.text.trimmed().isEmpty()) {
        auto text = Validation::text(filter.text, {u"text"_s, u"Zoektekst"_s, false, 100, false});
        if (!text.ok())
            return text.error();
        // A (start of a) reference is looked up as a range on the reference index, not by scanning texts.
        static const QRegularExpression referenceShape(u"^S-\\d{4}(-\\d{0,6})?$"_s, QRegularExpression::CaseInsensitiveOption);
        if (referenceShape.match(text.value()).hasMatch()) {
            const QString prefix = text->toUpper();
            where.conditions << u"s.reference >= ? AND s.reference < ?"_s;
            where.values << prefix << prefix + QChar(0xFFFF);
            return where;
        }
        const QStringList searched = {u"s.reference"_s, u"s.description"_s, u"s.street"_s};
        add(where, TextSearch::containsAny(registry.db().dialect(), searched, text.value()));
    }
    if (!filter.handler.trimmed().isEmpty()) {
        where.conditions << open << u"s.handler = ?"_s;
        where.values << filter.handler.trimmed();
    }
    if (filter.onlyOpen)
        where.conditions << open;
    if (filter.onlyLate)
        add(where, OpenAndLate::signalLate(u"s"_s, today));
    return where;
}

struct Ordering {
    QString key;      // expression over s, b (buurten) or c (categories)
    QString joins;    // joins the key needs inside the paging query
    QString direction;
};

Ordering ordering(const SignalFilter& filter)
{
    Ordering o{{}, {}, filter.descending ? u" DESC"_s : u" ASC"_s};
    switch (filter.sort) {
    case SignalSort::ByObserved: o.key = u"s.observed_on"_s; break;
    case SignalSort::ByReference: o.key = u"s.reference"_s; break;
    // Within a buurt or category the newest (or oldest) first: the order of the indexes
    // (buurt_id, observed_on) and (category_code, observed_on), so the first page is a walk over
    // the buurten by name and then over one buurt's signals, never a sort of the whole table.
    case SignalSort::ByBuurt:
        o.key = u"b.name%1, s.observed_on"_s.arg(o.direction);
        o.joins = u" JOIN buurten b ON b.id = s.buurt_id"_s;
        break;
    case SignalSort::ByCategory:
        o.key = u"c.name%1, s.observed_on"_s.arg(o.direction);
        o.joins = u" JOIN categories c ON c.code = s.category_code"_s;
        break;
    case SignalSort::ByUrgency:
        o.key = Schema::urgencyRank(u"s.urgency"_s);
        break;
    case SignalSort::ByStatus: o.key = u"s.status"_s; break;
    case SignalSort::ByLevel: o.key = u"s.escalation_level"_s; break;
    case SignalSort::ByFollowUp:
        // No date sorts after every date (ascending); on one day the most urgent first.
        o.key = u"coalesce(s.follow_up_on, '9999-12-31')%1, -(%2)"_s.arg(o.direction, Schema::urgencyRank(u"s.urgency"_s));
        break;
    }
    return o;
}

QString orderBy(const Ordering& o)
{
    return u" ORDER BY "_s + o.key + o.direction + u", s.id"_s + o.direction;
}

}  // namespace

Result<SignalState> state(Registry& registry, const QString& reference)
{
    auto query = registry.db().run(
        u"SELECT s.id, s.reference, s.status, s.impact, s.escalation_level, s.consent,"
        " %1 FROM signals s WHERE s.reference = ?"_s.arg(SubjectStore::exists(registry.db(), u"s.id"_s)),
        {reference.trimmed().toUpper()});
    if (!query.ok())
        return query.error();
    if (!query->next()) {
        return Error::notFound(u"reference"_s, u"Onbekend signaal '%1'. Een kenmerk ziet eruit als S-2026-000123."_s.arg(reference));
    }
    return SignalState{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                       query->value(3).toString(), query->value(4).toInt(), query->value(5).toString(),
                       query->value(6).toBool()};
}

// The signals waiting for feedback are a few percent of all, and mostly recent ones: walking the
// list's own order (observed_on) and probing the set of open referrals finds a page after a few
// thousand rows, where the planner would rather fetch every such signal and sort them (1M signals,
// 26,000 open referrals: 11 ms against 50 ms in the sqlite3 shell).
QString pageIndex(Registry& registry, const SignalFilter& filter)
{
    if (filter.queue == SignalQueue::AwaitingFeedback && filter.sort == SignalSort::ByObserved)
        return registry.db().dialect().useIndex(u"signals_observed"_s);
    return {};
}

Result<QList<SignalRow>> list(Registry& registry, const SignalFilter& filter)
{
    auto where = buildWhere(registry, filter);
    if (!where.ok())
        return where.error();
    if (filter.limit < 1 || filter.limit > 10000)
        return Error::invalid(u"limit"_s, u"Ongeldig aantal regels %1; toegestaan: 1 t/m 10000."_s.arg(filter.limit));
    if (filter.offset < 0)
        return Error::invalid(u"offset"_s, u"Ongeldige beginregel %1; toegestaan: 0 of meer."_s.arg(filter.offset));
    const SqlCondition late = OpenAndLate::signalLate(u"s"_s, registry.clock().today());
    QVariantList values = late.values;
    values << where->values << filter.limit << filter.offset;
    // The page is chosen on ids first (a walk over an index, however deep the offset), and only
    // its rows are joined and given their counts and late flags.
    const Ordering order = ordering(filter);
    auto query = registry.db().run(
        u"SELECT s.id, s.reference, s.observed_on, b.name, s.category_code, c.name, c.theme_code, s.urgency, s.status,"
        " s.escalation_level,"
        " (SELECT count(*) FROM referrals r WHERE r.signal_id = s.id AND %5),"
        " %1, coalesce(s.handler, ''), coalesce(s.handed_over_by, ''), coalesce(s.follow_up_on, '')"
        " FROM (SELECT s.id FROM signals s%6%2%3%4 LIMIT ? OFFSET ?) page"
        " JOIN signals s ON s.id = page.id JOIN buurten b ON b.id = s.buurt_id JOIN categories c ON c.code = s.category_code"
        "%4"_s.arg(late.sql, order.joins, where->sql(), orderBy(order), OpenAndLate::referralOpen(u"r"_s), pageIndex(registry, filter)),
        values);
    if (!query.ok())
        return query.error();
    QList<SignalRow> rows;
    rows.reserve(filter.limit);
    while (query->next()) {
        rows << SignalRow{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                          query->value(3).toString(),   query->value(4).toString(), query->value(5).toString(),
                          query->value(6).toString(),   query->value(7).toString(), query->value(8).toString(),
                          query->value(9).toInt(),      query->value(10).toInt(),   query->value(11).toBool(),
                          query->value(12).toString(),  query->value(13).toString(), query->value(14).toString()};
    }
    return rows;
}

Status recordSearch(Registry& registry, const SignalFilter& filter)
{
    if (filter.text.trimmed().isEmpty())
        return {};
    return AccessLog::record(registry, AccessAction::Searched, 0, u"zoekterm: %1"_s.arg(filter.text.trimmed()));
}

Result<qint64> count(Registry& registry, const SignalFilter& filter)
{
    auto where = buildWhere(registry, filter);
    if (!where.ok())
        return where.error();
    auto total = registry.db().scalar(u"SELECT count(*) FROM signals s%1"_s.arg(where->sql()), where->values);
    if (!total.ok())
        return total.error();
    return total.value().toLongLong();
}

}  // namespace bs::Signals
