#include "proactiveeffect.h"

#include "models/domain/entities.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
/// What is known of one parcel with an exception.
struct ParcelEffect
{
    qint64 detectedMs = 0;
    std::optional<qint64> noticeMs;    ///< the first notice sent
    std::optional<qint64> complaintMs; ///< the first complaint at or after detection
    QList<int> csat;                   ///< CSAT of its complaints (1–5)
};

/// Complaint rate (per 100 parcels) and mean CSAT of one group.
QJsonObject groupJson(const QList<const ParcelEffect *> &group)
{
    int complained = 0;
    int csatSum = 0;
    int csatCount = 0;
    for (const ParcelEffect *p : group) {
        complained += p->complaintMs ? 1 : 0;
        for (int c : p->csat) {
            csatSum += c;
            ++csatCount;
        }
    }
    QJsonObject o{{u"parcels"_s, int(group.size())}, {u"complained"_s, complained}};
    o.insert(u"complaint_rate_percent"_s,
             group.isEmpty() ? QJsonValue()
                             : QJsonValue(std::round(1000.0 * complained / group.size()) / 10));
    o.insert(u"csat"_s,
             csatCount == 0 ? QJsonValue() : QJsonValue(std::round(100.0 * csatSum / csatCount) / 100));
    o.insert(u"csat_answers"_s, csatCount);
    return o;
}
} // namespace

QJsonObject ProactiveEffect::figures(qint64 fromMs, qint64 toMs)
{
    QHash<QString, ParcelEffect> parcels;
    QSqlQuery q =
        m_db.run(u"SELECT waybill_no, MIN(detected_ms) FROM proactive_cases WHERE detected_ms >= ? AND "
                 "detected_ms < ? GROUP BY waybill_no"_s,
                 {fromMs, toMs});
    while (q.next())
        parcels[q.value(0).toString()].detectedMs = q.value(1).toLongLong();
    const QStringList waybills = parcels.keys();
    m_db.runIn(u"SELECT waybill_no, MIN(sent_ms) FROM notices WHERE state = 'sent' AND waybill_no IN (%IN%) "
               "GROUP BY waybill_no"_s,
               {}, waybills, [&](const QSqlQuery &r) {
                   parcels[r.value(0).toString()].noticeMs = r.value(1).toLongLong();
               });
    m_db.runIn(u"SELECT parent, data FROM docs WHERE type = 'ticket' AND deleted = 0 AND parent IN (%IN%)"_s,
               {}, waybills, [&](const QSqlQuery &r) {
                   ParcelEffect &p = parcels[r.value(0).toString()];
                   const auto t =
                       Ticket::fromJson(QJsonDocument::fromJson(r.value(1).toByteArray()).object());
                   if (!t || t->isMerged() || t->createdAt < p.detectedMs)
                       return;
                   p.complaintMs = p.complaintMs ? std::min(*p.complaintMs, t->createdAt) : t->createdAt;
                   if (t->csat)
                       p.csat.append(*t->csat);
               });
    QList<const ParcelEffect *> first;
    QList<const ParcelEffect *> others;
    QList<qint64> delays;
    for (const ParcelEffect &p : std::as_const(parcels)) {
        const bool notifiedFirst = p.noticeMs && (!p.complaintMs || *p.noticeMs <= *p.complaintMs);
        (notifiedFirst ? first : others).append(&p);
        if (p.noticeMs)
            delays.append(std::max<qint64>(0, *p.noticeMs - p.detectedMs));
    }
    std::sort(delays.begin(), delays.end());
    QJsonObject o{{u"from"_s, instantToIso(fromMs)},
                  {u"to"_s, instantToIso(toMs)},
                  {u"parcels_with_exception"_s, int(parcels.size())},
                  {u"notified_first"_s, groupJson(first)},
                  {u"not_notified_first"_s, groupJson(others)}};
    o.insert(u"share_notified_first_percent"_s,
             parcels.isEmpty() ? QJsonValue()
                               : QJsonValue(std::round(1000.0 * first.size() / parcels.size()) / 10));
    o.insert(u"median_minutes_to_notice"_s,
             delays.isEmpty()
                 ? QJsonValue()
                 : QJsonValue(std::round(10.0 * delays.at((delays.size() - 1) / 2) / 60000.0) / 10));
    return o;
}

} // namespace pd::server
