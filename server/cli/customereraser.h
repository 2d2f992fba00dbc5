#pragma once

#include "server/attachments/attachmentfolder.h"
#include "server/storage/accesslog.h"
#include "server/storage/documentstore.h"

#include "models/domain/clock.h"

#include <QString>

namespace pd::server {

/**
 * @brief Blanks customer data on the server: by retention (tickets closed long enough ago) and by erasure
 * (one person, by phone number).
 *
 * A ticket loses its customer_name and customer_phone, the phone numbers (and the customer's name) in its
 * description and in the text and data of its events; its parcel loses its addresses (points rounded to
 * 0.01°) and the places of its tracking events at the sender and recipient; stored first responses that hold
 * any of it are deleted. Every changed record gets a new version and seq, so consoles blank their copies at
 * the next pull. What KPIs and reports read — times, states, categories, resolutions, compensation, scores —
 * is not touched. Each run is logged in the access log (retention, erasure).
 */
class CustomerEraser final
{
public:
    /// @brief What a run changed.
    struct Counts
    {
        int tickets = 0;
        int events = 0;
        int parcels = 0;
        int tracking = 0;
        int storedResponses = 0;
        int attachments = 0;

        [[nodiscard]] int total() const
        {
            return tickets + events + parcels + tracking + storedResponses + attachments;
        }
        [[nodiscard]] QString summary() const;
    };

    static constexpr int kRetentionBatch = 1000; ///< tickets per transaction

    CustomerEraser(DocumentStore &docs, const Clock &clock)
        : m_docs(docs)
        , m_log(docs.db())
        , m_clock(clock)
    {}

    /**
     * @brief Blanks up to kRetentionBatch tickets (closed, or deleted, before @p cutoffMs) in one
     * transaction; @p more says whether others are due.
     */
    Counts applyRetention(qint64 cutoffMs, bool *more = nullptr);
    /**
     * @brief Removes the name, phone and addresses of the person with this (normalized) phone everywhere,
     * and the attachments of their tickets (records tombstoned; with a folder set, the files no other
     * record names are deleted, else the server's housekeeping deletes them within the hour).
     */
    Counts eraseByPhone(const QString &phone);
    /// @brief The attachments' folder whose unreferenced files an erasure deletes.
    void setAttachmentFolder(const QString &root) { m_attachmentRoot = root; }

private:
    /// @brief Blanks one ticket record and its events; adds its waybill to @p waybills.
    void blankTicket(WriteTx &tx, Doc ticket, bool allPhones, Counts &counts, QStringList &waybills);
    void blankParcel(WriteTx &tx, const QString &waybill, Counts &counts);
    /// @brief Scrubs one event record (text and data); true when it changed.
    bool scrubEvent(WriteTx &tx, Doc event, const QString &phone, const QString &name, bool allPhones);
    int deleteStoredResponses(WriteTx &tx, const QString &containing);
    /// @brief Deletes stored responses that hold @p phone in any spelling; returns how many.
    int deleteStoredResponsesMentioning(WriteTx &tx, const QString &phone);
    void logRun(WriteTx &tx, const QString &kind, const QString &customerHash, const Counts &counts,
                const QString &detail);

    DocumentStore &m_docs;
    AccessLog m_log;
    const Clock &m_clock;
    QString m_attachmentRoot;
};

} // namespace pd::server
