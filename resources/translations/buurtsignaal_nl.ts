<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In behandeling</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Heropend</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Geaccepteerd</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Acute</source>
        <translation>Acuut</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individu</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Building / stairwell</source>
        <translation>Gebouw / portiek</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Niet gevraagd</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Opgelost</translation>
    </message>
    <message>
        <source>Partly solved</source>
        <translation>Deels opgelost</translation>
    </message>
    <message>
        <source>Not solved</source>
        <translation>Niet opgelost</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>Geen actie nodig</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dubbel geregistreerd</translation>
    </message>
    <message>
        <source>Not for the neighbourhood approach</source>
        <translation>Niet voor de Buurtaanpak</translation>
    </message>
    <message>
        <source>Reported in error</source>
        <translation>Onterecht gemeld</translation>
    </message>
    <message>
        <source>No capacity</source>
        <translation>Geen capaciteit</translation>
    </message>
    <message>
        <source>Does not fit our services</source>
        <translation>Past niet bij het aanbod</translation>
    </message>
    <message>
        <source>Resident does not want it</source>
        <translation>Bewoner wil niet</translation>
    </message>
    <message>
        <source>Cannot reach the resident</source>
        <translation>Bewoner niet bereikbaar</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Geholpen</translation>
    </message>
    <message>
        <source>Not helped</source>
        <translation>Niet geholpen</translation>
    </message>
    <message>
        <source>Term expired</source>
        <translation>Termijn verstreken</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <source>Cooperation stalls</source>
        <translation>Samenwerking stagneert</translation>
    </message>
    <message>
        <source>Several areas of life</source>
        <translation>Meerdere leefgebieden</translation>
    </message>
    <message>
        <source>Safety risk</source>
        <translation>Veiligheidsrisico</translation>
    </message>
    <message>
        <source>Legal duty</source>
        <translation>Wettelijke plicht</translation>
    </message>
    <message>
        <source>Neighbourhood event</source>
        <translation>Buurtevenement</translation>
    </message>
    <message>
        <source>Theme meeting</source>
        <translation>Themabijeenkomst</translation>
    </message>
    <message>
        <source>Network meeting</source>
        <translation>Netwerkbijeenkomst</translation>
    </message>
    <message>
        <source>Clean-up</source>
        <translation>Opruimactie</translation>
    </message>
    <message>
        <source>Consultation hour / present in the neighbourhood</source>
        <translation>Spreekuur / aanwezig in de buurt</translation>
    </message>
    <message>
        <source>Information session</source>
        <translation>Voorlichting</translation>
    </message>
    <message>
        <source>Residents&apos; initiative</source>
        <translation>Bewonersinitiatief</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Bekeken</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Geëxporteerd</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Afgedrukt</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Gezocht</translation>
    </message>
    <message>
        <source>Inzage (access request)</source>
        <translation>Inzage</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Gewist</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Dagelijks</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Handmatig</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Voor terugzetten</translation>
    </message>
    <message>
        <source>Before updating to schema version %1</source>
        <translation>Voor bijwerken naar schemaversie %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>What was achieved</source>
        <translation>Wat is er bereikt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Explanation (optional)</source>
        <translation>Toelichting (optioneel)</translation>
    </message>
    <message>
        <source>Why reopen</source>
        <translation>Waarom heropenen</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notitie (optioneel)</translation>
    </message>
    <message>
        <source>Refer %1 to a partner</source>
        <translation>%1 doorverwijzen naar een partner</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Reason for the referral</source>
        <translation>Reden van doorverwijzing</translation>
    </message>
    <message>
        <source>Consent covers this partner</source>
        <translation>Toestemming dekt deze partner</translation>
    </message>
    <message>
        <source>Share without consent on the ground of</source>
        <translation>Delen zonder toestemming op grond van</translation>
    </message>
    <message>
        <source>Why share without consent</source>
        <translation>Waarom delen zonder toestemming</translation>
    </message>
    <message>
        <source>Referral #%1: %2</source>
        <translation>Doorverwijzing #%1: %2</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Terugkoppeling</translation>
    </message>
    <message>
        <source>Why not helped</source>
        <translation>Waarom niet geholpen</translation>
    </message>
    <message>
        <source>Why withdraw</source>
        <translation>Waarom intrekken</translation>
    </message>
    <message>
        <source>Escalate %1</source>
        <translation>%1 opschalen</translation>
    </message>
    <message>
        <source>De-escalate %1</source>
        <translation>%1 afschalen</translation>
    </message>
    <message>
        <source>Level %1 — %2</source>
        <translation>Trede %1 — %2</translation>
    </message>
    <message>
        <source>To level</source>
        <translation>Naar trede</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Note for the new handler</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Required: what the colleague needs to know</source>
        <translation>Verplicht: wat de collega moet weten</translation>
    </message>
    <message>
        <source>Hand over %1</source>
        <translation>%1 overdragen</translation>
    </message>
    <message>
        <source>Handler now</source>
        <translation>Behandelaar nu</translation>
    </message>
    <message>
        <source>New handler</source>
        <translation>Nieuwe behandelaar</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n signal(s)</source>
        <translation>
            <numerusform>%n signaal toewijzen</numerusform>
            <numerusform>%n signalen toewijzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Add journal entry — %1</source>
        <translation>Journaalregel toevoegen — %1</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>Soort contact</translation>
    </message>
    <message>
        <source>Date of the contact</source>
        <translation>Datum contact</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>Hoogstens %1 tekens</translation>
    </message>
    <message>
        <source>Text names the resident</source>
        <translation>Tekst noemt de bewoner</translation>
    </message>
    <message>
        <source>Then the retention run blanks this text together with the person&apos;s data.</source>
        <translation>Dan wist de bewaartermijnronde deze tekst samen met de gegevens van de persoon.</translation>
    </message>
    <message>
        <source>(no correction)</source>
        <translation>(geen correctie)</translation>
    </message>
    <message>
        <source>[text blanked]</source>
        <translation>[tekst gewist]</translation>
    </message>
    <message>
        <source>Corrects entry</source>
        <translation>Corrigeert regel</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Wijzigingen niet opgeslagen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved yet. Save them before going on?</source>
        <translation>%1 heeft wijzigingen die nog niet zijn opgeslagen. Eerst opslaan?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Niet opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>bs::BuurtMapPicture</name>
    <message>
        <source>Signals in the period</source>
        <translation>Signalen in de periode</translation>
    </message>
    <message>
        <source>Signals per 1,000 inhabitants</source>
        <translation>Signalen per 1.000 inwoners</translation>
    </message>
    <message>
        <source>Open signals (today)</source>
        <translation>Open signalen (vandaag)</translation>
    </message>
    <message>
        <source>Late signals (today)</source>
        <translation>Te late signalen (vandaag)</translation>
    </message>
    <message>
        <source>– (no figure)</source>
        <translation>– (geen cijfer)</translation>
    </message>
    <message>
        <source>&lt;5 (not shown)</source>
        <translation>&lt;5 (niet getoond)</translation>
    </message>
    <message>
        <source>x (not shown)</source>
        <translation>x (niet getoond)</translation>
    </message>
</context>
<context>
    <name>bs::CasusSheet</name>
    <message>
        <source>Case meeting Buurtaanpak Alblasserdam</source>
        <translation>Casusoverleg Buurtaanpak Alblasserdam</translation>
    </message>
    <message>
        <source>Signal %1</source>
        <translation>Signaal %1</translation>
    </message>
    <message>
        <source>Confidential — case meeting Buurtaanpak</source>
        <translation>Vertrouwelijk — casusoverleg Buurtaanpak</translation>
    </message>
    <message>
        <source>Printed by %1 on %2</source>
        <translation>Afgedrukt door %1 op %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Pagina %1 van %2</translation>
    </message>
    <message>
        <source>Case meeting: signal %1</source>
        <translation>Casusoverleg: signaal %1</translation>
    </message>
</context>
<context>
    <name>bs::CasusSheetHtml</name>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>handed over by %1</source>
        <translation>overgedragen door %1</translation>
    </message>
    <message>
        <source>, by %1 on %2</source>
        <translation>, door %1 op %2</translation>
    </message>
    <message>
        <source>scope: %1</source>
        <translation>bereik: %1</translation>
    </message>
    <message>
        <source>Subject: shielded</source>
        <translation>Betrokkene: afgeschermd</translation>
    </message>
    <message>
        <source>phone %1</source>
        <translation>telefoon %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betrokkene</translation>
    </message>
    <message>
        <source>No referrals.</source>
        <translation>Geen doorverwijzingen.</translation>
    </message>
    <message>
        <source>late</source>
        <translation>te laat</translation>
    </message>
    <message>
        <source>shared without consent: %1</source>
        <translation>gedeeld zonder toestemming: %1</translation>
    </message>
    <message>
        <source>accepted %1</source>
        <translation>geaccepteerd %1</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>afgewezen: %1</translation>
    </message>
    <message>
        <source>outcome: %1</source>
        <translation>uitkomst: %1</translation>
    </message>
    <message>
        <source>feedback: %1</source>
        <translation>terugkoppeling: %1</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>gesloten %1</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Respond by</source>
        <translation>Reageren voor</translation>
    </message>
    <message>
        <source>Complete by</source>
        <translation>Afronden voor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Feedback and outcome</source>
        <translation>Terugkoppeling en uitkomst</translation>
    </message>
    <message>
        <source>Level %1 (%2) since %3</source>
        <translation>Trede %1 (%2) sinds %3</translation>
    </message>
    <message>
        <source>; term passed on %1 (%2 working days over): stalled</source>
        <translation>; termijn verstreken op %1 (%2 werkdagen over): gestagneerd</translation>
    </message>
    <message>
        <source>; term until %1 (%2 working days left)</source>
        <translation>; termijn tot %1 (nog %2 werkdagen)</translation>
    </message>
    <message>
        <source>Current level</source>
        <translation>Huidige trede</translation>
    </message>
    <message>
        <source>No steps on the ladder.</source>
        <translation>Geen stappen op de ladder.</translation>
    </message>
    <message>
        <source>stepped down</source>
        <translation>afgeschaald</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trede</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>No journal entries.</source>
        <translation>Geen journaalregels.</translation>
    </message>
    <message>
        <source>[text blanked]</source>
        <translation>[tekst gewist]</translation>
    </message>
    <message>
        <source>corrects an earlier entry</source>
        <translation>corrigeert een eerdere regel</translation>
    </message>
    <message>
        <source>corrected by a later entry</source>
        <translation>gecorrigeerd door een latere regel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Case meeting: signal %1</source>
        <translation>Casusoverleg: signaal %1</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Observed on</source>
        <translation>Waargenomen op</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Geregistreerd</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 door %2</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Gesloten op</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Opvolgen op</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Doorverwijzingen</translation>
    </message>
    <message>
        <source>Escalation ladder</source>
        <translation>Escalatieladder</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journaal</translation>
    </message>
</context>
<context>
    <name>bs::CbsImportDialog</name>
    <message>
        <source>Import CBS neighbourhood figures</source>
        <translation>CBS-cijfers van wijken en buurten importeren</translation>
    </message>
    <message>
        <source>%1 changes; nothing has been saved yet. Grey lines stay as they are.</source>
        <translation>%1 wijzigingen; er is nog niets opgeslagen. Grijze regels blijven zoals ze zijn.</translation>
    </message>
</context>
<context>
    <name>bs::Charts</name>
    <message>
        <source>Signals per 1,000 inhabitants per neighbourhood, by theme</source>
        <translation>Signalen per 1.000 inwoners per buurt, naar thema</translation>
    </message>
    <message>
        <source>Signals per neighbourhood, by theme</source>
        <translation>Signalen per buurt, naar thema</translation>
    </message>
    <message>
        <source>%1 of %2 neighbourhoods left out: population unknown (import the CBS figures)</source>
        <translation>%1 van %2 buurten weggelaten: inwonertal onbekend (importeer de CBS-cijfers)</translation>
    </message>
    <message>
        <source>Signals per 1,000 inhabitants</source>
        <translation>Signalen per 1.000 inwoners</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Signals per month, by theme</source>
        <translation>Signalen per maand, naar thema</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Referrals sent in the period: the ten busiest partners</source>
        <translation>Doorverwijzingen verstuurd in de periode: de tien drukste partners</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Geaccepteerd</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Doorverwijzingen</translation>
    </message>
    <message>
        <source>Escalation ladder: open now, stalled now, and steps up in the period</source>
        <translation>Escalatieladder: nu open, nu gestagneerd en opgeschaald in de periode</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Nu open</translation>
    </message>
    <message>
        <source>Stalled now</source>
        <translation>Nu gestagneerd</translation>
    </message>
    <message>
        <source>Escalated to this level in the period</source>
        <translation>In de periode naar deze trede opgeschaald</translation>
    </message>
    <message>
        <source>Open and late signals per neighbourhood (today)</source>
        <translation>Open en te late signalen per buurt (vandaag)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
</context>
<context>
    <name>bs::CoordinatorView</name>
    <message>
        <source>Partner / signal</source>
        <translation>Partner / signaal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Working days waiting</source>
        <translation>Werkdagen wachtend</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Stalled signal</source>
        <translation>Gestagneerd signaal</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trede</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Term ended</source>
        <translation>Termijn verstreken op</translation>
    </message>
    <message>
        <source>Working days over</source>
        <translation>Werkdagen over tijd</translation>
    </message>
    <message>
        <source>%1 (%2 open, %3 late)</source>
        <translation>%1 (%2 open, %3 te laat)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 open referrals with %2 partners, %3 of them late · %4 stalled escalations%5</source>
        <translation>%1 open doorverwijzingen bij %2 partners, waarvan %3 te laat · %4 gestagneerde escalaties%5</translation>
    </message>
    <message>
        <source> (highest levels first, 1000 shown)</source>
        <translation> (hoogste treden eerst, 1000 getoond)</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Op te volgen</translation>
    </message>
    <message>
        <source>Without handler</source>
        <translation>Zonder behandelaar</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Journal, last 30 days: %n contact(s)</source>
        <translation>
            <numerusform>Journaal, laatste 30 dagen: %n contact</numerusform>
            <numerusform>Journaal, laatste 30 dagen: %n contacten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::DailyBackupStatus</name>
    <message>
        <source>The daily backup was not made: %1</source>
        <translation>De dagelijkse back-up is niet gemaakt: %1</translation>
    </message>
    <message>
        <source>Making today&apos;s backup… %1%</source>
        <translation>Back-up van vandaag wordt gemaakt… %1%</translation>
    </message>
    <message>
        <source>Today&apos;s backup was made.</source>
        <translation>De back-up van vandaag is gemaakt.</translation>
    </message>
</context>
<context>
    <name>bs::DashboardMapPage</name>
    <message>
        <source>No buurt map yet: import the CBS Wijk- en buurtkaart through Manage ▸ Import buurt map.</source>
        <translation>Nog geen buurtkaart: importeer de Wijk- en buurtkaart van het CBS via Beheer ▸ Buurtkaart importeren.</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Kleur naar</translation>
    </message>
</context>
<context>
    <name>bs::DashboardView</name>
    <message>
        <source>Map</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Deze maand</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Vorige maand</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dit kwartaal</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Vorig kwartaal</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dit jaar</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Vorig jaar</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Aangepast</translation>
    </message>
    <message>
        <source>Per 1,000 inhabitants</source>
        <translation>Per 1.000 inwoners</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafieken</translation>
    </message>
    <message>
        <source>Success factors</source>
        <translation>Succesfactoren</translation>
    </message>
    <message>
        <source>Rising trends</source>
        <translation>Stijgende trends</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Geaccepteerd</translation>
    </message>
    <message>
        <source>Closed loop</source>
        <translation>Gesloten lus</translation>
    </message>
    <message>
        <source>Median days to accept</source>
        <translation>Mediaan dagen tot acceptatie</translation>
    </message>
    <message>
        <source>Late now</source>
        <translation>Nu te laat</translation>
    </message>
    <message>
        <source>Rejection reasons</source>
        <translation>Redenen van afwijzing</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Success factor</source>
        <translation>Succesfactor</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorige periode</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Enter figure or note for this period…</source>
        <translation>Cijfer of toelichting voor deze periode invoeren…</translation>
    </message>
    <message>
        <source>Categories that rose in a neighbourhood compared with the previous period, faster than in the municipality as a whole, with at least %1 signals — to pass on to policy.</source>
        <translation>Categorieën die in een buurt stegen ten opzichte van de vorige periode, sneller dan in de hele gemeente, met ten minste %1 signalen — om door te geven aan beleid.</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Deze periode</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Verandering</translation>
    </message>
    <message>
        <source>Change in the municipality</source>
        <translation>Verandering in de gemeente</translation>
    </message>
    <message>
        <source>Whole municipality</source>
        <translation>Hele gemeente</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Alle thema&apos;s</translation>
    </message>
    <message>
        <source>on course</source>
        <translation>op koers</translation>
    </message>
    <message>
        <source>not on course</source>
        <translation>niet op koers</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>geen doel</translation>
    </message>
    <message>
        <source>no figures yet</source>
        <translation>nog geen cijfers</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>%1%2 % per period</source>
        <translation>%1%2 % per periode</translation>
    </message>
    <message>
        <source>%1 per year</source>
        <translation>%1 per jaar</translation>
    </message>
    <message>
        <source>(qualitative)</source>
        <translation>(kwalitatief)</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 t/m %3</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cijfer</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>De cijfers worden berekend…</translation>
    </message>
    <message>
        <source>%1 to %2: %3 signals</source>
        <translation>%1 t/m %2: %3 signalen</translation>
    </message>
    <message>
        <source>(period runs until %1)</source>
        <translation>(periode loopt tot en met %1)</translation>
    </message>
    <message>
        <source>compared with %1 to %2: %3 (%4)</source>
        <translation>vergeleken met %1 t/m %2: %3 (%4)</translation>
    </message>
    <message>
        <source>open now %1, of which late %2</source>
        <translation>nu open %1, waarvan te laat %2</translation>
    </message>
</context>
<context>
    <name>bs::DateField</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>A date such as 27-11-2026 (also 7-1-2026 or 2026-11-27); empty: none.</source>
        <translation>Een datum zoals 27-11-2026 (ook 7-1-2026 of 2026-11-27); leeg: geen.</translation>
    </message>
    <message>
        <source>Choose a date in the calendar</source>
        <translation>Kies een datum in de kalender</translation>
    </message>
</context>
<context>
    <name>bs::FilterBar</name>
    <message>
        <source>Search reference, description, street…</source>
        <translation>Zoek op kenmerk, omschrijving, straat…</translation>
    </message>
    <message>
        <source>All neighbourhoods</source>
        <translation>Alle buurten</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Alle thema&apos;s</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle categorieën</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle bronnen</translation>
    </message>
    <message>
        <source>from…</source>
        <translation>vanaf…</translation>
    </message>
    <message>
        <source>to…</source>
        <translation>tot en met…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Alle filters wissen</translation>
    </message>
    <message>
        <source>Any handler</source>
        <translation>Alle behandelaars</translation>
    </message>
    <message>
        <source>Open signals of one handler</source>
        <translation>Open signalen van één behandelaar</translation>
    </message>
</context>
<context>
    <name>bs::HelpMenu</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
</context>
<context>
    <name>bs::HelpViewer</name>
    <message>
        <source>User guide — Buurtsignaal</source>
        <translation>Handleiding — Buurtsignaal</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Terug</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>Vooruit ▶</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>This link leads outside the guide and is not opened here: %1</source>
        <translation>Deze link gaat buiten de handleiding en wordt hier niet geopend: %1</translation>
    </message>
</context>
<context>
    <name>bs::ImportDialog</name>
    <message>
        <source>Import meldingen</source>
        <translation>Meldingen importeren</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Bestand kiezen…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Geen bestand gekozen.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>External number (required)</source>
        <translation>Extern nummer (verplicht)</translation>
    </message>
    <message>
        <source>Date reported (required)</source>
        <translation>Datum melding (verplicht)</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Category (required)</source>
        <translation>Categorie (verplicht)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>Datum afgehandeld</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Waarde in het bestand</translation>
    </message>
    <message>
        <source>Registry category</source>
        <translation>Categorie in het register</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Registry status</source>
        <translation>Status in het register</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statussen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Melding export</source>
        <translation>Export met meldingen</translation>
    </message>
    <message>
        <source>Exports (*.csv *.txt *.zip);;All files (*)</source>
        <translation>Exports (*.csv *.txt *.zip);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Het bestand %1 kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>%1 — %2 rows, %3, separator &apos;%4&apos;</source>
        <translation>%1 — %2 regels, %3, scheidingsteken &apos;%4&apos;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Check the columns, categories and statuses, then choose Check.</source>
        <translation>Controleer de kolommen, categorieën en statussen en kies dan Controleren.</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(niet gekoppeld)</translation>
    </message>
    <message>
        <source>Row %1, column %2: %3</source>
        <translation>Regel %1, kolom %2: %3</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Kies eerst een bestand.</translation>
    </message>
    <message>
        <source>Choose the file&apos;s column for every required field, and for the neighbourhood, its coordinates or the street.</source>
        <translation>Kies de kolom van het bestand voor elk verplicht veld, en voor de buurt, de coördinaten of de straat.</translation>
    </message>
    <message>
        <source>%1 of %2 rows cannot be imported; nothing will be saved until they are fixed (in the file or the mapping).</source>
        <translation>%1 van de %2 regels kunnen niet worden geïmporteerd; er wordt niets opgeslagen tot ze zijn verbeterd (in het bestand of de koppeling).</translation>
    </message>
    <message>
        <source>All %1 rows can be imported: %2 new, %3 to update, %4 already in the registry, %5 skipped by the mapping. Nothing has been saved yet.</source>
        <translation>Alle %1 regels kunnen worden geïmporteerd: %2 nieuw, %3 bij te werken, %4 staan al in het register, %5 overgeslagen volgens de koppeling. Er is nog niets opgeslagen.</translation>
    </message>
    <message>
        <source>Importing meldingen…</source>
        <translation>Meldingen importeren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>%1 meldingen imported, %2 updated; %3 were already in the registry.</source>
        <translation>%1 meldingen geïmporteerd, %2 bijgewerkt; %3 stonden al in het register.</translation>
    </message>
    <message>
        <source>(none: map every column yourself)</source>
        <translation>(geen: elke kolom zelf koppelen)</translation>
    </message>
    <message>
        <source>Signalen (zip export)</source>
        <translation>Signalen (zip-export)</translation>
    </message>
    <message>
        <source>FixMyStreet (dashboard CSV)</source>
        <translation>FixMyStreet (dashboard-CSV)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voorinstelling</translation>
    </message>
    <message>
        <source>Latitude (WGS84)</source>
        <translation>Breedtegraad (WGS84)</translation>
    </message>
    <message>
        <source>Longitude (WGS84)</source>
        <translation>Lengtegraad (WGS84)</translation>
    </message>
    <message>
        <source>X (RD New)</source>
        <translation>X (RD New, meter)</translation>
    </message>
    <message>
        <source>Y (RD New)</source>
        <translation>Y (RD New, meter)</translation>
    </message>
    <message>
        <source>Update the status and closing date of meldingen already in the registry</source>
        <translation>Status en afhandeldatum bijwerken van meldingen die al in het register staan</translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation>… en nog %1 problemen</translation>
    </message>
    <message>
        <source>Only the first %1 problems are listed.</source>
        <translation>Alleen de eerste %1 problemen staan in de lijst.</translation>
    </message>
    <message>
        <source>When empty: %1</source>
        <translation>Als die leeg is: %1</translation>
    </message>
</context>
<context>
    <name>bs::KaartImportDialog</name>
    <message>
        <source>Import buurt map</source>
        <translation>Buurtkaart importeren</translation>
    </message>
    <message>
        <source>The CBS/Kadaster Wijk- en buurtkaart as a GeoPackage (.gpkg). Only the buurten of this registry&apos;s municipality are taken; nothing is saved before you apply the plan.</source>
        <translation>De Wijk- en buurtkaart van CBS/Kadaster als GeoPackage (.gpkg). Alleen de buurten van de gemeente van dit register worden gelezen; er wordt niets opgeslagen voordat u het plan toepast.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Bestand kiezen…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Geen bestand gekozen</translation>
    </message>
    <message>
        <source>year from the file</source>
        <translation>jaar uit het bestand</translation>
    </message>
    <message>
        <source>Map year</source>
        <translation>Jaar van de kaart</translation>
    </message>
    <message>
        <source>CBS Wijk- en buurtkaart</source>
        <translation>Wijk- en buurtkaart van het CBS</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg);;All files (*)</source>
        <translation>GeoPackage (*.gpkg);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>bs::MainWindow</name>
    <message>
        <source>Import &amp;buurt map…</source>
        <translation>Buurt&amp;kaart importeren…</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Coordination</source>
        <translation>Coördinatie</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New signal…</source>
        <translation>&amp;Nieuw signaal…</translation>
    </message>
    <message>
        <source>&amp;Open registry…</source>
        <translation>Register &amp;openen…</translation>
    </message>
    <message>
        <source>Open registry</source>
        <translation>Register openen</translation>
    </message>
    <message>
        <source>Buurtsignaal registry (*.buurtsignaal);;All files (*)</source>
        <translation>Buurtsignaal-register (*.buurtsignaal);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>New &amp;registry…</source>
        <translation>Nieuw &amp;register…</translation>
    </message>
    <message>
        <source>New registry</source>
        <translation>Nieuw register</translation>
    </message>
    <message>
        <source>Buurtsignaal registry (*.buurtsignaal)</source>
        <translation>Buurtsignaal-register (*.buurtsignaal)</translation>
    </message>
    <message>
        <source>Recent registries</source>
        <translation>Recente registers</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>&amp;Signals</source>
        <translation>&amp;Signalen</translation>
    </message>
    <message>
        <source>&amp;Coordination</source>
        <translation>&amp;Coördinatie</translation>
    </message>
    <message>
        <source>Save &amp;filter as…</source>
        <translation>&amp;Filter opslaan als…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>B&amp;eheer</translation>
    </message>
    <message>
        <source>&amp;Reference data and activities…</source>
        <translation>&amp;Referentiegegevens en activiteiten…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Buurtsignaal</source>
        <translation>&amp;Over Buurtsignaal</translation>
    </message>
    <message>
        <source>About Buurtsignaal</source>
        <translation>Over Buurtsignaal</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Buurtsignaal %1&lt;/h3&gt;&lt;p&gt;Registry of signals, referrals and escalations for the Buurtaanpak of Alblasserdam.&lt;/p&gt;&lt;p&gt;Personal data stays in this registry file; reports show figures only, never a person.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and SQLite.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Buurtsignaal %1&lt;/h3&gt;&lt;p&gt;Register van signaleringen, doorverwijzingen en escalaties voor de Buurtaanpak Alblasserdam.&lt;/p&gt;&lt;p&gt;Persoonsgegevens blijven in dit registerbestand; rapportages tonen alleen cijfers, nooit een persoon.&lt;/p&gt;&lt;p&gt;Gemaakt met Qt %2 en SQLite.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>Register: %1</translation>
    </message>
    <message>
        <source>Signal %1 saved.</source>
        <translation>Signaal %1 opgeslagen.</translation>
    </message>
    <message>
        <source>%1 — Buurtsignaal</source>
        <translation>%1 — Buurtsignaal</translation>
    </message>
    <message>
        <source>DEMO — fictional data — %1</source>
        <translation>DEMO — fictieve gegevens — %1</translation>
    </message>
    <message>
        <source>DEMO — fictional data. This registry was filled with generated signals; do not record real cases in it.</source>
        <translation>DEMO — fictieve gegevens. Dit register is gevuld met gegenereerde signalen; leg er geen echte zaken in vast.</translation>
    </message>
    <message>
        <source>Buurtsignaal</source>
        <translation>Buurtsignaal</translation>
    </message>
    <message>
        <source>%1 in this list · %2 open · %3 late</source>
        <translation>%1 in deze lijst · %2 open · %3 te laat</translation>
    </message>
    <message>
        <source>The registry was changed in another window; the list is up to date.</source>
        <translation>Het register is in een ander venster gewijzigd; de lijst is bijgewerkt.</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter opslaan</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>Naam van dit filter:</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Import &amp;CBS neighbourhood figures…</source>
        <translation>&amp;CBS-cijfers wijken en buurten importeren…</translation>
    </message>
    <message>
        <source>CBS file &apos;Kerncijfers wijken en buurten&apos;</source>
        <translation>CBS-bestand &apos;Kerncijfers wijken en buurten&apos;</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Het bestand %1 kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>&amp;Export list as CSV…</source>
        <translation>Lijst &amp;exporteren als CSV…</translation>
    </message>
    <message>
        <source>CSV for Dutch Excel, semicolons (*.csv)</source>
        <translation>CSV voor Nederlandse Excel, puntkomma (*.csv)</translation>
    </message>
    <message>
        <source>CSV with commas (*.csv)</source>
        <translation>CSV met komma&apos;s (*.csv)</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Lijst exporteren</translation>
    </message>
    <message>
        <source>%1 signals exported to %2.</source>
        <translation>%1 signalen geëxporteerd naar %2.</translation>
    </message>
    <message>
        <source>Steering-group &amp;report (PDF)…</source>
        <translation>Stuurgroep&amp;rapportage (PDF)…</translation>
    </message>
    <message>
        <source>Import &amp;meldingen (FIXIE, police)…</source>
        <translation>&amp;Meldingen importeren (FIXIE, politie)…</translation>
    </message>
    <message>
        <source>Steering-group report</source>
        <translation>Stuurgroeprapportage</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Rapportage opslaan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>De rapportage wordt geschreven…</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Rapportage opgeslagen: %1</translation>
    </message>
    <message>
        <source>&amp;Privacy, users and backups…</source>
        <translation>&amp;Privacy, gebruikers en back-ups…</translation>
    </message>
    <message>
        <source>No access: %1 is not a user of this registry</source>
        <translation>Geen toegang: %1 is geen gebruiker van dit register</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Backup restored. The replaced registry is kept as %1.</source>
        <translation>Back-up teruggezet. Het vervangen register is bewaard als %1.</translation>
    </message>
    <message>
        <source>the beheerder of this registry</source>
        <translation>de beheerder van dit register</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No access to this registry&lt;/h2&gt;&lt;p&gt;You are logged in as &lt;b&gt;%1&lt;/b&gt;, and %1 is not an active user of this registry, so Buurtsignaal shows none of its signals or figures.&lt;/p&gt;&lt;p&gt;Access is given by a beheerder: &lt;b&gt;%2&lt;/b&gt;. The beheerder adds you with a role in the menu &lt;b&gt;%3&lt;/b&gt;, tab Users and roles, button Add user… (or on the command line: &lt;code&gt;buurtsignaal-cli user set %1 ROLE&lt;/code&gt;). Then open this registry again.&lt;/p&gt;&lt;p&gt;Registry: %4&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Geen toegang tot dit register&lt;/h2&gt;&lt;p&gt;U bent aangemeld als &lt;b&gt;%1&lt;/b&gt;, en %1 is geen actieve gebruiker van dit register. Daarom toont Buurtsignaal geen signalen of cijfers.&lt;/p&gt;&lt;p&gt;Toegang geeft een beheerder: &lt;b&gt;%2&lt;/b&gt;. De beheerder voegt u met een rol toe via het menu &lt;b&gt;%3&lt;/b&gt;, tabblad Gebruikers en rollen, knop Gebruiker toevoegen… (of op de opdrachtregel: &lt;code&gt;buurtsignaal-cli user set %1 ROL&lt;/code&gt;). Open daarna dit register opnieuw.&lt;/p&gt;&lt;p&gt;Register: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connection to the server lost — reconnecting…</source>
        <translation>Verbinding met de server verbroken — opnieuw verbinden…</translation>
    </message>
    <message>
        <source>Changes made elsewhere are not shown by themselves (%1); use Refresh.</source>
        <translation>Wijzigingen van elders verschijnen niet vanzelf (%1); kies Vernieuwen.</translation>
    </message>
    <message>
        <source>Connection to the server restored; everything shown is up to date.</source>
        <translation>Verbinding met de server hersteld; alles wat u ziet is bijgewerkt.</translation>
    </message>
    <message>
        <source>Open a registry file on this computer, or the team&apos;s registry on a server?</source>
        <translation>Een registerbestand op deze computer openen, of het register van het team op een server?</translation>
    </message>
    <message>
        <source>&amp;File…</source>
        <translation>&amp;Bestand…</translation>
    </message>
    <message>
        <source>&amp;Server…</source>
        <translation>&amp;Server…</translation>
    </message>
    <message>
        <source>Open signals with a follow-up date up to today; click to show them.</source>
        <translation>Open signalen met een opvolgdatum tot en met vandaag; klik om ze te tonen.</translation>
    </message>
    <message>
        <source>Follow up today: %1</source>
        <translation>Vandaag opvolgen: %1</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Toewijzen aan…</translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s) assigned.</source>
        <translation>
            <numerusform>%n signaal toegewezen.</numerusform>
            <numerusform>%n signalen toegewezen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Print signal…</source>
        <translation>Signaal af&amp;drukken…</translation>
    </message>
    <message>
        <source>Save signal as P&amp;DF…</source>
        <translation>Signaal opslaan als &amp;PDF…</translation>
    </message>
    <message>
        <source>Print signal %1</source>
        <translation>Signaal %1 afdrukken</translation>
    </message>
    <message>
        <source>Signal %1 printed for the case meeting.</source>
        <translation>Signaal %1 afgedrukt voor het casusoverleg.</translation>
    </message>
    <message>
        <source>Save signal as PDF</source>
        <translation>Signaal opslaan als PDF</translation>
    </message>
    <message>
        <source>Signal %1 saved as PDF: %2</source>
        <translation>Signaal %1 opgeslagen als PDF: %2</translation>
    </message>
    <message>
        <source>Practise with &amp;demo data</source>
        <translation>Oefenen met &amp;demogegevens</translation>
    </message>
    <message>
        <source>You did not log in to the server %1.</source>
        <translation>U bent niet aangemeld bij de server %1.</translation>
    </message>
    <message>
        <source>%1 (server)</source>
        <translation>%1 (server)</translation>
    </message>
    <message>
        <source>%1 was removed from the recent registries.</source>
        <translation>%1 is uit de recente registers verwijderd.</translation>
    </message>
    <message>
        <source>The registry file %1 is not there (any more). It may have been moved, renamed or deleted, or it is on a drive or network folder that is not connected now.</source>
        <translation>Het registerbestand %1 is er niet (meer). Misschien is het verplaatst, hernoemd of verwijderd, of staat het op een schijf of netwerkmap die nu niet is aangesloten.</translation>
    </message>
    <message>
        <source>The file %1 already exists. Choose another name for the new registry, or open this one with &apos;Open an existing registry file&apos;.</source>
        <translation>Het bestand %1 bestaat al. Kies een andere naam voor het nieuwe register, of open dit bestand met ‘Bestaand registerbestand openen’.</translation>
    </message>
    <message>
        <source>Making the demo registry: %1 fictional signals…</source>
        <translation>Het demoregister wordt gemaakt: %1 fictieve signalen…</translation>
    </message>
</context>
<context>
    <name>bs::ManagementDialog</name>
    <message>
        <source>Manage reference data</source>
        <translation>Referentiegegevens beheren</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Neighbourhoods</source>
        <translation>Buurten</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Escalation terms</source>
        <translation>Escalatietermijnen</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Formeel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Response term</source>
        <translation>Reactietermijn</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Aangesloten</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Laatst gecontroleerd</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Add partner…</source>
        <translation>Partner toevoegen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>CBS code</source>
        <translation>CBS-code</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Inwoners</translation>
    </message>
    <message>
        <source>Prioritised</source>
        <translation>Prioritair</translation>
    </message>
    <message>
        <source>Active since</source>
        <translation>Actief sinds</translation>
    </message>
    <message>
        <source>Add neighbourhood…</source>
        <translation>Buurt toevoegen…</translation>
    </message>
    <message>
        <source>CBS codes and population come from the CBS table &apos;Kerncijfers wijken en buurten&apos;; leave a code empty until it is known — never guess one.</source>
        <translation>CBS-codes en inwonertallen komen uit de CBS-tabel &apos;Kerncijfers wijken en buurten&apos;; laat een code leeg tot hij bekend is — raad nooit.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In gebruik</translation>
    </message>
    <message>
        <source>Add category…</source>
        <translation>Categorie toevoegen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Hernoemen…</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>Uit / in gebruik nemen</translation>
    </message>
    <message>
        <source>A deactivated category stays valid on old signals; it is no longer offered for new ones.</source>
        <translation>Een categorie die niet meer in gebruik is, blijft geldig bij oude signalen; bij nieuwe signalen wordt hij niet meer aangeboden.</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trede</translation>
    </message>
    <message>
        <source>Who holds direction</source>
        <translation>Wie heeft de regie</translation>
    </message>
    <message>
        <source>Term (working days)</source>
        <translation>Termijn (werkdagen)</translation>
    </message>
    <message>
        <source>A signal longer on a level than its term is shown as stalled. Term 0: the regional chain acts at once.</source>
        <translation>Een signaal dat langer op een trede staat dan de termijn, geldt als gestagneerd. Termijn 0: de regionale keten handelt direct.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisaties</translation>
    </message>
    <message>
        <source>Self-organised</source>
        <translation>Zelf georganiseerd</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Add activity…</source>
        <translation>Activiteit toevoegen…</translation>
    </message>
    <message>
        <source>Events, meetings, clean-ups and consultation hours feed the success factors.</source>
        <translation>Evenementen, bijeenkomsten, opruimacties en spreekuren tellen mee in de succesfactoren.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>formal</source>
        <translation>formeel</translation>
    </message>
    <message>
        <source>informal</source>
        <translation>informeel</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 werkdagen</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <source>whole municipality</source>
        <translation>hele gemeente</translation>
    </message>
    <message>
        <source>Formal partner</source>
        <translation>Formele partner</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Services offered</source>
        <translation>Aanbod</translation>
    </message>
    <message>
        <source>Themes (T1–T4)</source>
        <translation>Thema&apos;s (T1–T4)</translation>
    </message>
    <message>
        <source>Response term (working days)</source>
        <translation>Reactietermijn (werkdagen)</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Aangesloten op</translation>
    </message>
    <message>
        <source>Last verified on</source>
        <translation>Laatst gecontroleerd op</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Nieuwe partner</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Response term must be a whole number of working days.</source>
        <translation>Reactietermijn moet een geheel aantal werkdagen zijn.</translation>
    </message>
    <message>
        <source>CBS code (BU…)</source>
        <translation>CBS-code (BU…)</translation>
    </message>
    <message>
        <source>District code (WK…)</source>
        <translation>Wijkcode (WK…)</translation>
    </message>
    <message>
        <source>Approach active since (year)</source>
        <translation>Buurtaanpak actief sinds (jaar)</translation>
    </message>
    <message>
        <source>New neighbourhood</source>
        <translation>Nieuwe buurt</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Nieuwe categorie</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>Categorie hernoemen</translation>
    </message>
    <message>
        <source>Whole municipality</source>
        <translation>Hele gemeente</translation>
    </message>
    <message>
        <source>Organised by residents themselves</source>
        <translation>Door bewoners zelf georganiseerd</translation>
    </message>
    <message>
        <source>Budget awarded (euro, residents&apos; initiatives)</source>
        <translation>Toegekend budget (euro, bewonersinitiatieven)</translation>
    </message>
    <message>
        <source>Partners (comma separated)</source>
        <translation>Partners (gescheiden door komma&apos;s)</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nieuwe activiteit</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <source>External numbers</source>
        <translation>Eigen nummers</translation>
    </message>
    <message>
        <source>Add source…</source>
        <translation>Bron toevoegen…</translation>
    </message>
    <message>
        <source>Where signals come from. Add a reporting system here before importing its export.</source>
        <translation>Waar signalen vandaan komen. Voeg hier een meldsysteem toe voordat u de export ervan importeert.</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Nieuwe bron</translation>
    </message>
</context>
<context>
    <name>bs::NewSignalDialog</name>
    <message>
        <source>New signal</source>
        <translation>Nieuw signaal</translation>
    </message>
    <message>
        <source>What did you see or hear? No citizen service number (BSN).</source>
        <translation>Wat heeft u gezien of gehoord? Geen burgerservicenummer (BSN).</translation>
    </message>
    <message>
        <source>&amp;Neighbourhood</source>
        <translation>&amp;Buurt</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Categorie</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>B&amp;ron</translation>
    </message>
    <message>
        <source>&amp;Impact level</source>
        <translation>&amp;Impactniveau</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>&amp;Urgentie</translation>
    </message>
    <message>
        <source>&amp;Observed on</source>
        <translation>&amp;Waargenomen op</translation>
    </message>
    <message>
        <source>&amp;Street</source>
        <translation>&amp;Straat</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Omschrijving</translation>
    </message>
    <message>
        <source>Acute: in immediate danger call 112; for domestic violence or child abuse call Veilig Thuis (0800-2000). Buurtsignaal records the signal but is not an emergency channel.</source>
        <translation>Acuut: bel bij direct gevaar 112; bij huiselijk geweld of kindermishandeling Veilig Thuis (0800-2000). Buurtsignaal legt het signaal vast, maar is geen meldkanaal voor noodgevallen.</translation>
    </message>
    <message>
        <source>Person or household concerned (optional)</source>
        <translation>Betrokken persoon of huishouden (optioneel)</translation>
    </message>
    <message>
        <source>Partners or kinds of partner, separated by commas, e.g. welzijn, Woonkracht10</source>
        <translation>Partners of soorten partner, gescheiden door komma&apos;s, bv. welzijn, Woonkracht10</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Geboortejaar</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>Consent covers</source>
        <translation>Toestemming geldt voor</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Opslaan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Only signals about an individual or a household have a person concerned.</source>
        <translation>Alleen signalen over een individu of huishouden hebben een betrokkene.</translation>
    </message>
    <message>
        <source>The new signal</source>
        <translation>Het nieuwe signaal</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>&amp;Handler</source>
        <translation>Be&amp;handelaar</translation>
    </message>
</context>
<context>
    <name>bs::PrivacyDialog</name>
    <message>
        <source>Privacy and administration</source>
        <translation>Privacy en beheer</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Gebruikers en rollen</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Toegangslogboek</translation>
    </message>
    <message>
        <source>Persons (inzage, erasure)</source>
        <translation>Betrokkenen (inzage, wissen)</translation>
    </message>
    <message>
        <source>Retention and backups</source>
        <translation>Bewaartermijn en back-ups</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Gebruiker toevoegen…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Rol wijzigen…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Gebruiker toevoegen</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>Gebruiker wijzigen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactief</translation>
    </message>
    <message>
        <source>Login (as on the computer)</source>
        <translation>Gebruikersnaam (als op de computer)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>User %1 saved.</source>
        <translation>Gebruiker %1 opgeslagen.</translation>
    </message>
    <message>
        <source>login</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>all actions</source>
        <translation>alle handelingen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Toelichting</translation>
    </message>
    <message numerus="yes">
        <source>%n entries (newest first; the log keeps its entries for the set term and cannot be changed).</source>
        <translation>
            <numerusform>%n regel (nieuwste eerst; het logboek bewaart regels gedurende de ingestelde termijn en kan niet worden gewijzigd).</numerusform>
            <numerusform>%n regels (nieuwste eerst; het logboek bewaart regels gedurende de ingestelde termijn en kan niet worden gewijzigd).</numerusform>
        </translation>
    </message>
    <message>
        <source>name, address or phone number (at least 2 characters)</source>
        <translation>naam, adres of telefoonnummer (minstens 2 tekens)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Waargenomen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Export inzage (JSON)…</source>
        <translation>Inzage exporteren (JSON)…</translation>
    </message>
    <message>
        <source>Erase on request…</source>
        <translation>Wissen op verzoek…</translation>
    </message>
    <message>
        <source>For a request under the AVG: find every signal that holds the person&apos;s data, give them everything held (inzage), or erase it. Searches, inzage and erasure are in the access log.</source>
        <translation>Voor een verzoek op grond van de AVG: vind elk signaal met gegevens van de persoon, geef alles wat is vastgelegd (inzage) of wis het. Zoeken, inzage en wissen komen in het toegangslogboek.</translation>
    </message>
    <message numerus="yes">
        <source>%n signals hold data of a person matching &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n signaal bevat gegevens van een persoon die past bij &apos;%1&apos;.</numerusform>
            <numerusform>%n signalen bevatten gegevens van een persoon die past bij &apos;%1&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the signals of the person first.</source>
        <translation>Selecteer eerst de signalen van de persoon.</translation>
    </message>
    <message>
        <source>Export inzage</source>
        <translation>Inzage exporteren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Inzage of %n signals written to %1.</source>
        <translation>
            <numerusform>Inzage van %n signaal geschreven naar %1.</numerusform>
            <numerusform>Inzage van %n signalen geschreven naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase on request</source>
        <translation>Wissen op verzoek</translation>
    </message>
    <message numerus="yes">
        <source>Erase the person&apos;s data and the free texts of %n signals? The figures stay. Name the request (e.g. letter of 12-11-2026):</source>
        <translation>
            <numerusform>De gegevens van de betrokkene en de vrije teksten van %n signaal wissen? De cijfers blijven. Noem het verzoek (bijvoorbeeld brief van 12-11-2026):</numerusform>
            <numerusform>De gegevens van de betrokkene en de vrije teksten van %n signalen wissen? De cijfers blijven. Noem het verzoek (bijvoorbeeld brief van 12-11-2026):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erased at %n signals.</source>
        <translation>
            <numerusform>Gewist bij %n signaal.</numerusform>
            <numerusform>Gewist bij %n signalen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Person data of signals closed longer than %1 months ago is wiped by the retention run; the signals and every figure stay.</source>
        <translation>Gegevens van betrokkenen bij signalen die langer dan %1 maanden geleden zijn afgesloten, worden door de bewaartermijnronde gewist; de signalen en alle cijfers blijven.</translation>
    </message>
    <message>
        <source>Count what would be wiped</source>
        <translation>Tellen wat gewist zou worden</translation>
    </message>
    <message>
        <source>Run retention now…</source>
        <translation>Bewaartermijn nu toepassen…</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Make backup now</source>
        <translation>Nu een back-up maken</translation>
    </message>
    <message>
        <source>Restore selected backup…</source>
        <translation>Gekozen back-up terugzetten…</translation>
    </message>
    <message>
        <source>Select a backup first.</source>
        <translation>Kies eerst een back-up.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Back-up terugzetten</translation>
    </message>
    <message>
        <source>Replace the registry by the backup of %1? A backup of the current registry is made first. Other windows on this registry must be closed.</source>
        <translation>Het register vervangen door de back-up van %1? Eerst wordt een back-up van het huidige register gemaakt. Andere vensters met dit register moeten gesloten zijn.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backups&lt;/b&gt; (checked with the database&apos;s own integrity check; one a day automatically and before every update; the oldest are removed)</source>
        <translation>&lt;b&gt;Back-ups&lt;/b&gt; (gecontroleerd met de eigen databasecontrole; elke dag automatisch één en vóór elke update; de oudste worden opgeruimd)</translation>
    </message>
    <message>
        <source>Run retention</source>
        <translation>Bewaartermijn toepassen</translation>
    </message>
    <message numerus="yes">
        <source>Wipe the person data of %n signals closed before %1? This cannot be undone (backups excepted).</source>
        <translation>
            <numerusform>De gegevens van betrokkenen bij %n signaal dat voor %1 is afgesloten wissen? Dit kan niet ongedaan worden gemaakt (behalve via een back-up).</numerusform>
            <numerusform>De gegevens van betrokkenen bij %n signalen die voor %1 zijn afgesloten wissen? Dit kan niet ongedaan worden gemaakt (behalve via een back-up).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wiped: person data of %n signals closed before %1.</source>
        <translation>
            <numerusform>Gewist: gegevens van betrokkenen bij %n signaal afgesloten voor %1.</numerusform>
            <numerusform>Gewist: gegevens van betrokkenen bij %n signalen afgesloten voor %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To wipe: person data of %n signals closed before %1.</source>
        <translation>
            <numerusform>Te wissen: gegevens van betrokkenen bij %n signaal afgesloten voor %1.</numerusform>
            <numerusform>Te wissen: gegevens van betrokkenen bij %n signalen afgesloten voor %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup made and checked: %1</source>
        <translation>Back-up gemaakt en gecontroleerd: %1</translation>
    </message>
    <message>
        <source>Medewerker: signals. Coördinator: also referrals overview and imports. Stuurgroep: dashboard and reports only, never a signal. Partner: the referrals to their own organisation. Beheerder: everything, including this screen.</source>
        <translation>Medewerker: signalen. Coördinator: ook het overzicht van doorverwijzingen en imports. Stuurgroep: alleen dashboard en rapportages, nooit een signaal. Partner: de doorverwijzingen aan de eigen organisatie. Beheerder: alles, ook dit scherm.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>empty: the server checks the directory (LDAP/GSSAPI)</source>
        <translation>leeg: de server controleert via de directory (LDAP/GSSAPI)</translation>
    </message>
    <message>
        <source>Login on the server</source>
        <translation>Login op de server</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <translation>Partnerorganisatie</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Eerste wachtwoord</translation>
    </message>
</context>
<context>
    <name>bs::QueuePanel</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Awaiting feedback</source>
        <translation>Wacht op terugkoppeling</translation>
    </message>
    <message>
        <source>Stalled escalations</source>
        <translation>Gestagneerde escalaties</translation>
    </message>
    <message>
        <source>All signals</source>
        <translation>Alle signalen</translation>
    </message>
    <message>
        <source>Delete saved filter</source>
        <translation>Opgeslagen filter verwijderen</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Opgeslagen filters</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Mijn werkvoorraad</translation>
    </message>
    <message>
        <source>Follow up today</source>
        <translation>Vandaag opvolgen</translation>
    </message>
    <message>
        <source>Without handler</source>
        <translation>Zonder behandelaar</translation>
    </message>
</context>
<context>
    <name>bs::ReportHtml</name>
    <message>
        <source>the whole municipality</source>
        <translation>de hele gemeente</translation>
    </message>
    <message>
        <source>Steering-group report Buurtaanpak Alblasserdam</source>
        <translation>Stuurgroeprapportage Buurtaanpak Alblasserdam</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <source>Compared with:</source>
        <translation>Vergeleken met:</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Bereik:</translation>
    </message>
    <message>
        <source>Made on:</source>
        <translation>Gemaakt op:</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kerncijfers</translation>
    </message>
    <message>
        <source>Signals per neighbourhood</source>
        <translation>Signalen per buurt</translation>
    </message>
    <message>
        <source>Monthly trend</source>
        <translation>Verloop per maand</translation>
    </message>
    <message>
        <source>Referrals per partner</source>
        <translation>Doorverwijzingen per partner</translation>
    </message>
    <message>
        <source>Escalation ladder</source>
        <translation>Escalatieladder</translation>
    </message>
    <message>
        <source>Success factors</source>
        <translation>Succesfactoren</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <source>Rising trends</source>
        <translation>Stijgende trends</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cijfer</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Deze periode</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorige periode</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Verandering</translation>
    </message>
    <message>
        <source>Signals registered</source>
        <translation>Geregistreerde signalen</translation>
    </message>
    <message>
        <source>Open signals (today)</source>
        <translation>Open signalen (vandaag)</translation>
    </message>
    <message>
        <source>Late signals (today)</source>
        <translation>Te late signalen (vandaag)</translation>
    </message>
    <message>
        <source>Referrals sent</source>
        <translation>Verstuurde doorverwijzingen</translation>
    </message>
    <message>
        <source>Closed loop (feedback received)</source>
        <translation>Gesloten lus (terugkoppeling ontvangen)</translation>
    </message>
    <message>
        <source>Shared without consent, on a recorded ground</source>
        <translation>Gedeeld zonder toestemming, op een vastgelegde grond</translation>
    </message>
    <message>
        <source>Escalations up</source>
        <translation>Opschalingen</translation>
    </message>
    <message>
        <source>Stalled escalations (today)</source>
        <translation>Gestagneerde escalaties (vandaag)</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Per 1,000 inhabitants</source>
        <translation>Per 1.000 inwoners</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Geaccepteerd</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Closed loop</source>
        <translation>Gesloten lus</translation>
    </message>
    <message>
        <source>Median days to accept</source>
        <translation>Mediaan dagen tot acceptatie</translation>
    </message>
    <message>
        <source>Reasons for rejection (all partners)</source>
        <translation>Redenen van afwijzing (alle partners)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Doorverwijzingen</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trede</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Nu open</translation>
    </message>
    <message>
        <source>Stalled now</source>
        <translation>Nu gestagneerd</translation>
    </message>
    <message>
        <source>Escalated to this level in the period</source>
        <translation>In de periode naar deze trede opgeschaald</translation>
    </message>
    <message>
        <source>(qualitative)</source>
        <translation>kwalitatief</translation>
    </message>
    <message>
        <source>%1%2 % per period</source>
        <translation>%1%2 % per periode</translation>
    </message>
    <message>
        <source>%1 per year</source>
        <translation>%1 per jaar</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Success factor</source>
        <translation>Succesfactor</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No activities registered in this period.</source>
        <translation>Geen activiteiten geregistreerd in deze periode.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <source>Organised by residents</source>
        <translation>Door bewoners georganiseerd</translation>
    </message>
    <message>
        <source>Categories that rose in a neighbourhood compared with the previous period, faster than in the municipality as a whole, with at least %1 signals.</source>
        <translation>Categorieën die in een buurt stegen ten opzichte van de vorige periode, sneller dan in de hele gemeente, met ten minste %1 signalen.</translation>
    </message>
    <message>
        <source>No rising trends in this period.</source>
        <translation>Geen stijgende trends in deze periode.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Change in the municipality</source>
        <translation>Verandering in de gemeente</translation>
    </message>
    <message>
        <source>on course</source>
        <translation>op koers</translation>
    </message>
    <message>
        <source>not on course</source>
        <translation>niet op koers</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>geen doel</translation>
    </message>
    <message>
        <source>no figures yet</source>
        <translation>nog geen cijfers</translation>
    </message>
    <message>
        <source>And %1 more rising trends, weaker than these.</source>
        <translation>En nog %1 stijgende trends, zwakker dan deze.</translation>
    </message>
    <message>
        <source>All counts in this period are smaller than %1; they are not shown.</source>
        <translation>Alle aantallen in deze periode zijn kleiner dan %1; ze worden niet getoond.</translation>
    </message>
    <message>
        <source>The counts in this period are not shown, to protect small numbers; the table gives what can be shown.</source>
        <translation>De aantallen in deze periode worden niet getoond, om kleine aantallen te beschermen; de tabel geeft wat getoond kan worden.</translation>
    </message>
    <message>
        <source>Nothing to show in this period.</source>
        <translation>In deze periode is er niets te tonen.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Compared with the previous period (%1).</source>
        <translation>Vergeleken met de vorige periode (%1).</translation>
    </message>
    <message>
        <source>Largest changes per neighbourhood</source>
        <translation>Grootste veranderingen per buurt</translation>
    </message>
    <message>
        <source>Only neighbourhoods whose counts in both periods can be shown are described; a change that would give away a count below %1 is left out.</source>
        <translation>Alleen buurten waarvan de aantallen in beide perioden getoond kunnen worden, zijn beschreven; een verandering die een aantal onder %1 zou prijsgeven, is weggelaten.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 t/m %2</translation>
    </message>
    <message>
        <source>(still running: counted up to and including %1)</source>
        <translation>(loopt nog: geteld tot en met %1)</translation>
    </message>
    <message>
        <source>(the same days of the previous period)</source>
        <translation>(dezelfde dagen van de vorige periode)</translation>
    </message>
    <message>
        <source>This report holds figures only: no names, addresses, descriptions or other text about residents.</source>
        <translation>Dit rapport bevat alleen cijfers: geen namen, adressen, omschrijvingen of andere tekst over bewoners.</translation>
    </message>
    <message>
        <source>This period (%1)</source>
        <translation>Deze periode (%1)</translation>
    </message>
    <message>
        <source>Previous period (%1)</source>
        <translation>Vorige periode (%1)</translation>
    </message>
    <message>
        <source>Closed loop: the share of closed referrals with feedback. Median days to accept: over the accepted referrals; left out (–) below %1.</source>
        <translation>Gesloten cirkel: het deel van de afgesloten doorverwijzingen met terugkoppeling. Mediaan dagen tot acceptatie: over de geaccepteerde doorverwijzingen; weggelaten (–) onder %1.</translation>
    </message>
    <message>
        <source>the municipality; neighbourhood tables show %1</source>
        <translation>de gemeente; de buurttabellen tonen %1</translation>
    </message>
</context>
<context>
    <name>bs::ReportMap</name>
    <message>
        <source>Map of the buurten: signals in the period</source>
        <translation>Buurtkaart: signalen in de periode</translation>
    </message>
</context>
<context>
    <name>bs::ReportSummary</name>
    <message>
        <source>as many as in the previous period</source>
        <translation>evenveel als in de vorige periode</translation>
    </message>
    <message>
        <source>%1 more than in the previous period</source>
        <translation>%1 meer dan in de vorige periode</translation>
    </message>
    <message>
        <source>%1 fewer than in the previous period</source>
        <translation>%1 minder dan in de vorige periode</translation>
    </message>
    <message>
        <source>In total %1 signals, %2.</source>
        <translation>In totaal %1 signalen, %2.</translation>
    </message>
    <message>
        <source>%1: %2 signals, %3</source>
        <translation>%1: %2 signalen, %3</translation>
    </message>
    <message>
        <source>, mostly %1</source>
        <translation>, vooral %1</translation>
    </message>
    <message>
        <source>No change per neighbourhood can be described without giving away counts below %1.</source>
        <translation>Geen verandering per buurt kan worden beschreven zonder aantallen onder %1 prijs te geven.</translation>
    </message>
    <message>
        <source>No neighbourhood changed against the previous period.</source>
        <translation>Geen enkele buurt veranderde ten opzichte van de vorige periode.</translation>
    </message>
</context>
<context>
    <name>bs::ServerLoginDialog</name>
    <message>
        <source>Open registry on a server</source>
        <translation>Register op een server openen</translation>
    </message>
    <message>
        <source>Log in to the team&apos;s registry on the PostgreSQL server. Your password is used for this session only and is never saved.</source>
        <translation>Meld u aan bij het register van het team op de PostgreSQL-server. Uw wachtwoord wordt alleen tijdens deze sessie gebruikt en nooit bewaard.</translation>
    </message>
    <message>
        <source>e.g. db.alblasserdam.nl</source>
        <translation>bijv. db.alblasserdam.nl</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Poort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Aanmelden</translation>
    </message>
    <message>
        <source>Fill in the database and your user name.</source>
        <translation>Vul de database en uw gebruikersnaam in.</translation>
    </message>
</context>
<context>
    <name>bs::ShortcutList</name>
    <message>
        <source>Main window</source>
        <translation>Hoofdvenster</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formulieren</translation>
    </message>
    <message>
        <source>Save the form (new signal, referral, escalation, status)</source>
        <translation>Formulier opslaan (nieuw signaal, doorverwijzing, escalatie, status)</translation>
    </message>
    <message>
        <source>Close the form; asks first when something was typed</source>
        <translation>Formulier sluiten; vraagt eerst als er al iets is getypt</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Volgend veld</translation>
    </message>
    <message>
        <source>Previous field</source>
        <translation>Vorig veld</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Toets</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Wat het doet</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
</context>
<context>
    <name>bs::SignalDetailPanel</name>
    <message>
        <source>Select a signal in the list to see it here.</source>
        <translation>Kies een signaal in de lijst om het hier te zien.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Impact level</source>
        <translation>Impactniveau</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Person and consent</source>
        <translation>Betrokkene en toestemming</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <source>Take into progress</source>
        <translation>In behandeling nemen</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Afhandelen…</translation>
    </message>
    <message>
        <source>Cancel signal…</source>
        <translation>Signaal annuleren…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Heropenen…</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Doorverwijzingen</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Terugkoppeling</translation>
    </message>
    <message>
        <source>Refer…</source>
        <translation>Doorverwijzen…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepteren</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Afwijzen…</translation>
    </message>
    <message>
        <source>Complete with feedback…</source>
        <translation>Afronden met terugkoppeling…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Intrekken…</translation>
    </message>
    <message>
        <source>Escalation ladder</source>
        <translation>Escalatieladder</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Opschalen…</translation>
    </message>
    <message>
        <source>De-escalate…</source>
        <translation>Afschalen…</translation>
    </message>
    <message>
        <source>%1 in %2, observed %3, registered by %4.</source>
        <translation>%1 in %2, waargenomen %3, geregistreerd door %4.</translation>
    </message>
    <message>
        <source>Acute: in immediate danger call 112 or Veilig Thuis.</source>
        <translation>Acuut: bel bij direct gevaar 112 of Veilig Thuis.</translation>
    </message>
    <message>
        <source>Outcome: %1 — %2 (%3)</source>
        <translation>Uitkomst: %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Theme: %1 · Source: %2%3</source>
        <translation>Thema: %1 · Bron: %2%3</translation>
    </message>
    <message>
        <source>Recorded (kept apart; wiped by the retention run)</source>
        <translation>Vastgelegd (apart bewaard; gewist bij de bewaartermijncontrole)</translation>
    </message>
    <message>
        <source>No person recorded</source>
        <translation>Geen betrokkene vastgelegd</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Toestemming: %1</translation>
    </message>
    <message>
        <source>LATE</source>
        <translation>TE LAAT</translation>
    </message>
    <message>
        <source>Level %1 — %2, since %3.</source>
        <translation>Trede %1 — %2, sinds %3.</translation>
    </message>
    <message>
        <source>No term: the regional chain holds direction.</source>
        <translation>Geen termijn: de regionale keten heeft de regie.</translation>
    </message>
    <message>
        <source>Stalled: term passed on %1 (%2 working days ago).</source>
        <translation>Gestagneerd: termijn verstreken op %1 (%2 werkdagen geleden).</translation>
    </message>
    <message>
        <source>Term until %1 (%2 working days left).</source>
        <translation>Termijn tot %1 (nog %2 werkdagen).</translation>
    </message>
    <message>
        <source>dd-mm-yyyy, empty: none</source>
        <translation>dd-mm-jjjj, leeg: geen</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Opvolgen op</translation>
    </message>
    <message>
        <source>Person concerned…</source>
        <translation>Betrokkene…</translation>
    </message>
    <message>
        <source>Consent…</source>
        <translation>Toestemming…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Geboortejaar</translation>
    </message>
    <message>
        <source>Person concerned — %1</source>
        <translation>Betrokkene — %1</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>Consent covers</source>
        <translation>Toestemming geldt voor</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Gegeven door</translation>
    </message>
    <message>
        <source>Consent — %1</source>
        <translation>Toestemming — %1</translation>
    </message>
    <message>
        <source>Signal %1</source>
        <translation>Signaal %1</translation>
    </message>
    <message>
        <source>%1 was closed in another window, so your changes were not saved. What you typed: %2</source>
        <translation>%1 is intussen in een ander venster afgesloten; uw wijzigingen zijn daarom niet opgeslagen. Wat u typte: %2</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Overdragen…</translation>
    </message>
    <message>
        <source>Journal and history</source>
        <translation>Journaal en geschiedenis</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journaal</translation>
    </message>
    <message>
        <source>Add journal entry…</source>
        <translation>Journaalregel toevoegen…</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Handler: none</source>
        <translation>Behandelaar: geen</translation>
    </message>
    <message>
        <source>Handler: %1</source>
        <translation>Behandelaar: %1</translation>
    </message>
    <message>
        <source>Handler: %1 (handed over by %2)</source>
        <translation>Behandelaar: %1 (overgedragen door %2)</translation>
    </message>
    <message>
        <source>[text blanked]</source>
        <translation>[tekst gewist]</translation>
    </message>
    <message>
        <source>(correction of #%1)</source>
        <translation>(correctie op #%1)</translation>
    </message>
    <message>
        <source>(corrected in #%1)</source>
        <translation>(gecorrigeerd in #%1)</translation>
    </message>
    <message>
        <source>written %1</source>
        <translation>geschreven %1</translation>
    </message>
    <message>
        <source>Selected signal</source>
        <translation>Gekozen signaal</translation>
    </message>
</context>
<context>
    <name>bs::SignalListModel</name>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Waargenomen</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trede</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Doorverw.</translation>
    </message>
    <message>
        <source>Handed over by %1</source>
        <translation>Overgedragen door %1</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Opvolgen</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Behandelaar</translation>
    </message>
</context>
<context>
    <name>bs::StartPage</name>
    <message>
        <source>Welcome to Buurtsignaal</source>
        <translation>Welkom bij Buurtsignaal</translation>
    </message>
    <message>
        <source>Choose the registry you want to work in. Buurtsignaal remembers your choice and opens it directly next time.</source>
        <translation>Kies met welk register u wilt werken. Buurtsignaal onthoudt uw keuze en opent dat register de volgende keer meteen.</translation>
    </message>
    <message>
        <source>The registry could not be opened</source>
        <translation>Het register kon niet worden geopend</translation>
    </message>
    <message>
        <source>Remove from the recent registries</source>
        <translation>Uit de recente registers verwijderen</translation>
    </message>
    <message>
        <source>New registry on this computer</source>
        <translation>Nieuw register op deze computer</translation>
    </message>
    <message>
        <source>Start your own, empty registry in a file on this computer.</source>
        <translation>Begin een eigen, leeg register in een bestand op deze computer.</translation>
    </message>
    <message>
        <source>Open an existing registry file</source>
        <translation>Bestaand registerbestand openen</translation>
    </message>
    <message>
        <source>Choose a .buurtsignaal file that is already on this computer, e.g. after moving it.</source>
        <translation>Kies een .buurtsignaal-bestand dat al op deze computer staat, bijvoorbeeld een register dat is verplaatst.</translation>
    </message>
    <message>
        <source>Connect to the municipality&apos;s server</source>
        <translation>Verbinden met de server van de gemeente</translation>
    </message>
    <message>
        <source>Work with your team in the shared registry; log in with the name and password the beheerder gave you.</source>
        <translation>Werk met uw team in het gedeelde register; u meldt zich aan met de gebruikersnaam en het wachtwoord van de beheerder.</translation>
    </message>
    <message>
        <source>Practise with demo data</source>
        <translation>Oefenen met demogegevens</translation>
    </message>
    <message>
        <source>A separate registry with 2,000 fictional signals, marked DEMO. Your own registry stays untouched.</source>
        <translation>Een apart register met 2.000 fictieve signalen, gemarkeerd als DEMO. Uw eigen register blijft onaangeroerd.</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>Recent geopend</translation>
    </message>
    <message>
        <source>Log in to %1</source>
        <translation>Aanmelden bij %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 openen</translation>
    </message>
    <message>
        <source>server of the team — asks for your password</source>
        <translation>server van het team — vraagt om uw wachtwoord</translation>
    </message>
    <message>
        <source>%1 — not found</source>
        <translation>%1 — niet gevonden</translation>
    </message>
    <message>
        <source>guide</source>
        <translation>handleiding</translation>
    </message>
    <message>
        <source>New to Buurtsignaal? Read the %1 (F1, or Help ▸ Guide).</source>
        <translation>Nieuw met Buurtsignaal? Lees de %1 (F1, of Help ▸ Handleiding).</translation>
    </message>
</context>
<context>
    <name>bs::StuurgroepReport</name>
    <message>
        <source>Computing the figures</source>
        <translation>Cijfers berekenen</translation>
    </message>
    <message>
        <source>Steering-group report Buurtaanpak Alblasserdam</source>
        <translation>Stuurgroeprapportage Buurtaanpak Alblasserdam</translation>
    </message>
    <message>
        <source>Drawing the charts</source>
        <translation>Grafieken tekenen</translation>
    </message>
    <message>
        <source>Laying out the pages</source>
        <translation>Pagina’s opmaken</translation>
    </message>
    <message>
        <source>Period %1 to %2</source>
        <translation>Periode %1 t/m %2</translation>
    </message>
    <message>
        <source>Writing page %1 of %2</source>
        <translation>Pagina %1 van %2 schrijven</translation>
    </message>
    <message>
        <source>Made on %1 · %2</source>
        <translation>Gemaakt op %1 · %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Pagina %1 van %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>bs::TermHelp</name>
    <message>
        <source>Late: an open signal of which a term has passed: the term of its level on the escalation ladder, its follow-up date, or the term of one of its open referrals.</source>
        <translation>Te laat: een open signaal waarvan een termijn voorbij is: de termijn van zijn trede op de escalatieladder, de opvolgdatum, of de termijn van een van zijn open doorverwijzingen.</translation>
    </message>
    <message>
        <source>Late: a referral the partner did not answer by its respond-by date (sent + the partner&apos;s response term, in working days), or that was accepted and not completed by its complete-by date (accepted + 20 working days).</source>
        <translation>Te laat: een doorverwijzing waarop de partner niet uiterlijk op de reactiedatum heeft gereageerd (verstuurd + reactietermijn van de partner, in werkdagen), of die is geaccepteerd en niet uiterlijk op de afronddatum is afgerond (geaccepteerd + 20 werkdagen).</translation>
    </message>
    <message>
        <source>Stalled: an open signal that has been on its level of the escalation ladder longer than the term of that level (in working days). Level 4 has no term: the regional chain acts at once.</source>
        <translation>Gestagneerd: een open signaal dat langer op zijn trede van de escalatieladder staat dan de termijn van die trede (in werkdagen). Trede 4 heeft geen termijn: daar handelt de regionale keten meteen.</translation>
    </message>
    <message>
        <source>Closed loop: a referral that was finished (completed, rejected or withdrawn) and whose answer came back: feedback was recorded, or the partner rejected it with a reason. The closed-loop rate is that number divided by all finished referrals.</source>
        <translation>Gesloten lus: een doorverwijzing die is afgesloten (afgerond, afgewezen of ingetrokken) én waarvan het antwoord terug is: er is terugkoppeling vastgelegd, of de partner heeft afgewezen met een reden. Het percentage gesloten lus is dat aantal gedeeld door alle afgesloten doorverwijzingen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Registry of signals for the Buurtaanpak.</source>
        <translation>Signalen- en casusregister voor de Buurtaanpak.</translation>
    </message>
    <message>
        <source>Registry file to open.</source>
        <translation>Registerbestand dat geopend wordt.</translation>
    </message>
    <message>
        <source>Registry file to open (the same as --db).</source>
        <translation>Registerbestand dat geopend wordt (hetzelfde als --db).</translation>
    </message>
</context>
</TS>
