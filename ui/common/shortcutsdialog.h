#pragma once

#include <QDialog>

class QTableWidget;

namespace pd {

/// @brief F1: every keyboard shortcut of the window, read from its actions (so the list is never stale).
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QWidget *window, QWidget *parent = nullptr);
    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace pd
