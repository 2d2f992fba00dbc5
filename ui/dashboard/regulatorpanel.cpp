#include "regulatorpanel.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
QString perMillion(std::optional<double> v)
{
    return v ? QLocale().toString(*v, 'f', 2) : u"—"_s;
}
} // namespace

RegulatorPanel::RegulatorPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_show(new QPushButton(this))
{
    auto *grid = new QGridLayout(this);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    for (int f = 0; f < FigureCount; ++f) {
        m_names[f] = new QLabel(this);
        m_values[f] = new QLabel(this);
        m_details[f] = new QLabel(this);
        m_values[f]->setFont(big);
        for (QLabel *l : {m_names[f], m_values[f], m_details[f]}) {
            l->setTextFormat(Qt::PlainText);
            l->setWordWrap(true);
        }
        grid->addWidget(m_names[f], 0, f);
        grid->addWidget(m_values[f], 1, f);
        grid->addWidget(m_details[f], 2, f);
        grid->setColumnStretch(f, 1);
    }
    grid->addWidget(m_show, 3, FigureCount - 1, Qt::AlignRight);
    connect(m_show, &QPushButton::clicked, this, &RegulatorPanel::showAppealsRequested);
    retranslate();
}

void RegulatorPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void RegulatorPanel::retranslate()
{
    setTitle(tr("Regulator appeals (12305)"));
    m_names[AppealsPerMillion]->setText(tr("Appeals per million parcels"));
    m_names[AtFaultPerMillion]->setText(tr("At-fault appeals per million"));
    m_names[AnsweredOnTime]->setText(tr("Answered on time"));
    m_names[Overdue]->setText(tr("Past the deadline, not answered"));
    m_show->setText(tr("Show a&ppeals"));
    m_show->setToolTip(tr("The open regulator appeals in the workbench"));
    render();
}

void RegulatorPanel::setFigures(const RegulatorFigures &figures)
{
    m_figures = figures;
    render();
}

QString RegulatorPanel::valueText(Figure figure) const
{
    return m_values[figure]->text();
}

QString RegulatorPanel::detailText(Figure figure) const
{
    return m_details[figure]->text();
}

void RegulatorPanel::render()
{
    if (!m_figures) {
        for (int f = 0; f < FigureCount; ++f) {
            m_values[f]->setText(u"—"_s);
            m_details[f]->clear();
        }
        return;
    }
    const AppealCounts &c = m_figures->total;
    m_values[AppealsPerMillion]->setText(perMillion(c.perMillion()));
    m_details[AppealsPerMillion]->setText(tr("%n appeal(s)", nullptr, int(c.appeals)) + u" · "_s +
                                          tr("%1 parcels").arg(QLocale().toString(c.parcels)));
    m_values[AtFaultPerMillion]->setText(perMillion(c.atFaultPerMillion()));
    m_details[AtFaultPerMillion]->setText(tr("%n at fault (有效申诉)", nullptr, int(c.atFault)));
    const KpiRatio onTime = c.onTime();
    m_values[AnsweredOnTime]->setText(
        onTime.denominator > 0
            ? QLocale().toString(100.0 * double(onTime.numerator) / double(onTime.denominator), 'f', 1) +
                  u" %"_s
            : u"—"_s);
    m_details[AnsweredOnTime]->setText(tr("%1 on time, %2 late").arg(c.answeredOnTime).arg(c.late()));
    m_values[Overdue]->setText(QLocale().toString(c.overdue));
    m_values[Overdue]->setStyleSheet(c.overdue > 0 ? u"color: #c0262d"_s : QString());
    m_details[Overdue]->setText(tr("%n still within the deadline", nullptr, int(c.open)));
}

} // namespace pd
