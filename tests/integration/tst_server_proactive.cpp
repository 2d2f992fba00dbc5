// Proactive service on the real server (docs/proactive.md, "On the server"): parcels of a demo station that
// stall are detected as they are ingested through POST /tracking, grouped into one incident, their customers
// notified through the webhook gateway to a local HTTP sink that answers 500 twice before it takes each
// notice (retried, never sent twice), and a complaint about one of them is linked to the incident.
#include "serverfixture.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace pd::test;

namespace {
const QByteArray kSecret = "proactive-test-secret";
constexpr int kParcels = 6;   ///< one more than the policy's min_parcels
constexpr int kWithPhone = 5; ///< the last parcel has no recipient phone
constexpr int kFailures = 2;  ///< the sink answers 500 this often per notice before it takes it

QString waybill(int n)
{
    return u"SF190%1"_s.arg(n, 10, 10, QLatin1Char('0'));
}

QString phone(int n)
{
    return u"1391234%1"_s.arg(5670 + n);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

/// @brief One request the sink received.
struct Received
{
    QByteArray idempotencyKey;
    QByteArray timestamp;
    QByteArray signature;
    QByteArray body;
    int answered = 0;
};

/**
 * @brief A provider's webhook on loopback: reads one request per connection and answers 500 to the first
 * kFailures requests of each Idempotency-Key, then 200 with a message id.
 */
class Sink final : public QObject
{
public:
    Sink()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    QList<Received> received;

private:
    void read(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Received r;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "idempotency-key")
                r.idempotencyKey = value;
            else if (name == "x-parceldesk-timestamp")
                r.timestamp = value;
            else if (name == "x-parceldesk-signature")
                r.signature = value;
        }
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        m_buffers.remove(s);
        const int seen = m_seen[r.idempotencyKey]++;
        r.answered = seen < kFailures ? 500 : 200;
        received.append(r);
        const QByteArray body = r.answered == 200
                                    ? R"({"message_id":"p-)" + QByteArray::number(received.size()) + R"("})"
                                    : QByteArray(R"({"error":"busy"})");
        s->write("HTTP/1.1 " + QByteArray::number(r.answered) +
                 (r.answered == 200 ? " OK" : " Internal Server Error") +
                 "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, int> m_seen;
};
} // namespace

class TestServerProactive final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stalledParcelsOfAStationBecomeOneIncident();
    void customersAreNotifiedOnceThroughRetries();
    void aComplaintAboutAnAffectedParcelIsLinked();
    void quietHoursHoldNonUrgentNotices();
    void badRequestsChangeNothing();

private:
    QByteArray login(const QString &name);
    Reply call(const QByteArray &method, const QString &path, const QString &user,
               const QJsonObject &body = {});

    ServerFixture m_server;
    Sink m_sink;
    QTemporaryDir m_dir;
    QHash<QString, QByteArray> m_tokens;
    QString m_station;
    QString m_incident;
};

QByteArray TestServerProactive::login(const QString &name)
{
    if (!m_tokens.contains(name)) {
        const Reply r = m_server.request("POST", u"/api/v1/auth/login"_s, {},
                                         {{u"login"_s, name}, {u"password"_s, u"demo"_s}});
        m_tokens.insert(name, r.json().value(u"access_token"_s).toString().toLatin1());
    }
    return m_tokens.value(name);
}

Reply TestServerProactive::call(const QByteArray &method, const QString &path, const QString &user,
                                const QJsonObject &body)
{
    return m_server.request(method, path, login(user), body);
}

void TestServerProactive::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sink.listen());
    QFile secret(m_dir.filePath(u"webhook.key"_s));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write(kSecret + "\n");
    secret.close();
    QVERIFY(m_server.startDemo(
                1907, {u"--notify-gateway"_s, u"webhook:http://127.0.0.1:%1/notify"_s.arg(m_sink.port()),
                       u"--notify-secret-file"_s, secret.fileName(), u"--notify-retry-ms"_s, u"200"_s}) >= 0);
    QVERIFY(
        QTest::qWaitFor([&] { return m_server.request("GET", u"/api/v1/health"_s).status == 200; }, 30000));
    const QList<QVariantList> stations =
        m_server.sqlRows(u"SELECT id FROM docs WHERE type = 'station' ORDER BY id LIMIT 1"_s);
    QCOMPARE(stations.size(), 1);
    m_station = stations.first().first().toString();
    // The test must not depend on the hour it runs at: no quiet hours (they have a test of their own).
    const QJsonObject policy = call("GET", u"/api/v1/proactive-policy"_s, u"manager1"_s).json();
    QJsonObject edited = policy;
    edited.insert(u"quiet_hours"_s, QJsonObject{{u"enabled"_s, false},
                                                {u"start"_s, u"22:00"_s},
                                                {u"end"_s, u"08:00"_s},
                                                {u"urgent_may_break"_s, true}});
    const Reply put = call("PUT", u"/api/v1/proactive-policy"_s, u"manager1"_s, edited);
    QVERIFY2(put.status == 200, put.body.constData());
    QCOMPARE(put.json().value(u"version"_s).toInt(), policy.value(u"version"_s).toInt() + 1);
}

void TestServerProactive::stalledParcelsOfAStationBecomeOneIncident()
{
    // Six parcels reached the station 13 hours ago and have not moved since: the policy's at_station stall
    // is 12 hours, so each is stalled from one hour ago, in one incident window.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 arrived = now - 13LL * 3600 * 1000;
    QJsonArray parcels;
    QJsonArray events;
    for (int n = 0; n < kParcels; ++n) {
        QJsonObject p{{u"waybill_no"_s, waybill(n)},
                      {u"destination_address"_s, u"上海市浦东新区张杨路%1号"_s.arg(100 + n)},
                      {u"station_id"_s, m_station},
                      {u"promised_at"_s, iso(now + 72LL * 3600 * 1000)}};
        if (n < kWithPhone)
            p.insert(u"recipient_phone"_s, phone(n));
        parcels.append(p);
        events.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                  {u"at"_s, iso(arrived - 6LL * 3600 * 1000)},
                                  {u"status"_s, u"in_transit"_s},
                                  {u"place"_s, u"上海转运中心"_s}});
        events.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                  {u"at"_s, iso(arrived)},
                                  {u"status"_s, u"at_station"_s},
                                  {u"place"_s, u"浦东网点"_s}});
    }
    const Reply ingest =
        call("POST", u"/api/v1/tracking"_s, u"admin"_s, {{u"parcels"_s, parcels}, {u"events"_s, events}});
    QVERIFY2(ingest.status == 200, ingest.body.constData());

    // The incident our parcels are in (the demo's own parcels may make others, at this station too).
    QVERIFY(QTest::qWaitFor(
        [&] {
            m_incident =
                m_server
                    .sqlValue(u"SELECT incident_id FROM proactive_cases WHERE waybill_no = ? AND kind = "
                              "'stalled'"_s,
                              {waybill(kParcels - 1)})
                    .toString();
            return !m_incident.isEmpty();
        },
        10000));
    const QJsonObject incident = call("GET", u"/api/v1/incidents/"_s + m_incident, u"lead1"_s).json();
    QCOMPARE(incident.value(u"key"_s).toString(), m_station);
    QVERIFY(incident.value(u"parcels"_s).toInt() >= kParcels);
    // The record's count is kept as parcels join (no COUNT per batch): it is the table's.
    QCOMPARE(incident.value(u"parcels"_s).toInt(),
             m_server.sqlValue(u"SELECT COUNT(*) FROM incident_parcels WHERE incident_id = ?"_s, {m_incident})
                 .toInt());

    QCOMPARE(incident.value(u"cause"_s).toString(), u"station_delay"_s);
    QCOMPARE(incident.value(u"state"_s).toString(), u"open"_s);
    QVERIFY(incident.value(u"kinds"_s).toObject().value(u"stalled"_s).toInt() >= kParcels);
    QVERIFY(!incident.value(u"place"_s).toString().isEmpty());

    // One case per parcel, each in the incident, none twice.
    const QJsonArray cases = call("GET", u"/api/v1/proactive/cases?incident="_s + m_incident, u"agent1"_s)
                                 .json()
                                 .value(u"items"_s)
                                 .toArray();
    QSet<QString> ours;
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        if (c.value(u"waybill_no"_s).toString().startsWith(u"SF190"_s)) {
            QCOMPARE(c.value(u"kind"_s).toString(), u"stalled"_s);
            QCOMPARE(c.value(u"action"_s).toString(), u"trace_parcel"_s);
            QCOMPARE(c.value(u"evidence"_s).toObject().value(u"last_status"_s).toString(), u"at_station"_s);
            ours.insert(c.value(u"waybill_no"_s).toString());
        }
    }
    QCOMPARE(ours.size(), kParcels);
    QCOMPARE(
        m_server.sqlValue(u"SELECT COUNT(*) FROM proactive_cases WHERE waybill_no LIKE 'SF190%'"_s).toInt(),
        kParcels);
    // Every console receives the incident through the change feed.
    QVERIFY(!m_server.readFeed(login(u"agent3"_s)).about(u"incident"_s, m_incident).isEmpty());
    // The recipient's phone is customer data: an agent with no ticket about the parcel sees it masked.
    QCOMPARE(call("GET", u"/api/v1/parcels/"_s + waybill(0), u"agent3"_s)
                 .json()
                 .value(u"recipient_phone"_s)
                 .toString(),
             u"139****5670"_s);
}

void TestServerProactive::customersAreNotifiedOnceThroughRetries()
{
    QVERIFY(!m_incident.isEmpty());
    const Reply notify = call("POST", u"/api/v1/incidents/%1/notify"_s.arg(m_incident), u"lead1"_s,
                              {{u"language"_s, u"zh_CN"_s}, {u"compensation"_s, u"我们将补偿5元运费券。"_s}});
    QVERIFY2(notify.status == 200, notify.body.constData());
    // The demo's own parcels at the station that stalled in the same window are in the incident too; every
    // demo parcel has a recipient phone, one of ours has none.
    const int affected = int(call("GET", u"/api/v1/incidents/"_s + m_incident, u"lead1"_s)
                                 .json()
                                 .value(u"affected"_s)
                                 .toArray()
                                 .size());
    const int queued = notify.json().value(u"queued"_s).toInt();
    QCOMPARE(notify.json().value(u"no_recipient"_s).toInt(), kParcels - kWithPhone);
    QCOMPARE(queued, affected - (kParcels - kWithPhone));
    QVERIFY(queued >= kWithPhone);

    // Each notice: 500, 500, then taken.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonArray items =
                call("GET", u"/api/v1/incidents/%1/notices"_s.arg(m_incident), u"lead1"_s)
                    .json()
                    .value(u"items"_s)
                    .toArray();
            return items.size() == queued && std::all_of(items.begin(), items.end(), [](const QJsonValue &v) {
                       return v.toObject().value(u"state"_s).toString() == u"sent"_s;
                   });
        },
        30000));
    // A second request queues nothing: one notice per parcel and cause.
    const Reply again = call("POST", u"/api/v1/incidents/%1/notify"_s.arg(m_incident), u"lead1"_s, {});
    QCOMPARE(again.json().value(u"queued"_s).toInt(), 0);
    QCOMPARE(again.json().value(u"already_notified"_s).toInt(), queued);
    QTest::qWait(1500); // a retry would have come by now

    QHash<QByteArray, int> attempts;
    QHash<QByteArray, int> taken;
    for (const Received &r : std::as_const(m_sink.received)) {
        ++attempts[r.idempotencyKey];
        if (r.answered == 200)
            ++taken[r.idempotencyKey];
        // Signed with the shared secret over "<timestamp>.<body>".
        const QByteArray mac =
            QMessageAuthenticationCode::hash(r.timestamp + '.' + r.body, kSecret, QCryptographicHash::Sha256);
        QCOMPARE(r.signature, "sha256=" + mac.toHex());
    }
    QCOMPARE(taken.size(), queued);
    for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
        QCOMPARE(it.value(), kFailures + 1);
        QCOMPARE(taken.value(it.key()), 1);
    }
    // What the provider got: the full number, the waybill and the cause in the text.
    QSet<QString> phones;
    for (const Received &r : std::as_const(m_sink.received)) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(u"id"_s).toString().toLatin1(), r.idempotencyKey);
        QCOMPARE(body.value(u"incident_id"_s).toString(), m_incident);
        QVERIFY(body.value(u"text"_s).toString().contains(body.value(u"waybill_no"_s).toString()));
        QVERIFY(body.value(u"text"_s).toString().contains(u"5元运费券"_s));
        phones.insert(body.value(u"to"_s).toString());
    }
    QCOMPARE(phones.size(), queued);
    QVERIFY(phones.contains(QSet<QString>{phone(0), phone(1), phone(2), phone(3), phone(4)}));
    // The cases of the parcels told are marked; the one without a phone is still open.
    QCOMPARE(m_server
                 .sqlValue(u"SELECT COUNT(*) FROM proactive_cases WHERE waybill_no LIKE 'SF190%' AND "
                           "state = 'notified'"_s)
                 .toInt(),
             kWithPhone);
    // The effect: every notified parcel was told before any complaint (none complained yet).
    const QJsonObject effect = call("GET", u"/api/v1/proactive/effect"_s, u"lead1"_s).json();
    QVERIFY(effect.value(u"parcels_with_exception"_s).toInt() >= affected);
    QCOMPARE(effect.value(u"notified_first"_s).toObject().value(u"parcels"_s).toInt(), queued);
    QCOMPARE(effect.value(u"notified_first"_s).toObject().value(u"complained"_s).toInt(), 0);
    QVERIFY(effect.value(u"median_minutes_to_notice"_s).toDouble() >= 0);
    QCOMPARE(call("GET", u"/api/v1/proactive/effect?from=yesterday"_s, u"lead1"_s).status, 422);
    QCOMPARE(call("GET", u"/api/v1/proactive/effect"_s, u"agent1"_s).status, 403);
    // The outbox stores no phone number.
    QCOMPARE(m_server.sqlValue(u"SELECT COUNT(*) FROM notices WHERE text LIKE '%1391234%'"_s).toInt(), 0);
}

void TestServerProactive::aComplaintAboutAnAffectedParcelIsLinked()
{
    QVERIFY(!m_incident.isEmpty());
    QJsonObject body{{u"waybill_no"_s, waybill(2)},   {u"description"_s, u"快件三天没动了"_s},
                     {u"customer_name"_s, u"李雷"_s}, {u"customer_phone"_s, phone(2)},
                     {u"category"_s, u"delay"_s},     {u"team_id"_s, u"team-a"_s}};
    const Reply created = call("POST", u"/api/v1/tickets"_s, u"agent1"_s, body);
    QVERIFY2(created.status == 201, created.body.constData());
    QCOMPARE(created.json().value(u"incident_id"_s).toString(), m_incident);
    // A parcel outside the incident: no link.
    body.insert(u"waybill_no"_s, u"SF1400000000017"_s);
    const Reply other = call("POST", u"/api/v1/tickets"_s, u"agent1"_s, body);
    QVERIFY2(other.status == 201, other.body.constData());
    QVERIFY(other.json().value(u"incident_id"_s).toString().isEmpty());
    // Resolved incidents link nothing.
    QCOMPARE(call("PATCH", u"/api/v1/incidents/"_s + m_incident, u"lead1"_s,
                  {{u"state"_s, u"resolved"_s}, {u"explanation"_s, u"浦东网点暴雨积压，已增派人手"_s}})
                 .status,
             200);
    body.insert(u"waybill_no"_s, waybill(3));
    const Reply late = call("POST", u"/api/v1/tickets"_s, u"agent1"_s, body);
    QVERIFY(late.json().value(u"incident_id"_s).toString().isEmpty());
    const QJsonObject incident = call("GET", u"/api/v1/incidents/"_s + m_incident, u"agent1"_s).json();
    QCOMPARE(incident.value(u"explanation"_s).toString(), u"浦东网点暴雨积压，已增派人手"_s);
    QStringList affected;
    for (const QJsonValue &v : incident.value(u"affected"_s).toArray())
        affected.append(v.toObject().value(u"waybill_no"_s).toString());
    for (int n = 0; n < kParcels; ++n)
        QVERIFY(affected.contains(waybill(n)));
}

void TestServerProactive::quietHoursHoldNonUrgentNotices()
{
    // Quiet hours from one hour ago to one hour ahead, company time.
    const QTimeZone shanghai("Asia/Shanghai");
    const QDateTime local = QDateTime::currentDateTimeUtc().toTimeZone(shanghai);
    QJsonObject policy = call("GET", u"/api/v1/proactive-policy"_s, u"manager1"_s).json();
    const QString start = local.addSecs(-3600).toString(u"HH:00"_s);
    const QString end = local.addSecs(3600).toString(u"HH:00"_s);
    policy.insert(u"quiet_hours"_s, QJsonObject{{u"enabled"_s, true},
                                                {u"start"_s, start},
                                                {u"end"_s, end},
                                                {u"urgent_may_break"_s, true}});
    QCOMPARE(call("PUT", u"/api/v1/proactive-policy"_s, u"manager1"_s, policy).status, 200);
    // Two parcels of their own station, each an individual case: damaged at the hub.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QJsonArray parcels;
    QJsonArray events;
    for (int n = 20; n < 22; ++n) {
        parcels.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                   {u"station_id"_s, u"st-quiet-%1"_s.arg(n)},
                                   {u"recipient_phone"_s, phone(n)}});
        events.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                  {u"at"_s, iso(now - 60000)},
                                  {u"status"_s, u"exception"_s},
                                  {u"reason"_s, u"damaged"_s},
                                  {u"place"_s, u"上海转运中心"_s}});
    }
    QCOMPARE(call("POST", u"/api/v1/tracking"_s, u"admin"_s, {{u"parcels"_s, parcels}, {u"events"_s, events}})
                 .status,
             200);
    QStringList cases;
    QVERIFY(QTest::qWaitFor(
        [&] {
            cases.clear();
            for (const QVariantList &row :
                 m_server.sqlRows(u"SELECT id FROM proactive_cases WHERE waybill_no IN (?, ?) AND kind = "
                                  "'damage_scan' ORDER BY waybill_no"_s,
                                  {waybill(20), waybill(21)}))
                cases.append(row.first().toString());
            return cases.size() == 2;
        },
        10000));
    const int sentBefore = int(m_sink.received.size());
    QCOMPARE(call("POST", u"/api/v1/proactive/cases/%1/notify"_s.arg(cases.at(0)), u"agent1"_s, {})
                 .json()
                 .value(u"queued"_s)
                 .toInt(),
             1);
    QCOMPARE(call("POST", u"/api/v1/proactive/cases/%1/notify"_s.arg(cases.at(1)), u"agent1"_s,
                  {{u"urgent"_s, true}})
                 .json()
                 .value(u"queued"_s)
                 .toInt(),
             1);
    // The urgent one goes (500, 500, taken); the other waits for the end of the quiet hours.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return m_server.sqlValue(u"SELECT state FROM notices WHERE waybill_no = ?"_s, {waybill(21)})
                       .toString() == u"sent"_s;
        },
        20000));
    const QList<QVariantList> held = m_server.sqlRows(
        u"SELECT state, last_error, next_ms, attempts FROM notices WHERE waybill_no = ?"_s, {waybill(20)});
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().at(0).toString(), u"queued"_s);
    QCOMPARE(held.first().at(1).toString(), u"quiet_hours"_s);
    QCOMPARE(held.first().at(3).toInt(), 0);
    const QDateTime due = QDateTime::fromMSecsSinceEpoch(held.first().at(2).toLongLong(), shanghai);
    QCOMPARE(due.toString(u"HH:mm"_s), end);
    QVERIFY(due > local);
    QCOMPARE(int(m_sink.received.size()), sentBefore + kFailures + 1);
}

void TestServerProactive::badRequestsChangeNothing()
{
    QVERIFY(!m_incident.isEmpty());
    // Agents cannot notify an incident's customers in bulk.
    QCOMPARE(call("POST", u"/api/v1/incidents/%1/notify"_s.arg(m_incident), u"agent1"_s, {}).status, 403);
    // An unknown placeholder, an unknown language.
    const Reply placeholder =
        call("POST", u"/api/v1/proactive/cases/x/notify"_s, u"agent1"_s, {{u"template"_s, u"您好{name}"_s}});
    QCOMPARE(placeholder.status, 422);
    QCOMPARE(placeholder.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"template"_s);
    QCOMPARE(
        call("POST", u"/api/v1/proactive/cases/x/notify"_s, u"agent1"_s, {{u"language"_s, u"fr"_s}}).status,
        422);
    // A dismissal needs a reason; an unknown case is 404.
    const QString caseId =
        m_server.sqlValue(u"SELECT id FROM proactive_cases WHERE waybill_no = ?"_s, {waybill(kParcels - 1)})
            .toString();
    QCOMPARE(call("POST", u"/api/v1/proactive/cases/%1/dismiss"_s.arg(caseId), u"agent1"_s, {}).status, 422);
    QCOMPARE(
        call("POST", u"/api/v1/proactive/cases/nope/dismiss"_s, u"agent1"_s, {{u"reason"_s, u"x"_s}}).status,
        404);
    QCOMPARE(call("POST", u"/api/v1/proactive/cases/%1/dismiss"_s.arg(caseId), u"agent1"_s,
                  {{u"reason"_s, u"收件人已自提"_s}})
                 .json()
                 .value(u"state"_s)
                 .toString(),
             u"dismissed"_s);
    // A policy that is not valid is refused whole, with the field named.
    QJsonObject policy = call("GET", u"/api/v1/proactive-policy"_s, u"manager1"_s).json();
    const int version = policy.value(u"version"_s).toInt();
    policy.insert(u"promise_margin_minutes"_s, -5);
    const Reply bad = call("PUT", u"/api/v1/proactive-policy"_s, u"manager1"_s, policy);
    QCOMPARE(bad.status, 422);
    QVERIFY(bad.body.contains("promise_margin_minutes"));
    QCOMPARE(call("GET", u"/api/v1/proactive-policy"_s, u"agent1"_s).json().value(u"version"_s).toInt(),
             version);
    QCOMPARE(call("PUT", u"/api/v1/proactive-policy"_s, u"lead1"_s, policy).status, 403);
}

QTEST_GUILESS_MAIN(TestServerProactive)
#include "tst_server_proactive.moc"
