#include "orphanevents.h"

#include "cachecipher.h"
#include "database.h"
#include "sqlhelpers.h"
#include "ticketrepository.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd {

OrphanEvents::OrphanEvents(const Database &db)
    : m_db(db)
{}

bool OrphanEvents::keep(const QList<TicketEvent> &events, QString *error)
{
    if (events.isEmpty())
        return true;
    const auto cipher = m_db.sealer(error); // the event as the server sent it: its text may name the customer
    if (!cipher)
        return false;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      u"INSERT INTO orphan_events(id, ticket_id, data) VALUES (?, ?, ?) "
                      "ON CONFLICT(id) DO UPDATE SET ticket_id = excluded.ticket_id, data = excluded.data"_s,
                      error))
        return false;
    for (const TicketEvent &e : events) {
        q.bindValue(0, e.id);
        q.bindValue(1, e.ticketId);
        q.bindValue(2,
                    cipher->seal(QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)),
                                 SealedField::OrphanEvent));
        if (!sql::exec(q, error))
            return false;
    }
    return true;
}

bool OrphanEvents::adopt(const QStringList &ticketIds, QStringList *tickets, QString *error)
{
    if (ticketIds.isEmpty() || isEmpty())
        return true;
    // One index probe per ticket written (few of them have waiting events), not a scan of every waiting one.
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(q, u"SELECT id, data FROM orphan_events WHERE ticket_id = ?"_s, error))
        return false;
    QList<TicketEvent> adopted;
    QStringList ids;
    const auto cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    for (const QString &ticketId : ticketIds) {
        q.bindValue(0, ticketId);
        if (!sql::exec(q, error))
            return false;
        while (q.next()) {
            ids.append(q.value(0).toString());
            const QString json = c.open(q.value(1), SealedField::OrphanEvent);
            if (auto e = TicketEvent::fromJson(QJsonDocument::fromJson(json.toUtf8()).object()))
                adopted.append(*e);
        }
    }
    q.finish();
    if (ids.isEmpty())
        return true;
    if (!TicketRepository(m_db).upsertEvents(adopted, error) || !dropEvents(ids, error))
        return false;
    if (tickets) {
        for (const TicketEvent &e : std::as_const(adopted))
            tickets->append(e.ticketId);
    }
    return true;
}

bool OrphanEvents::drop(const QStringList &ticketIds, QString *error)
{
    if (ticketIds.isEmpty() || isEmpty())
        return true;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, u"DELETE FROM orphan_events WHERE ticket_id = ?"_s, error))
        return false;
    for (const QString &id : ticketIds) {
        q.bindValue(0, id);
        if (!sql::exec(q, error))
            return false;
    }
    return true;
}

bool OrphanEvents::dropEvents(const QStringList &eventIds, QString *error)
{
    if (eventIds.isEmpty())
        return true;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, u"DELETE FROM orphan_events WHERE id = ?"_s, error))
        return false;
    for (const QString &id : eventIds) {
        q.bindValue(0, id);
        if (!sql::exec(q, error))
            return false;
    }
    return true;
}

bool OrphanEvents::clear(QString *error)
{
    QSqlQuery q(m_db.connection());
    return sql::prepare(q, u"DELETE FROM orphan_events"_s, error) && sql::exec(q, error);
}

bool OrphanEvents::isEmpty() const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, u"SELECT EXISTS (SELECT 1 FROM orphan_events)"_s, nullptr) ||
        !sql::exec(q, nullptr) || !q.next())
        return true;
    return q.value(0).toInt() == 0;
}

} // namespace pd

namespace pd {

int OrphanEvents::size() const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, u"SELECT count(*) FROM orphan_events"_s, nullptr) || !sql::exec(q, nullptr) ||
        !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace pd
