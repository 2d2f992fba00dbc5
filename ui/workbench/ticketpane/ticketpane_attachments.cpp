// The pane's side of attachments (issue 22): adding files (dialog, drop, pasted picture), the Files strip and
// the evidence checklist, tags, the photo viewer and downloads on demand. Writes go through
// AttachmentRepository (the cache's copy and the pending upload in one transaction); then edited() lets the
// main window push, which starts the uploader.
#include "attachmentlistmodel.h"
#include "attachmentspanel.h"
#include "composer.h"
#include "conversationview.h"
#include "imageviewer.h"
#include "models/domain/clock.h"
#include "sync/api/attachmentsapi.h"
#include "ticketpane.h"
#include "ui/common/serverlink.h"

#include <QBuffer>
#include <QDateTime>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &u : mime->urls())
        if (u.isLocalFile())
            paths.append(u.toLocalFile());
    return paths;
}

// What the conversation shows of the files: re-rendered only when this changes (not at every upload chunk).
QString conversationKey(const QList<AttachmentView> &views)
{
    QStringList parts;
    for (const AttachmentView &v : views)
        if (!v.attachment.eventId.isEmpty())
            parts << v.attachment.id << v.attachment.eventId << v.localPath;
    return parts.join(u'|');
}

} // namespace

ImageViewer *TicketPane::imageViewer() const
{
    return m_viewer;
}

void TicketPane::connectAttachments()
{
    setAcceptDrops(true);
    const AttachmentContent content = [this](const QString &id) {
        return AttachmentRepository(m_db).content(id);
    };
    m_files->model()->setContent(content);
    m_conversation->setAttachmentContent(content);
    connect(m_files, &AttachmentsPanel::addFilesRequested, this, &TicketPane::chooseFiles);
    connect(m_files, &AttachmentsPanel::evidenceChosen, this, &TicketPane::tagEvidence);
    connect(m_files, &AttachmentsPanel::activated, this, &TicketPane::openAttachment);
    connect(m_conversation, &ConversationView::attachmentActivated, this, &TicketPane::openAttachment);
    connect(m_composer, &Composer::imagePasted, this,
            [this](Composer::Box, const QImage &image) { attachImage(image); });
    connect(m_composer, &Composer::filesDropped, this,
            [this](Composer::Box, const QStringList &paths) { addFiles(paths); });
}

bool TicketPane::canAttach(QString *reason) const
{
    if (!m_ticket) {
        *reason = tr("Choose a ticket first.");
        return false;
    }
    // Files go with notes and replies: whoever may add an internal note may add evidence (not managers).
    const ActionCheck check = PaneActionRules::check(PaneAction::Note, m_user, *m_ticket, m_inConflict);
    *reason = check.reason;
    return check.allowed;
}

void TicketPane::loadAttachments()
{
    if (!m_ticket) {
        m_filesTicketId.clear();
        m_attachmentViews.clear();
        m_conversation->setAttachments({});
        m_files->setAttachments({});
        m_files->setChecklist({}, {});
        m_files->showMessage(QString());
        m_files->setAllowed(false, tr("Choose a ticket first."));
        return;
    }
    const AttachmentRepository repo(m_db);
    if (m_filesTicketId != m_ticketId)
        m_files->showMessage(QString()); // a refusal belongs to the ticket it was said on
    m_filesTicketId = m_ticketId;
    m_attachmentViews = repo.forTicket(m_ticketId);
    m_conversation->setAttachments(m_attachmentViews);
    m_files->setAttachments(m_attachmentViews);
    m_files->setChecklist(evidenceChecklist(m_ticket->category), repo.evidenceOf(m_ticketId));
    QString reason;
    const bool allowed = canAttach(&reason);
    m_files->setAllowed(allowed, reason);
    if (m_viewer)
        for (const AttachmentView &v : std::as_const(m_attachmentViews))
            if (!v.localPath.isEmpty())
                m_viewer->setPath(v.attachment.id, v.localPath);
    requestDownloads();
}

void TicketPane::requestDownloads()
{
    // Photos of the ticket on screen are fetched at once (a ticket holds a few dozen files at most); other
    // files when opened.
    if (!isVisible())
        return;
    for (const AttachmentView &v : std::as_const(m_attachmentViews)) {
        if (v.state != AttachmentState::Stored || !v.localPath.isEmpty() ||
            !AttachmentThumbnails::isImage(v) || m_downloadsAsked.contains(v.attachment.id))
            continue;
        m_downloadsAsked.insert(v.attachment.id);
        Q_EMIT downloadRequested(v.attachment.id);
    }
}

void TicketPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    requestDownloads();
}

void TicketPane::attachmentsChanged(const QString &ticketId)
{
    if (!m_ticket || ticketId != m_ticketId)
        return;
    const QString before = conversationKey(m_attachmentViews);
    loadAttachments();
    if (conversationKey(m_attachmentViews) != before) {
        QScrollBar *bar = m_conversation->verticalScrollBar();
        const int at = bar->value();
        m_conversation->showTimeline(*m_ticket, m_events);
        bar->setValue(at);
    }
    if (!m_openWhenDownloaded.isEmpty()) {
        for (const AttachmentView &v : std::as_const(m_attachmentViews)) {
            if (v.attachment.id == m_openWhenDownloaded && !v.localPath.isEmpty()) {
                m_openWhenDownloaded.clear();
                openWithSystem(v);
                break;
            }
        }
    }
}

bool TicketPane::addFiles(const QStringList &paths)
{
    QString reason;
    if (!canAttach(&reason)) {
        m_files->showMessage(reason);
        return false;
    }
    AttachmentRepository repo(m_db);
    qint64 ticketBytes = 0;
    for (const AttachmentView &v : std::as_const(m_attachmentViews))
        if (v.state != AttachmentState::Failed)
            ticketBytes += v.attachment.size;
    const auto size = AttachmentThumbnails::sizeText;
    QStringList refusals;
    int added = 0;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        // Refused here before anything is copied: the server would refuse it anyway (413), after the upload.
        if (info.isDir()) {
            refusals << tr("%1 is a folder: add the files in it instead.").arg(info.fileName());
        } else if (ticketBytes + info.size() > kDefaultMaxTicketAttachmentBytes) {
            refusals << tr("%1 was not added: the ticket's files would pass %2 together.")
                            .arg(info.fileName(), size(kDefaultMaxTicketAttachmentBytes));
        } else {
            QString error;
            if (repo.stage(m_ticketId, path, m_user.id, m_clock.nowMs(), std::nullopt, QString(), &error)) {
                ++added;
                ticketBytes += info.size();
            } else {
                refusals << error; // the repository's words: "外箱.mp4 is larger than 20 MB and cannot be
                                   // attached."
            }
        }
    }
    if (added > 0)
        afterWrite(); // the strip shows the new files; edited() lets the main window start the upload
    m_files->showMessage(refusals.join(u'\n'));
    return added > 0;
}

bool TicketPane::attachImage(const QImage &image)
{
    QString reason;
    if (!canAttach(&reason)) {
        m_files->showMessage(reason);
        return false;
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        m_files->showMessage(tr("The pasted picture could not be read."));
        return false;
    }
    const Instant now = m_clock.nowMs();
    const QString name =
        u"pasted-%1.png"_s.arg(QDateTime::fromMSecsSinceEpoch(now, m_zone).toString(u"yyyyMMdd-HHmmss"_s));
    QString error;
    if (!AttachmentRepository(m_db).stageBytes(m_ticketId, png, name, m_user.id, now, std::nullopt, QString(),
                                               &error)) {
        m_files->showMessage(tr("The pasted picture was not added: %1").arg(error));
        return false;
    }
    m_files->showMessage(QString());
    afterWrite();
    return true;
}

void TicketPane::chooseFiles()
{
    QString reason;
    if (!canAttach(&reason))
        return m_files->showMessage(reason);
    QSettings settings;
    const QString dir = settings.value(u"workbench/attachmentsDir"_s).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add files to the ticket"), dir,
        tr("Photos, PDFs and videos (%1);;All files (*)")
            .arg(u"*.jpg *.jpeg *.png *.gif *.webp *.heic *.pdf *.mp4 *.mov"_s));
    if (paths.isEmpty())
        return;
    settings.setValue(u"workbench/attachmentsDir"_s, QFileInfo(paths.constFirst()).absolutePath());
    addFiles(paths);
}

bool TicketPane::tagEvidence(const QString &attachmentId, std::optional<EvidenceKind> kind)
{
    QString reason;
    if (!canAttach(&reason)) {
        m_files->showMessage(reason);
        return false;
    }
    const auto view = AttachmentRepository(m_db).view(attachmentId);
    if (view && view->state == AttachmentState::Stored)
        return tagStoredEvidence(*view, kind);
    QString error;
    if (!AttachmentRepository(m_db).setEvidence(attachmentId, kind, &error)) {
        m_files->showMessage(error);
        return false;
    }
    m_files->showMessage(QString());
    afterWrite();
    return true;
}

bool TicketPane::tagStoredEvidence(const AttachmentView &view, std::optional<EvidenceKind> kind)
{
    // A stored file's record is the server's: the tag is changed there at once (PATCH /attachments/{id}),
    // not through the outbox, and the cache takes the server's answer. Offline or refused, nothing changes
    // here and the strip says why (docs/attachments.md, "Changing the evidence tag").
    const QString name = view.attachment.name;
    if (!m_link || !m_link->hasClient()) {
        m_files->showMessage(
            tr("The evidence tag of %1 is kept on the server: try again when connected.").arg(name));
        return false;
    }
    const QString attachmentId = view.attachment.id;
    const QString ticketId = view.attachment.ticketId;
    m_files->showMessage(tr("Changing the evidence tag of %1…").arg(name));
    m_link->call(
        [attachmentId, kind](ApiClient *c) { return AttachmentsApi(c).setEvidence(attachmentId, kind); },
        this,
        [this, name, ticketId](const ApiResult &r) {
            const auto record = r.ok() ? Attachment::fromJson(r.object()) : std::nullopt;
            QString error;
            if (!r.ok())
                error = tr("The evidence tag of %1 was not changed: %2").arg(name, r.errorMessage);
            else if (!record || !AttachmentRepository(m_db).upsert({*record}, &error))
                error = tr("The evidence tag of %1 was changed on the server; this PC shows it "
                           "after the next sync.")
                            .arg(name);
            if (ticketId == m_ticketId)
                m_files->showMessage(error);
            attachmentsChanged(ticketId);
        });
    return true;
}

void TicketPane::openAttachment(const QString &attachmentId)
{
    QList<ImageViewer::Image> images;
    int current = -1;
    for (const AttachmentView &v : std::as_const(m_attachmentViews)) {
        if (v.attachment.id == attachmentId && !AttachmentThumbnails::isImage(v)) {
            if (!v.localPath.isEmpty())
                return openWithSystem(v);
            m_openWhenDownloaded = attachmentId; // opened once its copy is here (attachmentsChanged)
            showNotice(tr("Downloading %1…").arg(v.attachment.name));
            Q_EMIT downloadRequested(attachmentId);
            return;
        }
        if (!AttachmentThumbnails::isImage(v))
            continue;
        if (v.attachment.id == attachmentId)
            current = int(images.size());
        images.append({v.attachment.id, v.attachment.name, v.localPath});
    }
    if (current < 0)
        return;
    if (!m_viewer) {
        m_viewer = new ImageViewer(this);
        m_viewer->setAttribute(Qt::WA_DeleteOnClose);
        m_viewer->setContent([this](const QString &id) { return AttachmentRepository(m_db).content(id); });
        connect(m_viewer, &ImageViewer::downloadRequested, this, &TicketPane::downloadRequested);
    }
    m_viewer->setImages(images, current);
    m_viewer->open();
}

void TicketPane::openWithSystem(const AttachmentView &view)
{
    // The cached copy is encrypted: another program gets a clear copy in a private temporary folder, which
    // lives as long as the pane (the person may keep the PDF open a while).
    if (!m_openedFiles || !m_openedFiles->isValid())
        m_openedFiles = std::make_unique<QTemporaryDir>();
    const QString name = QFileInfo(view.attachment.name).fileName();
    const QString target = m_openedFiles->filePath(u"%1-%2"_s.arg(view.attachment.id.left(8), name));
    QString error;
    if (!AttachmentRepository(m_db).exportTo(view.attachment.id, target, &error))
        return showError(error);
    QDesktopServices::openUrl(QUrl::fromLocalFile(target));
}

bool TicketPane::acceptsDrop(const QMimeData *mime) const
{
    return m_ticket && (mime->hasImage() || !localFiles(mime).isEmpty());
}

void TicketPane::dragEnterEvent(QDragEnterEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
}

void TicketPane::dragMoveEvent(QDragMoveEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
}

void TicketPane::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (!acceptsDrop(mime))
        return;
    event->acceptProposedAction();
    const QStringList paths = localFiles(mime);
    if (!paths.isEmpty())
        addFiles(paths);
    else
        attachImage(qvariant_cast<QImage>(mime->imageData()));
}

} // namespace pd
