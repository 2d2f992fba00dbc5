#pragma once

#include "models/domain/entities.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace pd {

class ApprovalsModel;
class Clock;
class DecisionDialog;
class ServerLink;

/**
 * @brief The approvals queue (supervisors, managers): compensation requests above their requester's limit,
 * oldest first, with the calculator's explanation and the requester's reason. Approve (Alt+A; the amount may
 * be changed, with a reason), reject with a reason (Alt+R), or open the ticket (Enter). The server checks the
 * approver's own limit and says so when it is too low.
 *
 * The queue comes from GET /compensations?state=pending: on show, after ticket changes (a new request changes
 * its ticket), on F5 and every 30 s. Deciding needs the server; offline the page says so and changes nothing.
 */
class ApprovalsPage final : public QWidget
{
    Q_OBJECT
public:
    ApprovalsPage(Clock &clock, const QTimeZone &zone, QWidget *parent = nullptr);

    void setServerLink(ServerLink *link);
    [[nodiscard]] ApprovalsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QPushButton *approveButton() const { return m_approve; }
    [[nodiscard]] QPushButton *rejectButton() const { return m_reject; }
    [[nodiscard]] QString message() const;
    /// @brief The decision dialog while it is open (tests drive it), else null.
    [[nodiscard]] DecisionDialog *openDialog() const { return m_dialog; }

public Q_SLOTS:
    void reload();
    /// @brief The cache changed: reload soon (one request a second at most).
    void onTicketsChanged();
    void approveSelected();
    void rejectSelected();

Q_SIGNALS:
    void openTicketRequested(const QString &ticketId);
    /// @brief The number of waiting requests changed (for the tab's badge).
    void pendingCountChanged(int count);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ApprovalsPage)
    void retranslate();
    void decide(bool approve);
    void send(const QString &id, bool approve, std::optional<qint64> changedFen, const QString &reason);
    void showMessage(const QString &text, bool error);
    void updateButtons();
    [[nodiscard]] int selectedRow() const;

    Clock &m_clock;
    ServerLink *m_link = nullptr;
    ApprovalsModel *m_model;
    QTableView *m_view;
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_refresh;
    QTimer *m_reloadSoon;
    QTimer *m_periodic;
    DecisionDialog *m_dialog = nullptr;
    bool m_loading = false;
};

} // namespace pd
