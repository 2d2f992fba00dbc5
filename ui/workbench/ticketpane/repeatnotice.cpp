#include "repeatnotice.h"

#include "models/domain/ticketrules.h"
#include "models/store/database.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pd {

RepeatNotice::RepeatNotice(const Database &db, const User &user, const QTimeZone &zone, QWidget *parent)
    : QFrame(parent)
    , m_db(db)
    , m_user(user)
    , m_zone(zone)
    , m_text(new QLabel(this))
    , m_add(new QPushButton(tr("&Add to the open ticket"), this))
{
    setObjectName(u"repeatNotice"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#repeatNotice { background: #fff4ce; }"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_add);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (!m_open.isEmpty())
            Q_EMIT addToOpenRequested(m_open.constFirst().id);
    });
    hide();
}

void RepeatNotice::check(const QString &waybillNo, const QString &phone)
{
    m_open = CustomerHistoryRepository(m_db).openTickets(waybillNo, phone, m_user, 3);
    setVisible(!m_open.isEmpty());
    if (m_open.isEmpty())
        return;
    const CustomerTicket &t = m_open.constFirst();
    const QString created = QDateTime::fromMSecsSinceEpoch(t.createdAt, m_zone).toString(u"MM-dd HH:mm"_s);
    const QString on = t.sameWaybill ? tr("this waybill") : tr("this phone number");
    QString text =
        tr("Ticket %1 is still open for %2 (%3, %4, created %5). If the customer is chasing it, add "
           "the call to that ticket instead of opening a new one.")
            .arg(t.number, on, displayName(t.category), displayName(t.status), created);
    if (m_open.size() > 1)
        text += u" "_s + tr("%n more open ticket(s) of this customer.", nullptr, int(m_open.size()) - 1);
    m_text->setText(text);
    // The list holds only readable tickets; writing is narrower (an agent writes only their team's).
    const bool writable = TicketRules::canWrite(m_user.role, m_user.teamId, t.teamId);
    m_add->setEnabled(writable);
    m_add->setToolTip(writable ? tr("Record this call as a chase-up (催单) on %1 and open it").arg(t.number)
                               : tr("Your role does not edit this ticket; a supervisor or the ticket's "
                                    "team can add the call to it."));
}

QString RepeatNotice::openTicketId() const
{
    return m_open.isEmpty() ? QString() : m_open.constFirst().id;
}

} // namespace pd
