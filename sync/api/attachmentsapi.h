#pragma once

#include "models/domain/attachment.h"
#include "sync/apiclient.h"

#include <optional>

namespace pd {

/**
 * @brief An attachment's changes after its upload (docs/attachments.md, "Changing the evidence tag"). The
 * upload itself is the uploader's (sync/attachmentuploader), through the same client.
 */
class AttachmentsApi final
{
public:
    explicit AttachmentsApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief PATCH /attachments/{id} with `{"evidence": code}` (null clears it): 200 with the record.
    ApiReply *setEvidence(const QString &attachmentId, std::optional<EvidenceKind> evidence);

private:
    ApiClient *m_client;
};

} // namespace pd
