#include "ticketpane.h"

#include "actionbar.h"
#include "appealpanel.h"
#include "attachmentspanel.h"
#include "calldialog.h"
#include "cannedreplies.h"
#include "composer.h"
#include "conflictbanner.h"
#include "conversationview.h"
#include "customercard.h"
#include "customerhistorypanel.h"
#include "customerreveal.h"
#include "followuppanel.h"
#include "imageviewer.h"
#include "models/domain/clock.h"
#include "models/domain/ticketrules.h"
#include "models/domain/validation.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/localedits.h"
#include "models/store/parcelrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/workloadrepository.h"
#include "panetext.h"
#include "refusededits.h"
#include "resolvedialog.h"
#include "revealdialog.h"
#include "slapanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QEvent>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kSlaRefreshMs = 1000;

QLabel *banner(QWidget *parent, const QString &style)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setStyleSheet(style);
    l->hide();
    return l;
}
} // namespace

TicketPane::TicketPane(const Database &db, const Clock &clock, const QTimeZone &companyZone, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_zone(companyZone)
    , m_edits(std::make_unique<LocalEdits>(db, clock))
    , m_viewers(banner(this, u"background-color: #e8f0fe; padding: 4px;"_s))
    , m_conflict(new ConflictBanner(this))
    , m_refused(new RefusedEdits(this))
    , m_header(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_actions(new ActionBar(this))
    , m_message(banner(this, u"color: #c0262d;"_s))
    , m_tabs(new QTabWidget(this))
    , m_card(new CustomerCard(companyZone, this))
    , m_sla(new SlaPanel(companyZone, this))
    , m_conversation(new ConversationView(companyZone, this))
    , m_followUp(new FollowUpPanel(
          companyZone,
          [this](Instant due, QString *error) {
              return updateFields({{u"follow_up_at"_s, instantToIso(due)}}, error);
          },
          [this](std::optional<int> csat, std::optional<int> nps, QString *error) {
              QJsonObject fields{{u"follow_up_done_at"_s, instantToIso(m_clock.nowMs())}};
              if (csat)
                  fields.insert(u"csat"_s, *csat);
              if (nps)
                  fields.insert(u"nps"_s, *nps);
              return updateFields(fields, error);
          },
          this))
    , m_composer(new Composer(this))
    , m_slaTimer(new QTimer(this))
    , m_reveal(new CustomerReveal(this))
    , m_appeal(new AppealPanel(companyZone, this))
    , m_history(new CustomerHistoryPanel(companyZone, this))
{
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    QFont f = m_header->font();
    f.setBold(true);
    m_header->setFont(f);
    m_conflict->hide();
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    for (QWidget *tab :
         std::initializer_list<QWidget *>{m_conversation, m_card, m_sla, m_followUp, m_appeal, m_history})
        m_tabs->addTab(tab, QString());
    connect(m_history, &CustomerHistoryPanel::openTicketRequested, this, &TicketPane::openTicketRequested);
    m_tabs->setTabVisible(kAppealTab, false);
    connectAppeal();

    m_files = new AttachmentsPanel(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tabs);
    split->addWidget(m_files); // under the conversation, above the reply: in view while answering
    split->addWidget(m_composer);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 0);
    split->setStretchFactor(2, 1);
    split->setCollapsible(1, false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_viewers);
    layout->addWidget(m_conflict);
    layout->addWidget(m_refused);
    layout->addWidget(m_header);
    layout->addWidget(m_summary);
    layout->addWidget(m_actions);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_actions, &ActionBar::triggered, this, &TicketPane::trigger);
    connect(m_composer, &Composer::submitted, this,
            [this](Composer::Box box, const QString &text) { submit(int(box), text); });
    connect(m_conflict, &ConflictBanner::keepMine, this, [this] { settleConflict(true); });
    connect(m_conflict, &ConflictBanner::takeTheirs, this, [this] { settleConflict(false); });
    connect(m_refused, &RefusedEdits::discardRequested, this, [this](qint64 seq) {
        QString error;
        if (!m_edits->discardRefused(seq, &error))
            return showError(error);
        afterWrite();
    });
    connect(m_card, &CustomerCard::revealRequested, this, &TicketPane::reveal);
    connect(m_reveal, &CustomerReveal::revealed, this, &TicketPane::onRevealed);
    connect(m_reveal, &CustomerReveal::refused, this, &TicketPane::onRevealRefused);
    connectAttachments();
    connectMerge();
    m_slaTimer->setInterval(kSlaRefreshMs);
    connect(m_slaTimer, &QTimer::timeout, this, &TicketPane::refreshSla);
    m_slaTimer->start();

    QSettings settings;
    m_composer->setCannedReplies(CannedReplies::load(settings));
    loadPolicy();
    showEmpty(QCoreApplication::translate("pd::TicketPane", "Choose a ticket."));
    retranslate();
}

TicketPane::~TicketPane() = default;

void TicketPane::retranslate()
{
    m_tabs->setTabText(0, tr("Conversation"));
    m_tabs->setTabText(1, tr("Customer && parcel"));
    m_tabs->setTabText(2, tr("SLA"));
    m_tabs->setTabText(3, tr("Follow-up"));
    m_tabs->setTabText(kAppealTab, tr("Appeal"));
    setHistoryTabText(m_ticket ? m_history->shownTotal() : 0);
}

void TicketPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Canned replies named by the program (none saved) come in the new language; typed text stays.
        QSettings settings;
        m_composer->setCannedReplies(CannedReplies::load(settings));
        setViewers(m_viewerNames);
        reload(); // header, summary, card, SLA, timeline and reasons in the new language and locale
    }
    QWidget::changeEvent(event);
}

ResolveDialog *TicketPane::resolveDialog() const
{
    return m_resolveDialog;
}

CallDialog *TicketPane::callDialog() const
{
    return m_callDialog;
}

void TicketPane::setCurrentUser(const User &user)
{
    if (user.id != m_user.id) {
        m_reveal->forget(); // what one person was shown is not the next person's
        if (m_revealDialog)
            m_revealDialog->reject();
    }
    m_user = user;
    reload();
}

void TicketPane::setMiniMap(QWidget *map)
{
    m_card->setMiniMap(map);
}

void TicketPane::setViewers(const QStringList &names)
{
    m_viewerNames = names;
    m_viewers->setText(tr("Also viewing: %1").arg(names.join(u", "_s)));
    m_viewers->setVisible(!names.isEmpty());
}

void TicketPane::showTicket(const QString &ticketId)
{
    if (ticketId != m_ticketId) {
        m_composer->switchTo(ticketId);
        m_ticketId = ticketId;
        m_reveal->forTicket(ticketId); // revealed values belong to the ticket they were asked for
        m_message->hide();
        if (m_resolveDialog)
            m_resolveDialog->reject();
        if (m_callDialog)
            m_callDialog->reject();
        if (m_revealDialog)
            m_revealDialog->reject();
    }
    reload();
}

void TicketPane::loadPolicy()
{
    // The server sends its policy in the change feed (ChangeApplier keeps it in the sync state); until then
    // the defaults of docs/domain.md apply.
    const QString json = SyncStateRepository(m_db).value(u"sla_policy"_s);
    std::optional<SlaPolicy> policy;
    if (!json.isEmpty())
        policy = SlaPolicy::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
    m_policy = policy.value_or(SlaPolicy{});
}

void TicketPane::showEmpty(const QString &why)
{
    m_ticket.reset();
    m_events.clear();
    m_inConflict = false;
    m_reveal->forTicket(QString());
    m_header->setText(why);
    m_summary->clear();
    m_conflict->hide();
    m_refused->showRefused({});
    m_card->clear();
    clearHistory();
    m_sla->clear();
    m_conversation->clear();
    loadAttachments();
    m_actions->disableAll(why);
    m_composer->setAllowed(Composer::Box::Reply, false, why);
    m_composer->setAllowed(Composer::Box::Note, false, why);
    m_followUp->setAllowed(false, why, false, why);
}

void TicketPane::reload()
{
    if (m_ticketId.isEmpty())
        return showEmpty(QCoreApplication::translate("pd::TicketPane", "Choose a ticket."));
    TicketRepository tickets(m_db);
    const auto row = tickets.byId(m_ticketId);
    if (!row)
        return showEmpty(tr("This ticket is not in the local cache (any more)."));
    if (!m_user.id.isEmpty() && !TicketRules::canRead(m_user.role, m_user.teamId, row->ticket.teamId))
        return showEmpty(tr("This ticket belongs to another team."));

    loadPolicy();
    m_ticket = row->ticket;
    const Ticket &t = *m_ticket;
    m_events = tickets.events(t.id);
    m_users = DirectoryRepository(m_db).users();
    QHash<QString, QString> names;
    QList<User> members;
    for (const User &u : std::as_const(m_users)) {
        names.insert(u.id, u.displayName);
        if (!u.disabled && u.teamId == t.teamId && (u.role == Role::Agent || u.role == Role::Supervisor))
            members.append(u);
    }

    const auto conflict = m_edits->conflictFor(t.id);
    m_inConflict = conflict.has_value();
    if (conflict)
        m_conflict->showConflict(*conflict);
    m_conflict->setVisible(m_inConflict);
    m_refused->showRefused(m_edits->refused(t.id));

    QString state;
    if (row->localState == LocalState::Pending)
        state = tr(" · not yet sent");
    else if (row->localState == LocalState::Conflict)
        state = tr(" · conflict");
    // A resolved ticket says how, with the amount of a compensation ("Resolved · Compensation ¥20.00").
    QString status = displayName(t.status);
    if (t.resolution && (t.status == TicketStatus::Resolved || t.status == TicketStatus::Closed))
        status = tr("%1 · %2").arg(status, PaneText::resolution(*t.resolution, t.compensationFen));
    m_header->setText(
        tr("%1 · %2 · %3 · %4 · assigned to %5%6")
            .arg(t.number.isEmpty() ? tr("(new)") : t.number, status, displayName(t.priority),
                 displayName(t.category),
                 t.assigneeId.isEmpty() ? tr("nobody") : names.value(t.assigneeId, t.assigneeId), state) +
        headerMarks(t));
    m_appeal->showAppeal(t, earlierTickets(t));
    m_tabs->setTabVisible(kAppealTab, t.appeal.has_value());

    const Instant now = m_clock.nowMs();
    ParcelRepository parcels(m_db);
    const auto parcel = t.waybillNo.isEmpty() ? std::nullopt : parcels.byWaybill(t.waybillNo);
    m_card->setTicket(t, PaneActionRules::showsFullPhone(m_user, t));
    m_card->setParcel(parcel, parcel ? parcels.tracking(t.waybillNo) : QList<TrackingEvent>{}, now);
    showRevealState(parcel);
    showHistory(t, now);
    m_conversation->setPeople(names);
    loadAttachments();
    m_conversation->showTimeline(t, m_events);
    showSla(now);
    m_followUp->setTicket(t, now);
    m_composer->setTemplateValues(CannedReplies::valuesFor(t, parcel, m_zone, m_user.displayName));

    m_actions->evaluate(m_user, t, m_inConflict, members, WorkloadRepository(m_db).openTicketsByAssignee());
    const auto reply = PaneActionRules::check(PaneAction::Reply, m_user, t, m_inConflict);
    const auto note = PaneActionRules::check(PaneAction::Note, m_user, t, m_inConflict);
    const auto schedule = PaneActionRules::check(PaneAction::ScheduleFollowUp, m_user, t, m_inConflict);
    const auto record = PaneActionRules::check(PaneAction::RecordFollowUp, m_user, t, m_inConflict);
    m_composer->setAllowed(Composer::Box::Reply, reply.allowed, reply.reason);
    m_composer->setAllowed(Composer::Box::Note, note.allowed, note.reason);
    m_followUp->setAllowed(schedule.allowed, schedule.reason, record.allowed, record.reason);
}

void TicketPane::showSla(Instant now)
{
    const Ticket &t = *m_ticket;
    m_sla->showTicket(m_policy, t, m_events, now);
    m_summary->setText(tr("%1 · %2 · %3").arg(shownName(), shownPhone(), m_sla->summary()));
}

void TicketPane::refreshSla()
{
    if (m_ticket && isVisible())
        showSla(m_clock.nowMs());
}

bool TicketPane::allowed(PaneAction action)
{
    if (!m_ticket)
        return false;
    const ActionCheck check = PaneActionRules::check(action, m_user, *m_ticket, m_inConflict);
    if (!check.allowed)
        showError(check.reason);
    return check.allowed;
}

void TicketPane::showError(const QString &message)
{
    m_message->setStyleSheet(u"color: #c0262d;"_s);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void TicketPane::showNotice(const QString &message)
{
    m_message->setStyleSheet(u"color: #1f6f3a;"_s);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void TicketPane::afterWrite()
{
    const QString id = m_ticketId;
    m_message->hide();
    reload();
    Q_EMIT edited(id);
}

bool TicketPane::updateFields(const QJsonObject &fields, QString *error)
{
    if (!m_ticket || !m_edits->updateTicket(m_ticketId, fields, error))
        return false;
    afterWrite();
    return true;
}

std::optional<QString> TicketPane::addEvent(EventKind kind, const QString &text, const QJsonObject &data,
                                            QString *error)
{
    if (!m_ticket)
        return std::nullopt;
    auto id = m_edits->addEvent(m_ticketId, kind, text, data, m_user.id, error);
    if (id)
        afterWrite();
    return id;
}

void TicketPane::trigger(PaneAction action)
{
    switch (action) {
    case PaneAction::Take:
        return take();
    case PaneAction::Assign:
        return assign();
    case PaneAction::Escalate:
        return escalate();
    case PaneAction::SetPending:
        return setPending();
    case PaneAction::Resume:
        return resume();
    case PaneAction::Resolve:
        return resolve();
    case PaneAction::Reopen:
        return reopen();
    case PaneAction::Call:
        return logCall();
    case PaneAction::Reply:
        return focusReply();
    case PaneAction::Note:
        return focusNote();
    case PaneAction::ScheduleFollowUp:
    case PaneAction::RecordFollowUp:
        return showFollowUp();
    }
}

void TicketPane::take()
{
    QString error;
    if (allowed(PaneAction::Take) && !updateFields({{u"assignee_id"_s, m_user.id}}, &error))
        showError(error);
}

void TicketPane::assign()
{
    if (!allowed(PaneAction::Assign))
        return;
    const QString to = m_actions->chosenAssignee();
    if (to == m_ticket->assigneeId) {
        m_actions->assigneeBox()->setFocus(Qt::ShortcutFocusReason);
        return showError(to.isEmpty()
                             ? tr("Nobody is assigned yet: choose a person in the list first.")
                             : tr("%1 already has this ticket: choose someone else in the list first.")
                                   .arg(m_actions->memberName(to)));
    }
    const QString name = m_actions->memberName(to);
    QString error;
    if (!updateFields({{u"assignee_id"_s, to}}, &error))
        return showError(error);
    m_actions->clearChoice();
    showNotice(to.isEmpty() ? tr("Released: nobody is assigned now.") : tr("Assigned to %1.").arg(name));
}

void TicketPane::setPending()
{
    QString error;
    if (allowed(PaneAction::SetPending) &&
        !updateFields({{u"status"_s, toCode(TicketStatus::Pending)}}, &error))
        showError(error);
}

void TicketPane::resume()
{
    QString error;
    if (allowed(PaneAction::Resume) && !updateFields({{u"status"_s, toCode(TicketStatus::Open)}}, &error))
        showError(error);
}

void TicketPane::reopen()
{
    QString error;
    if (allowed(PaneAction::Reopen) && !updateFields({{u"status"_s, toCode(TicketStatus::Reopened)}}, &error))
        showError(error);
}

void TicketPane::escalate()
{
    if (!allowed(PaneAction::Escalate))
        return;
    const Priority to = PaneActionRules::escalated(m_ticket->priority);
    QString error;
    if (!addEvent(EventKind::Escalation, QString(),
                  {{u"priority"_s, toCode(to)}, {u"reason"_s, u"agent_request"_s}}, &error))
        showError(error);
}

void TicketPane::focusReply()
{
    m_composer->focusBox(Composer::Box::Reply);
}

void TicketPane::focusNote()
{
    m_composer->focusBox(Composer::Box::Note);
}

void TicketPane::showFollowUp()
{
    m_tabs->setCurrentWidget(m_followUp);
    for (QWidget *field : std::initializer_list<QWidget *>{m_followUp->csatField(), m_followUp->dueField()}) {
        if (field->isEnabled()) {
            field->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

void TicketPane::send()
{
    m_composer->sendShown();
}

void TicketPane::resolve()
{
    if (!allowed(PaneAction::Resolve) || m_resolveDialog)
        return;
    auto submit = [this](Resolution r, std::optional<qint64> fen, const QString &note, QString *error) {
        return resolveWith(r, fen, note, error);
    };
    m_resolveDialog = new ResolveDialog(submit, this);
    m_resolveDialog->setAttribute(Qt::WA_DeleteOnClose);
    setUpCompensation(m_resolveDialog);
    m_resolveDialog->open();
}

bool TicketPane::resolveWith(Resolution r, std::optional<qint64> fen, const QString &note, QString *error)
{
    // The server takes free text with a resolution only as an event of its own: the note is an internal
    // note written right after the resolution. Its text is checked first, so a bad note refuses both.
    const TextCheck text = Validation::checkText(note, 20000, false);
    if (!text.valid) {
        *error = text.message;
        return false;
    }
    QJsonObject fields{{u"status"_s, toCode(TicketStatus::Resolved)}, {u"resolution"_s, toCode(r)}};
    if (r == Resolution::Compensation && fen)
        fields.insert(u"compensation_amount"_s, double(*fen) / 100.0); // yuan on the wire, exact to the fen
    if (!updateFields(fields, error))
        return false;
    QString noteError;
    if (!text.normalized.isEmpty() && !addEvent(EventKind::Note, text.normalized, {}, &noteError)) {
        // Resolved, but the note was not saved: nothing typed is lost, it waits in the note box.
        m_composer->editor(Composer::Box::Note)->appendPlainText(text.normalized);
        showError(tr("Resolved, but the note was not saved (it is in the note box): %1").arg(noteError));
    }
    return true;
}

void TicketPane::logCall()
{
    if (!allowed(PaneAction::Call) || m_callDialog)
        return;
    auto submit = [this](const QString &text, const QJsonObject &data, QString *error) {
        return addEvent(EventKind::Call, text, data, error).has_value();
    };
    m_callDialog = new CallDialog(submit, this);
    m_callDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_callWaitsForNumber = false;
    connect(m_callDialog, &CallDialog::numberNeeded, this, &TicketPane::provideCallNumber);
    m_callDialog->open();
}

void TicketPane::submit(int box, const QString &text)
{
    const auto b = Composer::Box(box);
    if (!allowed(b == Composer::Box::Reply ? PaneAction::Reply : PaneAction::Note))
        return;
    QString error;
    if (!m_edits->addEvent(m_ticketId, b == Composer::Box::Reply ? EventKind::Reply : EventKind::Note, text,
                           {}, m_user.id, &error)) {
        m_composer->showError(error);
        return;
    }
    m_composer->sent(b); // cleared only now that the text is saved
    afterWrite();
}

void TicketPane::settleConflict(bool keepMine)
{
    QString error;
    const bool ok =
        keepMine ? m_edits->keepMine(m_ticketId, &error) : m_edits->takeTheirs(m_ticketId, &error);
    if (!ok)
        return showError(error);
    afterWrite();
}

} // namespace pd
