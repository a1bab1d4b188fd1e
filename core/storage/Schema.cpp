#include "Schema.h"

#include "Clock.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/ReferenceData.h"

using namespace Qt::StringLiterals;

namespace bs::Schema {

QStringList version1(const Dialect& dialect)
{
    const QString id = dialect.idColumn();
    QStringList s = {
        u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, summary TEXT NOT NULL, applied_at TEXT NOT NULL)"_s,
        u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE users (id %1, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,"
        " role TEXT NOT NULL CHECK (role IN ('medewerker','coordinator','stuurgroep','beheerder')),"
        " active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL)"_s.arg(id),

        // Reference data.
        u"CREATE TABLE wijken (id %1, cbs_code TEXT UNIQUE, name TEXT NOT NULL, population INTEGER"
        " CHECK (population IS NULL OR population >= 0), homes INTEGER, land_ha INTEGER)"_s.arg(id),
        u"CREATE TABLE buurten (id %1, name TEXT NOT NULL UNIQUE, wijk_id INTEGER REFERENCES wijken(id),"
        " cbs_code TEXT UNIQUE, population INTEGER CHECK (population IS NULL OR population >= 0),"
        " prioritised INTEGER NOT NULL DEFAULT 0, active_since INTEGER, note TEXT, active INTEGER NOT NULL DEFAULT 1)"_s.arg(id),
        u"CREATE TABLE themes (code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL)"_s,
        u"CREATE TABLE categories (code TEXT PRIMARY KEY, theme_code TEXT NOT NULL REFERENCES themes(code),"
        " name TEXT NOT NULL, name_en TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, sort_order INTEGER NOT NULL)"_s,
        u"CREATE TABLE sources (code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL,"
        " external INTEGER NOT NULL DEFAULT 0, sort_order INTEGER NOT NULL)"_s,
        u"CREATE TABLE partners (id %1, name TEXT NOT NULL UNIQUE, formal INTEGER NOT NULL, kind TEXT NOT NULL,"
        " contact TEXT, services TEXT, themes TEXT, note TEXT, response_days INTEGER NOT NULL DEFAULT 10"
        " CHECK (response_days >= 0), joined_on TEXT, active INTEGER NOT NULL DEFAULT 1, last_verified_on TEXT)"_s.arg(id),
        u"CREATE TABLE partner_buurten (partner_id INTEGER NOT NULL REFERENCES partners(id),"
        " buurt_id INTEGER NOT NULL REFERENCES buurten(id), PRIMARY KEY (partner_id, buurt_id))"_s,
        u"CREATE TABLE escalation_levels (level INTEGER PRIMARY KEY, name TEXT NOT NULL, holder TEXT NOT NULL,"
        " term_days INTEGER NOT NULL CHECK (term_days >= 0))"_s,

        // Signals. References are numbered per registration year and never reused.
        u"CREATE TABLE signal_sequence (year INTEGER PRIMARY KEY, last_number INTEGER NOT NULL)"_s,
        u"CREATE TABLE signals (id %1, reference TEXT NOT NULL UNIQUE, observed_on TEXT NOT NULL,"
        " registered_at TEXT NOT NULL, registered_by TEXT NOT NULL,"
        " buurt_id INTEGER NOT NULL REFERENCES buurten(id), street TEXT,"
        " impact TEXT NOT NULL CHECK (impact IN ('individu','huishouden','gebouw','straat','buurt','wijk')),"
        " category_code TEXT NOT NULL REFERENCES categories(code), source_code TEXT NOT NULL REFERENCES sources(code),"
        " external_id TEXT, urgency TEXT NOT NULL CHECK (urgency IN ('laag','normaal','hoog','acuut')),"
        " description TEXT NOT NULL,"
        " consent TEXT NOT NULL DEFAULT 'niet_gevraagd' CHECK (consent IN ('gegeven','geweigerd','niet_gevraagd')),"
        " consent_by TEXT, consent_on TEXT, follow_up_on TEXT,"
        " status TEXT NOT NULL CHECK (status IN ('nieuw','in_behandeling','afgehandeld','heropend','geannuleerd')),"
        " escalation_level INTEGER NOT NULL DEFAULT 0 REFERENCES escalation_levels(level),"
        " level_since TEXT NOT NULL, level_due_on TEXT, outcome TEXT, outcome_text TEXT, closed_on TEXT,"
        " updated_at TEXT NOT NULL, UNIQUE (source_code, external_id))"_s.arg(id),
        u"CREATE INDEX signals_observed ON signals (observed_on)"_s,
        u"CREATE INDEX signals_status ON signals (status, observed_on)"_s,
        u"CREATE INDEX signals_buurt ON signals (buurt_id, observed_on)"_s,
        u"CREATE INDEX signals_category ON signals (category_code, observed_on)"_s,
        u"CREATE INDEX signals_level_due ON signals (level_due_on)"_s,

        // Subject data kept apart so it can be wiped on its own. No BSN column, ever.
        u"CREATE TABLE subjects (signal_id INTEGER PRIMARY KEY REFERENCES signals(id), name TEXT, address TEXT,"
        " phone TEXT, birth_year INTEGER, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL)"_s,
        u"CREATE TABLE consent_scopes (id %1, signal_id INTEGER NOT NULL REFERENCES signals(id),"
        " partner_id INTEGER REFERENCES partners(id), partner_kind TEXT,"
        " CHECK ((partner_id IS NULL AND partner_kind IS NOT NULL) OR (partner_id IS NOT NULL AND partner_kind IS NULL)))"_s.arg(id),
        u"CREATE INDEX consent_scopes_signal ON consent_scopes (signal_id)"_s,

        u"CREATE TABLE referrals (id %1, signal_id INTEGER NOT NULL REFERENCES signals(id),"
        " from_partner_id INTEGER REFERENCES partners(id), to_partner_id INTEGER NOT NULL REFERENCES partners(id),"
        " reason TEXT NOT NULL,"
        " status TEXT NOT NULL CHECK (status IN ('verstuurd','geaccepteerd','afgewezen','afgerond','ingetrokken')),"
        " sent_on TEXT NOT NULL, sent_by TEXT NOT NULL, respond_by TEXT NOT NULL, accepted_on TEXT, complete_by TEXT,"
        " closed_on TEXT, rejection_reason TEXT, outcome TEXT, outcome_reason TEXT, feedback TEXT,"
        " carries_subject INTEGER NOT NULL DEFAULT 0, override_ground TEXT, override_reason TEXT,"
        " updated_at TEXT NOT NULL)"_s.arg(id),
        u"CREATE INDEX referrals_signal ON referrals (signal_id)"_s,
        u"CREATE INDEX referrals_status ON referrals (status, respond_by)"_s,
        u"CREATE INDEX referrals_partner ON referrals (to_partner_id, status)"_s,

        u"CREATE TABLE escalations (id %1, signal_id INTEGER NOT NULL REFERENCES signals(id),"
        " from_level INTEGER NOT NULL, to_level INTEGER NOT NULL REFERENCES escalation_levels(level),"
        " trigger_code TEXT, reason TEXT NOT NULL, at TEXT NOT NULL, by_user TEXT NOT NULL)"_s.arg(id),
        u"CREATE INDEX escalations_signal ON escalations (signal_id)"_s,

        // Who changed what, when and why. Append-only: see the triggers below.
        u"CREATE TABLE history (id %1, signal_id INTEGER NOT NULL REFERENCES signals(id), at TEXT NOT NULL,"
        " actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL, reason TEXT, referral_id INTEGER)"_s.arg(id),
        u"CREATE INDEX history_signal ON history (signal_id, id)"_s,

        u"CREATE TABLE activities (id %1, held_on TEXT NOT NULL, buurt_id INTEGER REFERENCES buurten(id),"
        " kind TEXT NOT NULL, title TEXT, participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),"
        " organisations INTEGER NOT NULL DEFAULT 0 CHECK (organisations >= 0),"
        " self_organised INTEGER NOT NULL DEFAULT 0, budget_cents INTEGER, created_at TEXT NOT NULL,"
        " created_by TEXT NOT NULL)"_s.arg(id),
        u"CREATE INDEX activities_held ON activities (held_on)"_s,
        u"CREATE TABLE activity_partners (activity_id INTEGER NOT NULL REFERENCES activities(id),"
        " partner_id INTEGER NOT NULL REFERENCES partners(id), PRIMARY KEY (activity_id, partner_id))"_s,
    };
    s << dialect.appendOnly(u"history"_s);
    return s;
}

// Indexes for the desktop app's work queues and filters on a large registry: "Mijn open
// signalen" (who registered it, status), "Wacht op terugkoppeling" (open referrals by signal) and
// the source filter.
QStringList version2(const Dialect&)
{
    return {u"CREATE INDEX signals_registered_by ON signals (registered_by, status, observed_on)"_s,
            u"CREATE INDEX signals_source ON signals (source_code, observed_on)"_s,
            u"CREATE INDEX referrals_open_signal ON referrals (status, signal_id)"_s};
}

// Success factors (seed Bijlage 2): the indicators as data, and the figures and notes entered
// per period for those measured outside the registry.
QStringList version3(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE TABLE indicators (code TEXT PRIMARY KEY, group_no INTEGER NOT NULL, label TEXT NOT NULL,"
        " measured_by TEXT NOT NULL, target_kind TEXT NOT NULL, target_value %1, scope TEXT NOT NULL, source_note TEXT,"
        " sort_order INTEGER NOT NULL)"_s.arg(dialect.realType()),
        u"CREATE TABLE indicator_entries (id %1, indicator_code TEXT NOT NULL REFERENCES indicators(code),"
        " period_from TEXT NOT NULL, period_to TEXT NOT NULL, buurt_id INTEGER REFERENCES buurten(id), value %2, note TEXT,"
        " entered_by TEXT NOT NULL, entered_at TEXT NOT NULL)"_s.arg(dialect.idColumn(), dialect.realType()),
        u"CREATE INDEX indicator_entries_period ON indicator_entries (indicator_code, period_from, period_to)"_s,
    };
    s << ReferenceData::indicatorInserts();
    return s;
}

namespace {
QString signalDayCountFill()
{
    return u"INSERT INTO signal_day_counts (observed_on, buurt_id, category_code, signals)"
           " SELECT observed_on, buurt_id, category_code, count(*) FROM signals GROUP BY observed_on, buurt_id, category_code"_s;
}

QString referralDayCountFill(const Dialect& dialect)
{
    return u"INSERT INTO referral_day_counts (sent_on, to_partner_id, status, accept_days, complete_days, rejection_reason,"
           " loop_closed, referrals) SELECT %1, count(*) FROM referrals r GROUP BY %1"_s.arg(dialect.referralBucket(u"r"_s).join(u", "_s));
}

QString escalationDayCountFill()
{
    return u"INSERT INTO escalation_day_counts (day, to_level, up, steps) SELECT substr(at, 1, 10), to_level,"
           " CASE WHEN to_level > from_level THEN 1 ELSE 0 END, count(*) FROM escalations"
           " GROUP BY substr(at, 1, 10), to_level, CASE WHEN to_level > from_level THEN 1 ELSE 0 END"_s;
}

// The monthly roll-ups, summed from the day counts (which are filled first).
QStringList monthCountFills()
{
    return {
        u"INSERT INTO signal_month_counts (month, buurt_id, category_code, signals)"
        " SELECT substr(observed_on, 1, 7), buurt_id, category_code, sum(signals) FROM signal_day_counts"
        " GROUP BY substr(observed_on, 1, 7), buurt_id, category_code"_s,
        u"INSERT INTO referral_month_counts (month, to_partner_id, status, accepted, rejection_reason, loop_closed, referrals)"
        " SELECT substr(sent_on, 1, 7), to_partner_id, status, CASE WHEN accept_days >= 0 THEN 1 ELSE 0 END, rejection_reason,"
        " loop_closed, sum(referrals) FROM referral_day_counts GROUP BY substr(sent_on, 1, 7), to_partner_id, status,"
        " CASE WHEN accept_days >= 0 THEN 1 ELSE 0 END, rejection_reason, loop_closed"_s,
        u"INSERT INTO referral_month_days (month, to_partner_id, measure, days, referrals)"
        " SELECT substr(sent_on, 1, 7), to_partner_id, 'accepteren', accept_days, sum(referrals) FROM referral_day_counts"
        " WHERE accept_days >= 0 GROUP BY substr(sent_on, 1, 7), to_partner_id, accept_days"_s,
        u"INSERT INTO referral_month_days (month, to_partner_id, measure, days, referrals)"
        " SELECT substr(sent_on, 1, 7), to_partner_id, 'afronden', complete_days, sum(referrals) FROM referral_day_counts"
        " WHERE complete_days >= 0 GROUP BY substr(sent_on, 1, 7), to_partner_id, complete_days"_s,
    };
}
}  // namespace

// The figures on a large registry: signals counted per observation day, buurt and category,
// kept exact by triggers, so a year of figures reads thousands of rows instead of a million;
// and indexes for the referral, escalation and open-signal figures.
QStringList version4(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE TABLE signal_day_counts (observed_on TEXT NOT NULL, buurt_id INTEGER NOT NULL REFERENCES buurten(id),"
        " category_code TEXT NOT NULL REFERENCES categories(code), signals INTEGER NOT NULL CHECK (signals >= 0),"
        " PRIMARY KEY (observed_on, buurt_id, category_code))"_s,
        u"CREATE INDEX referrals_sent ON referrals (sent_on)"_s,
        u"CREATE INDEX escalations_at ON escalations (at, from_level, to_level)"_s,
        u"CREATE INDEX signals_open ON signals (buurt_id, escalation_level, level_due_on, follow_up_on, category_code)"
        " WHERE status IN ('nieuw','in_behandeling','heropend')"_s,
    };
    s << signalDayCountFill() << dialect.signalDayCountTriggers(Dialect::Counts::Days);
    return s;
}

// Referral figures on a large registry: referrals counted per day sent, partner, status, days
// to accept and complete, rejection reason and closed loop, kept exact by triggers.
QStringList version5(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE TABLE referral_day_counts (sent_on TEXT NOT NULL, to_partner_id INTEGER NOT NULL REFERENCES partners(id),"
        " status TEXT NOT NULL, accept_days INTEGER NOT NULL, complete_days INTEGER NOT NULL, rejection_reason TEXT NOT NULL,"
        " loop_closed INTEGER NOT NULL, referrals INTEGER NOT NULL CHECK (referrals >= 0),"
        " PRIMARY KEY (sent_on, to_partner_id, status, accept_days, complete_days, rejection_reason, loop_closed))"_s,
        // Handling time of imported meldingen (success factor): by source and closing date.
        u"CREATE INDEX signals_source_closed ON signals (source_code, closed_on, observed_on)"_s,
    };
    s << referralDayCountFill(dialect) << dialect.referralDayCountTriggers(Dialect::Counts::Days);
    return s;
}

// Exports and imports leave a trace: who, when, what, how many. Append-only like the history.
QStringList version6(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE TABLE export_log (id %1, at TEXT NOT NULL, actor TEXT NOT NULL, what TEXT NOT NULL, filter TEXT NOT NULL,"
        " rows_written INTEGER NOT NULL, file TEXT NOT NULL)"_s.arg(dialect.idColumn()),
        u"CREATE TABLE import_log (id %1, at TEXT NOT NULL, actor TEXT NOT NULL, source_code TEXT NOT NULL, file TEXT NOT NULL,"
        " rows_read INTEGER NOT NULL, imported INTEGER NOT NULL, already_present INTEGER NOT NULL)"_s.arg(dialect.idColumn()),
    };
    s << dialect.appendOnly(u"export_log"_s) << dialect.appendOnly(u"import_log"_s);
    return s;
}

// Privacy by design: the access log (NEN 7513: who viewed, created, changed, exported, printed
// or searched which signal, and when), a log of what retention and erasure wiped, the settings
// that govern both.
QStringList version7(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE TABLE access_log (id %1, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,"
        " action TEXT NOT NULL CHECK (action IN ('bekeken','aangemaakt','gewijzigd','geexporteerd','afgedrukt','gezocht',"
        "'inzage','gewist','geweigerd','beheer')),"
        " signal_id INTEGER, detail TEXT NOT NULL DEFAULT '')"_s.arg(dialect.idColumn()),
        u"CREATE INDEX access_log_at ON access_log (at)"_s,
        u"CREATE INDEX access_log_signal ON access_log (signal_id, at)"_s,
        u"CREATE INDEX access_log_actor ON access_log (actor, at)"_s,
        u"CREATE TABLE retention_log (id %1, at TEXT NOT NULL, actor TEXT NOT NULL,"
        " kind TEXT NOT NULL CHECK (kind IN ('bewaartermijn','verzoek','logboek')),"
        " signals INTEGER NOT NULL, detail TEXT NOT NULL)"_s.arg(dialect.idColumn()),
        u"INSERT INTO settings (key, value) VALUES ('access_log.months', '24') ON CONFLICT (key) DO NOTHING"_s,
        u"INSERT INTO settings (key, value) VALUES ('retention.months', '24') ON CONFLICT (key) DO NOTHING"_s,
        u"INSERT INTO settings (key, value) VALUES ('backup.generations', '7') ON CONFLICT (key) DO NOTHING"_s,
    };
    s << dialect.appendOnlyWithRetention(u"access_log"_s, u"access_log.months"_s, 6) << dialect.appendOnly(u"retention_log"_s);
    s << dialect.accessFromHistoryTrigger();
    return s;
}

// One open referral per signal and partner: checked by Referrals::add under the write lock, and
// from now on also refused by the database itself, whatever program writes.
QStringList version8(const Dialect&)
{
    return {u"CREATE UNIQUE INDEX referrals_one_open ON referrals (signal_id, to_partner_id)"
            " WHERE status IN ('verstuurd','geaccepteerd')"_s};
}

// Partner users (shared mode): a worker of a partner organisation sees the referrals to that
// organisation, so the users row records which one. The role check gains 'partner', and a partner
// user always has an organisation while nobody else has one.
QStringList version9(const Dialect& dialect)
{
    const QString roles = u"role IN ('medewerker','coordinator','stuurgroep','beheerder','partner')"_s;
    const QString partnerCheck = u"(role = 'partner') = (partner_id IS NOT NULL)"_s;
    const QString definition =
        u"CREATE TABLE %1 (id "_s + dialect.idColumn()
        + u", login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL CHECK ("_s + roles
        + u"), active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, partner_id INTEGER REFERENCES partners(id),"
          " CHECK ("_s + partnerCheck + u"))"_s;
    // The trigger that copies history into the access log names the users table.
    QStringList s = dialect.dropAccessFromHistoryTrigger();
    s << dialect.changeConstraints(u"users"_s, definition, u"id, login, display_name, role, active, created_at"_s,
                                   {u"ALTER TABLE users ADD COLUMN partner_id INTEGER REFERENCES partners(id)"_s,
                                    u"ALTER TABLE users DROP CONSTRAINT users_role_check"_s,
                                    u"ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (%1)"_s.arg(roles),
                                    u"ALTER TABLE users ADD CONSTRAINT users_partner_check CHECK (%1)"_s.arg(partnerCheck)});
    s << dialect.accessFromHistoryTrigger();
    return s;
}

QString urgencyRank(const QString& column)
{
    return u"CASE %1 WHEN 'laag' THEN 0 WHEN 'normaal' THEN 1 WHEN 'hoog' THEN 2 ELSE 3 END"_s.arg(column);
}

// The list sorted by urgency on a large registry: read from an index on the sort key instead of
// sorting a million signals for one page; the referrals sent with an override ground (doorbraak),
// counted for the figures from their own small index (both engines). And the indexes
// that only PostgreSQL's planner needs for the other lists and the figures (see
// PostgresqlDialect::engineIndexes).
QStringList version10(const Dialect& dialect)
{
    return QStringList{u"CREATE INDEX signals_urgency_rank ON signals ((%1), id)"_s.arg(urgencyRank(u"urgency"_s)),
                       u"CREATE INDEX referrals_override ON referrals (sent_on) WHERE override_ground IS NOT NULL"_s}
        + dialect.engineIndexes();
}

// Monthly roll-ups beside the day counts, kept by the same triggers: a year's figures read the
// twelve months (and the days of a month only partly in the period) instead of every day's
// buckets. Referral times become per-month histograms, from which the medians are exact.
QStringList version11(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE TABLE signal_month_counts (month TEXT NOT NULL, buurt_id INTEGER NOT NULL REFERENCES buurten(id),"
        " category_code TEXT NOT NULL REFERENCES categories(code), signals INTEGER NOT NULL CHECK (signals >= 0),"
        " PRIMARY KEY (month, buurt_id, category_code))"_s,
        u"CREATE TABLE referral_month_counts (month TEXT NOT NULL, to_partner_id INTEGER NOT NULL REFERENCES partners(id),"
        " status TEXT NOT NULL, accepted INTEGER NOT NULL, rejection_reason TEXT NOT NULL, loop_closed INTEGER NOT NULL,"
        " referrals INTEGER NOT NULL CHECK (referrals >= 0),"
        " PRIMARY KEY (month, to_partner_id, status, accepted, rejection_reason, loop_closed))"_s,
        u"CREATE TABLE referral_month_days (month TEXT NOT NULL, to_partner_id INTEGER NOT NULL REFERENCES partners(id),"
        " measure TEXT NOT NULL CHECK (measure IN ('accepteren', 'afronden')), days INTEGER NOT NULL CHECK (days >= 0),"
        " referrals INTEGER NOT NULL CHECK (referrals >= 0), PRIMARY KEY (month, to_partner_id, measure, days))"_s,
    };
    s << monthCountFills() << dialect.dropDayCountTriggers() << dialect.signalDayCountTriggers(Dialect::Counts::DaysAndMonths)
      << dialect.referralDayCountTriggers(Dialect::Counts::DaysAndMonths);
    return s;
}

// Team casework: a handler per signal (a login; who handed it over, for the new handler's queue),
// the follow-up queue's index, and the journal of contacts, append-only except that an erasure
// on request blanks its texts.
QStringList version12(const Dialect& dialect)
{
    const QString open = u"status IN ('nieuw','in_behandeling','heropend')"_s;
    QStringList s = {
        u"ALTER TABLE signals ADD COLUMN handler TEXT"_s,
        u"ALTER TABLE signals ADD COLUMN handed_over_by TEXT"_s,
        // A handler's queue and "Zonder behandelaar" (handler IS NULL) in the list's order, read
        // from the index; and what someone registered without a handler (part of their own queue).
        u"CREATE INDEX signals_handler ON signals (handler, observed_on, id) WHERE %1"_s.arg(open),
        u"CREATE INDEX signals_unhandled_by_registrant ON signals (registered_by, observed_on, id) WHERE %1 AND handler IS NULL"_s.arg(open),
        u"CREATE INDEX signals_follow_up ON signals (follow_up_on) WHERE %1 AND follow_up_on IS NOT NULL"_s.arg(open),
        u"CREATE TABLE journal_entries (id %1, signal_id INTEGER NOT NULL REFERENCES signals(id),"
        " kind TEXT NOT NULL CHECK (kind IN ('huisbezoek','telefoon','overleg','e-mail','casusoverleg','overig')),"
        " happened_on TEXT NOT NULL, written_at TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL,"
        " names_person INTEGER NOT NULL DEFAULT 0 CHECK (names_person IN (0, 1)),"
        " corrects_id INTEGER REFERENCES journal_entries(id))"_s.arg(dialect.idColumn()),
        u"CREATE INDEX journal_entries_signal ON journal_entries (signal_id, happened_on)"_s,
        u"CREATE INDEX journal_entries_happened ON journal_entries (happened_on, kind)"_s,
    };
    s << dialect.appendOnlyExceptBlanking(u"journal_entries"_s, u"text"_s,
                                          {u"id"_s, u"signal_id"_s, u"kind"_s, u"happened_on"_s, u"written_at"_s, u"author"_s,
                                           u"names_person"_s, u"corrects_id"_s});
    return s;
}

// Real municipal data: the outlines of the buurten and wijken from the CBS Wijk- en buurtkaart
// (simplified, RD New metres, see core/geo), a street -> buurt table for meldingen that name only
// a street, and the sources Signalen and FixMyStreet (a registry made before has only Fixi and
// the police; a new one gets them from the reference data, which is seeded after the ladder).
QStringList version13(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE TABLE buurt_outlines (buurt_id INTEGER PRIMARY KEY REFERENCES buurten(id), map_year INTEGER NOT NULL,"
        " min_x %1 NOT NULL, min_y %1 NOT NULL, max_x %1 NOT NULL, max_y %1 NOT NULL, outline TEXT NOT NULL)"_s.arg(dialect.realType()),
        u"CREATE TABLE wijk_outlines (wijk_id INTEGER PRIMARY KEY REFERENCES wijken(id), map_year INTEGER NOT NULL,"
        " min_x %1 NOT NULL, min_y %1 NOT NULL, max_x %1 NOT NULL, max_y %1 NOT NULL, outline TEXT NOT NULL)"_s.arg(dialect.realType()),
        u"CREATE TABLE street_buurten (street TEXT PRIMARY KEY, buurt_id INTEGER NOT NULL REFERENCES buurten(id))"_s,
        u"UPDATE sources SET name = 'Fixi (meldingsapp)', name_en = 'Fixi (reporting app)' WHERE code = 'fixie'"_s,
    };
    const QList<QStringList> added = {{u"signalen"_s, u"Signalen (meldingen openbare ruimte)"_s, u"Signalen (public-space reports)"_s},
                                      {u"fixmystreet"_s, u"FixMyStreet"_s, u"FixMyStreet"_s}};
    for (const QStringList& source : added) {
        // Only into a registry that has its sources already (not into the empty tables of a new one).
        s << u"INSERT INTO sources (code, name, name_en, external, sort_order) SELECT '%1', '%2', '%3', 1, max(sort_order) + 1"
             " FROM sources HAVING count(*) > 0 AND sum(CASE WHEN code = '%1' THEN 1 ELSE 0 END) = 0"_s.arg(source.at(0), source.at(1), source.at(2));
    }
    return s;
}

// Figures on a large registry: the open referrals with their terms in a small index of their own,
// so the late flag of the open signals reads some thousands of index entries instead of the whole
// referrals table (the year's figures on a million signals: 0.22 s -> 0.08 s for this part); and the
// escalation steps counted per UTC day, level reached and direction, kept by triggers like the day
// counts, so a year's steps read a few thousand rows (the edges of a Dutch period, an hour or two
// of a UTC day, are counted from the steps themselves).
QStringList version14(const Dialect& dialect)
{
    QStringList s = {
        u"CREATE INDEX referrals_open_terms ON referrals (status, respond_by, complete_by, signal_id)"
        " WHERE status IN ('verstuurd','geaccepteerd')"_s,
        u"CREATE TABLE escalation_day_counts (day TEXT NOT NULL, to_level INTEGER NOT NULL, up INTEGER NOT NULL CHECK (up IN (0, 1)),"
        " steps INTEGER NOT NULL CHECK (steps >= 0), PRIMARY KEY (day, to_level, up))"_s,
        escalationDayCountFill(),
    };
    s << dialect.escalationDayCountTriggers();
    // No ANALYZE here: statistics for some indexes of a table and not for the others sent SQLite
    // through worse plans for lists that were fast (measured on a million signals); the new
    // queues name their index instead (SignalQueries).
    return s;
}

// The open, late and stalled signals of today on a large registry: the open signals counted by
// buurt, level and the two days that decide "late" and "stalled" on any later day (the earliest
// of their terms; their escalation term), kept exact by triggers, so today's figures sum a few
// thousand rows instead of walking every open signal (a million signals: 127,000 open). A
// signal's earliest referral term is kept on the signal itself (referral_term), so that the
// roll-up's key is a function of the signal row alone, like the day counts. And the open
// referrals by status and day sent in an index of their own, for the late ones of a period.
QStringList version15(const Dialect& dialect)
{
    QStringList s = {
        u"ALTER TABLE signals ADD COLUMN referral_term TEXT"_s,
        u"CREATE TABLE signal_open_terms (buurt_id INTEGER NOT NULL REFERENCES buurten(id), escalation_level INTEGER NOT NULL,"
        " late_after TEXT NOT NULL, level_due_on TEXT NOT NULL, signals INTEGER NOT NULL CHECK (signals >= 0),"
        " PRIMARY KEY (buurt_id, escalation_level, late_after, level_due_on))"_s,
        // The late referrals per partner among those sent in a period, from the index alone.
        u"CREATE INDEX referrals_open_sent ON referrals (status, sent_on, respond_by, complete_by, to_partner_id)"
        " WHERE status IN ('verstuurd','geaccepteerd')"_s,
    };
    s << dialect.openTermFills() << dialect.openTermTriggers();
    return s;
}

// Before version 8 two programs on one file could both send the same referral (the check ran
// before the write lock), so a file may hold two open referrals of one signal to one partner and
// the unique index of version 8 could not be built. Refusing to migrate would lock people out of
// their registry with nothing they could do in this version; instead the duplicate is withdrawn
// the way a coordinator would: the referral furthest along (accepted before sent, then the
// oldest) stays, every other one becomes 'ingetrokken' with a note naming the one that stays, and
// the signal's history says what happened and why. The backup made before migrating keeps the
// file as it was.
Status withdrawDuplicateOpenReferrals(Database& db, const Clock& clock)
{
    auto duplicates = db.run(
        u"SELECT d.id, d.signal_id, d.status, p.name, d.kept FROM (SELECT r.id, r.signal_id, r.to_partner_id, r.status,"
        " (SELECT k.id FROM referrals k WHERE k.signal_id = r.signal_id AND k.to_partner_id = r.to_partner_id"
        "  AND k.status IN ('verstuurd','geaccepteerd') ORDER BY k.status = 'geaccepteerd' DESC, k.id LIMIT 1) AS kept"
        " FROM referrals r WHERE r.status IN ('verstuurd','geaccepteerd')) d JOIN partners p ON p.id = d.to_partner_id"
        " WHERE d.id <> d.kept ORDER BY d.id"_s);
    if (!duplicates.ok())
        return duplicates.error();
    struct Duplicate {
        qint64 id;
        qint64 signalId;
        QString status;
        QString partner;
        qint64 kept;
    };
    QList<Duplicate> list;
    while (duplicates->next()) {
        list << Duplicate{duplicates->value(0).toLongLong(), duplicates->value(1).toLongLong(), duplicates->value(2).toString(),
                          duplicates->value(3).toString(), duplicates->value(4).toLongLong()};
    }
    const QString now = clock.now().toUTC().toString(Qt::ISODate);
    const QString today = clock.today().toString(Qt::ISODate);
    const QString actor = u"Buurtsignaal (bijwerken register)"_s;
    for (const Duplicate& d : list) {
        const QString note = u"Dubbele open doorverwijzing naar %1: #%2 loopt door. Ingetrokken bij het bijwerken van het "
                             "register naar versie 8."_s.arg(d.partner).arg(d.kept);
        BS_TRY(db.execute(u"UPDATE referrals SET status = 'ingetrokken', closed_on = ?, feedback = ?, updated_at = ? WHERE id = ?"_s,
                          {today, note, now, d.id}));
        BS_TRY(db.execute(u"INSERT INTO history (signal_id, at, actor, action, detail, reason, referral_id)"
                          " VALUES (?, ?, ?, 'doorverwijzing', ?, ?, ?)"_s,
                          {d.signalId, now, actor, u"Doorverwijzing #%1 naar %2: %3 → ingetrokken"_s.arg(d.id).arg(d.partner, d.status),
                           note, d.id}));
    }
    return {};
}

QStringList suspendDayCounts(const Dialect& dialect)
{
    return dialect.dropDayCountTriggers() + dialect.dropAccessFromHistoryTrigger();
}

const QStringList& countTables()
{
    static const QStringList tables = {u"signal_day_counts"_s, u"referral_day_counts"_s, u"signal_month_counts"_s,
                                       u"referral_month_counts"_s, u"referral_month_days"_s, u"escalation_day_counts"_s,
                                       u"signal_open_terms"_s};
    return tables;
}

QStringList rebuildDayCounts(const Dialect& dialect)
{
    QStringList s;
    for (const QString& table : countTables())
        s << u"DELETE FROM %1"_s.arg(table);
    s << signalDayCountFill() << referralDayCountFill(dialect) << monthCountFills() << escalationDayCountFill() << dialect.openTermFills();
    s << dialect.signalDayCountTriggers(Dialect::Counts::DaysAndMonths) << dialect.referralDayCountTriggers(Dialect::Counts::DaysAndMonths)
      << dialect.escalationDayCountTriggers() << dialect.openTermTriggers() << dialect.accessFromHistoryTrigger();
    return s;
}

Result<QStringList> dropSecondaryIndexes(Database& db, const QStringList& tables)
{
    QStringList rebuild;
    QStringList names;
    for (const QString& table : tables) {
        auto indexes = db.run(db.dialect().droppableIndexesSql(), {table});
        if (!indexes.ok())
            return indexes.error();
        while (indexes->next()) {
            names << indexes->value(0).toString();
            rebuild << indexes->value(1).toString();
        }
    }
    for (const QString& name : names) {
        // The name comes from the engine's own catalogue, never from input.
        auto dropped = db.execute(u"DROP INDEX %1"_s.arg(name));
        if (!dropped.ok())
            return dropped.error();
    }
    return rebuild;
}

}  // namespace bs::Schema
