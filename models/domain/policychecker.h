#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pd {

/**
 * @brief Collects every problem of a policy document as "field: message" lines; reading goes on after a
 * problem, so a manager sees all of them at once (the routing and the compensation policy derive their
 * checkers from it).
 */
class PolicyChecker
{
public:
    QStringList errors;

    void fail(const QString &field, const QString &message)
    {
        errors.append(field + QStringLiteral(": ") + message);
    }

    /// @brief Every key of @p o that is not in @p known is a problem: "<where><key>: <notAField>".
    void unknownKeys(const QJsonObject &o, const QStringList &known, const QString &where,
                     const QString &notAField)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!known.contains(it.key()))
                fail(where + it.key(), notAField);
        }
    }
};

} // namespace pd
