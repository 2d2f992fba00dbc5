#include "simulator.h"

#include "models/proactive/exceptiondetector.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

#include <cmath>

Q_LOGGING_CATEGORY(lcServerSim, "pd.server.simulator")

namespace pd::server {

using namespace Qt::StringLiterals;

namespace {
constexpr double kSpeedKmPerMs = 25.0 / 3600000.0;
constexpr qint64 kExceptionReadEveryMs = 60LL * 1000; ///< server time between reads of new exceptions
constexpr qint64 kExceptionSlackMs = 3600LL * 1000;   ///< detections are read again this far back

/// What the customer complains about, by the kind of the parcel's exception.
Category categoryOf(const QString &kind)
{
    switch (exceptionKindFromCode(kind).value_or(ExceptionKind::Stalled)) {
    case ExceptionKind::DamageScan:
        return Category::Damage;
    case ExceptionKind::LossScan:
        return Category::Loss;
    case ExceptionKind::ExceptionScan:
    case ExceptionKind::Returned:
    case ExceptionKind::FailedDelivery:
        return Category::Service;
    case ExceptionKind::Stalled:
    case ExceptionKind::WillMissPromise:
        break;
    }
    return Category::Delay;
}

/// The generator of one parcel's customer, seeded from the demo seed and the waybill alone. Its draws, in
/// order: the decision (Simulator::customerDraw), the delay, then what the complaint says.
DemoCity customerOf(quint32 seed, const QString &waybill)
{
    const QByteArray h = QCryptographicHash::hash(
        QByteArray(QByteArray::number(seed) + ':' + waybill.toUtf8()), QCryptographicHash::Sha256);
    quint32 s = 0;
    for (int i = 0; i < 4; ++i)
        s = (s << 8) | quint8(h.at(i));
    return DemoCity(s);
}

double distanceKm(const GeoPoint &a, const GeoPoint &b)
{
    const double dLat = (a.lat - b.lat) * 111.0;
    const double dLon = (a.lon - b.lon) * 111.0 * std::cos(a.lat * M_PI / 180.0);
    return std::sqrt(dLat * dLat + dLon * dLon);
}

ParcelStatus nextStatus(ParcelStatus s)
{
    switch (s) {
    case ParcelStatus::Created:
        return ParcelStatus::PickedUp;
    case ParcelStatus::PickedUp:
        return ParcelStatus::InTransit;
    case ParcelStatus::InTransit:
        return ParcelStatus::AtStation;
    case ParcelStatus::AtStation:
        return ParcelStatus::OutForDelivery;
    default:
        return ParcelStatus::Delivered;
    }
}
} // namespace

Simulator::Simulator(DocumentStore &docs, TicketService &tickets, PositionService &positions,
                     const Clock &clock, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_docs(docs)
    , m_tickets(tickets)
    , m_positions(positions)
    , m_clock(clock)
    , m_city(seed ^ 0x5eed)
    , m_seed(seed)
{
    connect(&m_timer, &QTimer::timeout, this, &Simulator::tick);
}

void Simulator::start()
{
    QHash<QString, GeoPoint> stations;
    for (const Doc &d : m_docs.all(DocType::Station)) {
        if (const auto s = Station::fromJson(QJsonDocument::fromJson(d.data).object()); s && s->position)
            stations.insert(s->id, *s->position);
    }
    for (const Doc &d : m_docs.all(DocType::Courier)) {
        const auto c = Courier::fromJson(QJsonDocument::fromJson(d.data).object());
        if (!c || !stations.contains(c->stationId))
            continue;
        const GeoPoint home = stations.value(c->stationId);
        const GeoPoint at =
            m_positions.position(c->id).has_value() ? m_positions.position(c->id)->position : home;
        m_movers.append({c->id, home, at, m_city.near(home, 3)});
    }
    const auto underway = m_docs.byStatus(
        DocType::Parcel, {toCode(ParcelStatus::PickedUp), toCode(ParcelStatus::InTransit),
                          toCode(ParcelStatus::AtStation), toCode(ParcelStatus::OutForDelivery)});
    for (const Doc &d : underway)
        m_openParcels.append(d.id);
    m_lastTickMs = m_clock.nowMs();
    // Customers of exceptions detected before this run who would still be deciding.
    m_exceptionsFrom = m_lastTickMs - m_exceptionCustomers.maxDelayMs;
    m_timer.start(1000);
    qCInfo(lcServerSim) << "simulating" << m_movers.size() << "couriers and" << m_openParcels.size()
                        << "parcels under way";
}

void Simulator::tick()
{
    const qint64 now = m_clock.nowMs();
    const qint64 elapsed = std::max<qint64>(0, now - m_lastTickMs);
    m_lastTickMs = now;
    try {
        moveCouriers(elapsed);
        // About one parcel step per simulated minute per 200 parcels under way.
        m_parcelDebt += double(elapsed) / 60000.0 * (double(m_openParcels.size()) / 200.0);
        const int steps = int(std::min(50.0, m_parcelDebt));
        m_parcelDebt -= steps;
        if (steps > 0)
            advanceParcels(steps);
        m_complaintDebt += double(elapsed) / double(kComplaintEveryMs);
        while (m_complaintDebt >= 1.0) {
            m_complaintDebt -= m_city.uniform(0.5, 1.5);
            openComplaint();
        }
        customersOfExceptions(now);
    } catch (const std::exception &e) {
        // Storage faults come back every second while they last: log the first one only.
        if (m_failedTicks++ == 0)
            qCWarning(lcServerSim) << "simulation step failed:" << e.what();
        return;
    }
    m_failedTicks = 0;
}

void Simulator::moveCouriers(qint64 elapsedMs)
{
    QList<CourierPosition> moved;
    const double stepKm = kSpeedKmPerMs * double(elapsedMs);
    for (Mover &m : m_movers) {
        double left = stepKm;
        while (left > 0) {
            const double d = distanceKm(m.at, m.target);
            if (d <= left) {
                m.at = m.target;
                left -= d;
                m.target = m_city.near(m.station, 3.5);
                if (left > 10)
                    left = 0; // a huge jump (very high speed): settle at a stop
            } else {
                const double f = left / d;
                m.at = {m.at.lat + (m.target.lat - m.at.lat) * f, m.at.lon + (m.target.lon - m.at.lon) * f};
                left = 0;
            }
        }
        moved.append({m.id, m.at, m_clock.nowMs()});
    }
    if (!moved.isEmpty())
        m_positions.report(moved);
}

void Simulator::advanceParcels(int count)
{
    // A failed write (storage fault) must not lose parcels from the list of those still under way.
    const QStringList before = m_openParcels;
    try {
        advanceParcelsTx(count);
    } catch (...) {
        m_openParcels = before;
        throw;
    }
}

void Simulator::advanceParcelsTx(int count)
{
    QList<Parcel> parcels;
    QList<TrackingEvent> scans;
    WriteTx tx(m_docs.db());
    for (int i = 0; i < count && !m_openParcels.isEmpty(); ++i) {
        const int index = m_city.uniformInt(0, int(m_openParcels.size()) - 1);
        auto doc = m_docs.get(DocType::Parcel, m_openParcels.at(index));
        if (!doc)
            continue;
        auto p = Parcel::fromJson(QJsonDocument::fromJson(doc->data).object());
        if (!p)
            continue;
        const qint64 now = m_clock.nowMs();
        p->status = nextStatus(p->status);
        const GeoPoint where = p->status == ParcelStatus::Delivered && p->destination ? *p->destination
                               : p->position                                          ? *p->position
                                                                                      : DemoCity::hub();
        TrackingEvent e;
        e.id = QStringLiteral("tr-%1-s%2").arg(p->waybillNo).arg(now);
        e.waybillNo = p->waybillNo;
        e.at = now;
        e.status = p->status;
        e.place = p->status == ParcelStatus::Delivered ? p->destinationAddress : DemoCity::cityName();
        e.position = where;
        e.text = displayName(p->status);
        Doc ed{DocType::TrackingEvent,
               e.id,
               0,
               1,
               false,
               {},
               p->waybillNo,
               {},
               now,
               QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)};
        m_docs.put(tx, ed);
        scans.append(e);
        p->position = where;
        p->positionAt = now;
        if (p->status == ParcelStatus::Delivered) {
            p->deliveredAt = now;
            m_openParcels.removeAt(index);
        }
        p->version = doc->version + 1;
        p->updatedAt = now;
        doc->version = p->version;
        doc->status = toCode(p->status);
        doc->updatedMs = now;
        doc->data = QJsonDocument(p->toJson()).toJson(QJsonDocument::Compact);
        m_docs.put(tx, *doc);
        parcels.append(*p);
        tx.publishChanged(DocType::Parcel, p->waybillNo, p->version);
    }
    tx.commit();
    if (m_observer)
        m_observer(parcels, scans);
}

bool Simulator::repeatComplaint()
{
    if (m_recent.isEmpty())
        return false;
    const Recent r = m_recent.at(m_city.uniformInt(0, int(m_recent.size()) - 1));
    if (m_city.chance(0.75)) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject call{
            {QStringLiteral("id"), id},
            {QStringLiteral("kind"), QStringLiteral("call")},
            {QStringLiteral("text"), QStringLiteral("客户再次来电催促处理进度")},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("direction"), QStringLiteral("inbound")},
                                                 {QStringLiteral("duration_s"), m_city.uniformInt(40, 240)},
                                                 {QStringLiteral("outcome"), QStringLiteral("chase_up")}}}};
        try {
            (void)m_tickets.addEvent(Actor::server(), r.ticketId, call, id, std::nullopt);
        } catch (const ApiError &) {
            return false; // closed meanwhile: a new complaint instead
        }
        return true;
    }
    const QJsonObject body{
        {QStringLiteral("waybill_no"), r.waybill},
        {QStringLiteral("description"), QStringLiteral("之前已经投诉过，到现在还没有结果")},
        {QStringLiteral("customer_name"), m_city.personName()},
        {QStringLiteral("customer_phone"), r.phone},
        {QStringLiteral("channel"), QStringLiteral("app")},
        {QStringLiteral("category"), QStringLiteral("delay")},
        {QStringLiteral("team_id"), r.team}};
    (void)m_tickets.create(Actor::server(), body, {});
    return true;
}

void Simulator::openComplaint()
{
    // About one complaint in twelve is the same customer again about a recent one.
    if (m_city.chance(0.08) && repeatComplaint())
        return;
    if (m_openParcels.isEmpty())
        return;
    const QString waybill = m_openParcels.at(m_city.uniformInt(0, int(m_openParcels.size()) - 1));
    const double r = m_city.uniform();
    const Category category = r < 0.45   ? Category::Delay
                              : r < 0.63 ? Category::Damage
                              : r < 0.75 ? Category::Loss
                              : r < 0.90 ? Category::Service
                              : r < 0.95 ? Category::WrongItem
                                         : Category::Other;
    const QJsonObject body{
        {QStringLiteral("waybill_no"), waybill},
        {QStringLiteral("description"), m_city.complaintText(category)},
        {QStringLiteral("customer_name"), m_city.personName()},
        {QStringLiteral("customer_phone"), m_city.mobile()},
        {QStringLiteral("channel"), m_city.chance(0.6) ? QStringLiteral("phone") : QStringLiteral("app")},
        {QStringLiteral("category"), toCode(category)},
        {QStringLiteral("team_id"),
         m_city.chance(0.6) ? QStringLiteral("team-a") : QStringLiteral("team-b")}};
    const WriteResult r2 = m_tickets.create(Actor::server(), body, {});
    const QString id = QJsonDocument::fromJson(r2.body).object().value(QStringLiteral("id")).toString();
    if (!id.isEmpty()) {
        m_recent.append({id, waybill, body.value(QStringLiteral("customer_phone")).toString(),
                         body.value(QStringLiteral("team_id")).toString()});
        if (m_recent.size() > 50)
            m_recent.removeFirst();
    }
}

double Simulator::customerDraw(quint32 seed, const QString &waybill)
{
    return customerOf(seed, waybill).uniform();
}

void Simulator::customersOfExceptions(qint64 now)
{
    if (m_exceptionsReadAt == 0 || now - m_exceptionsReadAt >= kExceptionReadEveryMs)
        readExceptions(now);
    for (qsizetype i = 0; i < m_waiting.size();) {
        if (m_waiting.at(i).decidesAt > now) {
            ++i;
            continue;
        }
        decide(m_waiting.at(i), now); // a storage fault throws: the customer decides next step
        m_waiting.removeAt(i);
    }
}

void Simulator::readExceptions(qint64 now)
{
    const ExceptionCustomers &p = m_exceptionCustomers;
    QSqlQuery q =
        m_docs.db().run(u"SELECT waybill_no, detected_ms, kind FROM proactive_cases WHERE "
                        "detected_ms >= ? AND detected_ms - cause_ms <= ? ORDER BY detected_ms, id"_s,
                        {m_exceptionsFrom, p.maxCauseAgeMs});
    while (q.next()) {
        const QString waybill = q.value(0).toString();
        if (m_exceptionsSeen.contains(waybill))
            continue;
        const qint64 detected = q.value(1).toLongLong();
        m_exceptionsSeen.insert(waybill, detected);
        DemoCity customer = customerOf(m_seed, waybill);
        (void)customer.uniform(); // the decision's draw, taken when the customer decides
        const auto delay = qint64(customer.uniform() * double(p.maxDelayMs - p.minDelayMs));
        m_waiting.append({waybill, detected, q.value(2).toString(), detected + p.minDelayMs + delay});
    }
    m_exceptionsReadAt = now;
    // A case committed a little after a read may carry a detection instant before it: read back an hour.
    m_exceptionsFrom = std::max(m_exceptionsFrom, now - kExceptionSlackMs);
    m_exceptionsSeen.removeIf(
        [this](QHash<QString, qint64>::iterator it) { return it.value() < m_exceptionsFrom; });
}

void Simulator::decide(const ExceptionCustomer &c, qint64 now)
{
    // Someone who already complained since the detection (at random, or an agent made a ticket of the case)
    // does not complain again.
    for (const Doc &d : m_docs.byParent(DocType::Ticket, c.waybill)) {
        const auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
        if (!d.deleted && t && t->createdAt >= c.detectedMs)
            return;
    }
    QSqlQuery q = m_docs.db().run(
        u"SELECT MIN(sent_ms) FROM notices WHERE waybill_no = ? AND state = 'sent'"_s, {c.waybill});
    const bool notified = q.next() && !q.value(0).isNull() && q.value(0).toLongLong() <= now;
    const ExceptionCustomers &p = m_exceptionCustomers;
    const double chance = p.complaintChance * (notified ? 1.0 - p.noticeEffect : 1.0);
    DemoCity customer = customerOf(m_seed, c.waybill);
    if (customer.uniform() >= chance)
        return;
    (void)customer.uniform(); // the delay's draw
    const Category category = categoryOf(c.kind);
    const QJsonObject body{{u"waybill_no"_s, c.waybill},
                           {u"description"_s, customer.complaintText(category)},
                           {u"customer_name"_s, customer.personName()},
                           {u"customer_phone"_s, DemoCity::recipientMobile(c.waybill)},
                           {u"channel"_s, u"phone"_s},
                           {u"category"_s, toCode(category)},
                           {u"team_id"_s, customer.chance(0.6) ? u"team-a"_s : u"team-b"_s}};
    try {
        (void)m_tickets.create(Actor::server(), body, {});
    } catch (const ApiError &e) {
        qCInfo(lcServerSim) << "complaint about exception of" << c.waybill << "refused:" << e.message();
    }
}

} // namespace pd::server
