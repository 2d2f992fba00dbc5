#include "effectpanel.h"

#include "ui/common/serverlink.h"

#include "models/domain/clock.h"
#include "sync/api/proactiveapi.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
QString percent(const std::optional<double> &v)
{
    return v ? EffectPanel::tr("%1 %").arg(QLocale().toString(*v, 'f', 1)) : EffectPanel::tr("—");
}

QString groupText(const EffectFigures::Group &g)
{
    const QString csat = g.csat ? EffectPanel::tr("CSAT %1 (%n answer(s))", nullptr, g.csatAnswers)
                                      .arg(QLocale().toString(*g.csat, 'f', 2))
                                : EffectPanel::tr("no CSAT answer");
    return EffectPanel::tr("%1 complained (%2 of %n parcel(s)) · %3", nullptr, g.parcels)
        .arg(percent(g.complaintRatePercent))
        .arg(g.complained)
        .arg(csat);
}
} // namespace

EffectPanel::EffectPanel(const Clock &clock, QWidget *parent)
    : QGroupBox(parent)
    , m_clock(clock)
    , m_noteLabel(new QLabel(this))
{
    setObjectName(u"effectPanel"_s);
    auto *grid = new QGridLayout(this);
    for (int r = 0; r < RowCount; ++r) {
        m_names[std::size_t(r)] = new QLabel(this);
        m_values[std::size_t(r)] = new QLabel(this);
        m_values[std::size_t(r)]->setObjectName(u"effectValue%1"_s.arg(r));
        m_values[std::size_t(r)]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(m_names[std::size_t(r)], r, 0);
        grid->addWidget(m_values[std::size_t(r)], r, 1);
    }
    m_noteLabel->setObjectName(u"effectNote"_s);
    m_noteLabel->setWordWrap(true);
    grid->addWidget(m_noteLabel, RowCount, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    retranslate();
}

void EffectPanel::setServerLink(ServerLink *link)
{
    m_link = link;
}

void EffectPanel::load(const KpiPeriod &period)
{
    const qint64 now = m_clock.nowMs();
    if (m_loading || (period == m_period && m_loadedAt > 0 && now - m_loadedAt < kMinAgeMs))
        return;
    if (!m_link || !m_link->hasClient()) {
        m_note = m_figures ? tr("Offline: these are the figures last loaded.")
                           : tr("Offline: the effect of notices needs the server.");
        render();
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    m_period = period;
    const Instant from = period.from;
    const Instant to = std::min<qint64>(period.to, now);
    m_link->call([from, to](ApiClient *c) { return ProactiveApi(c).effect(from, std::max(to, from + 1)); },
                 this,
                 [this, now](const ApiResult &r) {
                     m_loading = false;
                     m_loadedAt = now;
                     if (!r.ok()) {
                         setFigures(m_figures,
                                    tr("The effect of notices could not be loaded: %1").arg(r.errorMessage));
                     } else {
                         const auto f = EffectFigures::fromJson(r.object());
                         setFigures(f, f && f->parcelsWithException == 0
                                           ? tr("No exception was detected in this period.")
                                           : QString());
                     }
                     Q_EMIT loaded();
                 });
}

void EffectPanel::setFigures(const std::optional<EffectFigures> &figures, const QString &note)
{
    m_figures = figures;
    m_note = note;
    render();
}

QString EffectPanel::valueText(Row row) const
{
    return m_values[std::size_t(row)]->text();
}

QString EffectPanel::noteText() const
{
    return m_noteLabel->text();
}

void EffectPanel::render()
{
    const bool any = m_figures && m_figures->parcelsWithException > 0;
    QString note = m_note;
    if (any) {
        const EffectFigures &f = *m_figures;
        m_values[Told]->setText(groupText(f.notifiedFirst));
        m_values[NotTold]->setText(groupText(f.notNotifiedFirst));
        m_values[Share]->setText(tr("%1 of %n parcel(s) with an exception", nullptr, f.parcelsWithException)
                                     .arg(percent(f.shareNotifiedFirstPercent)));
        m_values[Delay]->setText(f.medianMinutesToNotice
                                     ? tr("%1 min").arg(QLocale().toString(*f.medianMinutesToNotice, 'f', 1))
                                     : tr("—"));
        const auto reduction = f.complaintReductionPercent();
        if (note.isEmpty() && std::min(f.notifiedFirst.parcels, f.notNotifiedFirst.parcels) < kMinGroup)
            note = tr("Too few parcels in one of the groups to compare them yet (%1 at least in each).")
                       .arg(kMinGroup);
        else if (note.isEmpty() && reduction)
            note = *reduction >= 0 ? tr("Customers told first complained %1 % less often.")
                                         .arg(QLocale().toString(*reduction, 'f', 0))
                                   : tr("Customers told first complained %1 % more often.")
                                         .arg(QLocale().toString(-*reduction, 'f', 0));
    }
    for (QLabel *v : m_values)
        v->setVisible(any);
    for (QLabel *n : m_names)
        n->setVisible(any);
    m_noteLabel->setText(note);
    m_noteLabel->setVisible(!note.isEmpty());
}

void EffectPanel::retranslate()
{
    setTitle(tr("Proactive notices — the effect"));
    m_names[Told]->setText(tr("Told before any complaint:"));
    m_names[NotTold]->setText(tr("Not told first:"));
    m_names[Share]->setText(tr("Told before the customer called:"));
    m_names[Delay]->setText(tr("Median time from detection to notice:"));
    render();
}

void EffectPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

} // namespace pd
