#pragma once

#include "models/sla/deadlines.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;

namespace pd {

/**
 * @brief The SLA explanation of a ticket: each clock's state (as text and a symbol, so it reads without
 * colour), its deadline and the segments of its timeline (running, paused, outside business hours).
 */
class SlaPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SlaPanel(const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Recomputes the clocks of @p ticket at @p now under @p policy: first response and resolution,
    /// the statutory handling clock, and on a regulator appeal its answer and redo clocks.
    void showTicket(const SlaPolicy &policy, const Ticket &ticket, const QList<TicketEvent> &events,
                    Instant now);
    void clear();

    /// @brief The last computed state of a clock (for the pane's tests and the lead's header).
    [[nodiscard]] SlaState state(SlaClock clock) const { return m_states[clockIndex(clock)]; }
    /// @brief False for a legal clock that does not apply to the ticket (no appeal, no rejection).
    [[nodiscard]] bool applies(SlaClock clock) const { return m_applies[clockIndex(clock)]; }
    [[nodiscard]] QString text(SlaClock clock) const;
    /// @brief One line for the pane's header: each clock's symbol, state and time left or overdue.
    [[nodiscard]] QString summary() const { return m_summary; }

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(SlaPanel)

    [[nodiscard]] QString describe(const SlaClockStatus &s, const QList<SlaSegment> &segments) const;

    QTimeZone m_zone;
    // Every clock by clockIndex(): the two service clocks, then the legal ones (shown when they apply).
    std::array<QLabel *, 5> m_labels{};
    std::array<SlaState, 5> m_states{};
    std::array<bool, 5> m_applies{};
    QString m_summary;
};

} // namespace pd
