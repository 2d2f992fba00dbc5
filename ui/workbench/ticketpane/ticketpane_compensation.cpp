// TicketPane: the compensation calculator and approval requests (docs/ticketpane.md, "Compensation").
#include "resolvedialog.h"
#include "ticketpane.h"

#include "models/domain/clock.h"
#include "models/store/parcelrepository.h"
#include "sync/api/compensationsapi.h"
#include "ui/common/serverlink.h"

using namespace Qt::StringLiterals;

namespace pd {

void TicketPane::loadCompensationRules()
{
    if (!m_compensation)
        m_compensation = std::make_shared<const compensation::CompensationCalculator>(
            compensation::CompensationPolicy::defaults());
    if (m_compensationFromServer || !m_link)
        return;
    m_link->call([](ApiClient *c) { return CompensationsApi(c).policy(); }, this,
                 [this](const ApiResult &r) {
                     if (!r.ok())
                         return; // the defaults stay; the server checks every amount anyway
                     QJsonObject o = r.object();
                     if (o.value(u"policy"_s).isObject())
                         o = o.value(u"policy"_s).toObject();
                     if (auto policy = compensation::CompensationPolicy::fromJson(o)) {
                         m_compensation =
                             std::make_shared<const compensation::CompensationCalculator>(*policy);
                         m_compensationFromServer = true;
                     }
                 });
}

void TicketPane::setUpCompensation(ResolveDialog *dialog)
{
    loadCompensationRules();
    if (!m_ticket)
        return;
    const std::optional<Parcel> parcel =
        m_ticket->waybillNo.isEmpty() ? std::nullopt : ParcelRepository(m_db).byWaybill(m_ticket->waybillNo);
    auto request = [this](qint64 amountFen, std::optional<qint64> proposedFen, const QString &explanation,
                          const QString &reason, const ResolveDialog::Done &done) {
        requestApproval(amountFen, proposedFen, explanation, reason, done);
    };
    dialog->setCompensation(m_compensation, parcel, m_ticket->category, m_user.role, m_clock.nowMs(),
                            request);
}

void TicketPane::requestApproval(qint64 amountFen, std::optional<qint64> proposedFen,
                                 const QString &explanation, const QString &reason,
                                 const std::function<void(bool, const QString &)> &done)
{
    // An approval is the server's decision: it cannot wait in the outbox like an edit.
    if (!m_link || !m_link->hasClient())
        return done(false, tr("Asking for approval needs the server. Try again when connected, or resolve "
                              "with an amount within your limit."));
    const QString ticketId = m_ticketId;
    m_link->call(
        [=](ApiClient *c) {
            return CompensationsApi(c).request(ticketId, amountFen, proposedFen, explanation, reason);
        },
        this,
        [this, done](const ApiResult &r) {
            if (!r.ok())
                return done(false, tr("The request was not recorded: %1").arg(r.errorMessage));
            if (r.status == 202)
                showNotice(tr("Approval requested; the ticket stays open until a supervisor decides."));
            else
                showNotice(tr("Within your limit: recorded as approved."));
            done(true, QString());
        });
}

} // namespace pd
