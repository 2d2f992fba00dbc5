#pragma once

namespace pd {

/**
 * @brief `parceldesk sync --server URL --user NAME [--password-file F] [--data-dir DIR] [--remember]`
 *
 * Signs in (HeadlessSession: the password file, else the keychain's remembered session, else a prompt without
 * echo), pulls the change feed into the cache with a progress bar on a terminal, pushes queued edits, and
 * prints a one-line summary. A session resumed from the keychain (or kept with --remember) has its rotated
 * refresh token stored again before the command ends. Exit codes:
 * 0 done, 1 sync failed, 2 bad usage, 3 sign-in refused, 4 the cache cannot be opened.
 */
int runSyncCommand(int argc, char **argv);

} // namespace pd
