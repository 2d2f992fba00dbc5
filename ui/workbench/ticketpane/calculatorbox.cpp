#include "calculatorbox.h"

#include "panetext.h"

#include "models/domain/ticketrules.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace pd {

CalculatorBox::CalculatorBox(std::shared_ptr<const compensation::CompensationCalculator> calculator,
                             std::optional<Parcel> parcel, Category category, Instant now, QWidget *parent)
    : QGroupBox(tr("Calculator"), parent)
    , m_calculator(std::move(calculator))
    , m_parcel(std::move(parcel))
    , m_category(category)
    , m_now(now)
    , m_actual(new QLineEdit(this))
    , m_damaged(new QSpinBox(this))
    , m_explanation(new QLabel(this))
    , m_use(new QPushButton(this))
{
    m_actual->setAccessibleName(tr("Actual value of the goods (yuan)"));
    m_damaged->setRange(0, 100);
    m_damaged->setValue(100);
    m_damaged->setSuffix(u" %"_s);
    m_damaged->setAccessibleName(tr("Damaged share"));
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_use->setEnabled(false);
    if (m_parcel && m_parcel->declaredValueFen > 0)
        m_actual->setText(QString::number(double(m_parcel->declaredValueFen) / 100.0, 'f', 2));
    m_actual->setPlaceholderText(tr("Declared value, or what the customer proves"));

    auto *form = new QFormLayout(this);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("Actual value (¥):"), m_actual);
    if (category == Category::Damage)
        form->addRow(tr("Damaged share:"), m_damaged);
    else
        m_damaged->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_explanation, 1);
    row->addWidget(m_use, 0, Qt::AlignTop);
    form->addRow(row);

    connect(m_actual, &QLineEdit::textChanged, this, &CalculatorBox::recompute);
    connect(m_damaged, &QSpinBox::valueChanged, this, &CalculatorBox::recompute);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (m_proposal)
            Q_EMIT useRequested(m_proposal->amountFen);
    });
    recompute();
}

void CalculatorBox::recompute()
{
    m_proposal.reset();
    m_use->setText(tr("&Use"));
    m_use->setEnabled(false);
    if (!m_parcel) {
        m_explanation->setText(tr("The parcel is not on this computer: type the amount the rules give."));
        Q_EMIT proposalChanged();
        return;
    }
    QString error;
    std::optional<qint64> actual = 0;
    if (!m_actual->text().trimmed().isEmpty())
        actual = PaneText::parseYuan(m_actual->text(), TicketRules::kMaxCompensationFen, &error);
    if (!actual) {
        m_explanation->setText(error);
        Q_EMIT proposalChanged();
        return;
    }
    compensation::Claim claim;
    claim.category = m_category;
    claim.actualValueFen = *actual;
    claim.damagedPercent = m_damaged->value();
    m_proposal = m_calculator->propose(*m_parcel, claim, m_now);
    m_explanation->setText(m_proposal->explanation);
    m_use->setText(tr("&Use %1").arg(compensation::formatYuan(m_proposal->amountFen, true)));
    m_use->setEnabled(m_proposal->amountFen > 0);
    Q_EMIT proposalChanged();
}

} // namespace pd
