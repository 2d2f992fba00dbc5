// Issue 22, server side: ticket attachments (docs/attachments.md) against the real server on loopback —
// chunked, resumable uploads (also across a restart), one file per content, the limits, the type from the
// bytes, location data removed from photos, the team scope of downloads and of the change feed, removal with
// the ticket, stale uploads.
#include "serverfixture.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// Exiv2 0.27 hands out std::auto_ptr (deprecated); only this test's GPS helpers use it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>

using namespace Qt::StringLiterals;
using namespace pd::test;

namespace {
constexpr qint64 kChunk = 1024 * 1024;

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// @brief A PDF-looking file of @p size bytes (libmagic knows PDFs by their first bytes), contents by seed.
QByteArray pdfBytes(qint64 size, quint32 seed)
{
    QByteArray bytes = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"_ba;
    QRandomGenerator rng(seed);
    while (bytes.size() < size - 6)
        bytes.append(char('a' + rng.bounded(26)));
    bytes.append("\n%%EOF");
    return bytes.left(size);
}

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return out;
}

QImage testImage()
{
    QImage image(16, 16, QImage::Format_RGB32);
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x)
            image.setPixel(x, y, qRgb(x * 16, y * 16, 128));
    }
    return image;
}

/// @brief @p jpeg with a camera make and a GPS position (Hangzhou) in its Exif data.
QByteArray withGps(const QByteArray &jpeg)
{
    auto image =
        Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(jpeg.constData()), long(jpeg.size()));
    image->readMetadata();
    Exiv2::ExifData &exif = image->exifData();
    exif["Exif.Image.Make"] = std::string("ParcelDesk test camera");
    exif["Exif.GPSInfo.GPSVersionID"] = std::string("2 2 0 0");
    exif["Exif.GPSInfo.GPSLatitudeRef"] = std::string("N");
    exif["Exif.GPSInfo.GPSLatitude"] = std::string("30/1 16/1 0/1");
    exif["Exif.GPSInfo.GPSLongitudeRef"] = std::string("E");
    exif["Exif.GPSInfo.GPSLongitude"] = std::string("120/1 9/1 0/1");
    image->writeMetadata();
    Exiv2::BasicIo &io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf buf = io.read(long(io.size()));
    return QByteArray(reinterpret_cast<const char *>(buf.pData_), qsizetype(buf.size_));
}

/// @brief The Exif keys of @p bytes (empty when Exiv2 cannot read them).
QStringList exifKeys(const QByteArray &bytes)
{
    QStringList keys;
    try {
        auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(bytes.constData()),
                                               long(bytes.size()));
        image->readMetadata();
        for (const auto &d : image->exifData())
            keys.append(QString::fromStdString(d.key()));
    } catch (const std::exception &) {
    }
    return keys;
}
} // namespace

class TestServerAttachments final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    int m_index = 0;
    QTemporaryDir m_files; ///< PostgreSQL: the attachments folder given with --attachments-dir
    QStringList m_args;    ///< what every start of the server gets
    QString m_folder;      ///< where the server keeps the files
    QString m_ticket;      ///< team-a, created by agent1
    QString m_otherTicket; ///< team-a, for the same content twice
    QString m_pdfId;
    QByteArray m_pdf;

    [[nodiscard]] QByteArray token(const QString &login) { return m_server.token(login, m_index); }
    [[nodiscard]] const QString &folder() const { return m_folder; }
    /// @brief The stored files (content-addressed), not the uploads in progress.
    [[nodiscard]] QStringList blobs() const
    {
        static const QRegularExpression sha(u"^[0-9a-f]{64}$"_s);
        QStringList out;
        QDirIterator it(folder(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            if (sha.match(info.fileName()).hasMatch())
                out.append(info.fileName());
        }
        return out;
    }
    Reply create(const QString &login, const QString &ticketId, const QString &id, const QString &name,
                 const QByteArray &bytes, const QJsonObject &extra = {})
    {
        QJsonObject body{{u"id"_s, id},
                         {u"name"_s, name},
                         {u"size"_s, qint64(bytes.size())},
                         {u"sha256"_s, sha256(bytes)}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return m_server.request("POST", u"/api/v1/tickets/%1/attachments"_s.arg(ticketId), token(login), body,
                                {}, m_index);
    }
    Reply put(const QString &login, const QString &id, qint64 offset, const QByteArray &bytes)
    {
        return m_server.requestRaw("PUT", u"/api/v1/attachments/%1/upload?offset=%2"_s.arg(id).arg(offset),
                                   token(login), bytes, {{"Content-Type"_ba, "application/octet-stream"_ba}},
                                   m_index);
    }
    Reply complete(const QString &login, const QString &id)
    {
        return m_server.request("POST", u"/api/v1/attachments/%1/complete"_s.arg(id), token(login), {}, {},
                                m_index);
    }
    Reply get(const QString &login, const QString &path)
    {
        return m_server.request("GET", path, token(login), {}, {}, m_index);
    }
    /// @brief Creates, uploads in chunks of at most 1 MiB and completes; the completion's answer.
    Reply upload(const QString &ticketId, const QString &id, const QString &name, const QByteArray &bytes,
                 const QJsonObject &extra = {})
    {
        const Reply created = create(u"agent1"_s, ticketId, id, name, bytes, extra);
        if (created.status != 201)
            return created;
        for (qint64 offset = 0; offset < bytes.size(); offset += kChunk) {
            const Reply r = put(u"agent1"_s, id, offset, bytes.mid(offset, kChunk));
            if (r.status != 200)
                return r;
        }
        return complete(u"agent1"_s, id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Run through scripts/test-postgres.sh (tst_server_attachments_postgres) it uses PostgreSQL and a
        // folder of its own; otherwise SQLite and the default folder beside the database file.
        if (const QByteArray skip = qgetenv("PD_TEST_POSTGRES_SKIP"); !skip.isEmpty())
            QSKIP(qPrintable(u"PostgreSQL could not be started: "_s + QString::fromUtf8(skip)));
        const QString url = qEnvironmentVariable("PD_TEST_POSTGRES_URL");
        QVERIFY(m_server.prepare(url));
        if (url.isEmpty()) {
            m_folder = QFileInfo(m_server.dbPath()).absolutePath() + u"/attachments"_s;
        } else {
            m_folder = m_files.path() + u"/files"_s;
            m_args = QStringList{u"--attachments-dir"_s, m_folder};
        }
        m_index = m_server.start(m_args);
        QVERIFY(m_index >= 0);
        m_ticket = m_server.createTicket(u"agent1"_s);
        m_otherTicket = m_server.createTicket(u"agent1"_s);
        QVERIFY(!m_ticket.isEmpty() && !m_otherTicket.isEmpty());
    }

    void threeChunksArriveByteIdentical()
    {
        m_pdf = pdfBytes(2 * kChunk + 300 * 1000, 22); // 1 MiB, 1 MiB, ~0.3 MB
        m_pdfId = uuid();
        const Reply created = create(u"agent1"_s, m_ticket, m_pdfId, u"外箱 发票.pdf"_s, m_pdf,
                                     {{u"evidence"_s, u"value_declaration"_s}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(u"received"_s).toInteger(), 0);
        QCOMPARE(created.json().value(u"chunk_size"_s).toInteger(), kChunk);
        // A whole chunk of exactly 1 MiB is one request body; one byte more is refused before it is stored.
        const Reply over = put(u"agent1"_s, m_pdfId, 0, m_pdf.left(kChunk + 1));
        QCOMPARE(over.status, 413);
        for (qint64 offset = 0; offset < m_pdf.size(); offset += kChunk) {
            const Reply r = put(u"agent1"_s, m_pdfId, offset, m_pdf.mid(offset, kChunk));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(u"received"_s).toInteger(),
                     std::min<qint64>(offset + kChunk, m_pdf.size()));
        }
        const Reply done = complete(u"agent1"_s, m_pdfId);
        QCOMPARE(done.status, 201);
        const QJsonObject record = done.json();
        QCOMPARE(record.value(u"content_type"_s).toString(), u"application/pdf"_s);
        QCOMPARE(record.value(u"size"_s).toInteger(), m_pdf.size());
        QCOMPARE(record.value(u"sha256"_s).toString(), sha256(m_pdf));
        QCOMPARE(record.value(u"ticket_id"_s).toString(), m_ticket);
        QCOMPARE(record.value(u"evidence"_s).toString(), u"value_declaration"_s);
        const QJsonObject me = get(u"agent1"_s, u"/api/v1/auth/me"_s).json();
        const QString agent1 = me.contains(u"user"_s)
                                   ? me.value(u"user"_s).toObject().value(u"id"_s).toString()
                                   : me.value(u"id"_s).toString();
        QVERIFY(!agent1.isEmpty());
        QCOMPARE(record.value(u"created_by"_s).toString(), agent1);

        const Reply content = get(u"agent2"_s, u"/api/v1/attachments/%1/content"_s.arg(m_pdfId));
        QCOMPARE(content.status, 200);
        QCOMPARE(sha256(content.body), sha256(m_pdf));
        QCOMPARE(content.header("Content-Type"), "application/pdf"_ba);
        QCOMPARE(content.header("ETag"), '"' + sha256(m_pdf).toLatin1() + '"');
        QCOMPARE(content.header("Content-Disposition"),
                 "attachment; filename*=UTF-8''%E5%A4%96%E7%AE%B1%20%E5%8F%91%E7%A5%A8.pdf"_ba);
        QCOMPARE(blobs(), QStringList{sha256(m_pdf)});
        QVERIFY(QFileInfo::exists(folder() + u'/' + sha256(m_pdf).left(2) + u'/' + sha256(m_pdf)));
        QVERIFY(QDir(folder() + u"/uploads"_s).entryList(QDir::Files).isEmpty());

        const Reply listed = get(u"agent2"_s, u"/api/v1/tickets/%1/attachments"_s.arg(m_ticket));
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json().value(u"items"_s).toArray().size(), 1);
    }

    void sameIdAgainIsAlreadyStored()
    {
        const Reply again = create(u"agent1"_s, m_ticket, m_pdfId, u"外箱 发票.pdf"_s, m_pdf);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"attachment"_s).toObject().value(u"id"_s).toString(), m_pdfId);
        QCOMPARE(complete(u"agent1"_s, m_pdfId).status, 200);
        QCOMPARE(blobs().size(), 1);
    }

    void sameBytesAreOneFile()
    {
        const QString second = uuid();
        const Reply done = upload(m_otherTicket, second, u"copy.pdf"_s, m_pdf);
        QCOMPARE(done.status, 201);
        QCOMPARE(done.json().value(u"sha256"_s).toString(), sha256(m_pdf));
        QCOMPARE(blobs(), QStringList{sha256(m_pdf)});
        QCOMPARE(sha256(get(u"agent1"_s, u"/api/v1/attachments/%1/content"_s.arg(second)).body),
                 sha256(m_pdf));
    }

    void overTheLimitWritesNothing()
    {
        const QString id = uuid();
        const QJsonObject body{{u"id"_s, id},
                               {u"name"_s, u"video.mp4"_s},
                               {u"size"_s, 21LL * 1000 * 1000},
                               {u"sha256"_s, QString(64, u'a')}};
        const Reply r = m_server.request("POST", u"/api/v1/tickets/%1/attachments"_s.arg(m_ticket),
                                         token(u"agent1"_s), body, {}, m_index);
        QCOMPARE(r.status, 413);
        const QJsonObject error = r.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"too_large"_s);
        QCOMPARE(error.value(u"limit"_s).toInteger(), 20LL * 1024 * 1024);
        QVERIFY2(error.value(u"message"_s).toString().contains(u"at most 20 MB (20971520 bytes)"_s),
                 qPrintable(error.value(u"message"_s).toString()));
        QCOMPARE(m_server.sqlValue(u"SELECT count(*) FROM attachment_uploads WHERE id = ?"_s, {id}).toInt(),
                 0);
        QVERIFY(!QFileInfo::exists(folder() + u"/uploads/"_s + id + u".part"_s));
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/upload"_s.arg(id)).status, 404);
    }

    void typeComesFromTheBytes()
    {
        const QByteArray png = encoded(testImage(), "PNG");
        QVERIFY(png.startsWith("\x89PNG"));
        const Reply done = upload(m_ticket, uuid(), u"invoice.pdf"_s, png);
        QCOMPARE(done.status, 201);
        QCOMPARE(done.json().value(u"content_type"_s).toString(), u"image/png"_s);
        QCOMPARE(done.json().value(u"name"_s).toString(), u"invoice.pdf"_s);

        const QString id = uuid();
        const Reply refused = upload(m_ticket, id, u"photo.jpg"_s, QByteArray(5000, '\x01'));
        QCOMPARE(refused.status, 415);
        QCOMPARE(refused.errorCode(), u"unsupported_type"_s);
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/upload"_s.arg(id)).status, 404);
    }

    void locationIsRemovedFromPhotos()
    {
        const QByteArray plain = encoded(testImage(), "JPG");
        QVERIFY(plain.startsWith("\xff\xd8"));
        const QByteArray jpeg = withGps(plain);
        QVERIFY(exifKeys(jpeg).contains(u"Exif.GPSInfo.GPSLatitude"_s));
        const QString id = uuid();
        const Reply done = upload(m_ticket, id, u"goods.jpg"_s, jpeg, {{u"evidence"_s, u"goods"_s}});
        QCOMPARE(done.status, 201);
        QCOMPARE(done.json().value(u"content_type"_s).toString(), u"image/jpeg"_s);
        const Reply content = get(u"lead1"_s, u"/api/v1/attachments/%1/content"_s.arg(id));
        QCOMPARE(content.status, 200);
        const QStringList keys = exifKeys(content.body);
        QVERIFY2(keys.contains(u"Exif.Image.Make"_s), qPrintable(keys.join(u' ')));
        for (const QString &k : keys)
            QVERIFY2(!k.startsWith(u"Exif.GPSInfo."_s), qPrintable(k));
        QVERIFY(content.body != jpeg);
        QCOMPARE(done.json().value(u"sha256"_s).toString(), sha256(content.body));
        QCOMPARE(done.json().value(u"size"_s).toInteger(), content.body.size());
        QCOMPARE(QImage::fromData(content.body), QImage::fromData(jpeg)); // the pixels are as sent
    }

    void otherTeamMayNotReadOrWrite()
    {
        const QString content = u"/api/v1/attachments/%1/content"_s.arg(m_pdfId);
        QCOMPARE(get(u"agent3"_s, content).status, 403);
        QCOMPARE(get(u"agent3"_s, u"/api/v1/tickets/%1/attachments"_s.arg(m_ticket)).status, 403);
        QCOMPARE(get(u"manager1"_s, content).status, 200);
        QCOMPARE(get(u"lead1"_s, content).status, 200);
        QCOMPARE(create(u"agent3"_s, m_ticket, uuid(), u"x.pdf"_s, m_pdf).status, 403);
        QCOMPARE(create(u"manager1"_s, m_ticket, uuid(), u"x.pdf"_s, m_pdf).status, 403);
        const QString id = uuid();
        QCOMPARE(create(u"agent1"_s, m_ticket, id, u"half.pdf"_s, m_pdf).status, 201);
        QCOMPARE(put(u"agent3"_s, id, 0, m_pdf.left(100)).status, 403);
        QCOMPARE(get(u"agent3"_s, u"/api/v1/attachments/%1/upload"_s.arg(id)).status, 403);
        QCOMPARE(complete(u"agent3"_s, id).status, 403);
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/upload"_s.arg(id))
                     .json()
                     .value(u"received"_s)
                     .toInteger(),
                 0);
    }

    void evidenceIsSetAfterwards()
    {
        const auto patch = [this](const QString &login, const QString &id, const QJsonValue &evidence) {
            return m_server.request("PATCH", u"/api/v1/attachments/"_s + id, token(login),
                                    {{u"evidence"_s, evidence}}, {}, m_index);
        };
        const FeedRead before = m_server.readFeed(token(u"agent1"_s), {}, 500, m_index);
        const auto stored = [this] {
            const QJsonArray items = get(u"agent1"_s, u"/api/v1/tickets/%1/attachments"_s.arg(m_ticket))
                                         .json()
                                         .value(u"items"_s)
                                         .toArray();
            for (const QJsonValue &v : items) {
                if (v.toObject().value(u"id"_s).toString() == m_pdfId)
                    return v.toObject();
            }
            return QJsonObject();
        };
        const qint64 version = stored().value(u"version"_s).toInteger();
        QVERIFY(version > 0);

        const Reply set = patch(u"agent1"_s, m_pdfId, u"goods"_s);
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json().value(u"id"_s).toString(), m_pdfId);
        QCOMPARE(set.json().value(u"evidence"_s).toString(), u"goods"_s);
        QCOMPARE(set.json().value(u"sha256"_s).toString(), sha256(m_pdf));
        QVERIFY(set.json().value(u"version"_s).toInteger() > version);
        const FeedRead changed = m_server.readFeed(token(u"agent1"_s), before.cursor, 500, m_index);
        const auto items = changed.about(u"attachment"_s, m_pdfId);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.constFirst().value(u"data"_s).toObject().value(u"evidence"_s).toString(), u"goods"_s);

        const Reply cleared = patch(u"agent1"_s, m_pdfId, QJsonValue::Null);
        QCOMPARE(cleared.status, 200);
        QVERIFY(!cleared.json().contains(u"evidence"_s));
        QVERIFY(cleared.json().value(u"version"_s).toInteger() > set.json().value(u"version"_s).toInteger());
        const FeedRead again = m_server.readFeed(token(u"agent1"_s), changed.cursor, 500, m_index);
        QCOMPARE(again.about(u"attachment"_s, m_pdfId).size(), 1);
        QVERIFY(!again.about(u"attachment"_s, m_pdfId)
                     .constFirst()
                     .value(u"data"_s)
                     .toObject()
                     .contains(u"evidence"_s));

        QCOMPARE(patch(u"agent3"_s, m_pdfId, u"goods"_s).status, 403);
        QCOMPARE(patch(u"manager1"_s, m_pdfId, u"goods"_s).status, 403);
        const Reply bad = patch(u"agent1"_s, m_pdfId, u"box"_s);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"evidence"_s);
        QCOMPARE(patch(u"agent1"_s, m_pdfId, 3).status, 422);
        QCOMPARE(patch(u"agent1"_s, uuid(), u"goods"_s).status, 404);

        // Nothing refused reached the record; the declaration tag it was sent with goes back on.
        QCOMPARE(patch(u"lead1"_s, m_pdfId, u"value_declaration"_s).status, 200);
        QCOMPARE(stored().value(u"evidence"_s).toString(), u"value_declaration"_s);
    }

    void wrongOffsetSaysWhereToGoOn()
    {
        const QByteArray bytes = pdfBytes(300 * 1000, 7);
        const QString id = uuid();
        QCOMPARE(create(u"agent1"_s, m_ticket, id, u"a.pdf"_s, bytes).status, 201);
        QCOMPARE(put(u"agent1"_s, id, 0, bytes.left(100000)).status, 200);
        const Reply wrong = put(u"agent1"_s, id, 50000, bytes.mid(50000, 1000));
        QCOMPARE(wrong.status, 409);
        QCOMPARE(wrong.errorCode(), u"offset_mismatch"_s);
        QCOMPARE(wrong.json().value(u"error"_s).toObject().value(u"received"_s).toInteger(), 100000);
        QCOMPARE(put(u"agent1"_s, id, 100000, bytes.mid(100000)).status, 200);
        QCOMPARE(complete(u"agent1"_s, id).status, 201);
    }

    void checksumMismatchStartsAgain()
    {
        const QByteArray bytes = pdfBytes(200 * 1000, 8);
        QByteArray damaged = bytes;
        damaged[150000] = 'Z' == damaged[150000] ? 'Y' : 'Z';
        const QString id = uuid();
        QCOMPARE(create(u"agent1"_s, m_ticket, id, u"b.pdf"_s, bytes).status, 201);
        QCOMPARE(put(u"agent1"_s, id, 0, damaged).status, 200);
        const Reply r = complete(u"agent1"_s, id);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), u"checksum_mismatch"_s);
        const Reply state = get(u"agent1"_s, u"/api/v1/attachments/%1/upload"_s.arg(id));
        QCOMPARE(state.json().value(u"received"_s).toInteger(), 0);
        QCOMPARE(state.json().value(u"size"_s).toInteger(), bytes.size());
        QCOMPARE(put(u"agent1"_s, id, 0, bytes).status, 200);
        QCOMPARE(complete(u"agent1"_s, id).status, 201);
    }

    void recordFollowsItsTicketThroughTheFeed()
    {
        const FeedRead a = m_server.readFeed(token(u"agent1"_s), {}, 500, m_index);
        QCOMPARE(a.about(u"attachment"_s, m_pdfId).size(), 1);
        QCOMPARE(a.about(u"attachment"_s, m_pdfId)
                     .constFirst()
                     .value(u"data"_s)
                     .toObject()
                     .value(u"sha256"_s)
                     .toString(),
                 sha256(m_pdf));
        const FeedRead b = m_server.readFeed(token(u"agent3"_s), {}, 500, m_index);
        QVERIFY(b.about(u"attachment"_s, m_pdfId).isEmpty());

        // A team move brings the file to the new team whatever its cursor; the old team gets the withdrawal.
        const QString moved = m_server.createTicket(u"agent1"_s);
        const QString id = uuid();
        QCOMPARE(upload(moved, id, u"label.png"_s, encoded(testImage(), "PNG")).status, 201);
        const FeedRead before = m_server.readFeed(token(u"agent3"_s), {}, 500, m_index);
        const Reply patch = m_server.request(
            "PATCH", u"/api/v1/tickets/"_s + moved, token(u"lead1"_s), {{u"team_id"_s, u"team-b"_s}},
            {{"If-Match"_ba, QByteArray::number(m_server.ticketVersion(moved, m_index))}}, m_index);
        QCOMPARE(patch.status, 200);
        const FeedRead after = m_server.readFeed(token(u"agent3"_s), before.cursor, 500, m_index);
        QCOMPARE(after.about(u"attachment"_s, id).size(), 1);
        QCOMPARE(get(u"agent3"_s, u"/api/v1/attachments/%1/content"_s.arg(id)).status, 200);
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/content"_s.arg(id)).status, 403);
    }

    void deletedTicketTakesItsFiles()
    {
        const QString doomed = m_server.createTicket(u"agent1"_s);
        const QString id = uuid();
        const QByteArray only = pdfBytes(50000, 99);
        QCOMPARE(upload(doomed, id, u"only.pdf"_s, only).status, 201);
        const QString shared = uuid();
        QCOMPARE(upload(doomed, shared, u"shared.pdf"_s, m_pdf).status, 201);
        const FeedRead before = m_server.readFeed(token(u"agent1"_s), {}, 500, m_index);
        QVERIFY(blobs().contains(sha256(only)));
        const Reply del = m_server.request(
            "DELETE", u"/api/v1/tickets/"_s + doomed, token(u"lead1"_s), {},
            {{"If-Match"_ba, QByteArray::number(m_server.ticketVersion(doomed, m_index))}}, m_index);
        QCOMPARE(del.status, 204);
        QVERIFY(!blobs().contains(sha256(only)));
        QVERIFY(blobs().contains(sha256(m_pdf))); // other records still name it
        QCOMPARE(get(u"lead1"_s, u"/api/v1/attachments/%1/content"_s.arg(id)).status, 404);
        const FeedRead after = m_server.readFeed(token(u"agent1"_s), before.cursor, 500, m_index);
        const auto items = after.about(u"attachment"_s, id);
        QCOMPARE(items.size(), 1);
        QVERIFY(items.constFirst().value(u"deleted"_s).toBool());
        QVERIFY(items.constFirst().value(u"data"_s).isNull());
    }

    void uploadResumesAfterRestart()
    {
        const QByteArray bytes = pdfBytes(2 * kChunk, 5);
        const QString id = uuid();
        QCOMPARE(create(u"agent1"_s, m_ticket, id, u"resume.pdf"_s, bytes).status, 201);
        QCOMPARE(put(u"agent1"_s, id, 0, bytes.left(kChunk)).status, 200);
        m_server.stop(m_index);
        // Started again with a small body limit: a chunk still takes 1 MiB, every other route keeps 64 KiB.
        m_index = m_server.start(m_args + QStringList{u"--body-limit"_s, u"65536"_s});
        QVERIFY(m_index >= 0);
        const Reply state = get(u"agent1"_s, u"/api/v1/attachments/%1/upload"_s.arg(id));
        QCOMPARE(state.status, 200);
        QCOMPARE(state.json().value(u"received"_s).toInteger(), kChunk);
        const Reply again = create(u"agent1"_s, m_ticket, id, u"resume.pdf"_s, bytes);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"received"_s).toInteger(), kChunk);
        QCOMPARE(put(u"agent1"_s, id, kChunk, bytes.mid(kChunk)).status, 200);
        const Reply done = complete(u"agent1"_s, id);
        QCOMPARE(done.status, 201);
        QCOMPARE(sha256(get(u"agent1"_s, u"/api/v1/attachments/%1/content"_s.arg(id)).body), sha256(bytes));
        const Reply note = m_server.request(
            "POST", u"/api/v1/tickets/%1/events"_s.arg(m_ticket), token(u"agent1"_s),
            {{u"id"_s, uuid()}, {u"kind"_s, u"note"_s}, {u"text"_s, QString(70000, u'x')}}, {}, m_index);
        QCOMPARE(note.status, 413);
    }

    void staleUploadsAreRemoved()
    {
        const QString id = uuid();
        QCOMPARE(create(u"agent1"_s, m_ticket, id, u"left.pdf"_s, m_pdf).status, 201);
        QCOMPARE(put(u"agent1"_s, id, 0, m_pdf.left(1000)).status, 200);
        QVERIFY(QFileInfo::exists(folder() + u"/uploads/"_s + id + u".part"_s));
        // Eight days later (server time) the housekeeping at start drops it.
        m_server.stop(m_index);
        m_index = m_server.start(m_args + QStringList{u"--clock-offset"_s, QString::number(8 * 24 * 3600)});
        QVERIFY(m_index >= 0);
        QVERIFY(!QFileInfo::exists(folder() + u"/uploads/"_s + id + u".part"_s));
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/upload"_s.arg(id)).status, 404);
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/content"_s.arg(m_pdfId)).status, 200);
    }

    void customerErasureTakesTheFiles()
    {
        // Every ticket of this test is about the fixture's customer (13812345678).
        QVERIFY(!blobs().isEmpty());
        QByteArray out;
        QStringList args{u"customer"_s,    u"erase"_s, u"--phone"_s,
                         u"13812345678"_s, u"--db"_s,  m_server.dbUrl()};
        if (!m_args.isEmpty())
            args += m_args; // --attachments-dir
        QCOMPARE(ServerFixture::runCli(args, {}, &out), 0);
        QVERIFY2(out.contains(" attachments"), out.constData());
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/content"_s.arg(m_pdfId)).status, 404);
        QCOMPARE(get(u"agent1"_s, u"/api/v1/tickets/%1/attachments"_s.arg(m_ticket))
                     .json()
                     .value(u"items"_s)
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(blobs(), QStringList());
    }
};

#pragma GCC diagnostic pop

QTEST_MAIN(TestServerAttachments)
#include "tst_server_attachments.moc"
