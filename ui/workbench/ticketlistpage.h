#pragma once

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace pd {

class Database;
class TicketTableModel;

/**
 * @brief The tickets in the local cache with search as you type.
 *
 * Shows the newest 500 tickets, or what the search box finds (waybill, phone or its last four digits, name,
 * ticket number, words of the complaint or conversation). Reads only the cache.
 */
class TicketListPage final : public QWidget
{
    Q_OBJECT
public:
    TicketListPage(const Database &db, const QTimeZone &companyZone, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] const TicketTableModel *model() const { return m_model; }

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void countChanged(int shown, int total);

private:
    Q_DISABLE_COPY_MOVE(TicketListPage)

    const Database &m_db;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_empty;
    QTimer *m_debounce;
    TicketTableModel *m_model;
    bool m_sized = false;
};

} // namespace pd
