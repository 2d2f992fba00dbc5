#pragma once

#include "models/domain/entities.h"

namespace pd::server {

/**
 * @brief The compensation fields of a demo parcel (docs/compensation.md): freight by distance (¥8 in the same
 * city to about ¥25 across the country), a service class (standard 70 %, express 20 %, economy 10 %) and
 * insurance on about 15 % of parcels (insured for the declared value).
 *
 * Draws come from the parcel's own number, not the demo city's generator, so the rest of the demo data of a
 * seed stays what it was.
 */
void assignDemoFreight(Parcel &p, int n);

} // namespace pd::server
