// ProactivePage: what a supervisor or an agent does with an incident or a case. Every action is the
// server's (it sends the notices, it links the complaints), so each is sent at once; offline the page says so
// and nothing changes.
#include "incidentsmodel.h"
#include "incidenttext.h"
#include "notifydialog.h"
#include "proactivepage.h"

#include "sync/api/proactiveapi.h"
#include "ui/common/serverlink.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>

using namespace Qt::StringLiterals;

namespace pd {

void ProactivePage::notifySelected()
{
    const int row = selectedRow();
    if (row < 0 || m_dialog)
        return;
    if (!online())
        return showMessage(tr("Customers are notified by the server. Try again when connected."), true);
    const IncidentRecord incident = m_model->incident(row);
    const QString summary =
        tr("Each customer of the %n parcel(s) of “%1” with a phone gets one message; customers told of this "
           "incident already are skipped.",
           nullptr, incident.parcels)
            .arg(IncidentText::cause(incident));
    m_dialog = new NotifyDialog(summary, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, id = incident.id] {
        const QJsonObject request = m_dialog->request();
        m_link->call([id, request](ApiClient *c) { return ProactiveApi(c).notifyIncident(id, request); },
                     this,
                     [this](const ApiResult &r) {
                         if (!r.ok())
                             return showMessage(tr("Not sent: %1").arg(r.errorMessage), true);
                         const QJsonObject o = r.object();
                         showMessage(tr("%1 message(s) queued; %2 customer(s) told already; %3 parcel(s) "
                                        "without a phone.")
                                         .arg(o.value(u"queued"_s).toInt())
                                         .arg(o.value(u"already_notified"_s).toInt())
                                         .arg(o.value(u"no_recipient"_s).toInt()),
                                     false);
                         loadTallies();
                     });
    });
    m_dialog->open();
}

void ProactivePage::patchIncident(const QJsonObject &changes, const QString &done)
{
    const QString id = selectedIncident();
    if (id.isEmpty())
        return;
    if (!online())
        return showMessage(tr("Incidents are changed on the server. Try again when connected."), true);
    m_link->call([id, changes](ApiClient *c) { return ProactiveApi(c).updateIncident(id, changes); }, this,
                 [this, done](const ApiResult &r) {
                     if (!r.ok())
                         return showMessage(tr("Not changed: %1").arg(r.errorMessage), true);
                     showMessage(done, false);
                     // The record comes back through the change feed; the page shows it at the next sync.
                 });
}

void ProactivePage::explainSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Explain the incident"),
        tr("What agents tell callers and what {cause} says in notices (at most 1,000 characters):"),
        m_model->incident(row).explanation, &ok);
    if (!ok)
        return;
    if (text.size() > 1000)
        return showMessage(
            tr("The explanation is %1 characters long; at most 1,000 are kept.").arg(text.size()), true);
    patchIncident({{u"explanation"_s, text.trimmed()}}, tr("Explanation saved; every console gets it."));
}

void ProactivePage::resolveSelected()
{
    patchIncident({{u"state"_s, u"resolved"_s}}, tr("Resolved: new complaints are no longer linked to it."));
}

void ProactivePage::dismissSelectedCase()
{
    const QString id = selectedCase();
    if (id.isEmpty())
        return;
    if (!online())
        return showMessage(tr("Cases are dismissed on the server. Try again when connected."), true);
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Dismiss the case"),
                              tr("Why is nothing to be done (e.g. collected by the customer)?"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty())
        return showMessage(tr("A case is dismissed with a reason."), true);
    m_link->call([id, reason](ApiClient *c) { return ProactiveApi(c).dismissCase(id, reason); }, this,
                 [this](const ApiResult &r) {
                     if (!r.ok())
                         return showMessage(tr("Not dismissed: %1").arg(r.errorMessage), true);
                     showMessage(tr("Dismissed."), false);
                     loadCases();
                 });
}

void ProactivePage::ticketFromSelectedCase()
{
    const QString id = selectedCase();
    if (id.isEmpty())
        return;
    if (!online())
        return showMessage(tr("Tickets from cases are made by the server. Try again when connected."), true);
    m_link->call(
        [id](ApiClient *c) { return ProactiveApi(c).ticketFromCase(id); }, this,
        [this](const ApiResult &r) {
            if (!r.ok())
                return showMessage(tr("No ticket made: %1").arg(r.errorMessage), true);
            const QJsonObject ticket = r.object().value(u"ticket"_s).toObject();
            showMessage(
                tr("Ticket %1 made; it opens after the next sync.").arg(ticket.value(u"number"_s).toString()),
                false);
            loadCases();
            Q_EMIT openTicketRequested(ticket.value(u"id"_s).toString());
        });
}

} // namespace pd
