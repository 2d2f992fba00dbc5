#include "csvimport.h"

#include "server/storage/keyaccountstore.h"
#include "server/storage/ticketstore.h"

#include "models/domain/ticketrules.h"
#include "server/api/requestparsing.h"

#include "models/domain/jsonreader.h"
#include "models/domain/validation.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace pd::server {

namespace {
void toNumber(QJsonObject &o, const QString &key, bool *ok)
{
    if (!o.contains(key))
        return;
    bool good = false;
    const double v = o.value(key).toString().toDouble(&good);
    if (good)
        o.insert(key, v);
    else
        *ok = false;
}

} // namespace

const QStringList &CsvImport::ticketColumns()
{
    static const QStringList c{QStringLiteral("id"),
                               QStringLiteral("number"),
                               QStringLiteral("waybill_no"),
                               QStringLiteral("description"),
                               QStringLiteral("customer_name"),
                               QStringLiteral("customer_phone"),
                               QStringLiteral("channel"),
                               QStringLiteral("category"),
                               QStringLiteral("priority"),
                               QStringLiteral("status"),
                               QStringLiteral("team_id"),
                               QStringLiteral("assignee_id"),
                               QStringLiteral("created_at"),
                               QStringLiteral("first_response_at"),
                               QStringLiteral("resolved_at"),
                               QStringLiteral("closed_at"),
                               QStringLiteral("resolution"),
                               QStringLiteral("compensation_amount"),
                               QStringLiteral("csat"),
                               QStringLiteral("nps"),
                               QStringLiteral("follow_up_at"),
                               QStringLiteral("language")};
    return c;
}

const QStringList &CsvImport::parcelColumns()
{
    static const QStringList c{QStringLiteral("waybill_no"),      QStringLiteral("status"),
                               QStringLiteral("origin_address"),  QStringLiteral("origin_lat"),
                               QStringLiteral("origin_lon"),      QStringLiteral("destination_address"),
                               QStringLiteral("destination_lat"), QStringLiteral("destination_lon"),
                               QStringLiteral("promised_at"),     QStringLiteral("delivered_at"),
                               QStringLiteral("courier_id"),      QStringLiteral("station_id"),
                               QStringLiteral("declared_value")};
    return c;
}

bool CsvImport::load(const QString &path, QList<CsvReader::Row> *rows, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    QString parseError;
    if (!CsvReader::parse(f.readAll(), rows, &parseError)) {
        *error = tr("%1: %2").arg(path, parseError);
        return false;
    }
    return true;
}

bool CsvImport::loadTickets(const QString &path, QString *error)
{
    QList<CsvReader::Row> rows;
    if (!load(path, &rows, error))
        return false;
    readTickets(path, rows);
    return true;
}

bool CsvImport::loadParcels(const QString &path, QString *error)
{
    QList<CsvReader::Row> rows;
    if (!load(path, &rows, error))
        return false;
    readParcels(path, rows);
    return true;
}

bool CsvImport::acceptsHeader(const QString &name, const QList<CsvReader::Row> &rows,
                              const QStringList &columns)
{
    if (rows.isEmpty())
        return false;
    for (const QString &h : rows.first().fields) {
        if (!columns.contains(h.trimmed())) {
            m_rejected.append({name, rows.first().line, h.left(60), tr("unknown column")});
            return false;
        }
    }
    return true;
}

bool CsvImport::fieldsFit(const QString &name, const CsvReader::Row &row, const QStringList &header)
{
    if (row.fields.size() == header.size())
        return true;
    m_rejected.append(
        {name, row.line, {}, tr("%1 fields, the header has %2").arg(row.fields.size()).arg(header.size())});
    return false;
}

void CsvImport::readTickets(const QString &name, const QList<CsvReader::Row> &rows)
{
    if (!acceptsHeader(name, rows, ticketColumns()))
        return;
    const QStringList header = rows.first().fields;
    QSet<QString> ids;
    QHash<QString, bool> teams;
    const auto teamExists = [&](const QString &id) {
        if (!teams.contains(id))
            teams.insert(id, m_docs.get(DocType::Team, id).has_value());
        return teams.value(id);
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const CsvReader::Row &row = rows.at(i);
        if (!fieldsFit(name, row, header))
            continue;
        QJsonObject o = CsvReader::object(header, row.fields);
        QString field;
        QString message;
        auto t = ticketOf(o, ids, &field, &message);
        if (!t || !checkTicket(*t, teamExists, &field, &message)) {
            m_rejected.append({name, row.line, field, message});
            continue;
        }
        if (!o.contains(QStringLiteral("priority")))
            t->priority = TicketRules::defaultPriority(t->category, 0);
        t->version = 1;
        t->updatedAt = std::max({t->createdAt, t->firstResponseAt.value_or(0), t->resolvedAt.value_or(0),
                                 t->closedAt.value_or(0)});
        ids.insert(t->id);
        m_tickets.append(*t);
    }
}

std::optional<Ticket> CsvImport::ticketOf(QJsonObject &o, const QSet<QString> &ids, QString *field,
                                          QString *message) const
{
    const auto reject = [&](const QString &f, const QString &m) {
        *field = f;
        *message = m;
        return std::nullopt;
    };
    if (!o.contains(QStringLiteral("id")))
        o.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    bool numbersOk = true;
    for (const char *k : {"compensation_amount", "csat", "nps"})
        toNumber(o, QString::fromLatin1(k), &numbersOk);
    if (!numbersOk)
        return reject(QStringLiteral("csat/nps/compensation_amount"), tr("not a number"));
    if (!o.contains(QStringLiteral("created_at")))
        return reject(QStringLiteral("created_at"), tr("is required (ISO 8601 with an offset)"));
    JsonError err;
    auto t = Ticket::fromJson(o, &err);
    if (!t)
        return reject(err.field, err.message);
    if (!isValidId(t->id) || ids.contains(t->id) || m_docs.get(DocType::Ticket, t->id))
        return reject(QStringLiteral("id"), tr("missing, malformed or already used"));
    return t;
}

bool CsvImport::checkTicket(Ticket &t, const std::function<bool(const QString &)> &teamExists, QString *field,
                            QString *message)
{
    const auto reject = [&](const QString &f, const QString &m) {
        *field = f;
        *message = m;
        return false;
    };
    if (const TextCheck text = Validation::checkText(t.description, 20000, true); !text.valid)
        return reject(QStringLiteral("description"), text.message);
    if (const TextCheck name = Validation::checkText(t.customerName, 100, false); !name.valid)
        return reject(QStringLiteral("customer_name"), name.message);
    // The one compensation rule of the API and the console (TicketRules::kMaxCompensationFen).
    if (t.compensationFen) {
        if (const TextCheck money = Validation::checkCompensation(*t.compensationFen); !money.valid)
            return reject(QStringLiteral("compensation_amount"), money.message);
    }
    if (!t.waybillNo.isEmpty()) {
        const WaybillCheck w = Validation::checkWaybill(t.waybillNo);
        if (!w.valid)
            return reject(QStringLiteral("waybill_no"), w.message);
        t.waybillNo = w.normalized;
    }
    if (!t.customerPhone.isEmpty()) {
        const PhoneCheck p = Validation::checkPhone(t.customerPhone);
        if (!p.valid)
            return reject(QStringLiteral("customer_phone"), p.message);
        t.customerPhone = p.normalized;
    }
    if (t.teamId.isEmpty() || !teamExists(t.teamId))
        return reject(QStringLiteral("team_id"), tr("unknown team"));
    if (!t.language.isEmpty() && t.language != QLatin1StringView("zh") &&
        t.language != QLatin1StringView("yue") && t.language != QLatin1StringView("en"))
        return reject(QStringLiteral("language"), tr("must be zh, yue, en or empty"));
    const bool done = t.status == TicketStatus::Resolved || t.status == TicketStatus::Closed;
    if (done && (!t.resolution || !t.resolvedAt))
        return reject(QStringLiteral("resolution"),
                      tr("a resolved or closed ticket needs resolution and resolved_at"));
    if ((t.firstResponseAt && *t.firstResponseAt < t.createdAt) ||
        (t.resolvedAt && *t.resolvedAt < t.createdAt))
        return reject(QStringLiteral("created_at"), tr("times must not be before created_at"));
    return true;
}

void CsvImport::readParcels(const QString &name, const QList<CsvReader::Row> &rows)
{
    if (!acceptsHeader(name, rows, parcelColumns()))
        return;
    const QStringList header = rows.first().fields;
    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const CsvReader::Row &row = rows.at(i);
        if (!fieldsFit(name, row, header))
            continue;
        QJsonObject o = CsvReader::object(header, row.fields);
        bool numbersOk = true;
        toNumber(o, QStringLiteral("declared_value"), &numbersOk);
        CsvReader::toGeo(o, QStringLiteral("origin"));
        CsvReader::toGeo(o, QStringLiteral("destination"));
        JsonError err;
        auto p = numbersOk ? Parcel::fromJson(o, &err) : std::nullopt;
        if (!p) {
            m_rejected.append({name, row.line, numbersOk ? err.field : QStringLiteral("declared_value"),
                               numbersOk ? err.message : tr("not a number")});
            continue;
        }
        const WaybillCheck w = Validation::checkWaybill(p->waybillNo);
        if (!w.valid) {
            m_rejected.append({name, row.line, QStringLiteral("waybill_no"), w.message});
            continue;
        }
        p->waybillNo = w.normalized;
        if (seen.contains(p->waybillNo)) {
            m_rejected.append(
                {name, row.line, QStringLiteral("waybill_no"), tr("appears twice in the file")});
            continue;
        }
        seen.insert(p->waybillNo);
        p->updatedAt = p->deliveredAt.value_or(p->promisedAt.value_or(0));
        m_parcels.append(*p);
    }
}

qsizetype CsvImport::commit(qint64 nowMs)
{
    if (!m_rejected.isEmpty())
        return 0;
    WriteTx tx(m_docs.db());
    for (Parcel &p : m_parcels) {
        const auto existing = m_docs.get(DocType::Parcel, p.waybillNo);
        p.version = existing ? existing->version + 1 : 1;
        Doc d{DocType::Parcel,
              p.waybillNo,
              0,
              p.version,
              false,
              {},
              {},
              toCode(p.status),
              nowMs,
              QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact)};
        m_docs.put(tx, d);
    }
    QSet<QString> referenced; // parcels the imported tickets are about: their readers get them (restampAbout)
    // The register of key accounts, read once (it is small; the keys are hashes of the numbers).
    KeyAccountStore keys(m_docs.db());
    QSet<QString> keyAccounts;
    const QList<KeyAccount> registered = keys.list();
    for (const KeyAccount &k : registered)
        keyAccounts.insert(k.phoneKey);
    TicketStore tickets(m_docs);
    for (const Ticket &t : std::as_const(m_tickets)) {
        if (!t.waybillNo.isEmpty())
            referenced.insert(t.waybillNo);
        Ticket copy = t;
        copy.keyAccount = !keyAccounts.isEmpty() && !copy.customerPhone.isEmpty() &&
                          keyAccounts.contains(keys.phoneKey(copy.customerPhone));
        if (copy.number.isEmpty())
            copy.number = QStringLiteral("C-IMP-%1")
                              .arg(tx.nextCounter(QStringLiteral("ticket_number")), 6, 10, QLatin1Char('0'));
        if (copy.status != TicketStatus::Closed)
            tickets.flagDuplicate(copy); // against stored tickets and the rows written before it
        Doc d{DocType::Ticket,
              copy.id,
              0,
              1,
              false,
              copy.teamId,
              copy.waybillNo,
              toCode(copy.status),
              nowMs,
              QJsonDocument(copy.toJson()).toJson(QJsonDocument::Compact)};
        m_docs.put(tx, d);
    }
    for (const QString &waybill : std::as_const(referenced))
        m_docs.restampAbout(tx, {}, {waybill}, false);
    m_docs.audit(tx, nowMs, QStringLiteral("cli"), QStringLiteral("import"), QStringLiteral("csv"), QString(),
                 QStringLiteral("%1 tickets, %2 parcels").arg(m_tickets.size()).arg(m_parcels.size()));
    tx.commit();
    return m_tickets.size() + m_parcels.size();
}

} // namespace pd::server
