#pragma once

#include "../integration/serverfixture.h"
#include "models/store/database.h"
#include "models/store/orphanevents.h"
#include "models/store/ticketrepository.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd::test {

/// @brief What a console's cache holds compared with what the server gives its user, ticket by ticket.
struct TruthReport
{
    int tickets = 0; ///< readable tickets compared field by field
    int events = 0;  ///< timeline events compared
    int hidden = 0;  ///< tickets the user may not read (checked absent)
    QStringList differences;

    [[nodiscard]] QString summary() const { return differences.mid(0, 12).join(u"\n"_s); }
};

inline QStringList jsonDifferences(const QJsonObject &mine, const QJsonObject &server)
{
    QStringList out;
    QSet<QString> keys;
    for (const QJsonObject *o : {&mine, &server}) {
        for (auto it = o->begin(); it != o->end(); ++it)
            keys.insert(it.key());
    }
    for (const QString &k : std::as_const(keys)) {
        if (mine.value(k) == server.value(k))
            continue;
        if (k.startsWith(u"customer_"_s)) { // customer data never goes to test output, even fake
            out.append(u"%1 differs"_s.arg(k));
            continue;
        }
        out.append(u"%1: cache %2, server %3"_s.arg(
            k, QString::fromUtf8(QJsonDocument(QJsonArray{mine.value(k)}).toJson(QJsonDocument::Compact)),
            QString::fromUtf8(QJsonDocument(QJsonArray{server.value(k)}).toJson(QJsonDocument::Compact))));
    }
    return out;
}

/**
 * @brief Compares the cache with the server's own routes (GET /tickets/{id} and /events, not the change
 * feed) for every ticket in @p ticketIds, as the user of @p token: a ticket it may read must be in the cache
 * with every field and every event equal; one it may not read (403) or that is gone (404) must be absent.
 * The cache must hold no other ticket.
 */
inline TruthReport compareWithServer(ServerFixture &server, int index, const QByteArray &token,
                                     const Database &db, const QStringList &ticketIds)
{
    TruthReport report;
    TicketRepository repo(db);
    QSet<QString> readable;
    for (const QString &id : ticketIds) {
        const Reply t = server.request("GET", u"/api/v1/tickets/"_s + id, token, {}, {}, index);
        const auto row = repo.byId(id);
        if (t.status == 403 || t.status == 404) {
            ++report.hidden;
            if (row)
                report.differences.append(
                    u"%1: in the cache, but the server answers %2"_s.arg(id).arg(t.status));
            continue;
        }
        if (t.status != 200) {
            report.differences.append(u"%1: GET answered %2"_s.arg(id).arg(t.status));
            continue;
        }
        readable.insert(id);
        ++report.tickets;
        const auto serverTicket = Ticket::fromJson(t.json());
        if (!row) {
            report.differences.append(u"%1: missing from the cache"_s.arg(id));
            continue;
        }
        if (!serverTicket || !(*serverTicket == row->ticket)) {
            for (const QString &d : jsonDifferences(row->ticket.toJson(), t.json()))
                report.differences.append(id + u" "_s + d);
        }
        const Reply ev =
            server.request("GET", u"/api/v1/tickets/"_s + id + u"/events"_s, token, {}, {}, index);
        QHash<QString, QJsonObject> mine;
        for (const TicketEvent &e : repo.events(id))
            mine.insert(e.id, e.toJson());
        const QJsonArray items = ev.json().value(u"items"_s).toArray();
        for (const QJsonValue &v : items) {
            ++report.events;
            const auto e = TicketEvent::fromJson(v.toObject());
            if (!e) {
                report.differences.append(u"%1: unreadable event from the server"_s.arg(id));
                continue;
            }
            const auto it = mine.constFind(e->id);
            if (it == mine.constEnd())
                report.differences.append(u"%1: event %2 (%3) missing"_s.arg(id, e->id, toCode(e->kind)));
            else if (*it != e->toJson())
                report.differences.append(u"%1: event %2 differs"_s.arg(id, e->id));
            mine.remove(e->id);
        }
        for (auto it = mine.constBegin(); it != mine.constEnd(); ++it)
            report.differences.append(u"%1: event %2 in the cache only"_s.arg(id, it.key()));
    }
    QSqlQuery q(db.connection());
    q.exec(u"SELECT id FROM tickets"_s);
    while (q.next()) {
        if (!readable.contains(q.value(0).toString()))
            report.differences.append(u"%1: in the cache, not readable"_s.arg(q.value(0).toString()));
    }
    return report;
}

} // namespace pd::test
