#pragma once

#include "router.h"
#include "server/storage/documentstore.h"

namespace pd::server {

/**
 * @brief GET /changes?cursor=&limit= — the change feed (see docs/api.md, "Cursor contract").
 *
 * Items are written straight from the stored JSON, without parsing it again, so a page of 1,000 records
 * costs one indexed range scan and one buffer.
 */
class ChangesController final
{
public:
    static constexpr int kDefaultLimit = 500;
    static constexpr int kMaxLimit = 5000;

    explicit ChangesController(DocumentStore &docs)
        : m_docs(docs)
    {}
    void registerRoutes(Router &router);

    /// @brief What a user may read of the feed (also the scope part of the cursors they are given).
    [[nodiscard]] static FeedScope scopeOf(const User &u);

private:
    DocumentStore &m_docs;
};

} // namespace pd::server
