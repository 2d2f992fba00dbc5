#include "eventdata.h"

#include "apierror.h"
#include "requestparsing.h"

#include "models/domain/jsonreader.h"
#include "models/domain/validation.h"

#include <QRegularExpression>

namespace pd::server {

namespace {
void check(const JsonReader &r)
{
    if (!r.ok())
        throw ApiError::invalid(r.error().field, r.error().message);
}

QString recordId(JsonReader &r, const char *name)
{
    const QString id = r.string(name, false, 100);
    check(r);
    if (!id.isEmpty() && !isValidId(id))
        throw ApiError::invalid(QString::fromLatin1(name),
                                QStringLiteral("%1 must be a record id.").arg(QLatin1StringView(name)));
    return id;
}
} // namespace

namespace {

/// A call: its direction, duration and outcome code.
QJsonObject callData(JsonReader &r)
{
    QJsonObject out;
    const auto dir = r.enumValue("direction", CallDirection::Inbound, true);
    const auto duration = r.optIntInRange("duration_s", 0, 24 * 3600);
    // The console's outcome code ("reached", "no_answer", …): kept as given, checked for shape only.
    const QString outcome = r.string("outcome", false, 40);
    check(r);
    static const QRegularExpression code(QStringLiteral("^[a-z][a-z_]*$"));
    if (!outcome.isEmpty() && !code.match(outcome).hasMatch())
        throw ApiError::invalid(
            QStringLiteral("outcome"),
            QStringLiteral("outcome must be a code of lower-case letters and underscores."));
    out.insert(QStringLiteral("direction"), toCode(dir));
    if (duration)
        out.insert(QStringLiteral("duration_s"), *duration);
    if (!outcome.isEmpty())
        out.insert(QStringLiteral("outcome"), outcome);
    return out;
}

/// A status change: the status it goes to, and the resolution and compensation when given.
QJsonObject statusChangeData(JsonReader &r, const QJsonObject &data)
{
    QJsonObject out;
    const auto to = r.enumValue("to", TicketStatus::Open, true);
    const auto resolution = r.optEnum<Resolution>("resolution");
    const auto compensation = r.optMoneyFen("compensation_amount");
    check(r);
    out.insert(QStringLiteral("to"), toCode(to));
    if (resolution)
        out.insert(QStringLiteral("resolution"), toCode(*resolution));
    if (compensation) {
        const TextCheck c = Validation::checkCompensation(*compensation);
        if (!c.valid)
            throw ApiError::invalid(QStringLiteral("compensation_amount"), c.message);
        out.insert(QStringLiteral("compensation_amount"), data.value(QStringLiteral("compensation_amount")));
    }
    return out;
}

/// An assignment: the assignee (empty: unassigned) and the team.
QJsonObject assignmentData(JsonReader &r, const QJsonObject &data)
{
    QJsonObject out;
    const QString assignee = recordId(r, "assignee_id");
    const QString team = recordId(r, "team_id");
    if (data.contains(QStringLiteral("assignee_id")))
        out.insert(QStringLiteral("assignee_id"), assignee);
    if (!team.isEmpty())
        out.insert(QStringLiteral("team_id"), team);
    return out;
}

/// An escalation: the priority it raises to and why.
QJsonObject escalationData(JsonReader &r)
{
    QJsonObject out;
    const auto priority = r.optEnum<Priority>("priority");
    const QString reason = r.string("reason", false, 500);
    check(r);
    const TextCheck text = Validation::checkText(reason, 500, false);
    if (!text.valid)
        throw ApiError::invalid(QStringLiteral("reason"), text.message);
    if (priority)
        out.insert(QStringLiteral("priority"), toCode(*priority));
    if (!text.normalized.isEmpty())
        out.insert(QStringLiteral("reason"), text.normalized);
    return out;
}

/// A satisfaction survey: csat and/or nps.
QJsonObject csatData(JsonReader &r)
{
    QJsonObject out;
    const auto csat = r.optIntInRange("csat", 1, 5);
    const auto nps = r.optIntInRange("nps", 0, 10);
    check(r);
    if (!csat && !nps)
        throw ApiError::invalid(QStringLiteral("data"), QStringLiteral("Give csat (1–5) and/or nps (0–10)."));
    if (csat)
        out.insert(QStringLiteral("csat"), *csat);
    if (nps)
        out.insert(QStringLiteral("nps"), *nps);
    return out;
}

} // namespace

QJsonObject sanitizeEventData(EventKind kind, const QJsonObject &data)
{
    JsonReader r(data);
    switch (kind) {
    case EventKind::Reply:
    case EventKind::Note:
    case EventKind::SlaBreach:
    case EventKind::CompensationRequested:
    case EventKind::CompensationApproved:
    case EventKind::CompensationRejected:
    case EventKind::AppealAnswered:
    case EventKind::AppealRejected:
    case EventKind::Merged:
        break;
    case EventKind::Call:
        return callData(r);
    case EventKind::StatusChange:
        return statusChangeData(r, data);
    case EventKind::Assignment:
        return assignmentData(r, data);
    case EventKind::Escalation:
        return escalationData(r);
    case EventKind::CsatRecorded:
        return csatData(r);
    }
    return {};
}

} // namespace pd::server
