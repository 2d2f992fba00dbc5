#pragma once

#include "models/domain/entities.h"
#include "models/store/attachmentrepository.h"

#include <QHash>
#include <QImage>
#include <QTextBrowser>
#include <QTimeZone>

#include <functional>

namespace pd {

/**
 * @brief The conversation timeline of a ticket: the complaint, replies, internal notes, calls, status
 * changes, assignments, escalations, SLA breaches and satisfaction scores, oldest first.
 *
 * Rendered as HTML built only from escaped text (toHtmlEscaped), so nothing a customer or agent typed is
 * ever interpreted as markup or a link.
 *
 * A reply's or note's files follow it: photos as thumbnails (a placeholder with the kind until a copy is on
 * this PC), other files by name and size; clicking one emits attachmentActivated().
 */
class ConversationView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ConversationView(const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Display names of users by id, for authors and assignees.
    void setPeople(const QHash<QString, QString> &namesById) { m_names = namesById; }
    /// @brief The ticket's files, shown under the event they were sent with at the next showTimeline().
    void setAttachments(const QList<AttachmentView> &attachments) { m_attachments = attachments; }
    /// @brief How thumbnails read the files' bytes (the copies on disk are encrypted).
    void setAttachmentContent(const std::function<QByteArray(const QString &)> &content)
    {
        m_content = content;
    }
    void showTimeline(const Ticket &ticket, const QList<TicketEvent> &events);
    /// @brief The ids of the files shown in the conversation (under their events), in order.
    [[nodiscard]] QStringList shownAttachments() const { return m_shownAttachments; }

    /// @brief One line of plain text for an event (also used for the HTML body). @p compensationFen is the
    /// amount to show with a resolution by compensation (the server keeps it on the ticket, not the event).
    [[nodiscard]] QString describe(const TicketEvent &e, std::optional<qint64> compensationFen = {}) const;

Q_SIGNALS:
    /// @brief A file in the conversation was clicked (or chosen with the keyboard and Enter).
    void attachmentActivated(const QString &attachmentId);

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;
    /// @brief Thumbnails of the files (pd-thumb:<id>) from memory; nothing else is loaded.
    QVariant loadResource(int type, const QUrl &name) override;

private:
    Q_DISABLE_COPY_MOVE(ConversationView)

    [[nodiscard]] QString person(const QString &id) const;
    /// The files sent with event @p eventId, as HTML (empty when none).
    [[nodiscard]] QString attachmentsHtml(const QString &eventId);

    QTimeZone m_zone;
    QHash<QString, QString> m_names;
    QList<AttachmentView> m_attachments;
    QHash<QString, QImage> m_thumbs;
    QStringList m_shownAttachments;
    std::function<QByteArray(const QString &)> m_content;
};

} // namespace pd
