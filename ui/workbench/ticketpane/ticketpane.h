#pragma once

#include "models/compensation/compensationcalculator.h"

#include "models/domain/entities.h"
#include "models/sla/policy.h"
#include "models/store/attachmentrepository.h"
#include "paneactions.h"

#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QWidget>

#include <memory>

class QImage;
class QLabel;
class QMessageBox;
class QMimeData;
class QTabWidget;
class QTemporaryDir;
class QTimer;

namespace pd {

class ActionBar;
class AttachmentsPanel;
class ImageViewer;
class CallDialog;
class Clock;
class Composer;
class ConflictBanner;
class ConversationView;
class CustomerCard;
class CustomerHistoryPanel;
class CustomerReveal;
class Database;
class FollowUpPanel;
class LocalEdits;
class RefusedEdits;
class ResolveDialog;
class RevealDialog;
class ServerLink;
class AppealPanel;
class MergeBanner;
class IncidentBanner;
class SlaPanel;

/**
 * @brief The right-hand pane of the workbench: one ticket with its customer and parcel, SLA explanation,
 * conversation, reply and note boxes, follow-up and actions.
 *
 * Reads the local cache; every change goes through LocalEdits (validated, cache and outbox in one
 * transaction), and after each successful one the pane emits edited() so the caller pushes the outbox and
 * refreshes its lists. A refused change shows its message in the pane and changes nothing. Actions the
 * user's role or the ticket's state do not allow are disabled with the reason as tooltip. Text typed in the
 * reply and note boxes is kept per ticket in memory, across reload() and ticket switches.
 *
 * Customer values the server sent masked can be revealed on purpose (revealPhone(), revealName(),
 * revealAddress(): a reason, then POST /tickets/{id}/reveal through the ServerLink, logged by the server);
 * the full values are shown while the ticket stays open and are kept in memory only (CustomerReveal). Logging
 * an outbound call shows the number to dial, revealed implicitly with the reason "callback" when it is
 * masked.
 *
 * Files (photos, PDFs, short videos) are added with Add files…, by dropping them on the pane or by pasting a
 * picture into the reply or note box; each is copied into the cache and queued for upload at once
 * (AttachmentRepository::stage, ticketpane_attachments.cpp), shown in the Files strip with its progress or
 * the server's refusal, and under its reply in the conversation. Damage and loss complaints show their
 * evidence checklist. Photos open in the ImageViewer.
 */
class TicketPane final : public QWidget
{
    Q_OBJECT
public:
    TicketPane(const Database &db, const Clock &clock, const QTimeZone &companyZone,
               QWidget *parent = nullptr);
    ~TicketPane() override;

    /// @brief Who works in the pane: decides what is enabled and whether the full phone is shown.
    void setCurrentUser(const User &user);
    /// @brief Puts the map widget (from the map area) into the parcel card; the pane takes ownership.
    void setMiniMap(QWidget *map);
    /// @brief The way to the server for reveals; without one a reveal says the console is offline.
    void setServerLink(ServerLink *link);

    [[nodiscard]] const QString &ticketId() const { return m_ticketId; }
    [[nodiscard]] std::optional<Ticket> ticket() const { return m_ticket; }

    /// @name Parts, for the main window's shortcuts and for tests
    ///@{
    [[nodiscard]] ActionBar *actions() const { return m_actions; }
    [[nodiscard]] Composer *composer() const { return m_composer; }
    [[nodiscard]] CustomerCard *customerCard() const { return m_card; }
    /// @brief The History tab: the customer's other tickets (ticketpane_history.cpp).
    [[nodiscard]] CustomerHistoryPanel *customerHistory() const { return m_history; }
    [[nodiscard]] SlaPanel *slaPanel() const { return m_sla; }
    [[nodiscard]] ConversationView *conversation() const { return m_conversation; }
    [[nodiscard]] FollowUpPanel *followUp() const { return m_followUp; }
    [[nodiscard]] ConflictBanner *conflictBanner() const { return m_conflict; }
    /// @brief Edits the server refused for good, with Copy text and Discard.
    [[nodiscard]] RefusedEdits *refusedEdits() const { return m_refused; }
    [[nodiscard]] QLabel *viewersBanner() const { return m_viewers; }
    [[nodiscard]] QLabel *header() const { return m_header; }
    /// @brief Customer and SLA at a glance, under the header.
    [[nodiscard]] QLabel *summary() const { return m_summary; }
    /// @brief Errors of the last action, or why the pane shows nothing.
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    /// @brief The resolve dialog while it is open (resolve()), else null.
    [[nodiscard]] ResolveDialog *resolveDialog() const;
    /// @brief The call dialog while it is open (logCall()), else null.
    [[nodiscard]] CallDialog *callDialog() const;
    /// @brief The reason dialog of a reveal while it is open, else null.
    [[nodiscard]] RevealDialog *revealDialog() const;
    /// @brief The values revealed for the open ticket (memory only).
    [[nodiscard]] CustomerReveal *customerReveal() const { return m_reveal; }
    /// @brief The Files strip with the evidence checklist.
    [[nodiscard]] AttachmentsPanel *attachments() const { return m_files; }
    /// @brief The photo viewer while it is open (openAttachment()), else null.
    [[nodiscard]] ImageViewer *imageViewer() const;
    /// @brief Where a merged ticket went, or the open ticket a flagged one likely duplicates.
    [[nodiscard]] MergeBanner *mergeBanner() const { return m_mergeBanner; }
    /// @brief The incident of a linked complaint (ticketpane_incident.cpp).
    [[nodiscard]] IncidentBanner *incidentBanner() const { return m_incidentBanner; }
    /// @brief The merge's confirmation while it is open (mergeInto()), else null.
    [[nodiscard]] QMessageBox *mergeConfirmation() const;
    ///@}

public Q_SLOTS:
    void showTicket(const QString &ticketId);
    /// @brief Re-reads the ticket from the cache (after a sync); typed text stays.
    void reload();
    /// @brief "Also viewing: …" from the live feed; an empty list hides the banner.
    void setViewers(const QStringList &names);

    void take();
    /// @brief Assigns the ticket to the person chosen in the picker and says so; with nobody new chosen
    /// it writes nothing, puts the cursor in the picker and says why.
    void assign();
    void focusReply();
    void focusNote();
    void resolve();
    void escalate();
    void setPending();
    void resume();
    void reopen();
    /// @brief Shows the Follow-up tab with the cursor in its first field that can be used.
    void showFollowUp();
    /// @brief Sends the box shown in the composer (reply or internal note), as Ctrl+Enter does there.
    void send();
    void logCall();
    /// @brief Asks for a reason, then the server for the customer's full phone number (name, addresses).
    void revealPhone();
    void revealName();
    void revealAddress();
    /**
     * @brief Merges the ticket shown into @p targetId (supervisors, online; ticketpane_merge.cpp): a
     * confirmation naming what moves, then POST /tickets/{id}/merge; on success the target opens and a sync
     * brings both tickets.
     */
    void mergeInto(const QString &targetId);

    /// @brief Attaches files to the ticket (Add files… after its dialog, or dropped): each one copied into
    /// the cache and queued for upload; refusals (too large, unreadable, read-only) are said under the strip.
    /// Returns whether any file was added.
    bool addFiles(const QStringList &paths);
    /// @brief Attaches a pasted picture as a PNG file of its own (not tied to a reply: the reply's event id
    /// exists only once it is sent).
    bool attachImage(const QImage &image);
    /// @brief Add files…: the file dialog (several at once), then addFiles().
    void chooseFiles();
    /// @brief Sets or clears the evidence kind of one of the ticket's files.
    bool tagEvidence(const QString &attachmentId, std::optional<pd::EvidenceKind> kind);
    /// @brief Opens a file: photos in the viewer (over the ticket's photos), others with the system's viewer
    /// once downloaded.
    void openAttachment(const QString &attachmentId);
    /// @brief The sync layer changed files of @p ticketId (progress, stored, refused, downloaded): the strip,
    /// the checklist and the conversation's thumbnails show it; typed text and scroll positions stay.
    void attachmentsChanged(const QString &ticketId);

Q_SIGNALS:
    /// @brief A local write of @p ticketId succeeded (the outbox has something to send).
    void edited(const QString &ticketId);
    /// @brief A file of the open ticket is wanted on this PC (a visible photo, or one the person opened).
    void downloadRequested(const QString &attachmentId);
    /// @brief Another ticket should open (one of the customer's other tickets in the History tab).
    void openTicketRequested(const QString &ticketId);
    /// @brief The incident of the open complaint should be shown (its banner's button).
    void incidentRequested(const QString &incidentId);

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;
    /// @brief Files (or a picture) dragged onto the pane are attached to the ticket.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(TicketPane)
    void retranslate();

    void trigger(PaneAction action);
    [[nodiscard]] bool allowed(PaneAction action);
    bool updateFields(const QJsonObject &fields, QString *error);
    std::optional<QString> addEvent(EventKind kind, const QString &text, const QJsonObject &data,
                                    QString *error);
    void afterWrite();
    void showError(const QString &message);
    /// @brief What an action did, in the message line (not an error).
    void showNotice(const QString &message);
    bool resolveWith(Resolution resolution, std::optional<qint64> fen, const QString &note, QString *error);
    void submit(int box, const QString &text);
    void settleConflict(bool keepMine);
    void showEmpty(const QString &why);
    void showSla(Instant now);
    void refreshSla();
    void loadPolicy();
    // Regulator appeals (ticketpane_appeal.cpp)
    void connectAppeal();
    void appealStep(int step);
    /// The appeal's earlier tickets by number and status where this cache has them.
    [[nodiscard]] QStringList earlierTickets(const Ticket &t) const;
    /// " · ⚖ Regulator appeal · Key account · ¥500.00 waits for approval" as they apply.
    [[nodiscard]] static QString headerMarks(const Ticket &t);
    // Compensation (ticketpane_compensation.cpp)
    void setUpCompensation(ResolveDialog *dialog);
    void loadCompensationRules();
    void requestApproval(qint64 amountFen, std::optional<qint64> proposedFen, const QString &explanation,
                         const QString &reason, const std::function<void(bool, const QString &)> &done);
    // Reveals (ticketpane_reveal.cpp)
    void reveal(CustomerField field);
    void showRevealState(const std::optional<Parcel> &parcel);
    void provideCallNumber();
    void onRevealed(CustomerField field);
    void onRevealRefused(CustomerField field, const QString &message);
    [[nodiscard]] QString shownName() const;
    [[nodiscard]] QString shownPhone() const;
    // Attachments (ticketpane_attachments.cpp)
    void connectAttachments();
    /// Reads the ticket's files into the strip, the checklist and the conversation (shown at its next
    /// render).
    void loadAttachments();
    [[nodiscard]] bool canAttach(QString *reason) const;
    [[nodiscard]] bool acceptsDrop(const QMimeData *mime) const;
    void requestDownloads();
    void openWithSystem(const AttachmentView &view);
    /// @brief A stored file's tag: sent to the server at once (ServerLink), the answer kept in the cache.
    bool tagStoredEvidence(const AttachmentView &view, std::optional<EvidenceKind> kind);

    const Database &m_db;
    const Clock &m_clock;
    QTimeZone m_zone;
    std::unique_ptr<LocalEdits> m_edits;
    User m_user;
    SlaPolicy m_policy;
    QString m_ticketId;
    std::optional<Ticket> m_ticket;
    QList<TicketEvent> m_events;
    bool m_inConflict = false;
    QList<User> m_users;
    QStringList m_viewerNames;

    QLabel *m_viewers;
    ConflictBanner *m_conflict;
    RefusedEdits *m_refused;
    QLabel *m_header;
    QLabel *m_summary;
    ActionBar *m_actions;
    QLabel *m_message;
    QTabWidget *m_tabs;
    CustomerCard *m_card;
    SlaPanel *m_sla;
    ConversationView *m_conversation;
    FollowUpPanel *m_followUp;
    Composer *m_composer;
    QTimer *m_slaTimer;
    QPointer<ResolveDialog> m_resolveDialog;
    QPointer<CallDialog> m_callDialog;
    CustomerReveal *m_reveal;
    QPointer<RevealDialog> m_revealDialog;
    bool m_callWaitsForNumber = false;
    AppealPanel *m_appeal;
    CustomerHistoryPanel *m_history;
    /// Fills the History tab for @p t and names it with the count ("History (3)").
    void showHistory(const Ticket &t, Instant now);
    void clearHistory();
    void setHistoryTabText(int others);
    // Merge (ticketpane_merge.cpp)
    void connectMerge();
    void showMergeState(const Ticket &t);
    void connectIncident();
    void showIncident(const Ticket &t);
    void sendMerge(const QString &targetId, qint64 version);
    MergeBanner *m_mergeBanner = nullptr;
    IncidentBanner *m_incidentBanner = nullptr;
    QPointer<QMessageBox> m_mergeBox;
    static constexpr int kAppealTab = 4;
    static constexpr int kHistoryTab = 5;
    ServerLink *m_link = nullptr;
    /// The server's compensation rules once read (the built-in defaults until then, or offline).
    std::shared_ptr<const compensation::CompensationCalculator> m_compensation;
    bool m_compensationFromServer = false;
    AttachmentsPanel *m_files = nullptr;
    QPointer<ImageViewer> m_viewer;
    QList<AttachmentView> m_attachmentViews;
    QString m_filesTicketId;        ///< whose files the strip shows
    QSet<QString> m_downloadsAsked; ///< asked once per file while the pane lives
    QString m_openWhenDownloaded;   ///< a PDF or video the person opened before its copy was here
    std::unique_ptr<QTemporaryDir> m_openedFiles; ///< clear copies handed to other programs
};

} // namespace pd
