#include "keyaccountservice.h"

#include "apierror.h"
#include "ticketservice.h"

#include "models/domain/masking.h"
#include "models/domain/validation.h"

#include <QJsonDocument>

namespace pd::server {

namespace {
constexpr int kMaxLabel = 100;

/// The number as the tickets store it; ApiError 400 (field "phone") when it is not a phone number.
QString checkedPhone(const QString &phone)
{
    if (phone.trimmed().isEmpty())
        throw ApiError::invalid(QStringLiteral("phone"),
                                KeyAccountService::tr("Enter the customer's phone number."));
    if (Masking::looksMasked(phone))
        throw ApiError::invalid(QStringLiteral("phone"),
                                KeyAccountService::tr("The phone number looks masked (it contains *): "
                                                      "enter the full number."));
    const PhoneCheck p = Validation::checkPhone(phone);
    if (!p.valid)
        throw ApiError::invalid(QStringLiteral("phone"), p.message);
    return p.normalized;
}
} // namespace

KeyAccountService::Change KeyAccountService::set(const Actor &actor, const QString &login,
                                                 const QString &phone, const QString &label)
{
    const QString number = checkedPhone(phone);
    const TextCheck text = Validation::checkText(label, kMaxLabel, false);
    if (!text.valid)
        throw ApiError::invalid(QStringLiteral("label"), text.message);
    WriteTx tx(m_tickets.docs().db());
    Change c;
    c.phoneMasked = Masking::maskPhone(number);
    c.changed = m_keys.put(tx, number, text.normalized, m_clock.nowMs(), actor.userId);
    c.reflagged = reflag(tx, number, true);
    log(tx, actor, login, number, c, QStringLiteral("key account set"));
    tx.commit();
    return c;
}

KeyAccountService::Change KeyAccountService::remove(const Actor &actor, const QString &login,
                                                    const QString &phone)
{
    const QString number = checkedPhone(phone);
    WriteTx tx(m_tickets.docs().db());
    Change c;
    c.phoneMasked = Masking::maskPhone(number);
    c.changed = m_keys.remove(tx, number);
    c.reflagged = reflag(tx, number, false);
    log(tx, actor, login, number, c, QStringLiteral("key account removed"));
    tx.commit();
    return c;
}

int KeyAccountService::reflag(WriteTx &tx, const QString &phone, bool flag)
{
    // The tickets hold the number normalized, as `number` is: a scan of their JSON finds them (the
    // register changes rarely; customer erasure finds tickets the same way).
    const QList<Doc> docs = m_tickets.docs().containing(DocType::Ticket, phone);
    const qint64 now = m_clock.nowMs();
    int changed = 0;
    for (const Doc &d : docs) {
        if (d.deleted || d.status == QLatin1StringView("closed"))
            continue;
        auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
        if (!t || t->customerPhone != phone || t->keyAccount == flag)
            continue;
        t->keyAccount = flag;
        t->version += 1;
        t->updatedAt = now;
        m_tickets.putTicket(tx, *t);
        m_tickets.docs().audit(tx, now, QStringLiteral("system"), QStringLiteral("ticket.key_account"),
                               DocType::Ticket, t->id, QStringLiteral("version %1").arg(t->version));
        tx.publish(TicketService::changedHint(*t, tx.lastSeq()));
        ++changed;
    }
    return changed;
}

void KeyAccountService::log(WriteTx &tx, const Actor &actor, const QString &login, const QString &phone,
                            const Change &c, const QString &what)
{
    AccessEntry e;
    e.atMs = m_clock.nowMs();
    e.userId = actor.userId;
    e.login = login;
    e.role = actor.system ? QStringLiteral("system") : toCode(actor.role);
    e.teamId = actor.teamId;
    e.kind = QStringLiteral("key_account");
    e.customerHash = m_log.customerHash(phone);
    e.records = c.reflagged;
    e.detail = QStringLiteral("%1%2; %3 open tickets re-flagged")
                   .arg(what, c.changed ? QString() : QStringLiteral(" (unchanged)"))
                   .arg(c.reflagged);
    m_log.append(tx, e);
}

} // namespace pd::server
