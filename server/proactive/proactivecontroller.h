#pragma once

#include "noticeoutbox.h"
#include "proactiveservice.h"

#include "server/api/router.h"
#include "server/api/ticketservice.h"

#include <QCoreApplication>

namespace pd::server {

/**
 * @brief The proactive service's routes (docs/api.md, "Proactive service"): GET/PUT /proactive-policy,
 * GET /incidents, GET/PATCH /incidents/{id}, POST /incidents/{id}/notify, GET /incidents/{id}/notices,
 * GET /proactive/cases, POST /proactive/cases/{id}/dismiss, /notify and /ticket.
 */
class ProactiveController final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::ProactiveController)
public:
    ProactiveController(DocumentStore &docs, ProactiveStore &store, ProactiveService &service,
                        NoticeOutbox &outbox, TicketService &tickets)
        : m_docs(docs)
        , m_store(store)
        , m_service(service)
        , m_outbox(outbox)
        , m_tickets(tickets)
    {}
    void registerRoutes(Router &router);

    /// @brief A case as served.
    [[nodiscard]] static QJsonObject caseJson(const ProactiveCaseRow &row);
    /// @brief A notice as served: no phone, no provider secret.
    [[nodiscard]] static QJsonObject noticeJson(const NoticeRow &row);

private:
    /// @brief What a notify request asks for.
    struct NotifyRequest
    {
        QString language;
        QString text; ///< the template
        QString compensation;
        bool urgent = false;
    };
    /// @brief How many notices a request queued.
    struct Queued
    {
        int queued = 0;
        int already = 0;     ///< the parcel had its notice for this cause already
        int noRecipient = 0; ///< the parcel has no recipient phone
    };

    [[nodiscard]] HttpResponse putPolicy(RequestContext &c);
    [[nodiscard]] HttpResponse listIncidents(RequestContext &c);
    [[nodiscard]] HttpResponse getIncident(RequestContext &c);
    [[nodiscard]] HttpResponse patchIncident(RequestContext &c);
    [[nodiscard]] HttpResponse notifyIncident(RequestContext &c);
    [[nodiscard]] HttpResponse listCases(RequestContext &c);
    [[nodiscard]] HttpResponse dismissCase(RequestContext &c);
    [[nodiscard]] HttpResponse notifyCase(RequestContext &c);
    [[nodiscard]] HttpResponse ticketFromCase(RequestContext &c);

    [[nodiscard]] static NotifyRequest notifyRequest(const QJsonObject &body);
    [[nodiscard]] QJsonObject incidentOrThrow(const QString &id);
    [[nodiscard]] ProactiveCaseRow caseOrThrow(const QString &id);
    /// @brief Queues one notice for @p waybill about @p cause; counts the outcome in @p q.
    void queueNotice(WriteTx &tx, const RequestContext &c, const NotifyRequest &r, const QString &waybill,
                     const QString &cause, const QString &incidentId, const QString &caseId,
                     const QString &causeWords, const OptInstant &eta, Queued *q);
    [[nodiscard]] static QJsonObject queuedJson(const Queued &q);

    DocumentStore &m_docs;
    ProactiveStore &m_store;
    ProactiveService &m_service;
    NoticeOutbox &m_outbox;
    TicketService &m_tickets;
};

} // namespace pd::server
