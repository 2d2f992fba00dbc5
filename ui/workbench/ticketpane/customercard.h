#pragma once

#include "customerreveal.h"
#include "models/domain/entities.h"

#include <QTimeZone>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace pd {

/**
 * @brief The customer and parcel card of the ticket pane: who complains, about which parcel, where it is
 * (tracking timeline) and a frame for the small map.
 *
 * Shows only what it is given; the phone is masked unless the caller says the viewer may see it. Values the
 * server sent masked (138****5678, 王*, 杭州市****) have a "Show …" button beside them (enabled as the caller
 * says); values revealed on purpose (setRevealed) replace the masked ones until the card is cleared.
 */
class CustomerCard final : public QWidget
{
    Q_OBJECT
public:
    explicit CustomerCard(const QTimeZone &zone, QWidget *parent = nullptr);

    void setTicket(const Ticket &ticket, bool showFullPhone);
    void setParcel(const std::optional<Parcel> &parcel, const QList<TrackingEvent> &tracking, Instant now);
    /// @brief Full values revealed for the ticket shown; they replace the masked ones.
    void setRevealed(const RevealedValues &values);
    /// @brief Enables the "Show …" button of @p field, or disables it with @p check's reason as tooltip.
    void setRevealAllowed(CustomerField field, const ActionCheck &check);
    /// @brief While a reveal is on its way: "Asking the server…" and the buttons disabled.
    void setRevealBusy(bool busy);
    void clear();
    /// @brief Puts @p map into the map frame (the card takes ownership); nullptr restores the placeholder.
    void setMiniMap(QWidget *map);

    [[nodiscard]] QString customerText() const;
    [[nodiscard]] QString parcelText() const;
    [[nodiscard]] QTreeWidget *trackingView() const { return m_tracking; }
    [[nodiscard]] QFrame *mapFrame() const { return m_mapFrame; }
    [[nodiscard]] QPushButton *revealButton(CustomerField field) const;

    /// @brief How the card shows a phone: as sent when masked, else full or masked as the viewer may see it.
    [[nodiscard]] static QString shownPhone(const QString &phone, bool showFull);

Q_SIGNALS:
    /// @brief A "Show …" button was pressed.
    void revealRequested(pd::CustomerField field);

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(CustomerCard)
    void retranslate();
    void showCustomer();
    void showParcel();
    void showTracking();

    QTimeZone m_zone;
    std::optional<Ticket> m_ticket;
    bool m_showFullPhone = false;
    std::optional<Parcel> m_parcelShown;
    QList<TrackingEvent> m_trackingShown;
    Instant m_now = 0;
    RevealedValues m_revealed;
    QLabel *m_customer;
    QLabel *m_parcel;
    QPushButton *m_showPhone;
    QPushButton *m_showName;
    QPushButton *m_showAddress;
    QLabel *m_revealStatus;
    QTreeWidget *m_tracking;
    QFrame *m_mapFrame;
    QVBoxLayout *m_mapLayout;
    QLabel *m_mapPlaceholder;
    QWidget *m_map = nullptr;
};

} // namespace pd
