#pragma once

namespace pd {

/**
 * @brief `parceldesk report --week 2026-W47 --format pdf,xlsx,csv --out DIR [--team T] [--lang zh_CN]
 * [--data-dir DIR] [--zone Z] [--company NAME] [--server URL --user NAME [--password-file F]] [--offline]`
 *
 * Headless (offscreen platform, no display): unless --offline, syncs first as the cache's owner (the user who
 * synced it last, on their server; CacheOwner), or as --user on --server, signing in like `parceldesk sync`
 * (HeadlessSession: password file or the keychain's remembered session, never a prompt; a resumed session's
 * rotated token is stored again); then writes the weekly report of the ISO week from the cache
 * (docs/reports.md). Only a manager may export, or a supervisor for their own team: the signed-in user, else
 * the cache's owner, else (a cache from before owners were recorded) the last user of this PC. --lang takes
 * what the console takes (en, zh_CN, zh_TW, zh-TW, …; default: the console's setting, else the system's).
 * Exit codes: 0 written, 1 export failed, 2 bad usage, 3 sign-in refused, 4 the cache cannot be opened,
 * 5 sync failed, 6 role not allowed or unknown.
 */
int runReportCommand(int argc, char **argv);

} // namespace pd
