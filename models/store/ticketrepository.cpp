#include "ticketrepository.h"

#include "attachmentrepository.h"
#include "cachecipher.h"
#include "database.h"
#include "models/domain/attachment.h"
#include "models/domain/validation.h"
#include "models/sla/deadlines.h"
#include "rawstatement.h"
#include "searchindex.h"
#include "sqlhelpers.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

// Column order shared by SELECT and the row reader below.
constexpr auto kTicketColumns =
    "pk, id, number, waybill_no, description, customer_name, customer_phone, channel, category, priority, "
    "status, "
    "team_id, assignee_id, created_at, first_response_at, resolved_at, closed_at, resolution, "
    "compensation_fen, "
    "csat, nps, follow_up_at, follow_up_done_at, version, updated_at, sla_due, local_state, sla_warn_at, "
    "source, appeal, pending_compensation_fen, key_account, language, merged_into, merged_into_number, "
    "duplicate_of, duplicate_of_number, incident_id, "
    // Chase-ups (催单): inbound calls with outcome chase_up, through events_by_ticket.
    "(SELECT count(*) FROM ticket_events ce WHERE ce.ticket_id = tickets.id AND ce.kind = 'call' "
    "AND json_extract(ce.data, '$.outcome') = 'chase_up')";

constexpr auto kUpsertTicket = R"sql(
INSERT INTO tickets(id, number, waybill_no, description, customer_name, customer_phone, phone_tail, channel,
    category, priority, status, team_id, assignee_id, created_at, first_response_at, resolved_at, closed_at,
    resolution, compensation_fen, csat, nps, follow_up_at, follow_up_done_at, version, updated_at, local_state,
    sla_due, sla_warn_at, source, appeal, pending_compensation_fen, key_account, language, merged_into,
    merged_into_number, duplicate_of, duplicate_of_number, incident_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    number = excluded.number, waybill_no = excluded.waybill_no, description = excluded.description,
    customer_name = excluded.customer_name, customer_phone = excluded.customer_phone,
    phone_tail = excluded.phone_tail, channel = excluded.channel, category = excluded.category,
    priority = excluded.priority, status = excluded.status, team_id = excluded.team_id,
    assignee_id = excluded.assignee_id, created_at = excluded.created_at,
    first_response_at = excluded.first_response_at, resolved_at = excluded.resolved_at,
    closed_at = excluded.closed_at, resolution = excluded.resolution,
    compensation_fen = excluded.compensation_fen, csat = excluded.csat, nps = excluded.nps,
    follow_up_at = excluded.follow_up_at, follow_up_done_at = excluded.follow_up_done_at,
    version = excluded.version, updated_at = excluded.updated_at, local_state = excluded.local_state,
    sla_due = excluded.sla_due, sla_warn_at = excluded.sla_warn_at, source = excluded.source,
    appeal = excluded.appeal, pending_compensation_fen = excluded.pending_compensation_fen,
    key_account = excluded.key_account, language = excluded.language, merged_into = excluded.merged_into,
    merged_into_number = excluded.merged_into_number, duplicate_of = excluded.duplicate_of,
    duplicate_of_number = excluded.duplicate_of_number, incident_id = excluded.incident_id
WHERE excluded.version >= tickets.version
)sql";

// Same as kUpsertTicket, but rows with a local edit keep it.
constexpr auto kApplyServerTicket = "%1 AND tickets.local_state = 0";

constexpr auto kUpsertEvent = R"sql(
INSERT INTO ticket_events(id, ticket_id, kind, at, author_id, text, data, version, local_state)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    ticket_id = excluded.ticket_id, kind = excluded.kind, at = excluded.at, author_id = excluded.author_id, text = excluded.text,
    data = excluded.data, version = excluded.version, local_state = excluded.local_state
WHERE excluded.version >= ticket_events.version
)sql";

template<typename E>
E enumOr(const QVariant &v, E fallback)
{
    return fromCode<E>(v.toString()).value_or(fallback);
}

// Customer fields come sealed (CacheCipher); a locked cache (no key yet) shows them empty.
TicketRow readTicket(const QSqlQuery &q, const CacheCipher *cipher)
{
    TicketRow row;
    Ticket &t = row.ticket;
    row.pk = q.value(0).toLongLong();
    t.id = q.value(1).toString();
    t.number = q.value(2).toString();
    t.waybillNo = q.value(3).toString();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    t.description = c.open(q.value(4), SealedField::FreeText);
    t.customerName = c.open(q.value(5), SealedField::CustomerName);
    t.customerPhone = c.open(q.value(6), SealedField::CustomerPhone);
    t.channel = enumOr(q.value(7), Channel::Other);
    t.category = enumOr(q.value(8), Category::Other);
    t.priority = enumOr(q.value(9), Priority::P3);
    t.status = enumOr(q.value(10), TicketStatus::New);
    t.teamId = q.value(11).toString();
    t.assigneeId = q.value(12).toString();
    t.createdAt = q.value(13).toLongLong();
    t.firstResponseAt = sql::optInt(q, 14);
    t.resolvedAt = sql::optInt(q, 15);
    t.closedAt = sql::optInt(q, 16);
    if (!q.value(17).isNull())
        t.resolution = fromCode<Resolution>(q.value(17).toString());
    t.compensationFen = sql::optInt(q, 18);
    if (const auto v = sql::optInt(q, 19))
        t.csat = int(*v);
    if (const auto v = sql::optInt(q, 20))
        t.nps = int(*v);
    t.followUpAt = sql::optInt(q, 21);
    t.followUpDoneAt = sql::optInt(q, 22);
    t.version = q.value(23).toLongLong();
    t.updatedAt = q.value(24).toLongLong();
    row.slaDue = sql::optInt(q, 25);
    row.localState = LocalState(q.value(26).toInt());
    row.slaWarnAt = sql::optInt(q, 27);
    t.source = enumOr(q.value(28), TicketSource::Customer);
    if (!q.value(29).isNull())
        t.appeal = Appeal::fromJson(QJsonDocument::fromJson(q.value(29).toByteArray()).object());
    t.pendingCompensationFen = sql::optInt(q, 30);
    t.keyAccount = q.value(31).toInt() != 0;
    t.language = q.value(32).toString();
    t.mergedInto = q.value(33).toString();
    t.mergedIntoNumber = q.value(34).toString();
    t.duplicateOf = q.value(35).toString();
    t.duplicateOfNumber = q.value(36).toString();
    t.incidentId = q.value(37).toString();
    row.chaseUps = q.value(38).toInt();
    return row;
}

QString sortExpression(TicketQuery::Order order)
{
    switch (order) {
    case TicketQuery::Order::SlaUrgency:
        return QStringLiteral("ifnull(sla_due, 9223372036854775807)");
    case TicketQuery::Order::UpdatedDesc:
        return QStringLiteral("updated_at");
    case TicketQuery::Order::CreatedDesc:
        return QStringLiteral("created_at");
    }
    return QStringLiteral("pk");
}

// "Evidence incomplete": a complaint whose category asks for evidence (evidenceChecklist) and that lacks a
// file tagged with one of the kinds asked for. Categories and kinds are bound like every other value.
QString evidenceIncompleteClause(QVariantList &binds)
{
    QStringList perCategory;
    for (const QString &code : allCodes<Category>()) {
        const QList<EvidenceKind> wanted = evidenceChecklist(*fromCode<Category>(code));
        if (wanted.isEmpty())
            continue;
        binds.append(code);
        QStringList missing;
        for (EvidenceKind kind : wanted) {
            // A file the server refused for good is no evidence (as AttachmentRepository::evidenceOf).
            missing.append(
                QStringLiteral("NOT EXISTS (SELECT 1 FROM attachments ev WHERE ev.ticket_id = tickets.id "
                               "AND ev.evidence = ? AND ev.state <> ?)"));
            binds << toCode(kind) << int(AttachmentState::Failed);
        }
        perCategory.append(
            QStringLiteral("(category = ? AND (%1))").arg(missing.join(QLatin1StringView(" OR "))));
    }
    return perCategory.isEmpty() ? QStringLiteral("0")
                                 : QStringLiteral("(%1)").arg(perCategory.join(QLatin1StringView(" OR ")));
}

// Builds the WHERE clause of a queue query; values are only ever bound, never spliced into the text.
QString whereClause(const TicketQuery &q, QVariantList &binds, bool withKeyset)
{
    QStringList parts;
    if (!q.statuses.isEmpty()) {
        QStringList marks;
        for (TicketStatus s : q.statuses) {
            marks.append(QStringLiteral("?"));
            binds.append(toCode(s));
        }
        parts.append(QStringLiteral("status IN (%1)").arg(marks.join(QLatin1Char(','))));
    }
    if (q.unassignedOnly) {
        parts.append(QStringLiteral("assignee_id IS NULL"));
    } else if (!q.assigneeId.isEmpty()) {
        parts.append(QStringLiteral("assignee_id = ?"));
        binds.append(q.assigneeId);
    }
    if (!q.teamId.isEmpty()) {
        parts.append(QStringLiteral("team_id = ?"));
        binds.append(q.teamId);
    }
    if (q.category) {
        parts.append(QStringLiteral("category = ?"));
        binds.append(toCode(*q.category));
    }
    if (q.priority) {
        parts.append(QStringLiteral("priority = ?"));
        binds.append(toCode(*q.priority));
    }
    if (q.source) {
        parts.append(QStringLiteral("source = ?"));
        binds.append(toCode(*q.source));
    }
    if (q.channel) {
        parts.append(QStringLiteral("channel = ?"));
        binds.append(toCode(*q.channel));
    }
    if (q.slaDueBefore) {
        parts.append(QStringLiteral("sla_due < ?"));
        binds.append(*q.slaDueBefore);
    }
    if (q.createdFrom) {
        parts.append(QStringLiteral("created_at >= ?"));
        binds.append(*q.createdFrom);
    }
    if (q.createdTo) {
        parts.append(QStringLiteral("created_at < ?"));
        binds.append(*q.createdTo);
    }
    if (q.atRiskAt) {
        parts.append(QStringLiteral("sla_warn_at <= ? AND sla_due > ?"));
        binds << *q.atRiskAt << *q.atRiskAt;
    }
    if (q.resolvedFrom) {
        parts.append(QStringLiteral("resolved_at >= ?"));
        binds.append(*q.resolvedFrom);
    }
    if (q.evidenceIncomplete)
        parts.append(evidenceIncompleteClause(binds));
    if (q.ids) {
        if (q.ids->isEmpty()) {
            parts.append(QStringLiteral("0"));
        } else {
            QStringList marks;
            for (const QString &id : *q.ids) {
                marks.append(QStringLiteral("?"));
                binds.append(id);
            }
            parts.append(QStringLiteral("id IN (%1)").arg(marks.join(QLatin1Char(','))));
        }
    }
    if (withKeyset && q.afterSortValue && q.afterPk) {
        const bool asc = (q.order == TicketQuery::Order::SlaUrgency) != q.reverse;
        const QString sort = sortExpression(q.order);
        parts.append(QStringLiteral("(%1 %2 ? OR (%1 = ? AND pk %2 ?))").arg(sort, asc ? u">"_s : u"<"_s));
        binds << *q.afterSortValue << *q.afterSortValue << *q.afterPk;
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QLatin1StringView(" AND "));
}

} // namespace

TicketRepository::TicketRepository(const Database &db)
    : m_db(db)
{}

const char *TicketRepository::upsertStatement()
{
    return kUpsertTicket;
}

bool TicketRepository::applyServerCopies(const QList<Ticket> &tickets, QString *error)
{
    return write(tickets,
                 QString::fromLatin1(kApplyServerTicket).arg(QString::fromLatin1(kUpsertTicket).trimmed()),
                 LocalState::Synced, error);
}

bool TicketRepository::upsert(const QList<Ticket> &tickets, QString *error, LocalState state)
{
    return write(tickets, QString::fromLatin1(kUpsertTicket), state, error);
}

bool TicketRepository::write(const QList<Ticket> &tickets, const QString &statement, LocalState state,
                             QString *error)
{
    const auto cipher = m_db.sealer(error);
    if (!cipher)
        return false; // never written in clear: the cache must be unlocked first
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error); // reports why the transaction could not start
    const QByteArray sqlText = statement.toUtf8();
    RawStatement q(m_db.handle(), sqlText.constData());
    if (!q.ok())
        return q.step(error); // reports the prepare error
    for (const Ticket &t : tickets) {
        int i = 1;
        q.text(i++, t.id);
        q.text(i++, t.number);
        q.text(i++, t.waybillNo);
        q.value(i++, cipher->seal(t.description, SealedField::FreeText));
        q.value(i++, cipher->seal(t.customerName, SealedField::CustomerName));
        q.value(i++, cipher->seal(t.customerPhone, SealedField::CustomerPhone));
        q.text(i++, QString::fromLatin1("", 0)); // phone_tail: search goes through keyed tokens (schema 8)
        q.text(i++, toCode(t.channel));
        q.text(i++, toCode(t.category));
        q.text(i++, toCode(t.priority));
        q.text(i++, toCode(t.status));
        q.text(i++, t.teamId, true);
        q.text(i++, t.assigneeId, true);
        q.integer(i++, t.createdAt);
        q.optInteger(i++, t.firstResponseAt);
        q.optInteger(i++, t.resolvedAt);
        q.optInteger(i++, t.closedAt);
        if (t.resolution)
            q.text(i++, toCode(*t.resolution));
        else
            q.null(i++);
        q.optInteger(i++, t.compensationFen);
        q.optInteger(i++, t.csat ? std::optional<qint64>(*t.csat) : std::nullopt);
        q.optInteger(i++, t.nps ? std::optional<qint64>(*t.nps) : std::nullopt);
        q.optInteger(i++, t.followUpAt);
        q.optInteger(i++, t.followUpDoneAt);
        q.integer(i++, t.version);
        q.integer(i++, t.updatedAt);
        q.integer(i++, int(state));
        const SlaQueueTimes sla = slaQueueTimes(m_policy, t);
        q.optInteger(i++, sla.due);
        q.optInteger(i++, sla.warnAt);
        q.text(i++, toCode(t.source));
        if (t.appeal)
            q.text(i++, QString::fromUtf8(QJsonDocument(t.appeal->toJson()).toJson(QJsonDocument::Compact)));
        else
            q.null(i++);
        q.optInteger(i++, t.pendingCompensationFen);
        q.integer(i++, t.keyAccount ? 1 : 0);
        q.text(i++, t.language);
        for (const QString *ref :
             {&t.mergedInto, &t.mergedIntoNumber, &t.duplicateOf, &t.duplicateOfNumber, &t.incidentId}) {
            if (ref->isEmpty())
                q.null(i++);
            else
                q.text(i++, *ref);
        }
        if (!q.step(error))
            return false; // the transaction rolls back: nothing half-written
    }
    if (!SearchIndex::flush(m_db.handle(), error))
        return false;
    return tx.commit(error);
}

bool TicketRepository::upsertEvents(const QList<TicketEvent> &events, QString *error, LocalState state)
{
    const auto cipher = m_db.sealer(error); // what was said to or about the customer is sealed too
    if (!cipher)
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error); // reports why the transaction could not start
    RawStatement q(m_db.handle(), kUpsertEvent);
    if (!q.ok())
        return q.step(error);
    for (const TicketEvent &e : events) {
        q.text(1, e.id);
        q.text(2, e.ticketId);
        q.text(3, toCode(e.kind));
        q.integer(4, e.at);
        q.text(5, e.authorId, true);
        q.value(6, cipher->seal(e.text, SealedField::FreeText));
        if (e.data.isEmpty())
            q.null(7);
        else
            q.text(7, QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact)));
        q.integer(8, e.version);
        q.integer(9, int(state));
        if (!q.step(error))
            return false;
    }
    if (!SearchIndex::flush(m_db.handle(), error))
        return false;
    return tx.commit(error);
}

bool TicketRepository::remove(const QStringList &ids, QString *error)
{
    return removeById(QStringLiteral("DELETE FROM tickets WHERE id = ?"), ids, error);
}

bool TicketRepository::removeEvents(const QStringList &eventIds, QString *error)
{
    return removeById(QStringLiteral("DELETE FROM ticket_events WHERE id = ?"), eventIds, error);
}

bool TicketRepository::removeById(const QString &statement, const QStringList &ids, QString *error)
{
    if (ids.isEmpty())
        return true;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error);
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, statement, error))
        return false;
    for (const QString &id : ids) {
        q.bindValue(0, id);
        if (!sql::exec(q, error))
            return false;
    }
    if (!SearchIndex::flush(m_db.handle(), error)) // the index never lags its rows
        return false;
    return tx.commit(error);
}

std::optional<TicketRow> TicketRepository::byId(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(
            q, QStringLiteral("SELECT %1 FROM tickets WHERE id = ?").arg(QLatin1StringView(kTicketColumns)),
            nullptr))
        return std::nullopt;
    q.bindValue(0, id);
    if (!sql::exec(q, nullptr) || !q.next())
        return std::nullopt;
    return readTicket(q, m_db.cipher().get());
}

std::optional<TicketRow> TicketRepository::byPk(qint64 pk) const
{
    const auto rows = byPks({pk});
    return rows.isEmpty() ? std::nullopt : std::optional<TicketRow>(rows.first());
}

QList<TicketRow> TicketRepository::byPks(const QList<qint64> &pks) const
{
    QList<TicketRow> out;
    if (pks.isEmpty())
        return out;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(
            q, QStringLiteral("SELECT %1 FROM tickets WHERE pk = ?").arg(QLatin1StringView(kTicketColumns)),
            nullptr))
        return out;
    out.reserve(pks.size());
    const auto cipher = m_db.cipher();
    for (qint64 pk : pks) {
        q.bindValue(0, pk);
        if (sql::exec(q, nullptr) && q.next())
            out.append(readTicket(q, cipher.get()));
    }
    return out;
}

QList<TicketEvent> TicketRepository::events(const QString &ticketId) const
{
    QList<TicketEvent> out;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("SELECT id, ticket_id, kind, at, author_id, text, data, version "
                                     "FROM ticket_events WHERE ticket_id = ? ORDER BY at, pk"),
                      nullptr))
        return out;
    q.bindValue(0, ticketId);
    if (!sql::exec(q, nullptr))
        return out;
    const auto cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    while (q.next()) {
        TicketEvent e;
        e.id = q.value(0).toString();
        e.ticketId = q.value(1).toString();
        e.kind = enumOr(q.value(2), EventKind::Note);
        e.at = q.value(3).toLongLong();
        e.authorId = q.value(4).toString();
        e.text = c.open(q.value(5), SealedField::FreeText);
        e.data = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        e.version = q.value(7).toLongLong();
        out.append(e);
    }
    return out;
}

TicketPage TicketRepository::query(const TicketQuery &tq) const
{
    TicketPage page;
    QVariantList binds;
    const QString sort = sortExpression(tq.order);
    const bool asc = (tq.order == TicketQuery::Order::SlaUrgency) != tq.reverse;
    const QString sql = QStringLiteral("SELECT %1 FROM tickets%2 ORDER BY %3 %4, pk %4 LIMIT ? OFFSET ?")
                            .arg(QLatin1StringView(kTicketColumns), whereClause(tq, binds, true), sort,
                                 asc ? u"ASC"_s : u"DESC"_s);
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, sql, nullptr))
        return page;
    int i = 0;
    for (const QVariant &v : std::as_const(binds))
        q.bindValue(i++, v);
    q.bindValue(i++, tq.limit + 1);
    q.bindValue(i, std::max(0, tq.offset));
    if (!sql::exec(q, nullptr))
        return page;
    const auto cipher = m_db.cipher();
    while (q.next()) {
        if (page.rows.size() == tq.limit) {
            page.hasMore = true;
            break;
        }
        page.rows.append(readTicket(q, cipher.get()));
    }
    return page;
}

int TicketRepository::count(const TicketQuery &tq) const
{
    QVariantList binds;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral("SELECT count(*) FROM tickets") + whereClause(tq, binds, false),
                      nullptr))
        return -1;
    int i = 0;
    for (const QVariant &v : std::as_const(binds))
        q.bindValue(i++, v);
    return sql::exec(q, nullptr) && q.next() ? q.value(0).toInt() : -1;
}

int TicketRepository::totalCount() const
{
    return count(TicketQuery{});
}

bool TicketRepository::setSlaDue(const QString &id, std::optional<qint64> due, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral("UPDATE tickets SET sla_due = ? WHERE id = ?"), error))
        return false;
    q.bindValue(0, sql::opt(due));
    q.bindValue(1, id);
    return sql::exec(q, error);
}

bool TicketRepository::setLocalState(const QString &id, LocalState state, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral("UPDATE tickets SET local_state = ? WHERE id = ?"), error))
        return false;
    q.bindValue(0, int(state));
    q.bindValue(1, id);
    return sql::exec(q, error);
}

} // namespace pd
