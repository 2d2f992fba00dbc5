#pragma once

#include "models/store/localedits.h"

#include <QFrame>

class QJsonValue;
class QLabel;
class QPushButton;
class QTableWidget;

namespace pd {

/**
 * @brief Shown when the server refused a person's change because the ticket changed meanwhile: the
 * person's fields beside the server's, and the two choices (keep mine / take theirs).
 */
class ConflictBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ConflictBanner(QWidget *parent = nullptr);

    void showConflict(const TicketConflict &conflict);

    /// @brief A ticket field's name as people read it ("priority" → "Priority").
    [[nodiscard]] static QString fieldLabel(const QString &field);
    /// @brief A field's value as people read it (enum codes by their names, "(empty)" for none).
    [[nodiscard]] static QString valueText(const QString &field, const QJsonValue &value);

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QPushButton *keepMineButton() const { return m_keepMine; }
    [[nodiscard]] QPushButton *takeTheirsButton() const { return m_takeTheirs; }

Q_SIGNALS:
    void keepMine();
    void takeTheirs();

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    Q_DISABLE_COPY_MOVE(ConflictBanner)

    QLabel *m_title;
    QTableWidget *m_table;
    QPushButton *m_keepMine;
    QPushButton *m_takeTheirs;
};

} // namespace pd
