#pragma once

#include "models/domain/entities.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;

namespace pd {

/**
 * @brief A regulator appeal on the ticket pane (docs/appeals.md): the appeal number, the forwarding office,
 * when it was forwarded, answered and rejected, the fault finding and the customer's earlier tickets; with
 * the steps of the process — record the answer sent to the regulator (Alt+N), record the regulator's
 * rejection (Alt+J), record the fault finding (Alt+F). The pane sends them; this widget only shows and asks.
 */
class AppealPanel final : public QWidget
{
    Q_OBJECT
public:
    AppealPanel(const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Shows @p ticket's appeal; @p earlier names the customer's earlier tickets ("C2611-000123 ·
    /// resolved").
    void showAppeal(const Ticket &ticket, const QStringList &earlier = {});
    [[nodiscard]] QString text() const;
    [[nodiscard]] QPushButton *answerButton() const { return m_answer; }
    [[nodiscard]] QPushButton *rejectionButton() const { return m_rejection; }
    [[nodiscard]] QPushButton *faultButton() const { return m_fault; }

Q_SIGNALS:
    void answerRequested();
    void rejectionRequested();
    void faultRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(AppealPanel)
    void retranslate();

    QTimeZone m_zone;
    std::optional<Ticket> m_ticket;
    QStringList m_earlier;
    QLabel *m_details;
    QPushButton *m_answer;
    QPushButton *m_rejection;
    QPushButton *m_fault;
};

} // namespace pd
