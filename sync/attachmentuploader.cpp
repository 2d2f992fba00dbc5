#include "attachmentuploader.h"

#include "api/attachmentsapi.h"
#include "apiclient.h"

#include "models/domain/clock.h"
#include "models/store/database.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcUpload, "pd.sync.upload", QtInfoMsg)

namespace pd {

struct AttachmentUploader::Job
{
    PendingUpload upload;
    QByteArray bytes; // the clear bytes, read once from the sealed copy (at most the per-file limit)
    qint64 offset = 0;
    qint64 chunkBytes = kDefaultChunkBytes;
    bool restarted = false;    // a checksum mismatch sent it again from 0 once
    bool evidenceSent = false; // the tag changed here after the create went: PATCHed once
};

namespace {
qint64 receivedIn(const ApiResult &r)
{
    const QJsonObject o = r.object();
    if (o.contains(u"received"_s))
        return o.value(u"received"_s).toInteger(-1);
    return o.value(u"error"_s).toObject().value(u"received"_s).toInteger(-1);
}

QString uploadPath(const QString &attachmentId, const char *tail)
{
    return u"/api/v1/attachments/"_s + ApiClient::pathSegment(attachmentId) + QLatin1StringView(tail);
}
} // namespace

AttachmentUploader::AttachmentUploader(const Database &db, ApiClient *api, const Clock &clock,
                                       std::function<qint64(int)> backoffMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_api(api)
    , m_clock(clock)
    , m_backoffMs(std::move(backoffMs))
    , m_timer(new QTimer(this))
    , m_chunkDelayMs(qEnvironmentVariableIntValue("PARCELDESK_TEST_UPLOAD_CHUNK_DELAY_MS"))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &AttachmentUploader::due);
}

AttachmentUploader::~AttachmentUploader() = default;

bool AttachmentUploader::hasWork() const
{
    return m_job || !AttachmentRepository(m_db).pendingUploads(m_clock.nowMs(), 1).isEmpty();
}

void AttachmentUploader::run()
{
    if (m_job)
        return; // idle() follows when the current one and what is due after it are done
    startNext();
}

void AttachmentUploader::retryNow()
{
    if (!AttachmentRepository(m_db).retryNow(m_clock.nowMs()))
        qCWarning(lcUpload) << "could not reset the retry times of uploads";
    run();
}

void AttachmentUploader::startNext()
{
    if (m_job)
        return; // run() started one between endJob() and this call: one upload at a time
    const auto ready = !m_api->hasAccessToken()
                           ? QList<PendingUpload>()
                           : AttachmentRepository(m_db).pendingUploads(m_clock.nowMs(), 1);
    if (ready.isEmpty()) {
        schedule();
        Q_EMIT idle();
        return;
    }
    m_job = std::make_unique<Job>();
    m_job->upload = ready.first();
    begin();
}

void AttachmentUploader::begin()
{
    QString error;
    const Attachment &a = m_job->upload.attachment;
    m_job->bytes = AttachmentRepository(m_db).content(a.id, &error);
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(m_job->bytes, QCryptographicHash::Sha256).toHex());
    if (m_job->bytes.isEmpty() || hash != a.sha256) {
        fail(tr("The copy of %1 kept on this PC cannot be read; please add the file again.").arg(a.name));
        return;
    }
    if (m_job->upload.uploaded > 0)
        askWhereItStands(); // bytes went before a restart: the server says how many it holds
    else
        create();
}

void AttachmentUploader::askWhereItStands()
{
    ApiReply *reply = m_api->send("GET", uploadPath(m_job->upload.attachment.id, "/upload"));
    connect(reply, &ApiReply::finished, this, [this](const ApiResult &r) {
        const qint64 received = receivedIn(r);
        if (r.ok() && received >= 0) {
            qCInfo(lcUpload).noquote()
                << "resuming upload" << m_job->upload.attachment.id << "at byte" << received;
            m_job->offset = received;
            sendChunk();
        } else if (r.status == 404 || r.status == 410 || storedAlready(r)) {
            // Dropped unfinished: start it again; or completed before this PC kept the answer (a kill
            // after the last request): the create's answer is the stored record.
            create();
        } else {
            retryLater(r);
        }
    });
}

void AttachmentUploader::create()
{
    const Attachment &a = m_job->upload.attachment;
    QJsonObject body{{u"id"_s, a.id}, {u"name"_s, a.name}, {u"size"_s, a.size}, {u"sha256"_s, a.sha256}};
    if (!a.eventId.isEmpty())
        body.insert(u"event_id"_s, a.eventId);
    if (a.evidence)
        body.insert(u"evidence"_s, toCode(*a.evidence));
    ApiReply *reply =
        m_api->send("POST", u"/api/v1/tickets/"_s + ApiClient::pathSegment(a.ticketId) + u"/attachments"_s,
                    QJsonDocument(body), {{"Idempotency-Key", a.id.toLatin1()}});
    connect(reply, &ApiReply::finished, this, &AttachmentUploader::onCreated);
}

void AttachmentUploader::onCreated(const ApiResult &r)
{
    if (!m_job)
        return;
    const QJsonObject o = r.object();
    if (r.ok() && o.value(u"attachment"_s).isObject()) {
        if (storeRecord(o.value(u"attachment"_s).toObject())) // stored before (a retry after a lost answer)
            endJob();
        return;
    }
    if (r.ok()) {
        m_job->offset = qBound<qint64>(0, o.value(u"received"_s).toInteger(0), m_job->upload.attachment.size);
        const qint64 chunk = o.value(u"chunk_size"_s).toInteger(kDefaultChunkBytes);
        m_job->chunkBytes = chunk > 0 ? chunk : kDefaultChunkBytes;
        if (m_job->offset > 0)
            qCInfo(lcUpload).noquote()
                << "resuming upload" << m_job->upload.attachment.id << "at byte" << m_job->offset;
        sendChunk();
    } else if (r.status == 413 || r.status == 415 || r.status == 403 || r.status == 409 || r.status == 422) {
        fail(serverReason(r)); // 409: the id is taken by another file (another ticket, size or checksum)
    } else {
        retryLater(r); // network, 5xx, 429, 404 (the ticket is not on the server yet)
    }
}

void AttachmentUploader::sendChunk()
{
    const qint64 size = m_job->upload.attachment.size;
    Q_EMIT progress(m_job->upload.attachment.ticketId, m_job->upload.attachment.id, m_job->offset, size);
    if (m_job->offset >= size) {
        complete();
        return;
    }
    const auto put = [this] {
        if (!m_job)
            return;
        const QByteArray chunk = m_job->bytes.mid(m_job->offset, m_job->chunkBytes);
        ApiReply *reply = m_api->sendBytes("PUT",
                                           uploadPath(m_job->upload.attachment.id, "/upload") +
                                               u"?offset="_s + QString::number(m_job->offset),
                                           chunk);
        connect(reply, &ApiReply::finished, this, &AttachmentUploader::onChunk);
    };
    if (m_chunkDelayMs > 0)
        QTimer::singleShot(m_chunkDelayMs, this, put);
    else
        put();
}

void AttachmentUploader::onChunk(const ApiResult &r)
{
    if (!m_job)
        return;
    const qint64 received = receivedIn(r);
    if (storedAlready(r)) {
        create(); // the record, from the create's answer
    } else if ((r.ok() || r.status == 409) && received >= 0) {
        // 409 offset_mismatch: the server holds other bytes than we thought; go on from there.
        if (r.status == 409)
            qCInfo(lcUpload) << "offset mismatch: the server holds" << received << "bytes";
        m_job->offset = qBound<qint64>(0, received, m_job->upload.attachment.size);
        if (!AttachmentRepository(m_db).markUploaded(m_job->upload.attachment.id, m_job->offset))
            qCWarning(lcUpload) << "could not record an upload's progress";
        sendChunk();
    } else if (r.status == 404 || r.status == 410) {
        create(); // the unfinished upload expired on the server
    } else if (r.status == 413 || r.status == 415 || r.status == 403 || r.status == 422) {
        fail(serverReason(r));
    } else {
        retryLater(r);
    }
}

void AttachmentUploader::complete()
{
    ApiReply *reply = m_api->send("POST", uploadPath(m_job->upload.attachment.id, "/complete"));
    connect(reply, &ApiReply::finished, this, &AttachmentUploader::onCompleted);
}

void AttachmentUploader::onCompleted(const ApiResult &r)
{
    if (!m_job)
        return;
    const QJsonObject o = r.object();
    if (r.ok()) {
        if (storeRecord(o.value(u"attachment"_s).isObject() ? o.value(u"attachment"_s).toObject() : o))
            endJob();
    } else if (r.status == 422 && r.errorCode == u"checksum_mismatch"_s && !m_job->restarted) {
        qCWarning(lcUpload) << "the server's checksum differs: sending the file again from the start";
        m_job->restarted = true;
        m_job->offset = 0;
        (void)AttachmentRepository(m_db).markUploaded(m_job->upload.attachment.id, 0);
        create();
    } else if (storedAlready(r)) {
        create(); // completed by an earlier request whose answer was lost: the create answers the record
    } else if (r.status == 409) {
        const qint64 received = receivedIn(r);
        m_job->offset = received >= 0 ? received : 0; // incomplete on the server: send the rest
        sendChunk();
    } else if (r.status >= 400 && r.status < 500 && r.status != 404 && r.status != 408 && r.status != 429) {
        fail(serverReason(r));
    } else {
        retryLater(r);
    }
}

bool AttachmentUploader::storeRecord(const QJsonObject &record)
{
    const auto kept = Attachment::fromJson(record);
    // The evidence tag was changed on this PC after the create carried the old one: the server gets it
    // before the record is kept, which then comes from its answer (docs/attachments.md).
    if (kept && m_job && !m_job->evidenceSent) {
        const auto local = AttachmentRepository(m_db).view(kept->id);
        if (local && local->state != AttachmentState::Stored &&
            local->attachment.evidence != kept->evidence) {
            m_job->evidenceSent = true;
            sendEvidence(*kept, local->attachment.evidence);
            return false;
        }
    }
    QString error;
    if (!kept || !AttachmentRepository(m_db).markStored(*kept, &error)) {
        qCWarning(lcUpload) << "the server stored a file but its record could not be kept:" << error;
        ApiResult r;
        r.errorMessage = error;
        retryLater(r);
        return false;
    }
    (void)AttachmentRepository(m_db).purgeFiles();
    qCInfo(lcUpload).noquote() << "upload" << kept->id << "stored," << kept->size << "bytes";
    Q_EMIT stored(*kept);
    return true;
}

void AttachmentUploader::sendEvidence(const Attachment &stored, std::optional<EvidenceKind> evidence)
{
    ApiReply *reply = AttachmentsApi(m_api).setEvidence(stored.id, evidence);
    connect(reply, &ApiReply::finished, this, [this, stored](const ApiResult &r) {
        if (!m_job)
            return;
        if (r.ok()) {
            if (storeRecord(r.object()))
                endJob();
        } else if (r.status >= 400 && r.status < 500 && r.status != 408 && r.status != 429) {
            // Refused for good (the author may no longer edit the ticket): the server's tag stays.
            qCWarning(lcUpload).noquote()
                << "the server refused the evidence tag of" << stored.id << "-" << r.errorMessage;
            if (storeRecord(stored.toJson()))
                endJob();
        } else {
            m_job->evidenceSent = false;
            retryLater(r); // the next attempt finds the file stored and sends the tag again
        }
    });
}

void AttachmentUploader::retryLater(const ApiResult &r)
{
    const qint64 wait = r.retryAfterMs >= 0 ? r.retryAfterMs : m_backoffMs(m_job->upload.attempts);
    const QString reason = r.errorMessage.isEmpty() ? tr("HTTP %1").arg(r.status) : r.errorMessage;
    qCInfo(lcUpload).noquote() << "upload" << m_job->upload.attachment.id << "waits" << wait
                               << "ms:" << reason;
    if (!AttachmentRepository(m_db).markRetry(m_job->upload.attachment.id, reason, m_clock.nowMs() + wait))
        qCWarning(lcUpload) << "could not record an upload's retry";
    endJob();
}

void AttachmentUploader::fail(const QString &message)
{
    const Attachment a = m_job->upload.attachment;
    QString error;
    if (!AttachmentRepository(m_db).markFailed(a.id, message, &error))
        qCWarning(lcUpload) << "could not record a refused upload:" << error;
    qCInfo(lcUpload).noquote() << "upload" << a.id << "failed:" << message;
    Q_EMIT failed(a.ticketId, a.id, message);
    endJob();
}

void AttachmentUploader::endJob()
{
    if (m_job && !m_job->bytes.isEmpty())
        m_job->bytes.fill('\0'); // the clear bytes do not linger in freed memory
    m_job.reset();
    QTimer::singleShot(0, this, &AttachmentUploader::startNext);
}

void AttachmentUploader::schedule()
{
    // Only a back-off in the future wakes the timer: a file that waits for its ticket's outbox is started by
    // the engine after the push (run()).
    const auto next = AttachmentRepository(m_db).nextUploadAt();
    if (!next || *next <= m_clock.nowMs()) {
        m_timer->stop();
        return;
    }
    m_timer->start(int(qBound<qint64>(0, *next - m_clock.nowMs(), qint64(5 * 60 * 1000))));
}

bool AttachmentUploader::storedAlready(const ApiResult &r)
{
    return r.status == 409 && r.errorCode == u"upload_complete"_s;
}

QString AttachmentUploader::serverReason(const ApiResult &r)
{
    const QString message = r.errorMessage.isEmpty() ? tr("HTTP %1").arg(r.status) : r.errorMessage;
    return tr("The server refused the file: %1").arg(message);
}

} // namespace pd
