#pragma once

#include "models/proactive/incidentrecord.h"

#include <QFrame>
#include <QTimeZone>

class QLabel;
class QPushButton;

namespace pd {

/**
 * @brief Above a complaint about a parcel of an incident (docs/proactive.md): what happened, to how many
 * parcels, the expected recovery and the supervisor's explanation, so the agent can tell the customer at
 * once. Read from the cache: it works offline. Hidden for other tickets.
 */
class IncidentBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit IncidentBanner(const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Shows @p incident; nullopt with a non-empty @p incidentId: the incident has not arrived yet.
    void showIncident(const QString &incidentId, const std::optional<IncidentRecord> &incident);
    void clear();

    [[nodiscard]] QLabel *message() const { return m_text; }
    [[nodiscard]] QPushButton *showButton() const { return m_show; }

Q_SIGNALS:
    void incidentRequested(const QString &incidentId);

protected:
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(IncidentBanner)
    void retranslate();

    QTimeZone m_zone;
    QLabel *m_text;
    QPushButton *m_show;
    QString m_id;
    std::optional<IncidentRecord> m_incident;
};

} // namespace pd
