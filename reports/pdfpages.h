#pragma once

#include "barchart.h"
#include "reporttables.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <functional>

namespace pd {

/**
 * @brief The pages of a report PDF (weekly and monthly appeals): A4 through QPdfWriter + QPainter, a running
 * header and a page number on every page, headings, notes, tables that repeat their header after a page
 * break, bar charts (BarChart). Needs a QGuiApplication (offscreen is fine) for its fonts.
 */
class PdfPages final
{
    Q_DECLARE_TR_FUNCTIONS(pd::ReportExporter)
public:
    /// @p headerLeft / @p headerRight: the running header of every page (company; report and period).
    PdfPages(QPdfWriter &writer, const QString &family, QString headerLeft, QString headerRight)
        : m_writer(writer)
        , m_headerLeft(std::move(headerLeft))
        , m_headerRight(std::move(headerRight))
    {
        m_font = QFont(family);
        // Shaping swaps some Latin glyphs (digits, "fi") for forms outside the font's cmap, which the PDF's
        // ToUnicode map then cannot name: copy-paste and pdftotext would lose them.
        m_font.setStyleStrategy(QFont::PreferNoShaping);
        m_font.setPointSizeF(8.5);
        m_bold = m_font;
        m_bold.setBold(true);
        m_title = m_bold;
        m_title.setPointSizeF(15);
        m_h2 = m_bold;
        m_h2.setPointSizeF(11);
        m_painter.begin(&m_writer);
        const QRectF page = m_painter.viewport();
        m_width = page.width();
        m_bottom = page.height() - 28;
        startPage();
    }
    ~PdfPages() { m_painter.end(); }
    PdfPages(const PdfPages &) = delete;
    PdfPages &operator=(const PdfPages &) = delete;

    [[nodiscard]] bool ok() const { return m_painter.isActive(); }
    [[nodiscard]] int pages() const { return m_page; }

    void newPage()
    {
        m_writer.newPage();
        startPage();
    }
    void ensure(double h)
    {
        if (m_y + h > m_bottom)
            newPage();
    }
    void title(const QString &text, const QString &sub)
    {
        m_painter.setFont(m_title);
        m_painter.drawText(QRectF(0, m_y, m_width, 22), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += 24;
        m_painter.setFont(m_font);
        m_painter.drawText(QRectF(0, m_y, m_width, 14), Qt::AlignLeft | Qt::AlignVCenter, sub);
        m_y += 20;
    }
    void heading(const QString &text)
    {
        ensure(50);
        m_y += 6;
        m_painter.setFont(m_h2);
        m_painter.drawText(QRectF(0, m_y, m_width, 16), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += 18;
    }
    void note(const QString &text)
    {
        ensure(14);
        m_painter.setFont(m_font);
        m_painter.setPen(QColor(0x55, 0x55, 0x55));
        m_painter.drawText(QRectF(0, m_y, m_width, 12), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_painter.setPen(Qt::black);
        m_y += 14;
    }

    /// Wrapped text over the page's width (CJK text breaks between characters).
    void paragraph(const QString &text)
    {
        m_painter.setFont(m_font);
        const QRectF box = m_painter.boundingRect(QRectF(0, 0, m_width, 1000), Qt::TextWordWrap, text);
        ensure(box.height() + 6);
        m_painter.drawText(QRectF(0, m_y, m_width, box.height()), Qt::TextWordWrap | Qt::AlignLeft, text);
        m_y += box.height() + 6;
    }

    /// A table; after a page break its header row is drawn again. @p colour picks a cell's text colour.
    void table(const ReportTable &t, int maxRows, const std::function<QColor(int, int)> &colour = {})
    {
        heading(t.title);
        if (t.rows.isEmpty()) {
            note(tr("No data."));
            return;
        }
        QList<double> x;
        const int total = std::max(1, [&] {
            int s = 0;
            for (int w : t.widths)
                s += w;
            return s;
        }());
        double acc = 0;
        for (int i = 0; i < t.header.size(); ++i) {
            x.append(acc);
            acc += m_width * (i < t.widths.size() ? t.widths[i] : 1) / total;
        }
        x.append(m_width);
        const double rowH = 14;
        const auto drawRow = [&](const QStringList &cells, bool header, bool shade) {
            if (header || shade)
                m_painter.fillRect(QRectF(0, m_y, m_width, rowH),
                                   header ? QColor(0xDD, 0xE6, 0xF0) : QColor(0xF6, 0xF8, 0xFA));
            m_painter.setFont(header ? m_bold : m_font);
            const QFontMetricsF fm(m_painter.font());
            for (int c = 0; c < cells.size() && c + 1 < x.size(); ++c) {
                const QRectF cell(x[c] + 3, m_y, x[c + 1] - x[c] - 6, rowH);
                const bool numeric = c > 0;
                m_painter.drawText(cell, (numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                                   fm.elidedText(cells[c], Qt::ElideRight, cell.width()));
            }
            m_y += rowH;
        };
        ensure(rowH * 3);
        drawRow(t.header, true, false);
        const int n = maxRows > 0 ? std::min<int>(maxRows, int(t.rows.size())) : int(t.rows.size());
        for (int r = 0; r < n; ++r) {
            if (m_y + rowH > m_bottom) {
                newPage();
                drawRow(t.header, true, false);
            }
            if (colour) {
                // Colour applies to the whole row's status cells; drawn cell by cell below.
                const QStringList &cells = t.rows[r];
                const QColor rowColour = colour(r, int(cells.size()) - 1);
                drawRow(cells, false, r % 2 == 1);
                if (rowColour.isValid()) {
                    m_y -= rowH;
                    const int c = int(cells.size()) - 1;
                    const QRectF cell(x[c] + 3, m_y, x[c + 1] - x[c] - 6, rowH);
                    m_painter.fillRect(QRectF(x[c], m_y, x[c + 1] - x[c], rowH),
                                       r % 2 == 1 ? QColor(0xF6, 0xF8, 0xFA) : QColor(Qt::white));
                    m_painter.setPen(rowColour);
                    m_painter.drawText(cell, Qt::AlignRight | Qt::AlignVCenter, cells[c]);
                    m_painter.setPen(Qt::black);
                    m_y += rowH;
                }
            } else {
                drawRow(t.rows[r], false, r % 2 == 1);
            }
        }
        if (n < t.rows.size())
            note(tr("Top %1 of %2 rows; the XLSX and CSV files list them all.").arg(n).arg(t.rows.size()));
        m_y += 4;
    }

    /// Vertical bars with labels under them, and an optional line (0..1) on the right axis (BarChart).
    void bars(const QString &caption, const QStringList &labels, const QList<double> &values,
              const QList<std::optional<double>> &line = {})
    {
        ensure(200); // the heading stays with its chart
        heading(caption);
        if (values.isEmpty()) {
            note(tr("No data."));
            return;
        }
        ensure(BarChart::kPlotHeight + 54);
        m_y += 14; // room for the value over the tallest bar
        m_y += BarChart::draw(m_painter, m_font, m_y, m_width, labels, values, line).height + 8;
        m_painter.setPen(Qt::black);
    }

private:
    void startPage()
    {
        ++m_page;
        m_painter.setFont(m_bold);
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(0, 0, m_width, 14), Qt::AlignLeft | Qt::AlignVCenter, m_headerLeft);
        m_painter.setFont(m_font);
        m_painter.drawText(QRectF(0, 0, m_width, 14), Qt::AlignRight | Qt::AlignVCenter, m_headerRight);
        m_painter.setPen(QColor(0xAA, 0xAA, 0xAA));
        m_painter.drawLine(QPointF(0, 17), QPointF(m_width, 17));
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(0, m_bottom + 12, m_width, 14), Qt::AlignCenter, tr("Page %1").arg(m_page));
        m_y = 26;
    }

    QPdfWriter &m_writer;
    QString m_headerLeft;
    QString m_headerRight;
    QPainter m_painter;
    QFont m_font, m_bold, m_title, m_h2;
    double m_width = 0;
    double m_bottom = 0;
    double m_y = 0;
    int m_page = 0;
};

/// @brief The table of @p tables with @p key, or an empty one.
[[nodiscard]] const ReportTable &tableOf(const QList<ReportTable> &tables, QStringView key);

} // namespace pd
