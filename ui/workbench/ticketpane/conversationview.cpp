#include "conversationview.h"

#include "attachmentlistmodel.h"
#include "models/sla/slatypes.h"
#include "panetext.h"

#include <QEvent>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace pd {

ConversationView::ConversationView(const QTimeZone &zone, QWidget *parent)
    : QTextBrowser(parent)
    , m_zone(zone)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Conversation"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"pd-attachment"_s)
            Q_EMIT attachmentActivated(url.path());
    });
}

QVariant ConversationView::loadResource(int type, const QUrl &name)
{
    if (name.scheme() == u"pd-thumb"_s) {
        const auto it = m_thumbs.constFind(name.path());
        return it == m_thumbs.cend() ? QVariant() : QVariant::fromValue(*it);
    }
    if (type == QTextDocument::ImageResource)
        return {}; // never a file or a network address named in text
    return QTextBrowser::loadResource(type, name);
}

QString ConversationView::attachmentsHtml(const QString &eventId)
{
    constexpr int kThumb = 96;
    QString html;
    for (const AttachmentView &v : std::as_const(m_attachments)) {
        if (eventId.isEmpty() || v.attachment.eventId != eventId)
            continue;
        QUrl link;
        link.setScheme(u"pd-attachment"_s);
        link.setPath(v.attachment.id);
        QUrl thumb;
        thumb.setScheme(u"pd-thumb"_s);
        thumb.setPath(v.attachment.id);
        const QString name = v.attachment.name.toHtmlEscaped();
        const QString href = link.toString(QUrl::FullyEncoded).toHtmlEscaped();
        if (AttachmentThumbnails::isImage(v)) {
            const QImage img = AttachmentThumbnails::thumbnail(v, m_content, kThumb);
            m_thumbs.insert(v.attachment.id, img);
            html += u"<a href=\"%1\"><img src=\"%2\" width=\"%3\" height=\"%4\" alt=\"%5\"></a> "_s.arg(
                href, thumb.toString(QUrl::FullyEncoded).toHtmlEscaped(), QString::number(img.width()),
                QString::number(img.height()), name);
        } else {
            html += u"<a href=\"%1\">%2</a> (%3) "_s.arg(href, name,
                                                         AttachmentThumbnails::sizeText(v.attachment.size));
        }
        m_shownAttachments.append(v.attachment.id);
    }
    return html.isEmpty() ? html : u"<br>"_s + html;
}

void ConversationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setAccessibleName(tr("Conversation")); // the timeline itself is shown again by the pane
    QTextBrowser::changeEvent(event);
}

QString ConversationView::person(const QString &id) const
{
    if (id.isEmpty())
        return tr("nobody");
    return m_names.value(id, id);
}

QString ConversationView::describe(const TicketEvent &e, std::optional<qint64> compensationFen) const
{
    const QJsonObject &d = e.data;
    const auto str = [&d](const char *key) { return d.value(QLatin1StringView(key)).toString(); };
    const auto money = [&d](const QString &key) { // yuan in the event's data
        return PaneText::yuan(qRound64(d.value(key).toDouble() * 100.0));
    };
    switch (e.kind) {
    case EventKind::Reply:
        return tr("Reply to the customer");
    case EventKind::Note:
        return tr("Internal note");
    case EventKind::Call: {
        const auto dir = fromCode<CallDirection>(str("direction"));
        const QString call = dir ? displayName(*dir) : tr("Call"); // "Outbound call" / "呼出电话"
        if (d.contains(u"duration_s"_s))
            return tr("%1, %2").arg(call, PaneText::callLength(d.value(u"duration_s"_s).toInteger()));
        return call;
    }
    case EventKind::StatusChange: {
        const auto from = fromCode<TicketStatus>(str("from"));
        const auto to = fromCode<TicketStatus>(str("to"));
        QString s = tr("Status: %1 → %2")
                        .arg(from ? displayName(*from) : str("from"), to ? displayName(*to) : str("to"));
        if (const auto r = fromCode<Resolution>(str("resolution"))) {
            // The event's own amount when it has one (a change made here), else the one given to us.
            std::optional<qint64> fen = compensationFen;
            if (d.contains(u"compensation_amount"_s))
                fen = qRound64(d.value(u"compensation_amount"_s).toDouble() * 100.0);
            s += u" · "_s + PaneText::resolution(*r, fen);
        }
        return s;
    }
    case EventKind::Assignment:
        if (str("to").isEmpty())
            return tr("Released by %1").arg(person(str("from")));
        return tr("Assigned to %1").arg(person(str("to")));
    case EventKind::Escalation: {
        const auto p = fromCode<Priority>(str("priority"));
        return p ? tr("Escalated to %1").arg(displayName(*p)) : tr("Escalated");
    }
    case EventKind::SlaBreach: {
        const auto c = fromCode<SlaClock>(str("clock"));
        return tr("SLA breached: %1").arg(c ? displayName(*c) : str("clock"));
    }
    case EventKind::CsatRecorded: {
        QStringList parts;
        if (d.contains(u"csat"_s))
            parts << tr("CSAT %1").arg(d.value(u"csat"_s).toInt());
        if (d.contains(u"nps"_s))
            parts << tr("NPS %1").arg(d.value(u"nps"_s).toInt());
        return tr("Follow-up recorded: %1").arg(parts.join(u", "_s));
    }
    case EventKind::CompensationRequested:
        return tr("Compensation of %1 requested; waits for approval").arg(money(u"amount"_s));
    case EventKind::CompensationApproved:
        return tr("Compensation of %1 approved").arg(money(u"amount"_s));
    case EventKind::CompensationRejected:
        return tr("Compensation of %1 rejected").arg(money(u"amount"_s));
    case EventKind::AppealAnswered:
        return tr("Appeal answered to the regulator");
    case EventKind::AppealRejected:
        return tr("The regulator rejected the answer: redo it");
    case EventKind::Merged:
        return d.contains(u"into_number"_s) ? tr("Merged into %1").arg(str("into_number"))
                                            : tr("Ticket %1 merged into this one").arg(str("from_number"));
    }
    return displayName(e.kind);
}

void ConversationView::showTimeline(const Ticket &t, const QList<TicketEvent> &events)
{
    const auto esc = [](const QString &s) { return s.toHtmlEscaped().replace(u'\n', u"<br>"_s); };
    QString html;
    m_thumbs.clear();
    m_shownAttachments.clear();
    html += u"<p><b>%1</b> · %2 · %3<br>%4</p>"_s.arg(esc(tr("Complaint")),
                                                      esc(PaneText::instant(t.createdAt, m_zone)),
                                                      esc(t.customerName), esc(t.description));
    // The server keeps a compensation's amount on the ticket, not in the status change: it belongs to the
    // latest resolution (an earlier one, reopened since, may have had another amount: shown without).
    QString lastResolve;
    for (const TicketEvent &e : events)
        if (e.kind == EventKind::StatusChange &&
            e.data.value(u"to"_s).toString() == toCode(TicketStatus::Resolved))
            lastResolve = e.id;
    const bool amountApplies = t.status == TicketStatus::Resolved || t.status == TicketStatus::Closed;
    for (const TicketEvent &e : events) {
        const std::optional<qint64> fen =
            amountApplies && e.id == lastResolve ? t.compensationFen : std::optional<qint64>();
        const bool internal = e.kind == EventKind::Note;
        const bool system = e.kind == EventKind::StatusChange || e.kind == EventKind::Assignment ||
                            e.kind == EventKind::SlaBreach || e.kind == EventKind::Escalation ||
                            e.kind == EventKind::CsatRecorded;
        html += internal ? u"<p style=\"background-color:#fff6d5\">"_s
                : system ? u"<p style=\"color:#555555\">"_s
                         : u"<p>"_s;
        html += u"<b>%1</b> · %2 · %3"_s.arg(esc(describe(e, fen)), esc(PaneText::instant(e.at, m_zone)),
                                             esc(person(e.authorId)));
        if (!e.text.isEmpty())
            html += u"<br>"_s + esc(e.text);
        html += attachmentsHtml(e.id);
        html += u"</p>"_s;
    }
    setHtml(html);
}

} // namespace pd
