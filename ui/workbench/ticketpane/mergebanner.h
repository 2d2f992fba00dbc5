#pragma once

#include "paneactions.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace pd {

/**
 * @brief Above the ticket: where a merged ticket went ("Merged into C2612-000045" with Open), or the open
 * ticket the server found for the same waybill when this one arrived ("Likely a duplicate of …" with Open
 * and, for supervisors, Merge into it…). Hidden for every other ticket.
 */
class MergeBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit MergeBanner(QWidget *parent = nullptr);

    /// @brief Shows @p t's merged or duplicate state; @p merge says whether the user may merge it.
    void showTicket(const Ticket &t, const ActionCheck &merge);
    void clear();

    [[nodiscard]] QLabel *message() const { return m_text; }
    [[nodiscard]] QPushButton *openButton() const { return m_open; }
    [[nodiscard]] QPushButton *mergeButton() const { return m_merge; }

Q_SIGNALS:
    void openRequested(const QString &ticketId);
    void mergeRequested(const QString &intoId);

protected:
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(MergeBanner)
    void retranslate();

    QLabel *m_text;
    QPushButton *m_open;
    QPushButton *m_merge;
    QString m_targetId;
    QString m_targetNumber;
    bool m_merged = false;
    ActionCheck m_check;
};

} // namespace pd
