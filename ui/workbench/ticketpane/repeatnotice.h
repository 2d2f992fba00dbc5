#pragma once

#include "models/domain/entities.h"
#include "models/store/customerhistoryrepository.h"

#include <QFrame>
#include <QTimeZone>

class QLabel;
class QPushButton;

namespace pd {

class Database;

/**
 * @brief In the new-ticket dialog: the customer already has an open ticket on this waybill or phone.
 *
 * Shows the newest open one the user may read and offers "Add to the open ticket": a customer calling again
 * about the same parcel (催单) is a chase-up on that ticket — an inbound call with outcome `chase_up`,
 * counted on the ticket — not a new complaint (docs/ticketpane.md, "Repeats"). The offer is disabled, with
 * the reason, when the user may not edit that ticket. Reads the cache through CustomerHistoryRepository (two
 * index lookups) as the person types.
 */
class RepeatNotice final : public QFrame
{
    Q_OBJECT
public:
    RepeatNotice(const Database &db, const User &user, const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Looks for open tickets of @p waybillNo or @p phone (either may be empty or incomplete).
    void check(const QString &waybillNo, const QString &phone);
    /// @brief The open ticket offered, or empty while the notice is hidden.
    [[nodiscard]] QString openTicketId() const;
    [[nodiscard]] QLabel *text() const { return m_text; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }

Q_SIGNALS:
    /// @brief "Add to the open ticket" was pressed for @p ticketId.
    void addToOpenRequested(const QString &ticketId);

private:
    Q_DISABLE_COPY_MOVE(RepeatNotice)

    const Database &m_db;
    User m_user;
    QTimeZone m_zone;
    QList<CustomerTicket> m_open;
    QLabel *m_text;
    QPushButton *m_add;
};

} // namespace pd
