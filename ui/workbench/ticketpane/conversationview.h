#pragma once

#include "models/domain/entities.h"

#include <QHash>
#include <QTextBrowser>
#include <QTimeZone>

namespace pd {

/**
 * @brief The conversation timeline of a ticket: the complaint, replies, internal notes, calls, status
 * changes, assignments, escalations, SLA breaches and satisfaction scores, oldest first.
 *
 * Rendered as HTML built only from escaped text (toHtmlEscaped), so nothing a customer or agent typed is
 * ever interpreted as markup or a link.
 */
class ConversationView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ConversationView(const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Display names of users by id, for authors and assignees.
    void setPeople(const QHash<QString, QString> &namesById) { m_names = namesById; }
    void showTimeline(const Ticket &ticket, const QList<TicketEvent> &events);

    /// @brief One line of plain text for an event (also used for the HTML body). @p compensationFen is the
    /// amount to show with a resolution by compensation (the server keeps it on the ticket, not the event).
    [[nodiscard]] QString describe(const TicketEvent &e, std::optional<qint64> compensationFen = {}) const;

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ConversationView)

    [[nodiscard]] QString person(const QString &id) const;

    QTimeZone m_zone;
    QHash<QString, QString> m_names;
};

} // namespace pd
