#pragma once

#include "models/kpi/kpiperiod.h"
#include "models/proactive/effectfigures.h"

#include <QGroupBox>
#include <QPointer>

#include <array>
#include <optional>

class QLabel;

namespace pd {

class Clock;
class ServerLink;

/**
 * @brief The effect of proactive notices on the dashboard (docs/proactive.md, "The effect"), for the
 * dashboard's period: the complaint rate and CSAT of the parcels with an exception whose customer was told
 * before any complaint against the others, the share told first, the median time from detection to notice.
 *
 * The figures come from the server (GET /proactive/effect, supervisors and managers): load() asks again when
 * the period changed or kMinAgeMs passed. Offline, the last figures stay with a note; none: says why.
 */
class EffectPanel final : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr qint64 kMinAgeMs = 60 * 1000;
    /// Below this many parcels in either group the panel shows no comparison of the two.
    static constexpr int kMinGroup = 20;

    enum Row
    {
        Told,
        NotTold,
        Share,
        Delay,
        RowCount
    };

    EffectPanel(const Clock &clock, QWidget *parent = nullptr);

    void setServerLink(ServerLink *link);
    /// @brief Asks the server for @p period's figures unless the ones shown are of it and recent.
    void load(const KpiPeriod &period);
    /// @brief Shows @p figures (nullopt: none, with @p note saying why).
    void setFigures(const std::optional<EffectFigures> &figures, const QString &note = {});

    [[nodiscard]] const std::optional<EffectFigures> &figures() const { return m_figures; }
    [[nodiscard]] QString valueText(Row row) const;
    [[nodiscard]] QString noteText() const;

Q_SIGNALS:
    /// @brief An answer (or a failure) was shown.
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();

    const Clock &m_clock;
    QPointer<ServerLink> m_link;
    std::optional<EffectFigures> m_figures;
    QString m_note;
    KpiPeriod m_period;
    qint64 m_loadedAt = 0;
    bool m_loading = false;
    std::array<QLabel *, RowCount> m_names{};
    std::array<QLabel *, RowCount> m_values{};
    QLabel *m_noteLabel;
};

} // namespace pd
