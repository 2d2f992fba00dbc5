// TicketPane: merging a duplicate into the ticket it repeats (docs/ticketpane.md, "Merge"). A merge is the
// server's record (it moves the conversation and files of both teams' consoles), so it is sent at once, not
// through the outbox: offline, the pane says so and nothing changes.
#include "customerhistorypanel.h"
#include "mergebanner.h"
#include "ticketpane.h"

#include "models/store/ticketrepository.h"
#include "sync/api/ticketsapi.h"
#include "ui/common/serverlink.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

void TicketPane::connectMerge()
{
    m_mergeBanner = new MergeBanner(this);
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->insertWidget(box->indexOf(m_header), m_mergeBanner);
    connect(m_mergeBanner, &MergeBanner::openRequested, this, &TicketPane::openTicketRequested);
    connect(m_mergeBanner, &MergeBanner::mergeRequested, this, &TicketPane::mergeInto);
    connect(m_history, &CustomerHistoryPanel::mergeRequested, this, &TicketPane::mergeInto);
    connectIncident();
}

QMessageBox *TicketPane::mergeConfirmation() const
{
    return m_mergeBox;
}

void TicketPane::showMergeState(const Ticket &t)
{
    const auto row = TicketRepository(m_db).byId(t.id);
    const bool unsent = !row || row->localState != LocalState::Synced;
    const ActionCheck check = PaneActionRules::checkMerge(m_user, t, unsent || m_inConflict);
    m_mergeBanner->showTicket(t, check);
    m_history->setMergeAllowed(m_user.role == Role::Supervisor, check.allowed ? QString() : check.reason);
}

void TicketPane::mergeInto(const QString &targetId)
{
    if (!m_ticket || m_mergeBox)
        return;
    const auto row = TicketRepository(m_db).byId(m_ticket->id);
    const ActionCheck check = PaneActionRules::checkMerge(
        m_user, *m_ticket, m_inConflict || !row || row->localState != LocalState::Synced);
    if (!check.allowed)
        return showError(check.reason);
    if (!m_link || !m_link->hasClient())
        return showError(tr("Tickets are merged by the server. Try again when connected."));
    const auto target = TicketRepository(m_db).byId(targetId);
    const QString targetNumber = target                              ? target->ticket.number
                                 : targetId == m_ticket->duplicateOf ? m_ticket->duplicateOfNumber
                                                                     : targetId;
    qsizetype entries = 0;
    for (const TicketEvent &e : std::as_const(m_events))
        entries += e.kind == EventKind::Reply || e.kind == EventKind::Note || e.kind == EventKind::Call;
    const qsizetype files = m_attachmentViews.size();

    m_mergeBox = new QMessageBox(QMessageBox::Question, tr("Merge tickets"),
                                 tr("Merge %1 into %2?").arg(m_ticket->number, targetNumber),
                                 QMessageBox::NoButton, this);
    m_mergeBox->setInformativeText(
        tr("%n conversation entr(ies) and %1 move to %2. %3 closes, pointing to %2, and the complaint is "
           "counted once. This cannot be undone.",
           nullptr, int(entries))
            .arg(tr("%n file(s)", nullptr, int(files)), targetNumber, m_ticket->number));
    QPushButton *merge = m_mergeBox->addButton(tr("&Merge"), QMessageBox::AcceptRole);
    m_mergeBox->addButton(QMessageBox::Cancel);
    m_mergeBox->setDefaultButton(QMessageBox::Cancel); // Enter alone never merges
    m_mergeBox->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 version = m_ticket->version;
    connect(m_mergeBox, &QMessageBox::buttonClicked, this,
            [this, merge, targetId, version](QAbstractButton *b) {
                if (b == merge)
                    sendMerge(targetId, version);
            });
    m_mergeBox->open();
}

void TicketPane::sendMerge(const QString &targetId, qint64 version)
{
    const QString sourceId = m_ticketId;
    m_link->call([=](ApiClient *c) { return TicketsApi(c).merge(sourceId, targetId, version); }, this,
                 [this, sourceId, targetId](const ApiResult &r) {
                     if (!r.ok())
                         return showError(tr("Not merged: %1").arg(r.errorMessage));
                     const QJsonObject target = r.object().value(u"target"_s).toObject();
                     showNotice(tr("Merged into %1; both tickets follow with the next sync.")
                                    .arg(target.value(u"number"_s).toString()));
                     Q_EMIT edited(sourceId); // a sync soon brings both tickets and the moved entries
                     Q_EMIT openTicketRequested(targetId);
                 });
}

} // namespace pd
