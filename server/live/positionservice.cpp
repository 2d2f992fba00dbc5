#include "positionservice.h"

#include "livehub.h"

#include "models/domain/entities.h"

#include <QJsonDocument>

namespace pd::server {

PositionService::PositionService(DocumentStore &docs, LiveBus &bus, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_docs(docs)
    , m_bus(bus)
    , m_clock(clock)
{
    connect(&m_flushTimer, &QTimer::timeout, this, &PositionService::flushNow);
    m_flushTimer.start(kFlushMs);
}

bool PositionService::flushNow()
{
    try {
        flush();
        if (m_failedFlushes > 0)
            qCInfo(lcServerLive) << "courier positions written again after" << m_failedFlushes
                                 << "failed attempts";
        m_failedFlushes = 0;
        return true;
    } catch (const std::exception &e) {
        // The positions stay in memory (and dirty): the next tick writes them. Logged once per fault.
        if (m_failedFlushes++ == 0)
            qCWarning(lcServerLive) << "courier positions not written, retrying every" << kFlushMs
                                    << "ms:" << e.what();
        return false;
    }
}

void PositionService::load()
{
    const auto docs = m_docs.all(DocType::Courier);
    for (const Doc &d : docs) {
        const auto c = Courier::fromJson(QJsonDocument::fromJson(d.data).object());
        if (c && c->position)
            m_positions.insert(c->id, CourierPosition{c->id, *c->position, c->lastSeen.value_or(0)});
    }
}

void PositionService::report(const QList<CourierPosition> &positions)
{
    QJsonArray chunk;
    const auto sendChunk = [&] {
        if (chunk.isEmpty())
            return;
        m_bus.publish(QJsonObject{{QStringLiteral("kind"), QStringLiteral("positions")},
                                  {QStringLiteral("items"), chunk}});
        chunk = QJsonArray();
    };
    for (const CourierPosition &p : positions) {
        m_dirty.insert(p.courierId);
        m_positions.insert(p.courierId, p);
        chunk.append(p.toJson());
        if (chunk.size() >= kChunk)
            sendChunk();
    }
    sendChunk();
}

void PositionService::apply(const QJsonObject &event)
{
    const QJsonArray items = event.value(QStringLiteral("items")).toArray();
    for (const auto &v : items) {
        const auto parsed = CourierPosition::fromJson(v.toObject());
        if (!parsed)
            continue;
        const CourierPosition &p = *parsed;
        auto it = m_positions.find(p.courierId);
        if (it == m_positions.end() || it->at <= p.at)
            m_positions.insert(p.courierId, p);
    }
}

std::optional<CourierPosition> PositionService::position(const QString &courierId) const
{
    const auto it = m_positions.constFind(courierId);
    if (it == m_positions.cend())
        return std::nullopt;
    return *it;
}

void PositionService::flush()
{
    if (m_dirty.isEmpty())
        return;
    // Cleared only after the commit: a failed write leaves every courier dirty for the next attempt.
    const QSet<QString> dirty = m_dirty;
    WriteTx tx(m_docs.db());
    for (const QString &id : dirty) {
        auto doc = m_docs.get(DocType::Courier, id);
        if (!doc)
            continue;
        auto c = Courier::fromJson(QJsonDocument::fromJson(doc->data).object());
        const auto p = m_positions.value(id);
        if (!c)
            continue;
        c->position = p.position;
        c->lastSeen = p.at;
        c->version = doc->version + 1;
        doc->version = c->version;
        doc->updatedMs = m_clock.nowMs();
        doc->data = QJsonDocument(c->toJson()).toJson(QJsonDocument::Compact);
        m_docs.put(tx, *doc);
    }
    tx.commit();
    m_dirty.subtract(dirty);
}

QJsonArray PositionService::positionsJson() const
{
    QJsonArray out;
    for (const CourierPosition &p : m_positions)
        out.append(p.toJson());
    return out;
}

} // namespace pd::server
