#pragma once

#include "attachmentservice.h"

#include "server/api/router.h"

namespace pd::server {

/**
 * @brief The attachment routes (docs/attachments.md): POST /tickets/{id}/attachments,
 * PUT and GET /attachments/{id}/upload, PATCH /attachments/{id} (the evidence tag), POST
 * /attachments/{id}/complete, GET /attachments/{id}/content and GET /tickets/{id}/attachments.
 */
class AttachmentsController final
{
public:
    explicit AttachmentsController(AttachmentService &service)
        : m_service(service)
    {}

    /// @brief Adds the routes; the upload route takes bodies up to one chunk whatever the global limit.
    void registerRoutes(Router &router);

private:
    AttachmentService &m_service;
};

} // namespace pd::server
