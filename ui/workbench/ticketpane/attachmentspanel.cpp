#include "attachmentspanel.h"

#include "attachmentlistmodel.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QStyleOption>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr int kCellWidth = 104;
constexpr int kCellHeight = 122;

// A thumbnail with its name and, below, its evidence tag or size; a progress bar while it is sent and a ✖
// while the server refuses it (the reason is in the line under the strip and in the tooltip).
class AttachmentDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString evidence = index.data(AttachmentListModel::EvidenceRole).toString();
        const auto kind = fromCode<EvidenceKind>(evidence);
        const QString second =
            kind ? displayName(*kind) : index.data(AttachmentListModel::SizeTextRole).toString();
        option->text = option->text + u'\n' + second;
        option->textElideMode = Qt::ElideMiddle; // "外箱照片….jpg" keeps its kind
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const int progress = index.data(AttachmentListModel::ProgressRole).toInt();
        const auto state = AttachmentState(index.data(AttachmentListModel::StateRole).toInt());
        const QRect r = option.rect.adjusted(4, 0, -4, 0);
        if (progress >= 0) {
            QStyleOptionProgressBar bar;
            bar.rect = QRect(r.left(), r.top() + AttachmentThumbnails::kSize - 8, r.width(), 8);
            bar.minimum = 0;
            bar.maximum = 100;
            bar.progress = progress;
            bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
            QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
        }
        if (state == AttachmentState::Failed || state == AttachmentState::Queued) {
            painter->save();
            const bool failed = state == AttachmentState::Failed;
            painter->setPen(failed ? QColor(0xc0, 0x26, 0x2d) : QColor(0x5f, 0x63, 0x68));
            QFont f = painter->font();
            f.setBold(true);
            painter->setFont(f);
            // ✖ refused, ‖ waiting: symbols the installed fonts draw (docs/ticketpane.md, SlaPanel)
            painter->drawText(r.adjusted(0, 2, -2, 0), Qt::AlignTop | Qt::AlignRight,
                              failed ? u"✖"_s : u"‖"_s);
            painter->restore();
        }
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        return {kCellWidth, kCellHeight};
    }
};

} // namespace

AttachmentsPanel::AttachmentsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new AttachmentListModel(this))
    , m_title(new QLabel(this))
    , m_checklistLabel(new QLabel(this))
    , m_view(new QListView(this))
    , m_add(new QPushButton(this))
    , m_tag(new QToolButton(this))
    , m_menu(new QMenu(this))
    , m_error(new QLabel(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true); // "Files (3)" may wrap; the buttons beside it keep the row narrow
    m_checklistLabel->setTextFormat(Qt::PlainText);
    m_checklistLabel->setWordWrap(true);
    m_checklistLabel->hide();
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c0262d;"_s);
    m_error->hide();

    // At least a line of text, not the buttons' height (taller in CJK): a language switch keeps the window.
    setMinimumHeight(fontMetrics().lineSpacing());
    setUpView();
    setUpMenu();
    // Title and buttons on one line; the strip only when there are files, so a ticket without any keeps the
    // room for its conversation.
    auto *row = new QHBoxLayout;
    row->addWidget(m_title, 1);
    row->addWidget(m_tag);
    row->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_checklistLabel);
    layout->addWidget(m_view);
    layout->addWidget(m_error);
    m_view->hide();

    connectParts();
    retranslate();
}

void AttachmentsPanel::setUpView()
{
    m_view->setModel(m_model);
    m_view->setItemDelegate(new AttachmentDelegate(m_view));
    m_view->setViewMode(QListView::IconMode);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(false); // one row that scrolls sideways: never wider than the pane
    m_view->setMovement(QListView::Static);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setIconSize(QSize(AttachmentThumbnails::kSize, AttachmentThumbnails::kSize));
    m_view->setGridSize(QSize(kCellWidth + 6, kCellHeight + 4));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setFixedHeight(kCellHeight + 8 + m_view->horizontalScrollBar()->sizeHint().height());
    m_view->setMinimumWidth(kCellWidth);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
}

void AttachmentsPanel::setUpMenu()
{
    auto *group = new QActionGroup(m_menu);
    for (const QString &code : allCodes<EvidenceKind>()) {
        QAction *a = m_menu->addAction(QString());
        a->setData(code);
        a->setCheckable(true);
        group->addAction(a);
    }
    m_menu->addSeparator();
    QAction *none = m_menu->addAction(QString());
    none->setData(QString());
    none->setCheckable(true);
    group->addAction(none);
    m_tag->setMenu(m_menu);
    m_tag->setPopupMode(QToolButton::InstantPopup);
    m_tag->setEnabled(false);
}

void AttachmentsPanel::connectParts()
{
    connect(m_add, &QPushButton::clicked, this, &AttachmentsPanel::addFilesRequested);
    connect(m_menu, &QMenu::aboutToShow, this, &AttachmentsPanel::updateMenu);
    connect(m_menu, &QMenu::triggered, this, [this](QAction *a) {
        const QString id = currentId();
        if (id.isEmpty())
            return;
        const QString code = a->data().toString();
        Q_EMIT evidenceChosen(id, code.isEmpty() ? std::nullopt : fromCode<EvidenceKind>(code));
    });
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &i) {
        Q_EMIT activated(i.data(AttachmentListModel::IdRole).toString());
    });
    connect(m_view, &QListView::customContextMenuRequested, this, [this](const QPoint &at) {
        if (m_tag->isEnabled() && !currentId().isEmpty())
            m_menu->popup(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_tag->setEnabled(m_allowed && !currentId().isEmpty()); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_tag->setEnabled(m_allowed && !currentId().isEmpty()); });
}

void AttachmentsPanel::retranslate()
{
    const int files = m_model->rowCount();
    m_title->setText(files == 0 ? tr("Files: none yet") : tr("Files (%1)").arg(files));
    m_view->setAccessibleName(tr("Files of the ticket"));
    m_add->setText(tr("Add f&iles…"));
    m_add->setToolTip(m_allowed ? tr("Add photos, PDFs or videos (at most 20 MB each); you can also drop "
                                     "files on the pane or paste a picture into the reply")
                                : m_reason);
    m_tag->setText(tr("Evidence"));
    m_tag->setToolTip(tr("What the chosen file shows, for the evidence checklist"));
    for (QAction *a : m_menu->actions()) {
        if (a->isSeparator())
            continue;
        const auto kind = fromCode<EvidenceKind>(a->data().toString());
        a->setText(kind ? displayName(*kind) : tr("No evidence tag"));
    }
    showChecklist();
    showErrors();
}

void AttachmentsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString AttachmentsPanel::currentId() const
{
    return m_view->currentIndex().data(AttachmentListModel::IdRole).toString();
}

void AttachmentsPanel::setAttachments(const QList<AttachmentView> &views)
{
    const QString current = currentId();
    m_model->setAttachments(views);
    const int row = m_model->rowOf(current);
    if (row >= 0 && m_view->currentIndex().row() != row)
        m_view->setCurrentIndex(m_model->index(row));
    m_tag->setEnabled(m_allowed && !currentId().isEmpty());
    m_view->setVisible(m_model->rowCount() > 0);
    retranslate(); // the count in the title
}

void AttachmentsPanel::setChecklist(const QList<EvidenceKind> &wanted, const QList<EvidenceKind> &present)
{
    m_checklist.clear();
    for (EvidenceKind k : wanted)
        m_checklist.append({k, present.contains(k)});
    showChecklist();
}

void AttachmentsPanel::showChecklist()
{
    // Symbol and words, so it reads without colour: "✔ Outer box · ✖ Goods (missing)".
    QStringList items;
    for (const ChecklistItem &item : std::as_const(m_checklist))
        items.append(item.present ? tr("✔ %1").arg(displayName(item.kind))
                                  : tr("✖ %1 (missing)").arg(displayName(item.kind)));
    m_checklistLabel->setText(tr("Evidence asked for: %1").arg(items.join(u" · "_s)));
    m_checklistLabel->setVisible(!m_checklist.isEmpty());
}

void AttachmentsPanel::setAllowed(bool allowed, const QString &reason)
{
    m_allowed = allowed;
    m_reason = reason;
    m_add->setEnabled(allowed);
    m_tag->setEnabled(allowed && !currentId().isEmpty());
    retranslate();
}

void AttachmentsPanel::showMessage(const QString &message)
{
    m_message = message;
    showErrors();
}

void AttachmentsPanel::showErrors()
{
    QStringList lines;
    if (!m_message.isEmpty())
        lines.append(m_message);
    for (const AttachmentView &v : m_model->attachments())
        if (v.state == AttachmentState::Failed)
            lines.append(tr("%1 was not sent: %2").arg(v.attachment.name, v.error));
    m_error->setText(lines.join(u'\n'));
    m_error->setVisible(!lines.isEmpty());
}

void AttachmentsPanel::updateMenu()
{
    const int row = m_model->rowOf(currentId());
    const QString code =
        row < 0 ? QString() : m_model->index(row).data(AttachmentListModel::EvidenceRole).toString();
    for (QAction *a : m_menu->actions())
        if (!a->isSeparator())
            a->setChecked(a->data().toString() == code);
}

} // namespace pd
