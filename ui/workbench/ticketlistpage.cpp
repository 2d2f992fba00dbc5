#include "ticketlistpage.h"

#include "models/itemmodels/tickettablemodel.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pd {

namespace {
constexpr int kDebounceMs = 200;
constexpr int kNewestShown = 500;
} // namespace

TicketListPage::TicketListPage(const Database &db, const QTimeZone &companyZone, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_model(new TicketTableModel(companyZone, this))
{
    m_search->setPlaceholderText(
        tr("Search waybill, phone or its last 4 digits, name, ticket number, words…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search tickets"));

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &TicketListPage::reload);
    reload();
}

void TicketListPage::reload()
{
    TicketRepository repo(m_db);
    const QString text = m_search->text().trimmed();
    QList<TicketRow> rows;
    if (text.isEmpty()) {
        TicketQuery q;
        q.order = TicketQuery::Order::CreatedDesc;
        q.limit = kNewestShown;
        rows = repo.query(q).rows;
    } else {
        QList<qint64> pks;
        for (const SearchHit &hit : TicketSearch(m_db).search(text, kNewestShown))
            pks.append(hit.pk);
        rows = repo.byPks(pks);
    }
    m_model->setRows(std::move(rows));
    if (!m_sized && m_model->rowCount() > 0) {
        // Fit the columns to the first real content once; afterwards the person's widths stay.
        m_view->resizeColumnsToContents();
        m_sized = true;
    }
    const int total = repo.totalCount();
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
    if (empty)
        m_empty->setText(total == 0
                             ? tr("The local cache holds no tickets yet. They arrive with the first sync "
                                  "from the server.")
                             : tr("No ticket matches “%1”.").arg(text.toHtmlEscaped()));
    Q_EMIT countChanged(m_model->rowCount(), total);
}

} // namespace pd
