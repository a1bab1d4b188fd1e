#include "Codes.h"

using namespace Qt::StringLiterals;

namespace bs {

CodeList::CodeList(QString field, QString fieldLabel, QList<CodeLabel> entries)
    : m_field(std::move(field)), m_fieldLabel(std::move(fieldLabel)), m_entries(std::move(entries))
{
}

QStringList CodeList::codes() const
{
    QStringList list;
    for (const auto& entry : m_entries)
        list << entry.code;
    return list;
}

bool CodeList::contains(const QString& code) const
{
    for (const auto& entry : m_entries) {
        if (entry.code == code)
            return true;
    }
    return false;
}

QString CodeList::label(const QString& code) const
{
    for (const auto& entry : m_entries) {
        if (entry.code == code)
            return entry.label;
    }
    return code;
}

QString CodeList::allowedText() const
{
    return codes().join(u", "_s);
}

Status CodeList::check(const QString& value) const
{
    if (value.isEmpty())
        return Error::invalid(m_field, u"%1 ontbreekt. Toegestaan: %2."_s.arg(m_fieldLabel, allowedText()));
    if (!contains(value))
        return Error::invalid(m_field, u"Ongeldige %1 '%2'. Toegestaan: %3."_s.arg(m_fieldLabel.toLower(), value, allowedText()));
    return {};
}

namespace Codes {

const CodeList& signalStatus()
{
    static const CodeList list(u"status"_s, u"Status"_s,
                               {{u"nieuw"_s, u"Nieuw"_s},
                                {u"in_behandeling"_s, u"In behandeling"_s},
                                {u"afgehandeld"_s, u"Afgehandeld"_s},
                                {u"heropend"_s, u"Heropend"_s},
                                {u"geannuleerd"_s, u"Geannuleerd"_s}});
    return list;
}

const CodeList& signalOutcome()
{
    static const CodeList list(u"outcome"_s, u"Uitkomst"_s,
                               {{u"opgelost"_s, u"Opgelost"_s},
                                {u"deels_opgelost"_s, u"Deels opgelost"_s},
                                {u"niet_opgelost"_s, u"Niet opgelost"_s},
                                {u"geen_actie_nodig"_s, u"Geen actie nodig"_s}});
    return list;
}

const CodeList& cancellationReason()
{
    static const CodeList list(u"outcome"_s, u"Reden van annuleren"_s,
                               {{u"dubbel"_s, u"Dubbel geregistreerd"_s},
                                {u"niet_voor_ons"_s, u"Niet voor de Buurtaanpak"_s},
                                {u"onterecht"_s, u"Onterecht gemeld"_s}});
    return list;
}

const CodeList& urgency()
{
    static const CodeList list(u"urgency"_s, u"Urgentie"_s,
                               {{u"laag"_s, u"Laag"_s},
                                {u"normaal"_s, u"Normaal"_s},
                                {u"hoog"_s, u"Hoog"_s},
                                {u"acuut"_s, u"Acuut"_s}});
    return list;
}

const CodeList& impactLevel()
{
    static const CodeList list(u"impact"_s, u"Impactniveau"_s,
                               {{u"individu"_s, u"Individu"_s},
                                {u"huishouden"_s, u"Huishouden"_s},
                                {u"gebouw"_s, u"Gebouw / portiek"_s},
                                {u"straat"_s, u"Straat"_s},
                                {u"buurt"_s, u"Buurt"_s},
                                {u"wijk"_s, u"Wijk"_s}});
    return list;
}

const CodeList& consent()
{
    static const CodeList list(u"consent"_s, u"Toestemming"_s,
                               {{u"gegeven"_s, u"Gegeven"_s},
                                {u"geweigerd"_s, u"Geweigerd"_s},
                                {u"niet_gevraagd"_s, u"Niet gevraagd"_s}});
    return list;
}

const CodeList& overrideGround()
{
    static const CodeList list(u"override"_s, u"Grond om zonder toestemming te delen"_s,
                               {{u"veiligheidsrisico"_s, u"Veiligheidsrisico"_s},
                                {u"wettelijke_plicht"_s, u"Wettelijke plicht"_s}});
    return list;
}

const CodeList& referralStatus()
{
    static const CodeList list(u"referral_status"_s, u"Status doorverwijzing"_s,
                               {{u"verstuurd"_s, u"Verstuurd"_s},
                                {u"geaccepteerd"_s, u"Geaccepteerd"_s},
                                {u"afgewezen"_s, u"Afgewezen"_s},
                                {u"afgerond"_s, u"Afgerond"_s},
                                {u"ingetrokken"_s, u"Ingetrokken"_s}});
    return list;
}

const CodeList& rejectionReason()
{
    static const CodeList list(u"reason"_s, u"Reden van afwijzen"_s,
                               {{u"geen_capaciteit"_s, u"Geen capaciteit"_s},
                                {u"past_niet"_s, u"Past niet bij aanbod"_s},
                                {u"bewoner_wil_niet"_s, u"Bewoner wil niet"_s},
                                {u"niet_bereikbaar"_s, u"Niet bereikbaar"_s},
                                {u"anders"_s, u"Anders"_s}});
    return list;
}

const CodeList& referralOutcome()
{
    static const CodeList list(u"outcome"_s, u"Resultaat doorverwijzing"_s,
                               {{u"geholpen"_s, u"Geholpen"_s}, {u"niet_geholpen"_s, u"Niet geholpen"_s}});
    return list;
}

const CodeList& journalKind()
{
    static const CodeList list(u"kind"_s, u"Soort contact"_s,
                               {{u"huisbezoek"_s, u"Huisbezoek"_s},
                                {u"telefoon"_s, u"Telefoon"_s},
                                {u"overleg"_s, u"Overleg"_s},
                                {u"e-mail"_s, u"E-mail"_s},
                                {u"casusoverleg"_s, u"Casusoverleg"_s},
                                {u"overig"_s, u"Overig"_s}});
    return list;
}

const CodeList& escalationTrigger()
{
    static const CodeList list(u"trigger"_s, u"Aanleiding"_s,
                               {{u"termijn_verstreken"_s, u"Termijn verstreken"_s},
                                {u"veiligheid"_s, u"Veiligheid"_s},
                                {u"samenwerking_stagneert"_s, u"Samenwerking stagneert"_s},
                                {u"meerdere_leefgebieden"_s, u"Meerdere leefgebieden"_s}});
    return list;
}

const CodeList& partnerKind()
{
    static const CodeList list(u"kind"_s, u"Soort partner"_s,
                               {{u"gemeente"_s, u"Gemeente"_s},
                                {u"woningcorporatie"_s, u"Woningcorporatie"_s},
                                {u"welzijn"_s, u"Welzijn"_s},
                                {u"zorg"_s, u"Zorg"_s},
                                {u"ggd_cjg"_s, u"GGD / CJG"_s},
                                {u"politie_handhaving"_s, u"Politie / handhaving"_s},
                                {u"onderwijs"_s, u"Onderwijs"_s},
                                {u"werk_inkomen"_s, u"Werk & inkomen"_s},
                                {u"geloofsgemeenschap"_s, u"Geloofsgemeenschap"_s},
                                {u"vrijwilligersorganisatie"_s, u"Vrijwilligersorganisatie"_s},
                                {u"bewonersinitiatief"_s, u"Bewonersinitiatief"_s},
                                {u"stichting"_s, u"Stichting"_s},
                                {u"ondernemer"_s, u"Ondernemer"_s}});
    return list;
}

const CodeList& activityKind()
{
    static const CodeList list(u"kind"_s, u"Soort activiteit"_s,
                               {{u"buurtevenement"_s, u"Buurtevenement"_s},
                                {u"themabijeenkomst"_s, u"Themabijeenkomst"_s},
                                {u"netwerkbijeenkomst"_s, u"Netwerkbijeenkomst"_s},
                                {u"opruimactie"_s, u"Opruimactie"_s},
                                {u"spreekuur"_s, u"Spreekuur / aanwezig in de buurt"_s},
                                {u"voorlichting"_s, u"Voorlichting"_s},
                                {u"bewonersinitiatief"_s, u"Bewonersinitiatief"_s}});
    return list;
}

const CodeList& role()
{
    static const CodeList list(u"role"_s, u"Rol"_s,
                               {{u"medewerker"_s, u"Medewerker"_s},
                                {u"coordinator"_s, u"Coördinator"_s},
                                {u"stuurgroep"_s, u"Stuurgroep"_s},
                                {u"beheerder"_s, u"Beheerder"_s},
                                {u"partner"_s, u"Partner"_s}});
    return list;
}

const CodeList& indicatorStatus()
{
    static const CodeList list(u"status"_s, u"Status succesfactor"_s,
                               {{u"op_koers"_s, u"op koers"_s},
                                {u"niet_op_koers"_s, u"niet op koers"_s},
                                {u"geen_doel"_s, u"geen doel"_s},
                                {u"geen_gegevens"_s, u"geen gegevens"_s}});
    return list;
}

const CodeList& accessAction()
{
    static const CodeList list(u"action"_s, u"Handeling"_s,
                               {{u"bekeken"_s, u"Bekeken"_s},
                                {u"aangemaakt"_s, u"Aangemaakt"_s},
                                {u"gewijzigd"_s, u"Gewijzigd"_s},
                                {u"geexporteerd"_s, u"Geëxporteerd"_s},
                                {u"afgedrukt"_s, u"Afgedrukt"_s},
                                {u"gezocht"_s, u"Gezocht"_s},
                                {u"inzage"_s, u"Inzage"_s},
                                {u"gewist"_s, u"Gewist"_s},
                                {u"geweigerd"_s, u"Geweigerd"_s},
                                {u"beheer"_s, u"Beheer"_s}});
    return list;
}

bool impactAllowsSubject(const QString& impact)
{
    return impact == u"individu"_s || impact == u"huishouden"_s;
}

}  // namespace Codes
}  // namespace bs
