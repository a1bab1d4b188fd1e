#include "DemoTexts.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace bs::DemoTexts {

QStringList descriptions(const QString& category)
{
    static const QHash<QString, QStringList> texts = {
        {u"eenzaamheid"_s, {u"Oudere bewoner komt nauwelijks buiten sinds overlijden partner; buren maken zich zorgen."_s,
                           u"Alleenstaande bewoner zegt bij de inloop niemand te hebben om mee te praten."_s}},
        {u"armoede"_s, {u"Gezin geeft aan aan het eind van de maand geen geld voor boodschappen te hebben."_s,
                        u"Kinderen komen zonder ontbijt naar school, signaal via buurtpreventie."_s}},
        {u"schulden"_s, {u"Bewoner heeft een stapel ongeopende brieven en aanmaningen; wil hulp bij de administratie."_s,
                         u"Huurachterstand van enkele maanden, bewoner durft de corporatie niet te bellen."_s}},
        {u"energiearmoede"_s, {u"Woning wordt niet verwarmd om kosten te sparen; vocht en schimmel zichtbaar."_s}},
        {u"psychosociaal"_s, {u"Bewoner maakt een gespannen en angstige indruk, slaapt slecht."_s}},
        {u"zorgmijding"_s, {u"Bewoner schaamt zich voor de situatie en houdt hulpverleners af."_s}},
        {u"vervuiling"_s, {u"Zwerfafval rond de containers aan de straatkant, al enkele weken."_s,
                           u"Grofvuil naast de ondergrondse container gezet."_s}},
        {u"portiek"_s, {u"Portiek staat vol met fietsen en dozen; vluchtweg geblokkeerd."_s}},
        {u"onderhoud"_s, {u"Speelplaats met kapotte toestellen, bewoners melden onveilige situatie."_s}},
        {u"ontmoetingsplek"_s, {u"Bewoners missen een plek in de buurt om elkaar te ontmoeten."_s}},
        {u"groen_klimaat"_s, {u"Straat loopt bij elke regenbui onder; bewoners willen meedenken over vergroening."_s}},
        {u"melding_afhandeling"_s, {u"Melding over losliggende stoeptegels is volgens bewoners niet opgepakt."_s}},
        {u"jongerenoverlast"_s, {u"Groep jongeren 's avonds bij het winkelcentrum, harde muziek en intimidatie."_s}},
        {u"woonfraude"_s, {u"Vermoeden van kamerverhuur: veel wisselende bewoners en naambordjes."_s}},
        {u"dealen"_s, {u"Bewoners zien dagelijks korte bezoeken aan een auto bij het park."_s}},
        {u"ondermijning"_s, {u"Bedrijfspand met dichtgeplakte ramen en nachtelijke activiteit."_s}},
        {u"vernieling"_s, {u"Bushokje en lantaarnpalen vernield in het weekend."_s}},
        {u"diefstal"_s, {u"Meerdere fietsen gestolen uit de gezamenlijke berging."_s}},
        {u"geluidsoverlast"_s, {u"Buren klagen over harde muziek tot diep in de nacht."_s}},
        {u"onveilige_plek"_s, {u"Donker pad langs het water voelt onveilig, verlichting kapot."_s}},
        {u"huiselijk_geweld"_s, {u"Buren horen regelmatig geschreeuw en gestommel; zorgen om de kinderen."_s}},
        {u"burenconflict"_s, {u"Aanhoudende ruzie tussen buren over de gezamenlijke tuin."_s}},
        {u"verharding"_s, {u"Toon in de buurtapp wordt grimmiger; bewoners spreken elkaar niet meer aan."_s}},
        {u"intolerantie"_s, {u"Nieuwe bewoners voelen zich niet welkom en worden nageroepen."_s}},
        {u"ontwikkelperspectief"_s, {u"Jongvolwassene zonder werk of opleiding zoekt een richting."_s}},
        {u"hulp_ontoegankelijk"_s, {u"Bewoner weet niet waar hij terecht kan met zijn vragen over zorg."_s}},
    };
    return texts.value(category, {u"Signaal uit de buurt, nader te bespreken in het team."_s});
}

const QStringList& streets()
{
    static const QStringList list = {u"Dam"_s, u"Kerkstraat"_s, u"Pruimendijk"_s, u"Oranjelaan"_s, u"Rivierweg"_s,
                                     u"Staatsliedenplein"_s, u"Schilderslaan"_s, u"Havenkade"_s, u"Polderweg"_s, u"Molenweg"_s};
    return list;
}

const QStringList& firstNames()
{
    static const QStringList list = {u"Anna"_s, u"Bram"_s, u"Chantal"_s, u"Daan"_s, u"Esra"_s, u"Fenna"_s, u"Gert"_s,
                                     u"Hanneke"_s, u"Ibrahim"_s, u"Joke"_s, u"Kees"_s, u"Lotte"_s, u"Mo"_s, u"Nel"_s};
    return list;
}

const QStringList& lastNames()
{
    static const QStringList list = {u"de Boer"_s, u"van Dijk"_s, u"Bakker"_s, u"Visser"_s, u"Smit"_s, u"Meijer"_s,
                                     u"de Graaf"_s, u"Mulder"_s, u"Kaya"_s, u"Bos"_s, u"Vos"_s, u"Peters"_s};
    return list;
}

}  // namespace bs::DemoTexts
