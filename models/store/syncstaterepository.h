#pragma once

#include <QString>

namespace pd {

class Database;

/// @brief Small persistent facts of the sync: the change-feed cursor, the last live seq, the clock offset.
class SyncStateRepository final
{
public:
    explicit SyncStateRepository(const Database &db);

    [[nodiscard]] QString value(const QString &key, const QString &fallback = {}) const;
    bool setValue(const QString &key, const QString &value, QString *error = nullptr);
    bool remove(const QString &key, QString *error = nullptr);

    [[nodiscard]] QString cursor() const { return value(QStringLiteral("changes.cursor")); }
    bool setCursor(const QString &cursor, QString *error = nullptr)
    {
        return setValue(QStringLiteral("changes.cursor"), cursor, error);
    }
    [[nodiscard]] qint64 clockOffsetMs() const
    {
        return value(QStringLiteral("clock.offset_ms")).toLongLong();
    }
    bool setClockOffsetMs(qint64 ms, QString *error = nullptr)
    {
        return setValue(QStringLiteral("clock.offset_ms"), QString::number(ms), error);
    }

private:
    const Database &m_db;
};

} // namespace pd
