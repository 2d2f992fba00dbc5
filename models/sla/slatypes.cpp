#include "slatypes.h"

#include <QCoreApplication>

namespace pd {

namespace {

template<typename E>
struct CodeEntry
{
    E value;
    const char *code;
    const char *label; // marked with QT_TRANSLATE_NOOP in context "pd::Sla"
};

template<typename E, std::size_t N>
const CodeEntry<E> *find(const std::array<CodeEntry<E>, N> &table, E value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return &e;
    }
    return nullptr;
}

constexpr std::array<CodeEntry<SlaClock>, 5> kClocks{{
    {SlaClock::FirstResponse, "first_response", QT_TRANSLATE_NOOP("pd::Sla", "First response")},
    {SlaClock::Resolution, "resolution", QT_TRANSLATE_NOOP("pd::Sla", "Resolution")},
    {SlaClock::Statutory, "statutory", QT_TRANSLATE_NOOP("pd::Sla", "Statutory handling")},
    {SlaClock::AppealAnswer, "appeal_answer", QT_TRANSLATE_NOOP("pd::Sla", "Appeal answer")},
    {SlaClock::AppealRedo, "appeal_redo", QT_TRANSLATE_NOOP("pd::Sla", "Appeal redo")},
}};

constexpr std::array<CodeEntry<SlaState>, 5> kStates{{
    {SlaState::OnTrack, "on_track", QT_TRANSLATE_NOOP("pd::Sla", "On track")},
    {SlaState::AtRisk, "at_risk", QT_TRANSLATE_NOOP("pd::Sla", "At risk")},
    {SlaState::Breached, "breached", QT_TRANSLATE_NOOP("pd::Sla", "Breached")},
    {SlaState::Met, "met", QT_TRANSLATE_NOOP("pd::Sla", "Met")},
    {SlaState::Paused, "paused", QT_TRANSLATE_NOOP("pd::Sla", "Paused")},
}};

constexpr std::array<CodeEntry<SlaSegmentKind>, 3> kSegmentKinds{{
    {SlaSegmentKind::Running, "running", QT_TRANSLATE_NOOP("pd::Sla", "Running")},
    {SlaSegmentKind::Paused, "paused", QT_TRANSLATE_NOOP("pd::Sla", "Paused")},
    {SlaSegmentKind::OutsideBusinessHours, "outside_business_hours",
     QT_TRANSLATE_NOOP("pd::Sla", "Outside business hours")},
}};

constexpr std::array<CodeEntry<SlaTransition>, 5> kTransitions{{
    {SlaTransition::FirstResponse, "first_response", QT_TRANSLATE_NOOP("pd::Sla", "First response")},
    {SlaTransition::PendingEnter, "pending_enter", QT_TRANSLATE_NOOP("pd::Sla", "Set to pending")},
    {SlaTransition::PendingLeave, "pending_leave", QT_TRANSLATE_NOOP("pd::Sla", "Back from pending")},
    {SlaTransition::Resolve, "resolve", QT_TRANSLATE_NOOP("pd::Sla", "Resolved")},
    {SlaTransition::Reopen, "reopen", QT_TRANSLATE_NOOP("pd::Sla", "Reopened")},
}};

} // namespace

#define PD_DEFINE_SLA_ENUM_CODES(E, table)                                                                   \
    template<>                                                                                               \
    QString toCode<E>(E v)                                                                                   \
    {                                                                                                        \
        const auto *e = find(table, v);                                                                      \
        return e ? QString::fromLatin1(e->code) : QString();                                                 \
    }                                                                                                        \
    template<>                                                                                               \
    std::optional<E> fromCode<E>(QStringView code)                                                           \
    {                                                                                                        \
        for (const auto &e : table) {                                                                        \
            if (code == QLatin1StringView(e.code))                                                           \
                return e.value;                                                                              \
        }                                                                                                    \
        return std::nullopt;                                                                                 \
    }                                                                                                        \
    template<>                                                                                               \
    QStringList allCodes<E>()                                                                                \
    {                                                                                                        \
        QStringList out;                                                                                     \
        for (const auto &e : table)                                                                          \
            out.append(QString::fromLatin1(e.code));                                                         \
        return out;                                                                                          \
    }                                                                                                        \
    template<>                                                                                               \
    QString displayName<E>(E v)                                                                              \
    {                                                                                                        \
        const auto *e = find(table, v);                                                                      \
        return e ? QCoreApplication::translate("pd::Sla", e->label) : QString();                             \
    }

PD_DEFINE_SLA_ENUM_CODES(SlaClock, kClocks)
PD_DEFINE_SLA_ENUM_CODES(SlaState, kStates)
PD_DEFINE_SLA_ENUM_CODES(SlaSegmentKind, kSegmentKinds)
PD_DEFINE_SLA_ENUM_CODES(SlaTransition, kTransitions)

} // namespace pd
