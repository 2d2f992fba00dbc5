#include "incidenttext.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace pd {

QString IncidentText::cause(const IncidentRecord &i)
{
    const QString where = i.place.isEmpty() ? i.key : i.place;
    if (i.family == u"delay"_s)
        return i.dimension == u"route"_s ? tr("Delay at the %1 hub").arg(where)
                                         : tr("Delivery backlog at %1").arg(where);
    if (i.family == u"damage"_s)
        return tr("Damaged parcels at %1").arg(where);
    if (i.family == u"loss"_s)
        return tr("Missing parcels at %1").arg(where);
    return tr("Delivery problems at %1").arg(where);
}

QString IncidentText::summary(const IncidentRecord &i, const QTimeZone &zone)
{
    const auto local = [&zone](Instant at) {
        return QDateTime::fromMSecsSinceEpoch(at, zone).toString(u"MM-dd HH:mm"_s);
    };
    QString text = tr("%1: %n parcel(s) since %2", nullptr, i.parcels).arg(cause(i), local(i.windowStart));
    if (i.expectedRecoveryAt)
        text += tr("; expected recovery %1").arg(local(*i.expectedRecoveryAt));
    text += u'.';
    if (!i.isOpen())
        text += u' ' + tr("Resolved.");
    if (!i.explanation.isEmpty())
        text += u' ' + i.explanation;
    return text;
}

QString IncidentText::kind(const QString &code)
{
    if (code == u"stalled"_s)
        return tr("No scan for too long");
    if (code == u"will_miss_promise"_s)
        return tr("Will miss its promised time");
    if (code == u"damage_scan"_s)
        return tr("Scanned as damaged");
    if (code == u"loss_scan"_s)
        return tr("Scanned as lost");
    if (code == u"exception_scan"_s)
        return tr("Exception scan");
    if (code == u"returned"_s)
        return tr("Returned to sender");
    if (code == u"failed_delivery"_s)
        return tr("Delivery attempt failed");
    return code;
}

QString IncidentText::caseState(const QString &code)
{
    if (code == u"open"_s)
        return tr("To do");
    if (code == u"notified"_s)
        return tr("Customer notified");
    if (code == u"dismissed"_s)
        return tr("Dismissed");
    if (code == u"ticketed"_s)
        return tr("Ticket made");
    return code;
}

QString IncidentText::action(const QString &code)
{
    if (code == u"trace_parcel"_s)
        return tr("Trace the parcel");
    if (code == u"notify_delay"_s)
        return tr("Tell the customer of the delay");
    if (code == u"offer_compensation"_s)
        return tr("Offer compensation");
    if (code == u"open_loss_claim"_s)
        return tr("Open a loss claim");
    if (code == u"contact_station"_s)
        return tr("Contact the station");
    if (code == u"confirm_return"_s)
        return tr("Confirm the return with the customer");
    if (code == u"arrange_redelivery"_s)
        return tr("Arrange a new delivery");
    return code;
}

} // namespace pd
