#include "SignalenExport.h"

#include "io/TextDecoding.h"
#include "io/ZipReader.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bs::SignalenExport {

namespace {

struct Sheet {
    QStringList header;
    QHash<QString, QStringList> byId;  // the row of each id
};

Result<Csv::Parsed> parse(const QByteArray& bytes, const QString& name)
{
    const QString text = TextDecoding::decode(bytes);
    Csv::Parsed parsed = Csv::parseChecked(text, Csv::detectSeparator(text));
    if (!parsed.error.isEmpty())
        return Error::invalid(u"file"_s, u"%1 in het zip-bestand kan niet worden gelezen: regel %2: %3."_s.arg(name).arg(parsed.errorLine).arg(parsed.error));
    if (parsed.rows.isEmpty())
        return Error::invalid(u"file"_s, u"%1 in het zip-bestand is leeg: er is geen kopregel."_s.arg(name));
    for (QString& column : parsed.rows.first())
        column = column.trimmed();
    return parsed;
}

Result<Sheet> sheet(const QByteArray& bytes, const QString& name)
{
    auto parsed = parse(bytes, name);
    if (!parsed.ok())
        return parsed.error();
    Sheet s;
    s.header = parsed->rows.first();
    const qsizetype id = s.header.indexOf(u"id"_s);
    if (id < 0)
        return Error::invalid(u"file"_s, u"%1 in het zip-bestand heeft geen kolom 'id'."_s.arg(name));
    for (qsizetype r = 1; r < parsed->rows.size(); ++r) {
        const QStringList& row = parsed->rows.at(r);
        if (id < row.size())
            s.byId.insert(row.at(id).trimmed(), row);
    }
    return s;
}

// Signalen keeps the address as JSON ({"openbare_ruimte": "Dam", "huisnummer": 1, ...}).
QString streetOf(const QString& addressJson)
{
    const QJsonDocument document = QJsonDocument::fromJson(addressJson.toUtf8());
    return document.isObject() ? document.object().value(u"openbare_ruimte"_s).toString().trimmed() : QString();
}

}  // namespace

QStringList requiredFiles()
{
    return {u"signals.csv"_s, u"categories.csv"_s, u"statuses.csv"_s, u"locations.csv"_s};
}

Result<Csv::Parsed> flatten(const QByteArray& zip)
{
    auto entries = ZipReader::read(zip);
    if (!entries.ok())
        return entries.error();
    // The export may put its files in a folder: the file name counts.
    QHash<QString, QByteArray> files;
    for (const ZipReader::Entry& entry : entries.value())
        files.insert(entry.name.section(u'/', -1), entry.data);
    QStringList missing;
    for (const QString& name : requiredFiles()) {
        if (!files.contains(name))
            missing << name;
    }
    if (!missing.isEmpty()) {
        return Error::invalid(u"file"_s, u"Het zip-bestand is geen export van Signalen: %1 ontbreekt (nodig: %2)."_s.arg(
                                              missing.join(u", "_s), requiredFiles().join(u", "_s)));
    }
    auto melding = parse(files.value(u"signals.csv"_s), u"signals.csv"_s);
    if (!melding.ok())
        return melding.error();
    struct Joined {
        QString prefix;
        QString file;
        QString reference;  // the column of signals.csv holding the id
        Sheet sheet;
    };
    QList<Joined> joins = {{u"category"_s, u"categories.csv"_s, u"category_assignment_id"_s, {}},
                           {u"status"_s, u"statuses.csv"_s, u"status_id"_s, {}},
                           {u"location"_s, u"locations.csv"_s, u"location_id"_s, {}}};
    const QStringList signalHeader = melding->rows.first();
    Csv::Parsed out;
    QStringList header = signalHeader;
    QList<qsizetype> referenceColumns;
    for (Joined& join : joins) {
        auto s = sheet(files.value(join.file), join.file);
        if (!s.ok())
            return s.error();
        join.sheet = s.value();
        const qsizetype column = signalHeader.indexOf(join.reference);
        if (column < 0)
            return Error::invalid(u"file"_s, u"signals.csv in het zip-bestand heeft geen kolom '%1'."_s.arg(join.reference));
        referenceColumns << column;
        for (const QString& name : std::as_const(join.sheet.header))
            header << join.prefix + u'.' + name;
    }
    header << u"location.street"_s;
    const qsizetype addressColumn = joins.last().sheet.header.indexOf(u"address"_s);
    out.rows << header;
    out.lineOfRow << 1;
    for (qsizetype r = 1; r < melding->rows.size(); ++r) {
        QStringList row = melding->rows.at(r);
        while (row.size() < signalHeader.size())
            row << QString();
        row.resize(signalHeader.size());
        QStringList location;
        for (qsizetype j = 0; j < joins.size(); ++j) {
            const Joined& join = joins.at(j);
            // A melding without (or with an unknown) reference gets empty cells: the import then
            // reports the field it needed from them.
            QStringList joined = join.sheet.byId.value(row.at(referenceColumns.at(j)).trimmed());
            joined.resize(join.sheet.header.size());
            row << joined;
            if (j == joins.size() - 1)
                location = joined;
        }
        row << (addressColumn >= 0 ? streetOf(location.at(addressColumn)) : QString());
        out.rows << row;
        out.lineOfRow << melding->lineOfRow.at(r);
    }
    return out;
}

}  // namespace bs::SignalenExport
