#include "kpitile.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <cmath>

namespace pd {

namespace {

const char *kGood = "#2e7d32";
const char *kBad = "#c62828";
const char *kNeutral = "#616161";

} // namespace

KpiTile::KpiTile(Kpi kpi, QWidget *parent)
    : QFrame(parent)
    , m_kpi(kpi)
    , m_label(new QLabel(this))
    , m_value(new QLabel(this))
    , m_target(new QLabel(this))
    , m_change(new QLabel(this))
{
    setObjectName(QStringLiteral("kpiTile%1").arg(int(kpi)));
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    retranslate();
    m_label->setWordWrap(true);
    m_label->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(kNeutral)));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_value->setFont(big);
    QFont small = m_target->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_target->setFont(small);
    m_change->setFont(small);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addWidget(m_label);
    layout->addWidget(m_value);
    layout->addWidget(m_target);
    layout->addWidget(m_change);
    setValues(std::nullopt, std::nullopt, std::nullopt);
}

void KpiTile::retranslate()
{
    m_label->setText(KpiInfo::label(m_kpi));
    setToolTip(tr("Click to open these tickets in the workbench"));
    setAccessibleName(KpiInfo::label(m_kpi));
}

void KpiTile::setValues(std::optional<double> value, std::optional<double> target,
                        std::optional<double> previous)
{
    m_value->setText(KpiInfo::format(m_kpi, value));
    KpiTargets targets;
    targets.setTarget(m_kpi, target);
    const std::optional<bool> meets = targets.meets(m_kpi, value);
    m_value->setStyleSheet(meets ? QStringLiteral("color: %1;").arg(QLatin1String(*meets ? kGood : kBad))
                                 : QString());
    const bool higher = KpiInfo::of(m_kpi).higherIsBetter;
    m_target->setText(
        target ? (higher ? tr("Target ≥ %1") : tr("Target ≤ %1")).arg(KpiInfo::format(m_kpi, target))
               : tr("No target"));
    m_change->setText(changeFor(m_kpi, value, previous));
    const char *colour = kNeutral;
    if (value && previous && *value != *previous)
        colour = ((*value > *previous) == higher) ? kGood : kBad;
    m_change->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(colour)));
    setAccessibleDescription(m_value->text() + QLatin1Char(' ') + m_target->text() + QLatin1Char(' ') +
                             m_change->text());
}

QString KpiTile::valueText() const
{
    return m_value->text();
}

QString KpiTile::targetText() const
{
    return m_target->text();
}

QString KpiTile::changeText() const
{
    return m_change->text();
}

QString KpiTile::changeFor(Kpi kpi, std::optional<double> value, std::optional<double> previous)
{
    if (!value || !previous || std::isnan(*value) || std::isnan(*previous))
        return tr("No previous figure");
    const double diff = *value - *previous;
    const QLocale locale;
    QString amount;
    switch (KpiInfo::of(kpi).unit) {
    case KpiUnit::Share:
        amount = tr("%1 pts").arg(locale.toString(std::abs(diff) * 100.0, 'f', 1));
        break;
    case KpiUnit::DurationMs:
        amount = KpiInfo::format(kpi, std::abs(diff));
        break;
    case KpiUnit::Count:
    case KpiUnit::Score:
        amount = locale.toString(std::abs(diff), 'f', 0);
        break;
    case KpiUnit::PerTenThousand:
        amount = locale.toString(std::abs(diff), 'f', 1);
        break;
    }
    if (std::abs(diff) < 1e-9)
        return tr("= unchanged vs previous period");
    //: %1 is the amount of change, e.g. "1.2 pts" or "3.0 min"
    return (diff > 0 ? tr("▲ +%1 vs previous period") : tr("▼ −%1 vs previous period")).arg(amount);
}

void KpiTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked(m_kpi);
    QFrame::mouseReleaseEvent(event);
}

void KpiTile::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        Q_EMIT clicked(m_kpi);
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace pd
