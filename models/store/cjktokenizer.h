#pragma once

#include <QString>
#include <QStringList>

#include <functional>

struct sqlite3;

namespace pd {

class CacheKeySlot;

/**
 * @brief The FTS5 tokenizer "pd_cjk" of the local cache: Chinese as overlapping bigrams, other text as words.
 *
 * Chinese has no spaces, so a two-character word such as 延迟 must match inside longer text. FTS5's trigram
 * tokenizer cannot match a query shorter than three characters, so this tokenizer indexes every run of CJK
 * characters as overlapping bigrams (包裹破损 → 包裹 裹破 破损) followed by the run's last character alone
 * (损), which lets a one-character query match as a prefix. Letters and digits form words, folded to lower
 * case (full-width forms to ASCII). Everything else separates tokens and is never interpreted.
 *
 * In queries the trailing single character is left out when the run ends the query, so a phrase query of
 * bigrams lines up with the document's positions. See docs/architecture.md, "Search".
 *
 * Registered per connection with the file's CacheKeySlot: on a cache with a key the index gets keyed tokens
 * instead of text, and sealed column values are opened before they are cut (docs/architecture.md, "Customer
 * data at rest"). tokenize() and tokens() give the clear tokens.
 */
class CjkTokenizer final
{
public:
    enum class Mode
    {
        Document,
        Query
    };
    static constexpr const char *kName = "pd_cjk";

    using Sink = std::function<void(const QByteArray &token, int byteStart, int byteEnd)>;

    /// @brief Tokenizes UTF-8 text exactly as the FTS5 tokenizer does.
    static void tokenize(const char *utf8, int length, Mode mode, const Sink &sink);
    /// @brief Convenience for C++ callers and tests.
    [[nodiscard]] static QStringList tokens(const QString &text, Mode mode);

    /// @brief Registers the tokenizer on an SQLite connection; false (and a message) if FTS5 is unavailable.
    /// @p slot must live as long as the connection.
    [[nodiscard]] static bool registerWith(sqlite3 *db, CacheKeySlot *slot, QString *error);
};

} // namespace pd
