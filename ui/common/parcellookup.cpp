#include "parcellookup.h"

#include "models/store/parcelrepository.h"
#include "serverlink.h"
#include "sync/api/parcelsapi.h"

namespace pd {

std::optional<Parcel> ParcelLookup::cached(const Database &db, const QString &waybill)
{
    return ParcelRepository(db).byWaybill(waybill);
}

void ParcelLookup::fromServer(const Database &db, ServerLink *link, const QString &waybill, QObject *context,
                              Done done)
{
    if (!link || !link->hasClient()) {
        done(Outcome::Unreachable, std::nullopt);
        return;
    }
    link->call([waybill](ApiClient *c) { return ParcelsApi(c).get(waybill); }, context,
               [&db, done](const ApiResult &r) {
                   if (r.status == 404)
                       return done(Outcome::Unknown, std::nullopt);
                   const auto p = r.ok() ? Parcel::fromJson(r.object()) : std::nullopt;
                   if (!p)
                       return done(Outcome::Unreachable, std::nullopt);
                   QString error;
                   if (!ParcelRepository(db).upsert({*p}, &error))
                       qWarning("could not keep the parcel in the cache: %s", qPrintable(error));
                   done(Outcome::FromServer, p);
               });
}

} // namespace pd
