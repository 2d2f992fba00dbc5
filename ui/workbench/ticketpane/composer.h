#pragma once

#include "cannedreplies.h"

#include <QHash>
#include <QWidget>

class QAction;
class QComboBox;
class QImage;
class QKeySequence;
class QLabel;
class QMimeData;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace pd {

/**
 * @brief The reply and internal-note boxes of the ticket pane, with canned replies and per-ticket drafts.
 *
 * Nothing typed is lost: switching tickets keeps the text of each ticket's boxes in memory and brings it
 * back, and a box is cleared only after its text was saved (sent()).
 *
 * From the keyboard: Tab and Shift+Tab move the cursor out of a box (no tab characters are typed), and
 * Ctrl+Enter sends the box being typed in (sendAction(): active while the cursor is in the composer; the
 * main window lists it in its Ticket menu, so F1 shows it).
 *
 * A picture pasted (or dropped) into the reply or note box is not typed as text: it is handed on as
 * imagePasted(), and files dropped on a box as filesDropped(), for the pane to attach to the ticket.
 */
class Composer final : public QWidget
{
    Q_OBJECT
public:
    enum class Box
    {
        Reply,
        Note
    };

    explicit Composer(QWidget *parent = nullptr);

    /// @brief Ctrl+Return and Ctrl+Enter (keypad): the keys that send or submit what is being typed.
    [[nodiscard]] static QList<QKeySequence> sendKeys();

    /// @brief Keeps the current ticket's text as its draft and shows @p ticketId's draft (empty id: none).
    void switchTo(const QString &ticketId);
    [[nodiscard]] const QString &ticketId() const { return m_ticketId; }
    /// @brief The draft kept for a ticket (the live text for the current one).
    [[nodiscard]] QString draft(const QString &ticketId, Box box) const;
    /// @brief Forgets every draft and empties both boxes (sign-out: the next person must not see them).
    void forgetDrafts();

    void setCannedReplies(const QList<CannedReply> &replies);
    void setTemplateValues(const QHash<QString, QString> &values) { m_values = values; }
    /// @brief Inserts canned reply @p index, placeholders filled, at the cursor of the reply box.
    void insertCanned(int index);

    void setAllowed(Box box, bool allowed, const QString &reason);
    void focusBox(Box box);
    /// @brief Sends the box shown (the reply or the internal note), as its button does.
    void sendShown();
    /// @brief "Send reply or note" with Ctrl+Enter, active while the cursor is in the composer.
    [[nodiscard]] QAction *sendAction() const { return m_send; }
    /// @brief The text of @p box was saved: clears it and its draft.
    void sent(Box box);
    void showError(const QString &message);

    [[nodiscard]] QPlainTextEdit *editor(Box box) const { return box == Box::Reply ? m_reply : m_note; }
    [[nodiscard]] QPushButton *sendButton(Box box) const
    {
        return box == Box::Reply ? m_sendReply : m_addNote;
    }
    [[nodiscard]] QComboBox *cannedPicker() const { return m_canned; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }

Q_SIGNALS:
    void submitted(Composer::Box box, const QString &text);
    /// @brief A picture was pasted or dropped into @p box (the clipboard's image, not its file name).
    void imagePasted(Composer::Box box, const QImage &image);
    /// @brief Local files were dropped on @p box.
    void filesDropped(Composer::Box box, const QStringList &paths);

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(Composer)
    void retranslate();
    /// The pasted or dropped data of @p box when it is a picture or files (emitted), false for text.
    bool takeMime(Box box, const QMimeData *mime);

    struct Draft
    {
        QString reply;
        QString note;
    };

    QString m_ticketId;
    QHash<QString, Draft> m_drafts;
    QList<CannedReply> m_replies;
    QHash<QString, QString> m_values;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_reply;
    QPlainTextEdit *m_note;
    QComboBox *m_canned;
    QPushButton *m_insert;
    QPushButton *m_sendReply;
    QPushButton *m_addNote;
    QLabel *m_error;
    QAction *m_send;
};

} // namespace pd
