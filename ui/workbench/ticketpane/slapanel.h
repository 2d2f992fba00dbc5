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

    /// @brief Recomputes both clocks of @p ticket at @p now under @p policy.
    void showTicket(const SlaPolicy &policy, const Ticket &ticket, const QList<TicketEvent> &events,
                    Instant now);
    void clear();

    /// @brief The last computed state of a clock (for the pane's tests and the lead's header).
    [[nodiscard]] SlaState state(SlaClock clock) const { return m_states[clockIndex(clock)]; }
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
    std::array<QLabel *, 2> m_labels{};
    std::array<SlaState, 2> m_states{};
    QString m_summary;
};

} // namespace pd
