#include "demoappeals.h"

#include "models/sla/legalclocks.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kHour = 60 * kMin;
constexpr qint64 kDay = 24 * kHour;
constexpr int kAppeals = 30; // about one complaint in fifty

/// @brief How an appeal went, by its index (oldest first): most answered in time, three late, one rejected
/// and redone, the ones forwarded in the last six days still open.
enum class Outcome
{
    InTime,
    Late,
    RejectedRedone,
    Open
};

struct Draws
{
    std::mt19937 rng{20261206u};
    qint64 between(qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(rng); }
};

// Office hours (09:00–17:00 Beijing time) on the day of @p at.
qint64 officeTime(qint64 at, Draws &d)
{
    static const QTimeZone zone("Asia/Shanghai");
    const QDate day = QDateTime::fromMSecsSinceEpoch(at, zone).date();
    return QDateTime(day, QTime(9, 0), zone).toMSecsSinceEpoch() + d.between(0, 8 * kHour);
}

struct AppealStory
{
    Ticket t;
    QList<TicketEvent> events;

    void event(EventKind kind, qint64 at, const QString &text, const QJsonObject &data)
    {
        TicketEvent e;
        e.id = u"%1-e%2"_s.arg(t.id).arg(events.size());
        e.ticketId = t.id;
        e.kind = kind;
        e.at = at;
        e.authorId = t.assigneeId.isEmpty() ? u"system"_s : t.assigneeId;
        e.text = text;
        e.data = data;
        e.version = 1;
        events.append(e);
    }
    void status(TicketStatus to, qint64 at, const QJsonObject &extra = {})
    {
        QJsonObject data = extra;
        data.insert(u"from"_s, toCode(t.status));
        data.insert(u"to"_s, toCode(to));
        event(EventKind::StatusChange, at, {}, data);
        t.status = to;
    }
    void answer(qint64 at, const QString &text)
    {
        t.appeal->answeredAt = at;
        event(EventKind::AppealAnswered, at, text, {{u"text"_s, text}});
        t.resolvedAt = at;
        status(TicketStatus::Resolved, at, {{u"resolution"_s, toCode(*t.resolution)}});
    }
};

void putDoc(WriteTx &tx, DocumentStore &docs, const QString &type, const QString &id, const QJsonObject &json,
            qint64 at, const QString &team, const QString &parent, const QString &status)
{
    Doc d{type,   id,
          0,      json.value(u"version"_s).toInteger(1),
          false,  team,
          parent, status,
          at,     QJsonDocument(json).toJson(QJsonDocument::Compact)};
    docs.put(tx, d);
}

// The breaches the SLA engine finds (all clocks), recorded at their deadlines as the server would have.
void recordBreaches(AppealStory &s, qint64 now)
{
    const SlaPolicy policy;
    const LegalClockInputs legal = LegalClockInputs::fromTicket(s.t, s.events);
    for (const SlaClockStatus &st : legalClockStatuses(policy, s.t, s.events, now)) {
        if (st.state != SlaState::Breached || !st.deadline)
            continue;
        QJsonObject data{{u"clock"_s, toCode(st.clock)}, {u"deadline"_s, instantToIso(*st.deadline)}};
        QString id = u"sla-%1-%2"_s.arg(toCode(st.clock), s.t.id);
        if (st.clock == SlaClock::AppealRedo) {
            data.insert(u"instance"_s, legal.rejections);
            id = u"sla-%1-%2-%3"_s.arg(toCode(st.clock)).arg(legal.rejections).arg(s.t.id);
        }
        TicketEvent e;
        e.id = id;
        e.ticketId = s.t.id;
        e.kind = EventKind::SlaBreach;
        e.at = *st.deadline;
        e.authorId = u"system"_s;
        e.data = data;
        e.version = 1;
        s.events.append(e);
    }
}

Outcome outcomeOf(int i, qint64 forwardedAt, qint64 now)
{
    if (forwardedAt > now - 6 * kDay)
        return Outcome::Open;
    if (i == 4)
        return Outcome::RejectedRedone;
    return i == 2 || i == 9 || i == 15 ? Outcome::Late : Outcome::InTime;
}

// Answers, fault finding and the rejection of one appeal as time allows.
void play(AppealStory &s, int i, Outcome outcome, qint64 now, Draws &d)
{
    Ticket &t = s.t;
    Appeal &a = *t.appeal;
    const qint64 first = a.forwardedAt + d.between(20 * kMin, 3 * kHour);
    t.firstResponseAt = first;
    s.event(EventKind::Call, first, {}, {{u"direction"_s, u"outbound"_s}, {u"duration_s"_s, 180 + i * 7}});
    s.status(TicketStatus::Open, first);
    if (outcome == Outcome::Open)
        return;
    const bool atFault = i % 3 == 0;
    a.companyAtFault = atFault;
    a.faultReason =
        atFault ? u"派件员未按约定投递，首次投诉未妥善处理"_s : u"快件按承诺时限投递，用户诉求已解释"_s;
    t.resolution = atFault ? Resolution::Compensation : Resolution::Explained;
    if (atFault)
        t.compensationFen = 2000 + 500 * (i % 7);
    // Every appeal forwarded six days ago or more is answered by now (the demo has nothing old unfinished).
    const qint64 deadline = *legalDeadline(nullptr, a.forwardedAt, 15);
    const qint64 latest = now - d.between(kHour, 12 * kHour);
    qint64 answerAt = outcome == Outcome::Late ? deadline + d.between(6 * kHour, 3 * kDay)
                                               : a.forwardedAt + d.between(2 * kDay, 11 * kDay);
    answerAt = std::max(std::min(answerAt, latest), first + kHour);
    s.answer(answerAt, atFault ? u"已核实责任在我司，向用户致歉并按规定赔偿。"_s
                               : u"已核实并向用户说明情况，用户表示理解。"_s);
    const qint64 rejectedAt = answerAt + 2 * kDay;
    const qint64 redoAt = rejectedAt + d.between(1 * kDay, 3 * kDay);
    if (outcome == Outcome::RejectedRedone && redoAt < latest) {
        a.rejectedAt = rejectedAt;
        a.rejections = 1;
        const QString reason = u"答复未说明赔偿依据，请重新处理"_s;
        s.event(EventKind::AppealRejected, rejectedAt, reason, {{u"reason"_s, reason}, {u"rejections"_s, 1}});
        s.status(TicketStatus::Reopened, rejectedAt);
        s.answer(redoAt, u"补充说明赔偿依据及金额，已与用户达成一致。"_s);
    }
    if (t.resolvedAt && *t.resolvedAt + 72 * kHour < now && t.status == TicketStatus::Resolved) {
        t.closedAt = *t.resolvedAt + 72 * kHour;
        s.status(TicketStatus::Closed, *t.closedAt, {{u"reason"_s, u"follow_up_window_passed"_s}});
    }
}

} // namespace

int seedDemoAppeals(WriteTx &tx, DocumentStore &docs, qint64 now, int &ticketNumber)
{
    QList<Ticket> complaints;
    for (const Doc &doc : docs.all(DocType::Ticket)) {
        auto t = Ticket::fromJson(QJsonDocument::fromJson(doc.data).object());
        if (t && t->source == TicketSource::Customer && t->createdAt < now - 8 * kDay)
            complaints.append(*t);
    }
    std::sort(complaints.begin(), complaints.end(), [](const Ticket &a, const Ticket &b) {
        return a.createdAt < b.createdAt || (a.createdAt == b.createdAt && a.id < b.id);
    });
    Draws d;
    int written = 0;
    const qsizetype stride = std::max<qsizetype>(1, complaints.size() / kAppeals);
    for (qsizetype k = stride / 2; k < complaints.size() && written < kAppeals; k += stride) {
        const Ticket &orig = complaints.at(k);
        const int i = written;
        // Forwarded a week or two after the complaint, in office hours, before now.
        const qint64 age = (now - orig.createdAt) / kDay;
        const qint64 forwardedAt =
            std::min(officeTime(orig.createdAt + d.between(7, std::clamp<qint64>(age - 1, 7, 16)) * kDay, d),
                     now - d.between(kHour, 6 * kHour));
        AppealStory s;
        Ticket &t = s.t;
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(forwardedAt, QTimeZone("Asia/Shanghai"));
        Appeal a;
        a.number = u"SS%1%2"_s.arg(local.toString(u"yyyyMMdd"_s)).arg(i + 1, 4, 10, QLatin1Char('0'));
        a.office = i % 4 == 3 ? u"浙江省邮政管理局"_s : u"浙江省杭州市邮政管理局"_s;
        a.forwardedAt = forwardedAt;
        a.earlierTickets = {orig.id};
        t.id = u"tk-ap-%1"_s.arg(a.number);
        t.number = u"C%1-%2"_s.arg(local.toString(u"yyMM"_s)).arg(++ticketNumber, 6, 10, QLatin1Char('0'));
        t.source = TicketSource::RegulatorAppeal;
        t.appeal = a;
        t.waybillNo = orig.waybillNo;
        t.customerName = orig.customerName;
        t.customerPhone = orig.customerPhone;
        t.description = u"【12305申诉 %1】%2"_s.arg(a.number, orig.description);
        t.channel = orig.channel;
        t.category = orig.category;
        t.priority = Priority::P1;
        t.teamId = orig.teamId;
        t.assigneeId = orig.assigneeId;
        t.createdAt = forwardedAt;
        t.status = TicketStatus::New;
        play(s, i, outcomeOf(i, forwardedAt, now), now, d);
        recordBreaches(s, now);
        t.version = s.events.size() + 1;
        t.updatedAt = forwardedAt;
        for (const TicketEvent &e : s.events)
            t.updatedAt = std::max(t.updatedAt, e.at);
        putDoc(tx, docs, DocType::Ticket, t.id, t.toJson(), t.updatedAt, t.teamId, t.waybillNo,
               toCode(t.status));
        for (const TicketEvent &e : s.events)
            putDoc(tx, docs, DocType::TicketEvent, e.id, e.toJson(), e.at, t.teamId, t.id, toCode(e.kind));
        tx.db().run(u"INSERT INTO appeals(appeal_no, ticket_id, office, forwarded_ms, imported_ms) "
                    "VALUES(?, ?, ?, ?, ?)"_s,
                    {a.number, t.id, a.office, forwardedAt, forwardedAt});
        ++written;
    }
    return written;
}

} // namespace pd::server
