#pragma once
// The casusoverleg sheet: one signal on A4 for the case meeting — its fields, handler, consent,
// referrals with their terms and answers, the escalation ladder and the journal. Subject data
// only where the reader's role may see it; nothing of any other signal. Every page says it is
// confidential, who printed it and when. Each print or saved PDF is logged as 'afgedrukt' for the
// signal, before anything leaves the program: a print that cannot be logged is not made.

#include "Result.h"

#include <QString>

class QPrinter;

namespace bs {

class Registry;

namespace CasusSheet {

// Needs a QApplication (fonts); the command line makes one for `signal print`. Written atomically:
// a path that cannot be written gives a Dutch message and leaves no file.
Status write(Registry& registry, const QString& reference, const QString& pdfPath);
// The same sheet on a printer chosen by the user (which may itself print to a PDF file).
Status print(Registry& registry, const QString& reference, QPrinter& printer);

}  // namespace CasusSheet
}  // namespace bs
