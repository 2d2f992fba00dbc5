#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QMenu;
class QTimer;
class QToolButton;

namespace pd {

class Clock;

/**
 * @brief The status bar's agent status: online, busy (on a call), break, away, offline — a coloured dot and
 * the word (readable without colour), changed from its menu (click, or the window's shortcut: openMenu()).
 *
 * The widget decides what to ask for and says so with statusRequested(); the session sends it over the live
 * feed and the server's acknowledgement comes back as setConfirmed(), a refusal as setRefused() (shown in red
 * until the next confirmed status). Idle detection: watch() counts keyboard and mouse input in one window;
 * an online agent with no input for idleAwayMinutes() of the injected clock becomes "away", and back online
 * at the next input. checkIdle() runs every 15 s (tests call it after moving their clock).
 */
class AgentStatusWidget final : public QWidget
{
    Q_OBJECT
public:
    /// @brief The codes of docs/api.md, in menu order ("away" is set by idleness only).
    static const QStringList &codes();
    [[nodiscard]] static QString title(const QString &code);
    [[nodiscard]] static QColor colour(const QString &code);

    explicit AgentStatusWidget(const Clock &clock, QWidget *parent = nullptr);

    /// @brief Counts keyboard and mouse input in @p window as activity (an application event filter).
    void watch(QWidget *window);
    void setIdleAwayMinutes(int minutes);
    [[nodiscard]] int idleAwayMinutes() const { return m_idleMinutes; }
    /// @brief What the person chose or idleness made of it (what was last asked for).
    [[nodiscard]] const QString &requested() const { return m_requested; }
    /// @brief What the server confirmed last (empty: nothing yet).
    [[nodiscard]] const QString &confirmed() const { return m_confirmed; }
    [[nodiscard]] const QString &refusal() const { return m_refusal; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] QMenu *menu() const { return m_menu; }
    [[nodiscard]] QToolButton *button() const { return m_button; }

public Q_SLOTS:
    /// @brief Signed in as an agent: asks for "online" and starts watching; false (other roles, signed out):
    /// hidden and quiet.
    void setActive(bool active);
    /// @brief The person chose @p code (menu, shortcut).
    void request(const QString &code);
    void setConfirmed(const QString &code, qint64 sinceMs);
    void setRefused(const QString &code, const QString &message);
    /// @brief Pops the menu up over the button, the current status selected.
    void openMenu();
    void checkIdle();

Q_SIGNALS:
    void statusRequested(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(AgentStatusWidget)
    void ask(const QString &code);
    void refresh();

    const Clock &m_clock;
    QToolButton *m_button;
    QMenu *m_menu;
    QTimer *m_idleTimer;
    QWidget *m_window = nullptr;
    QString m_requested;
    QString m_confirmed;
    QString m_refusal;
    qint64 m_lastInputMs = 0;
    qint64 m_sinceMs = 0;
    int m_idleMinutes = 10;
    bool m_active = false;
    bool m_autoAway = false; ///< "away" came from idleness: input brings "online" back
};

} // namespace pd
