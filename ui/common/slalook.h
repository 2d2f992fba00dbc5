#pragma once

#include "models/sla/slatypes.h"

#include <QColor>
#include <QString>

namespace pd {

/// @brief How an SLA state looks wherever it is shown (queue badge, ticket pane): a soft fill, an ink colour
/// readable on it and on white, and a symbol, so the state reads without colour too.
struct SlaLook
{
    QColor fill;
    QColor ink;
    QString symbol;
};

[[nodiscard]] SlaLook slaLook(SlaState state);

} // namespace pd
