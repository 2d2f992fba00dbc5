#include "ticketsearch.h"

#include "cjktokenizer.h"
#include "database.h"
#include "models/domain/validation.h"
#include "sqlhelpers.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

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
                       (i == terms.size() - 1 ? u"*"_qs : QString()));
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
    if (Validation::isPhoneTail(ident)) {
        collect(QStringLiteral("SELECT pk FROM tickets WHERE phone_tail = ? ORDER BY pk DESC LIMIT ?"),
                {ident}, SearchHit::Field::PhoneTail);
    } else if (const PhoneCheck phone = Validation::checkPhone(trimmed); phone.valid) {
        // Through the tail index: one index fewer to maintain on every write.
        collect(QStringLiteral("SELECT pk FROM tickets WHERE phone_tail = ? AND customer_phone = ? ORDER BY "
                               "pk DESC LIMIT ?"),
                {Validation::phoneTail(phone.normalized), phone.normalized}, SearchHit::Field::Phone);
    }

    const QString match = ftsExpression(trimmed);
    if (!match.isEmpty()) {
        collect(QStringLiteral(
                    "SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?"),
                {match}, SearchHit::Field::Text);
        collect(QStringLiteral("SELECT t.pk FROM events_fts f JOIN ticket_events e ON e.pk = f.rowid "
                               "JOIN tickets t ON t.id = e.ticket_id "
                               "WHERE events_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?"),
                {match}, SearchHit::Field::Conversation);
    }
    return hits;
}

} // namespace pd
