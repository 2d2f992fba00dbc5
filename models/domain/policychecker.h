#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cmath>

namespace pd {

/**
 * @brief Collects every problem of a policy document as "field: message" lines; reading goes on after a
 * problem, so a manager sees all of them at once (the routing and the compensation policy derive their
 * checkers from it, as does the proactive-service policy's).
 */
class PolicyChecker
{
    Q_DECLARE_TR_FUNCTIONS(pd::PolicyChecker)

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

    /// @brief o[key], when present, as a whole number from @p min to @p max into @p out; a problem otherwise.
    void integer(const QJsonObject &o, const QString &key, const QString &where, int min, int max, int *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        const double d = v.toDouble(-1e18);
        if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
            fail(where + key, tr("must be a whole number between %1 and %2").arg(min).arg(max));
            return;
        }
        *out = int(d);
    }

    /// @brief o[key], when present, as true or false into @p out; a problem otherwise.
    void boolean(const QJsonObject &o, const QString &key, const QString &where, bool *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isBool()) {
            fail(where + key, tr("must be true or false"));
            return;
        }
        *out = v.toBool();
    }
};

} // namespace pd
