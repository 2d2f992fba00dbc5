#pragma once

#include <QCoreApplication>
#include <QJsonArray>
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

    /// @brief What codes() does with a code listed twice.
    enum class Repeats
    {
        Dropped, ///< kept once
        Refused  ///< a problem
    };

    /**
     * @brief o[key], when present, as a list of non-empty codes into @p out; with @p allowed non-empty, each
     * must be one of them. A problem for anything else (naming the entry: "<where><key>[i]").
     */
    void codes(const QJsonObject &o, const QString &key, const QString &where, const QStringList &allowed,
               QStringList *out, Repeats repeats = Repeats::Dropped)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            fail(where + key, tr("must be a list of codes"));
            return;
        }
        QStringList list;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString code = a.at(i).toString();
            const QString field = where + key + u'[' + QString::number(i) + u']';
            if (code.trimmed().isEmpty())
                fail(field, tr("must be a non-empty text"));
            else if (!allowed.isEmpty() && !allowed.contains(code))
                fail(field, tr("must be one of: %1").arg(allowed.join(u", ")));
            else if (list.contains(code) && repeats == Repeats::Refused)
                fail(field, tr("repeats \"%1\"").arg(code));
            else if (!list.contains(code))
                list.append(code);
        }
        *out = list;
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
