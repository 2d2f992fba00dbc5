#include "demofreight.h"

#include "models/geo/mercator.h"

#include <algorithm>
#include <cmath>
#include <random>

using namespace Qt::StringLiterals;

namespace pd::server {

void assignDemoFreight(Parcel &p, int n)
{
    std::mt19937 rng(0x5eed0000u ^ quint32(n));
    std::uniform_real_distribution<> unit(0.0, 1.0);
    const double km =
        p.origin && p.destination ? geo::distanceMetres(*p.origin, *p.destination) / 1000.0 : 300;
    // ¥8 base, ¥1 per 100 km, up to ¥22; a heavier parcel adds up to ¥3. Whole jiao.
    double yuan = std::min(8.0 + km / 100.0, 22.0) + unit(rng) * 3.0;
    const double service = unit(rng);
    if (service < 0.7) {
        p.serviceClass = u"standard"_s;
    } else if (service < 0.9) {
        p.serviceClass = u"express"_s;
        yuan *= 1.5;
    } else {
        p.serviceClass = u"economy"_s;
        yuan *= 0.8;
    }
    p.freightFen = std::llround(yuan * 10.0) * 10;
    p.insuredValueFen = unit(rng) < 0.15 ? p.declaredValueFen : 0;
}

} // namespace pd::server
