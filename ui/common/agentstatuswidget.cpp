#include "agentstatuswidget.h"

#include "models/domain/clock.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kIdleCheckMs = 15 * 1000;
constexpr qint64 kMinuteMs = 60 * 1000;

QIcon dot(const QColor &colour)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(colour.darker(130));
    p.setBrush(colour);
    p.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pm);
}
} // namespace

const QStringList &AgentStatusWidget::codes()
{
    static const QStringList all{u"online"_s, u"busy"_s, u"break"_s, u"offline"_s};
    return all;
}

QString AgentStatusWidget::title(const QString &code)
{
    if (code == u"online"_s)
        return tr("Online");
    if (code == u"busy"_s)
        return tr("Busy (on a call)");
    if (code == u"break"_s)
        return tr("On a break");
    if (code == u"away"_s)
        return tr("Away (idle)");
    if (code == u"offline"_s)
        return tr("Offline");
    return code;
}

QColor AgentStatusWidget::colour(const QString &code)
{
    if (code == u"online"_s)
        return QColor(0x2e, 0x9d, 0x4a);
    if (code == u"busy"_s)
        return QColor(0xc6, 0x28, 0x28);
    if (code == u"break"_s)
        return QColor(0xe0, 0x8e, 0x00);
    if (code == u"away"_s)
        return QColor(0xc9, 0xa8, 0x00);
    return QColor(0x80, 0x80, 0x80);
}

AgentStatusWidget::AgentStatusWidget(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_button(new QToolButton(this))
    , m_menu(new QMenu(this))
    , m_idleTimer(new QTimer(this))
{
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setAutoRaise(true);
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setMenu(m_menu);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    for (const QString &code : codes()) {
        QAction *a = m_menu->addAction(dot(colour(code)), title(code), this, [this, code] { request(code); });
        a->setData(code);
        a->setCheckable(true);
    }
    m_idleTimer->setInterval(kIdleCheckMs);
    connect(m_idleTimer, &QTimer::timeout, this, &AgentStatusWidget::checkIdle);
    setVisible(false);
    refresh();
}

void AgentStatusWidget::watch(QWidget *window)
{
    m_window = window;
    qApp->installEventFilter(this);
}

void AgentStatusWidget::setIdleAwayMinutes(int minutes)
{
    m_idleMinutes = qMax(1, minutes);
}

void AgentStatusWidget::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    m_lastInputMs = m_clock.nowMs();
    m_autoAway = false;
    m_refusal.clear();
    m_confirmed.clear();
    setVisible(active);
    if (active) {
        m_idleTimer->start();
        ask(u"online"_s);
    } else {
        m_idleTimer->stop();
        m_requested.clear();
        refresh();
    }
}

void AgentStatusWidget::request(const QString &code)
{
    if (!m_active)
        return;
    m_autoAway = false;
    m_lastInputMs = m_clock.nowMs();
    ask(code);
}

void AgentStatusWidget::ask(const QString &code)
{
    m_requested = code;
    refresh();
    Q_EMIT statusRequested(code);
}

void AgentStatusWidget::setConfirmed(const QString &code, qint64 sinceMs)
{
    m_confirmed = code;
    m_sinceMs = sinceMs;
    if (code == m_requested)
        m_refusal.clear();
    refresh();
}

void AgentStatusWidget::setRefused(const QString &code, const QString &message)
{
    m_refusal = message.isEmpty() ? tr("The server did not accept the status %1.").arg(title(code)) : message;
    m_requested = m_confirmed; // what holds is what the server kept
    refresh();
}

void AgentStatusWidget::openMenu()
{
    if (!m_active)
        return;
    for (QAction *a : m_menu->actions())
        if (a->data().toString() == m_requested)
            m_menu->setActiveAction(a);
    m_menu->popup(m_button->mapToGlobal(QPoint(0, -m_menu->sizeHint().height())));
}

void AgentStatusWidget::checkIdle()
{
    if (!m_active || m_requested != u"online"_s)
        return;
    if (m_clock.nowMs() - m_lastInputMs >= m_idleMinutes * kMinuteMs) {
        m_autoAway = true;
        ask(u"away"_s);
    }
}

bool AgentStatusWidget::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel: {
        const auto *w = qobject_cast<QWidget *>(watched);
        if (!m_active || !w || !m_window || w->window() != m_window)
            break;
        m_lastInputMs = m_clock.nowMs();
        if (m_autoAway && m_requested == u"away"_s) {
            m_autoAway = false;
            ask(u"online"_s);
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void AgentStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        for (QAction *a : m_menu->actions())
            a->setText(title(a->data().toString()));
        refresh();
    }
    QWidget::changeEvent(event);
}

QString AgentStatusWidget::text() const
{
    return m_button->text();
}

void AgentStatusWidget::refresh()
{
    const QString shown = m_requested.isEmpty() ? u"offline"_s : m_requested;
    const bool pending = !m_confirmed.isEmpty() ? m_confirmed != m_requested : !m_requested.isEmpty();
    QString label = title(shown);
    if (!m_refusal.isEmpty())
        label = tr("%1 — refused").arg(title(m_confirmed.isEmpty() ? u"offline"_s : m_confirmed));
    else if (pending)
        label = tr("%1 (sending…)").arg(label);
    m_button->setText(label);
    m_button->setIcon(dot(colour(shown)));
    m_button->setStyleSheet(m_refusal.isEmpty() ? QString() : u"color: #b00020"_s);
    m_button->setToolTip(m_refusal.isEmpty()
                             ? tr("My status: %1. Click or press F8 to change it.").arg(title(shown))
                             : m_refusal);
    m_button->setAccessibleName(tr("My status"));
    m_button->setAccessibleDescription(label);
    for (QAction *a : m_menu->actions())
        a->setChecked(a->data().toString() == shown);
}

} // namespace pd
