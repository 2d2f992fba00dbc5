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

/// The hits found so far, each ticket once, in the order found, up to a limit; one query reused for every
/// statement. A ticket merged into another is found as that one (when this console holds it): its number
/// and the words of its conversation lead to where the complaint is worked now.
class Hits final
{
public:
    Hits(const QSqlDatabase &db, int limit)
        : m_q(db)
        , m_target(db)
        , m_limit(limit)
    {
        // Searches run as people type: the per-hit look-up only where some ticket was merged (one probe of
        // the partial index tickets_merged_into).
        m_targetReady =
            sql::prepare(m_target, u"SELECT 1 FROM tickets WHERE merged_into IS NOT NULL LIMIT 1"_s,
                         nullptr) &&
            sql::exec(m_target, nullptr) && m_target.next() &&
            sql::prepare(m_target,
                         u"SELECT t.pk FROM tickets m JOIN tickets t ON t.id = m.merged_into "
                         "WHERE m.pk = ? AND m.merged_into IS NOT NULL"_s,
                         nullptr);
    }

    [[nodiscard]] bool full() const { return m_hits.size() >= m_limit; }

    void add(qint64 pk, SearchHit::Field field)
    {
        if (m_targetReady) {
            m_target.bindValue(0, pk);
            if (sql::exec(m_target, nullptr) && m_target.next())
                pk = m_target.value(0).toLongLong();
            m_target.finish();
        }
        if (!m_seen.contains(pk)) {
            m_seen.insert(pk);
            m_hits.append({pk, field});
        }
    }

    /// Adds the tickets @p sql finds; its last bind is how many are still wanted.
    void collect(const QString &sql, const QVariantList &binds, SearchHit::Field field)
    {
        if (full() || !sql::prepare(m_q, sql, nullptr))
            return;
        int i = 0;
        for (const QVariant &v : binds)
            m_q.bindValue(i++, v);
        m_q.bindValue(i, m_limit - m_hits.size());
        if (!sql::exec(m_q, nullptr))
            return;
        while (m_q.next())
            add(m_q.value(0).toLongLong(), field);
    }

    /// The rowids @p sql finds for @p match (up to the whole limit), to be merged before they are added.
    QList<qint64> gather(const QString &sql, const QString &match)
    {
        QList<qint64> out;
        if (match.isEmpty() || !sql::prepare(m_q, sql, nullptr))
            return out;
        m_q.bindValue(0, match);
        m_q.bindValue(1, m_limit);
        if (!sql::exec(m_q, nullptr))
            return out;
        while (m_q.next())
            out.append(m_q.value(0).toLongLong());
        return out;
    }

    [[nodiscard]] const QList<SearchHit> &list() const { return m_hits; }

private:
    QSqlQuery m_q;
    QSqlQuery m_target;
    bool m_targetReady = false;
    int m_limit;
    QList<SearchHit> m_hits;
    QSet<qint64> m_seen;
};

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
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || limit <= 0)
        return {};
    Hits hits(m_db.connection(), limit);

    const QString ident = Validation::normalizeIdentifier(trimmed);
    if (Validation::isTicketNumber(trimmed)) {
        QString number = trimmed.toUpper();
        hits.collect(QStringLiteral("SELECT pk FROM tickets WHERE number = ? LIMIT ?"), {number},
                     SearchHit::Field::Number);
    }
    if (isIdentifierLike(ident)) {
        // Exact waybill first, then waybills starting with what was typed (index range, not LIKE).
        hits.collect(QStringLiteral("SELECT pk FROM tickets WHERE waybill_no = ? ORDER BY pk DESC LIMIT ?"),
                     {ident}, SearchHit::Field::Waybill);
        hits.collect(QStringLiteral("SELECT pk FROM tickets WHERE waybill_no > ? AND waybill_no < ? "
                                    "ORDER BY waybill_no LIMIT ?"),
                     {ident, QString(ident + QChar(0xFFFF))}, SearchHit::Field::Waybill);
    }
    // Phones and names are found through keyed tokens (customer_fts): the cache holds neither in clear. A
    // locked cache (no key yet) cannot make tokens and finds them by nothing.
    const auto cipher = m_db.cipher();
    const QString customerSql = QStringLiteral(
        "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?");
    if (cipher && Validation::isPhoneTail(ident)) {
        hits.collect(customerSql, {QString::fromLatin1(CustomerTokens::forPhoneTail(*cipher, ident))},
                     SearchHit::Field::PhoneTail);
    } else if (const PhoneCheck phone = Validation::checkPhone(trimmed); cipher && phone.valid) {
        hits.collect(customerSql, {QString::fromLatin1(CustomerTokens::forPhone(*cipher, phone.normalized))},
                     SearchHit::Field::Phone);
    }

    // Text hits, newest first: the customer's name (tokens) and the complaint (pd_cjk) merged by pk.
    QList<qint64> textHits;
    if (cipher && !hits.full())
        textHits += hits.gather(customerSql,
                                CustomerTokens::matchAll(CustomerTokens::forNameQuery(*cipher, trimmed)));
    const QString match = ftsExpression(trimmed);
    if (!hits.full())
        textHits += hits.gather(
            QStringLiteral(
                "SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?"),
            match);
    std::sort(textHits.begin(), textHits.end(), std::greater<>());
    for (qint64 pk : std::as_const(textHits)) {
        if (hits.full())
            break;
        hits.add(pk, SearchHit::Field::Text);
    }
    if (!match.isEmpty()) {
        hits.collect(QStringLiteral("SELECT t.pk FROM events_fts f JOIN ticket_events e ON e.pk = f.rowid "
                                    "JOIN tickets t ON t.id = e.ticket_id "
                                    "WHERE events_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?"),
                     {match}, SearchHit::Field::Conversation);
    }
    return hits.list();
}

} // namespace pd
