#pragma once
// Passwords typed by the user during this run of the program, kept in memory only: never in a
// file, the settings or an address. A connection made again to the same server as the same login
// (a reconnect, the background counts, the dashboard's second connection) finds it here instead
// of asking again. Gone when the program ends.

#include "storage/Location.h"

namespace bs::ServerPasswords {

// Keeps `server.password` for this server, database and login (nothing when it is empty).
void remember(const ServerAddress& server);
// The password kept for this server, database and login, or empty.
QString recall(const ServerAddress& server);

}  // namespace bs::ServerPasswords
