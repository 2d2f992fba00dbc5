#pragma once

#include "models/domain/entities.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace pd {

class Clock;
class Database;
class IncidentsModel;
class NotifyDialog;
class ServerLink;

/**
 * @brief The Proactive page (docs/proactive.md): the incidents the server found in the parcels' tracking —
 * many parcels with one cause — newest first, and for the selected one its proactive cases (one per parcel
 * and exception, with the recommended action). Supervisors tell the incident's customers at once (Notify
 * customers…, Alt+N), explain it in their own words for agents and customers (Alt+E) and resolve it; anyone
 * dismisses a case with a reason or turns it into a ticket.
 *
 * The incidents come from the cache (the change feed brings them), so the list works offline; the cases,
 * the notice counts and every action need the server, and say so when it is not there.
 */
class ProactivePage final : public QWidget
{
    Q_OBJECT
public:
    ProactivePage(const Database &db, Clock &clock, const QTimeZone &zone, QWidget *parent = nullptr);

    void setServerLink(ServerLink *link);
    void setCurrentUser(const User &user);

    [[nodiscard]] IncidentsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *incidentsView() const { return m_view; }
    [[nodiscard]] QTableWidget *casesView() const { return m_cases; }
    [[nodiscard]] QLabel *detail() const { return m_detail; }
    [[nodiscard]] QPushButton *notifyButton() const { return m_notify; }
    [[nodiscard]] QPushButton *dismissButton() const { return m_dismiss; }
    [[nodiscard]] QPushButton *ticketButton() const { return m_ticket; }
    [[nodiscard]] QString message() const;
    /// @brief The notify dialog while it is open (tests drive it), else null.
    [[nodiscard]] NotifyDialog *openDialog() const;
    /// @brief The selected incident's id, or empty.
    [[nodiscard]] QString selectedIncident() const;

public Q_SLOTS:
    /// @brief The incidents from the cache, then the notice counts and the cases from the server.
    void reload();
    /// @brief Selects an incident (a complaint's banner asked for it).
    void showIncident(const QString &incidentId);
    void onTicketsChanged();
    void notifySelected();
    void explainSelected();
    void resolveSelected();
    void dismissSelectedCase();
    void ticketFromSelectedCase();

Q_SIGNALS:
    void openTicketRequested(const QString &ticketId);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ProactivePage)
    void buildLayout();
    void retranslate();
    void loadTallies();
    void loadCases();
    void showCases(const QJsonArray &items);
    void updateButtons();
    void showMessage(const QString &text, bool error);
    [[nodiscard]] bool online();
    [[nodiscard]] int selectedRow() const;
    [[nodiscard]] QString selectedCase() const;
    void patchIncident(const QJsonObject &changes, const QString &done);

    const Database &m_db;
    Clock &m_clock;
    QTimeZone m_zone;
    ServerLink *m_link = nullptr;
    User m_user;
    IncidentsModel *m_model;
    QTableView *m_view;
    QTableWidget *m_cases;
    QLabel *m_title;
    QLabel *m_detail;
    QLabel *m_casesTitle;
    QLabel *m_message;
    QPushButton *m_notify;
    QPushButton *m_explain;
    QPushButton *m_resolve;
    QPushButton *m_dismiss;
    QPushButton *m_ticket;
    QPushButton *m_refresh;
    QTimer *m_reloadSoon;
    QTimer *m_periodic;
    QPointer<NotifyDialog> m_dialog;
    QString m_casesOf; ///< the incident whose cases are shown
};

} // namespace pd
