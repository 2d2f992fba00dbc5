#pragma once

#include "models/store/outboxrepository.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace pd {

/**
 * @brief The ticket's edits the server refused for good (403, 409, 422…), each with the server's reason.
 *
 * The ticket shows the server's copy; what the person typed is here, with Copy text (to the clipboard, to
 * paste into a new reply or field) and Discard. Nothing is dropped until the person discards it.
 */
class RefusedEdits final : public QFrame
{
    Q_OBJECT
public:
    explicit RefusedEdits(QWidget *parent = nullptr);

    /// @brief Shows these refused edits (hidden when there are none).
    void showRefused(const QList<OutboxItem> &items);
    [[nodiscard]] int count() const { return int(m_items.size()); }

    /// @brief What an edit changed or said, as a person reads it (also what Copy text copies).
    [[nodiscard]] static QString describe(const OutboxItem &item);

Q_SIGNALS:
    void discardRequested(qint64 seq);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    Q_DISABLE_COPY_MOVE(RefusedEdits)

    QLabel *m_title;
    QVBoxLayout *m_rows;
    QList<OutboxItem> m_items;
};

} // namespace pd
