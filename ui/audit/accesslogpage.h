#pragma once

#include "sync/api/auditapi.h"
#include "ui/common/serverlink.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pd {

class AccessLogModel;
class Clock;

/**
 * @brief The access log page (managers and administrators; the main window shows it to no one else): who
 * revealed or exported customer data, when, why.
 *
 * Searches the server's append-only log (GET /audit) by user, customer phone, kind and a time range given in
 * the company's time zone; shows a page of entries, newest first, and appends older ones with "Load more"
 * (keyset paging by entry id). "Export CSV…" saves the server's CSV of the whole search as it came (the
 * server logs that export too). Nothing of the log is kept on this computer except a file the person saves.
 */
class AccessLogPage final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDefaultPageSize = 100;

    /// @param clock for the default range (the last seven days of the company's calendar).
    AccessLogPage(ServerLink *link, const QTimeZone &companyZone, const Clock &clock,
                  QWidget *parent = nullptr);
    ~AccessLogPage() override;

    /// @brief Entries per page (tests use small pages).
    void setPageSize(int entries) { m_pageSize = qBound(1, entries, 1000); }

    [[nodiscard]] AccessLogModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QLineEdit *userField() const { return m_user; }
    [[nodiscard]] QLineEdit *phoneField() const { return m_phone; }
    [[nodiscard]] QComboBox *kindBox() const { return m_kind; }
    [[nodiscard]] QCheckBox *fromCheck() const { return m_fromOn; }
    [[nodiscard]] QCheckBox *toCheck() const { return m_toOn; }
    [[nodiscard]] QDateTimeEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QDateTimeEdit *toEdit() const { return m_to; }
    [[nodiscard]] QPushButton *searchButton() const { return m_search; }
    [[nodiscard]] QPushButton *moreButton() const { return m_more; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] bool busy() const { return m_busy; }

    /// @brief The search the fields describe; nullopt (and the reason in the status line) when one is
    /// invalid.
    [[nodiscard]] std::optional<AccessLogQuery> queryFromFields();

public Q_SLOTS:
    /// @brief A new search with the fields' values; the first page replaces the table.
    void search();
    /// @brief The next, older page of the last search.
    void loadMore();
    /// @brief Asks for a file name, then exportCsvTo().
    void exportCsv();
    /// @brief Saves the server's CSV of the last search (every matching entry) to @p path.
    void exportCsvTo(const QString &path);
    /// @brief Forgets the entries shown (another user signs in).
    void clear();

Q_SIGNALS:
    /// @brief A search or "load more" answered; @p ok false with the message in the status line.
    void loaded(bool ok);
    /// @brief An export ended; @p ok false with the message in the status line.
    void exported(bool ok, const QString &path);

private:
    Q_DISABLE_COPY_MOVE(AccessLogPage)
    void buildUi();
    void retranslate();
    void fetch(const AccessLogQuery &query, bool append);
    void setBusy(bool busy);
    void showStatus();
    [[nodiscard]] static QString failure(const ApiResult &result);

    QPointer<ServerLink> m_link;
    QTimeZone m_zone;
    const Clock &m_clock;
    AccessLogModel *m_model;
    AccessLogQuery m_query; ///< the last search, without paging
    bool m_searched = false;
    bool m_hasMore = false;
    qint64 m_nextBefore = 0;
    int m_pageSize = kDefaultPageSize;
    int m_generation = 0;
    bool m_busy = false;
    QString m_error;

    QLineEdit *m_user = nullptr;
    QLineEdit *m_phone = nullptr;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_fromOn = nullptr;
    QCheckBox *m_toOn = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_search = nullptr;
    QPushButton *m_more = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace pd
