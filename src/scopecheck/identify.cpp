// identify: which server SOURCE... describe: saved documents, standard input, or a base URL whose
// documents scopecheck fetches (NodeInfo through /.well-known/nodeinfo, the instance documents, the
// RFC 8414 metadata).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include <mastoscope/identify.hpp>
#include <mastoscope/text.hpp>

#include "commands.hpp"
#include "fetch.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;
namespace {

// What the sources gave, in order: documents, and notes on documents a server did not serve.
struct item {
    std::optional<ms::document> doc;
    ms::evidence note;
};
using items = std::vector<item>;

// Reads at most one byte more than a document may have, so that a larger one is refused.
std::optional<std::string> read_stream(std::FILE* in)
{
    std::string text;
    char buffer[65536];
    while (text.size() <= ms::max_document_bytes) {
        auto const n = std::fread(buffer, 1, sizeof buffer, in);
        text.append(buffer, n);
        if (n < sizeof buffer) break;
    }
    if (std::ferror(in)) return std::nullopt;
    return text;
}

std::optional<answer> add_document(items& out, std::string_view text, std::string const& where)
{
    auto reading = ms::read_document(text);
    if (!reading.ok) {
        auto const at = reading.reason == "invalid JSON" ? fmt::format(" at byte {}", reading.offset) : std::string{};
        return bad_input_answer(fmt::format("{}: {}{}", where, reading.reason, at));
    }
    out.push_back({std::move(reading.doc), {}});
    return std::nullopt;
}

std::optional<answer> read_saved(items& out, std::string const& source)
{
    if (source == "-") {
        auto const text = read_stream(stdin);
        if (!text) return bad_input_answer("standard input: cannot be read");
        return add_document(out, *text, "standard input");
    }
    std::error_code ec;
    if (std::filesystem::is_directory(source, ec))
        return bad_input_answer(fmt::format("{}: is a directory, not a document", printable(source)));
    std::unique_ptr<std::FILE, decltype(&std::fclose)> file{std::fopen(source.c_str(), "rb"), std::fclose};
    if (!file) return bad_input_answer(fmt::format("{}: {}", printable(source), std::strerror(errno)));
    auto const text = read_stream(file.get());
    if (!text) return bad_input_answer(fmt::format("{}: cannot be read", printable(source)));
    return add_document(out, *text, printable(source));
}

// GETs one document of a server. A status other than 2xx, or a body that is not JSON and not sent as
// JSON (a server's HTML page), is a note; a failed fetch, or JSON that does not read, is an error.
std::optional<answer> fetch_into(items& out, std::string const& url, ms::document_kind expected)
{
    auto const got = fetch(url);
    if (!got.ok) return bad_input_answer(fmt::format("cannot fetch {}: {}", url, got.error));
    if (got.status < 200 || got.status > 299) {
        out.push_back({std::nullopt, {expected, fmt::format("{}: HTTP {}, not served", url, got.status)}});
        return std::nullopt;
    }
    auto reading = ms::read_document(got.body);
    if (!reading.ok && got.content_type.find("json") == std::string::npos && reading.reason == "invalid JSON") {
        out.push_back({std::nullopt,
                       {expected, fmt::format("{}: not JSON ({})", url,
                                              got.content_type.empty() ? "no type" : got.content_type)}});
        return std::nullopt;
    }
    return add_document(out, got.body, url);
}

std::optional<answer> read_url(items& out, std::string const& url)
{
    std::string path;
    auto const origin = origin_of(url, &path);
    if (!origin) return bad_input_answer(fmt::format("{}: not an http:// or https:// URL", printable(url)));
    if (path != "/")
        return bad_input_answer(fmt::format("{}: give the server's base URL, such as {}", printable(url), *origin));
    auto const before = out.size();
    if (auto bad = fetch_into(out, *origin + "/.well-known/nodeinfo", ms::document_kind::nodeinfo_links)) return bad;
    if (out.size() > before && out.back().doc && out.back().doc->kind == ms::document_kind::nodeinfo_links) {
        auto const& links = out.back().doc->links;
        if (!links.empty()) {
            auto const href = links.front();
            if (origin_of(href) == origin) {
                if (auto bad = fetch_into(out, href, ms::document_kind::nodeinfo)) return bad;
            } else {
                out.push_back({std::nullopt,
                               {ms::document_kind::nodeinfo,
                                fmt::format("{}: on another origin than {}, not fetched", href, *origin)}});
            }
        }
    }
    for (auto [path_of, kind] :
         {std::pair{"/api/v2/instance", ms::document_kind::instance_v2},
          std::pair{"/api/v1/instance", ms::document_kind::instance_v1},
          std::pair{"/.well-known/oauth-authorization-server", ms::document_kind::oauth_metadata}})
        if (auto bad = fetch_into(out, *origin + path_of, kind)) return bad;
    return std::nullopt;
}

// A URL of any scheme goes to read_url, which fetches http and https only and says so of the rest.
bool is_url(std::string const& source) { return source.find("://") != std::string::npos; }

}  // namespace

std::variant<ms::identification, answer> identify_sources(std::vector<std::string> const& sources)
{
    items gathered;
    if (std::count(sources.begin(), sources.end(), "-") > 1)
        return bad_input_answer("only one SOURCE can be '-' (standard input)");
    for (auto const& source : sources)
        if (auto bad = is_url(source) ? read_url(gathered, source) : read_saved(gathered, source)) return *bad;
    std::vector<ms::document> documents;
    for (auto const& i : gathered)
        if (i.doc) documents.push_back(*i.doc);
    auto found = ms::identify(documents);
    // The evidence of every source in order: each document's, and the notes between them.
    std::vector<ms::evidence> evidence;
    std::size_t next = 0;
    for (auto& i : gathered) evidence.push_back(i.doc ? std::move(found.evidence[next++]) : std::move(i.note));
    found.evidence = std::move(evidence);
    return found;
}

answer identify(settings const& s, std::vector<std::string> const& sources)
{
    auto result = identify_sources(sources);
    if (auto* bad = std::get_if<answer>(&result)) return *bad;
    auto const& found = std::get<ms::identification>(result);
    json evidence = json::array();
    for (auto const& e : found.evidence)
        evidence.push_back({{"document", ms::to_string(e.document)}, {"says", e.says}});
    answer a;
    a.code = found.ok ? yes : no;
    auto const server = found.server ? ms::to_string(*found.server) : std::string{};
    a.object = json_text({{"server", found.server ? json(server) : json(nullptr)},
                          {"software", found.software.empty() ? json(nullptr) : json(found.software)},
                          {"version", found.software.empty() ? json(nullptr) : json(found.version)},
                          {"evidence", evidence},
                          {"scopes_supported", found.scopes_supported ? json(*found.scopes_supported) : json(nullptr)},
                          {"not_in_data", json(found.not_in_data)},
                          {"not_advertised", names_json(found.not_advertised)}});
    if (found.ok) {
        a.line = server;
        a.text.push_back(fmt::format("{} ({} {})", paint(s, tone::bold, server), ms::display_name(found.server->name),
                                     printable(found.version)));
    } else {
        a.line = found.software.empty() ? fmt::format("not identified: {}", found.reason)
                                        : fmt::format("not identified: '{}' {}: {}", printable(found.software),
                                                      printable(found.version), found.reason);
        a.text.push_back(paint(s, tone::bad, a.line));
    }
    for (auto const& e : found.evidence)
        a.text.push_back(fmt::format("  {:<15}{}", ms::to_string(e.document), printable(e.says)));
    if (found.scopes_supported) {
        std::string advertised;
        for (auto const& n : *found.scopes_supported) advertised += (advertised.empty() ? "" : " ") + printable(n);
        a.text.push_back(fmt::format("  advertised     {}", advertised.empty() ? "-" : advertised));
        std::string unknown;
        for (auto const& n : found.not_in_data) unknown += (unknown.empty() ? "" : " ") + printable(n);
        a.text.push_back(fmt::format("  not in data    {}", unknown.empty() ? "-" : unknown));
        a.text.push_back(fmt::format("  not advertised {}", names(found.not_advertised)));
    }
    return a;
}

}  // namespace scopecheck
