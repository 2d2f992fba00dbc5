#include "approvalspage.h"

#include "approvalsmodel.h"
#include "decisiondialog.h"

#include "models/domain/clock.h"
#include "sync/api/compensationsapi.h"
#include "ui/common/language.h"
#include "ui/common/serverlink.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kReloadSoonMs = 1000;
constexpr int kPeriodicMs = 30 * 1000;
} // namespace

ApprovalsPage::ApprovalsPage(Clock &clock, const QTimeZone &zone, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new ApprovalsModel(zone, this))
    , m_view(new QTableView(this))
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_approve(new QPushButton(this))
    , m_reject(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_reloadSoon(new QTimer(this))
    , m_periodic(new QTimer(this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_title->setBuddy(m_view);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPage::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsPage::rejectSelected);
    connect(m_refresh, &QPushButton::clicked, this, &ApprovalsPage::reload);
    auto *f5 = new QShortcut(QKeySequence::Refresh, this, this, &ApprovalsPage::reload);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openTicketRequested(m_model->request(index.row()).ticketId);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApprovalsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ApprovalsPage::updateButtons);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(kReloadSoonMs);
    connect(m_reloadSoon, &QTimer::timeout, this, &ApprovalsPage::reload);
    connect(m_periodic, &QTimer::timeout, this, [this] {
        m_model->setNow(m_clock.nowMs());
        if (isVisible())
            reload();
    });
    m_periodic->start(kPeriodicMs);
    retranslate();
    updateButtons();
}

void ApprovalsPage::setServerLink(ServerLink *link)
{
    m_link = link;
}

QString ApprovalsPage::message() const
{
    return m_message->text();
}

void ApprovalsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void ApprovalsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ApprovalsPage::retranslate()
{
    m_title->setText(tr("Compensation waiting for &approval (oldest first):"));
    m_approve->setText(tr("&Approve…"));
    m_reject->setText(tr("&Reject…"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Load the queue again (F5)"));
}

void ApprovalsPage::onTicketsChanged()
{
    if (isVisible())
        m_reloadSoon->start();
}

void ApprovalsPage::reload()
{
    if (!m_link || m_loading)
        return;
    m_loading = true;
    m_link->call(
        [](ApiClient *c) { return CompensationsApi(c).list(u"pending"_s); }, this,
        [this](const ApiResult &r) {
            m_loading = false;
            if (!r.ok())
                return showMessage(tr("The queue could not be loaded: %1").arg(r.errorMessage), true);
            const QString selected = selectedRow() >= 0 ? m_model->request(selectedRow()).id : QString();
            m_model->setNow(m_clock.nowMs());
            m_model->setItems(r.object().value(u"items"_s).toArray());
            if (const int row = m_model->rowOf(selected); row >= 0)
                m_view->selectRow(row);
            Q_EMIT pendingCountChanged(m_model->rowCount());
            showMessage(m_model->rowCount() == 0 ? tr("Nothing waits for approval.")
                                                 : tr("%n request(s) waiting.", nullptr, m_model->rowCount()),
                        false);
        });
}

int ApprovalsPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ApprovalsPage::updateButtons()
{
    const bool any = selectedRow() >= 0;
    m_approve->setEnabled(any);
    m_reject->setEnabled(any);
}

void ApprovalsPage::approveSelected()
{
    decide(true);
}

void ApprovalsPage::rejectSelected()
{
    decide(false);
}

void ApprovalsPage::decide(bool approve)
{
    const int row = selectedRow();
    if (row < 0 || m_dialog)
        return;
    const ApprovalRow request = m_model->request(row);
    const QString summary = tr("%1 for ticket %2 (waybill %3), requested by %4.\n%5")
                                .arg(Language::yuan(request.amountFen), request.ticketNumber,
                                     request.waybillNo, request.requestedBy, request.explanation);
    m_dialog = new DecisionDialog(approve ? DecisionDialog::Mode::Approve : DecisionDialog::Mode::Reject,
                                  request.amountFen, summary, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, id = request.id] {
        send(id, m_dialog->mode() == DecisionDialog::Mode::Approve, m_dialog->changedFen(),
             m_dialog->reason());
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void ApprovalsPage::send(const QString &id, bool approve, std::optional<qint64> changedFen,
                         const QString &reason)
{
    if (!m_link)
        return showMessage(ServerLink::offline().errorMessage, true);
    m_link->call(
        [id, approve, changedFen, reason](ApiClient *c) {
            CompensationsApi api(c);
            return approve ? api.approve(id, changedFen, reason) : api.reject(id, reason);
        },
        this,
        [this, approve](const ApiResult &r) {
            if (!r.ok())
                return showMessage(tr("Not decided: %1").arg(r.errorMessage), true);
            showMessage(approve ? tr("Approved; the ticket is resolved with the approved amount.")
                                : tr("Rejected; the requester sees your reason on the ticket."),
                        false);
            reload();
        });
}

void ApprovalsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #c0262d"_s : QString());
}

} // namespace pd
