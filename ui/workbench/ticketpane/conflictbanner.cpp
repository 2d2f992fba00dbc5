#include "conflictbanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonValue>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

QString ConflictBanner::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels{
        {u"status"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Status")},
        {u"priority"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Priority")},
        {u"category"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Category")},
        {u"channel"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Channel")},
        {u"assignee_id"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Assignee")},
        {u"team_id"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Team")},
        {u"resolution"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Resolution")},
        {u"compensation_amount"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Compensation (¥)")},
        {u"csat"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "CSAT")},
        {u"nps"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "NPS")},
        {u"follow_up_at"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Follow-up due")},
        {u"follow_up_done_at"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Follow-up done")},
        {u"description"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Complaint")},
        {u"customer_name"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Customer")},
        {u"customer_phone"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Phone")},
        {u"waybill_no"_s, QT_TRANSLATE_NOOP("pd::ConflictBanner", "Waybill")},
    };
    const char *label = labels.value(field);
    return label ? ConflictBanner::tr(label) : field;
}

namespace {

template<typename E>
QString label(const QString &code)
{
    const auto value = fromCode<E>(code);
    return value ? displayName(*value) : QString();
}

} // namespace

QString ConflictBanner::valueText(const QString &field, const QJsonValue &v)
{
    if (v.isString()) {
        const QString code = v.toString();
        QString name;
        if (field == u"status")
            name = label<TicketStatus>(code);
        else if (field == u"priority")
            name = label<Priority>(code);
        else if (field == u"category")
            name = label<Category>(code);
        else if (field == u"channel")
            name = label<Channel>(code);
        else if (field == u"resolution")
            name = label<Resolution>(code);
        if (!name.isEmpty())
            return name;
    }
    if (v.isUndefined() || v.isNull())
        return ConflictBanner::tr("(empty)");
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? ConflictBanner::tr("yes") : ConflictBanner::tr("no");
    return v.toString();
}

ConflictBanner::ConflictBanner(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_keepMine(new QPushButton(this))
    , m_takeTheirs(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"pd--ConflictBanner { background-color: #fde8e8; }"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_table->setColumnCount(3);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumHeight(120);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_takeTheirs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_keepMine, &QPushButton::clicked, this, &ConflictBanner::keepMine);
    connect(m_takeTheirs, &QPushButton::clicked, this, &ConflictBanner::takeTheirs);
    retranslate();
}

void ConflictBanner::retranslate()
{
    m_title->setText(
        tr("Someone else changed this ticket on the server while you edited it. Nothing is lost: "
           "choose which version stays."));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Yours"), tr("Server's")});
    m_keepMine->setText(tr("Keep mine"));
    m_takeTheirs->setText(tr("Take theirs"));
    m_keepMine->setToolTip(tr("Send your change again on top of the server's version"));
    m_takeTheirs->setToolTip(tr("Drop your change and use the server's copy"));
}

void ConflictBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ConflictBanner::showConflict(const TicketConflict &c)
{
    const QJsonObject server = c.serverCopy.toJson();
    const QStringList fields = c.localFields.keys();
    m_table->setRowCount(int(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        // QTableWidgetItem shows plain text: nothing typed is interpreted.
        m_table->setItem(i, 0, new QTableWidgetItem(fieldLabel(fields[i])));
        m_table->setItem(i, 1, new QTableWidgetItem(valueText(fields[i], c.localFields.value(fields[i]))));
        m_table->setItem(i, 2, new QTableWidgetItem(valueText(fields[i], server.value(fields[i]))));
    }
}

} // namespace pd
