#include "parcelretention.h"

#include "database.h"
#include "documentstore.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd::server {

ParcelRetention::Step ParcelRetention::step(WriteTx &tx, qint64 cutoffMs, QString *cursor)
{
    Step out;
    Database &db = tx.db();
    QStringList due;
    QList<Doc> gone;
    {
        static const QString page = u"SELECT id, updated_ms, feed FROM docs WHERE type = 'parcel' AND id > ? "
                                    "ORDER BY id LIMIT ?"_s;
        QSqlQuery q = db.run(page, {*cursor, kPage});
        while (q.next()) {
            ++out.looked;
            *cursor = q.value(0).toString();
            if (q.value(2).toInt() == 0 && q.value(1).toLongLong() < cutoffMs)
                due << *cursor;
        }
    }
    out.more = out.looked == kPage;
    // feed 0 means no live ticket names it; asked again in this transaction all the same.
    const QSet<QString> named = m_docs.referencedAmong(due);
    due.removeIf([&](const QString &w) { return named.contains(w); });
    if (due.isEmpty())
        return out;
    db.runIn(u"DELETE FROM scans WHERE waybill_no IN (%IN%)"_s, {}, due, [](const QSqlQuery &) {});
    db.runIn(u"DELETE FROM docs WHERE type = 'tracking_event' AND feed = 0 AND parent IN (%IN%)"_s, {}, due,
             [](const QSqlQuery &) {});
    db.runIn(u"DELETE FROM volume_parcels WHERE waybill_no IN (%IN%)"_s, {}, due, [](const QSqlQuery &) {});
    // The map's index: a deleted record leaves it, and its cell counts go down.
    for (const QString &w : std::as_const(due)) {
        Doc d;
        d.type = DocType::Parcel;
        d.id = w;
        d.deleted = true;
        gone << d;
    }
    QList<const Doc *> changed;
    for (const Doc &d : std::as_const(gone))
        changed << &d;
    m_docs.geo().parcelsChanged(changed);
    db.runIn(u"DELETE FROM docs WHERE type = 'parcel' AND id IN (%IN%)"_s, {}, due, [](const QSqlQuery &) {});
    out.deleted = int(due.size());
    return out;
}

} // namespace pd::server
