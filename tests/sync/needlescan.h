#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <cstring>

namespace pd::test {

/**
 * @brief Finds many byte strings at once in every file under a folder (a grep for thousands of names,
 * phones and addresses): candidates are keyed by their first three bytes, so each position costs one lookup.
 */
class NeedleScan final
{
public:
    /// @brief Looks for @p needle (at least three bytes) under @p label (e.g. "phone").
    void add(const QByteArray &needle, const QString &label)
    {
        if (needle.size() < 3 || m_labels.contains(needle))
            return;
        m_labels.insert(needle, label);
        m_byPrefix[key(needle.constData())].append(needle);
    }

    [[nodiscard]] int size() const { return int(m_labels.size()); }
    [[nodiscard]] bool contains(const QByteArray &needle) const { return m_labels.contains(needle); }

    struct Result
    {
        QHash<QByteArray, int> hits;      ///< needle → occurrences
        QHash<QByteArray, QString> where; ///< needle → the first file it was found in
        int files = 0;
        qint64 bytes = 0;
        QStringList paths; ///< relative to the folder searched
    };

    /// @brief Every regular file under @p folder (hidden ones and sub-folders included).
    [[nodiscard]] Result scanFolder(const QString &folder) const
    {
        Result r;
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray data = f.readAll();
            ++r.files;
            r.paths.append(QDir(folder).relativeFilePath(path));
            r.bytes += data.size();
            scan(data, path, r);
        }
        return r;
    }

    [[nodiscard]] QString label(const QByteArray &needle) const { return m_labels.value(needle); }

private:
    static quint32 key(const char *p)
    {
        return quint32(quint8(p[0])) | quint32(quint8(p[1])) << 8 | quint32(quint8(p[2])) << 16;
    }

    void scan(const QByteArray &data, const QString &path, Result &r) const
    {
        const char *d = data.constData();
        const qsizetype n = data.size();
        for (qsizetype i = 0; i + 3 <= n; ++i) {
            const auto it = m_byPrefix.constFind(key(d + i));
            if (it == m_byPrefix.constEnd())
                continue;
            for (const QByteArray &needle : *it) {
                if (i + needle.size() <= n &&
                    std::memcmp(d + i, needle.constData(), size_t(needle.size())) == 0) {
                    if (!r.hits.contains(needle))
                        r.where.insert(needle, path);
                    ++r.hits[needle];
                }
            }
        }
    }

    QHash<QByteArray, QString> m_labels;
    QHash<quint32, QList<QByteArray>> m_byPrefix;
};

} // namespace pd::test
