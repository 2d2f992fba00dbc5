#include "appealservice.h"

#include "server/api/ticketservice.h"

#include "models/domain/jsonreader.h"
#include "models/domain/masking.h"
#include "models/domain/validation.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {

constexpr qint64 kFutureSlackMs = 10 * 60 * 1000; // clocks of the regulator's export and ours differ a little

QString text(const QJsonObject &o, const char *key, const QString &prefix, int maxLength, bool required)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (!v.isUndefined() && !v.isNull() && !v.isString())
        throw ApiError::invalid(prefix + QLatin1StringView(key), AppealService::tr("must be text"));
    const TextCheck check = Validation::checkText(v.toString(), maxLength, required);
    if (!check.valid)
        throw ApiError::invalid(prefix + QLatin1StringView(key), check.message);
    return check.normalized;
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

AppealInput AppealService::parse(const QJsonObject &o, const QString &prefix) const
{
    AppealInput in;
    in.number = text(o, "appeal_no", prefix, 64, true);
    if (in.number.contains(u' ') || in.number.contains(u'/'))
        throw ApiError::invalid(prefix + u"appeal_no"_s, tr("must not contain spaces or slashes"));
    JsonReader r(o);
    in.forwardedAt = r.instant("forwarded_at");
    if (!r.ok())
        throw ApiError::invalid(prefix + u"forwarded_at"_s,
                                tr("must be a date and time with its zone, e.g. 2026-10-09T10:00:00+08:00"));
    if (in.forwardedAt > m_clock.nowMs() + kFutureSlackMs)
        throw ApiError::invalid(prefix + u"forwarded_at"_s, tr("lies in the future"));
    in.office = text(o, "office", prefix, 100, false);
    in.waybillNo = text(o, "waybill_no", prefix, 64, false);
    in.customerName = text(o, "customer_name", prefix, 100, false);
    in.customerPhone = text(o, "customer_phone", prefix, 40, false);
    if (Masking::looksMasked(in.customerName) || Masking::looksMasked(in.customerPhone))
        throw ApiError::invalid(
            prefix + (Masking::looksMasked(in.customerName) ? u"customer_name"_s : u"customer_phone"_s),
            tr("cannot contain *, the mask character"));
    in.description = text(o, "description", prefix, 20000, true);
    const QJsonValue cat = o.value("category"_L1);
    if (!cat.isUndefined() && !cat.isNull() && !cat.toString().isEmpty()) {
        const auto c = fromCode<Category>(cat.toString());
        if (!c)
            throw ApiError::invalid(prefix + u"category"_s,
                                    tr("must be one of: %1").arg(allCodes<Category>().join(u", "_s)));
        in.category = *c;
    }
    return in;
}

QList<Ticket> AppealService::earlierTickets(const QString &waybill, const QString &phone)
{
    QMap<QString, Ticket> found;
    auto consider = [&found](const Doc &d) {
        if (d.deleted)
            return;
        if (auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object()))
            found.insert(t->id, *t);
    };
    if (!waybill.isEmpty()) {
        for (const Doc &d : m_store.docs().byParent(DocType::Ticket, waybill, 1000))
            consider(d);
    }
    if (!phone.isEmpty()) {
        for (const Doc &d : m_store.docs().containing(DocType::Ticket, phone)) {
            const auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
            if (t && t->customerPhone == phone && !d.deleted)
                found.insert(t->id, *t);
        }
    }
    QList<Ticket> out = found.values();
    std::sort(out.begin(), out.end(), [](const Ticket &a, const Ticket &b) {
        return a.createdAt < b.createdAt || (a.createdAt == b.createdAt && a.id < b.id);
    });
    return out;
}

QString AppealService::appealsTeam()
{
    QSqlQuery q = m_store.docs().db().run(u"SELECT value FROM meta WHERE key = 'appeals_team'"_s);
    return q.next() ? q.value(0).toString() : QString();
}

void AppealService::setAppealsTeam(const Actor &actor, const QString &teamId)
{
    WriteTx tx(m_store.docs().db());
    if (!teamId.isEmpty()) {
        const auto d = m_store.docs().get(DocType::Team, teamId);
        if (!d || d->deleted)
            throw ApiError::invalid(u"team_id"_s, tr("names no team"));
    }
    tx.db().run(u"INSERT INTO meta(key, value) VALUES('appeals_team', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s,
                {teamId});
    m_store.docs().audit(tx, m_clock.nowMs(), actor.userId, u"appeal.settings"_s, DocType::Team, teamId,
                         u"appeals team"_s);
    tx.commit();
}

QString AppealService::teamFor(const QList<Ticket> &earlier, const QString &waybill)
{
    const QString configured = appealsTeam();
    if (!configured.isEmpty()) {
        if (const auto d = m_store.docs().get(DocType::Team, configured); d && !d->deleted)
            return configured;
    }
    for (auto it = earlier.crbegin(); it != earlier.crend(); ++it) {
        if (it->waybillNo == waybill && !it->teamId.isEmpty())
            return it->teamId;
    }
    QStringList teams;
    for (const Doc &d : m_store.docs().all(DocType::Team)) {
        if (!d.deleted)
            teams.append(d.id);
    }
    std::sort(teams.begin(), teams.end());
    return teams.value(0);
}

AppealService::Imported AppealService::importAppeal(const Actor &actor, const AppealInput &in)
{
    WriteTx tx(m_store.docs().db());
    QSqlQuery known = tx.db().run(u"SELECT ticket_id FROM appeals WHERE appeal_no = ?"_s, {in.number});
    if (known.next()) {
        const auto t = m_store.ticket(known.value(0).toString());
        if (!t)
            throw ApiError::conflict(
                tr("Appeal %1 was imported, but its ticket has been deleted.").arg(in.number),
                u"appeal_no"_s);
        return {*t, false};
    }
    const qint64 now = m_clock.nowMs();
    const QList<Ticket> earlier = earlierTickets(in.waybillNo, in.customerPhone);
    Ticket t;
    t.id = uuid();
    t.source = TicketSource::RegulatorAppeal;
    Appeal a;
    a.number = in.number;
    a.office = in.office;
    a.forwardedAt = in.forwardedAt;
    for (const Ticket &e : earlier)
        a.earlierTickets.append(e.id);
    t.appeal = a;
    t.waybillNo = in.waybillNo;
    t.customerName = in.customerName;
    t.customerPhone = in.customerPhone;
    t.description = in.description;
    t.category = in.category;
    t.priority = Priority::P1;
    t.teamId = teamFor(earlier, in.waybillNo);
    t.status = TicketStatus::New;
    t.createdAt = now;
    t.updatedAt = now;
    t.version = 1;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).addSecs(8 * 3600);
    t.number = u"C%1-%2"_s.arg(local.toString(u"yyMM"_s))
                   .arg(tx.nextCounter(u"ticket_number"_s), 6, 10, QLatin1Char('0'));
    m_store.putTicket(tx, t);
    tx.db().run(u"INSERT INTO appeals(appeal_no, ticket_id, office, forwarded_ms, imported_ms) "
                "VALUES(?, ?, ?, ?, ?)"_s,
                {in.number, t.id, in.office, in.forwardedAt, now});
    m_store.docs().audit(tx, now, actor.userId, u"appeal.import"_s, DocType::Ticket, t.id, in.number);
    tx.publish(TicketService::changedHint(t, tx.lastSeq()));
    tx.commit();
    return {t, true};
}

Ticket AppealService::writable(const Actor &actor, const QString &ticketId, std::optional<qint64> ifMatch)
{
    const auto t = m_store.ticket(ticketId);
    if (!t || !canRead(actor, t->teamId))
        throw ApiError::notFound(tr("No such ticket."));
    if (!canWrite(actor, t->teamId))
        throw ApiError::forbidden(tr("Your role may not change tickets of this team."));
    if (!t->appeal)
        throw ApiError(422, u"not_an_appeal"_s, tr("This ticket is not a regulator appeal."), u"appeal"_s);
    if (ifMatch && *ifMatch != t->version)
        throw ApiError(
            412, u"version_conflict"_s,
            tr("The ticket changed meanwhile (version %1). Reload it and try again.").arg(t->version),
            u"If-Match"_s);
    return *t;
}

TicketEvent AppealService::event(const Actor &actor, const Ticket &t, EventKind kind, const QString &text,
                                 const QJsonObject &data, qint64 now) const
{
    TicketEvent e;
    e.id = uuid();
    e.ticketId = t.id;
    e.kind = kind;
    e.at = now;
    e.authorId = actor.userId;
    e.text = text;
    e.data = data;
    e.version = 1;
    return e;
}

void AppealService::save(WriteTx &tx, const Actor &actor, Ticket &t, const QList<TicketEvent> &events,
                         const QString &action)
{
    const qint64 now = m_clock.nowMs();
    t.version += 1;
    t.updatedAt = now;
    m_store.putTicket(tx, t);
    for (const TicketEvent &e : events)
        m_store.putEvent(tx, e, t.teamId);
    m_store.docs().audit(tx, now, actor.userId, action, DocType::Ticket, t.id, t.appeal->number);
    tx.publish(TicketService::changedHint(t, tx.lastSeq()));
    tx.commit();
}

Ticket AppealService::answer(const Actor &actor, const QString &ticketId, const QJsonObject &body,
                             std::optional<qint64> ifMatch)
{
    WriteTx tx(m_store.docs().db());
    Ticket t = writable(actor, ticketId, ifMatch);
    const QString answerText = text(body, "text", {}, 20000, true);
    Appeal &a = *t.appeal;
    if (a.answeredAt && (!a.rejectedAt || *a.answeredAt > *a.rejectedAt))
        throw ApiError::conflict(tr("This appeal is answered already; a new answer follows a rejection."),
                                 u"text"_s);
    const qint64 now = m_clock.nowMs();
    a.answeredAt = now;
    const TicketEvent e = event(actor, t, EventKind::AppealAnswered, answerText,
                                {{u"appeal_no"_s, a.number}, {u"redo"_s, a.rejections > 0}}, now);
    save(tx, actor, t, {e}, u"appeal.answer"_s);
    return t;
}

Ticket AppealService::reject(const Actor &actor, const QString &ticketId, const QJsonObject &body,
                             std::optional<qint64> ifMatch)
{
    WriteTx tx(m_store.docs().db());
    Ticket t = writable(actor, ticketId, ifMatch);
    const QString reason = text(body, "reason", {}, 2000, true);
    const qint64 now = m_clock.nowMs();
    qint64 at = now;
    if (body.contains("at"_L1) && !body.value("at"_L1).isNull()) {
        JsonReader r(body);
        at = r.instant("at");
        if (!r.ok())
            throw ApiError::invalid(u"at"_s, tr("must be a date and time with its zone"));
    }
    Appeal &a = *t.appeal;
    if (!a.answeredAt || (a.rejectedAt && *a.answeredAt <= *a.rejectedAt))
        throw ApiError::conflict(tr("There is no answer to reject: answer the appeal first."), u"at"_s);
    if (at < *a.answeredAt || at > now + kFutureSlackMs)
        throw ApiError::invalid(
            u"at"_s, tr("must lie between the answer (%1) and now").arg(instantToIso(*a.answeredAt)));
    a.rejectedAt = at;
    a.rejections += 1;
    QList<TicketEvent> events{event(actor, t, EventKind::AppealRejected, reason,
                                    {{u"reason"_s, reason},
                                     {u"rejections"_s, a.rejections},
                                     {u"rejected_at"_s, instantToIso(at)},
                                     {u"appeal_no"_s, a.number}},
                                    now)};
    if (t.status == TicketStatus::Resolved || t.status == TicketStatus::Closed) {
        // The redo is work on the ticket again.
        events.append(event(actor, t, EventKind::StatusChange, {},
                            {{u"from"_s, toCode(t.status)},
                             {u"to"_s, toCode(TicketStatus::Reopened)},
                             {u"reason"_s, u"appeal_rejected"_s}},
                            now));
        t.status = TicketStatus::Reopened;
        t.resolvedAt.reset();
        t.closedAt.reset();
    }
    save(tx, actor, t, events, u"appeal.reject"_s);
    return t;
}

void patchAppealFinding(const QJsonValue &value, Ticket &t)
{
    if (!t.appeal)
        throw ApiError(422, u"not_an_appeal"_s, AppealService::tr("This ticket is not a regulator appeal."),
                       u"appeal"_s);
    if (!value.isObject())
        throw ApiError::invalid(u"appeal"_s,
                                AppealService::tr("must be an object {company_at_fault, fault_reason}"));
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != u"company_at_fault" && it.key() != u"fault_reason")
            throw ApiError::invalid(
                u"appeal."_s + it.key().left(60),
                AppealService::tr("cannot be changed; only company_at_fault and fault_reason"));
    }
    Appeal a = *t.appeal;
    if (o.contains("company_at_fault"_L1)) {
        const QJsonValue v = o.value("company_at_fault"_L1);
        if (!v.isBool() && !v.isNull())
            throw ApiError::invalid(u"appeal.company_at_fault"_s,
                                    AppealService::tr("must be true, false or null"));
        a.companyAtFault = v.isNull() ? std::nullopt : std::optional<bool>(v.toBool());
    }
    if (o.contains("fault_reason"_L1))
        a.faultReason = text(o, "fault_reason", u"appeal."_s, 2000, false);
    if (a.companyAtFault.value_or(false) && a.faultReason.isEmpty())
        throw ApiError::invalid(u"appeal.fault_reason"_s,
                                AppealService::tr("is required when the company is at fault"));
    t.appeal = a;
}

} // namespace pd::server
