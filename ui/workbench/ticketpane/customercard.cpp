#include "customercard.h"

#include "models/domain/masking.h"
#include "models/domain/validation.h"
#include "panetext.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

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
    , m_showPhone(new QPushButton(this))
    , m_showName(new QPushButton(this))
    , m_showAddress(new QPushButton(this))
    , m_revealStatus(plainLabel(this))
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
    m_mapFrame->setObjectName(u"miniMapFrame"_s);
    m_mapPlaceholder->setAlignment(Qt::AlignCenter);
    m_mapLayout->setContentsMargins(0, 0, 0, 0);
    m_mapLayout->addWidget(m_mapPlaceholder);

    auto *reveal = new QHBoxLayout;
    reveal->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : {m_showPhone, m_showName, m_showAddress}) {
        b->setEnabled(false);
        reveal->addWidget(b);
    }
    reveal->addWidget(m_revealStatus, 1);
    connect(m_showPhone, &QPushButton::clicked, this,
            [this] { Q_EMIT revealRequested(CustomerField::Phone); });
    connect(m_showName, &QPushButton::clicked, this, [this] { Q_EMIT revealRequested(CustomerField::Name); });
    connect(m_showAddress, &QPushButton::clicked, this,
            [this] { Q_EMIT revealRequested(CustomerField::Address); });

    // The card scrolls rather than set the pane's minimum height: tracking and the map need ~400 px, and a
    // pane 900 px high would otherwise leave the Files strip one line (the tabs keep the largest page's
    // minimum).
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_customer);
    layout->addLayout(reveal);
    layout->addWidget(m_parcel);
    layout->addWidget(m_tracking, 1);
    layout->addWidget(m_mapFrame);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

void CustomerCard::retranslate()
{
    m_mapPlaceholder->setText(tr("Map"));
    m_customer->setAccessibleName(tr("Customer"));
    m_parcel->setAccessibleName(tr("Parcel"));
    m_tracking->setHeaderLabels({tr("Time"), tr("Status"), tr("Place"), tr("Details")});
    m_tracking->setAccessibleName(tr("Tracking timeline"));
    m_showPhone->setText(tr("Show n&umber…"));
    m_showName->setText(tr("Show n&ame…"));
    m_showAddress->setText(tr("Show addre&ss…"));
}

void CustomerCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_ticket) // what the card shows is made of translated words too
            showCustomer();
        if (m_ticket || m_parcelShown) {
            showParcel();
            showTracking();
        }
    }
    QWidget::changeEvent(event);
}

QString CustomerCard::shownPhone(const QString &phone, bool showFull)
{
    if (Masking::looksMasked(phone))
        return phone; // masked by the server already
    return showFull ? phone : Validation::maskPhone(phone);
}

void CustomerCard::setTicket(const Ticket &t, bool showFullPhone)
{
    m_ticket = t;
    m_showFullPhone = showFullPhone;
    showCustomer();
}

void CustomerCard::showCustomer()
{
    if (!m_ticket)
        return m_customer->clear();
    const Ticket &t = *m_ticket;
    const QString phone =
        m_revealed.phone.isEmpty() ? shownPhone(t.customerPhone, m_showFullPhone) : m_revealed.phone;
    const QString name = m_revealed.name.isEmpty() ? t.customerName : m_revealed.name;
    m_customer->setText(
        tr("%1 · %2\nChannel: %3 · Category: %4 · Priority: %5")
            .arg(name, phone, displayName(t.channel), displayName(t.category), displayName(t.priority)));
}

void CustomerCard::setParcel(const std::optional<Parcel> &parcel, const QList<TrackingEvent> &tracking,
                             Instant now)
{
    m_parcelShown = parcel;
    m_trackingShown = tracking;
    m_now = now;
    showParcel();
    showTracking();
}

void CustomerCard::showTracking()
{
    m_tracking->clear();
    // Newest first: the agent wants where the parcel is now. Status words in the reader's language; the
    // details only say what the row does not (PaneText::trackingDetails).
    for (auto it = m_trackingShown.crbegin(); it != m_trackingShown.crend(); ++it) {
        auto *item =
            new QTreeWidgetItem(m_tracking, {PaneText::instant(it->at, m_zone), displayName(it->status),
                                             it->place, PaneText::trackingDetails(*it)});
        for (int c = 0; c < item->columnCount(); ++c)
            item->setToolTip(c, item->text(c)); // columns may elide
    }
}

void CustomerCard::showParcel()
{
    if (!m_parcelShown) {
        m_parcel->setText(tr("The parcel is not in the cache yet (data lag, or another carrier's leg). The "
                             "ticket is linked when it appears."));
        return;
    }
    const Parcel &p = *m_parcelShown;
    const WaybillCheck w = Validation::checkWaybill(p.waybillNo);
    QString promise = p.promisedAt ? PaneText::instant(p.promisedAt, m_zone) : tr("none");
    const bool late =
        p.promisedAt && (p.deliveredAt ? *p.deliveredAt > *p.promisedAt : m_now > *p.promisedAt);
    if (late)
        promise = tr("%1 (late)").arg(promise);
    const bool revealed = m_revealed.has(CustomerField::Address);
    QString text = tr("Parcel %1 (%2) · %3\nFrom: %4\nTo: %5\nPromised: %6")
                       .arg(p.waybillNo, Validation::carrierName(w.carrier), displayName(p.status),
                            revealed ? m_revealed.originAddress : p.originAddress,
                            revealed ? m_revealed.destinationAddress : p.destinationAddress, promise);
    if (p.deliveredAt)
        text += u"\n"_s + tr("Delivered: %1").arg(PaneText::instant(p.deliveredAt, m_zone));
    if (p.declaredValueFen > 0)
        text += u"\n"_s + tr("Declared value: %1").arg(PaneText::yuan(p.declaredValueFen));
    m_parcel->setText(text);
}

void CustomerCard::setRevealed(const RevealedValues &values)
{
    m_revealed = values;
    showCustomer();
    showParcel();
}

QPushButton *CustomerCard::revealButton(CustomerField field) const
{
    switch (field) {
    case CustomerField::Phone:
        return m_showPhone;
    case CustomerField::Name:
        return m_showName;
    case CustomerField::Address:
        return m_showAddress;
    }
    return nullptr;
}

void CustomerCard::setRevealAllowed(CustomerField field, const ActionCheck &check)
{
    QPushButton *b = revealButton(field);
    b->setEnabled(check.allowed);
    b->setToolTip(check.allowed ? tr("Ask the server for the full value; it records who looked and why.")
                                : check.reason);
    b->setStatusTip(b->toolTip());
}

void CustomerCard::setRevealBusy(bool busy)
{
    m_revealStatus->setText(busy ? tr("Asking the server…") : QString());
    if (busy)
        for (QPushButton *b : {m_showPhone, m_showName, m_showAddress})
            b->setEnabled(false);
}

void CustomerCard::clear()
{
    m_ticket.reset();
    m_parcelShown.reset();
    m_trackingShown.clear();
    m_revealed = {};
    m_customer->clear();
    m_parcel->clear();
    m_tracking->clear();
    m_revealStatus->clear();
    for (QPushButton *b : {m_showPhone, m_showName, m_showAddress}) {
        b->setEnabled(false);
        b->setToolTip({});
    }
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
