#include "ticketconflicts.h"

#include "cachecipher.h"
#include "database.h"
#include "sqlhelpers.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

TicketConflicts::TicketConflicts(const Database &db)
    : m_db(db)
{}

bool TicketConflicts::put(const TicketConflict &c, QString *error)
{
    const auto cipher = m_db.sealer(error);
    QSqlQuery q(m_db.connection());
    if (!cipher ||
        !sql::prepare(q,
                      u"INSERT OR REPLACE INTO ticket_conflicts(ticket_id, local_fields, base_version, "
                      "server_copy, detected_at) VALUES (?, ?, ?, ?, ?)"_s,
                      error))
        return false;
    q.bindValue(0, c.ticketId);
    q.bindValue(1, cipher->seal(compact(c.localFields), SealedField::ConflictLocal));
    q.bindValue(2, c.baseVersion);
    q.bindValue(3, cipher->seal(compact(c.serverCopy.toJson()), SealedField::ConflictServer));
    q.bindValue(4, c.detectedAt);
    return sql::exec(q, error);
}

bool TicketConflicts::remove(const QString &ticketId, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, u"DELETE FROM ticket_conflicts WHERE ticket_id = ?"_s, error))
        return false;
    q.bindValue(0, ticketId);
    return sql::exec(q, error);
}

QList<TicketConflict> TicketConflicts::all() const
{
    QList<TicketConflict> out;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(
            q,
            u"SELECT ticket_id, local_fields, base_version, server_copy, detected_at FROM ticket_conflicts "
            "ORDER BY detected_at"_s,
            nullptr) ||
        !sql::exec(q, nullptr))
        return out;
    const auto cipher = m_db.cipher();
    const CacheCipher &k = cipher ? *cipher : *CacheCipher::plain();
    while (q.next()) {
        TicketConflict c;
        c.ticketId = q.value(0).toString();
        const QString local = k.open(q.value(1), SealedField::ConflictLocal);
        const QString server = k.open(q.value(3), SealedField::ConflictServer);
        c.localFields = QJsonDocument::fromJson(local.toUtf8()).object();
        c.baseVersion = q.value(2).toLongLong();
        c.serverCopy = Ticket::fromJson(QJsonDocument::fromJson(server.toUtf8()).object()).value_or(Ticket{});
        c.detectedAt = q.value(4).toLongLong();
        out.append(c);
    }
    return out;
}

bool TicketConflicts::refreshServerCopies(const QList<Ticket> &tickets, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (tickets.isEmpty() || !q.exec(u"SELECT EXISTS (SELECT 1 FROM ticket_conflicts)"_s) || !q.next() ||
        !q.value(0).toBool())
        return true;
    // Few conflicts at a time: read them (the versions are inside the sealed copies), then replace the older.
    QHash<QString, TicketConflict> byTicket;
    for (const TicketConflict &c : all())
        byTicket.insert(c.ticketId, c);
    for (const Ticket &t : tickets) {
        auto it = byTicket.find(t.id);
        if (it == byTicket.end() || it->serverCopy.version >= t.version)
            continue;
        it->serverCopy = t;
        if (!put(*it, error))
            return false;
    }
    return true;
}

} // namespace pd
