#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pd {

class Database;

/// @brief One ticket found by a search, with where it matched (for highlighting and the result list).
struct SearchHit
{
    enum class Field
    {
        Number,
        Waybill,
        Phone,
        PhoneTail,
        Text,
        Conversation
    };
    qint64 pk = 0;
    Field field = Field::Text;
    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

/**
 * @brief What agents type into the search box, understood.
 *
 * A query is read as each of: a ticket number, a waybill number (exact or prefix), a phone number (full, or
 * its last four digits — 手机尾号), and words of the customer's name, the complaint and the conversation
 * (Chinese included, via the pd_cjk bigram index). Phones and names are matched through keyed tokens
 * (CustomerTokens), never through text in clear. Exact identifier hits come first, then text hits (name
 * and complaint) newest first, then the conversation. User text only ever reaches SQLite as bound values: for
 * the full-text index each word is quoted as a string, so FTS5 operators (OR, NEAR, *, ^, -, quotes,
 * brackets) typed by a person are plain text.
 */
class TicketSearch final
{
public:
    explicit TicketSearch(const Database &db);

    [[nodiscard]] QList<SearchHit> search(const QString &text, int limit = 200) const;

    /// @brief The FTS5 MATCH expression for @p text, or empty when the text has nothing searchable.
    [[nodiscard]] static QString ftsExpression(const QString &text);
    /// @brief The words a view should highlight for @p text.
    [[nodiscard]] static QStringList highlightTerms(const QString &text);

private:
    const Database &m_db;
};

} // namespace pd
