#include "csvwriter.h"

#include <QRegularExpression>

namespace pd {

CsvWriter::CsvWriter(QIODevice *out, bool byteOrderMark)
    : m_out(out)
{
    if (byteOrderMark)
        m_ok = m_out->write("\xEF\xBB\xBF", 3) == 3;
}

QString CsvWriter::escape(const QString &field)
{
    static const QRegularExpression number(QStringLiteral("^[-+]?\\d+(\\.\\d+)?%?$"));
    QString s = field;
    if (!s.isEmpty() && QStringLiteral("=+-@\t\r").contains(s.front()) && !number.match(s).hasMatch())
        s.prepend(QLatin1Char('\''));
    const bool quote = s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
                       s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r')) ||
                       s.startsWith(QLatin1Char(' ')) || s.endsWith(QLatin1Char(' '));
    if (!quote)
        return s;
    s.replace(QLatin1Char('"'), QLatin1StringView("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped.append(escape(f));
    const QByteArray line = escaped.join(QLatin1Char(',')).toUtf8() + "\r\n";
    m_ok = m_ok && m_out->write(line) == line.size();
    return m_ok;
}

} // namespace pd
