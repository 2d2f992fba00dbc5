#include "customerreveal.h"

#include "sync/api/ticketsapi.h"
#include "ui/common/serverlink.h"

using namespace Qt::StringLiterals;

namespace pd {

bool RevealedValues::has(CustomerField field) const
{
    switch (field) {
    case CustomerField::Phone:
        return !phone.isEmpty();
    case CustomerField::Name:
        return !name.isEmpty();
    case CustomerField::Address:
        return !originAddress.isEmpty() || !destinationAddress.isEmpty();
    }
    return false;
}

QStringList CustomerReveal::reasonCodes()
{
    return {u"callback"_s, u"compensation"_s, u"courier_contact"_s, u"other"_s};
}

QString CustomerReveal::reasonName(const QString &code)
{
    if (code == u"callback")
        return tr("Call the customer back");
    if (code == u"compensation")
        return tr("Compensation");
    if (code == u"courier_contact")
        return tr("Contact with the courier");
    if (code == u"other")
        return tr("Other (say why)");
    return code;
}

QString CustomerReveal::fieldName(CustomerField field)
{
    switch (field) {
    case CustomerField::Phone:
        return tr("phone number");
    case CustomerField::Name:
        return tr("name");
    case CustomerField::Address:
        return tr("address");
    }
    return {};
}

CustomerReveal::CustomerReveal(QObject *parent)
    : QObject(parent)
{}

void CustomerReveal::forTicket(const QString &ticketId)
{
    if (ticketId == m_ticketId)
        return;
    forget();
    m_ticketId = ticketId;
}

void CustomerReveal::forget()
{
    m_values = {};
    ++m_generation;
    setBusy(false);
}

void CustomerReveal::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

QString CustomerReveal::refusal(const ApiResult &r)
{
    // The server's own words (English) follow ours, in case they say more; shown as plain text.
    const QString server = r.errorMessage;
    switch (r.status) {
    case 0:
        return tr("The server cannot be reached, so the full value cannot be shown. Try again when the "
                  "console is online.");
    case 401:
        return tr("Your session has ended: sign in again to see customer data.");
    case 403:
        return server.isEmpty()
                   ? tr("The server refused to show this customer's data to you.")
                   : tr("The server refused to show this customer's data to you: %1").arg(server);
    case 404:
        return tr("The server no longer has this ticket (it may have moved to another team).");
    case 422:
        return tr("The server did not accept the request: %1").arg(server);
    default:
        return tr("The full value could not be fetched (HTTP %1). %2").arg(r.status).arg(server);
    }
}

void CustomerReveal::request(CustomerField field, const QString &reason, const QString &note)
{
    if (m_ticketId.isEmpty() || m_busy)
        return;
    if (!m_link) {
        Q_EMIT refused(field, refusal(ServerLink::offline()));
        return;
    }
    setBusy(true);
    const int generation = m_generation;
    const QString ticketId = m_ticketId;
    const QString fieldCode = toCode(field);
    m_link->call(
        [ticketId, fieldCode, reason, note](ApiClient *client) {
            return TicketsApi(client).reveal(ticketId, fieldCode, reason, note);
        },
        this,
        [this, generation, field](const ApiResult &result) {
            if (generation != m_generation)
                return; // another ticket is open now
            setBusy(false);
            const auto values = TicketsApi::revealedFrom(result);
            if (!values) {
                Q_EMIT refused(field, refusal(result));
                return;
            }
            switch (field) {
            case CustomerField::Phone:
                m_values.phone = values->value(u"customer_phone"_s).toString();
                break;
            case CustomerField::Name:
                m_values.name = values->value(u"customer_name"_s).toString();
                break;
            case CustomerField::Address:
                m_values.originAddress = values->value(u"origin_address"_s).toString();
                m_values.destinationAddress = values->value(u"destination_address"_s).toString();
                break;
            }
            Q_EMIT revealed(field);
        });
}

} // namespace pd
