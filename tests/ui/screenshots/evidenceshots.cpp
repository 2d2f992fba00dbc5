#include "evidenceshots.h"

#include "models/domain/clock.h"
#include "models/store/attachmentrepository.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "sync/serverclock.h"
#include "sync/syncengine.h"
#include "ui/mainwindow.h"
#include "ui/workbench/ticketpane/attachmentspanel.h"
#include "ui/workbench/ticketpane/customerhistorypanel.h"
#include "ui/workbench/ticketpane/imageviewer.h"
#include "ui/workbench/ticketpane/newticketdialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPainterPath>
#include <QSplitter>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

class Rest final
{
public:
    explicit Rest(QUrl server)
        : m_server(std::move(server))
    {}
    QJsonObject send(const QByteArray &method, const QString &path, const QByteArray &body,
                     const QByteArray &type = "application/json", const QByteArray &key = {})
    {
        QNetworkRequest request(m_server.resolved(QUrl(path)));
        request.setRawHeader("Content-Type", type);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        if (!key.isEmpty())
            request.setRawHeader("Idempotency-Key", key);
        QNetworkReply *reply = m_net.sendCustomRequest(request, method, body);
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20000))
            std::fprintf(stderr, "no answer to %s\n", qPrintable(path));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        if (status >= 300)
            std::fprintf(stderr, "%s %s: %d %s\n", method.constData(), qPrintable(path), status,
                         answer.constData());
        return status < 300 ? QJsonDocument::fromJson(answer).object() : QJsonObject();
    }
    QJsonObject json(const QByteArray &method, const QString &path, const QJsonObject &body,
                     const QByteArray &key = {})
    {
        return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                    key);
    }
    bool signIn(const QString &login, const QString &password)
    {
        m_token = json("POST", u"/api/v1/auth/login"_s, {{u"login"_s, login}, {u"password"_s, password}})
                      .value(u"access_token"_s)
                      .toString()
                      .toLatin1();
        return !m_token.isEmpty();
    }
    /// One file to @p ticketId in one chunk (they are small), tagged @p evidence.
    bool upload(const QString &ticketId, const QString &name, const QByteArray &bytes,
                const QString &evidence)
    {
        const QString id = uuid();
        const QJsonObject created = json(
            "POST", u"/api/v1/tickets/%1/attachments"_s.arg(ticketId),
            {{u"id"_s, id},
             {u"name"_s, name},
             {u"size"_s, qint64(bytes.size())},
             {u"evidence"_s, evidence},
             {u"sha256"_s,
              QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())}});
        return !created.isEmpty() &&
               !send("PUT", u"/api/v1/attachments/%1/upload?offset=0"_s.arg(id), bytes,
                     "application/octet-stream")
                    .isEmpty() &&
               !json("POST", u"/api/v1/attachments/%1/complete"_s.arg(id), {}).isEmpty();
    }

private:
    QNetworkAccessManager m_net;
    QUrl m_server;
    QByteArray m_token;
};

/// A photo of the damage for the demo, drawn: a parcel box seen from above, torn, with a caption.
QByteArray photo(int kind)
{
    QImage image(1200, 900, QImage::Format_RGB32);
    image.fill(QColor(0xd9, 0xd4, 0xc7)); // a counter top
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box(220, 150, 760, 600);
    if (kind == 0) { // the outer box, its corner crushed and torn
        p.fillRect(box, QColor(0xc4, 0x93, 0x5a));
        p.setPen(QPen(QColor(0x8a, 0x62, 0x34), 6));
        p.drawLine(QPointF(600, 150), QPointF(600, 750)); // the tape seam
        QPainterPath tear;
        tear.moveTo(820, 150);
        tear.lineTo(900, 260);
        tear.lineTo(860, 330);
        tear.lineTo(980, 420);
        tear.lineTo(980, 150);
        p.fillPath(tear, QColor(0x4a, 0x3a, 0x2a));
    } else if (kind == 1) { // the goods: a vase in three pieces
        p.fillRect(box, QColor(0xf2, 0xf0, 0xea));
        p.setBrush(QColor(0x2f, 0x6f, 0xb3));
        p.setPen(QPen(QColor(0x1d, 0x4a, 0x7a), 4));
        p.drawPolygon(
            QPolygonF({QPointF(380, 300), QPointF(520, 280), QPointF(540, 520), QPointF(400, 560)}));
        p.drawPolygon(QPolygonF({QPointF(600, 330), QPointF(700, 300), QPointF(760, 470)}));
        p.drawPolygon(
            QPolygonF({QPointF(620, 560), QPointF(780, 540), QPointF(720, 680), QPointF(640, 660)}));
    } else { // the waybill label, half torn off
        p.fillRect(box, QColor(0xc4, 0x93, 0x5a));
        p.fillRect(QRectF(330, 260, 540, 360), Qt::white);
        p.setPen(QPen(Qt::black, 3));
        for (int i = 0; i < 28; ++i)
            p.fillRect(QRectF(360 + i * 17, 300, i % 3 == 0 ? 9 : 5, 120), Qt::black);
        p.fillRect(QRectF(600, 440, 290, 200), QColor(0xc4, 0x93, 0x5a)); // the torn corner
    }
    p.end();
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 88);
    return out;
}

/// The pane's conversation (or @p tab) in view with room for the Files strip under it.
void arrange(TicketPane *pane, QWidget *tab = nullptr)
{
    if (auto *tabs = pane->findChild<QTabWidget *>())
        tabs->setCurrentIndex(tab ? tabs->indexOf(tab) : 0);
    QTest::qWait(300); // downloads and reloads settle first: a child shown again redistributes the splitter
    const auto splits = pane->findChildren<QSplitter *>();
    for (QSplitter *split : splits) {
        if (split->indexOf(pane->attachments()) == 1) {
            const int h = split->height();
            split->setSizes({h - 360, 200, 160});
        }
    }
    QCoreApplication::processEvents();
}

bool save(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

} // namespace

std::optional<EvidenceTickets> prepareEvidence(const QUrl &server, const QString &password,
                                               const Database &db)
{
    QSqlQuery q(db.connection());
    // The console holds the parcels of its tickets only: one whose tickets are all closed (an earlier
    // complaint in the History tab, none open to flag the new claim as a duplicate).
    q.exec(
        u"SELECT p.waybill_no FROM parcels p WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.waybill_no = "
        "p.waybill_no AND t.status <> 'closed') ORDER BY p.waybill_no LIMIT 1"_s);
    const QString waybill = q.next() ? q.value(0).toString() : QString();
    Rest rest(server);
    if (waybill.isEmpty() || !rest.signIn(u"agent1"_s, password)) {
        std::fprintf(stderr,
                     "evidence: no parcel without an open ticket in the cache, or agent1 cannot sign in\n");
        return std::nullopt;
    }
    const QString team = rest.send("GET", u"/api/v1/auth/me"_s, {}).value(u"team_id"_s).toString();
    const QJsonObject claim{
        {u"id"_s, uuid()},
        {u"waybill_no"_s, waybill},
        {u"description"_s, u"外箱严重破损，内装的青花瓷花瓶碎成三块，面单也被撕掉一半。客户要求照价赔偿。"_s},
        {u"customer_name"_s, u"陈静"_s},
        {u"customer_phone"_s, u"13957112233"_s},
        {u"channel"_s, u"phone"_s},
        {u"category"_s, u"damage"_s},
        {u"team_id"_s, team.isEmpty() ? u"team-a"_s : team}};
    EvidenceTickets t;
    t.claim = rest.json("POST", u"/api/v1/tickets"_s, claim).value(u"id"_s).toString();
    if (t.claim.isEmpty())
        return std::nullopt;
    const QStringList names{u"外箱.jpg"_s, u"内物.jpg"_s, u"面单.jpg"_s};
    const QStringList kinds{u"outer_box"_s, u"goods"_s, u"label"_s};
    for (int i = 0; i < 3; ++i) {
        if (!rest.upload(t.claim, names.at(i), photo(i), kinds.at(i)))
            return std::nullopt;
    }
    const auto event = [&](const QJsonObject &fields) {
        const QString id = uuid();
        QJsonObject body = fields;
        body.insert(u"id"_s, id);
        rest.json("POST", u"/api/v1/tickets/%1/events"_s.arg(t.claim), body, id.toLatin1());
    };
    event(
        {{u"kind"_s, u"reply"_s}, {u"text"_s, u"您好，照片已收到，我们已联系网点核实，今天内给您答复。"_s}});
    event({{u"kind"_s, u"call"_s},
           {u"text"_s, u"客户再次来电催促赔偿进度"_s},
           {u"data"_s, QJsonObject{{u"direction"_s, u"inbound"_s},
                                   {u"duration_s"_s, 95},
                                   {u"outcome"_s, u"chase_up"_s}}}});
    QJsonObject again = claim;
    again.insert(u"id"_s, uuid());
    again.insert(u"channel"_s, u"app"_s);
    again.insert(u"description"_s, u"三天前投诉过花瓶破损，到现在还没有人联系我赔偿的事。"_s);
    t.duplicate = rest.json("POST", u"/api/v1/tickets"_s, again).value(u"id"_s).toString();
    if (t.duplicate.isEmpty())
        return std::nullopt;
    return t;
}

bool shootEvidence(MainWindow &window, SyncEngine &engine, const Database &db, const User &user,
                   const EvidenceTickets &tickets, const QDir &out, const QString &suffix)
{
    QObject guard;
    QObject::connect(&window, &MainWindow::attachmentDownloadRequested, &guard,
                     [&engine](const QString &id) { engine.downloadAttachment(id); });
    QObject::connect(&engine, &SyncEngine::attachmentDownloaded, &guard,
                     [&window](const QString &id) { window.onAttachmentDownloaded(id); });
    // The pane as a supervisor sees it (the shots sign in as a manager, who may not merge).
    User supervisor = user;
    supervisor.role = Role::Supervisor;
    window.setCurrentUser(supervisor);
    window.pages()->setCurrentIndex(0);
    window.workbench()->openTicket(tickets.claim);
    TicketPane *pane = window.workbench()->pane();
    const auto photos = AttachmentRepository(db).forTicket(tickets.claim);
    const bool downloaded = QTest::qWaitFor(
        [&] {
            return std::all_of(photos.cbegin(), photos.cend(), [&](const AttachmentView &v) {
                return !AttachmentRepository(db).cachedFile(v.attachment.id).isEmpty();
            });
        },
        20000);
    if (!downloaded)
        std::fprintf(stderr, "evidence: not every photo was downloaded\n");
    pane->reload();
    QTest::qWait(800);
    arrange(pane);
    bool ok = save(pane, out.filePath(u"evidence"_s + suffix));
    if (!photos.isEmpty()) {
        pane->openAttachment(photos.first().attachment.id);
        QTest::qWait(800);
        if (ImageViewer *viewer = pane->imageViewer()) {
            viewer->resize(900, 700);
            QTest::qWait(300);
            ok &= save(viewer, out.filePath(u"viewer"_s + suffix));
            viewer->close();
        }
    }
    window.workbench()->openTicket(tickets.duplicate);
    QTest::qWait(800);
    arrange(pane, pane->customerHistory());
    if (QTreeWidget *list = pane->customerHistory()->list(); list->topLevelItemCount() > 0)
        list->setCurrentItem(list->topLevelItem(0)); // the open claim: Merge into selected… enabled
    QTest::qWait(300);
    ok &= save(pane, out.filePath(u"duplicate"_s + suffix));
    window.setCurrentUser(user);

    ManualClock clock(engine.clock()->nowMs());
    NewTicketDialog repeat(db, clock, supervisor, &window);
    repeat.show();
    if (QTest::qWaitForWindowExposed(&repeat)) {
        const auto claim = TicketRepository(db).byId(tickets.claim);
        repeat.waybillField()->setText(claim ? claim->ticket.waybillNo : QString());
        QTest::qWait(800);
        repeat.adjustSize();
        ok &= save(&repeat, out.filePath(u"repeat"_s + suffix));
    }
    return ok;
}

} // namespace pd
