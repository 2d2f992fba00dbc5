// The cache's attachments (issue 22): staging copies and hashes the bytes and keeps them encrypted beside the
// cache, an oversize file is refused with nothing written, the feed's record turns a staged file into a
// stored one, the download cache evicts the least recently used beyond its cap, and a dropped ticket takes
// its files.
#include "../../common/fixtures.h"
#include "models/store/attachmentfiles.h"
#include "models/store/attachmentrepository.h"
#include "models/store/database.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

namespace {
constexpr Instant kNow = 1795400000000;
const QByteArray kPhone = "13812345678";

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(g.bounded(256));
    return b;
}

QString sha(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void stagingCopiesBytesAndHashEncrypted();
    void oversizeFileIsRefusedAndNothingWritten();
    void feedRecordTurnsStagedIntoStored();
    void strippedPhotoReplacesTheStagedCopy();
    void downloadCacheEvictsLeastRecentlyUsed();
    void droppedTicketTakesItsFiles();
    void uploadBookkeeping();
    void evidenceOfAStagedFileChangesHereOnly();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    [[nodiscard]] QStringList filesOnDisk() const;
    [[nodiscard]] int rows(const QString &table) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    Ticket m_ticket;
};

void TestAttachments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = Database::open(m_dir->filePath(u"c.sqlite"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_ticket = test::makeTicket(1);
    QVERIFY2(TicketRepository(*m_db).upsert({m_ticket}, &error), qPrintable(error));
    QVERIFY(SyncStateRepository(*m_db).setValue(u"owner.id"_s, u"u-agent1"_s, &error));
}

QString TestAttachments::writeFile(const QString &name, const QByteArray &bytes)
{
    QDir(m_dir->path()).mkpath(u"src"_s);
    const QString path = m_dir->filePath(u"src/"_s + name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QStringList TestAttachments::filesOnDisk() const
{
    return QDir(AttachmentFiles::folder(m_db->path())).entryList(QDir::Files);
}

int TestAttachments::rows(const QString &table) const
{
    QSqlQuery q(m_db->connection());
    q.exec(u"SELECT count(*) FROM "_s + table);
    q.next();
    return q.value(0).toInt();
}

void TestAttachments::stagingCopiesBytesAndHashEncrypted()
{
    QByteArray bytes = randomBytes(300 * 1024 + 17, 1);
    bytes.replace(1000, kPhone.size(), kPhone); // a label photo shows the phone
    const QString source = writeFile(u"面单.jpg"_s, bytes);
    AttachmentRepository repo(*m_db);
    QString error;
    const auto a = repo.stage(m_ticket.id, source, u"u-agent1"_s, kNow, EvidenceKind::Label, {}, &error);
    QVERIFY2(a, qPrintable(error));
    QVERIFY(QFile::remove(source)); // the original may vanish: the cache has its own copy
    QCOMPARE(a->size, qint64(bytes.size()));
    QCOMPARE(a->sha256, sha(bytes));
    QCOMPARE(a->name, u"面单.jpg"_s);

    const auto views = repo.forTicket(m_ticket.id);
    QCOMPARE(views.size(), 1);
    QCOMPARE(views[0].state, AttachmentState::Queued);
    QCOMPARE(views[0].attachment.id, a->id);
    QVERIFY(views[0].attachment.evidence == std::optional(EvidenceKind::Label));
    QVERIFY(!views[0].localPath.isEmpty());
    QVERIFY(repo.evidenceOf(m_ticket.id) == QList<EvidenceKind>{EvidenceKind::Label});

    // Kept encrypted: neither the phone nor any 64-byte run of the photo is in the file; it opens to the
    // bytes.
    QFile raw(views[0].localPath);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray sealed = raw.readAll();
    QVERIFY(!sealed.contains(kPhone));
    QVERIFY(!sealed.contains(bytes.mid(5000, 64)));
    QVERIFY(!(raw.permissions() & (QFile::ReadGroup | QFile::ReadOther)));
    QCOMPARE(repo.content(a->id, &error), bytes);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"SELECT typeof(name), typeof(staged_key) FROM attachments"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"blob"_s); // sealed with the cache's key
    QCOMPARE(q.value(1).toString(), u"blob"_s);

    const auto pending = repo.pendingUploads(kNow);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending[0].attachment.sha256, sha(bytes));
    QCOMPARE(pending[0].uploaded, qint64(0));
}

void TestAttachments::oversizeFileIsRefusedAndNothingWritten()
{
    const QString source = writeFile(u"video.mp4"_s, QByteArray(21 * 1024 * 1024, 'v'));
    AttachmentRepository repo(*m_db);
    QString error;
    QVERIFY(!repo.stage(m_ticket.id, source, u"u-agent1"_s, kNow, std::nullopt, {}, &error));
    QVERIFY2(error.contains(u"video.mp4"_s) && error.contains(u"20 MB"_s), qPrintable(error));
    QCOMPARE(rows(u"attachments"_s), 0);
    QVERIFY(filesOnDisk().isEmpty());
    error.clear();
    QVERIFY(!repo.stageBytes(m_ticket.id, QByteArray(), u"empty.png"_s, u"u-agent1"_s, kNow, {}, {}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(rows(u"attachments"_s), 0);
}

void TestAttachments::feedRecordTurnsStagedIntoStored()
{
    const QByteArray bytes = randomBytes(70000, 2);
    AttachmentRepository repo(*m_db);
    QString error;
    auto a = repo.stageBytes(m_ticket.id, bytes, u"box.png"_s, u"u-agent1"_s, kNow, EvidenceKind::OuterBox,
                             {}, &error);
    QVERIFY2(a, qPrintable(error));
    Attachment stored = *a;
    stored.contentType = u"image/png"_s;
    stored.version = 42;
    QVERIFY2(repo.upsert({stored}, &error), qPrintable(error));
    const auto v = repo.view(a->id);
    QVERIFY(v);
    QCOMPARE(v->state, AttachmentState::Stored);
    QVERIFY(v->attachment == stored);
    QVERIFY(repo.pendingUploads(kNow).isEmpty());
    // The staged copy is the stored bytes: it became the download cache's copy, not deleted.
    QVERIFY(!repo.cachedFile(a->id).isEmpty());
    QCOMPARE(repo.content(a->id, &error), bytes);
    QCOMPARE(repo.downloadCacheBytes(), qint64(bytes.size()));
    QCOMPARE(filesOnDisk().size(), 1);
    // An older copy of the record never replaces a newer one.
    Attachment older = stored;
    older.version = 7;
    older.name = u"old.png"_s;
    QVERIFY(repo.upsert({older}, &error));
    QCOMPARE(repo.view(a->id)->attachment.name, u"box.png"_s);
}

void TestAttachments::strippedPhotoReplacesTheStagedCopy()
{
    AttachmentRepository repo(*m_db);
    QString error;
    auto a =
        repo.stageBytes(m_ticket.id, randomBytes(5000, 3), u"gps.jpg"_s, u"u-agent1"_s, kNow, {}, {}, &error);
    QVERIFY(a);
    Attachment stored = *a;
    stored.size = 4000; // the server removed location data: other bytes
    stored.sha256 = sha(randomBytes(4000, 4));
    stored.version = 3;
    QVERIFY(repo.upsert({stored}, &error));
    QCOMPARE(repo.view(a->id)->state, AttachmentState::Stored);
    QVERIFY(repo.view(a->id)->localPath.isEmpty());
    QCOMPARE(repo.purgeFiles(), 1);
    QVERIFY(filesOnDisk().isEmpty());
}

void TestAttachments::downloadCacheEvictsLeastRecentlyUsed()
{
    AttachmentRepository repo(*m_db);
    QString error;
    QList<Attachment> records;
    for (int i = 0; i < 4; ++i) {
        Attachment a;
        a.id = u"att-%1"_s.arg(i);
        a.ticketId = m_ticket.id;
        a.name = u"p%1.jpg"_s.arg(i);
        a.size = 400 * 1024;
        a.version = i + 1;
        records.append(a);
    }
    QVERIFY(repo.upsert(records, &error));
    constexpr qint64 kCap = 1000 * 1024; // two files fit, not three
    QVERIFY2(repo.storeDownloaded(u"att-0"_s, randomBytes(400 * 1024, 10), kCap, &error), qPrintable(error));
    QVERIFY(repo.storeDownloaded(u"att-1"_s, randomBytes(400 * 1024, 11), kCap, &error));
    QVERIFY(!repo.cachedFile(u"att-0"_s).isEmpty()); // used: att-1 is now the least recently used
    QVERIFY(repo.storeDownloaded(u"att-2"_s, randomBytes(400 * 1024, 12), kCap, &error));
    QVERIFY(repo.cachedFile(u"att-1"_s).isEmpty());
    QVERIFY(!repo.cachedFile(u"att-0"_s).isEmpty());
    QVERIFY(!repo.cachedFile(u"att-2"_s).isEmpty());
    QCOMPARE(repo.downloadCacheBytes(), qint64(800 * 1024));
    QCOMPARE(filesOnDisk().size(), 2);
    QCOMPARE(repo.content(u"att-2"_s, &error), randomBytes(400 * 1024, 12));
    // A file over the cap by itself is still kept (the newest always stays), the rest go.
    QVERIFY(repo.storeDownloaded(u"att-3"_s, randomBytes(400 * 1024, 13), 100 * 1024, &error));
    QCOMPARE(filesOnDisk(), QStringList{u"att-3.bin"_s});
    QCOMPARE(rows(u"attachment_trash"_s), 0);
}

void TestAttachments::droppedTicketTakesItsFiles()
{
    AttachmentRepository repo(*m_db);
    QString error;
    QVERIFY(
        repo.stageBytes(m_ticket.id, randomBytes(1000, 5), u"a.pdf"_s, u"u-agent1"_s, kNow, {}, {}, &error));
    Attachment other;
    other.id = u"att-stored"_s;
    other.ticketId = m_ticket.id;
    other.version = 1;
    Attachment orphan; // arrived before its ticket: kept
    orphan.id = u"att-orphan"_s;
    orphan.ticketId = u"t-not-yet"_s;
    orphan.version = 1;
    QVERIFY(repo.upsert({other, orphan}, &error));
    QVERIFY(repo.storeDownloaded(other.id, randomBytes(2000, 6), AttachmentRepository::kDefaultCacheBytes,
                                 &error));
    QCOMPARE(filesOnDisk().size(), 2);
    QCOMPARE(repo.forTicket(u"t-not-yet"_s).size(), 1);

    QVERIFY(TicketRepository(*m_db).remove({m_ticket.id}, &error)); // withdrawn, deleted or erased
    QVERIFY(repo.forTicket(m_ticket.id).isEmpty());
    QCOMPARE(repo.purgeFiles(), 2);
    QVERIFY(filesOnDisk().isEmpty());
    QVERIFY(repo.dropForTickets({u"t-not-yet"_s}, &error)); // its ticket was withdrawn before it arrived
    QCOMPARE(rows(u"attachments"_s), 0);
}

void TestAttachments::uploadBookkeeping()
{
    AttachmentRepository repo(*m_db);
    QString error;
    const auto a =
        repo.stageBytes(m_ticket.id, randomBytes(1000, 7), u"x.png"_s, u"u-agent1"_s, kNow, {}, {}, &error);
    QVERIFY(a);
    QVERIFY(repo.markUploaded(a->id, 500, &error));
    QCOMPARE(repo.view(a->id)->state, AttachmentState::Uploading);
    QCOMPARE(repo.view(a->id)->uploaded, qint64(500));
    QVERIFY(repo.markRetry(a->id, u"offline"_s, kNow + 4000, &error));
    QVERIFY(repo.pendingUploads(kNow).isEmpty());
    QVERIFY(repo.nextUploadAt() == std::optional<Instant>(kNow + 4000));
    QCOMPARE(repo.pendingUploads(kNow + 4000).value(0).attempts, 1);
    QVERIFY(repo.retryNow(kNow, &error));
    QCOMPARE(repo.pendingUploads(kNow).size(), 1);
    // Another user's staged file is not theirs to send.
    QVERIFY(SyncStateRepository(*m_db).setValue(u"owner.id"_s, u"u-agent2"_s, &error));
    QVERIFY(repo.pendingUploads(kNow).isEmpty());
    QVERIFY(SyncStateRepository(*m_db).setValue(u"owner.id"_s, u"u-agent1"_s, &error));
    QVERIFY(repo.markFailed(a->id, u"Refused by the server: too large"_s, &error));
    QCOMPARE(repo.view(a->id)->state, AttachmentState::Failed);
    QCOMPARE(repo.view(a->id)->error, u"Refused by the server: too large"_s);
    QVERIFY(repo.pendingUploads(kNow).isEmpty());
}

void TestAttachments::evidenceOfAStagedFileChangesHereOnly()
{
    AttachmentRepository repo(*m_db);
    QString error;
    const auto a = repo.stageBytes(m_ticket.id, randomBytes(1000, 9), u"label.png"_s, u"u-agent1"_s, kNow,
                                   EvidenceKind::Goods, {}, &error);
    QVERIFY2(a, qPrintable(error));
    // Staged: the cache's record and the upload's create carry the new tag; evidenceOf() follows at once.
    QVERIFY2(repo.setEvidence(a->id, EvidenceKind::Label, &error), qPrintable(error));
    QVERIFY(repo.view(a->id)->attachment.evidence == std::optional(EvidenceKind::Label));
    QVERIFY(repo.pendingUploads(kNow).value(0).attachment.evidence == std::optional(EvidenceKind::Label));
    QVERIFY(repo.evidenceOf(m_ticket.id) == QList<EvidenceKind>{EvidenceKind::Label});
    QVERIFY(repo.setEvidence(a->id, std::nullopt, &error));
    QVERIFY(!repo.view(a->id)->attachment.evidence);
    QVERIFY(repo.evidenceOf(m_ticket.id).isEmpty());
    QVERIFY(!repo.setEvidence(u"00000000-0000-0000-0000-000000000000"_s, EvidenceKind::Goods, &error));
    QVERIFY(!error.isEmpty());

    // Stored: the tag is the server's; refused here with a message, nothing changes.
    Attachment stored = repo.view(a->id)->attachment;
    stored.evidence = EvidenceKind::OuterBox;
    stored.contentType = u"image/png"_s;
    stored.version = 3;
    QVERIFY2(repo.upsert({stored}, &error), qPrintable(error));
    error.clear();
    QVERIFY(!repo.setEvidence(a->id, EvidenceKind::Goods, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(repo.view(a->id)->attachment.evidence == std::optional(EvidenceKind::OuterBox));
    // The server's answer to the PATCH (a new version) is what changes it.
    stored.evidence = EvidenceKind::Goods;
    stored.version = 4;
    QVERIFY(repo.upsert({stored}, &error));
    QVERIFY(repo.view(a->id)->attachment.evidence == std::optional(EvidenceKind::Goods));
}

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
