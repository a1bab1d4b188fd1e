#pragma once
// The command line of Buurtsignaal as a library, so tests drive it in-process with their own
// streams and clock. app/cli/main.cpp only wires it to the real ones.

#include <QStringList>
#include <QTextStream>

namespace bs {

class Clock;

namespace ExitCode {
constexpr int Done = 0;
constexpr int Refused = 1;  // a rule or bad input; one Dutch message on stderr
constexpr int Usage = 2;    // the command line itself is wrong
}  // namespace ExitCode

// `arguments` includes the program name first, as QCoreApplication::arguments() does.
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err, const Clock& clock);

}  // namespace bs
