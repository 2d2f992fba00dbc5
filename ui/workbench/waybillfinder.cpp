#include "waybillfinder.h"

#include "models/domain/clock.h"
#include "models/domain/validation.h"
#include "ui/common/parcellookup.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace pd {

WaybillFinder::WaybillFinder(const Database &db, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_info(new QLabel(this))
    , m_newTicket(new QPushButton(this))
{
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::PlainText); // addresses and waybills are data, never markup
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_info, 1);
    layout->addWidget(m_newTicket);
    connect(m_newTicket, &QPushButton::clicked, this, [this] { Q_EMIT newTicketRequested(m_waybill); });
    hide();
}

void WaybillFinder::clear()
{
    m_waybill.clear();
    m_info->clear();
    hide();
}

void WaybillFinder::lookUp(const QString &search)
{
    const WaybillCheck w = Validation::checkWaybill(search);
    if (!w.valid) {
        clear();
        return;
    }
    if (w.normalized == m_waybill && isVisible())
        return; // the same search again (a refresh): the answer stands
    m_waybill = w.normalized;
    m_newTicket->setText(tr("New ticket for %1").arg(m_waybill));
    show();
    if (const auto p = ParcelLookup::cached(m_db, m_waybill))
        return showParcel(*p, false);
    m_info->setText(tr("No ticket is about %1. Looking the parcel up on the server…").arg(m_waybill));
    const QString asked = m_waybill;
    ParcelLookup::fromServer(
        m_db, m_link, asked, this,
        [this, asked](ParcelLookup::Outcome outcome, const std::optional<Parcel> &p) {
            if (asked != m_waybill)
                return; // another search meanwhile
            if (p)
                return showParcel(*p, true);
            m_info->setText(
                outcome == ParcelLookup::Outcome::Unknown
                    ? tr("No ticket is about %1, and the server does not know this parcel yet.").arg(asked)
                    : tr("No ticket is about %1. The parcel is not in the local cache and the "
                         "server cannot be reached to look it up.")
                          .arg(asked));
        });
}

void WaybillFinder::showParcel(const Parcel &p, bool fromServer)
{
    const Instant now = m_clock.nowMs();
    const bool late = p.promisedAt && (p.deliveredAt ? *p.deliveredAt > *p.promisedAt : now > *p.promisedAt);
    const QString where = late ? tr("%1, late").arg(displayName(p.status)) : displayName(p.status);
    m_info->setText(fromServer ? tr("No ticket is about %1. The parcel, from the server: %2, %3 → %4.")
                                     .arg(m_waybill, where, p.originAddress, p.destinationAddress)
                               : tr("No ticket is about %1. The parcel: %2, %3 → %4.")
                                     .arg(m_waybill, where, p.originAddress, p.destinationAddress));
}

} // namespace pd
