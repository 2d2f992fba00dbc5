// TicketPane: a regulator appeal's steps (docs/appeals.md): the answer, the regulator's rejection, the fault
// finding. Each is the server's record of a legal process, so it is sent at once (not through the outbox):
// offline, the dialog says so and keeps what was typed.
#include "appealdialog.h"
#include "appealpanel.h"
#include "panetext.h"
#include "ticketpane.h"

#include "models/domain/clock.h"
#include "models/store/ticketrepository.h"
#include "sync/api/appealsapi.h"
#include "sync/api/ticketsapi.h"
#include "ui/common/serverlink.h"

using namespace Qt::StringLiterals;

namespace pd {

void TicketPane::connectAppeal()
{
    connect(m_appeal, &AppealPanel::answerRequested, this,
            [this] { appealStep(int(AppealDialog::Step::Answer)); });
    connect(m_appeal, &AppealPanel::rejectionRequested, this,
            [this] { appealStep(int(AppealDialog::Step::Rejection)); });
    connect(m_appeal, &AppealPanel::faultRequested, this,
            [this] { appealStep(int(AppealDialog::Step::Fault)); });
}

QString TicketPane::headerMarks(const Ticket &t)
{
    QString marks;
    if (t.source == TicketSource::RegulatorAppeal)
        marks += u" · ⚖ "_s + displayName(t.source);
    if (t.keyAccount)
        marks += u" · "_s + tr("Key account");
    if (t.pendingCompensationFen)
        marks += u" · "_s + tr("%1 waits for approval").arg(PaneText::yuan(*t.pendingCompensationFen));
    return marks;
}

QStringList TicketPane::earlierTickets(const Ticket &t) const
{
    QStringList out;
    if (!t.appeal)
        return out;
    TicketRepository tickets(m_db);
    for (const QString &id : t.appeal->earlierTickets) {
        const auto row = tickets.byId(id);
        out << (row ? tr("%1 · %2").arg(row->ticket.number, displayName(row->ticket.status))
                    : tr("%1 (not on this computer)").arg(id));
    }
    return out;
}

void TicketPane::appealStep(int stepValue)
{
    if (!m_ticket || !m_ticket->appeal)
        return;
    const auto step = AppealDialog::Step(stepValue);
    const QString ticketId = m_ticket->id;
    const qint64 version = m_ticket->version;
    auto submit = [this, step, ticketId, version](const QString &text, Instant at, bool atFault,
                                                  const AppealDialog::Done &done) {
        if (!m_link || !m_link->hasClient())
            return done(false, tr("Appeal steps are recorded by the server. Try again when connected."));
        m_link->call(
            [=](ApiClient *c) -> ApiReply * {
                switch (step) {
                case AppealDialog::Step::Answer:
                    return AppealsApi(c).answer(ticketId, text);
                case AppealDialog::Step::Rejection:
                    return AppealsApi(c).rejection(ticketId, at, text);
                case AppealDialog::Step::Fault:
                    break;
                }
                const QJsonObject appeal{{u"company_at_fault"_s, atFault}, {u"fault_reason"_s, text}};
                return TicketsApi(c).patch(ticketId, {{u"appeal"_s, appeal}}, version);
            },
            this,
            [this, done](const ApiResult &r) {
                if (!r.ok())
                    return done(false, tr("Not recorded: %1").arg(r.errorMessage));
                done(true, QString());
                showNotice(tr("Recorded; the ticket follows with the next sync."));
                Q_EMIT edited(m_ticketId); // a sync soon brings the server's record
            });
    };
    auto *dialog = new AppealDialog(step, m_zone, m_clock.nowMs(), submit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace pd
