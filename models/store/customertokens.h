#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

namespace pd {

class CacheCipher;

/**
 * @brief The keyed search tokens of a ticket's customer (docs/architecture.md, "Customer data at rest").
 *
 * The full-text index must not hold names or phones in clear, so the contentless FTS5 table customer_fts
 * indexes keyed tokens instead (CacheCipher::token: SipHash under a key derived from the cache key):
 *
 * - phone: the last four digits ("t"), and all the digits of the normalised number ("p");
 * - name: each CJK character ("n1") and each pair of neighbours ("n2"), as the pd_cjk tokenizer cuts them,
 *   and every prefix of every other word up to 16 characters ("nw"), so 王芳 finds 王芳 and 欧阳修远 from
 * 欧阳, and "joh" finds John.
 *
 * A query is cut the same way and all its tokens must match (FTS5 AND). Equal values give equal tokens, so
 * the index tells which tickets share a surname or a phone tail (not which one) to whoever holds the file
 * without the key.
 */
class CustomerTokens final
{
public:
    /// @brief The space-separated tokens a ticket is indexed under.
    [[nodiscard]] static QByteArray forTicket(const CacheCipher &cipher, const QString &name,
                                              const QString &phone);
    /// @brief The tokens every result of a name search must have; empty when @p text names nothing.
    [[nodiscard]] static QByteArrayList forNameQuery(const CacheCipher &cipher, const QString &text);
    /// @brief The token of a phone's last four digits (@p tail: four digits).
    [[nodiscard]] static QByteArray forPhoneTail(const CacheCipher &cipher, const QString &tail);
    /// @brief The token of a whole phone number (normalised as the index does).
    [[nodiscard]] static QByteArray forPhone(const CacheCipher &cipher, const QString &phone);
    /// @brief An FTS5 MATCH expression requiring every token (tokens are plain ascii words).
    [[nodiscard]] static QString matchAll(const QByteArrayList &tokens);
};

} // namespace pd
