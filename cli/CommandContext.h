#pragma once
// What every command handler gets: the parsed command line, the streams, the clock and (once
// opened) the registry. Handlers report refusals through fail() so every error looks the same.

#include "Registry.h"
#include "Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <functional>
#include <memory>

namespace bs::cli {

struct Context {
    QTextStream& out;
    QTextStream& err;
    const Clock& clock;
    QCommandLineParser& parser;
    QStringList positional;  // arguments after the command words
    std::unique_ptr<Registry> registry;

    int fail(const Error& error);
    // A mistake in the command line itself (exit 2); helpFor names the command whose --help to read.
    int usage(const QString& message, const QString& helpFor = {});
    void printJson(const QJsonValue& value);
    QString value(const QString& option) const { return parser.value(option); }
    bool isSet(const QString& option) const { return parser.isSet(option); }
};

struct Command {
    QStringList words;          // {"signal", "add"}
    QString arguments;          // positional syntax for help, e.g. "REF STATUS"
    int argumentCount = 0;      // exact number of positional arguments
    QString summary;            // Dutch, one line
    QList<QCommandLineOption> options;
    Registry::Create create = Registry::Create::No;
    bool needsRegistry = true;
    std::function<int(Context&)> run;
};

// An option of a command; with a value name it takes a value.
inline QCommandLineOption opt(const QString& name, const QString& description, const QString& valueName = {})
{
    return QCommandLineOption(name, description, valueName);
}

// The command tables of each group of commands.
QList<Command> signalCommands();
QList<Command> caseworkCommands();
QList<Command> referralCommands();
QList<Command> referenceCommands();
QList<Command> statsCommands();
QList<Command> importCommands();
QList<Command> kaartCommands();
QList<Command> reportCommands();
QList<Command> adminCommands();
QList<Command> privacyCommands();
QList<Command> serverCommands();

}  // namespace bs::cli
