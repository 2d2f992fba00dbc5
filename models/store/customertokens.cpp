#include "customertokens.h"

#include "cachecipher.h"
#include "cjktokenizer.h"
#include "models/domain/validation.h"

#include <QSet>

namespace pd {

namespace {

constexpr int kMaxPrefix = 16;

// A token of the pd_cjk tokenizer is a run of CJK text (one or two characters, all three or four bytes long
// in UTF-8) or a word of letters and digits (one or two bytes per character).
bool isCjkToken(const QByteArray &tok)
{
    return !tok.isEmpty() && static_cast<unsigned char>(tok.at(0)) >= 0xE0;
}

QString phoneDigits(const QString &phone)
{
    QString source = phone.trimmed();
    if (!(source.size() == 11 && source.at(0) == QLatin1Char('1'))) {
        const PhoneCheck check = Validation::checkPhone(source);
        if (check.valid)
            source = check.normalized;
    }
    QString digits;
    for (QChar c : std::as_const(source)) {
        if (c.isDigit())
            digits.append(QChar(QLatin1Char(char('0' + c.digitValue()))));
    }
    return digits;
}

template<typename Add>
void nameMaterial(const QString &text, CjkTokenizer::Mode mode, Add &&add)
{
    const QByteArray utf8 = text.toUtf8();
    CjkTokenizer::tokenize(utf8.constData(), int(utf8.size()), mode, [&](const QByteArray &tok, int, int) {
        if (isCjkToken(tok)) {
            const QString chars = QString::fromUtf8(tok);
            const QList<uint> cps = chars.toUcs4();
            if (cps.size() >= 2) {
                add("n2" + tok);
                if (mode == CjkTokenizer::Mode::Document)
                    add("n1" + QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps[0]), 1).toUtf8());
            } else {
                add("n1" + tok);
            }
            return;
        }
        const QList<uint> cps = QString::fromUtf8(tok).toUcs4();
        const auto prefix = [&](int n) {
            return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), n).toUtf8();
        };
        if (mode == CjkTokenizer::Mode::Query) {
            add("nw" + prefix(int(qMin<qsizetype>(cps.size(), kMaxPrefix))));
            return;
        }
        for (int n = 1; n <= qMin<qsizetype>(cps.size(), kMaxPrefix); ++n)
            add("nw" + prefix(n));
    });
}

} // namespace

QByteArray CustomerTokens::forTicket(const CacheCipher &cipher, const QString &name, const QString &phone)
{
    QSet<QByteArray> seen;
    QByteArray out;
    const auto add = [&](const QByteArray &material) {
        if (seen.contains(material))
            return;
        seen.insert(material);
        if (!out.isEmpty())
            out.append(' ');
        out.append(cipher.token(material));
    };
    nameMaterial(name, CjkTokenizer::Mode::Document, add);
    if (!phone.trimmed().isEmpty()) {
        if (const QString tail = Validation::phoneTail(phone); !tail.isEmpty())
            add(QByteArray("t") + tail.toLatin1());
        if (const QString digits = phoneDigits(phone); !digits.isEmpty())
            add(QByteArray("p") + digits.toLatin1());
    }
    return out;
}

QByteArrayList CustomerTokens::forNameQuery(const CacheCipher &cipher, const QString &text)
{
    QSet<QByteArray> seen;
    QByteArrayList out;
    nameMaterial(text, CjkTokenizer::Mode::Query, [&](const QByteArray &material) {
        if (!seen.contains(material)) {
            seen.insert(material);
            out.append(cipher.token(material));
        }
    });
    return out;
}

QByteArray CustomerTokens::forPhoneTail(const CacheCipher &cipher, const QString &tail)
{
    return cipher.token(QByteArray("t") + tail.toLatin1());
}

QByteArray CustomerTokens::forPhone(const CacheCipher &cipher, const QString &phone)
{
    return cipher.token(QByteArray("p") + phoneDigits(phone).toLatin1());
}

QString CustomerTokens::matchAll(const QByteArrayList &tokens)
{
    // Tokens are 12 lower-case base-32 characters: nothing in them is FTS5 syntax.
    return QString::fromLatin1(tokens.join(' '));
}

} // namespace pd
