#include "composer.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

// A text box that hands pictures and local files on instead of inserting their names or nothing: the
// clipboard of a screenshot tool or a chat program holds image/png (often beside text/html), a file manager's
// drop holds file:// URLs.
class AttachingEdit final : public QPlainTextEdit
{
public:
    using Take = std::function<bool(const QMimeData *)>;
    AttachingEdit(Take take, QWidget *parent)
        : QPlainTextEdit(parent)
        , m_take(std::move(take))
    {}

    [[nodiscard]] static bool hasLocalFiles(const QMimeData *mime)
    {
        const QList<QUrl> urls = mime->urls();
        return !urls.isEmpty() &&
               std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &u) { return u.isLocalFile(); });
    }

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override
    {
        return source->hasImage() || hasLocalFiles(source) || QPlainTextEdit::canInsertFromMimeData(source);
    }
    void insertFromMimeData(const QMimeData *source) override
    {
        if (!m_take(source))
            QPlainTextEdit::insertFromMimeData(source);
    }

private:
    Take m_take;
};

} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_reply(new AttachingEdit([this](const QMimeData *m) { return takeMime(Box::Reply, m); }, this))
    , m_note(new AttachingEdit([this](const QMimeData *m) { return takeMime(Box::Note, m); }, this))
    , m_canned(new QComboBox(this))
    , m_insert(new QPushButton(this))
    , m_sendReply(new QPushButton(this))
    , m_addNote(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_send(new QAction(this))
{
    m_reply->setTabChangesFocus(true);
    m_note->setTabChangesFocus(true);
    m_send->setShortcuts(sendKeys());
    // Only while the cursor is in the reply or note box (or on the composer's buttons): elsewhere the
    // keys must not send a draft the agent is not looking at.
    m_send->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_send);
    connect(m_send, &QAction::triggered, this, &Composer::sendShown);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c0262d"_s);
    m_error->hide();

    auto *replyPage = new QWidget(this);
    auto *replyLayout = new QVBoxLayout(replyPage);
    auto *cannedRow = new QHBoxLayout;
    cannedRow->addWidget(m_canned, 1);
    cannedRow->addWidget(m_insert);
    replyLayout->addLayout(cannedRow);
    replyLayout->addWidget(m_reply, 1);
    replyLayout->addWidget(m_sendReply, 0, Qt::AlignRight);

    auto *notePage = new QWidget(this);
    auto *noteLayout = new QVBoxLayout(notePage);
    noteLayout->addWidget(m_note, 1);
    noteLayout->addWidget(m_addNote, 0, Qt::AlignRight);

    m_tabs->addTab(replyPage, QString());
    m_tabs->addTab(notePage, QString());
    retranslate();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);

    connect(m_insert, &QPushButton::clicked, this, [this] { insertCanned(m_canned->currentIndex()); });
    connect(m_sendReply, &QPushButton::clicked, this,
            [this] { Q_EMIT submitted(Box::Reply, m_reply->toPlainText()); });
    connect(m_addNote, &QPushButton::clicked, this,
            [this] { Q_EMIT submitted(Box::Note, m_note->toPlainText()); });
    setCannedReplies(CannedReplies::defaults());
}

bool Composer::takeMime(Box box, const QMimeData *mime)
{
    if (mime->hasImage()) {
        const auto image = qvariant_cast<QImage>(mime->imageData());
        if (!image.isNull()) {
            Q_EMIT imagePasted(box, image);
            return true;
        }
    }
    if (AttachingEdit::hasLocalFiles(mime)) {
        QStringList paths;
        for (const QUrl &u : mime->urls())
            paths.append(u.toLocalFile());
        Q_EMIT filesDropped(box, paths);
        return true;
    }
    return false; // text: typed as usual
}

QList<QKeySequence> Composer::sendKeys()
{
    return {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)};
}

void Composer::sendShown()
{
    const Box box = m_tabs->currentIndex() == 0 ? Box::Reply : Box::Note;
    Q_EMIT submitted(box, editor(box)->toPlainText());
}

void Composer::retranslate()
{
    m_send->setText(tr("Sen&d reply or note"));
    m_insert->setText(tr("Insert"));
    m_sendReply->setText(tr("Send reply"));
    m_addNote->setText(tr("Add note"));
    m_reply->setPlaceholderText(tr("Reply to the customer…"));
    m_reply->setAccessibleName(tr("Reply"));
    m_note->setPlaceholderText(tr("Internal note (the customer never sees it)…"));
    m_note->setAccessibleName(tr("Internal note"));
    m_canned->setAccessibleName(tr("Canned replies"));
    m_tabs->setTabText(0, tr("Reply"));
    m_tabs->setTabText(1, tr("Internal note"));
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void Composer::switchTo(const QString &ticketId)
{
    if (ticketId == m_ticketId)
        return;
    if (!m_ticketId.isEmpty()) {
        const Draft d{m_reply->toPlainText(), m_note->toPlainText()};
        if (d.reply.isEmpty() && d.note.isEmpty())
            m_drafts.remove(m_ticketId);
        else
            m_drafts.insert(m_ticketId, d);
    }
    m_ticketId = ticketId;
    const Draft d = m_drafts.value(ticketId);
    m_reply->setPlainText(d.reply);
    m_note->setPlainText(d.note);
    m_error->hide();
}

void Composer::forgetDrafts()
{
    m_drafts.clear();
    m_ticketId.clear();
    m_reply->clear();
    m_note->clear();
    m_error->hide();
}

QString Composer::draft(const QString &ticketId, Box box) const
{
    if (ticketId == m_ticketId)
        return editor(box)->toPlainText();
    const Draft d = m_drafts.value(ticketId);
    return box == Box::Reply ? d.reply : d.note;
}

void Composer::setCannedReplies(const QList<CannedReply> &replies)
{
    m_replies = replies;
    const int current = m_canned->currentIndex(); // the same choice after a language change
    m_canned->clear();
    for (const CannedReply &r : replies)
        m_canned->addItem(r.title);
    if (current >= 0 && current < m_canned->count())
        m_canned->setCurrentIndex(current);
}

void Composer::insertCanned(int index)
{
    if (index < 0 || index >= m_replies.size() || !m_insert->isEnabled())
        return;
    m_tabs->setCurrentIndex(0);
    m_reply->insertPlainText(CannedReplies::expand(m_replies[index].body, m_values));
    m_reply->setFocus();
}

void Composer::setAllowed(Box box, bool allowed, const QString &reason)
{
    // The box stays editable (a draft can always be typed); only saving is refused, with the reason.
    QPushButton *button = sendButton(box);
    button->setEnabled(allowed);
    const QString keys = sendKeys().constFirst().toString(QKeySequence::NativeText);
    if (allowed)
        button->setToolTip(box == Box::Reply ? tr("Send the reply (%1)").arg(keys)
                                             : tr("Add the note (%1)").arg(keys));
    else
        button->setToolTip(reason);
    button->setStatusTip(reason);
    if (box == Box::Reply) {
        m_insert->setEnabled(allowed);
        m_insert->setToolTip(reason);
    }
}

void Composer::focusBox(Box box)
{
    m_tabs->setCurrentIndex(box == Box::Reply ? 0 : 1);
    editor(box)->setFocus();
}

void Composer::sent(Box box)
{
    editor(box)->clear();
    Draft d = m_drafts.value(m_ticketId);
    (box == Box::Reply ? d.reply : d.note).clear();
    m_drafts.insert(m_ticketId, d);
    m_error->hide();
}

void Composer::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace pd
