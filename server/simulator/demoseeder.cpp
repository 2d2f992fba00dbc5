#include "demoseeder.h"

#include "demoappeals.h"
#include "demofreight.h"

#include "server/auth/passwords.h"

#include "models/domain/ticketrules.h"

#include "models/sla/deadlines.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>

#include <limits>

namespace pd::server {

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kHour = 60 * kMin;
constexpr qint64 kDay = 24 * kHour;

struct DemoUser
{
    const char *id;
    const char *login;
    const char *name;
    Role role;
    const char *team;
};
constexpr DemoUser kUsers[] = {
    {"u-agent1", "agent1", "客服 王芳 (agent1)", Role::Agent, "team-a"},
    {"u-agent2", "agent2", "客服 李娜 (agent2)", Role::Agent, "team-a"},
    {"u-agent3", "agent3", "客服 张伟 (agent3)", Role::Agent, "team-b"},
    {"u-lead1", "lead1", "班组长 陈静 (lead1)", Role::Supervisor, "team-a"},
    {"u-manager1", "manager1", "经理 刘强 (manager1)", Role::Manager, ""},
    {"u-admin", "admin", "管理员 (admin)", Role::Admin, ""},
};
} // namespace

DemoSeeder::DemoSeeder(DocumentStore &docs, UserStore &users, AuthService &auth, quint32 seed)
    : m_docs(docs)
    , m_users(users)
    , m_auth(auth)
    , m_city(seed)
{}

const QStringList &DemoSeeder::agentIds()
{
    static const QStringList ids{QStringLiteral("u-agent1"), QStringLiteral("u-agent2"),
                                 QStringLiteral("u-agent3")};
    return ids;
}

bool DemoSeeder::needsSeeding()
{
    return m_docs.all(DocType::User, 1).isEmpty();
}

DemoSeeder::Fit DemoSeeder::check()
{
    Database &db = m_docs.db();
    if (db.run(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {QStringLiteral("demo_seed")}).next())
        return Fit::Demo;
    QSqlQuery docs = db.run(QStringLiteral("SELECT count(*) FROM docs"));
    const qint64 records = docs.next() ? docs.value(0).toLongLong() : 0;
    docs.finish();
    QSqlQuery creds = db.run(QStringLiteral("SELECT count(*) FROM credentials"));
    const qint64 logins = creds.next() ? creds.value(0).toLongLong() : 0;
    creds.finish();
    if (records == 0 && logins == 0)
        return Fit::Empty;
    // Seeded before databases were marked: exactly the demo's users, and admin still has the demo password.
    QSet<QString> users;
    for (const Doc &d : m_docs.all(DocType::User, 100))
        users.insert(d.id);
    QSet<QString> demoUsers;
    for (const DemoUser &du : kUsers)
        demoUsers.insert(QString::fromLatin1(du.id));
    const auto admin = m_users.credentials(QStringLiteral("admin"));
    if (users != demoUsers || logins != qint64(demoUsers.size()) || !admin ||
        !Passwords::verify(QStringLiteral("demo"), admin->hashHex, admin->saltHex, admin->iterations))
        return Fit::Foreign;
    WriteTx tx(db);
    markSeeded(tx);
    tx.commit();
    return Fit::Demo;
}

void DemoSeeder::markSeeded(WriteTx &tx)
{
    tx.db().run(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                {QStringLiteral("demo_seed"), QStringLiteral("parceldesk-server --demo")});
}

QString DemoSeeder::refusal(const QString &dbUrl)
{
    return tr("--demo refuses %1: that database was not created by --demo, and the demo would add users with "
              "the password \"demo\" and its simulator would rewrite the parcels. Give --demo a new --db "
              "(an empty database), or start without --demo.")
        .arg(dbUrl);
}

QString DemoSeeder::credentialsBanner()
{
    return tr("Demo users (password: demo): agent1, agent2 (team A), agent3 (team B), lead1 (supervisor), "
              "manager1 (manager), admin (administrator). Demo mode only.");
}

void DemoSeeder::putJson(WriteTx &tx, const QString &type, const QString &id, const QJsonObject &json,
                         qint64 updatedMs, const QString &teamId, const QString &parent,
                         const QString &status)
{
    Doc d{type,   id,     0,         json.value(QStringLiteral("version")).toInteger(1), false, teamId,
          parent, status, updatedMs, QJsonDocument(json).toJson(QJsonDocument::Compact)};
    m_docs.put(tx, d);
}

QString DemoSeeder::seed(qint64 nowMs)
{
    QElapsedTimer timer;
    timer.start();
    WriteTx tx(m_docs.db());
    markSeeded(tx);
    seedDirectory(tx, nowMs);
    m_volume = std::make_unique<DemoVolume>(m_city, int(DemoCity::stations().size()));
    int n = 0;
    for (int i = 0; i < kComplaintParcels; ++i)
        seedParcel(tx, n++, complaintPlan(nowMs), nowMs);
    for (int i = 0; i < kExceptionParcels; ++i)
        seedParcel(tx, n++, exceptionPlan(nowMs), nowMs);
    for (int i = 0; i < kLiveParcels; ++i)
        seedParcel(tx, n++, livePlan(nowMs), nowMs);
    m_tickets += seedDemoAppeals(tx, m_docs, nowMs, m_ticketNumber); // docs/appeals.md, "Demo data"
    VolumeStore &volume = m_docs.volume();
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(nowMs, volume.zone());
    const QDate today = local.date();
    if (m_cityVolume) {
        // Deliveries run from 08:00 to 21:00 company time: today has the share of them made by now.
        const double todayShare = (local.time().msecsSinceStartOfDay() / 3600000.0 - 8.0) / 13.0;
        m_delivered = m_volume->writeBulk(tx, volume, today.addDays(1 - kDays), today, todayShare, nowMs);
    } else {
        QSqlQuery q = tx.db().run(QStringLiteral("SELECT COALESCE(SUM(delivered), 0) FROM parcel_volume"));
        m_delivered = q.next() ? q.value(0).toLongLong() : 0;
    }
    tx.db().run(QStringLiteral("INSERT INTO counters(name, value) VALUES('ticket_number', ?) "
                               "ON CONFLICT(name) DO UPDATE SET value = excluded.value"),
                {m_ticketNumber});
    tx.commit();
    return tr("Demo data for %1: %2 parcels delivered in %3 days as volume figures; %4 detailed parcels "
              "with %5 tracking events, %6 complaints with %7 timeline events, %8 couriers (%9 ms).")
        .arg(DemoCity::cityName())
        .arg(m_delivered)
        .arg(kDays)
        .arg(m_parcels)
        .arg(m_tracking)
        .arg(m_tickets)
        .arg(m_events)
        .arg(m_couriers.size())
        .arg(timer.elapsed());
}

void DemoSeeder::seedDirectory(WriteTx &tx, qint64 now)
{
    const Team a{QStringLiteral("team-a"), QStringLiteral("投诉一组 Team A"), 1};
    const Team b{QStringLiteral("team-b"), QStringLiteral("投诉二组 Team B"), 1};
    putJson(tx, DocType::Team, a.id, a.toJson(), now);
    putJson(tx, DocType::Team, b.id, b.toJson(), now);
    for (const DemoUser &du : kUsers) {
        User u;
        u.id = QString::fromLatin1(du.id);
        u.login = QString::fromLatin1(du.login);
        u.displayName = QString::fromUtf8(du.name);
        u.role = du.role;
        u.teamId = QString::fromLatin1(du.team);
        m_users.putUser(tx, u, now);
        m_auth.setPassword(tx, u, QStringLiteral("demo"));
    }
    const auto &stations = DemoCity::stations();
    for (int s = 0; s < stations.size(); ++s) {
        Station st{QStringLiteral("st-%1").arg(s + 1, 2, 10, QLatin1Char('0')), stations.at(s).name,
                   DemoCity::cityName(), stations.at(s).point, 1};
        putJson(tx, DocType::Station, st.id, st.toJson(), now);
        for (int k = 0; k < 8; ++k) {
            Courier c;
            c.id = QStringLiteral("cr-%1-%2").arg(s + 1, 2, 10, QLatin1Char('0')).arg(k + 1);
            c.name = m_city.personName();
            c.phone = m_city.mobile();
            c.stationId = st.id;
            c.position = m_city.near(st.position.value(), 3.0);
            c.lastSeen = now;
            c.version = 1;
            putJson(tx, DocType::Courier, c.id, c.toJson(), now);
            m_couriers.append(c.id);
        }
    }
}

DemoSeeder::ParcelPlan DemoSeeder::complaintPlan(qint64 now)
{
    ParcelPlan plan;
    plan.source = m_volume->pick();
    plan.created = now - qint64(m_city.uniform(0, double(kDays * kDay)));
    // The mix of docs/domain.md: delay 45–50%, damage + loss 30%, the rest service, wrong items, other.
    const double r = m_city.uniform();
    const Category c = r < 0.47    ? Category::Delay
                       : r < 0.65  ? Category::Damage
                       : r < 0.77  ? Category::Loss
                       : r < 0.91  ? Category::Service
                       : r < 0.955 ? Category::WrongItem
                                   : Category::Other;
    plan.complaint = c;
    plan.late = c == Category::Delay || m_city.chance(0.035);
    plan.lost = c == Category::Loss;
    plan.damaged = c == Category::Damage;
    // Operations record most losses and about two thirds of the damage the customers complain about.
    if (plan.lost)
        plan.exception = QStringLiteral("lost");
    else if (plan.damaged && m_city.chance(0.65))
        plan.exception = QStringLiteral("damaged");
    return plan;
}

DemoSeeder::ParcelPlan DemoSeeder::exceptionPlan(qint64 now)
{
    ParcelPlan plan;
    plan.source = m_volume->pick();
    plan.created = now - qint64(m_city.uniform(30, 80) * kHour);
    const double r = m_city.uniform();
    plan.exception = r < 0.6    ? QStringLiteral("address")
                     : r < 0.85 ? QStringLiteral("refused")
                     : r < 0.97 ? QStringLiteral("damaged")
                                : QStringLiteral("lost");
    plan.lost = plan.exception == u"lost";
    plan.damaged = plan.exception == u"damaged";
    plan.returned = plan.exception == u"refused";
    plan.late = m_city.chance(0.1);
    return plan;
}

DemoSeeder::ParcelPlan DemoSeeder::livePlan(qint64 now)
{
    ParcelPlan plan;
    plan.source = m_volume->pick();
    plan.created = now - qint64(m_city.uniform(0, 60) * kHour);
    plan.late = m_city.chance(0.035);
    plan.returned = m_city.chance(0.004);
    return plan;
}

qint64 DemoSeeder::complaintAt(const Parcel &p, Category category, qint64 created)
{
    // Only a share of unhappy customers complain (1 in 25 industry-wide; more for loss and damage): these are
    // the ones who did.
    switch (category) {
    case Category::Delay:
        return *p.promisedAt + qint64(m_city.uniform(1, 30) * kHour);
    case Category::Damage:
        return p.deliveredAt ? *p.deliveredAt + qint64(m_city.uniform(0.2, 20) * kHour)
                             : std::numeric_limits<qint64>::max();
    case Category::Loss:
        return *p.promisedAt + qint64(m_city.uniform(4, 72) * kHour);
    case Category::Service:
        return created + qint64(m_city.uniform(20, 60) * kHour);
    case Category::WrongItem:
        return created + qint64(m_city.uniform(40, 70) * kHour);
    case Category::Other:
        break;
    }
    return created + qint64(m_city.uniform(2, 60) * kHour);
}

QList<DemoSeeder::Step> DemoSeeder::route(const ParcelPlan &plan, const Parcel &p,
                                          const DemoCity::Place &origin, const DemoCity::Place &station)
{
    QList<Step> steps;
    qint64 t = plan.created;
    steps.append({ParcelStatus::Created, t, p.originAddress, *p.origin});
    t += qint64(m_city.uniform(1, 5) * kHour);
    steps.append({ParcelStatus::PickedUp, t, origin.name + QStringLiteral("揽收点"), *p.origin});
    t += qint64(m_city.uniform(1, 4) * kHour);
    steps.append({ParcelStatus::InTransit, t, origin.name + QStringLiteral("转运中心"), origin.point});
    t += qint64(m_city.uniform(10, 26) * kHour) + (plan.late ? qint64(m_city.uniform(24, 72) * kHour) : 0);
    const QString hub = DemoCity::cityName() + QStringLiteral("转运中心");
    steps.append({ParcelStatus::InTransit, t, hub, DemoCity::hub()});
    if (plan.lost) {
        // No scan after the hub: declared lost about a day later.
        steps.append({ParcelStatus::Exception, t + qint64(m_city.uniform(20, 30) * kHour), hub,
                      DemoCity::hub(), QStringLiteral("lost")});
        return steps;
    }
    t += qint64(m_city.uniform(3, 8) * kHour);
    steps.append({ParcelStatus::AtStation, t, station.name, station.point});
    if (plan.exception == u"damaged") {
        t += qint64(m_city.uniform(0.2, 1) * kHour);
        steps.append({ParcelStatus::Exception, t, station.name, station.point, plan.exception});
    }
    t += qint64(m_city.uniform(1, 10) * kHour);
    steps.append({ParcelStatus::OutForDelivery, t, station.name, station.point});
    if (plan.exception == u"address" || plan.exception == u"refused") {
        // The first attempt fails; the next day's attempt delivers or returns it.
        t += qint64(m_city.uniform(0.5, 3) * kHour);
        steps.append({ParcelStatus::Exception, t, p.destinationAddress, *p.destination, plan.exception});
        t += qint64(m_city.uniform(14, 26) * kHour);
        steps.append({ParcelStatus::OutForDelivery, t, station.name, station.point});
    }
    t += qint64(m_city.uniform(0.5, 5) * kHour);
    steps.append({plan.returned ? ParcelStatus::Returned : ParcelStatus::Delivered, t, p.destinationAddress,
                  *p.destination});
    return steps;
}

void DemoSeeder::seedParcel(WriteTx &tx, int n, const ParcelPlan &plan, qint64 now)
{
    const DemoVolume::Source &source = m_volume->sources().at(plan.source);
    const auto &station = DemoCity::stations().at(source.station);
    const auto &origins = DemoCity::originCities();
    const auto &origin = origins.at(m_city.uniformInt(0, int(origins.size()) - 1));
    Parcel p;
    p.waybillNo = m_city.waybill(n);
    p.originAddress = origin.name + QStringLiteral("发货仓");
    p.origin = m_city.near(origin.point, 8);
    p.destinationAddress = m_city.street();
    p.destination = m_city.near(station.point, 4);
    p.stationId = DemoVolume::stationId(source);
    p.courierId = DemoVolume::courierId(source);
    p.recipientPhone = DemoCity::recipientMobile(p.waybillNo);
    p.declaredValueFen =
        m_city.chance(0.08) ? m_city.uniformInt(100000, 800000) : m_city.uniformInt(2000, 60000);
    p.promisedAt = plan.created + 48 * kHour;
    assignDemoFreight(p, n);
    int written = 0;
    qint64 lastAt = plan.created;
    for (const Step &s : route(plan, p, origin, station)) {
        if (s.at > now)
            break;
        TrackingEvent e;
        e.id = QStringLiteral("tr-%1-%2").arg(p.waybillNo).arg(written);
        e.waybillNo = p.waybillNo;
        e.at = s.at;
        e.status = s.status;
        e.place = s.place;
        e.position = s.point;
        e.text = displayName(s.status) + QStringLiteral(" · ") + s.place;
        e.reason = s.reason;
        putJson(tx, DocType::TrackingEvent, e.id, e.toJson(), e.at, {}, p.waybillNo);
        p.status = s.status;
        p.position = s.point;
        p.positionAt = s.at;
        lastAt = s.at;
        ++written;
        ++m_tracking;
    }
    if (p.status == ParcelStatus::Delivered)
        p.deliveredAt = lastAt;
    p.version = 1;
    p.updatedAt = lastAt;
    putJson(tx, DocType::Parcel, p.waybillNo, p.toJson(), lastAt, {}, {}, toCode(p.status));
    ++m_parcels;
    if (plan.complaint) {
        const qint64 at = complaintAt(p, *plan.complaint, plan.created);
        if (at < now)
            seedTicket(tx, p, *plan.complaint, at, now);
    }
}

struct DemoSeeder::TicketStory
{
    Ticket t;
    QString agent;
    QList<TicketEvent> events;

    void event(EventKind kind, qint64 when, const QString &text, const QJsonObject &data)
    {
        TicketEvent e;
        e.id = QStringLiteral("%1-e%2").arg(t.id).arg(events.size());
        e.ticketId = t.id;
        e.kind = kind;
        e.at = when;
        e.authorId = agent;
        e.text = text;
        e.data = data;
        e.version = 1;
        events.append(e);
    }

    void status(TicketStatus to, qint64 when, const QJsonObject &extra = {})
    {
        QJsonObject data = extra;
        data.insert(QStringLiteral("from"), toCode(t.status));
        data.insert(QStringLiteral("to"), toCode(to));
        event(EventKind::StatusChange, when, {}, data);
        t.status = to;
    }
};

// The random draws come in one fixed order (the demo data is the same for the same seed): the ticket's
// customer, channel and team, the first response, a pending spell, the resolution, the follow-up, a
// reopening.
void DemoSeeder::seedTicket(WriteTx &tx, const Parcel &p, Category category, qint64 at, qint64 now)
{
    TicketStory s = openTicket(p, category, at);
    // First response: median 12 min, about one in eight past the 30-minute target.
    const qint64 firstAt = at + qint64(m_city.lognormal(12, 0.8) * kMin);
    if (firstAt < now) {
        const qint64 cursor = firstResponse(s, category, at, firstAt, now);
        const qint64 resolveAt = cursor + qint64(m_city.lognormal(240, 1.0) * kMin);
        if (resolveAt < now && s.t.status == TicketStatus::Open)
            resolve(s, p, category, at, resolveAt, now);
    }
    recordBreaches(s, now);
    Ticket &t = s.t;
    const QList<TicketEvent> &events = s.events;
    t.version = events.size() + 1;
    t.updatedAt = events.isEmpty()
                      ? at
                      : std::max_element(events.begin(), events.end(), [](const auto &a, const auto &b) {
                            return a.at < b.at;
                        })->at;
    putJson(tx, DocType::Ticket, t.id, t.toJson(), t.updatedAt, t.teamId, t.waybillNo, toCode(t.status));
    for (const TicketEvent &e : events)
        putJson(tx, DocType::TicketEvent, e.id, e.toJson(), e.at, t.teamId, t.id, toCode(e.kind));
    ++m_tickets;
    m_events += int(events.size());
}

DemoSeeder::TicketStory DemoSeeder::openTicket(const Parcel &p, Category category, qint64 at)
{
    TicketStory s;
    Ticket &t = s.t;
    t.id = QStringLiteral("tk-%1").arg(p.waybillNo);
    t.number =
        QStringLiteral("C%1-%2")
            .arg(QDateTime::fromMSecsSinceEpoch(at + 8 * kHour, Qt::UTC).toString(QStringLiteral("yyMM")))
            .arg(++m_ticketNumber, 6, 10, QLatin1Char('0'));
    t.waybillNo = p.waybillNo;
    t.description = m_city.complaintText(category);
    t.customerName = m_city.personName();
    t.customerPhone = m_city.mobile();
    t.channel = static_cast<Channel>(m_city.uniformInt(0, 5) < 3 ? 0 : m_city.uniformInt(1, 4));
    t.category = category;
    t.priority = TicketRules::defaultPriority(category, p.declaredValueFen);
    const bool teamA = m_city.chance(0.6);
    t.teamId = teamA ? QStringLiteral("team-a") : QStringLiteral("team-b");
    s.agent = teamA ? agentIds().at(m_city.uniformInt(0, 1)) : agentIds().at(2);
    t.createdAt = at;
    t.status = TicketStatus::New;
    return s;
}

// Assigned, answered by a reply or a call, open; about one in three waits on the customer a while. Returns
// when the agent works on it again (after now: still waiting).
qint64 DemoSeeder::firstResponse(TicketStory &s, Category category, qint64 at, qint64 firstAt, qint64 now)
{
    s.t.assigneeId = s.agent;
    s.event(EventKind::Assignment, at + kMin, {},
            {{QStringLiteral("from"), QString()}, {QStringLiteral("to"), s.agent}});
    if (m_city.chance(0.5))
        s.event(EventKind::Reply, firstAt, m_city.replyText(category), {});
    else
        s.event(EventKind::Call, firstAt, {},
                {{QStringLiteral("direction"), QStringLiteral("outbound")},
                 {QStringLiteral("duration_s"), m_city.uniformInt(40, 400)}});
    s.t.firstResponseAt = firstAt;
    s.status(TicketStatus::Open, firstAt);
    qint64 cursor = firstAt;
    if (m_city.chance(0.3)) {
        const qint64 pendAt = cursor + qint64(m_city.uniform(10, 90) * kMin);
        const qint64 backAt = pendAt + qint64(m_city.lognormal(180, 0.7) * kMin);
        if (pendAt < now)
            s.status(TicketStatus::Pending, pendAt);
        if (backAt < now) {
            s.status(TicketStatus::Open, backAt);
            cursor = backAt;
        } else {
            cursor = now + kDay;
        }
    }
    return cursor;
}

// Resolved by category, a satisfaction survey at the follow-up, now and then reopened; closed once the
// follow-up window has passed.
void DemoSeeder::resolve(TicketStory &s, const Parcel &p, Category category, qint64 at, qint64 resolveAt,
                         qint64 now)
{
    Ticket &t = s.t;
    static const Resolution byCategory[] = {Resolution::Redelivery,   Resolution::Compensation,
                                            Resolution::Compensation, Resolution::Reissue,
                                            Resolution::Explained,    Resolution::Other};
    t.resolution = byCategory[int(category)];
    if (t.resolution == Resolution::Compensation)
        t.compensationFen = std::min<qint64>(p.declaredValueFen, 50000);
    t.resolvedAt = resolveAt;
    s.status(TicketStatus::Resolved, resolveAt, {{QStringLiteral("resolution"), toCode(*t.resolution)}});
    const qint64 followAt = resolveAt + qint64(m_city.uniform(20, 60) * kHour);
    t.followUpAt = followAt;
    if (followAt < now && m_city.chance(0.7)) {
        const bool fast = resolveAt - at < 8 * kHour;
        t.csat = std::clamp(m_city.uniformInt(fast ? 3 : 1, 5) + (fast ? 0 : 1), 1, 5);
        t.nps = std::clamp(t.csat.value() * 2 + m_city.uniformInt(-1, 0), 0, 10);
        t.followUpDoneAt = followAt;
        s.event(EventKind::CsatRecorded, followAt, {},
                {{QStringLiteral("csat"), *t.csat}, {QStringLiteral("nps"), *t.nps}});
    }
    qint64 lastResolved = resolveAt;
    if (m_city.chance(0.05) && followAt < now) {
        // The customer was not satisfied after all: reopened at the follow-up, solved again within
        // about a day (a reopened ticket does not sit open for weeks).
        s.status(TicketStatus::Reopened, followAt + kMin);
        t.resolvedAt.reset();
        s.status(TicketStatus::Open, followAt + 20 * kMin);
        const qint64 againAt = followAt + 20 * kMin + qint64(m_city.lognormal(300, 0.8) * kMin);
        lastResolved = againAt < now ? againAt : 0;
        if (lastResolved) {
            t.resolvedAt = againAt;
            s.status(TicketStatus::Resolved, againAt,
                     {{QStringLiteral("resolution"), toCode(*t.resolution)}});
        }
    }
    if (lastResolved && lastResolved + 72 * kHour < now) {
        t.closedAt = lastResolved + 72 * kHour;
        s.status(TicketStatus::Closed, *t.closedAt,
                 {{QStringLiteral("reason"), QStringLiteral("follow_up_window_passed")}});
    }
}

// Breaches as the SLA engine sees them, recorded once per clock at the deadline.
void DemoSeeder::recordBreaches(TicketStory &s, qint64 now)
{
    const Ticket &t = s.t;
    const SlaPolicy policy;
    const SlaHistory history = SlaHistory::fromTicket(t, s.events);
    for (const SlaClock clock : kSlaClocks) {
        const SlaClockStatus st = slaStatus(policy, t.priority, t.category, history, clock, now);
        if (st.state == SlaState::Breached && st.deadline) {
            TicketEvent e;
            e.id = QStringLiteral("sla-%1-%2").arg(toCode(clock), t.id);
            e.ticketId = t.id;
            e.kind = EventKind::SlaBreach;
            e.at = *st.deadline;
            e.authorId = QStringLiteral("system");
            e.data = {{QStringLiteral("clock"), toCode(clock)}};
            e.version = 1;
            s.events.append(e);
        }
    }
}

} // namespace pd::server
