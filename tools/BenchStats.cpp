// Prints how long the dashboard's figures take on a registry, and each aggregate query beside
// the same SQL run by the sqlite3 shell on the same file (not a test: it asserts nothing).
//   buurtsignaal-bench-stats FILE [FROM TO]      (default: the last full year)
#include "Clock.h"
#include "Registry.h"
#include "stats/Indicators.h"
#include "stats/Statistics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Statement {
    QString sql;
    QVariantList values;
};

QString literal(const QVariant& value)
{
    if (value.isNull())
        return u"NULL"_s;
    if (value.typeId() == QMetaType::QString)
        return u"'"_s + value.toString().replace(u'\'', u"''"_s) + u"'"_s;
    return value.toString();
}

// The statement with its values written in, as one would type it into the sqlite3 shell.
QString inlined(const Statement& s)
{
    QString out;
    int next = 0;
    bool quoted = false;
    for (const QChar c : s.sql) {
        if (c == u'\'')
            quoted = !quoted;
        if (c == u'?' && !quoted && next < s.values.size())
            out += literal(s.values.at(next++));
        else
            out += c;
    }
    return out;
}

double qtMs(bs::Database& db, const Statement& s, int* rows)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    query.prepare(s.sql);
    for (int i = 0; i < s.values.size(); ++i)
        query.bindValue(i, s.values.at(i));
    query.exec();
    *rows = 0;
    const int columns = query.record().count();
    while (query.next()) {
        for (int c = 0; c < columns; ++c)
            (void)query.value(c);
        ++*rows;
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

double shellMs(const QString& file, const QString& sql)
{
    QProcess shell;
    shell.start(u"sqlite3"_s, {file});
    shell.write((u".timer on\n"_s + sql + u";\n"_s).toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(600000);
    static const QRegularExpression time(u"Run Time: real ([0-9.]+)"_s);
    const auto match = time.match(QString::fromUtf8(shell.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toDouble() * 1000.0 : -1;
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: buurtsignaal-bench-stats FILE [FROM TO]\n");
        return 2;
    }
    const bs::Clock& clock = bs::programClock();
    auto registry = bs::Registry::open(args.at(1), bs::Registry::Create::No, clock, u"bench"_s);
    if (!registry.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(registry.error().message));
        return 1;
    }
    const int lastYear = clock.today().year() - 1;
    auto period = args.size() >= 4 ? bs::Period::parse(args.at(2), args.at(3)) : bs::Result<bs::Period>(bs::Period::year(lastYear));
    if (!period.ok())
        return 1;
    bs::Registry& r = *registry.value();
    const bs::StatsFilter filter{period.value(), {}, {}};
    std::printf("registry %s, period %s to %s\n\n", qPrintable(args.at(1)), qPrintable(period->fromText()), qPrintable(period->toText()));

    // Each part as the dashboard computes it (SQL, reading and arithmetic), warm cache.
    (void)bs::Stats::compute(r, filter);
    std::printf("%-34s %10s\n", "dashboard part", "ms");
    const QList<QPair<const char*, std::function<bs::Status(bs::Statistics&)>>> parts = {
        {"signals per buurt/theme/month", [&](bs::Statistics& s) { return bs::Stats::signalFigures(r, filter, s); }},
        {"referrals per partner", [&](bs::Statistics& s) { return bs::Stats::referralFigures(r, filter, s); }},
        {"escalations per level", [&](bs::Statistics& s) { return bs::Stats::escalationFigures(r, filter, s); }},
        {"open, late and stalled now", [&](bs::Statistics& s) { return bs::Stats::openNowFigures(r, filter, s); }},
        {"rising trends", [&](bs::Statistics& s) { return bs::Stats::trendFigures(r, filter, s); }},
    };
    for (const auto& [name, part] : parts) {
        bs::Statistics s;
        s.filter = filter;
        s.previous = filter.period.comparedWith(r.clock().today());
        QElapsedTimer timer;
        timer.start();
        (void)part(s);
        std::printf("%-34s %10.1f\n", name, double(timer.nsecsElapsed()) / 1e6);
    }
    QElapsedTimer all;
    all.start();
    (void)bs::Stats::compute(r, filter);
    (void)bs::Indicators::compute(r, filter.period);
    std::printf("%-34s %10.1f\n\n", "all figures incl. success factors", double(all.nsecsElapsed()) / 1e6);

    // Every statement the figures run, through QtSql and through the sqlite3 shell.
    QList<Statement> statements;
    r.db().setTracer([&](const QString& sql, const QVariantList& values) {
        if (sql.startsWith(u"SELECT"_s) && (sql.contains(u"count("_s) || sql.contains(u"sum("_s) || sql.contains(u"referral_day_counts"_s)))
            statements << Statement{sql, values};
    });
    (void)bs::Stats::compute(r, filter);
    r.db().setTracer({});
    std::printf("%-4s %10s %10s %7s %8s  %s\n", "#", "QtSql ms", "shell ms", "ratio", "rows", "statement");
    int n = 0;
    for (const Statement& s : statements) {
        int rows = 0;
        double qt = qtMs(r.db(), s, &rows);
        qt = std::min(qt, qtMs(r.db(), s, &rows));  // best of two, as the shell is run warm
        const double shell = std::min(shellMs(args.at(1), inlined(s)), shellMs(args.at(1), inlined(s)));
        std::printf("%-4d %10.1f %10.1f %7.2f %8d  %s\n", ++n, qt, shell, shell > 0 ? qt / shell : 0.0, rows,
                    qPrintable(s.sql.simplified().left(90)));
    }
    return 0;
}
