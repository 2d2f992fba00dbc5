#include "clonefill.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QStringList>
#include <QUrl>

#include <cstdio>

namespace pd::bench {

namespace {

/// Copies are made from at most this many parcels a statement (about 7.7 million scans).
constexpr qint64 kMaxCopy = 1000000;

/// @brief SQL for waybill @p column renumbered by @p offset (SF15 and 11 digits, as the bench's).
QString renumbered(const QString &column, qint64 offset)
{
    return QStringLiteral("('SF15' || lpad((substr(%1, 5)::bigint + %2)::text, 11, '0'))")
        .arg(column)
        .arg(offset);
}

QString waybillText(qint64 n)
{
    return QStringLiteral("'SF15%1'").arg(n, 11, 10, QLatin1Char('0'));
}

QString failure(const QSqlQuery &q)
{
    return q.lastError().text() + QStringLiteral(" in ") + q.lastQuery().left(200);
}

} // namespace

bool CloneFill::open(const QString &url, QString *error)
{
    const QUrl u(url);
    m_connection = QStringLiteral("bench-clone");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    db.setDatabaseName(u.path().mid(1));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

bool CloneFill::exec(const QString &sql, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql)) {
        *error = failure(q);
        return false;
    }
    return true;
}

qint64 CloneFill::databaseBytes()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

qint64 CloneFill::fill(qint64 base, qint64 to, const QString &dataDir, qint64 keepFree, QString *error)
{
    QElapsedTimer t;
    t.start();
    qint64 filled = base;
    while (filled < to) {
        qint64 count = std::min({filled, to - filled, kMaxCopy});
        // What a parcel takes so far, a tenth more for the write-ahead log and the indexes' growth.
        const double perParcel = 1.1 * double(databaseBytes()) / double(filled);
        const qint64 fits = qint64(double(QStorageInfo(dataDir).bytesAvailable() - keepFree) / perParcel);
        count = std::min(count, fits / base * base);
        if (count <= 0) {
            std::printf(
                "  copies stopped at %lld parcels: the disk has %.1f GB free, a parcel takes %.0f bytes\n",
                filled, double(QStorageInfo(dataDir).bytesAvailable()) / 1e9, perParcel);
            break;
        }
        if (!copyRange(count, filled, error))
            return 0;
        filled += count;
        std::printf("  … %lld parcels (copied in SQL, %.0f s so far, %.1f GB free)\n", filled,
                    double(t.elapsed()) / 1000, double(QStorageInfo(dataDir).bytesAvailable()) / 1e9);
        std::fflush(stdout);
    }
    return scaleTotals(filled / base, error) && exec(QStringLiteral("ANALYZE"), error) ? filled : 0;
}

/// @brief Copies parcels [0, count) to [offset, offset + count) in one transaction.
bool CloneFill::copyRange(qint64 count, qint64 offset, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString lo = waybillText(0);
    const QString hi = waybillText(count);
    QSqlQuery columns(db);
    columns.exec(
        QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_name = 'docs' "
                       "ORDER BY ordinal_position"));
    QStringList names, values;
    while (columns.next()) {
        const QString c = columns.value(0).toString();
        names << c;
        if (c == QLatin1StringView("id"))
            values << renumbered(QStringLiteral("id"), offset);
        else if (c == QLatin1StringView("seq"))
            values << QStringLiteral("(SELECT value FROM counters WHERE name = 'change_seq') + "
                                     "row_number() OVER (ORDER BY id)");
        else if (c == QLatin1StringView("data") || c == QLatin1StringView("masked"))
            values << QStringLiteral("replace(%1, id, %2)").arg(c, renumbered(QStringLiteral("id"), offset));
        else if (c == QLatin1StringView("feed"))
            values << QStringLiteral("0"); // no ticket names a copy
        else
            values << c;
    }
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    const auto run = [&](const QString &sql) {
        if (q.exec(sql))
            return true;
        *error = failure(q);
        db.rollback();
        return false;
    };
    const QString w = renumbered(QStringLiteral("waybill_no"), offset);
    const QString p = renumbered(QStringLiteral("parent"), offset);
    const QString range = QStringLiteral(" >= %1 AND %2 < %3");
    if (!run(QStringLiteral("INSERT INTO docs(%1) SELECT %2 FROM docs WHERE type = 'parcel' AND id")
                 .arg(names.join(u','), values.join(u',')) +
             range.arg(lo, QStringLiteral("id"), hi)))
        return false;
    const int parcels = q.numRowsAffected();
    if (!run(QStringLiteral("UPDATE counters SET value = value + %1 WHERE name = 'change_seq'").arg(parcels)))
        return false;
    const QString scans =
        QStringLiteral("INSERT INTO scans(id, waybill_no, at_ms, data, masked) "
                       "SELECT replace(id, waybill_no, %1), %1, at_ms, replace(data, waybill_no, %1), "
                       "replace(masked, waybill_no, %1) FROM scans WHERE waybill_no") +
        range.arg(lo, QStringLiteral("waybill_no"), hi) +
        QStringLiteral(
            " UNION ALL SELECT replace(id, parent, %2), %2, updated_ms, replace(data, parent, %2), "
            "replace(masked, parent, %2) FROM docs WHERE type = 'tracking_event' AND deleted = 0 "
            "AND parent") +
        range.arg(lo, QStringLiteral("parent"), hi);
    const QString shares = QStringLiteral("INSERT INTO volume_parcels SELECT %1, station_id, courier_id, "
                                          "picked_day, delivered_day, on_time, exception_day, damaged_day, "
                                          "lost_day FROM volume_parcels WHERE waybill_no") +
                           range.arg(lo, QStringLiteral("waybill_no"), hi);
    const QString geo =
        QStringLiteral("INSERT INTO parcel_geo SELECT %1, qk, lat, lng, at_dest, status, "
                       "station_id, courier_id, promised_ms FROM parcel_geo WHERE waybill_no") +
        range.arg(lo, QStringLiteral("waybill_no"), hi);
    if (!run(scans.arg(w, p)) || !run(shares.arg(w)) || !run(geo.arg(w)))
        return false;
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

/// @brief Multiplies the totals by @p factor: each parcel of block 0 now stands for @p factor parcels.
bool CloneFill::scaleTotals(qint64 factor, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    const QString f = QString::number(factor);
    const bool ok =
        exec(
            QStringLiteral("UPDATE parcel_volume SET picked_up = picked_up * %1, delivered = delivered * %1, "
                           "delivered_on_time = delivered_on_time * %1, damaged = damaged * %1, "
                           "lost = lost * %1, exceptions = exceptions * %1, version = version + 1")
                .arg(f),
            error) &&
        exec(QStringLiteral(
                 "UPDATE parcel_cells SET n = n * %1, sum_lat = sum_lat * %1, sum_lng = sum_lng * %1")
                 .arg(f),
             error) &&
        scaleVolumeRecords(factor, error);
    if (!ok || !db.commit()) {
        if (error->isEmpty())
            *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

/// @brief The feed's parcel_volume records with the totals times @p factor, a new version and a new seq
/// (a console that synced them before gets them again), serialized as the server writes them.
bool CloneFill::scaleVolumeRecords(qint64 factor, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery read(db);
    if (!read.exec(QStringLiteral("SELECT id, data FROM docs WHERE type = 'parcel_volume' ORDER BY id"))) {
        *error = failure(read);
        return false;
    }
    QSqlQuery write(db);
    write.prepare(QStringLiteral(
        "UPDATE docs SET data = ?, version = version + 1, seq = (SELECT value FROM counters WHERE name = "
        "'change_seq') + 1 WHERE type = 'parcel_volume' AND id = ?"));
    QSqlQuery bump(db);
    bump.prepare(QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'change_seq'"));
    static const char *const counts[] = {"picked_up", "delivered", "delivered_on_time",
                                         "damaged",   "lost",      "exceptions"};
    while (read.next()) {
        QJsonObject o = QJsonDocument::fromJson(read.value(1).toString().toUtf8()).object();
        for (const char *c : counts) {
            const QString key = QLatin1StringView(c);
            o.insert(key, o.value(key).toInteger() * factor);
        }
        o.insert(QStringLiteral("version"), o.value(QStringLiteral("version")).toInteger() + 1);
        write.addBindValue(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        write.addBindValue(read.value(0).toString());
        if (!write.exec() || !bump.exec()) {
            *error = failure(write.lastError().isValid() ? write : bump);
            return false;
        }
    }
    return true;
}

QString CloneFill::sizes()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(QStringLiteral(
        "SELECT 'database ' || pg_size_pretty(pg_database_size(current_database())) UNION ALL "
        "SELECT * FROM (SELECT relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_class "
        "c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
        "ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 5) AS largest"));
    QStringList parts;
    while (q.next())
        parts << q.value(0).toString();
    return parts.join(QStringLiteral(", "));
}

} // namespace pd::bench
