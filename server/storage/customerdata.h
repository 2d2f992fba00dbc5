#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace pd::server {

struct Doc;

/**
 * @brief The masked form of stored records, for readers who may not see their customer data.
 *
 * Computed when a record is written (DocumentStore::put) and kept beside it, so serving the change feed stays
 * a copy of stored JSON whoever reads it. What is masked (models/domain/masking.h for the forms):
 * - ticket: customer_name, customer_phone, and phone numbers in the description;
 * - ticket_event: phone numbers in the text and in the string fields of data;
 * - parcel: origin_address and destination_address; the origin and destination points, and the position of a
 *   delivered or returned parcel, rounded to 0.01°;
 * - tracking_event at the sender or the recipient (created, delivered, returned): the place (also where the
 *   text repeats it), the position rounded to 0.01°.
 */
class CustomerData final
{
public:
    /// @brief The masked JSON of a record of @p type, or empty when nothing in it needs masking.
    [[nodiscard]] static QByteArray masked(const QString &type, const QByteArray &data);
    /// @brief Sets doc.masked, and for tickets doc.holder (assignee) and doc.purgeMs (closed_at of a closed
    /// ticket that still holds customer data, 0 otherwise), from doc.data.
    static void derive(Doc &doc);

    [[nodiscard]] static QJsonObject maskTicket(QJsonObject ticket);
    [[nodiscard]] static QJsonObject maskEvent(QJsonObject event);
    [[nodiscard]] static QJsonObject maskParcel(QJsonObject parcel);
    [[nodiscard]] static QJsonObject maskTracking(QJsonObject event);
};

} // namespace pd::server
