#pragma once

#include "models/domain/entities.h"

#include <QDialog>
#include <QTimeZone>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace pd {

class Clock;
class Database;
class RepeatNotice;
class ServerLink;

/**
 * @brief Opens a complaint ticket in the console.
 *
 * Typing or pasting a waybill checks it at once and looks the parcel up in the local cache, and when the
 * cache does not have it (a console holds only the parcels of its tickets) on the server through the
 * ServerLink, keeping what it finds in the cache: a known parcel fills in what it tells (a late parcel
 * suggests "delivery delay", the declared value sets the default priority) and the customer's name from the
 * newest earlier ticket on that waybill the user may read. A waybill neither knows is accepted (data lag,
 * another carrier); offline the dialog says the parcel could not be looked up. Every field shows its own
 * message under it; OK stays disabled until all are valid, and nothing is saved before that. Saving goes
 * through LocalEdits::createTicket (cache and outbox in one transaction).
 */
class NewTicketDialog final : public QDialog
{
    Q_OBJECT
public:
    NewTicketDialog(const Database &db, const Clock &clock, const User &user, QWidget *parent = nullptr,
                    const QTimeZone &companyZone = QTimeZone(QByteArrayLiteral("Asia/Shanghai")));

    /// @brief The ticket to open after OK: the one made (a client id until the server confirms it), or the
    /// open ticket the call was added to as a chase-up (chasedUp()); empty before OK.
    [[nodiscard]] const QString &createdTicketId() const { return m_createdId; }
    /// @brief True when the call went to the customer's open ticket instead of a new one.
    [[nodiscard]] bool chasedUp() const { return m_chasedUp; }
    /// @brief Where parcels the cache does not have are looked up (null or without a client: offline).
    void setServerLink(ServerLink *link) { m_link = link; }

    [[nodiscard]] QLineEdit *waybillField() const { return m_waybill; }
    [[nodiscard]] QLineEdit *nameField() const { return m_name; }
    [[nodiscard]] QLineEdit *phoneField() const { return m_phone; }
    [[nodiscard]] QComboBox *channelBox() const { return m_channel; }
    [[nodiscard]] QComboBox *categoryBox() const { return m_category; }
    [[nodiscard]] QComboBox *priorityBox() const { return m_priority; }
    [[nodiscard]] QPlainTextEdit *descriptionField() const { return m_description; }
    [[nodiscard]] QCheckBox *assignToMeBox() const { return m_assignToMe; }
    [[nodiscard]] QLabel *waybillMessage() const { return m_waybillMessage; }
    [[nodiscard]] QLabel *nameMessage() const { return m_nameMessage; }
    [[nodiscard]] QLabel *phoneMessage() const { return m_phoneMessage; }
    [[nodiscard]] QLabel *descriptionMessage() const { return m_descriptionMessage; }
    [[nodiscard]] QLabel *parcelInfo() const { return m_parcelInfo; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }
    /// @brief Shown when the waybill or phone has an open ticket (a repeat call, 催单).
    [[nodiscard]] RepeatNotice *repeatNotice() const { return m_repeat; }

public Q_SLOTS:
    void accept() override;

private:
    Q_DISABLE_COPY_MOVE(NewTicketDialog)

    /// The fields' signals: validation as typed, defaults, the repeat check.
    void connectFields();
    void waybillChanged();
    /// Shows what the parcel tells and sets the defaults it suggests.
    void showParcel(const Parcel &p);
    /// The cache does not have @p waybill: asks the server, or says why it cannot.
    void lookUpOnServer(const QString &waybill);
    void categoryChanged();
    /// Records the call as a chase-up on @p ticketId (an inbound call, outcome chase_up) and closes.
    void addToOpenTicket(const QString &ticketId);
    void revalidate();
    void setMessage(QLabel *label, const QString &message, bool touched);
    [[nodiscard]] Ticket draft() const;

    const Database &m_db;
    const Clock &m_clock;
    ServerLink *m_link = nullptr;
    User m_user;
    QString m_createdId;
    bool m_chasedUp = false;
    std::optional<Parcel> m_parcel;
    QString m_lookedUp;
    bool m_priorityTouched = false;
    bool m_categoryTouched = false;
    bool m_settingDefaults = false;

    QLineEdit *m_waybill;
    QLabel *m_waybillMessage;
    QLabel *m_parcelInfo;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QLineEdit *m_phone;
    QLabel *m_phoneMessage;
    QComboBox *m_channel;
    QComboBox *m_category;
    QComboBox *m_priority;
    QPlainTextEdit *m_description;
    QLabel *m_descriptionMessage;
    QCheckBox *m_assignToMe;
    QLabel *m_error;
    RepeatNotice *m_repeat;
    QPushButton *m_ok;
};

} // namespace pd
