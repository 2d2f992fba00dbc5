#include "trendalertpanel.h"

#include "models/store/directoryrepository.h"
#include "models/store/trendalertrepository.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

TrendAlertPanel::TrendAlertPanel(const Database &db, const QTimeZone &zone, QWidget *parent)
    : QGroupBox(parent)
    , m_db(db)
    , m_zone(zone)
    , m_intro(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_complaints(new QPushButton(this))
    , m_map(new QPushButton(this))
{
    setObjectName(u"trendAlertPanel"_s);
    m_list->setObjectName(u"trendAlertList"_s);
    m_complaints->setObjectName(u"trendComplaintsButton"_s);
    m_map->setObjectName(u"trendMapButton"_s);
    m_intro->setWordWrap(true);
    m_list->setMaximumHeight(76); // three lines; more scroll
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_complaints);
    buttons->addWidget(m_map);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, &TrendAlertPanel::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { showComplaints(m_list->row(item)); });
    connect(m_complaints, &QPushButton::clicked, this, [this] { showComplaints(m_list->currentRow()); });
    connect(m_map, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row >= 0 && row < m_alerts.size() && m_alerts.at(row).dimension == u"station")
            Q_EMIT showStationRequested(m_alerts.at(row).key);
    });
    retranslate();
    setVisible(false);
}

void TrendAlertPanel::reload()
{
    m_alerts = TrendAlertRepository(m_db).open();
    m_names.clear();
    if (!m_alerts.isEmpty()) {
        const DirectoryRepository directory(m_db);
        for (const Station &s : directory.stations())
            m_names.insert(u"station:"_s + s.id, s.name);
        for (const Courier &c : directory.couriers())
            m_names.insert(u"courier:"_s + c.id, c.name);
    }
    render();
}

QString TrendAlertPanel::placeOf(const TrendAlert &a) const
{
    if (a.dimension == u"category")
        return displayName(fromCode<Category>(a.key).value_or(Category::Other));
    if (a.dimension == u"route")
        return tr("route %1").arg(a.key);
    const QString name = m_names.value(a.dimension + u':' + a.key, a.key);
    return a.dimension == u"courier" ? tr("courier %1").arg(name) : name;
}

QString TrendAlertPanel::describe(const TrendAlert &a) const
{
    const QString since =
        QDateTime::fromMSecsSinceEpoch(a.windowStart, Qt::UTC).toTimeZone(m_zone).toString(u"MM-dd HH:mm"_s);
    const QString level = a.level == u"alert" ? tr("Alert") : tr("Warning");
    return tr("%1 — %2: %n complaint(s) since %3 where %4 are normal (×%5)", nullptr, a.observed)
        .arg(level, placeOf(a), since, QLocale().toString(a.expected, 'f', 1),
             QLocale().toString(a.ratio, 'f', 1));
}

void TrendAlertPanel::showComplaints(int row)
{
    if (row < 0 || row >= m_alerts.size())
        return;
    const TrendAlert &a = m_alerts.at(row);
    Q_EMIT drillDownRequested(TrendAlertRepository(m_db).complaintsQuery(a),
                              tr("Complaint spike · %1").arg(placeOf(a)));
}

void TrendAlertPanel::render()
{
    const QString selected = m_list->currentRow() >= 0 && m_list->currentRow() < m_alerts.size()
                                 ? m_alerts.at(m_list->currentRow()).id
                                 : QString();
    m_list->clear();
    int select = m_alerts.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_alerts.size(); ++i) {
        auto *item = new QListWidgetItem(describe(m_alerts.at(i)), m_list);
        item->setForeground(m_alerts.at(i).level == u"alert" ? QColor(0xb0, 0x1c, 0x1c)
                                                             : QColor(0x9a, 0x5b, 0));
        if (m_alerts.at(i).id == selected)
            select = i;
    }
    m_list->setCurrentRow(select);
    setTitle(tr("Complaint spikes (%n open)", nullptr, int(m_alerts.size())));
    setVisible(!m_alerts.isEmpty());
    updateButtons();
}

void TrendAlertPanel::updateButtons()
{
    const int row = m_list->currentRow();
    const bool any = row >= 0 && row < m_alerts.size();
    m_complaints->setEnabled(any);
    m_map->setEnabled(any && m_alerts.at(row).dimension == u"station");
    m_map->setToolTip(any && !m_map->isEnabled() ? tr("Only a station's spike has a place on the map.")
                                                 : QString());
}

void TrendAlertPanel::retranslate()
{
    m_intro->setText(tr("More complaints than is normal for the hour of the week (a Poisson test against the "
                        "last weeks). Open the complaints to find what they share."));
    m_complaints->setText(tr("Show &complaints"));
    m_map->setText(tr("Show on &map"));
    render();
}

void TrendAlertPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

} // namespace pd
