#pragma once

#include "paneactions.h"
#include "ui/common/serverlink.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace pd {

/// @brief Full customer values the server sent for one ticket on purpose. Held in memory only.
struct RevealedValues
{
    QString phone;
    QString name;
    QString originAddress;
    QString destinationAddress;

    [[nodiscard]] bool has(CustomerField field) const;
};

/**
 * @brief Reveals on purpose: asks the server for a customer's full phone, name or addresses with a reason
 * (POST /tickets/{id}/reveal, logged by the server) and keeps the answer for the ticket that is open.
 *
 * The values live in this object only — never in the cache, the settings or a log — and are forgotten when
 * another ticket is opened, the pane shows none, or the user changes. An answer that arrives after the ticket
 * changed is dropped.
 */
class CustomerReveal final : public QObject
{
    Q_OBJECT
public:
    /// @brief Reason codes the server accepts, in the order offered.
    [[nodiscard]] static QStringList reasonCodes();
    [[nodiscard]] static QString reasonName(const QString &code);
    [[nodiscard]] static QString fieldName(CustomerField field);

    explicit CustomerReveal(QObject *parent = nullptr);

    void setLink(ServerLink *link) { m_link = link; }
    /// @brief The pane shows @p ticketId (empty: none): values of any other ticket are forgotten.
    void forTicket(const QString &ticketId);
    /// @brief Forgets the values (and drops an answer on its way), e.g. when the user changes.
    void forget();
    [[nodiscard]] const QString &ticketId() const { return m_ticketId; }

    [[nodiscard]] const RevealedValues &values() const { return m_values; }
    [[nodiscard]] bool busy() const { return m_busy; }

    /// @brief Asks the server; emits revealed() or refused() later.
    void request(CustomerField field, const QString &reason, const QString &note = {});

    /// @brief The person's message for a reveal the server did not answer with values (translated).
    [[nodiscard]] static QString refusal(const ApiResult &result);

Q_SIGNALS:
    void revealed(pd::CustomerField field);
    void refused(pd::CustomerField field, const QString &message);
    void busyChanged(bool busy);

private:
    Q_DISABLE_COPY_MOVE(CustomerReveal)
    void setBusy(bool busy);

    QPointer<ServerLink> m_link;
    QString m_ticketId;
    RevealedValues m_values;
    int m_generation = 0; // answers of an earlier ticket (or user) are dropped
    bool m_busy = false;
};

} // namespace pd
