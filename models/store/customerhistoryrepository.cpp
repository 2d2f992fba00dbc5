#include "customerhistoryrepository.h"

#include "cachecipher.h"
#include "customertokens.h"
#include "database.h"
#include "models/domain/validation.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr Instant kDayMs = 24LL * 60 * 60 * 1000;

// The columns of a listed ticket (customerTicket() reads them in this order; the last, whether the phone
// matched, is added by select()). No sealed field: nothing is decrypted.
constexpr auto kListColumns =
    "id, number, waybill_no, category, status, created_at, csat, team_id, key_account, merged_into";

CustomerTicket customerTicket(const QSqlQuery &q, const QString &waybill)
{
    CustomerTicket t;
    t.id = q.value(0).toString();
    t.number = q.value(1).toString();
    t.waybillNo = q.value(2).toString();
    t.teamId = q.value(7).toString();
    t.category = fromCode<Category>(q.value(3).toString()).value_or(Category::Other);
    t.status = fromCode<TicketStatus>(q.value(4).toString()).value_or(TicketStatus::New);
    t.createdAt = q.value(5).toLongLong();
    if (!q.value(6).isNull())
        t.csat = q.value(6).toInt();
    t.keyAccount = q.value(8).toBool();
    t.merged = !q.value(9).isNull();
    t.samePhone = q.value(10).toBool();
    t.sameWaybill = !waybill.isEmpty() && t.waybillNo == waybill;
    return t;
}

} // namespace

CustomerHistoryRepository::CustomerHistoryRepository(const Database &db)
    : m_db(db)
{}

bool CustomerHistoryRepository::select(QSqlQuery &q, const QString &waybillNo, const QString &phone,
                                       const User &reader, const QString &columns, const QString &tail,
                                       const QVariantList &tailBinds) const
{
    // The phone's keyed token in customer_fts (the cache holds no phone in clear) and the waybill through
    // tickets_waybill, united by pk; an agent reads only their team's tickets (TicketRules::canRead).
    const auto cipher = m_db.cipher();
    const PhoneCheck checked = Validation::checkPhone(phone);
    const bool byPhone = cipher && checked.valid;
    const QString waybill = Validation::normalizeIdentifier(waybillNo);
    if (!byPhone && waybill.isEmpty())
        return false;
    QString sql = byPhone
                      ? u"WITH phone(pk) AS (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?) "_s
                      : QString();
    sql += u"SELECT %1, %2 FROM tickets WHERE (%3"_s.arg(columns, byPhone ? u"pk IN phone"_s : u"0"_s,
                                                         byPhone ? u"pk IN phone"_s : u"0"_s);
    sql += waybill.isEmpty() ? u")"_s : u" OR waybill_no = ?)"_s;
    const bool ownTeamOnly = reader.role == Role::Agent;
    if (ownTeamOnly)
        sql += reader.teamId.isEmpty() ? u" AND 0"_s : u" AND team_id = ?"_s;
    sql += u" "_s + tail;
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    if (byPhone)
        q.addBindValue(QString::fromLatin1(CustomerTokens::forPhone(*cipher, checked.normalized)));
    if (!waybill.isEmpty())
        q.addBindValue(waybill);
    if (ownTeamOnly && !reader.teamId.isEmpty())
        q.addBindValue(reader.teamId);
    for (const QVariant &v : tailBinds)
        q.addBindValue(v);
    return q.exec();
}

QList<CustomerTicket> CustomerHistoryRepository::find(const QString &waybillNo, const QString &phone,
                                                      const User &reader, const QString &tail,
                                                      const QVariantList &tailBinds) const
{
    QSqlQuery q(m_db.connection());
    QList<CustomerTicket> out;
    if (!select(q, waybillNo, phone, reader, QLatin1StringView(kListColumns), tail, tailBinds))
        return out;
    const QString waybill = Validation::normalizeIdentifier(waybillNo);
    while (q.next())
        out.append(customerTicket(q, waybill));
    return out;
}

CustomerHistory CustomerHistoryRepository::forTicket(const Ticket &ticket, const User &reader, Instant now,
                                                     int limit) const
{
    CustomerHistory h;
    h.keyAccount = ticket.keyAccount;
    h.lastCsat = ticket.csat;
    Instant csatAt = ticket.csat ? ticket.createdAt : 0;
    const auto countIn = [&](Instant createdAt) {
        h.last30Days += createdAt >= now - 30 * kDayMs ? 1 : 0;
        h.last90Days += createdAt >= now - 90 * kDayMs ? 1 : 0;
    };
    // A merged ticket is counted once, as the ticket it was merged into.
    if (!ticket.isMerged())
        countIn(ticket.createdAt);
    // One pass over the customer's tickets, newest first: every one counts, the first `limit` are listed.
    QSqlQuery q(m_db.connection());
    if (!select(q, ticket.waybillNo, ticket.customerPhone, reader, QLatin1StringView(kListColumns),
                u"ORDER BY created_at DESC, pk DESC"_s))
        return h;
    const QString waybill = Validation::normalizeIdentifier(ticket.waybillNo);
    while (q.next()) {
        if (q.value(0).toString() == ticket.id)
            continue;
        ++h.total;
        const Instant createdAt = q.value(5).toLongLong();
        if (q.value(9).isNull())
            countIn(createdAt);
        h.keyAccount = h.keyAccount || q.value(8).toBool();
        if (!q.value(6).isNull() && (!h.lastCsat || createdAt > csatAt)) {
            h.lastCsat = q.value(6).toInt();
            csatAt = createdAt;
        }
        if (h.tickets.size() < limit)
            h.tickets.append(customerTicket(q, waybill));
    }
    return h;
}

QList<CustomerTicket> CustomerHistoryRepository::openTickets(const QString &waybillNo, const QString &phone,
                                                             const User &reader, int limit) const
{
    return find(waybillNo, phone, reader,
                u"AND status NOT IN ('resolved', 'closed') ORDER BY created_at DESC, pk DESC LIMIT %1"_s.arg(
                    qMax(0, limit)));
}

} // namespace pd
