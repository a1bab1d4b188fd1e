#include "DemoCasework.h"

#include "storage/Database.h"

#include <QDate>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace bs::DemoCasework {

namespace {

struct Colleague {
    QString login;
    QString name;
    QString role;
};

const QList<Colleague>& team()
{
    static const QList<Colleague> people = {{u"demo.anouk"_s, u"Anouk Verbeek (demo)"_s, u"medewerker"_s},
                                            {u"demo.youssef"_s, u"Youssef El Amrani (demo)"_s, u"medewerker"_s},
                                            {u"demo.ingrid"_s, u"Ingrid de Jong (demo)"_s, u"medewerker"_s},
                                            {u"demo.marco"_s, u"Marco Visser (demo)"_s, u"coordinator"_s}};
    return people;
}

}  // namespace

Status add(Database& db, const QString& now, const QDate& today)
{
    for (const Colleague& c : team()) {
        BS_TRY(db.execute(u"INSERT INTO users (login, display_name, role, active, created_at) VALUES (?, ?, ?, 1, ?)"
                          " ON CONFLICT (login) DO NOTHING"_s,
                          {c.login, c.name, c.role, now}));
    }
    const QString open = u"status IN ('nieuw','in_behandeling','heropend')"_s;
    // By the signal's number: 1 in 8 without a handler, the others spread over the team, and
    // 1 in 6 of those handed over by the coordinator.
    BS_TRY(db.execute(u"UPDATE signals SET handler = CASE id % 8 WHEN 0 THEN NULL WHEN 1 THEN ? WHEN 2 THEN ? WHEN 3 THEN ?"
                      " WHEN 4 THEN ? WHEN 5 THEN ? WHEN 6 THEN ? ELSE ? END,"
                      " handed_over_by = CASE WHEN id % 8 <> 0 AND id % 6 = 1 THEN ? END WHERE %1"_s.arg(open),
                      {team().at(0).login, team().at(1).login, team().at(2).login, team().at(0).login, team().at(1).login,
                       team().at(2).login, team().at(3).login, team().at(3).login}));
    // A follow-up date on 1 in 5 of the handled ones, from three days ago to ten days ahead.
    for (int i = 0; i < 14; ++i) {
        BS_TRY(db.execute(u"UPDATE signals SET follow_up_on = ? WHERE %1 AND handler IS NOT NULL AND follow_up_on IS NULL"
                          " AND id % 5 = 2 AND (id / 5) % 14 = ?"_s.arg(open),
                          {today.addDays(i - 3).toString(Qt::ISODate), i}));
    }
    // A first contact on the day of the signal for 1 in 3 of the open ones, by their handler.
    return db.execute(u"INSERT INTO journal_entries (signal_id, kind, happened_on, written_at, author, text, names_person)"
                      " SELECT id, CASE id % 5 WHEN 0 THEN 'huisbezoek' WHEN 1 THEN 'telefoon' WHEN 2 THEN 'overleg' WHEN 3 THEN 'e-mail'"
                      " ELSE 'casusoverleg' END, observed_on, registered_at, handler,"
                      " CASE id % 5 WHEN 0 THEN 'Op huisbezoek geweest; bewoner staat open voor hulp, vervolgafspraak gemaakt.'"
                      " WHEN 1 THEN 'Gebeld met de melder; situatie is sinds vorige week niet veranderd.'"
                      " WHEN 2 THEN 'Besproken met de wijkagent en de woningcorporatie; wie pakt wat op is afgesproken.'"
                      " WHEN 3 THEN 'Mail gestuurd aan de partner met de vraag om terugkoppeling binnen een week.'"
                      " ELSE 'In het casusoverleg besproken; de coördinator volgt de afspraken.' END, 0"
                      " FROM signals WHERE %1 AND handler IS NOT NULL AND id % 3 = 0"_s.arg(open));
}

}  // namespace bs::DemoCasework
