#include "incidentbanner.h"

#include "ui/proactive/incidenttext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pd {

IncidentBanner::IncidentBanner(const QTimeZone &zone, QWidget *parent)
    : QFrame(parent)
    , m_zone(zone)
    , m_text(new QLabel(this))
    , m_show(new QPushButton(this))
{
    setObjectName(u"incidentBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#incidentBanner { background-color: #e8f1fb; }"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_show);
    connect(m_show, &QPushButton::clicked, this, [this] { Q_EMIT incidentRequested(m_id); });
    hide();
}

void IncidentBanner::showIncident(const QString &incidentId, const std::optional<IncidentRecord> &incident)
{
    if (incidentId.isEmpty())
        return clear();
    m_id = incidentId;
    m_incident = incident;
    retranslate();
    show();
}

void IncidentBanner::clear()
{
    m_id.clear();
    m_incident.reset();
    hide();
}

void IncidentBanner::retranslate()
{
    if (m_id.isEmpty())
        return;
    m_text->setText(m_incident ? tr("Known incident — %1").arg(IncidentText::summary(*m_incident, m_zone))
                               : tr("Known incident %1: its details arrive with the next sync.").arg(m_id));
    m_show->setText(tr("Show &incident"));
    m_show->setToolTip(tr("Open the incident in the Proactive page: its parcels and the notices sent."));
}

void IncidentBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace pd
