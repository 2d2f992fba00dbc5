#include "customercard.h"

#include "models/domain/validation.h"
#include "panetext.h"

#include <QEvent>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pd {

namespace {
QLabel *plainLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText); // customer text is never interpreted as markup
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}
} // namespace

CustomerCard::CustomerCard(const QTimeZone &zone, QWidget *parent)
    : QWidget(parent)
    , m_zone(zone)
    , m_customer(plainLabel(this))
    , m_parcel(plainLabel(this))
    , m_tracking(new QTreeWidget(this))
    , m_mapFrame(new QFrame(this))
    , m_mapLayout(new QVBoxLayout(m_mapFrame))
    , m_mapPlaceholder(new QLabel(m_mapFrame))
{
    m_tracking->setRootIsDecorated(false);
    retranslate();
    m_tracking->header()->setStretchLastSection(true);

    m_mapFrame->setFrameShape(QFrame::StyledPanel);
    m_mapFrame->setMinimumHeight(140);
    m_mapFrame->setObjectName(u"miniMapFrame"_qs);
    m_mapPlaceholder->setAlignment(Qt::AlignCenter);
    m_mapLayout->setContentsMargins(0, 0, 0, 0);
    m_mapLayout->addWidget(m_mapPlaceholder);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_customer);
    layout->addWidget(m_parcel);
    layout->addWidget(m_tracking, 1);
    layout->addWidget(m_mapFrame);
}

void CustomerCard::retranslate()
{
    m_mapPlaceholder->setText(tr("Map"));
    m_customer->setAccessibleName(tr("Customer"));
    m_parcel->setAccessibleName(tr("Parcel"));
    m_tracking->setHeaderLabels({tr("Time"), tr("Status"), tr("Place"), tr("Details")});
    m_tracking->setAccessibleName(tr("Tracking timeline"));
}

void CustomerCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerCard::setTicket(const Ticket &t, bool showFullPhone)
{
    const QString phone = showFullPhone ? t.customerPhone : Validation::maskPhone(t.customerPhone);
    m_customer->setText(tr("%1 · %2\nChannel: %3 · Category: %4 · Priority: %5")
                            .arg(t.customerName, phone, displayName(t.channel), displayName(t.category),
                                 displayName(t.priority)));
}

void CustomerCard::setParcel(const std::optional<Parcel> &parcel, const QList<TrackingEvent> &tracking,
                             Instant now)
{
    m_tracking->clear();
    if (!parcel) {
        m_parcel->setText(tr("The parcel is not in the cache yet (data lag, or another carrier's leg). The "
                             "ticket is linked when it appears."));
        return;
    }
    const Parcel &p = *parcel;
    const WaybillCheck w = Validation::checkWaybill(p.waybillNo);
    QString promise = p.promisedAt ? PaneText::instant(p.promisedAt, m_zone) : tr("none");
    const bool late = p.promisedAt && (p.deliveredAt ? *p.deliveredAt > *p.promisedAt : now > *p.promisedAt);
    if (late)
        promise = tr("%1 (late)").arg(promise);
    QString text = tr("Parcel %1 (%2) · %3\nFrom: %4\nTo: %5\nPromised: %6")
                       .arg(p.waybillNo, Validation::carrierName(w.carrier), displayName(p.status),
                            p.originAddress, p.destinationAddress, promise);
    if (p.deliveredAt)
        text += u"\n"_qs + tr("Delivered: %1").arg(PaneText::instant(p.deliveredAt, m_zone));
    if (p.declaredValueFen > 0)
        text += u"\n"_qs + tr("Declared value: %1").arg(PaneText::yuan(p.declaredValueFen));
    m_parcel->setText(text);

    // Newest first: the agent wants where the parcel is now.
    for (auto it = tracking.crbegin(); it != tracking.crend(); ++it) {
        new QTreeWidgetItem(
            m_tracking, {PaneText::instant(it->at, m_zone), displayName(it->status), it->place, it->text});
    }
}

void CustomerCard::clear()
{
    m_customer->clear();
    m_parcel->clear();
    m_tracking->clear();
}

void CustomerCard::setMiniMap(QWidget *map)
{
    if (m_map == map)
        return;
    if (m_map) {
        m_mapLayout->removeWidget(m_map);
        m_map->deleteLater();
    }
    m_map = map;
    if (m_map) {
        m_map->setParent(m_mapFrame);
        m_mapLayout->addWidget(m_map);
        m_map->show();
    }
    m_mapPlaceholder->setVisible(!m_map);
}

QString CustomerCard::customerText() const
{
    return m_customer->text();
}

QString CustomerCard::parcelText() const
{
    return m_parcel->text();
}

} // namespace pd
