#include "Handlers.h"

#include "Registry.h"
#include "domain/Validation.h"
#include "domain/Workflow.h"
#include "services/History.h"

using namespace Qt::StringLiterals;

namespace bs::Handlers {

namespace {

const QString handlerRoles = u"('medewerker','coordinator')"_s;

Result<Handler> activeHandler(Database& db, const QString& login)
{
    auto rows = db.run(u"SELECT login, display_name, role FROM users WHERE login = ? AND active = 1 AND role IN %1"_s.arg(handlerRoles),
                       {login.trimmed()});
    if (!rows.ok())
        return rows.error();
    if (!rows->next()) {
        return Error::invalid(u"handler"_s, u"Onbekende of uitgeschakelde gebruiker '%1' als behandelaar. Kies een actieve medewerker of "
                                            "coördinator (zie 'user list')."_s.arg(login.trimmed()));
    }
    return Handler{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()};
}

QString nameOf(Database& db, const QString& login)
{
    auto name = db.scalar(u"SELECT display_name FROM users WHERE login = ?"_s, {login});
    return name.ok() && !name.value().isNull() ? u"%1 (%2)"_s.arg(name.value().toString(), login) : login;
}

Result<QString> checkedNote(const QString& note)
{
    return Validation::text(note, {u"note"_s, u"Toelichting bij overdragen"_s, true, maxNoteLength, true});
}

// Inside the write transaction: the signal as it is now, after the lock.
// `sameIsDone`: a signal that already has this handler is left as it is (a bulk assignment).
Status assignLocked(Registry& registry, const Assignment& a, const QString& note, bool sameIsDone)
{
    Database& db = registry.db();
    auto rows = db.run(u"SELECT id, status, coalesce(handler, '') FROM signals WHERE reference = ?"_s, {a.reference.trimmed().toUpper()});
    if (!rows.ok())
        return rows.error();
    if (!rows->next()) {
        return Error::notFound(u"reference"_s, u"Onbekend signaal '%1'. Een kenmerk ziet eruit als S-2026-000123."_s.arg(a.reference));
    }
    const qint64 id = rows->value(0).toLongLong();
    const QString status = rows->value(1).toString();
    const QString current = rows->value(2).toString();
    const QString reference = a.reference.trimmed().toUpper();
    if (!Workflow::isSignalOpen(status))
        return Error::rule(u"Signaal %1 is niet meer open; alleen een open signaal heeft een behandelaar."_s.arg(reference));
    // Another desk was first: say who got it, change nothing.
    if (a.expectedHandler && a.expectedHandler->trimmed() != current) {
        return Error::rule(current.isEmpty()
                               ? u"Signaal %1 heeft intussen geen behandelaar meer; er is niets gewijzigd. Bekijk het signaal opnieuw."_s.arg(reference)
                               : u"Signaal %1 is intussen overgedragen aan %2; er is niets gewijzigd. Bekijk het signaal opnieuw."_s.arg(
                                     reference, nameOf(db, current)));
    }
    QString login = a.login.trimmed();
    if (!login.isEmpty()) {
        auto handler = activeHandler(db, login);
        if (!handler.ok())
            return handler.error();
        login = handler->login;
    }
    if (login == current && sameIsDone)
        return {};
    if (login == current) {
        return Error::invalid(u"handler"_s, login.isEmpty() ? u"Signaal %1 heeft al geen behandelaar."_s.arg(reference)
                                                            : u"%1 is al behandelaar van signaal %2."_s.arg(nameOf(db, login), reference));
    }
    const QDateTime now = registry.clock().now();
    // Who handed it over shows in the new handler's queue; taking a signal oneself is no hand-over.
    const QVariant handedOverBy = login.isEmpty() || login == registry.actor() ? QVariant() : QVariant(registry.actor());
    auto updated = db.run(u"UPDATE signals SET handler = ?, handed_over_by = ?, updated_at = ? WHERE id = ?"_s,
                          {login.isEmpty() ? QVariant() : QVariant(login), handedOverBy, History::timestamp(now), id});
    if (!updated.ok())
        return updated.error();
    // On a server the row is only there to change for those who may (DESIGN, shared mode).
    if (updated->numRowsAffected() != 1) {
        return Error::denied(u"U mag signaal %1 niet overdragen: dat mag wie het registreerde of behandelt, en een coördinator. "
                             "Er is niets gewijzigd."_s.arg(reference));
    }
    const QString from = current.isEmpty() ? u"geen"_s : nameOf(db, current);
    const QString to = login.isEmpty() ? u"geen"_s : nameOf(db, login);
    return History::record(db, now, registry.actor(), {id, u"behandelaar"_s, u"Behandelaar: %1 → %2"_s.arg(from, to), note, 0});
}

}  // namespace

Result<QList<Handler>> candidates(Registry& registry)
{
    auto rows = registry.db().run(
        u"SELECT login, display_name, role FROM users WHERE active = 1 AND role IN %1 ORDER BY display_name, login"_s.arg(handlerRoles));
    if (!rows.ok())
        return rows.error();
    QList<Handler> out;
    while (rows->next())
        out << Handler{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()};
    return out;
}

Result<QString> forIntake(Registry& registry, const std::optional<QString>& asked)
{
    if (asked) {
        if (asked->trimmed().isEmpty())
            return QString();
        auto handler = activeHandler(registry.db(), *asked);
        if (!handler.ok())
            return handler.error();
        return handler->login;
    }
    // By default the person registering, when they are someone who handles signals.
    auto self = registry.db().scalar(u"SELECT login FROM users WHERE login = ? AND active = 1 AND role IN %1"_s.arg(handlerRoles),
                                     {registry.actor()});
    if (!self.ok())
        return self.error();
    return self.value().isNull() ? QString() : self.value().toString();
}

Status setOnIntake(Database& db, qint64 signalId, const QString& login)
{
    if (login.isEmpty())
        return {};
    return db.execute(u"UPDATE signals SET handler = ? WHERE id = ?"_s, {login, signalId});
}

Status assign(Registry& registry, const Assignment& assignment)
{
    auto note = checkedNote(assignment.note);
    if (!note.ok())
        return note.error();
    return registry.db().write([&]() { return assignLocked(registry, assignment, note.value(), false); });
}

Status assignMany(Registry& registry, const QStringList& references, const QString& login, const QString& note)
{
    if (references.isEmpty())
        return Error::invalid(u"reference"_s, u"Geen signalen gekozen om toe te wijzen."_s);
    auto checked = checkedNote(note);
    if (!checked.ok())
        return checked.error();
    return registry.db().write([&]() -> Status {
        for (const QString& reference : references) {
            BS_TRY(assignLocked(registry, {reference, login, checked.value(), std::nullopt}, checked.value(), true));
        }
        return {};
    });
}

}  // namespace bs::Handlers
