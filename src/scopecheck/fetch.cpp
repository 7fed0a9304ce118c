// libcurl, with the limits of fetch.hpp.
#include <memory>

#include <curl/curl.h>
#include <fmt/format.h>

#include <mastoscope/identify.hpp>

#include "fetch.hpp"

namespace scopecheck {
namespace {

struct global_curl {
    global_curl() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~global_curl() { curl_global_cleanup(); }
};

struct download {
    std::string body;
    bool too_large = false;
};

std::size_t keep(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& d = *static_cast<download*>(user);
    auto const n = size * count;
    if (d.body.size() + n > mastoscope::max_document_bytes) {
        d.too_large = true;
        return 0;  // libcurl stops with CURLE_WRITE_ERROR
    }
    d.body.append(data, n);
    return n;
}

using url_handle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string part(CURLU* url, CURLUPart which)
{
    char* text = nullptr;
    if (curl_url_get(url, which, &text, 0) != CURLUE_OK || !text) return {};
    std::string out(text);
    curl_free(text);
    return out;
}

}  // namespace

std::optional<std::string> origin_of(std::string const& url, std::string* path)
{
    url_handle u{curl_url(), curl_url_cleanup};
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return std::nullopt;
    auto const scheme = part(u.get(), CURLUPART_SCHEME);
    if (scheme != "http" && scheme != "https") return std::nullopt;
    auto const host = part(u.get(), CURLUPART_HOST);
    if (host.empty()) return std::nullopt;
    auto const port = part(u.get(), CURLUPART_PORT);
    if (path) {
        *path = part(u.get(), CURLUPART_PATH);
        if (path->empty()) *path = "/";
        if (auto const query = part(u.get(), CURLUPART_QUERY); !query.empty()) *path += "?" + query;
    }
    return port.empty() ? fmt::format("{}://{}", scheme, host) : fmt::format("{}://{}:{}", scheme, host, port);
}

response fetch(std::string const& url)
{
    static global_curl const global;
    response out;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl{curl_easy_init(), curl_easy_cleanup};
    if (!curl) {
        out.error = "libcurl could not start";
        return out;
    }
    download d;
    char message[CURL_ERROR_SIZE] = {};
    auto* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(mastoscope::max_document_bytes));
    curl_easy_setopt(h, CURLOPT_USERAGENT, "scopecheck (mastoscope)");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &d);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, message);
    auto const code = curl_easy_perform(h);
    if (d.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        out.error = "the document is larger than 1 MiB";
        return out;
    }
    if (code == CURLE_TOO_MANY_REDIRECTS) {
        out.error = "more than 3 redirects";
        return out;
    }
    if (code != CURLE_OK) {
        out.error = *message ? message : curl_easy_strerror(code);
        return out;
    }
    out.ok = true;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out.status);
    char* type = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) out.content_type = type;
    out.body = std::move(d.body);
    return out;
}

}  // namespace scopecheck
