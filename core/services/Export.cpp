#include "Export.h"

#include "Registry.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "domain/Codes.h"
#include "io/CsvWriter.h"
#include "io/FileErrors.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace bs::Export {

QString describe(const SignalFilter& f)
{
    static const QStringList queues = {u"alle"_s, u"mijn open"_s, u"nieuw"_s, u"te laat"_s, u"wacht op terugkoppeling"_s, u"gestagneerd"_s};
    QStringList parts = {u"werkvoorraad: "_s + queues.value(int(f.queue))};
    const QList<QPair<QString, QString>> fields = {{u"status"_s, f.status}, {u"buurt"_s, f.buurt}, {u"thema"_s, f.theme},
                                                   {u"categorie"_s, f.category}, {u"bron"_s, f.source}, {u"vanaf"_s, f.from},
                                                   {u"tot en met"_s, f.to}, {u"tekst"_s, f.text}};
    for (const auto& [name, value] : fields) {
        if (!value.isEmpty())
            parts << u"%1: %2"_s.arg(name, value);
    }
    if (f.onlyOpen)
        parts << u"alleen open"_s;
    if (f.onlyLate)
        parts << u"alleen te laat"_s;
    return parts.join(u"; "_s);
}

Result<qint64> signalList(Registry& registry, const SignalFilter& filter, const QString& path, const ExportOptions& options)
{
    BS_TRY(Access::require(registry, Permission::ExportSignals));
    if (options.separator != u';' && options.separator != u',')
        return Error::invalid(u"separator"_s, u"Ongeldig scheidingsteken '%1'; toegestaan: ; of ,."_s.arg(options.separator));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(u"file"_s, u"Het exportbestand %1 kan niet worden geschreven: %2."_s.arg(path, FileErrors::reason(file, FileErrors::Purpose::Write)));
    file.write(CsvWriter::byteOrderMark());
    file.write(CsvWriter::line({u"Kenmerk"_s, u"Waargenomen"_s, u"Buurt"_s, u"Thema"_s, u"Categorie"_s, u"Urgentie"_s, u"Status"_s,
                                u"Escalatietrede"_s, u"Open doorverwijzingen"_s, u"Te laat"_s},
                               options.separator).toUtf8());
    // Page through the list as the screen does: never the whole table in memory.
    SignalFilter page = filter;
    page.limit = 5000;
    page.offset = 0;
    qint64 rows = 0;
    while (true) {
        auto batch = Signals::list(registry, page);
        if (!batch.ok())
            return batch.error();
        for (const SignalRow& r : batch.value()) {
            file.write(CsvWriter::line({r.reference, r.observedOn, r.buurt, r.themeCode, r.categoryName, Codes::urgency().label(r.urgency),
                                        Codes::signalStatus().label(r.status), QString::number(r.level), QString::number(r.openReferrals),
                                        r.late ? u"ja"_s : u"nee"_s},
                                       options.separator)
                           .toUtf8());
        }
        rows += batch->size();
        if (batch->size() < page.limit)
            break;
        page.offset += page.limit;
    }
    if (!file.commit())
        return Error::invalid(u"file"_s, u"Het exportbestand %1 kon niet worden opgeslagen: %2."_s.arg(path, FileErrors::reason(file, FileErrors::Purpose::Write)));
    // The export is only handed out when it is logged (at once, or waiting for another program's write lock).
    const LogRow exportRow{u"export_log"_s,
                           {{u"at"_s, registry.clock().now().toUTC().toString(Qt::ISODate)},
                            {u"actor"_s, registry.actor()},
                            {u"what"_s, u"signalenlijst"_s},
                            {u"filter"_s, describe(filter)},
                            {u"rows_written"_s, rows},
                            {u"file"_s, path}}};
    auto logged = AccessLog::entry(registry, AccessAction::Exported, 0, u"signalenlijst, %1 rijen, %2"_s.arg(rows).arg(describe(filter)));
    const Status written = logged.ok() ? PendingLog::write(registry, {logged.value(), exportRow}) : Status(logged.error());
    if (!written.ok()) {
        QFile::remove(path);
        return written.error();
    }
    return rows;
}

}  // namespace bs::Export
