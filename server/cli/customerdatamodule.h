#pragma once

#include "privacyoptions.h"

#include "server/api/auditcontroller.h"
#include "server/api/revealcontroller.h"
#include "server/storage/accesslog.h"

namespace pd::server {

/**
 * @brief The serving side of customer data protection that is not part of ticket reads: the access log,
 * reveals (with the alert) and the audit and export routes. Minimisation itself is in every read
 * (CustomerAccess); retention runs in Housekeeping.
 */
class CustomerDataModule final
{
public:
    CustomerDataModule(DocumentStore &docs, TicketService &tickets, const PrivacyOptions &options)
        : m_log(docs.db())
        , m_reveal(tickets, m_log, options.revealAlertPerHour)
        , m_audit(docs, m_log)
    {}
    void registerRoutes(Router &router)
    {
        m_reveal.registerRoutes(router);
        m_audit.registerRoutes(router);
    }

private:
    AccessLog m_log;
    RevealController m_reveal;
    AuditController m_audit;

    Q_DISABLE_COPY_MOVE(CustomerDataModule)
};

} // namespace pd::server
