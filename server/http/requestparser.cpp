#include "requestparser.h"

#include <QUrl>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>
#include <optional>

namespace pd::server {

namespace http = boost::beast::http;

struct RequestParser::Impl
{
    std::optional<http::request_parser<http::string_body>> parser;
};

namespace {

QByteArray bytes(boost::beast::string_view v)
{
    return QByteArray(v.data(), qsizetype(v.size()));
}

bool hasToken(const QByteArray &list, const char *token)
{
    const QList<QByteArray> parts = list.split(',');
    return std::any_of(parts.cbegin(), parts.cend(), [token](const QByteArray &p) {
        return p.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

RequestParser::RequestParser(qint64 headerLimit, qint64 bodyLimit)
    : m_impl(std::make_unique<Impl>())
    , m_headerLimit(headerLimit)
    , m_bodyLimit(bodyLimit)
{
    reset();
}

RequestParser::~RequestParser() = default;

void RequestParser::reset()
{
    auto &p = m_impl->parser.emplace();
    p.header_limit(std::uint32_t(std::clamp<qint64>(m_headerLimit, 64, 0x7fffffff)));
    p.body_limit(std::uint64_t(std::max<qint64>(m_bodyLimit, 0)));
    p.eager(false); // stop after the header
    m_requestBodyLimit = m_bodyLimit;
    m_status = Status::NeedHeader;
    m_errorStatus = 0;
    m_errorText.clear();
    m_request = HttpRequest{};
    m_keepAlive = true;
    m_webSocketUpgrade = false;
    m_expectContinue = false;
}

qsizetype RequestParser::feed(const char *data, qsizetype size)
{
    if (m_status != Status::NeedHeader && m_status != Status::NeedBody)
        return 0;
    auto &p = *m_impl->parser;
    boost::system::error_code ec;
    const std::size_t used = size > 0 ? p.put(boost::asio::const_buffer(data, std::size_t(size)), ec) : 0;
    if (ec == http::error::need_more)
        ec = {};
    if (ec == http::error::header_limit) {
        fail(431, QByteArrayLiteral("The request header is larger than the server accepts."));
    } else if (ec == http::error::body_limit) {
        fail(413, QByteArrayLiteral("The request body is larger than %1 bytes.")
                      .replace("%1", QByteArray::number(m_requestBodyLimit)));
    } else if (ec) {
        fail(400, QByteArrayLiteral("Malformed HTTP request: ") + QByteArray::fromStdString(ec.message()));
    } else if (m_status == Status::NeedHeader && p.is_header_done()) {
        takeHeader();
        m_status = Status::HeaderReady;
    } else if (m_status == Status::NeedBody && p.is_done()) {
        m_request.body = QByteArray::fromStdString(p.get().body());
        m_status = Status::Complete;
    }
    return qsizetype(used);
}

void RequestParser::limitBody(qint64 bytes)
{
    if (m_status != Status::HeaderReady)
        return;
    m_requestBodyLimit = std::clamp<qint64>(bytes, 0, m_bodyLimit);
    m_impl->parser->body_limit(std::uint64_t(m_requestBodyLimit));
}

void RequestParser::startBody()
{
    if (m_status != Status::HeaderReady)
        return;
    auto &p = *m_impl->parser;
    p.eager(true);
    m_status = p.is_done() ? Status::Complete : Status::NeedBody;
}

void RequestParser::fail(int status, const QByteArray &text)
{
    m_status = Status::Failed;
    m_errorStatus = status;
    m_errorText = text;
    m_keepAlive = false;
}

void RequestParser::takeHeader()
{
    const auto &msg = m_impl->parser->get();
    m_request.method = bytes(msg.method_string());
    const QByteArray target = bytes(msg.target());
    if (target.startsWith('/')) {
        const qsizetype q = target.indexOf('?');
        m_request.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
        if (q >= 0)
            m_request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    } else { // absolute-form ("http://host/path?query") or "*"
        const QUrl url = QUrl::fromEncoded(target);
        m_request.path = url.isValid() && !url.path().isEmpty() ? url.path(QUrl::FullyDecoded)
                                                                : QString::fromLatin1(target);
        m_request.query = QUrlQuery(url);
    }
    for (const auto &field : msg) {
        const QByteArray name = bytes(field.name_string()).toLower();
        const QByteArray value = bytes(field.value());
        auto it = m_request.headers.find(name);
        if (it == m_request.headers.end())
            m_request.headers.insert(name, value);
        else // repeated fields are one comma-separated list (X-Forwarded-For keeps its order)
            it.value() += QByteArrayLiteral(", ") + value;
    }
    m_keepAlive = msg.keep_alive();
    m_webSocketUpgrade = msg.method() == http::verb::get &&
                         hasToken(m_request.header(QByteArrayLiteral("connection")), "upgrade") &&
                         hasToken(m_request.header(QByteArrayLiteral("upgrade")), "websocket");
    m_expectContinue = hasToken(m_request.header(QByteArrayLiteral("expect")), "100-continue");
}

QByteArray RequestParser::reasonPhrase(int status)
{
    if (status < 100 || status > 999)
        return {};
    return bytes(http::obsolete_reason(http::int_to_status(unsigned(status))));
}

} // namespace pd::server
