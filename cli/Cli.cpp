#include "Cli.h"

#include "CommandContext.h"
#include "Registry.h"
#include "access/Access.h"
#include "access/PendingLog.h"
#include "storage/Backups.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace bs {

namespace cli {

int Context::fail(const Error& error)
{
    err << error.message << Qt::endl;
    return ExitCode::Refused;
}

int Context::usage(const QString& message, const QString& helpFor)
{
    err << u"Gebruiksfout: "_s << message << u"\nZie 'buurtsignaal-cli %1--help'."_s.arg(helpFor.isEmpty() ? QString() : helpFor + u' ')
        << Qt::endl;
    return ExitCode::Usage;
}

void Context::printJson(const QJsonValue& value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out.flush();
}

}  // namespace cli

namespace {

using cli::Command;
using cli::Context;

QList<Command> allCommands()
{
    QList<Command> commands;
    commands << cli::referenceCommands() << cli::signalCommands() << cli::caseworkCommands() << cli::referralCommands() << cli::statsCommands() << cli::importCommands() << cli::kaartCommands() << cli::reportCommands()
             << cli::adminCommands() << cli::privacyCommands() << cli::serverCommands();
    return commands;
}

const QString datesNote = u"\nDatums: dd-mm-jjjj, bijvoorbeeld 27-11-2026; ook d-m-jjjj en jjjj-mm-dd.\n"_s;

// The default registry as the help shows it: under ~ rather than this machine's home folder, so
// the help (and the man page made from it) reads the same for everyone.
QString defaultPathShown()
{
    const QString path = Registry::defaultPath();
    const QString home = QDir::homePath();
    return path.startsWith(home + u'/') ? u"~"_s + path.mid(home.size()) : path;
}

QCommandLineOption dbOption()
{
    return {u"db"_s, u"Registerbestand (standaard: %1) of serveradres postgresql://gebruiker@server/database."_s.arg(defaultPathShown()),
            u"FILE"_s};
}

// The command words are the leading arguments that are neither options nor option values.
QStringList commandWords(const QStringList& arguments, const QList<Command>& commands)
{
    QSet<QString> valueOptions = {u"db"_s};
    for (const Command& command : commands) {
        for (const QCommandLineOption& option : command.options) {
            if (!option.valueName().isEmpty()) {
                for (const QString& name : option.names())
                    valueOptions.insert(name);
            }
        }
    }
    QStringList words;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument.startsWith(u'-')) {
            QString name = argument.mid(argument.startsWith(u"--"_s) ? 2 : 1);
            if (!name.contains(u'=') && valueOptions.contains(name))
                ++i;
            continue;
        }
        words << argument;
    }
    return words;
}

// What each command needs of the user's role. Commands not named here need none (init) or check
// for themselves (restore, check).
std::optional<Permission> permissionFor(const QStringList& words)
{
    static const QHash<QString, Permission> table = {
        {u"signal add"_s, Permission::EditSignals}, {u"signal edit"_s, Permission::EditSignals},
        {u"signal status"_s, Permission::EditSignals}, {u"consent"_s, Permission::EditSignals},
        {u"subject set"_s, Permission::EditSignals}, {u"subject clear"_s, Permission::EditSignals},
        {u"referral add"_s, Permission::EditSignals}, {u"referral accept"_s, Permission::AnswerReferrals},
        {u"referral reject"_s, Permission::AnswerReferrals}, {u"referral complete"_s, Permission::AnswerReferrals},
        {u"referral withdraw"_s, Permission::EditSignals}, {u"escalate"_s, Permission::EditSignals},
        {u"signal list"_s, Permission::ViewSignals}, {u"signal show"_s, Permission::ViewSignals},
        {u"signal print"_s, Permission::ViewSignals},
        {u"signal assign"_s, Permission::EditSignals}, {u"journal add"_s, Permission::EditSignals},
        {u"journal list"_s, Permission::ViewSignals},
        {u"referral list"_s, Permission::ViewSignals}, {u"escalation stalled"_s, Permission::ViewSignals},
        {u"buurt list"_s, Permission::ViewFigures}, {u"category list"_s, Permission::ViewFigures},
        {u"partner list"_s, Permission::ViewFigures}, {u"stats"_s, Permission::ViewFigures}, {u"report"_s, Permission::ViewFigures},
        {u"import meldingen"_s, Permission::Coordinate},
        {u"import cbs"_s, Permission::ManageReference}, {u"import straten"_s, Permission::ManageReference},
        {u"import kaart"_s, Permission::ManageReference}, {u"source add"_s, Permission::ManageReference},
        {u"indicator set"_s, Permission::ManageReference},
        {u"demo"_s, Permission::ManageReference},
        {u"backup"_s, Permission::Backups}, {u"backup list"_s, Permission::Backups},
        {u"retention"_s, Permission::Retention}, {u"subject search"_s, Permission::Retention},
        {u"subject inzage"_s, Permission::Retention}, {u"subject erase"_s, Permission::Retention},
        {u"user list"_s, Permission::ManageUsers}, {u"user set"_s, Permission::ManageUsers},
        {u"user add"_s, Permission::ManageUsers}, {u"user disable"_s, Permission::ManageUsers},
        {u"access-log"_s, Permission::ViewAccessLog},
    };
    const auto it = table.constFind(words.join(u' '));
    return it == table.constEnd() ? std::nullopt : std::optional<Permission>(*it);
}

// Commands that only read open the registry on a read-only connection, so they never wait for
// another program's writer. What they must log (a view, a search, an export, a print) goes
// through the PendingLog. They make no daily backup: that is for the first writing command.
bool onlyReads(const QStringList& words)
{
    static const QSet<QString> readers = {
        u"signal list"_s, u"signal show"_s, u"signal print"_s, u"referral list"_s, u"escalation stalled"_s, u"buurt list"_s,
        u"category list"_s, u"partner list"_s, u"stats"_s, u"report"_s, u"backup list"_s, u"user list"_s,
    };
    return readers.contains(words.join(u' '));
}

QString overview(const QList<Command>& commands)
{
    QString text = u"Buurtsignaal %1 — signalen- en casusregister voor de Buurtaanpak.\n\n"
                   "Gebruik: buurtsignaal-cli [--db FILE] OPDRACHT [opties]\n\nOpdrachten:\n"_s.arg(QStringLiteral(BUURTSIGNAAL_VERSION));
    for (const Command& command : commands) {
        const QString syntax = (command.words.join(u' ') + u' ' + command.arguments).trimmed();
        text += u"  %1  %2\n"_s.arg(syntax.leftJustified(30), command.summary);
    }
    text += u"\nAlgemene opties:\n  --db FILE        registerbestand (standaard: %1), of een register op een PostgreSQL-server:\n"
            "                   postgresql://gebruiker@server/database (wachtwoord uit PGPASSWORD of ~/.pgpass)\n"
            "  --version        versie tonen\n  --help           hulp; ook per opdracht, bv. 'signal add --help'\n"_s.arg(defaultPathShown());
    text += datesNote;
    text += u"\nAfsluitcodes: 0 gelukt, 1 geweigerd (regel of ongeldige invoer), 2 gebruiksfout.\n"_s;
    return text;
}

// Levenshtein distance, to suggest what a mistyped word probably meant.
qsizetype editDistance(const QString& a, const QString& b)
{
    QList<qsizetype> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// " Bedoelde u --status?" when one candidate is close to what was typed, else empty.
QString suggestion(const QString& typed, const QStringList& candidates, const QString& format)
{
    QString best;
    qsizetype bestDistance = 3;
    for (const QString& candidate : candidates) {
        const qsizetype distance = editDistance(typed, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best.isEmpty() ? QString() : u" Bedoelde u %1?"_s.arg(format.arg(best));
}

// QCommandLineParser explains mistakes in English; the command line's own usage errors are told
// in Dutch: an unknown option, an option without its value, a value given to a switch.
std::optional<QString> optionMistake(const QStringList& arguments, const QList<QCommandLineOption>& options, const QString& commandName)
{
    QHash<QString, const QCommandLineOption*> byName;
    QStringList names;
    for (const QCommandLineOption& option : options) {
        for (const QString& name : option.names()) {
            byName.insert(name, &option);
            if (name.size() > 1)
                names << name;
        }
    }
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"--"_s)
            break;  // the rest are arguments, even when they start with '-'
        if (!argument.startsWith(u'-') || argument.size() == 1)
            continue;
        const QString written = argument.section(u'=', 0, 0);
        const QString name = written.mid(written.startsWith(u"--"_s) ? 2 : 1);
        const bool hasInlineValue = argument.contains(u'=');
        const QCommandLineOption* option = byName.value(name, nullptr);
        if (!option)
            return u"onbekende optie '%1' bij '%2'.%3"_s.arg(written, commandName, suggestion(name, names, u"--%1"_s));
        if (option->valueName().isEmpty()) {
            if (hasInlineValue)
                return u"optie --%1 van '%2' neemt geen waarde ('%3')."_s.arg(name, commandName, argument);
        } else if (!hasInlineValue) {
            if (i + 1 >= arguments.size())
                return u"optie --%1 van '%2' mist een waarde (%3)."_s.arg(name, commandName, option->valueName());
            ++i;
        }
    }
    return std::nullopt;
}

const Command* findCommand(const QList<Command>& commands, const QStringList& words, int* matched)
{
    const Command* best = nullptr;
    *matched = 0;
    for (const Command& command : commands) {
        const int n = int(command.words.size());
        if (words.size() >= n && words.mid(0, n) == command.words && n > *matched) {
            best = &command;
            *matched = n;
        }
    }
    return best;
}

}  // namespace

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err, const Clock& clock)
{
    const QList<Command> commands = allCommands();
    const QStringList words = commandWords(arguments, commands);

    if (words.isEmpty()) {
        if (arguments.contains(u"--version"_s) || arguments.contains(u"-v"_s)) {
            out << u"buurtsignaal-cli %1 (schemaversie %2)"_s.arg(QStringLiteral(BUURTSIGNAAL_VERSION))
                       .arg(latestVersion(standardLadder()))
                << Qt::endl;
            return ExitCode::Done;
        }
        if (arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s)) {
            out << overview(commands);
            return ExitCode::Done;
        }
        err << u"Gebruiksfout: geen opdracht opgegeven.\n\n"_s << overview(commands);
        return ExitCode::Usage;
    }

    int matched = 0;
    const Command* command = findCommand(commands, words, &matched);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    Context context{out, err, clock, parser, {}, nullptr};
    if (!command) {
        QStringList known;
        for (const Command& candidate : commands)
            known << candidate.words.join(u' ');
        const QString typed = words.mid(0, 2).join(u' ');
        QString hint = suggestion(typed, known, u"'%1'"_s);
        if (hint.isEmpty())
            hint = suggestion(words.first(), known, u"'%1'"_s);
        return context.usage(u"onbekende opdracht '%1'.%2"_s.arg(words.join(u' '), hint));
    }

    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, u"Hulp bij deze opdracht."_s);
    const QList<QCommandLineOption> known = QList<QCommandLineOption>{dbOption(), help} + command->options;
    const QString commandName = command->words.join(u' ');
    if (auto mistake = optionMistake(arguments, known, commandName))
        return context.usage(*mistake, commandName);
    parser.addOption(dbOption());
    parser.addOption(help);
    parser.addOptions(command->options);
    if (!parser.parse(arguments))
        return context.usage(u"de opties kloppen niet (%1)."_s.arg(parser.errorText()), commandName);
    if (parser.isSet(help)) {
        out << u"Gebruik: buurtsignaal-cli %1 %2 [opties]\n%3\n\nOpties:\n"_s.arg(command->words.join(u' '), command->arguments,
                                                                               command->summary);
        for (const QCommandLineOption& option : command->options) {
            const QString name = u"--"_s + option.names().constLast() +
                                 (option.valueName().isEmpty() ? QString() : u' ' + option.valueName());
            out << u"  %1  %2\n"_s.arg(name.leftJustified(28), option.description());
        }
        out << u"  %1  registerbestand of postgresql://gebruiker@server/database\n"_s.arg(u"--db FILE"_s.leftJustified(28));
        if (std::any_of(command->options.cbegin(), command->options.cend(),
                        [](const QCommandLineOption& option) { return option.valueName() == u"DATUM"_s; }))
            out << datesNote;
        return ExitCode::Done;
    }
    context.positional = words.mid(matched);
    if (context.positional.size() != command->argumentCount) {
        return context.usage(u"'%1' verwacht %2 argument(en) (%3), niet %4."_s.arg(commandName)
                                 .arg(command->argumentCount)
                                 .arg(command->arguments.isEmpty() ? u"geen"_s : command->arguments)
                                 .arg(context.positional.size()),
                             commandName);
    }

    if (command->needsRegistry) {
        const bool explicitPath = parser.isSet(u"db"_s);
        const QString path = explicitPath ? parser.value(u"db"_s) : Registry::defaultPath();
        // The user's own registry is created on first use; a file named explicitly must exist
        // unless the command is meant to create it.
        const Registry::Create create = explicitPath ? command->create : Registry::Create::IfMissing;
        const bool reader = onlyReads(command->words);
        auto registry = reader ? Registry::openForReading(path, create, clock, currentLogin())
                               : Registry::open(path, create, clock, currentLogin());
        if (!registry.ok())
            return context.fail(registry.error());
        context.registry = std::move(registry).value();
        if (auto permission = permissionFor(command->words)) {
            if (auto allowed = Access::require(*context.registry, *permission); !allowed.ok())
                return context.fail(allowed.error());
        }
        if (!reader) {
            const int code = command->run(context);
            // After the command's own work, so they never hold it up: log entries that waited for
            // the write lock move in when it is free (not after a refusal, which changes nothing),
            // and the day's backup is made on first use (a failure is reported but does not
            // change the outcome).
            if (code == ExitCode::Done) {
                const Status moved = PendingLog::flush(*context.registry, Database::Wait::No);
                if (!moved.ok() && moved.error().kind != ErrorKind::Busy)
                    err << u"Waarschuwing: wachtende regels van het toegangslogboek zijn nog niet overgezet: "_s << moved.error().message << Qt::endl;
            }
            if (command->words != QStringList{u"backup"_s}) {
                if (auto daily = Backups::dailyIfDue(*context.registry); !daily.ok())
                    err << u"Waarschuwing: de dagelijkse back-up is niet gemaakt: "_s << daily.error().message << Qt::endl;
            }
            return code;
        }
    }
    return command->run(context);
}

}  // namespace bs
