#pragma once

namespace pd {

/**
 * @brief `parceldesk report --week 2026-W47 --format pdf,xlsx,csv --out DIR [--team T] [--lang zh_CN]
 * [--data-dir DIR] [--zone Z] [--company NAME] [--server URL --user NAME [--password-file F]] [--offline]`
 *
 * Headless (offscreen platform, no display): when a server is given or remembered ("session/server") and
 * --offline is not set, syncs first, signing in like `parceldesk sync` (password file or the keychain's
 * remembered session, never a prompt); then writes the weekly report of the ISO week from the cache
 * (docs/reports.md). Only a manager may export, or a supervisor for their own team (the signed-in user, or
 * the last one stored in QSettings "session/user"). Exit codes: 0 written, 1 export failed, 2 bad usage,
 * 3 sign-in refused, 4 the cache cannot be opened, 5 sync failed, 6 role not allowed or unknown.
 */
int runReportCommand(int argc, char **argv);

} // namespace pd
