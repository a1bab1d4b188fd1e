#include "Cli.h"

#include "CommandContext.h"
#include "Registry.h"
#include "access/Access.h"
#include "access/PendingLog.h"
#include "storage/Backups.h"
#include "storage/Migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace bs {

namespace cli {

int Context::fail(const Error& error)
{
    err << error.message << Qt::endl;
    return ExitCode::Refused;
}

int Context::usage(const QString& message)
{
    err << u"Gebruiksfout: "_s << message << u"\nZie 'buurtsignaal-cli --help'."_s << Qt::endl;
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
    commands << cli::referenceCommands() << cli::signalCommands() << cli::referralCommands() << cli::statsCommands() << cli::importCommands() << cli::reportCommands()
             << cli::adminCommands() << cli::privacyCommands();
    return commands;
}

QCommandLineOption dbOption()
{
    return {u"db"_s, u"Registerbestand (standaard: %1)."_s.arg(Registry::defaultPath()), u"FILE"_s};
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
        {u"referral add"_s, Permission::EditSignals}, {u"referral accept"_s, Permission::EditSignals},
        {u"referral reject"_s, Permission::EditSignals}, {u"referral complete"_s, Permission::EditSignals},
        {u"referral withdraw"_s, Permission::EditSignals}, {u"escalate"_s, Permission::EditSignals},
        {u"signal list"_s, Permission::ViewSignals}, {u"signal show"_s, Permission::ViewSignals},
        {u"referral list"_s, Permission::ViewSignals}, {u"escalation stalled"_s, Permission::ViewSignals},
        {u"buurt list"_s, Permission::ViewFigures}, {u"category list"_s, Permission::ViewFigures},
        {u"partner list"_s, Permission::ViewFigures}, {u"stats"_s, Permission::ViewFigures}, {u"report"_s, Permission::ViewFigures},
        {u"import meldingen"_s, Permission::Coordinate},
        {u"import cbs"_s, Permission::ManageReference}, {u"indicator set"_s, Permission::ManageReference},
        {u"demo"_s, Permission::ManageReference},
        {u"backup"_s, Permission::Backups}, {u"backup list"_s, Permission::Backups},
        {u"retention"_s, Permission::Retention}, {u"subject search"_s, Permission::Retention},
        {u"subject inzage"_s, Permission::Retention}, {u"subject erase"_s, Permission::Retention},
        {u"user list"_s, Permission::ManageUsers}, {u"user set"_s, Permission::ManageUsers},
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
        u"signal list"_s, u"signal show"_s, u"referral list"_s, u"escalation stalled"_s, u"buurt list"_s,
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
    text += u"\nAlgemene opties:\n  --db FILE        registerbestand (standaard: %1)\n"
            "  --version        versie tonen\n  --help           hulp; ook per opdracht, bv. 'signal add --help'\n"
            "\nAfsluitcodes: 0 gelukt, 1 geweigerd (regel of ongeldige invoer), 2 gebruiksfout.\n"_s.arg(Registry::defaultPath());
    return text;
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
    if (!command)
        return context.usage(u"onbekende opdracht '%1'."_s.arg(words.join(u' ')));

    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, u"Hulp bij deze opdracht."_s);
    parser.addOption(dbOption());
    parser.addOption(help);
    parser.addOptions(command->options);
    if (!parser.parse(arguments))
        return context.usage(parser.errorText());
    if (parser.isSet(help)) {
        out << u"Gebruik: buurtsignaal-cli %1 %2 [opties]\n%3\n\nOpties:\n"_s.arg(command->words.join(u' '), command->arguments,
                                                                               command->summary);
        for (const QCommandLineOption& option : command->options) {
            const QString name = u"--"_s + option.names().constLast() +
                                 (option.valueName().isEmpty() ? QString() : u' ' + option.valueName());
            out << u"  %1  %2\n"_s.arg(name.leftJustified(28), option.description());
        }
        out << u"  %1  registerbestand\n"_s.arg(u"--db FILE"_s.leftJustified(28));
        return ExitCode::Done;
    }
    context.positional = words.mid(matched);
    if (context.positional.size() != command->argumentCount) {
        return context.usage(u"'%1' verwacht %2 argument(en) (%3), niet %4."_s.arg(command->words.join(u' '))
                                 .arg(command->argumentCount)
                                 .arg(command->arguments.isEmpty() ? u"geen"_s : command->arguments)
                                 .arg(context.positional.size()));
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
