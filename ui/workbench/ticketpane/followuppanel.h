#pragma once

#include "models/domain/entities.h"

#include <QTimeZone>
#include <QWidget>

#include <functional>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

/**
 * @brief The follow-up call (回访) of a ticket: when it is due, scheduling it, and recording its result as
 * CSAT (1–5) and NPS (0–10).
 *
 * Scores are checked here first: a bad value shows a message under the fields and nothing is written.
 */
class FollowUpPanel final : public QWidget
{
    Q_OBJECT
public:
    using Schedule = std::function<bool(Instant due, QString *error)>;
    using Record = std::function<bool(std::optional<int> csat, std::optional<int> nps, QString *error)>;

    FollowUpPanel(const QTimeZone &zone, Schedule schedule, Record record, QWidget *parent = nullptr);

    /// @brief Shows the ticket's follow-up state; @p now seeds the date field when nothing is scheduled.
    void setTicket(const Ticket &ticket, Instant now);
    void setAllowed(bool schedule, const QString &scheduleReason, bool record, const QString &recordReason);

    [[nodiscard]] QDateTimeEdit *dueField() const { return m_due; }
    [[nodiscard]] QLineEdit *csatField() const { return m_csat; }
    [[nodiscard]] QLineEdit *npsField() const { return m_nps; }
    [[nodiscard]] QPushButton *scheduleButton() const { return m_scheduleButton; }
    [[nodiscard]] QPushButton *recordButton() const { return m_recordButton; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QLabel *stateLabel() const { return m_state; }

public Q_SLOTS:
    void scheduleNow();
    void recordNow();

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    Q_DISABLE_COPY_MOVE(FollowUpPanel)

    void showMessage(const QString &message);

    QTimeZone m_zone;
    Schedule m_schedule;
    Record m_record;
    QString m_ticketId;
    QLabel *m_state;
    QDateTimeEdit *m_due;
    QPushButton *m_scheduleButton;
    QLineEdit *m_csat;
    QLineEdit *m_nps;
    QPushButton *m_recordButton;
    QLabel *m_message;
    QLabel *m_dueLabel;
    QLabel *m_csatLabel;
    QLabel *m_npsLabel;
};

} // namespace pd
