#include "bulkrows.h"

#include <QMetaType>
#include <QStringEncoder>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace pd::server {

namespace {

void appendQuoted(QString &out, QStringView value)
{
    out += QLatin1Char('"');
    qsizetype from = 0; // runs without a quote or backslash are appended whole
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out += value.sliced(from, i - from);
            out += QLatin1Char('\\');
            from = i;
        }
    }
    out += value.sliced(from);
    out += QLatin1Char('"');
}

/// @brief The element types of PostgreSQL's binary array format, with their OIDs (pg_type).
enum class Element : quint32
{
    Text = 25,
    Int8 = 20,
    Int4 = 23,
    Float8 = 701,
};

Element elementOf(const QString &type)
{
    if (type == QLatin1StringView("bigint"))
        return Element::Int8;
    if (type == QLatin1StringView("int"))
        return Element::Int4;
    if (type == QLatin1StringView("float8"))
        return Element::Float8;
    Q_ASSERT(type == QLatin1StringView("text"));
    return Element::Text;
}

/// @brief Appends @p value in network byte order.
template<typename T>
void put(QByteArray &out, T value)
{
    const T big = qToBigEndian(value);
    out.append(reinterpret_cast<const char *>(&big), sizeof big);
}

/// @brief At most the bytes @p v takes as an element (length word and value).
qsizetype sizeBound(Element type, const QVariant &v)
{
    if (type != Element::Text || v.isNull())
        return 4 + 8;
    if (v.metaType().id() == QMetaType::QByteArray)
        return 4 + static_cast<const QByteArray *>(v.constData())->size();
    if (v.metaType().id() == QMetaType::QString)
        return 4 + 3 * static_cast<const QString *>(v.constData())->size(); // UTF-8 of UTF-16
    return 4 + 3 * v.toString().size();
}

/// @brief Appends one element: its length (-1 for NULL), then its value as the type's binary form (text:
/// the UTF-8 bytes, as they are).
void appendElement(QByteArray &out, Element type, const QVariant &v, QStringEncoder &utf8)
{
    if (v.isNull()) {
        put<qint32>(out, -1);
        return;
    }
    switch (type) {
    case Element::Int8:
        put<qint32>(out, 8);
        put<qint64>(out, v.toLongLong());
        return;
    case Element::Int4:
        put<qint32>(out, 4);
        put<qint32>(out, v.toInt());
        return;
    case Element::Float8:
        put<qint32>(out, 8);
        put<quint64>(out, std::bit_cast<quint64>(v.toDouble()));
        return;
    case Element::Text:
        break;
    }
    const qsizetype at = out.size();
    put<qint32>(out, 0); // the length, once known
    if (v.metaType().id() == QMetaType::QByteArray) {
        out += *static_cast<const QByteArray *>(v.constData());
    } else {
        const QString text = v.toString(); // shared, not copied, when v holds a QString
        const qsizetype start = out.size();
        out.resize(start + utf8.requiredSpace(text.size()));
        char *end = utf8.appendToBuffer(out.data() + start, text);
        out.truncate(end - out.constData());
    }
    const qint32 length = qToBigEndian(qint32(out.size() - at - 4));
    std::memcpy(out.data() + at, &length, sizeof length);
}

} // namespace

QString BulkRows::valuesSql(qsizetype rows) const
{
    QStringList marks(columns(), QStringLiteral("?"));
    const QString row = QLatin1Char('(') + marks.join(QStringLiteral(", ")) + constants + QLatin1Char(')');
    return into + QStringLiteral(" VALUES ") + QStringList(rows, row).join(QStringLiteral(", ")) + tail;
}

QString BulkRows::unnestSql() const
{
    QStringList casts;
    casts.reserve(columns());
    for (qsizetype i = 0; i < columns(); ++i)
        casts.append(QStringLiteral("CAST($%1 AS %2[])").arg(i + 1).arg(types.at(i)));
    return into + QStringLiteral(" SELECT *") + constants + QStringLiteral(" FROM unnest(") +
           casts.join(QStringLiteral(", ")) + QLatin1Char(')') + tail;
}

QByteArrayList BulkRows::arrays(const QVariantList &binds, qsizetype first, qsizetype count) const
{
    QByteArrayList out;
    out.reserve(columns());
    QStringEncoder utf8(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    for (qsizetype c = 0; c < columns(); ++c) {
        const Element type = elementOf(types.at(c));
        qsizetype size = 5 * 4;
        bool nulls = false;
        for (qsizetype r = first; r < first + count; ++r) {
            const QVariant &v = binds.at(r * columns() + c);
            size += sizeBound(type, v);
            nulls = nulls || v.isNull();
        }
        QByteArray array;
        array.reserve(size);
        // array_send's layout: dimensions, NULL flag, element type, then the one dimension's size and base.
        put<qint32>(array, 1);
        put<qint32>(array, nulls ? 1 : 0);
        put<quint32>(array, quint32(type));
        put<qint32>(array, qint32(count));
        put<qint32>(array, 1);
        for (qsizetype r = first; r < first + count; ++r)
            appendElement(array, type, binds.at(r * columns() + c), utf8);
        out.append(array);
    }
    return out;
}

QString pgTextArray(const QStringList &values)
{
    QString out;
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    out.reserve(size + size / 16);
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        appendQuoted(out, values.at(i));
    }
    out += QLatin1Char('}');
    return out;
}

} // namespace pd::server
