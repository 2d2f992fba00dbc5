#include "cjktokenizer.h"

#include "cachekeys.h"

#include <sqlite3.h>

#include <cstring>
#include <vector>

namespace pd {

namespace {

constexpr int kMaxWordBytes = 64;

struct CodePoint
{
    char32_t cp;
    int start;
    int end;
};

// Decodes one UTF-8 sequence; invalid bytes decode as U+FFFD and advance one byte.
char32_t decode(const unsigned char *s, int n, int &i)
{
    const unsigned char c = s[i];
    if (c < 0x80) {
        ++i;
        return c;
    }
    int extra = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        extra = 1;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        cp = c & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + extra >= n) { // truncated sequence
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        if ((s[i + k] & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    i += extra + 1;
    return cp;
}

bool isCjk(char32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x4DBF)       // CJK extension A
           || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK unified ideographs
           || (cp >= 0xF900 && cp <= 0xFAFF)    // compatibility ideographs
           || (cp >= 0x3040 && cp <= 0x30FF)    // kana
           || (cp >= 0xAC00 && cp <= 0xD7AF)    // hangul syllables
           || (cp >= 0x20000 && cp <= 0x3FFFF); // extensions B and later
}

// Folds a word character to what the index stores; 0 for a separator.
char32_t foldWordChar(char32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
        return cp;
    if (cp >= 0xFF10 && cp <= 0xFF19) // full-width digits
        return cp - 0xFF10 + '0';
    if (cp >= 0xFF21 && cp <= 0xFF3A) // full-width upper case
        return cp - 0xFF21 + 'a';
    if (cp >= 0xFF41 && cp <= 0xFF5A) // full-width lower case
        return cp - 0xFF41 + 'a';
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) // Latin-1 and Latin Extended letters
        return (cp >= 0xC0 && cp <= 0xDE) ? cp + 32 : cp;
    if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF)) // Greek, Cyrillic
        return cp;
    return 0;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

// The core loop, shared by FTS5 and C++ callers. Returns false when the sink asks to stop.
template<typename Emit>
bool tokenizeCore(const char *text, int n, CjkTokenizer::Mode mode, Emit &&emit)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text);
    std::vector<CodePoint> run; // the current CJK run
    QByteArray word;
    int wordStart = -1;
    int wordEnd = -1;
    QByteArray token;

    const auto flushWord = [&]() -> bool {
        if (word.isEmpty())
            return true;
        const bool ok = emit(word, wordStart, wordEnd);
        word.clear();
        return ok;
    };
    const auto flushRun = [&](bool atEnd) -> bool {
        const std::size_t len = run.size();
        if (len == 0)
            return true;
        bool ok = true;
        if (len == 1) {
            token.clear();
            appendUtf8(token, run[0].cp);
            ok = emit(token, run[0].start, run[0].end);
        } else {
            for (std::size_t k = 0; ok && k + 1 < len; ++k) {
                token.clear();
                appendUtf8(token, run[k].cp);
                appendUtf8(token, run[k + 1].cp);
                ok = emit(token, run[k].start, run[k + 1].end);
            }
            // The run's last character alone: lets one-character prefix queries find it. Left out at the end
            // of a query so that a phrase of bigrams keeps the document's positions.
            if (ok && !(mode == CjkTokenizer::Mode::Query && atEnd)) {
                token.clear();
                appendUtf8(token, run[len - 1].cp);
                ok = emit(token, run[len - 1].start, run[len - 1].end);
            }
        }
        run.clear();
        return ok;
    };

    int i = 0;
    while (i < n) {
        const int start = i;
        const char32_t cp = decode(s, n, i);
        if (isCjk(cp)) {
            if (!flushWord())
                return false;
            run.push_back({cp, start, i});
            continue;
        }
        const char32_t folded = foldWordChar(cp);
        if (folded != 0) {
            if (!flushRun(false))
                return false;
            if (word.isEmpty())
                wordStart = start;
            if (word.size() < kMaxWordBytes)
                appendUtf8(word, folded);
            wordEnd = i;
            continue;
        }
        if (!flushWord() || !flushRun(false))
            return false;
    }
    return flushWord() && flushRun(true);
}

// --- the FTS5 glue ----------------------------------------------------------------------------------------
//
// On a cache with a key (CacheKeySlot; not with encryption turned off) the index holds no text: every piece
// is replaced by its keyed chain token (CacheCipher::chainToken), and sealed column values
// (CacheCipher::sealBytes) are opened first. A chain token starts with the token of each prefix of its piece,
// so the index has the shape of the clear one — the same pieces, positions and prefix queries.

constexpr unsigned char kSealedFormat = 0x01;
constexpr int kMinSealed = 41; // format byte, nonce, tag

int xCreate(void *slot, const char **, int, Fts5Tokenizer **out)
{
    // The connection's key slot (it lives as long as the process); the tokenizer keeps no other state.
    *out = reinterpret_cast<Fts5Tokenizer *>(slot);
    return SQLITE_OK;
}

void xDelete(Fts5Tokenizer *) {}

int xTokenize(Fts5Tokenizer *tokenizer, void *ctx, int flags, const char *text, int n,
              int (*xToken)(void *, int, const char *, int, int, int))
{
    const bool query = flags & FTS5_TOKENIZE_QUERY;
    const auto mode = query ? CjkTokenizer::Mode::Query : CjkTokenizer::Mode::Document;
    const auto *slot = reinterpret_cast<CacheKeySlot *>(tokenizer);
    const auto cipher = slot ? slot->cipher() : nullptr;
    const bool sealed = n >= kMinSealed && static_cast<unsigned char>(text[0]) == kSealedFormat;
    int rc = SQLITE_OK;
    if (!cipher || !cipher->encrypts()) {
        // A locked cache: sealed text cannot be indexed (an entry made from the wrong text could never be
        // deleted again); clear text of an older schema, or with encryption turned off, is indexed as it
        // always was.
        if (sealed)
            return SQLITE_ERROR;
        tokenizeCore(text, n, mode, [&](const QByteArray &tok, int start, int end) {
            rc = xToken(ctx, 0, tok.constData(), int(tok.size()), start, end);
            return rc == SQLITE_OK;
        });
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    QByteArray opened;
    if (sealed) {
        bool ok = false;
        opened = cipher->openBytes(QByteArrayView(text, n), true, SealedField::FreeText, &ok);
        if (!ok)
            return SQLITE_ERROR;
        text = opened.constData();
        n = int(opened.size());
    }
    char keyed[CacheCipher::kMaxChainToken];
    tokenizeCore(text, n, mode, [&](const QByteArray &tok, int start, int end) {
        const int size = cipher->chainToken(tok.constData(), int(tok.size()), keyed);
        rc = xToken(ctx, 0, keyed, size, start, end);
        return rc == SQLITE_OK;
    });
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

void CjkTokenizer::tokenize(const char *utf8, int length, Mode mode, const Sink &sink)
{
    tokenizeCore(utf8, length, mode, [&](const QByteArray &tok, int start, int end) {
        sink(tok, start, end);
        return true;
    });
}

QStringList CjkTokenizer::tokens(const QString &text, Mode mode)
{
    const QByteArray utf8 = text.toUtf8();
    QStringList out;
    tokenize(utf8.constData(), int(utf8.size()), mode,
             [&](const QByteArray &tok, int, int) { out.append(QString::fromUtf8(tok)); });
    return out;
}

bool CjkTokenizer::registerWith(sqlite3 *db, CacheKeySlot *slot, QString *error)
{
    fts5_api *api = fts5Api(db);
    if (!api || api->iVersion < 2) {
        if (error)
            *error = QStringLiteral("SQLite was built without FTS5");
        return false;
    }
    static fts5_tokenizer tokenizer{xCreate, xDelete, xTokenize};
    const int rc = api->xCreateTokenizer(api, kName, slot, &tokenizer, nullptr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errstr(rc));
        return false;
    }
    return true;
}

} // namespace pd
