#include "mergebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pd {

MergeBanner::MergeBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_open(new QPushButton(this))
    , m_merge(new QPushButton(this))
{
    setObjectName(u"mergeBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#mergeBanner { background-color: #fff4e5; }"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_merge);
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(m_targetId); });
    connect(m_merge, &QPushButton::clicked, this, [this] { Q_EMIT mergeRequested(m_targetId); });
    hide();
}

void MergeBanner::showTicket(const Ticket &t, const ActionCheck &merge)
{
    m_merged = t.isMerged();
    m_targetId = m_merged ? t.mergedInto : t.duplicateOf;
    m_targetNumber = m_merged ? t.mergedIntoNumber : t.duplicateOfNumber;
    m_check = merge;
    // A flagged ticket that was closed since is no longer a merge to offer.
    if (m_targetId.isEmpty() || (!m_merged && t.status == TicketStatus::Closed))
        return clear();
    retranslate();
    show();
}

void MergeBanner::clear()
{
    m_targetId.clear();
    hide();
}

void MergeBanner::retranslate()
{
    if (m_targetId.isEmpty())
        return;
    m_text->setText(
        m_merged
            ? tr("Merged into %1: its conversation and files are there now, and it is "
                 "counted there once.")
                  .arg(m_targetNumber)
            : tr("Likely a duplicate of %1, an open ticket about the same waybill.").arg(m_targetNumber));
    m_open->setText(tr("&Open %1").arg(m_targetNumber));
    m_merge->setText(tr("&Merge into %1…").arg(m_targetNumber));
    m_merge->setVisible(!m_merged);
    m_merge->setEnabled(m_check.allowed);
    m_merge->setToolTip(m_check.allowed ? tr("Moves this ticket's conversation and files to %1 and closes "
                                             "this one.")
                                              .arg(m_targetNumber)
                                        : m_check.reason);
}

void MergeBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace pd
