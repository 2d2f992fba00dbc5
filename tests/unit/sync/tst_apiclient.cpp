// ApiClient against a small in-process HTTP fake (Qt HTTP Server), which can misbehave on purpose: expired
// tokens, 429 with Retry-After, a skewed clock, an untrusted certificate. The real server is exercised by the
// integration tests.
#include "sync/apiclient.h"
#include "sync/serverclock.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

namespace {
constexpr qint64 kServerSkewMs = 2 * 3600 * 1000; // the fake server's clock runs two hours ahead

QHttpServerResponse json(const QJsonObject &o,
                         QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok)
{
    QHttpServerResponse r(o, status);
    r.setHeader("X-Server-Time-Ms", QByteArray::number(QDateTime::currentMSecsSinceEpoch() + kServerSkewMs));
    return r;
}

QHttpServerResponse error(QHttpServerResponse::StatusCode status, const char *code)
{
    return json(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, QString::fromLatin1(code)},
                                                     {u"message"_s, u"fake says no"_s}}}},
                status);
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void concurrent401sShareOneRefresh();
    void refusedRefreshAsksForSignIn();
    void retryAfterHonoured();
    void networkErrorReported();
    void clockOffsetFromEveryResponse();
    void untrustedCertificateIsAnError();

private:
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)); }
    QHttpServer m_server;
    quint16 m_port = 0;
    int m_refreshCalls = 0;
    int m_busyCalls = 0;
    QByteArray m_validAccess = "a2";
};

void TestApiClient::initTestCase()
{
    m_server.route(
        u"/api/v1/auth/refresh"_s, QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
            ++m_refreshCalls;
            const auto body = QJsonDocument::fromJson(req.body()).object();
            if (body.value(u"refresh_token"_s).toString() != u"r1"_s)
                return error(QHttpServerResponse::StatusCode::Unauthorized, "unauthorized");
            return json(QJsonObject{
                {u"access_token"_s, u"a2"_s},
                {u"refresh_token"_s, u"r2"_s},
                {u"expires_in"_s, 900},
                {u"user"_s,
                 QJsonObject{{u"id"_s, u"u1"_s}, {u"login"_s, u"agent1"_s}, {u"role"_s, u"agent"_s}}}});
        });
    m_server.route(u"/api/v1/things"_s, [this](const QHttpServerRequest &req) {
        if (req.value("Authorization") != "Bearer " + m_validAccess)
            return error(QHttpServerResponse::StatusCode::Unauthorized, "unauthorized");
        return json(QJsonObject{{u"ok"_s, true}});
    });
    m_server.route(u"/api/v1/busy"_s, [this] {
        if (++m_busyCalls == 1) {
            auto r = error(QHttpServerResponse::StatusCode::TooManyRequests, "rate_limited");
            r.setHeader("Retry-After", "1");
            return r;
        }
        return json(QJsonObject{{u"ok"_s, true}});
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestApiClient::init()
{
    m_refreshCalls = 0;
    m_busyCalls = 0;
}

void TestApiClient::concurrent401sShareOneRefresh()
{
    SystemClock local;
    ServerClock clock(&local);
    ApiClient client(url(), &clock);
    client.setTokens("expired", "r1");
    QSignalSpy refreshed(&client, &ApiClient::tokensRefreshed);
    QList<ApiReply *> replies;
    QList<int> statuses;
    for (int i = 0; i < 3; ++i) {
        ApiReply *reply = client.send("GET", u"/api/v1/things"_s);
        connect(reply, &ApiReply::finished, this,
                [&statuses](const ApiResult &r) { statuses.append(r.status); });
    }
    QTRY_COMPARE(statuses.size(), 3);
    QCOMPARE(statuses, QList<int>({200, 200, 200}));
    QCOMPARE(m_refreshCalls, 1);
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(refreshed.at(0).at(1).toByteArray(), QByteArray("r2")); // the rotated token, to store again
    QCOMPARE(client.refreshToken(), QByteArray("r2"));
}

void TestApiClient::refusedRefreshAsksForSignIn()
{
    SystemClock local;
    ServerClock clock(&local);
    ApiClient client(url(), &clock);
    client.setTokens("expired", "revoked");
    QSignalSpy signIn(&client, &ApiClient::signInRequired);
    ApiReply *reply = client.send("GET", u"/api/v1/things"_s);
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).value<ApiResult>().status, 401);
    QCOMPARE(signIn.count(), 1);
    QCOMPARE(m_refreshCalls, 1);
    QVERIFY(!client.hasAccessToken());
}

void TestApiClient::retryAfterHonoured()
{
    SystemClock local;
    ServerClock clock(&local);
    ApiClient client(url(), &clock);
    client.setTokens("a2", "r1");
    QElapsedTimer timer;
    timer.start();
    ApiReply *reply = client.send("GET", u"/api/v1/busy"_s);
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).value<ApiResult>().status, 200);
    QCOMPARE(m_busyCalls, 2);
    QVERIFY2(timer.elapsed() >= 1000, "the retry came before Retry-After allowed it");
}

void TestApiClient::networkErrorReported()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    SystemClock local;
    ServerClock clock(&local);
    ApiClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), &clock);
    ApiReply *reply = client.send("GET", u"/api/v1/things"_s);
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(5000));
    const auto r = finished.at(0).at(0).value<ApiResult>();
    QCOMPARE(r.status, 0);
    QCOMPARE(r.errorCode, u"network"_s);
    QVERIFY(!r.errorMessage.isEmpty());
}

void TestApiClient::clockOffsetFromEveryResponse()
{
    SystemClock local;
    ServerClock clock(&local);
    ApiClient client(url(), &clock);
    client.setTokens("a2", "r1");
    ApiReply *reply = client.send("GET", u"/api/v1/things"_s);
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(qAbs(clock.offsetMs() - kServerSkewMs) < 1000, qPrintable(QString::number(clock.offsetMs())));
}

void TestApiClient::untrustedCertificateIsAnError()
{
    QTemporaryDir dir;
    const QString key = dir.filePath(u"key.pem"_s), cert = dir.filePath(u"cert.pem"_s);
    const int rc = QProcess::execute(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s,
                                                    u"-nodes"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-days"_s,
                                                    u"1"_s, u"-keyout"_s, key, u"-out"_s, cert});
    if (rc != 0)
        QSKIP("openssl could not make a test certificate (is the openssl package installed?)");
    QFile keyFile(key), certFile(cert);
    QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
    QHttpServer tls;
    tls.route(u"/api/v1/things"_s, [] { return json(QJsonObject{{u"ok"_s, true}}); });
    tls.sslSetup(QSslCertificate(&certFile), QSslKey(&keyFile, QSsl::Rsa));
    const quint16 port = tls.listen(QHostAddress::LocalHost, 0);
    SystemClock local;
    ServerClock clock(&local);
    ApiClient client(QUrl(u"https://127.0.0.1:%1"_s.arg(port)), &clock);
    QSignalSpy sslErrors(&client, &ApiClient::sslErrors);
    ApiReply *reply = client.send("GET", u"/api/v1/things"_s);
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(10000));
    const auto r = finished.at(0).at(0).value<ApiResult>();
    QCOMPARE(r.status, 0);
    QCOMPARE(r.errorCode, u"tls"_s);
    QVERIFY(sslErrors.count() >= 1);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
