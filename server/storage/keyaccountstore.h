#pragma once

#include "accesslog.h"
#include "database.h"

#include <QList>
#include <QString>

namespace pd::server {

/// @brief One key-account customer as stored: no phone number in clear, only its keyed hash and masked form.
struct KeyAccount
{
    QString phoneKey;    ///< AccessLog::customerHash of the phone number
    QString phoneMasked; ///< 138****5678
    QString label;
    qint64 sinceMs = 0;
};

/**
 * @brief The register of key-account customers (大客户, table key_accounts), keyed by the access log's keyed
 * hash of the customer's phone number (AccessLog::customerHash), so the table can answer "is this number a
 * key account" without holding the number.
 */
class KeyAccountStore final
{
public:
    explicit KeyAccountStore(Database &db)
        : m_db(db)
        , m_log(db)
    {}

    /// @brief The key of a phone number (normalized first); empty for an empty number.
    [[nodiscard]] QString phoneKey(const QString &phone) { return m_log.customerHash(phone); }
    /// @brief Whether @p phone (any spelling) is in the register; false for an empty number.
    [[nodiscard]] bool isKeyAccount(const QString &phone);
    /// @brief Adds @p phone or changes its label (its since stays); true when it was not registered before.
    bool put(WriteTx &tx, const QString &phone, const QString &label, qint64 nowMs, const QString &by);
    /// @brief Removes @p phone; false when it was not registered.
    bool remove(WriteTx &tx, const QString &phone);
    /// @brief The register, oldest first.
    [[nodiscard]] QList<KeyAccount> list();

private:
    Database &m_db;
    AccessLog m_log;
};

} // namespace pd::server
