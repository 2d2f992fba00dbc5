#pragma once

#include "models/domain/entities.h"

#include <QTimeZone>
#include <QWidget>

class QFrame;
class QLabel;
class QTreeWidget;
class QVBoxLayout;

namespace pd {

/**
 * @brief The customer and parcel card of the ticket pane: who complains, about which parcel, where it is
 * (tracking timeline) and a frame for the small map.
 *
 * Shows only what it is given; the phone is masked unless the caller says the viewer may see it.
 */
class CustomerCard final : public QWidget
{
    Q_OBJECT
public:
    explicit CustomerCard(const QTimeZone &zone, QWidget *parent = nullptr);

    void setTicket(const Ticket &ticket, bool showFullPhone);
    void setParcel(const std::optional<Parcel> &parcel, const QList<TrackingEvent> &tracking, Instant now);
    void clear();
    /// @brief Puts @p map into the map frame (the card takes ownership); nullptr restores the placeholder.
    void setMiniMap(QWidget *map);

    [[nodiscard]] QString customerText() const;
    [[nodiscard]] QString parcelText() const;
    [[nodiscard]] QTreeWidget *trackingView() const { return m_tracking; }
    [[nodiscard]] QFrame *mapFrame() const { return m_mapFrame; }

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(CustomerCard)
    void retranslate();

    QTimeZone m_zone;
    QLabel *m_customer;
    QLabel *m_parcel;
    QTreeWidget *m_tracking;
    QFrame *m_mapFrame;
    QVBoxLayout *m_mapLayout;
    QLabel *m_mapPlaceholder;
    QWidget *m_map = nullptr;
};

} // namespace pd
