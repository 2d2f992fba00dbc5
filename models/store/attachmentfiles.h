#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <memory>

namespace pd {

/**
 * @brief The files of attachments beside the cache, each encrypted with a key of its own.
 *
 * A label photo shows a customer's phone and address, so a file is never kept in clear: it is written as a
 * libsodium secretstream (XChaCha20-Poly1305 in 64 KiB chunks, the last one marked final, so a truncated or
 * reordered file does not open). The per-file key is random; the record keeps it sealed with the cache's own
 * key (SealedField::AttachmentKey), so files follow the cache's key (re-sealed with it, forgotten with it)
 * without being rewritten.
 *
 * File format: "PDAF", a version byte (1), the 24-byte secretstream header, then the chunks.
 */
class AttachmentFiles final
{
    Q_DECLARE_TR_FUNCTIONS(pd::AttachmentFiles)
public:
    static constexpr qint64 kChunkBytes = 64 * 1024;

    /// @brief The folder beside the cache at @p databasePath that holds its attachments' files.
    [[nodiscard]] static QString folder(const QString &databasePath);
    /// @brief A new random file key, as lower-case hex (what the record keeps, sealed).
    [[nodiscard]] static QString newKey();

    /// @brief Writes a sealed file in pieces; nothing readable is left if it is not finished.
    class Writer final
    {
    public:
        Writer();
        ~Writer();
        Q_DISABLE_COPY_MOVE(Writer)
        bool open(const QString &path, const QString &keyHex, QString *error);
        bool write(QByteArrayView bytes, QString *error);
        /// @brief Writes the final chunk and closes the file (made 0600).
        bool finish(QString *error);
        /// @brief Closes and removes the unfinished file.
        void discard();

    private:
        bool push(bool final, QString *error);
        struct State;
        std::unique_ptr<State> m_state;
        QFile m_file;
        QByteArray m_buffer;
    };

    /// @brief Seals @p bytes into @p path.
    static bool writeAll(const QString &path, const QString &keyHex, QByteArrayView bytes, QString *error);
    /// @brief The clear bytes of the sealed file @p path; empty and a translated message when it does not
    /// open.
    [[nodiscard]] static QByteArray readAll(const QString &path, const QString &keyHex, QString *error);
};

} // namespace pd
