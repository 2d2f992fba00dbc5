#include "ticketsearch.h"

#include "cachecipher.h"
#include "cjktokenizer.h"
#include "customertokens.h"
#include "database.h"
#include "models/domain/validation.h"
#include "sqlhelpers.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

QStringList splitTerms(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("[\\s\\x{3000}]+"));
    return text.split(space, Qt::SkipEmptyParts);
}

bool isIdentifierLike(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z0-9]{5,40}$"));
    return re.match(s).hasMatch();
}

} // namespace

TicketSearch::TicketSearch(const Database &db)
    : m_db(db)
{}

QString TicketSearch::ftsExpression(const QString &text)
{
    QStringList phrases;
    const QStringList terms = splitTerms(text);
    for (int i = 0; i < terms.size(); ++i) {
        const QString &term = terms.at(i);
        // Terms that yield no token (only punctuation) would make FTS5 match nothing or fail: drop them.
        if (CjkTokenizer::tokens(term, CjkTokenizer::Mode::Query).isEmpty())
            continue;
        QString quoted = term;
        quoted.replace(QLatin1Char('"'), QLatin1StringView("\"\""));
        // The last term is a prefix (search as you type); one CJK character can only match as a prefix of a
        // bigram or as the trailing single character of a run.
        phrases.append(QLatin1Char('"') + quoted + QLatin1Char('"') +
                       (i == terms.size() - 1 ? u"*"_s : QString()));
    }
    return phrases.join(QLatin1Char(' '));
}

QStringList TicketSearch::highlightTerms(const QString &text)
{
    QStringList out;
    for (const QString &term : splitTerms(text)) {
        if (!CjkTokenizer::tokens(term, CjkTokenizer::Mode::Query).isEmpty())
            out.append(term);
    }
    return out;
}

QList<SearchHit> TicketSearch::search(const QString &text, int limit) const
{
    QList<SearchHit> hits;
    QSet<qint64> seen;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || limit <= 0)
        return hits;

    QSqlQuery q(m_db.connection());
    const auto collect = [&](const QString &sql, const QVariantList &binds, SearchHit::Field field) {
        if (hits.size() >= limit || !sql::prepare(q, sql, nullptr))
            return;
        int i = 0;
        for (const QVariant &v : binds)
            q.bindValue(i++, v);
        q.bindValue(i, limit - hits.size());
        if (!sql::exec(q, nullptr))
            return;
        while (q.next()) {
            const qint64 pk = q.value(0).toLongLong();
            if (!seen.contains(pk)) {
                seen.insert(pk);
                hits.append({pk, field});
            }
        }
    };

    const QString ident = Validation::normalizeIdentifier(trimmed);
    if (Validation::isTicketNumber(trimmed)) {
        QString number = trimmed.toUpper();
        collect(QStringLiteral("SELECT pk FROM tickets WHERE number = ? LIMIT ?"), {number},
                SearchHit::Field::Number);
    }
    if (isIdentifierLike(ident)) {
        // Exact waybill first, then waybills starting with what was typed (index range, not LIKE).
        collect(QStringLiteral("SELECT pk FROM tickets WHERE waybill_no = ? ORDER BY pk DESC LIMIT ?"),
                {ident}, SearchHit::Field::Waybill);
        collect(QStringLiteral("SELECT pk FROM tickets WHERE waybill_no > ? AND waybill_no < ? "
                               "ORDER BY waybill_no LIMIT ?"),
                {ident, QString(ident + QChar(0xFFFF))}, SearchHit::Field::Waybill);
    }
    // Phones and names are found through keyed tokens (customer_fts): the cache holds neither in clear. A
    // locked cache (no key yet) cannot make tokens and finds them by nothing.
    const auto cipher = m_db.cipher();
    const QString customerSql = QStringLiteral(
        "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?");
    if (cipher && Validation::isPhoneTail(ident)) {
        collect(customerSql, {QString::fromLatin1(CustomerTokens::forPhoneTail(*cipher, ident))},
                SearchHit::Field::PhoneTail);
    } else if (const PhoneCheck phone = Validation::checkPhone(trimmed); cipher && phone.valid) {
        collect(customerSql, {QString::fromLatin1(CustomerTokens::forPhone(*cipher, phone.normalized))},
                SearchHit::Field::Phone);
    }

    // Text hits, newest first: the customer's name (tokens) and the complaint (pd_cjk) merged by pk.
    QList<qint64> textHits;
    const auto gather = [&](const QString &sql, const QString &match) {
        if (match.isEmpty() || !sql::prepare(q, sql, nullptr))
            return;
        q.bindValue(0, match);
        q.bindValue(1, limit);
        if (!sql::exec(q, nullptr))
            return;
        while (q.next())
            textHits.append(q.value(0).toLongLong());
    };
    if (cipher && hits.size() < limit)
        gather(customerSql, CustomerTokens::matchAll(CustomerTokens::forNameQuery(*cipher, trimmed)));
    const QString match = ftsExpression(trimmed);
    if (hits.size() < limit)
        gather(QStringLiteral(
                   "SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?"),
               match);
    std::sort(textHits.begin(), textHits.end(), std::greater<>());
    for (qint64 pk : std::as_const(textHits)) {
        if (hits.size() >= limit)
            break;
        if (!seen.contains(pk)) {
            seen.insert(pk);
            hits.append({pk, SearchHit::Field::Text});
        }
    }
    if (!match.isEmpty()) {
        collect(QStringLiteral("SELECT t.pk FROM events_fts f JOIN ticket_events e ON e.pk = f.rowid "
                               "JOIN tickets t ON t.id = e.ticket_id "
                               "WHERE events_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?"),
                {match}, SearchHit::Field::Conversation);
    }
    return hits;
}

} // namespace pd
