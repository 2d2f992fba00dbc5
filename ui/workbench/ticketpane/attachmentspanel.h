#pragma once

#include "models/domain/attachment.h"
#include "models/store/attachmentrepository.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListView;
class QMenu;
class QModelIndex;
class QPushButton;
class QToolButton;

namespace pd {

class AttachmentListModel;

/**
 * @brief The ticket's files in the pane: a strip of thumbnails (an icon with the kind for PDFs and videos),
 * each with its name and size or evidence tag, a progress bar while it is sent and a mark when the server
 * refused it; the reasons of refusals in a line under the strip; Add files… and the evidence menu; and for
 * damage and loss complaints the evidence checklist, each item ticked when a file of that kind is there.
 *
 * It shows what the pane gives it and says what the person asked for by signals; it writes nothing itself.
 * From the keyboard: Enter (or a double click) on a thumbnail opens it, the Menu key or Evidence ▾ tags it.
 * Kept narrow on purpose (the strip scrolls sideways, texts wrap): the pane's minimum width stays as it was.
 */
class AttachmentsPanel final : public QWidget
{
    Q_OBJECT
public:
    struct ChecklistItem
    {
        EvidenceKind kind;
        bool present;
    };

    explicit AttachmentsPanel(QWidget *parent = nullptr);

    void setAttachments(const QList<AttachmentView> &views);
    /// @brief The items @p wanted for the ticket's category, ticked where in @p present; none hides it.
    void setChecklist(const QList<EvidenceKind> &wanted, const QList<EvidenceKind> &present);
    /// @brief Whether files may be added and tagged now; @p reason is the tooltip when not.
    void setAllowed(bool allowed, const QString &reason);
    /// @brief A refusal of the last add (too large, unreadable), or empty; the upload refusals stay shown.
    void showMessage(const QString &message);

    [[nodiscard]] AttachmentListModel *model() const { return m_model; }
    [[nodiscard]] QListView *view() const { return m_view; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }
    [[nodiscard]] QToolButton *evidenceButton() const { return m_tag; }
    /// @brief The menu of evidence kinds for the current thumbnail (its actions carry the kind's code, or an
    /// empty string for "No evidence tag").
    [[nodiscard]] QMenu *evidenceMenu() const { return m_menu; }
    [[nodiscard]] QList<ChecklistItem> checklist() const { return m_checklist; }
    [[nodiscard]] QLabel *checklistLabel() const { return m_checklistLabel; }
    /// @brief The server's reasons for files it refused, and the last add's refusal.
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }
    /// @brief The id of the thumbnail with the cursor, or empty.
    [[nodiscard]] QString currentId() const;

Q_SIGNALS:
    void addFilesRequested();
    /// @brief Tag @p attachmentId as evidence of @p kind (nullopt: no tag).
    void evidenceChosen(const QString &attachmentId, std::optional<pd::EvidenceKind> kind);
    /// @brief Open the file (double click or Enter on its thumbnail).
    void activated(const QString &attachmentId);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's steps.
    void setUpView();
    void setUpMenu();
    void connectParts();
    Q_DISABLE_COPY_MOVE(AttachmentsPanel)
    void retranslate();
    void showErrors();
    void updateMenu();
    void showChecklist();

    AttachmentListModel *m_model;
    QLabel *m_title;
    QLabel *m_checklistLabel;
    QListView *m_view;
    QPushButton *m_add;
    QToolButton *m_tag;
    QMenu *m_menu;
    QLabel *m_error;
    QList<ChecklistItem> m_checklist;
    QString m_message;
    QString m_reason;
    bool m_allowed = false;
};

} // namespace pd
