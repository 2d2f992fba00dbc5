// Upload of 100 photos of 5 MB each from a console to the real parceldesk-server on loopback (issue 22): the
// photos are staged as the ticket pane stages them (copied into the cache, encrypted at rest) and sent by the
// SyncEngine's uploader in 1 MiB chunks. Prints the time, the rate, and the console process's memory:
// resident at idle (signed in, synced, photos on disk), and the peak while staging and uploading (the
// kernel's high-water mark, reset at idle through /proc/self/clear_refs, and the largest of samples every 50
// ms). Goal: peak < 100 MB above idle. Ten tickets take ten photos each (the server's per-ticket limit is 100
// MB).
#include "../common/servercli.h"

#include "models/store/attachmentrepository.h"
#include "models/store/database.h"
#include "models/store/syncstaterepository.h"
#include "sync/serverclock.h"
#include "sync/syncengine.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

using namespace pd;

namespace {

constexpr int kTickets = 10;
constexpr int kPhotosPerTicket = 10;
constexpr qint64 kMiB = 1024 * 1024;

/// A field of /proc/self/status in kB ("VmRSS", "VmHWM"); -1 when it cannot be read.
qint64 statusKb(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// A noisy photo-sized JPEG of about 5 MB (noise does not compress: 2450×1800 at quality 97).
QByteArray basePhoto()
{
    QImage image(2450, 1800, QImage::Format_RGB32);
    QRandomGenerator rng(22);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = qRgb(int(rng.bounded(256)), (x + y) % 256, int(rng.bounded(256)));
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 97);
    return out;
}

/// @p jpeg with a comment segment naming @p n right after the start marker: a valid photo with other bytes.
QByteArray variant(const QByteArray &jpeg, int n)
{
    const QByteArray text = "parceldesk bench photo " + QByteArray::number(n);
    QByteArray segment("\xFF\xFE", 2);
    segment.append(char((text.size() + 2) >> 8)).append(char((text.size() + 2) & 0xFF)).append(text);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QByteArray login(QNetworkAccessManager &nam, const QString &url, const QString &user)
{
    QNetworkRequest req(QUrl(url + u"/api/v1/auth/login"_s));
    req.setRawHeader("Content-Type", "application/json");
    QNetworkReply *r = nam.post(
        req, QJsonDocument(QJsonObject{{u"login"_s, user}, {u"password"_s, u"bench-password-1"_s}}).toJson());
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    r->deleteLater();
    return QJsonDocument::fromJson(r->readAll()).object().value(u"access_token"_s).toString().toLatin1();
}

QString createTicket(QNetworkAccessManager &nam, const QString &url, const QByteArray &token, int n)
{
    QNetworkRequest req(QUrl(url + u"/api/v1/tickets"_s));
    req.setRawHeader("Content-Type", "application/json");
    req.setRawHeader("Authorization", "Bearer " + token);
    const QJsonObject body{{u"waybill_no"_s, u"SF15000000%1"_s.arg(n, 5, 10, QLatin1Char('0'))},
                           {u"description"_s, u"外箱破损，内物受损"_s},
                           {u"customer_name"_s, u"王芳"_s},
                           {u"customer_phone"_s, u"13812345678"_s},
                           {u"category"_s, u"damage"_s},
                           {u"team_id"_s, u"team-1"_s}};
    QNetworkReply *r = nam.post(req, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    r->deleteLater();
    return QJsonDocument::fromJson(r->readAll()).object().value(u"id"_s).toString();
}

/// Runs the event loop until @p done or @p ms pass; whether @p done.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // no window: Qt GUI only for QImage's JPEG writer
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    const QString db = u"sqlite:"_s + dir.filePath(u"server.db"_s);
    const int photos = kTickets * kPhotosPerTicket;
    std::printf("== upload of %d photos of ~5 MB: SyncEngine -> real server on loopback ==\n", photos);
    if (bench::serverCli({u"user"_s, u"add"_s, u"agent"_s, u"--db"_s, db, u"--role"_s, u"agent"_s,
                          u"--team"_s, u"team-1"_s},
                         "bench-password-1\n") != 0)
        return 1;
    QProcess server;
    server.start(QStringLiteral(PD_SERVER_BIN), {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, db});
    QByteArray out;
    QElapsedTimer starting;
    starting.start();
    while (!out.contains("listening on") && starting.elapsed() < 60000) {
        server.waitForReadyRead(1000);
        out += server.readAllStandardOutput();
    }
    if (!out.contains("listening on"))
        return 1;
    const QString url = QString::fromUtf8(out.mid(out.indexOf("http://")).trimmed());
    QNetworkAccessManager nam;
    const QByteArray token = login(nam, url, u"agent"_s);
    QStringList tickets;
    for (int t = 0; t < kTickets; ++t)
        tickets.append(createTicket(nam, url, token, t));
    if (tickets.contains(QString()))
        return 1;

    // The photos, on disk as an agent's camera folder would hold them.
    const QByteArray base = basePhoto();
    QStringList files;
    for (int i = 0; i < photos; ++i) {
        QFile f(dir.filePath(u"IMG_%1.jpg"_s.arg(i, 4, 10, QLatin1Char('0'))));
        if (!f.open(QIODevice::WriteOnly) || f.write(variant(base, i)) < 0)
            return 1;
        files.append(f.fileName());
    }
    std::printf("photo size: %.2f MB\n", double(base.size()) / 1e6);

    SyncEngine engine(dir.filePath(u"console/cache.sqlite"_s), QUrl(url));
    engine.start();
    bool signedIn = false;
    QObject::connect(&engine, &SyncEngine::signedIn, &app, [&] { signedIn = true; });
    engine.signIn(u"agent"_s, u"bench-password-1"_s);
    if (!waitFor([&] { return signedIn; }, 30000))
        return 1;
    bool pulled = false;
    QObject::connect(&engine, &SyncEngine::pullFinished, &app, [&](bool ok) { pulled = ok; });
    engine.syncNow();
    if (!waitFor([&] { return pulled; }, 60000))
        return 1;
    QString error;
    auto cache = Database::open(dir.filePath(u"console/cache.sqlite"_s), &error);
    if (!cache)
        return 1;
    const QString me = SyncStateRepository(*cache).value(u"owner.id"_s);
    waitFor([] { return false; }, 1000); // settle
    const qint64 idleKb = statusKb("VmRSS");
    QFile clear(u"/proc/self/clear_refs"_s);
    const bool hwmReset = clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
    clear.close();
    qint64 sampledKb = idleKb;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app,
                     [&] { sampledKb = qMax(sampledKb, statusKb("VmRSS")); });
    sampler.start(50);

    int stored = 0, failed = 0;
    QObject::connect(&engine, &SyncEngine::attachmentStored, &app, [&] { ++stored; });
    QObject::connect(&engine, &SyncEngine::attachmentUploadFailed, &app,
                     [&](const QString &, const QString &, const QString &m) {
                         ++failed;
                         std::printf("failed: %s\n", qPrintable(m));
                     });
    QElapsedTimer timer;
    timer.start();
    AttachmentRepository repo(*cache);
    for (int i = 0; i < photos; ++i) {
        if (!repo.stage(tickets.at(i / kPhotosPerTicket), files.at(i), me, engine.clock()->nowMs(), {}, {},
                        &error)) {
            std::printf("staging failed: %s\n", qPrintable(error));
            return 1;
        }
        QCoreApplication::processEvents();
    }
    const qint64 stagedMs = timer.elapsed();
    engine.uploadAttachmentsNow();
    const bool done = waitFor([&] { return stored + failed >= photos; }, 30 * 60 * 1000);
    const qint64 ms = timer.elapsed();
    sampler.stop();
    const qint64 hwmKb = statusKb("VmHWM");
    server.terminate();
    server.waitForFinished(5000);

    const double mb = double(base.size()) * photos / 1e6;
    std::printf("staged %d photos in %.2f s; all stored on the server after %.2f s (%.1f MB/s)\n", photos,
                double(stagedMs) / 1000.0, double(ms) / 1000.0, mb / (double(ms) / 1000.0));
    std::printf("stored %d, failed %d\n", stored, failed);
    std::printf("console memory: idle %.1f MB resident; peak %.1f MB (%s), sampled max %.1f MB\n",
                double(idleKb) / 1024.0, double(hwmKb) / 1024.0,
                hwmReset ? "high-water mark since idle" : "high-water mark since start: clear_refs refused",
                double(sampledKb) / 1024.0);
    const double aboveMb = double(qMax(hwmReset ? hwmKb : sampledKb, sampledKb) - idleKb) / 1024.0;
    std::printf("peak above idle: %.1f MB (goal < 100 MB): %s\n", aboveMb,
                aboveMb < 100.0 ? "met" : "MISSED");
    return done && stored == photos ? 0 : 1;
}
