#include "Location.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace bs {

namespace {

const QStringList uriSchemes = {u"postgresql://"_s, u"postgres://"_s};
// libpq keywords this program understands; others are refused rather than silently ignored.
const QStringList knownKeywords = {u"host"_s, u"port"_s, u"dbname"_s, u"user"_s, u"sslmode"_s};

Error badAddress(const QString& text, const QString& why)
{
    return Error::invalid(u"db"_s, u"Het serveradres '%1' is niet bruikbaar: %2. Voorbeeld: postgresql://gebruiker@server/buurtsignaal "
                                   "of 'host=server dbname=buurtsignaal user=gebruiker'."_s.arg(text, why));
}

Error passwordInAddress()
{
    return Error::invalid(u"db"_s, u"Zet geen wachtwoord in het serveradres (het komt dan in de geschiedenis van de shell en in "
                                   "proceslijsten). Gebruik PGPASSWORD of ~/.pgpass, of laat het programma erom vragen."_s);
}

// Applies one keyword to the address; used by both forms so they mean the same.
Status apply(ServerAddress& server, const QString& text, const QString& key, const QString& value)
{
    if (key == u"password"_s)
        return passwordInAddress();
    if (!knownKeywords.contains(key))
        return badAddress(text, u"onbekende instelling '%1' (toegestaan: %2)"_s.arg(key, knownKeywords.join(u", "_s)));
    if (key == u"host"_s) {
        server.host = value;
    } else if (key == u"port"_s) {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return badAddress(text, u"poort '%1' is geen getal van 1 tot 65535"_s.arg(value));
        server.port = port;
    } else if (key == u"dbname"_s) {
        server.database = value;
    } else if (key == u"user"_s) {
        server.user = value;
    } else if (key == u"sslmode"_s) {
        server.sslMode = value;
    }
    return {};
}

Result<ServerAddress> parseUri(const QString& text)
{
    QString rest = text;
    for (const QString& scheme : uriSchemes) {
        if (rest.startsWith(scheme, Qt::CaseInsensitive)) {
            rest = rest.mid(scheme.size());
            break;
        }
    }
    QString query;
    if (const int q = rest.indexOf(u'?'); q >= 0) {
        query = rest.mid(q + 1);
        rest = rest.left(q);
    }
    const int slash = rest.indexOf(u'/');
    QString authority = slash >= 0 ? rest.left(slash) : rest;
    ServerAddress server;
    server.database = slash >= 0 ? QUrl::fromPercentEncoding(rest.mid(slash + 1).toUtf8()) : QString();
    if (const int at = authority.lastIndexOf(u'@'); at >= 0) {
        const QString userInfo = authority.left(at);
        if (userInfo.contains(u':'))
            return passwordInAddress();
        server.user = QUrl::fromPercentEncoding(userInfo.toUtf8());
        authority = authority.mid(at + 1);
    }
    // host[:port]; a host that is a socket directory comes percent-encoded (%2Ftmp%2Fx) or in ?host=.
    QString hostPart = authority;
    if (!authority.startsWith(u'[')) {
        if (const int colon = authority.lastIndexOf(u':'); colon >= 0) {
            BS_TRY(apply(server, text, u"port"_s, authority.mid(colon + 1)));
            hostPart = authority.left(colon);
        }
    }
    server.host = QUrl::fromPercentEncoding(hostPart.toUtf8());
    const QUrlQuery parameters(query);
    for (const auto& [key, value] : parameters.queryItems(QUrl::FullyDecoded))
        BS_TRY(apply(server, text, key, value));
    return server;
}

Result<ServerAddress> parseKeywords(const QString& text)
{
    // key=value pairs separated by spaces; a value may be quoted with single quotes.
    static const QRegularExpression pair(u"\\s*([A-Za-z_]+)\\s*=\\s*('((?:[^'\\\\]|\\\\.)*)'|(\\S*))"_s);
    ServerAddress server;
    qsizetype position = 0;
    while (position < text.size()) {
        if (text.mid(position).trimmed().isEmpty())
            break;
        const QRegularExpressionMatch match = pair.match(text, position, QRegularExpression::NormalMatch,
                                                         QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return badAddress(text, u"verwacht 'naam=waarde' bij '%1'"_s.arg(text.mid(position).trimmed()));
        QString value = match.captured(3).isNull() ? match.captured(4) : match.captured(3);
        value.replace(u"\\'"_s, u"'"_s).replace(u"\\\\"_s, u"\\"_s);
        BS_TRY(apply(server, text, match.captured(1).toLower(), value));
        position = match.capturedEnd(0);
    }
    return server;
}

}  // namespace

QString ServerAddress::display() const
{
    QString shown = u"postgresql://"_s;
    if (!user.isEmpty())
        shown += user + u'@';
    if (!host.startsWith(u'/'))
        shown += host;
    if (port != 0 && !host.startsWith(u'/'))
        shown += u":%1"_s.arg(port);
    shown += u'/' + database;
    if (host.startsWith(u'/'))
        shown += u"?host=%1"_s.arg(host) + (port != 0 ? u"&port=%1"_s.arg(port) : QString());
    return shown;
}

bool Location::looksLikeServer(const QString& text)
{
    const QString trimmed = text.trimmed();
    for (const QString& scheme : uriSchemes) {
        if (trimmed.startsWith(scheme, Qt::CaseInsensitive))
            return true;
    }
    // The keyword form: starts with a libpq keyword and an '=' (a file name never needs "dbname=").
    static const QRegularExpression keywordStart(u"^(host|hostaddr|port|dbname|user|password|sslmode)\\s*="_s);
    return keywordStart.match(trimmed).hasMatch() && trimmed.contains(u"dbname"_s);
}

Result<Location> Location::parse(const QString& text)
{
    Location location;
    if (!looksLikeServer(text)) {
        location.path = text;
        return location;
    }
    const QString trimmed = text.trimmed();
    // Before anything else, so no message ever repeats an address that holds a password.
    static const QRegularExpression passwordGiven(u"(^|[\\s?&])password\\s*="_s, QRegularExpression::CaseInsensitiveOption);
    if (passwordGiven.match(trimmed).hasMatch())
        return passwordInAddress();
    bool isUri = false;
    for (const QString& scheme : uriSchemes)
        isUri = isUri || trimmed.startsWith(scheme, Qt::CaseInsensitive);
    auto server = isUri ? parseUri(trimmed) : parseKeywords(trimmed);
    if (!server.ok())
        return server.error();
    if (server->database.isEmpty())
        return badAddress(trimmed, u"de naam van de database ontbreekt"_s);
    location.engine = Engine::Postgresql;
    location.server = std::move(server).value();
    return location;
}

}  // namespace bs
