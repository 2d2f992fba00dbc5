#pragma once

#include "models/domain/enums.h"

#include <QJsonObject>

namespace pd::server {

/**
 * @brief The `data` of a timeline event a client posts, reduced to the fields its kind defines, each checked.
 *
 * | kind | fields kept |
 * |---|---|
 * | call | direction (required), duration_s (0–86400), outcome (a lower-case code, ≤ 40) |
 * | status_change | to (required), resolution, compensation_amount (Validation::checkCompensation) |
 * | assignment | assignee_id, team_id (record ids) |
 * | escalation | priority, reason (free text, ≤ 500) |
 * | csat_recorded | csat (1–5), nps (0–10); at least one |
 * | reply, note | none |
 *
 * Other fields are dropped (so older and newer consoles keep working); a wrong type, range or text throws
 * ApiError 422 naming the field. Untrusted input: fuzzed by tests/fuzz (docs/api.md, "Tickets").
 */
[[nodiscard]] QJsonObject sanitizeEventData(EventKind kind, const QJsonObject &data);

} // namespace pd::server
