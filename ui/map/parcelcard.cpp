#include "parcelcard.h"

#include "mapitems.h"
#include "ui/common/language.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace pd::map {

ParcelCard::ParcelCard(const QTimeZone &zone, QWidget *parent)
    : QFrame(parent)
    , m_zone(zone)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_promised(new QLabel(this))
    , m_eta(new QLabel(this))
    , m_courier(new QLabel(this))
    , m_tickets(new QListWidget(this))
    , m_open(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("parcelCard"));
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    head->addWidget(m_title, 1);
    head->addWidget(close);
    layout->addLayout(head);
    auto *form = new QFormLayout;
    QList<QLabel *> labels;
    for (QLabel *field : {m_status, m_promised, m_eta, m_courier}) {
        labels << new QLabel(this);
        form->addRow(labels.last(), field);
    }
    layout->addLayout(form);
    m_etaLabel = labels.at(2);
    labels << new QLabel(this);
    layout->addWidget(labels.last());
    m_tickets->setObjectName(QStringLiteral("parcelTickets"));
    layout->addWidget(m_tickets, 1);
    layout->addWidget(m_open);
    m_open->setEnabled(false);

    connect(close, &QToolButton::clicked, this, [this] {
        clear();
        Q_EMIT closed();
    });
    connect(m_tickets, &QListWidget::currentRowChanged, this,
            [this](int row) { m_open->setEnabled(row >= 0); });
    connect(m_tickets, &QListWidget::itemActivated, this, [this] { openCurrent(); });
    connect(m_open, &QPushButton::clicked, this, [this] { openCurrent(); });
    clear();
    Language::follow(this, [this, close, labels] {
        m_open->setText(tr("Open ticket"));
        close->setToolTip(tr("Close the card"));
        const QStringList names{tr("Status"), tr("Promised"), tr("ETA"), tr("Courier"), tr("Tickets")};
        for (int i = 0; i < labels.size(); ++i)
            labels[i]->setText(names[i]);
        if (m_delivered)
            m_etaLabel->setText(tr("Delivered", "the time a parcel was delivered, beside its promised time"));
    });
}

void ParcelCard::show(const geo::MapParcel &parcel, bool late, OptInstant eta, const QString &courierName,
                      const QList<geo::MapTicket> &tickets)
{
    m_waybill = parcel.waybillNo;
    m_title->setText(parcel.waybillNo);
    m_status->setText(late ? tr("%1 (late)").arg(displayName(parcel.status)) : displayName(parcel.status));
    m_status->setStyleSheet(late || parcel.status == ParcelStatus::Exception
                                ? QStringLiteral("color: #b3141b; font-weight: bold;")
                                : QString());
    m_promised->setText(formatInstant(parcel.promisedAt, m_zone));
    // Delivered: the row says so and gives the time; "ETA: Delivered …" read as an estimate.
    m_delivered = parcel.deliveredAt.has_value();
    m_etaLabel->setText(m_delivered
                            ? tr("Delivered", "the time a parcel was delivered, beside its promised time")
                            : tr("ETA"));
    m_eta->setText(formatInstant(m_delivered ? parcel.deliveredAt : eta, m_zone));
    m_courier->setText(courierName.isEmpty() ? QStringLiteral("—") : courierName);
    m_tickets->clear();
    for (const geo::MapTicket &t : tickets) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 · %2 · %3")
                .arg(t.number.isEmpty() ? t.id : t.number, displayName(t.status), displayName(t.category)),
            m_tickets);
        item->setData(Qt::UserRole, t.id);
    }
    if (tickets.isEmpty())
        new QListWidgetItem(tr("No tickets about this parcel"), m_tickets);
    else
        m_tickets->setCurrentRow(0);
    m_tickets->setEnabled(!tickets.isEmpty());
    m_open->setEnabled(!tickets.isEmpty());
    setVisible(true);
}

void ParcelCard::clear()
{
    m_waybill.clear();
    m_tickets->clear();
    m_open->setEnabled(false);
    setVisible(false);
}

QString ParcelCard::etaLabel() const
{
    return m_etaLabel->text();
}

QString ParcelCard::fieldText(const QString &name) const
{
    if (name == QLatin1String("waybill"))
        return m_title->text();
    if (name == QLatin1String("status"))
        return m_status->text();
    if (name == QLatin1String("promised"))
        return m_promised->text();
    if (name == QLatin1String("eta"))
        return m_eta->text();
    if (name == QLatin1String("courier"))
        return m_courier->text();
    return {};
}

void ParcelCard::openCurrent()
{
    const QListWidgetItem *item = m_tickets->currentItem();
    const QString id = item ? item->data(Qt::UserRole).toString() : QString();
    if (!id.isEmpty())
        Q_EMIT openTicketRequested(id);
}

} // namespace pd::map
