#pragma once

#include "server/storage/documentstore.h"

namespace pd::server {

/**
 * @brief The demo's incidents (docs/proactive.md, "Demo"): parcels whose tracking stopped at one station
 * (a station short of couriers) and at the city's hub (a line haul held by weather), planted once when the
 * demo database is seeded, so a supervisor finds two incidents in the Proactive page at the first start.
 * They are ordinary parcels and scans: the proactive service finds the stalls itself when it starts.
 *
 * Returns the parcels planted. Uses its own random generator: the rest of the demo's data does not move.
 */
int plantDemoIncidents(DocumentStore &docs, qint64 nowMs);

} // namespace pd::server
