// The gateways proactive notices go out through (server/notify): the webhook against a real HTTP listener on
// loopback (headers, signature, body, what each answer means, timeouts, refused connections) and the demo's
// file gateway; the command line's --notify-gateway/--notify-secret-file parsing.
#include "httpsink.h"

#include "server/notify/filegateway.h"
#include "server/notify/notifygateway.h"
#include "server/notify/webhookgateway.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace pd::server;

Q_DECLARE_METATYPE(GatewayResult::Outcome)

namespace {

const QString kPhone = u"13812345678"_s;
const QString kText = u"您的包裹 SF7700112233 因暴雨在杭州中转场延误，预计 5月2日 18:00 前送达。"_s;
const QByteArray kSecret = "webhook-test-key";
constexpr qint64 kNowMs = 1714552200789;     // 2024-05-01T08:30:00.789Z
constexpr qint64 kCreatedMs = 1714550400123; // 2024-05-01T08:00:00.123Z

NoticeMessage notice(const QString &id = u"ntc-0001"_s)
{
    NoticeMessage m;
    m.id = id;
    m.waybillNo = u"SF7700112233"_s;
    m.recipientPhone = kPhone;
    m.channel = u"sms"_s;
    m.language = u"zh_CN"_s;
    m.text = kText;
    m.incidentId = u"inc-77"_s;
    m.cause = u"station_delay"_s;
    m.urgent = true;
    m.createdMs = kCreatedMs;
    m.attempt = 2;
    return m;
}

/// @brief What one send() did: its result, how often done ran, whether it ran inside send().
struct Sent
{
    GatewayResult result;
    int calls = 0;
    bool calledInsideSend = false;
};

/// @brief Sends @p m and waits for done; fails the test when done ran inside send(), never or twice, or when
/// the error quotes the phone number or the text.
void sendAndWait(NotifyGateway &gateway, const NoticeMessage &m, Sent *out, int waitMs = 10000)
{
    auto state = std::make_shared<Sent>();
    auto inside = std::make_shared<bool>(true);
    gateway.send(m, [state, inside](const GatewayResult &r) {
        ++state->calls;
        state->calledInsideSend = state->calledInsideSend || *inside;
        state->result = r;
    });
    *inside = false;
    QVERIFY2(!state->calledInsideSend, "done ran inside send()");
    QVERIFY2(QTest::qWaitFor([&] { return state->calls > 0; }, waitMs), "done never ran");
    QTest::qWait(20); // a second call would come from the event loop too
    QCOMPARE(state->calls, 1);
    QVERIFY(!state->result.error.contains(kPhone));
    QVERIFY(!state->result.error.contains(u"12345678"_s));
    QVERIFY(!state->result.error.contains(kText.left(6)));
    *out = *state;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return f.fileName();
}

} // namespace

class TestNotifyGateways final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void webhookSignedRequest();
    void webhookRetrySameKey();
    void webhookAnswers_data();
    void webhookAnswers();
    void webhookTimeout();
    void webhookConnectionRefused();
    void fileGatewayLines();
    void fileGatewayUnwritable();
    void parseConfig_data();
    void parseConfig();
    void makeGatewayKinds();
};

void TestNotifyGateways::webhookSignedRequest()
{
    HttpSink sink;
    QVERIFY(sink.listening());
    sink.answer({200, R"({"message_id":"p-1","status":"queued"})", {}, false});
    WebhookGateway gateway(sink.url(), kSecret, 5000, nullptr, [] { return kNowMs; });
    Sent sent;
    sendAndWait(gateway, notice(), &sent);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sent.result.outcome, GatewayResult::Outcome::Delivered);
    QCOMPARE(sent.result.httpStatus, 200);
    QCOMPARE(sent.result.providerId, u"p-1"_s);
    QVERIFY(sent.result.error.isEmpty());

    QCOMPARE(sink.requests().size(), 1);
    const HttpSink::Request &r = sink.requests().constFirst();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/notify"));
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r.headers.value("idempotency-key"), QByteArray("ntc-0001"));
    QCOMPARE(r.headers.value("x-parceldesk-timestamp"), QByteArray("1714552200"));

    // The signature, computed here the way docs/notify-webhook.md tells a provider to.
    const QByteArray signedBytes = "1714552200." + r.body;
    const QByteArray expected =
        "sha256=" +
        QMessageAuthenticationCode::hash(signedBytes, kSecret, QCryptographicHash::Sha256).toHex();
    QCOMPARE(r.headers.value("x-parceldesk-signature"), expected);
    const QByteArray withWrongKey =
        "sha256=" +
        QMessageAuthenticationCode::hash(signedBytes, "another-key", QCryptographicHash::Sha256).toHex();
    QVERIFY(r.headers.value("x-parceldesk-signature") != withWrongKey);

    QVERIFY2(r.body.contains(kText.toUtf8()), "the text is not raw UTF-8 in the body");
    QVERIFY(!r.body.contains('\n'));
    QJsonParseError error;
    const QJsonObject body = QJsonDocument::fromJson(r.body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(body.value(u"id"_s).toString(), u"ntc-0001"_s);
    QCOMPARE(body.value(u"channel"_s).toString(), u"sms"_s);
    QCOMPARE(body.value(u"to"_s).toString(), kPhone);
    QCOMPARE(body.value(u"language"_s).toString(), u"zh_CN"_s);
    QCOMPARE(body.value(u"text"_s).toString(), kText);
    QCOMPARE(body.value(u"waybill_no"_s).toString(), u"SF7700112233"_s);
    QCOMPARE(body.value(u"incident_id"_s).toString(), u"inc-77"_s);
    QCOMPARE(body.value(u"cause"_s).toString(), u"station_delay"_s);
    QCOMPARE(body.value(u"urgent"_s), QJsonValue(true));
    QCOMPARE(body.value(u"created_at"_s).toString(), u"2024-05-01T08:00:00.123Z"_s);
    QCOMPARE(body.value(u"attempt"_s), QJsonValue(2));
    QCOMPARE(body.size(), 11);
}

void TestNotifyGateways::webhookRetrySameKey()
{
    HttpSink sink;
    QVERIFY(sink.listening());
    auto now = std::make_shared<qint64>(kNowMs);
    WebhookGateway gateway(sink.url(), kSecret, 5000, nullptr, [now] { return *now; });
    NoticeMessage m = notice();
    Sent first;
    sendAndWait(gateway, m, &first);
    *now += 90 * 1000;
    m.attempt = 3;
    Sent again;
    sendAndWait(gateway, m, &again);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sink.requests().size(), 2);
    const HttpSink::Request &a = sink.requests().at(0);
    const HttpSink::Request &b = sink.requests().at(1);
    QCOMPARE(b.headers.value("idempotency-key"), a.headers.value("idempotency-key"));
    QCOMPARE(b.headers.value("x-parceldesk-timestamp"), QByteArray("1714552290"));
    QVERIFY(b.headers.value("x-parceldesk-signature") != a.headers.value("x-parceldesk-signature"));
    QCOMPARE(QJsonDocument::fromJson(b.body).object().value(u"attempt"_s), QJsonValue(3));
}

void TestNotifyGateways::webhookAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<GatewayResult::Outcome>("outcome");
    QTest::addColumn<QString>("providerId");
    QTest::addColumn<QString>("error");
    using O = GatewayResult::Outcome;
    QTest::newRow("201 with id") << 201 << QByteArray(R"({"id":"abc-9"})") << O::Delivered << u"abc-9"_s
                                 << QString();
    QTest::newRow("204 no body") << 204 << QByteArray() << O::Delivered << QString() << QString();
    QTest::newRow("409 already had it")
        << 409 << QByteArray(R"({"id":"p-0"})") << O::Delivered << u"p-0"_s << QString();
    QTest::newRow("500") << 500 << QByteArray("{}") << O::Retry << QString() << u"HTTP 500"_s;
    QTest::newRow("503") << 503 << QByteArray("{}") << O::Retry << QString() << u"HTTP 503"_s;
    QTest::newRow("429") << 429 << QByteArray("{}") << O::Retry << QString() << u"HTTP 429"_s;
    QTest::newRow("408") << 408 << QByteArray("{}") << O::Retry << QString() << u"HTTP 408"_s;
    QTest::newRow("400") << 400 << QByteArray(R"({"error":"bad number"})") << O::Rejected << QString()
                         << u"HTTP 400"_s;
    QTest::newRow("404") << 404 << QByteArray("{}") << O::Rejected << QString() << u"HTTP 404"_s;
    QTest::newRow("302") << 302 << QByteArray() << O::Rejected << QString()
                         << u"HTTP 302: redirects are not followed"_s;
}

void TestNotifyGateways::webhookAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(GatewayResult::Outcome, outcome);
    QFETCH(QString, providerId);
    QFETCH(QString, error);
    HttpSink sink;
    QVERIFY(sink.listening());
    // A redirect points back at the sink: a second request would show it was followed.
    sink.answer({status, answer, "Location: " + sink.url(u"/elsewhere"_s).toEncoded() + "\r\n"});
    WebhookGateway gateway(sink.url(), kSecret, 5000);
    Sent sent;
    sendAndWait(gateway, notice(), &sent);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sent.result.outcome, outcome);
    QCOMPARE(sent.result.httpStatus, status);
    QCOMPARE(sent.result.providerId, providerId);
    QCOMPARE(sent.result.error, error);
    QTest::qWait(50);
    QCOMPARE(sink.requests().size(), 1);
}

void TestNotifyGateways::webhookTimeout()
{
    HttpSink sink;
    QVERIFY(sink.listening());
    sink.answer({200, "{}", {}, true});
    WebhookGateway gateway(sink.url(), kSecret, 300);
    QElapsedTimer timer;
    timer.start();
    Sent sent;
    sendAndWait(gateway, notice(), &sent, 5000);
    if (QTest::currentTestFailed())
        return;
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(sent.result.outcome, GatewayResult::Outcome::Retry);
    QCOMPARE(sent.result.httpStatus, 0);
    QCOMPARE(sent.result.error, u"timeout after 300 ms"_s);
    QVERIFY2(elapsed >= 250 && elapsed < 2000, qPrintable(u"answered after %1 ms"_s.arg(elapsed)));
    QCOMPARE(sink.requests().size(), 1); // the request did arrive: the provider may have it (same id next)
}

void TestNotifyGateways::webhookConnectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    WebhookGateway gateway(QUrl(u"http://127.0.0.1:%1/notify"_s.arg(port)), kSecret, 5000);
    Sent sent;
    sendAndWait(gateway, notice(), &sent);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sent.result.outcome, GatewayResult::Outcome::Retry);
    QCOMPARE(sent.result.httpStatus, 0);
    QCOMPARE(sent.result.error, u"connection refused"_s);
}

void TestNotifyGateways::fileGatewayLines()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"demo/out/notices.jsonl"_s); // folders that do not exist yet
    FileGateway gateway(path, nullptr, [] { return kNowMs; });
    Sent first;
    sendAndWait(gateway, notice(u"ntc-1"_s), &first);
    NoticeMessage second = notice(u"ntc-2"_s);
    second.incidentId.clear();
    second.language = u"en"_s;
    second.text = u"Your parcel SF7700112233 is delayed by weather at the hub."_s;
    Sent sent2;
    sendAndWait(gateway, second, &sent2);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(first.result.outcome, GatewayResult::Outcome::Delivered);
    QCOMPARE(sent2.result.outcome, GatewayResult::Outcome::Delivered);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.endsWith('\n'));
    QVERIFY(!content.contains(kPhone.toUtf8()));
    QVERIFY(!content.contains("12345678"));
    const QList<QByteArray> lines = content.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject one = QJsonDocument::fromJson(lines.at(0)).object();
    const QJsonObject two = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(one.value(u"id"_s).toString(), u"ntc-1"_s);
    QCOMPARE(one.value(u"to"_s).toString(), u"138****5678"_s);
    QCOMPARE(one.value(u"text"_s).toString(), kText);
    QCOMPARE(one.value(u"incident_id"_s).toString(), u"inc-77"_s);
    QCOMPARE(one.value(u"created_at"_s).toString(), u"2024-05-01T08:00:00.123Z"_s);
    QCOMPARE(one.value(u"sent_at"_s).toString(), u"2024-05-01T08:30:00.789Z"_s);
    QCOMPARE(one.size(), 12);
    QCOMPARE(two.value(u"id"_s).toString(), u"ntc-2"_s);
    QCOMPARE(two.value(u"to"_s).toString(), u"138****5678"_s);
    QCOMPARE(two.value(u"language"_s).toString(), u"en"_s);
    QVERIFY(!two.contains(u"incident_id"_s));
    QCOMPARE(two.size(), 11);
}

void TestNotifyGateways::fileGatewayUnwritable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString blocker = writeFile(dir, u"blocker"_s, "a regular file, not a folder\n");
    QVERIFY(!blocker.isEmpty());
    const QString path = blocker + u"/notices.jsonl"_s;
    FileGateway gateway(path);
    Sent sent;
    sendAndWait(gateway, notice(), &sent);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sent.result.outcome, GatewayResult::Outcome::Retry);
    QVERIFY2(sent.result.error.startsWith(u"cannot write "_s + path + u": "_s),
             qPrintable(sent.result.error));
    QVERIFY2(sent.result.error.size() > (u"cannot write "_s + path + u": "_s).size(), "no reason given");
}

void TestNotifyGateways::parseConfig_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("secret"); ///< "none": no --notify-secret-file; "missing": a path with no file
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message"); ///< a part of the error
    QTest::newRow("none") << QString() << u"none"_s << true << QString() << QString();
    QTest::newRow("file") << u"file:/var/lib/pd/notices.jsonl"_s << u"none"_s << true << u"file"_s
                          << QString();
    QTest::newRow("https webhook") << u"webhook:https://sms.example.com/v1/notify?x=1"_s << u"s3cr3t\n"_s
                                   << true << u"webhook"_s << QString();
    QTest::newRow("http webhook") << u"webhook:http://127.0.0.1:9000/n"_s << u"s3cr3t"_s << true
                                  << u"webhook"_s << QString();
    QTest::newRow("ftp url") << u"webhook:ftp://files.example.com/in"_s << u"s3cr3t"_s << false << QString()
                             << u"must be http:// or https://, not ftp://"_s;
    QTest::newRow("ftp kind") << u"ftp://files.example.com/in"_s << u"s3cr3t"_s << false << QString()
                              << u"unknown gateway “ftp”"_s;
    QTest::newRow("bogus") << u"bogus:x"_s << u"none"_s << false << QString() << u"unknown gateway “bogus”"_s;
    QTest::newRow("url without kind") << u"https://sms.example.com/n"_s << u"s3cr3t"_s << false << QString()
                                      << u"webhook:https://host/path"_s;
    QTest::newRow("webhook without url")
        << u"webhook:"_s << u"s3cr3t"_s << false << QString() << u"needs an http:// or https:// URL"_s;
    QTest::newRow("file without path") << u"file:"_s << u"none"_s << false << QString() << u"needs a path"_s;
    QTest::newRow("no secret file") << u"webhook:https://sms.example.com/n"_s << u"none"_s << false
                                    << QString() << u"needs --notify-secret-file"_s;
    QTest::newRow("secret file missing") << u"webhook:https://sms.example.com/n"_s << u"missing"_s << false
                                         << QString() << u"--notify-secret-file: cannot read"_s;
    QTest::newRow("empty secret file")
        << u"webhook:https://sms.example.com/n"_s << u" \n"_s << false << QString() << u"is empty"_s;
}

void TestNotifyGateways::parseConfig()
{
    QFETCH(QString, spec);
    QFETCH(QString, secret);
    QFETCH(bool, ok);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString secretFile;
    if (secret == u"missing")
        secretFile = dir.filePath(u"no-such-file"_s);
    else if (secret != u"none")
        secretFile = writeFile(dir, u"secret"_s, secret.toUtf8());
    GatewayConfig config;
    QString error;
    QCOMPARE(GatewayConfig::parse(spec, secretFile, &config, &error), ok);
    if (!ok) {
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!error.contains(u"s3cr3t"_s)); // the secret's bytes never appear
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(config.kind, kind);
    if (kind == u"webhook") {
        QCOMPARE(config.url, QUrl(spec.mid(8)));
        QCOMPARE(config.secret, QByteArray("s3cr3t")); // without the trailing newline
    } else if (kind == u"file") {
        QCOMPARE(config.filePath, u"/var/lib/pd/notices.jsonl"_s);
    }
}

void TestNotifyGateways::makeGatewayKinds()
{
    QCOMPARE(makeGateway(GatewayConfig{}).get(), nullptr);
    GatewayConfig file;
    QVERIFY(GatewayConfig::parse(u"file:notices.jsonl"_s, {}, &file, nullptr));
    QVERIFY(QFileInfo(file.filePath).isAbsolute()); // a later change of the working folder changes nothing
    QCOMPARE(makeGateway(file)->kind(), u"file"_s);
    GatewayConfig webhook;
    webhook.kind = u"webhook"_s;
    webhook.url = QUrl(u"https://sms.example.com/n"_s);
    webhook.secret = "k";
    QCOMPARE(makeGateway(webhook)->kind(), u"webhook"_s);
    QCOMPARE(defaultNoticeFile(u"sqlite:/srv/pd/parceldesk.db"_s), u"/srv/pd/notices.jsonl"_s);
}

QTEST_GUILESS_MAIN(TestNotifyGateways)
#include "tst_notify_gateways.moc"
