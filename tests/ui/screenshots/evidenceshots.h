#pragma once

#include <QDir>
#include <QString>
#include <QUrl>

#include <optional>

namespace pd {

class Database;
class MainWindow;
class SyncEngine;
struct User;

/// @brief The two complaints the evidence shots show (prepareEvidence()).
struct EvidenceTickets
{
    QString claim;     ///< a damage claim with three photos, a reply and a chase-up
    QString duplicate; ///< the same customer again through the app: flagged by the server
};

/**
 * @brief Prepares the demo for the evidence shots, through the REST API as agent1: a damage claim about a
 * parcel in the cache with three photos (drawn here: the outer box, the goods, the label) uploaded and tagged
 * as evidence, a reply and a chase-up call (催单), and a second complaint about the same waybill through the
 * app, which the server flags as a likely duplicate. The caller syncs afterwards.
 */
std::optional<EvidenceTickets> prepareEvidence(const QUrl &server, const QString &password,
                                               const Database &db);

/**
 * @brief Writes evidence-, viewer-, history-, duplicate- and repeat-<suffix> into @p out: the claim in the
 * pane (thumbnails, checklist), a photo in the viewer, the duplicate's banner and History tab as a supervisor
 * sees them, and the new-ticket dialog offering the open ticket for the same waybill. Downloads go through @p
 * engine.
 */
bool shootEvidence(MainWindow &window, SyncEngine &engine, const Database &db, const User &user,
                   const EvidenceTickets &tickets, const QDir &out, const QString &suffix);

} // namespace pd
