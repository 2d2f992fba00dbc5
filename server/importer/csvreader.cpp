#include "csvreader.h"

namespace pd::server {

QJsonObject CsvReader::object(const QStringList &header, const QStringList &fields)
{
    QJsonObject o;
    for (qsizetype i = 0; i < header.size() && i < fields.size(); ++i) {
        const QString v = fields.at(i).trimmed();
        if (!v.isEmpty())
            o.insert(header.at(i).trimmed(), v);
    }
    return o;
}

void CsvReader::toGeo(QJsonObject &o, const QString &prefix)
{
    const QString latKey = prefix + QStringLiteral("_lat");
    const QString lonKey = prefix + QStringLiteral("_lon");
    if (o.contains(latKey) && o.contains(lonKey))
        o.insert(prefix, QJsonObject{{QStringLiteral("lat"), o.value(latKey).toString().toDouble()},
                                     {QStringLiteral("lon"), o.value(lonKey).toString().toDouble()}});
    o.remove(latKey);
    o.remove(lonKey);
}

bool CsvReader::parse(const QByteArray &data, QList<Row> *rows, QString *error)
{
    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD")) {
        *error = QStringLiteral("the file is not UTF-8");
        return false;
    }
    rows->clear();
    Row row;
    QString field;
    int line = 1;
    row.line = 1;
    bool quoted = false;
    bool fieldStarted = false;
    bool afterQuote = false;
    const auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldStarted = false;
        afterQuote = false;
    };
    const auto endRow = [&] {
        endField();
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            rows->append(row);
        row = Row();
        row.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow();
        } else if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else {
            if (afterQuote) {
                *error = QStringLiteral("line %1: text after a closing quote").arg(line);
                return false;
            }
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted) {
        *error = QStringLiteral("line %1: a quoted field is not closed").arg(row.line);
        return false;
    }
    if (fieldStarted || !row.fields.isEmpty())
        endRow();
    return true;
}

} // namespace pd::server
