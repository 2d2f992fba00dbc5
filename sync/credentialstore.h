#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>

namespace pd {

/**
 * @brief Refresh tokens in the operating system's keychain (Secret Service, macOS Keychain, Windows
 * Credential Manager) through QtKeychain; one entry per server and user.
 *
 * Nothing secret is ever written to SQLite, settings or logs. QtKeychain 0.13 cannot tell in advance whether
 * a backend exists, so the first job's error decides: when it says there is no keychain, availability() turns
 * to Unavailable with a translated explanation, and store() from then on keeps nothing (session-only sign-in)
 * — it never falls back to a plaintext file.
 */
class CredentialStore final : public QObject
{
    Q_OBJECT
public:
    enum class Availability
    {
        Unknown,
        Available,
        Unavailable
    };
    Q_ENUM(Availability)

    explicit CredentialStore(QString service = QStringLiteral("ParcelDesk"), QObject *parent = nullptr);

    [[nodiscard]] Availability availability() const { return m_availability; }
    /// @brief Why the keychain cannot be used, for the sign-in dialog ("Remember me" is then disabled).
    [[nodiscard]] QString unavailableReason() const { return m_reason; }
    /// @brief The keychain entry's name for a server and user (no secret in it).
    [[nodiscard]] static QString entryKey(const QString &serverUrl, const QString &user);

    void store(const QString &serverUrl, const QString &user, const QString &secret);
    void load(const QString &serverUrl, const QString &user);
    void remove(const QString &serverUrl, const QString &user);

Q_SIGNALS:
    void stored(bool ok, const QString &error);
    /// @brief found is false for "no entry" (not an error); error is set when the keychain failed.
    void loaded(const QString &secret, bool found, const QString &error);
    void removed(bool ok, const QString &error);
    void availabilityChanged(pd::CredentialStore::Availability availability);

private:
    Q_DISABLE_COPY_MOVE(CredentialStore)
    /// Classifies a finished job: true when the keychain itself worked (even if the entry was missing).
    bool noteResult(int error, const QString &message);

    QString m_service;
    Availability m_availability = Availability::Unknown;
    QString m_reason;
};

} // namespace pd
