#include "policy.h"

#include <QJsonArray>

#include <cmath>

namespace pd {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

struct TargetKeys
{
    const char *target;
    const char *warning;
};
constexpr TargetKeys kFirstResponseKeys{"first_response_target_minutes", "first_response_warning_minutes"};
constexpr TargetKeys kResolutionKeys{"resolution_target_minutes", "resolution_warning_minutes"};

QJsonValue minutesValue(qint64 ms)
{
    if (ms % kMinuteMs == 0)
        return QJsonValue(ms / kMinuteMs);
    return QJsonValue(double(ms) / double(kMinuteMs));
}

void putTarget(QJsonObject &o, const TargetKeys &keys, const SlaTarget &t)
{
    o.insert(QLatin1StringView(keys.target), minutesValue(t.targetMs));
    o.insert(QLatin1StringView(keys.warning), minutesValue(t.warningMs));
}

QJsonObject ruleToJson(const SlaRule &r)
{
    QJsonObject o;
    if (r.priority)
        o.insert(QStringLiteral("priority"), toCode(*r.priority));
    if (r.category)
        o.insert(QStringLiteral("category"), toCode(*r.category));
    putTarget(o, kFirstResponseKeys, r.firstResponse);
    putTarget(o, kResolutionKeys, r.resolution);
    if (!r.calendar.isEmpty())
        o.insert(QStringLiteral("calendar"), r.calendar);
    return o;
}

/// Reads one rule of a policy; `base` gives the targets the object leaves out. A problem comes back as
/// (field, message).
std::optional<std::pair<QString, QString>>
readRule(const QJsonObject &r, const QString &where, const SlaRule &base,
         const QMap<QString, std::shared_ptr<const BusinessCalendar>> &calendars, SlaRule *out)
{
    *out = base;
    out->priority.reset();
    out->category.reset();
    const QJsonValue prio = r.value(QLatin1StringView("priority"));
    if (!prio.isUndefined() && !prio.isNull() && prio.toString() != u"*") {
        out->priority = fromCode<Priority>(prio.toString());
        if (!out->priority)
            return std::pair{where + QStringLiteral(".priority"),
                             SlaPolicy::tr("must be one of: %1").arg(allCodes<Priority>().join(u", "))};
    }
    const QJsonValue cat = r.value(QLatin1StringView("category"));
    if (!cat.isUndefined() && !cat.isNull() && cat.toString() != u"*") {
        out->category = fromCode<Category>(cat.toString());
        if (!out->category)
            return std::pair{where + QStringLiteral(".category"),
                             SlaPolicy::tr("must be one of: %1").arg(allCodes<Category>().join(u", "))};
    }
    for (auto [keys, target] :
         {std::pair{kFirstResponseKeys, &out->firstResponse}, std::pair{kResolutionKeys, &out->resolution}}) {
        for (auto [key, field] :
             {std::pair{keys.target, &target->targetMs}, std::pair{keys.warning, &target->warningMs}}) {
            const QJsonValue v = r.value(QLatin1StringView(key));
            if (v.isUndefined() || v.isNull())
                continue;
            const double minutes = v.toDouble(-1.0);
            if (!v.isDouble() || !(minutes >= 0.0) || minutes > 366.0 * 24 * 60)
                return std::pair{where + u'.' + QLatin1StringView(key),
                                 SlaPolicy::tr("must be a number of minutes between 0 and 527040")};
            *field = std::llround(minutes * double(kMinuteMs));
        }
        if (target->targetMs <= 0 || target->warningMs > target->targetMs)
            return std::pair{
                where + u'.' + QLatin1StringView(keys.warning),
                SlaPolicy::tr("the target must be positive and the warning window no longer than it")};
    }
    out->calendar = r.value(QLatin1StringView("calendar")).toString();
    if (!out->calendar.isEmpty() && !calendars.contains(out->calendar))
        return std::pair{where + QStringLiteral(".calendar"),
                         SlaPolicy::tr("names no calendar of this policy")};
    return std::nullopt;
}

} // namespace

void SlaPolicy::setDefaultRule(const SlaRule &rule)
{
    m_default = rule;
    m_default.priority.reset();
    m_default.category.reset();
}

void SlaPolicy::setCalendar(const BusinessCalendar &calendar)
{
    m_calendars.insert(calendar.name(), std::make_shared<const BusinessCalendar>(calendar));
}

std::shared_ptr<const BusinessCalendar> SlaPolicy::calendar(const QString &name) const
{
    return m_calendars.value(name);
}

int SlaPolicy::matchingRule(Priority priority, Category category) const
{
    int best = -1;
    int bestSpecificity = -1;
    for (int i = 0; i < m_rules.size(); ++i) {
        const SlaRule &r = m_rules.at(i);
        if (r.matches(priority, category) && r.specificity() > bestSpecificity) {
            best = i;
            bestSpecificity = r.specificity();
        }
    }
    return best;
}

SlaTerms SlaPolicy::termsFor(Priority priority, Category category) const
{
    const int i = matchingRule(priority, category);
    const SlaRule &r = i >= 0 ? m_rules.at(i) : m_default;
    return {r.firstResponse, r.resolution, r.calendar.isEmpty() ? nullptr : calendar(r.calendar)};
}

LegalClockRule SlaPolicy::defaultLegalRule(SlaClock clock)
{
    switch (clock) {
    case SlaClock::AppealAnswer:
        return {15, 2, {}};
    case SlaClock::AppealRedo:
        return {5, 1, {}};
    default:
        return {7, 1, {}};
    }
}

const LegalClockRule &SlaPolicy::legalRule(SlaClock clock) const
{
    Q_ASSERT(isLegalClock(clock));
    return m_legal[legalIndex(clock)];
}

void SlaPolicy::setLegalRule(SlaClock clock, const LegalClockRule &rule)
{
    Q_ASSERT(isLegalClock(clock));
    m_legal[legalIndex(clock)] = rule;
}

LegalClockTerms SlaPolicy::legalTerms(SlaClock clock) const
{
    const LegalClockRule &r = legalRule(clock);
    return {r, r.calendar.isEmpty() ? nullptr : calendar(r.calendar)};
}

QJsonObject SlaPolicy::toJson() const
{
    QJsonArray rules;
    for (const auto &r : m_rules)
        rules.append(ruleToJson(r));
    QJsonArray calendars;
    for (const auto &c : m_calendars)
        calendars.append(c->toJson());
    QJsonObject out{{QStringLiteral("default"), ruleToJson(m_default)},
                    {QStringLiteral("rules"), rules},
                    {QStringLiteral("calendars"), calendars}};
    QJsonObject legal;
    for (SlaClock c : kLegalClocks) {
        const LegalClockRule &r = legalRule(c);
        if (r == defaultLegalRule(c))
            continue;
        QJsonObject o{{QStringLiteral("days"), r.days}, {QStringLiteral("warning_days"), r.warningDays}};
        if (!r.calendar.isEmpty())
            o.insert(QStringLiteral("calendar"), r.calendar);
        legal.insert(toCode(c), o);
    }
    if (!legal.isEmpty())
        out.insert(QStringLiteral("legal_clocks"), legal);
    return out;
}

std::optional<std::pair<QString, QString>> SlaPolicy::readLegalClocks(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const QString where = QStringLiteral("legal_clocks");
    if (!v.isObject())
        return std::pair{where, tr("must be an object with the keys statutory, appeal_answer, appeal_redo")};
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto clock = fromCode<SlaClock>(it.key());
        const QString field = where + u'.' + it.key();
        if (!clock || !isLegalClock(*clock))
            return std::pair{field, tr("must be one of: statutory, appeal_answer, appeal_redo")};
        if (!it.value().isObject())
            return std::pair{field, tr("must be an object {days, warning_days, calendar}")};
        const QJsonObject c = it.value().toObject();
        LegalClockRule r = defaultLegalRule(*clock);
        const QJsonValue days = c.value(QLatin1StringView("days"));
        if (!days.isUndefined()) {
            if (!days.isDouble() || days.toDouble() != double(days.toInt()) || days.toInt() < 1 ||
                days.toInt() > 366)
                return std::pair{field + QStringLiteral(".days"),
                                 tr("must be a whole number of days from 1 to 366")};
            r.days = days.toInt();
        }
        const QJsonValue warning = c.value(QLatin1StringView("warning_days"));
        if (!warning.isUndefined()) {
            if (!warning.isDouble() || warning.toDouble() != double(warning.toInt()) || warning.toInt() < 0)
                return std::pair{field + QStringLiteral(".warning_days"),
                                 tr("must be a whole number of days, 0 or more")};
            r.warningDays = warning.toInt();
        }
        if (r.warningDays >= r.days)
            return std::pair{field + QStringLiteral(".warning_days"),
                             tr("must be fewer than the clock's %n day(s)", nullptr, r.days)};
        const QJsonValue cal = c.value(QLatin1StringView("calendar"));
        if (!cal.isUndefined() && !cal.isNull() && !cal.isString())
            return std::pair{field + QStringLiteral(".calendar"),
                             tr("must be the name of a calendar of this policy, or empty for natural days")};
        r.calendar = cal.toString();
        if (!r.calendar.isEmpty() && !m_calendars.contains(r.calendar))
            return std::pair{field + QStringLiteral(".calendar"), tr("names no calendar of this policy")};
        setLegalRule(*clock, r);
    }
    return std::nullopt;
}

std::optional<SlaPolicy> SlaPolicy::fromJson(const QJsonObject &o, JsonError *error)
{
    SlaPolicy p;
    JsonError err;
    auto fail = [&](const QString &field, const QString &message) {
        if (error)
            *error = {field, message.isEmpty() ? err.message : message};
        return std::nullopt;
    };

    const QJsonArray calendars = o.value(QLatin1StringView("calendars")).toArray();
    for (qsizetype i = 0; i < calendars.size(); ++i) {
        const QString where = QStringLiteral("calendars[%1]").arg(i);
        auto c = BusinessCalendar::fromJson(calendars.at(i).toObject(), &err);
        if (!c)
            return fail(where + u'.' + err.field, {});
        if (c->name().isEmpty() || p.m_calendars.contains(c->name()))
            return fail(where + QStringLiteral(".name"), tr("must be a unique, non-empty name"));
        p.setCalendar(*c);
    }

    SlaRule def;
    if (auto problem = readRule(o.value(QLatin1StringView("default")).toObject(), QStringLiteral("default"),
                                SlaRule{}, p.m_calendars, &def))
        return fail(problem->first, problem->second);
    p.setDefaultRule(def);

    const QJsonArray rules = o.value(QLatin1StringView("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        SlaRule r;
        if (auto problem = readRule(rules.at(i).toObject(), QStringLiteral("rules[%1]").arg(i), p.m_default,
                                    p.m_calendars, &r))
            return fail(problem->first, problem->second);
        p.m_rules.append(r);
    }
    if (auto problem = p.readLegalClocks(o.value(QLatin1StringView("legal_clocks"))))
        return fail(problem->first, problem->second);
    return p;
}

bool operator==(const SlaPolicy &a, const SlaPolicy &b)
{
    if (a.m_default != b.m_default || a.m_rules != b.m_rules ||
        a.m_calendars.keys() != b.m_calendars.keys() || a.m_legal != b.m_legal)
        return false;
    for (auto it = a.m_calendars.cbegin(); it != a.m_calendars.cend(); ++it) {
        if (!(*it.value() == *b.m_calendars.value(it.key())))
            return false;
    }
    return true;
}

} // namespace pd
