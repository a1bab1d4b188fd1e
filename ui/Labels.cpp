#include "Labels.h"

#include "domain/DutchDates.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>

using namespace Qt::StringLiterals;

namespace bs::Labels {

namespace {
using Table = QHash<QString, const char*>;

QString lookup(const Table& table, const QString& code)
{
    const char* source = table.value(code, nullptr);
    return source ? QCoreApplication::translate("Labels", source) : code;
}
}  // namespace

QString signalStatus(const QString& code)
{
    static const Table t = {{u"nieuw"_s, QT_TRANSLATE_NOOP("Labels", "New")},
                            {u"in_behandeling"_s, QT_TRANSLATE_NOOP("Labels", "In progress")},
                            {u"afgehandeld"_s, QT_TRANSLATE_NOOP("Labels", "Closed")},
                            {u"heropend"_s, QT_TRANSLATE_NOOP("Labels", "Reopened")},
                            {u"geannuleerd"_s, QT_TRANSLATE_NOOP("Labels", "Cancelled")}};
    return lookup(t, code);
}

QString referralStatus(const QString& code)
{
    static const Table t = {{u"verstuurd"_s, QT_TRANSLATE_NOOP("Labels", "Sent")},
                            {u"geaccepteerd"_s, QT_TRANSLATE_NOOP("Labels", "Accepted")},
                            {u"afgewezen"_s, QT_TRANSLATE_NOOP("Labels", "Rejected")},
                            {u"afgerond"_s, QT_TRANSLATE_NOOP("Labels", "Completed")},
                            {u"ingetrokken"_s, QT_TRANSLATE_NOOP("Labels", "Withdrawn")}};
    return lookup(t, code);
}

QString urgency(const QString& code)
{
    static const Table t = {{u"laag"_s, QT_TRANSLATE_NOOP("Labels", "Low")},
                            {u"normaal"_s, QT_TRANSLATE_NOOP("Labels", "Normal")},
                            {u"hoog"_s, QT_TRANSLATE_NOOP("Labels", "High")},
                            {u"acuut"_s, QT_TRANSLATE_NOOP("Labels", "Acute")}};
    return lookup(t, code);
}

QString impact(const QString& code)
{
    static const Table t = {{u"individu"_s, QT_TRANSLATE_NOOP("Labels", "Individual")},
                            {u"huishouden"_s, QT_TRANSLATE_NOOP("Labels", "Household")},
                            {u"gebouw"_s, QT_TRANSLATE_NOOP("Labels", "Building / stairwell")},
                            {u"straat"_s, QT_TRANSLATE_NOOP("Labels", "Street")},
                            {u"buurt"_s, QT_TRANSLATE_NOOP("Labels", "Neighbourhood")},
                            {u"wijk"_s, QT_TRANSLATE_NOOP("Labels", "District")}};
    return lookup(t, code);
}

QString consent(const QString& code)
{
    static const Table t = {{u"gegeven"_s, QT_TRANSLATE_NOOP("Labels", "Given")},
                            {u"geweigerd"_s, QT_TRANSLATE_NOOP("Labels", "Refused")},
                            {u"niet_gevraagd"_s, QT_TRANSLATE_NOOP("Labels", "Not asked")}};
    return lookup(t, code);
}

QString signalOutcome(const QString& code)
{
    static const Table t = {{u"opgelost"_s, QT_TRANSLATE_NOOP("Labels", "Solved")},
                            {u"deels_opgelost"_s, QT_TRANSLATE_NOOP("Labels", "Partly solved")},
                            {u"niet_opgelost"_s, QT_TRANSLATE_NOOP("Labels", "Not solved")},
                            {u"geen_actie_nodig"_s, QT_TRANSLATE_NOOP("Labels", "No action needed")}};
    return lookup(t, code);
}

QString cancellation(const QString& code)
{
    static const Table t = {{u"dubbel"_s, QT_TRANSLATE_NOOP("Labels", "Duplicate")},
                            {u"niet_voor_ons"_s, QT_TRANSLATE_NOOP("Labels", "Not for the neighbourhood approach")},
                            {u"onterecht"_s, QT_TRANSLATE_NOOP("Labels", "Reported in error")}};
    return lookup(t, code);
}

QString rejection(const QString& code)
{
    static const Table t = {{u"geen_capaciteit"_s, QT_TRANSLATE_NOOP("Labels", "No capacity")},
                            {u"past_niet"_s, QT_TRANSLATE_NOOP("Labels", "Does not fit our services")},
                            {u"bewoner_wil_niet"_s, QT_TRANSLATE_NOOP("Labels", "Resident does not want it")},
                            {u"niet_bereikbaar"_s, QT_TRANSLATE_NOOP("Labels", "Cannot reach the resident")},
                            {u"anders"_s, QT_TRANSLATE_NOOP("Labels", "Other")}};
    return lookup(t, code);
}

QString referralOutcome(const QString& code)
{
    static const Table t = {{u"geholpen"_s, QT_TRANSLATE_NOOP("Labels", "Helped")},
                            {u"niet_geholpen"_s, QT_TRANSLATE_NOOP("Labels", "Not helped")}};
    return lookup(t, code);
}

QString trigger(const QString& code)
{
    static const Table t = {{u"termijn_verstreken"_s, QT_TRANSLATE_NOOP("Labels", "Term expired")},
                            {u"veiligheid"_s, QT_TRANSLATE_NOOP("Labels", "Safety")},
                            {u"samenwerking_stagneert"_s, QT_TRANSLATE_NOOP("Labels", "Cooperation stalls")},
                            {u"meerdere_leefgebieden"_s, QT_TRANSLATE_NOOP("Labels", "Several areas of life")}};
    return lookup(t, code);
}

QString overrideGround(const QString& code)
{
    static const Table t = {{u"veiligheidsrisico"_s, QT_TRANSLATE_NOOP("Labels", "Safety risk")},
                            {u"wettelijke_plicht"_s, QT_TRANSLATE_NOOP("Labels", "Legal duty")}};
    return lookup(t, code);
}

QString activityKind(const QString& code)
{
    static const Table t = {{u"buurtevenement"_s, QT_TRANSLATE_NOOP("Labels", "Neighbourhood event")},
                            {u"themabijeenkomst"_s, QT_TRANSLATE_NOOP("Labels", "Theme meeting")},
                            {u"netwerkbijeenkomst"_s, QT_TRANSLATE_NOOP("Labels", "Network meeting")},
                            {u"opruimactie"_s, QT_TRANSLATE_NOOP("Labels", "Clean-up")},
                            {u"spreekuur"_s, QT_TRANSLATE_NOOP("Labels", "Consultation hour / present in the neighbourhood")},
                            {u"voorlichting"_s, QT_TRANSLATE_NOOP("Labels", "Information session")},
                            {u"bewonersinitiatief"_s, QT_TRANSLATE_NOOP("Labels", "Residents' initiative")}};
    return lookup(t, code);
}

QString accessAction(const QString& code)
{
    static const Table t = {{u"bekeken"_s, QT_TRANSLATE_NOOP("Labels", "Viewed")},
                            {u"aangemaakt"_s, QT_TRANSLATE_NOOP("Labels", "Created")},
                            {u"gewijzigd"_s, QT_TRANSLATE_NOOP("Labels", "Changed")},
                            {u"geexporteerd"_s, QT_TRANSLATE_NOOP("Labels", "Exported")},
                            {u"afgedrukt"_s, QT_TRANSLATE_NOOP("Labels", "Printed")},
                            {u"gezocht"_s, QT_TRANSLATE_NOOP("Labels", "Searched")},
                            {u"inzage"_s, QT_TRANSLATE_NOOP("Labels", "Inzage (access request)")},
                            {u"gewist"_s, QT_TRANSLATE_NOOP("Labels", "Erased")},
                            {u"geweigerd"_s, QT_TRANSLATE_NOOP("Labels", "Refused")},
                            {u"beheer"_s, QT_TRANSLATE_NOOP("Labels", "Administration")}};
    return lookup(t, code);
}

QString backupReason(const QString& reason)
{
    static const Table t = {{u"dagelijks"_s, QT_TRANSLATE_NOOP("Labels", "Daily")},
                            {u"handmatig"_s, QT_TRANSLATE_NOOP("Labels", "By hand")},
                            {u"voor-herstel"_s, QT_TRANSLATE_NOOP("Labels", "Before a restore")}};
    if (reason.startsWith(u"voor-bijwerken-v"_s))
        return QCoreApplication::translate("Labels", "Before updating to schema version %1").arg(reason.mid(16));
    return lookup(t, reason);
}

QString date(const QString& isoDate)
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? DutchDates::format(d) : isoDate;
}

QString timestamp(const QString& isoTimestamp, bool withSeconds)
{
    return DutchDates::localTime(isoTimestamp, withSeconds);
}

}  // namespace bs::Labels
