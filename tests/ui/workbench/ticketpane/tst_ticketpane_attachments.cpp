// Attachments in the ticket pane (issue 22), offscreen over a real SQLite cache: a picture pasted into the
// reply box becomes a staged PNG file of the ticket, shown in the Files strip and, with a reply's files, in
// the conversation; the viewer shows it, zooms, rotates and walks the ticket's photos; the evidence checklist
// of a damage complaint ticks "outer box" once a file is tagged so, and the workbench's "Evidence incomplete"
// query follows; a refused upload shows the server's reason; a 21 MB file is refused and nothing is added.
#include "models/store/attachmentrepository.h"
#include "panefixture.h"
#include "ui/common/language.h"
#include "ui/workbench/ticketpane/attachmentlistmodel.h"
#include "ui/workbench/ticketpane/attachmentspanel.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/conversationview.h"
#include "ui/workbench/ticketpane/imageviewer.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/revealdialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestTicketPaneAttachments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pastedImageIsStagedAndShown();
    void viewerZoomsRotatesAndWalks();
    void checklistTicksTaggedEvidence();
    void refusedUploadShowsTheServersReason();
    void fileOverTheLimitIsRefused();
    void replyFilesShowInTheConversation();

private:
    /// A picture with a colour of its own and a mark in one corner (so a rotation or a mix-up shows).
    [[nodiscard]] static QImage picture(const QColor &colour, QSize size = {64, 48});
    [[nodiscard]] static QImage argb(const QImage &img) { return img.convertToFormat(QImage::Format_ARGB32); }
    std::unique_ptr<TicketPane> openPane(PaneCache &c, Category category);
    static void paste(TicketPane &pane, const QImage &image);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_files;
    const QTimeZone m_zone{"Asia/Shanghai"};
};

void TestTicketPaneAttachments::initTestCase()
{
    isolateSettings(m_settingsDir.path());
    QVERIFY(Language::apply(u"en"_s));
    QVERIFY(m_files.isValid());
}

QImage TestTicketPaneAttachments::picture(const QColor &colour, QSize size)
{
    QImage img(size, QImage::Format_ARGB32);
    img.fill(colour);
    QPainter p(&img);
    p.fillRect(0, 0, 8, 8, Qt::white);
    return img;
}

std::unique_ptr<TicketPane> TestTicketPaneAttachments::openPane(PaneCache &c, Category category)
{
    Ticket t = c.ticket(1, TicketStatus::Open, c.agent1.id);
    t.category = category;
    c.put(t);
    auto pane = std::make_unique<TicketPane>(*c.db, c.clock, m_zone);
    pane->setCurrentUser(c.agent1);
    pane->showTicket(t.id);
    pane->resize(560, 900);
    pane->show();
    if (!QTest::qWaitForWindowExposed(pane.get()))
        return nullptr;
    return pane;
}

void TestTicketPaneAttachments::paste(TicketPane &pane, const QImage &image)
{
    // Through the clipboard and the reply box's own paste, as Ctrl+V does.
    auto *mime = new QMimeData;
    mime->setImageData(image);
    mime->setText(u"image.png"_s); // a chat program's clipboard carries text beside the picture
    QApplication::clipboard()->setMimeData(mime);
    QPlainTextEdit *reply = pane.composer()->editor(Composer::Box::Reply);
    reply->setFocus();
    reply->paste();
}

void TestTicketPaneAttachments::pastedImageIsStagedAndShown()
{
    PaneCache c;
    auto pane = openPane(c, Category::Damage);
    QVERIFY(pane);
    QSignalSpy edited(pane.get(), &TicketPane::edited);
    AttachmentListModel *model = pane->attachments()->model();
    QCOMPARE(model->rowCount(), 0);

    const QImage red = picture(QColor(200, 30, 40));
    paste(*pane, red);

    QCOMPARE(model->rowCount(), 1);
    QVERIFY2(pane->composer()->editor(Composer::Box::Reply)->toPlainText().isEmpty(),
             "the picture is attached, not typed as its name");
    const QModelIndex row = model->index(0);
    QVERIFY2(row.data().toString().startsWith(u"pasted-"_s) && row.data().toString().endsWith(u".png"_s),
             qPrintable(row.data().toString()));
    QVERIFY(row.data(AttachmentListModel::IsImageRole).toBool());
    QCOMPARE(AttachmentState(row.data(AttachmentListModel::StateRole).toInt()), AttachmentState::Queued);
    QVERIFY(pane->attachments()->view()->isVisible());
    QCOMPARE(edited.size(), 1); // the main window pushes: the uploader picks it up

    // The cache holds it: a staged file on disk whose clear bytes are the picture as PNG.
    const AttachmentRepository repo(*c.db);
    const QList<AttachmentView> views = repo.forTicket(u"t-1"_s);
    QCOMPARE(views.size(), 1);
    const AttachmentView &v = views.constFirst();
    QCOMPARE(v.attachment.id, row.data(AttachmentListModel::IdRole).toString());
    QVERIFY(v.attachment.eventId.isEmpty()); // on its own: the reply has no event id before it is sent
    QVERIFY2(QFileInfo::exists(v.localPath), qPrintable(v.localPath));
    QString error;
    const QByteArray bytes = repo.content(v.attachment.id, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    QVERIFY(bytes.startsWith("\x89PNG"));
    QCOMPARE(v.attachment.size, bytes.size());
    QCOMPARE(v.attachment.sha256,
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(argb(QImage::fromData(bytes, "PNG")), argb(red));

    // The thumbnail is the picture (red where the corner mark is not), not the placeholder.
    const QImage thumb = qvariant_cast<QImage>(row.data(Qt::DecorationRole));
    QVERIFY(!thumb.isNull());
    const QColor centre = thumb.pixelColor(thumb.width() / 2, thumb.height() / 2);
    QVERIFY2(centre.red() > 180 && centre.green() < 60, qPrintable(centre.name()));
}

void TestTicketPaneAttachments::viewerZoomsRotatesAndWalks()
{
    PaneCache c;
    auto pane = openPane(c, Category::Damage);
    QVERIFY(pane);
    const QImage red = picture(QColor(200, 30, 40), {320, 200});
    const QImage blue = picture(QColor(20, 40, 210), {120, 160});
    paste(*pane, red);
    c.clock.advance(kMinute); // the strip lists oldest first
    // A PDF between the two photos: in the strip, not in the viewer's walk.
    const QString pdf = m_files.filePath(u"invoice.pdf"_s);
    {
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    }
    QVERIFY(pane->addFiles({pdf}));
    c.clock.advance(kMinute);
    paste(*pane, blue);
    AttachmentListModel *model = pane->attachments()->model();
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(!model->index(1).data(AttachmentListModel::IsImageRole).toBool());
    // The strip and the checklist never widen the pane (tst_workbench_table keeps every column at 1600 px).
    QVERIFY(pane->attachments()->view()->isVisible() && pane->attachments()->checklistLabel()->isVisible());
    const int withFiles = pane->minimumSizeHint().width();
    pane->attachments()->hide();
    const int withoutFiles = pane->minimumSizeHint().width();
    pane->attachments()->show();
    QCOMPARE(withFiles, withoutFiles);

    // Enter on the first thumbnail opens the viewer on it.
    QListView *strip = pane->attachments()->view();
    strip->setFocus();
    strip->setCurrentIndex(model->index(0));
    QTest::keyClick(strip, Qt::Key_Return);
    QPointer<ImageViewer> viewer = pane->imageViewer();
    QVERIFY(viewer);
    QTRY_VERIFY(QApplication::activeWindow() == viewer.data()); // the keys go to the viewer at once
    QCOMPARE(viewer->count(), 2);
    QCOMPARE(viewer->currentIndex(), 0);
    QCOMPARE(argb(viewer->shownImage()), argb(red));
    QVERIFY2(viewer->captionLabel()->text().contains(u"1 of 2"_s),
             qPrintable(viewer->captionLabel()->text()));

    // + zooms in, − out, 0 fits again; R turns the view a quarter (the transform's matrix shows it).
    const QTransform fitted = viewer->view()->transform();
    QTest::keyClick(viewer, Qt::Key_Plus);
    QVERIFY2(viewer->view()->transform().m11() > fitted.m11() * 1.2,
             qPrintable(u"%1 → %2"_s.arg(fitted.m11()).arg(viewer->view()->transform().m11())));
    QTest::keyClick(viewer, Qt::Key_Minus);
    QTest::keyClick(viewer, Qt::Key_Minus);
    QVERIFY(viewer->view()->transform().m11() < fitted.m11());
    QTest::keyClick(viewer, Qt::Key_0);
    QVERIFY(qFuzzyCompare(viewer->view()->transform().m11(), fitted.m11()));
    QCOMPARE(viewer->view()->transform().m12(), 0.0);
    QTest::keyClick(viewer, Qt::Key_R);
    QCOMPARE(viewer->rotation(), 90);
    const QTransform turned = viewer->view()->transform();
    QVERIFY2(qAbs(turned.m11()) < 1e-9 && turned.m12() > 0,
             qPrintable(u"m11 %1 m12 %2"_s.arg(turned.m11()).arg(turned.m12())));
    // Ctrl and the wheel zoom too.
    const double before = viewer->zoom();
    QWheelEvent wheel(QPointF(50, 50), viewer->view()->viewport()->mapToGlobal(QPointF(50, 50)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewer->view()->viewport(), &wheel);
    QVERIFY(viewer->zoom() > before);

    // → the next photo (the PDF is skipped), ← back; the buttons say where the walk ends.
    QTest::keyClick(viewer, Qt::Key_Right);
    QCOMPARE(viewer->currentIndex(), 1);
    QCOMPARE(argb(viewer->shownImage()), argb(blue));
    QCOMPARE(viewer->rotation(), 0); // each photo starts upright and fitted
    QTest::keyClick(viewer, Qt::Key_Right);
    QCOMPARE(viewer->currentIndex(), 1);
    QTest::keyClick(viewer, Qt::Key_Left);
    QCOMPARE(viewer->currentIndex(), 0);
    QCOMPARE(argb(viewer->shownImage()), argb(red));

    QTest::keyClick(viewer, Qt::Key_Escape);
    QTRY_VERIFY(!viewer || !viewer->isVisible());
}

void TestTicketPaneAttachments::checklistTicksTaggedEvidence()
{
    PaneCache c;
    auto pane = openPane(c, Category::Damage);
    QVERIFY(pane);
    AttachmentsPanel *files = pane->attachments();
    QCOMPARE(files->checklist().size(), 3);
    for (const auto &item : files->checklist())
        QVERIFY(!item.present);
    QVERIFY(files->checklistLabel()->isVisible());
    QVERIFY2(files->checklistLabel()->text().contains(u"✖ Outer box (missing)"_s),
             qPrintable(files->checklistLabel()->text()));

    // The workbench filter: a damage complaint without its evidence is incomplete; a delay complaint never
    // is.
    Ticket delay = c.ticket(2, TicketStatus::Open, c.agent1.id);
    c.put(delay);
    TicketQuery incomplete;
    incomplete.evidenceIncomplete = true;
    const auto ids = [&c](const TicketQuery &q) {
        QStringList out;
        for (const TicketRow &r : TicketRepository(*c.db).query(q).rows)
            out.append(r.ticket.id);
        return out;
    };
    QCOMPARE(ids(incomplete), QStringList{u"t-1"_s});

    paste(*pane, picture(Qt::darkYellow));
    QCOMPARE(files->model()->rowCount(), 1);
    files->view()->setCurrentIndex(files->model()->index(0));
    QVERIFY(files->evidenceButton()->isEnabled());
    QAction *outerBox = nullptr;
    for (QAction *a : files->evidenceMenu()->actions())
        if (a->data().toString() == u"outer_box"_s)
            outerBox = a;
    QVERIFY(outerBox);
    QCOMPARE(outerBox->text(), u"Outer box"_s);
    outerBox->trigger();

    QCOMPARE(AttachmentRepository(*c.db).evidenceOf(u"t-1"_s), QList<EvidenceKind>{EvidenceKind::OuterBox});
    int ticked = 0;
    for (const auto &item : files->checklist())
        ticked += item.present ? 1 : 0;
    QCOMPARE(ticked, 1);
    QVERIFY(files->checklist().constFirst().present); // outer box, the first item
    QVERIFY2(files->checklistLabel()->text().contains(u"✔ Outer box"_s),
             qPrintable(files->checklistLabel()->text()));
    QCOMPARE(files->model()->index(0).data(AttachmentListModel::EvidenceRole).toString(), u"outer_box"_s);
    QCOMPARE(ids(incomplete), QStringList{u"t-1"_s}); // goods and label still missing

    // Goods and label too: complete, out of the filter.
    AttachmentRepository repo(*c.db);
    QString error;
    for (EvidenceKind k : {EvidenceKind::Goods, EvidenceKind::Label}) {
        const auto a =
            repo.stageBytes(u"t-1"_s, "bytes", u"x.jpg"_s, c.agent1.id, kNow, k, QString(), &error);
        QVERIFY2(a, qPrintable(error));
    }
    pane->attachmentsChanged(u"t-1"_s);
    for (const auto &item : files->checklist())
        QVERIFY(item.present);
    QVERIFY(ids(incomplete).isEmpty());

    // A delay complaint asks for nothing: no checklist.
    pane->showTicket(delay.id);
    QVERIFY(files->checklist().isEmpty());
    QVERIFY(!files->checklistLabel()->isVisible());
}

void TestTicketPaneAttachments::refusedUploadShowsTheServersReason()
{
    PaneCache c;
    auto pane = openPane(c, Category::Loss);
    QVERIFY(pane);
    QCOMPARE(pane->attachments()->checklist().size(), 1); // proof of value
    paste(*pane, picture(Qt::green));
    const QString id = pane->attachments()->model()->index(0).data(AttachmentListModel::IdRole).toString();
    QString error;
    QVERIFY2(
        AttachmentRepository(*c.db).markFailed(id, u"unsupported_type: not a photo, PDF or video"_s, &error),
        qPrintable(error));
    pane->attachmentsChanged(u"t-1"_s);
    QLabel *line = pane->attachments()->errorLabel();
    QVERIFY(line->isVisible());
    QVERIFY2(line->text().contains(u"was not sent: unsupported_type: not a photo, PDF or video"_s),
             qPrintable(line->text()));
    QCOMPARE(
        AttachmentState(pane->attachments()->model()->index(0).data(AttachmentListModel::StateRole).toInt()),
        AttachmentState::Failed);
}

void TestTicketPaneAttachments::fileOverTheLimitIsRefused()
{
    PaneCache c;
    auto pane = openPane(c, Category::Damage);
    QVERIFY(pane);
    QSignalSpy edited(pane.get(), &TicketPane::edited);
    const int outbox = c.outboxCount();
    const QString big = m_files.filePath(u"开箱视频.mp4"_s);
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(21LL * 1024 * 1024));
    }
    QVERIFY(!pane->addFiles({big}));
    QLabel *line = pane->attachments()->errorLabel();
    QVERIFY(line->isVisible());
    QVERIFY2(line->text().contains(u"开箱视频.mp4"_s) && line->text().contains(u"20 MB"_s),
             qPrintable(line->text()));
    QCOMPARE(pane->attachments()->model()->rowCount(), 0);
    QVERIFY(AttachmentRepository(*c.db).forTicket(u"t-1"_s).isEmpty());
    QCOMPARE(edited.size(), 0);
    QCOMPARE(c.outboxCount(), outbox);
}

void TestTicketPaneAttachments::replyFilesShowInTheConversation()
{
    PaneCache c;
    Ticket t = c.ticket(1, TicketStatus::Open, c.agent1.id);
    c.put(t);
    TicketEvent e;
    e.id = u"ev-1"_s;
    e.ticketId = t.id;
    e.kind = EventKind::Reply;
    e.at = kNow - kMinute;
    e.authorId = c.agent1.id;
    e.text = u"请看照片"_s;
    QString error;
    QVERIFY(TicketRepository(*c.db).upsertEvents({e}, &error));
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(picture(Qt::magenta).save(&buffer, "PNG"));
    const auto a = AttachmentRepository(*c.db).stageBytes(t.id, png, u"<b>箱子</b>.png"_s, c.agent1.id, kNow,
                                                          std::nullopt, e.id, &error);
    QVERIFY2(a, qPrintable(error));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(t.id);
    QCOMPARE(pane.conversation()->shownAttachments(), QStringList{a->id});
    const QString html = pane.conversation()->toHtml();
    QVERIFY(html.contains(u"pd-thumb:"_s));
    QVERIFY2(!html.contains(u"<b>箱子"_s), "the file's name is text, not markup");
    QSignalSpy activated(pane.conversation(), &ConversationView::attachmentActivated);
    Q_EMIT pane.conversation()->anchorClicked(QUrl(u"pd-attachment:"_s + a->id));
    QCOMPARE(activated.size(), 1);
    QPointer<ImageViewer> viewer = pane.imageViewer();
    QVERIFY(viewer);
    QCOMPARE(argb(viewer->shownImage()), argb(picture(Qt::magenta)));
    viewer->reject();
}

QTEST_MAIN(TestTicketPaneAttachments)
#include "tst_ticketpane_attachments.moc"
