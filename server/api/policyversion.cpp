#include "policyversion.h"

#include "apierror.h"

using namespace Qt::StringLiterals;

namespace pd::server {

void requireStoredVersion(std::optional<qint64> ifMatch, qint64 edited, qint64 stored,
                          const QByteArray &storedJson, const QString &message)
{
    if ((!ifMatch || *ifMatch == stored) && edited == stored)
        return;
    ApiError e(412, u"version_mismatch"_s, message, ifMatch ? u"If-Match"_s : u"version"_s);
    e.currentJson = storedJson;
    throw e;
}

} // namespace pd::server
