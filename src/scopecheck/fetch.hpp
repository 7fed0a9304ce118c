// Fetching a server's documents over HTTP(S) with libcurl, within fixed limits: certificates checked,
// at most 3 redirects (to http or https only), 10 seconds, and at most 1 MiB a document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scopecheck {

struct response {
    bool ok = false;           // an HTTP answer arrived within the limits
    std::string error;         // why not, for people ("" when ok)
    long status = 0;           // the HTTP status
    std::string content_type;  // as the server sent it
    std::string body;
};

response fetch(std::string const& url);

// The origin of an http(s) URL ("https://example.com:8443"), or nullopt for anything else; `path` gets
// its path ("/" if none), so that a caller can refuse a URL that is more than a base.
std::optional<std::string> origin_of(std::string const& url, std::string* path = nullptr);

}  // namespace scopecheck
