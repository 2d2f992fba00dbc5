#include "customereraser.h"

#include "server/attachments/attachmentstore.h"

#include "server/api/ticketservice.h"

#include "models/domain/masking.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace pd::server {

namespace {
const QString kGone = QStringLiteral("***");

QString digitsOf(const QString &s)
{
    QString out;
    for (QChar c : s) {
        if (c >= u'0' && c <= u'9')
            out.append(c);
    }
    return out;
}

/// Every occurrence of @p phone (any spelling: spaces or dashes between its digits), every phone number
/// when @p allPhones, and @p name (two characters or more) replaced by "***".
QString scrub(QString text, const QString &phone, const QString &name, bool allPhones)
{
    if (text.isEmpty())
        return text;
    if (allPhones) {
        static const QRegularExpression phones(QStringLiteral(
            "(?<![0-9])(?:1[3-9][0-9](?:[ -]?[0-9]){8}|0[1-9][0-9]{1,2}-[2-9][0-9]{6,7})(?![0-9])"));
        text.replace(phones, kGone);
    }
    const QString digits = digitsOf(phone);
    if (digits.size() >= 7) {
        QStringList parts;
        for (QChar d : digits)
            parts.append(QString(d));
        const QRegularExpression spelled(QStringLiteral("(?<![0-9])") + parts.join(QStringLiteral("[ -]?")) +
                                         QStringLiteral("(?![0-9])"));
        text.replace(spelled, kGone);
    }
    if (name.trimmed().size() >= 2)
        text.replace(name.trimmed(), kGone);
    return text;
}

QJsonObject scrubStrings(QJsonObject o, const QString &phone, const QString &name, bool allPhones)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it->isString())
            *it = scrub(it->toString(), phone, name, allPhones);
    }
    return o;
}

QJsonValue coarse(const QJsonValue &v)
{
    if (!v.isObject())
        return v;
    QJsonObject p = v.toObject();
    p.insert(QStringLiteral("lat"), Masking::coarse(p.value(QStringLiteral("lat")).toDouble()));
    p.insert(QStringLiteral("lon"), Masking::coarse(p.value(QStringLiteral("lon")).toDouble()));
    return p;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

QString CustomerEraser::Counts::summary() const
{
    QString text =
        QStringLiteral("%1 tickets, %2 ticket events, %3 parcels, %4 tracking events, %5 stored responses")
            .arg(tickets)
            .arg(events)
            .arg(parcels)
            .arg(tracking)
            .arg(storedResponses);
    if (attachments > 0)
        text += QStringLiteral(", %1 attachments").arg(attachments);
    return text;
}

bool CustomerEraser::scrubEvent(WriteTx &tx, Doc event, const QString &phone, const QString &name,
                                bool allPhones)
{
    QJsonObject e = QJsonDocument::fromJson(event.data).object();
    const QJsonObject before = e;
    e.insert(QStringLiteral("text"),
             scrub(e.value(QStringLiteral("text")).toString(), phone, name, allPhones));
    if (e.value(QStringLiteral("data")).isObject())
        e.insert(QStringLiteral("data"),
                 scrubStrings(e.value(QStringLiteral("data")).toObject(), phone, name, allPhones));
    if (e == before)
        return false;
    event.version += 1;
    e.insert(QStringLiteral("version"), event.version);
    event.data = compact(e);
    m_docs.put(tx, event);
    return true;
}

void CustomerEraser::blankTicket(WriteTx &tx, Doc ticket, bool allPhones, Counts &counts,
                                 QStringList &waybills)
{
    QJsonObject t = QJsonDocument::fromJson(ticket.data).object();
    const QString phone = t.value(QStringLiteral("customer_phone")).toString();
    const QString name = t.value(QStringLiteral("customer_name")).toString();
    t.insert(QStringLiteral("customer_name"), QString());
    t.insert(QStringLiteral("customer_phone"), QString());
    t.insert(QStringLiteral("description"),
             scrub(t.value(QStringLiteral("description")).toString(), phone, name, allPhones));
    const qint64 now = m_clock.nowMs();
    ticket.version += 1;
    t.insert(QStringLiteral("version"), ticket.version);
    if (!ticket.deleted) {
        t.insert(QStringLiteral("updated_at"), instantToIso(now));
        ticket.updatedMs = now;
    }
    ticket.data = compact(t);
    m_docs.put(tx, ticket);
    ++counts.tickets;
    if (!ticket.deleted) {
        if (const auto parsed = Ticket::fromJson(t))
            tx.publish(TicketService::changedHint(*parsed, tx.lastSeq()));
    }
    const QList<Doc> events = m_docs.children(DocType::TicketEvent, ticket.id);
    for (const Doc &e : events)
        counts.events += scrubEvent(tx, e, phone, name, allPhones) ? 1 : 0;
    counts.storedResponses += deleteStoredResponses(tx, QLatin1Char('"') + ticket.id + QLatin1Char('"'));
    if (!ticket.parent.isEmpty() && !waybills.contains(ticket.parent))
        waybills.append(ticket.parent);
}

void CustomerEraser::blankParcel(WriteTx &tx, const QString &waybill, Counts &counts)
{
    if (auto d = m_docs.get(DocType::Parcel, waybill); d && !d->deleted) {
        QJsonObject p = QJsonDocument::fromJson(d->data).object();
        const QJsonObject before = p;
        p.insert(QStringLiteral("origin_address"), QString());
        p.insert(QStringLiteral("destination_address"), QString());
        p.remove(QStringLiteral("recipient_phone"));
        for (const QString &point : {QStringLiteral("origin"), QStringLiteral("destination")}) {
            if (p.contains(point))
                p.insert(point, coarse(p.value(point)));
        }
        if (p != before) {
            d->version += 1;
            p.insert(QStringLiteral("version"), d->version);
            d->data = compact(p);
            m_docs.put(tx, *d);
            ++counts.parcels;
            tx.publishChanged(DocType::Parcel, waybill, d->version);
        }
    }
    // Tracking events at the sender or the recipient name the address as their place.
    const QList<Doc> tracking = m_docs.children(DocType::TrackingEvent, waybill);
    for (Doc d : tracking) {
        if (d.masked.isEmpty())
            continue;
        QJsonObject e = QJsonDocument::fromJson(d.data).object();
        const QString place = e.value(QStringLiteral("place")).toString();
        QString text = e.value(QStringLiteral("text")).toString();
        if (!place.isEmpty())
            text.replace(place, QString());
        e.insert(QStringLiteral("place"), QString());
        e.insert(QStringLiteral("text"),
                 text.trimmed().remove(QRegularExpression(QStringLiteral("\\s*·\\s*$"))));
        if (e.contains(QStringLiteral("position")))
            e.insert(QStringLiteral("position"), coarse(e.value(QStringLiteral("position"))));
        d.data = compact(e);
        m_docs.put(tx, d);
        ++counts.tracking;
    }
}

int CustomerEraser::deleteStoredResponses(WriteTx &tx, const QString &containing)
{
    QString pattern = containing;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    QSqlQuery q = tx.db().run(QStringLiteral("DELETE FROM idempotency WHERE body LIKE ? ESCAPE '\\'"),
                              {QString(QLatin1Char('%') + pattern + QLatin1Char('%'))});
    return std::max(0, q.numRowsAffected());
}

int CustomerEraser::deleteStoredResponsesMentioning(WriteTx &tx, const QString &phone)
{
    // Found by the last four digits, then matched in any spelling (as scrub() does).
    QSqlQuery q = tx.db().run(QStringLiteral("SELECT key, body FROM idempotency WHERE body LIKE ?"),
                              {QString(QLatin1Char('%') + digitsOf(phone).right(4) + QLatin1Char('%'))});
    QStringList keys;
    while (q.next()) {
        const QString body = q.value(1).toString();
        if (scrub(body, phone, {}, false) != body)
            keys.append(q.value(0).toString());
    }
    q.finish();
    for (const QString &key : std::as_const(keys))
        tx.db().run(QStringLiteral("DELETE FROM idempotency WHERE key = ?"), {key});
    return int(keys.size());
}

void CustomerEraser::logRun(WriteTx &tx, const QString &kind, const QString &customerHash,
                            const Counts &counts, const QString &detail)
{
    AccessEntry e;
    e.atMs = m_clock.nowMs();
    e.userId = kind == QLatin1StringView("erasure") ? QStringLiteral("cli") : QStringLiteral("system");
    e.login = e.userId;
    e.kind = kind;
    e.customerHash = customerHash;
    e.records = counts.total();
    e.detail = detail + QStringLiteral(": ") + counts.summary();
    m_log.append(tx, e);
}

CustomerEraser::Counts CustomerEraser::applyRetention(qint64 cutoffMs, bool *more)
{
    Counts counts;
    WriteTx tx(m_docs.db());
    QSqlQuery q = tx.db().run(QStringLiteral("SELECT id FROM docs WHERE type = ? AND purge_ms > 0 AND "
                                             "purge_ms < ? ORDER BY purge_ms LIMIT ?"),
                              {DocType::Ticket, cutoffMs, kRetentionBatch + 1});
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    if (more)
        *more = ids.size() > kRetentionBatch;
    if (ids.size() > kRetentionBatch)
        ids.removeLast();
    QStringList waybills;
    for (const QString &id : std::as_const(ids)) {
        if (auto d = m_docs.get(DocType::Ticket, id))
            blankTicket(tx, *d, true, counts, waybills);
    }
    // A parcel keeps its addresses while any ticket about it still holds customer data.
    for (const QString &w : std::as_const(waybills)) {
        QSqlQuery live =
            tx.db().run(QStringLiteral("SELECT 1 FROM docs WHERE type = ? AND parent = ? AND "
                                       "((deleted = 0 AND status <> 'closed') OR purge_ms > 0) LIMIT 1"),
                        {DocType::Ticket, w});
        const bool inUse = live.next();
        live.finish();
        if (!inUse)
            blankParcel(tx, w, counts);
    }
    if (counts.tickets > 0)
        logRun(tx, QStringLiteral("retention"), {}, counts,
               QStringLiteral("closed or deleted before %1").arg(instantToIso(cutoffMs)));
    tx.commit();
    return counts;
}

CustomerEraser::Counts CustomerEraser::eraseByPhone(const QString &phone)
{
    Counts counts;
    WriteTx tx(m_docs.db());
    const QList<Doc> tickets =
        m_docs.containing(DocType::Ticket, QStringLiteral("\"customer_phone\":\"%1\"").arg(phone));
    QStringList waybills;
    QSet<QString> done;
    AttachmentStore attachments(m_docs);
    QSet<QString> contents;
    for (const Doc &d : tickets) {
        blankTicket(tx, d, false, counts, waybills);
        counts.attachments += attachments.removeOfTicket(tx, d.id, &contents);
        done.insert(d.id);
    }
    for (const QString &w : std::as_const(waybills))
        blankParcel(tx, w, counts);
    // The number written in any other ticket's timeline (a note, an escalation reason): found by its last
    // four digits, then matched in any spelling.
    const QList<Doc> mentions = m_docs.containing(DocType::TicketEvent, digitsOf(phone).right(4));
    for (const Doc &e : mentions) {
        if (!done.contains(e.parent))
            counts.events += scrubEvent(tx, e, phone, {}, false) ? 1 : 0;
    }
    counts.storedResponses += deleteStoredResponsesMentioning(tx, phone);
    logRun(tx, QStringLiteral("erasure"), m_log.customerHash(phone), counts,
           QStringLiteral("parceldesk-server customer erase"));
    tx.commit();
    if (!m_attachmentRoot.isEmpty())
        attachments.dropUnreferenced(AttachmentFolder(m_attachmentRoot), contents);
    return counts;
}

} // namespace pd::server
