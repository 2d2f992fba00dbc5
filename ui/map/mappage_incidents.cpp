// MapPage: the incident layer (open incidents of the cache at their stations) and the trend highlights.
#include "mappage.h"

#include "mapview.h"
#include "models/store/incidentrepository.h"
#include "ui/proactive/incidenttext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

/// Station names as a route's place may spell them: case and surrounding spaces do not count.
QString placeKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

} // namespace

void MapPage::addIncidentControls(QHBoxLayout *bar)
{
    m_showIncidents = new QCheckBox(this);
    m_showIncidents->setObjectName(u"mapIncidents"_s);
    m_showIncidents->setChecked(true);
    m_incidentPick = new QComboBox(this);
    m_incidentPick->setObjectName(u"mapIncidentPick"_s);
    m_incidentPick->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_openIncident = new QPushButton(this);
    m_openIncident->setObjectName(u"mapOpenIncident"_s);
    bar->addSpacing(12);
    bar->addWidget(m_showIncidents);
    bar->addWidget(m_incidentPick, 1);
    bar->addWidget(m_openIncident);

    connect(m_showIncidents, &QCheckBox::toggled, this, &MapPage::applyIncidents);
    // activated: a choice of the supervisor's (mouse or keys), not a list rebuilt after a sync.
    connect(m_incidentPick, &QComboBox::activated, this, &MapPage::chooseIncident);
    connect(m_openIncident, &QPushButton::clicked, this, [this] {
        const QString id = m_incidentPick->currentData().toString();
        if (!id.isEmpty())
            Q_EMIT incidentRequested(id);
    });
    connect(m_map, &map::MapView::incidentClicked, this, [this](const QString &id) {
        m_incidentPick->setCurrentIndex(std::max(0, m_incidentPick->findData(id)));
        m_map->setSelectedIncident(id);
        m_openIncident->setEnabled(true);
        Q_EMIT incidentRequested(id);
    });
}

void MapPage::reloadIncidents()
{
    QHash<QString, const Station *> byName;
    for (const Station &s : std::as_const(m_stationsById)) {
        if (s.position && !s.name.isEmpty())
            byName.insert(placeKey(s.name), &s);
    }
    QList<IncidentRecord> open = IncidentRepository(m_db).list(u"open"_s);
    std::stable_sort(open.begin(), open.end(),
                     [](const IncidentRecord &a, const IncidentRecord &b) { return a.parcels > b.parcels; });
    m_incidentItems.clear();
    const QString chosen = m_incidentPick->currentData().toString();
    const QSignalBlocker block(m_incidentPick);
    m_incidentPick->clear();
    for (const IncidentRecord &r : std::as_const(open)) {
        // A station's incident sits at the station; a route's at the station (a hub) its place names, if any.
        const Station *at = nullptr;
        if (r.dimension == u"station"_s) {
            const auto it = m_stationsById.constFind(r.key);
            at = it != m_stationsById.cend() && it->position ? &*it : nullptr;
        } else {
            at = byName.value(placeKey(r.place), byName.value(placeKey(r.key)));
        }
        if (!at)
            continue;
        map::MapItem item;
        item.id = r.id;
        item.position = *at->position;
        item.glyph = map::Glyph::Incident;
        item.count = r.parcels;
        item.label = QLocale().toString(r.parcels);
        item.tooltip = IncidentText::summary(r, m_zone);
        m_incidentItems << item;
        m_incidentPick->addItem(tr("%1 · %Ln parcel(s)", nullptr, r.parcels).arg(IncidentText::cause(r)),
                                r.id);
    }
    m_incidentPick->insertItem(
        0, m_incidentItems.isEmpty() ? tr("No open incidents on the map") : tr("Go to an incident…"),
        QString());
    m_incidentPick->setCurrentIndex(std::max(0, m_incidentPick->findData(chosen)));
    applyIncidents();
}

void MapPage::applyIncidents()
{
    const bool on = m_showIncidents->isChecked();
    m_map->setIncidents(on ? m_incidentItems : QList<map::MapItem>());
    m_map->setSelectedIncident(on ? m_incidentPick->currentData().toString() : QString());
    m_incidentPick->setEnabled(on && !m_incidentItems.isEmpty());
    m_openIncident->setEnabled(on && !m_incidentPick->currentData().toString().isEmpty());
}

void MapPage::chooseIncident(int index)
{
    const QString id = m_incidentPick->itemData(index).toString();
    m_map->setSelectedIncident(id);
    m_openIncident->setEnabled(!id.isEmpty());
    const auto it = std::find_if(m_incidentItems.cbegin(), m_incidentItems.cend(),
                                 [&id](const map::MapItem &item) { return item.id == id; });
    if (it != m_incidentItems.cend())
        m_map->flyTo(it->position, std::max(m_map->viewport().zoom(), 13.0));
}

void MapPage::setHighlightedStations(const QHash<QString, QString> &labelByStationId)
{
    m_highlightLabels = labelByStationId;
    applyHighlights();
}

void MapPage::applyHighlights()
{
    QList<map::MapItem> items;
    for (auto it = m_highlightLabels.cbegin(); it != m_highlightLabels.cend(); ++it) {
        const auto station = m_stationsById.constFind(it.key());
        if (station == m_stationsById.cend() || !station->position)
            continue;
        map::MapItem item;
        item.id = it.key();
        item.position = *station->position;
        item.glyph = map::Glyph::Station;
        item.label = it.value();
        item.tooltip = (station->name.isEmpty() ? station->id : station->name) + u'\n' + it.value();
        items << item;
    }
    std::sort(items.begin(), items.end(),
              [](const map::MapItem &a, const map::MapItem &b) { return a.id < b.id; });
    m_map->setHighlights(items);
}

} // namespace pd
