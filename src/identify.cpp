// Reading the documents a server serves about itself (nlohmann/json, with size and depth limits),
// and naming the server from them with the instance_version facts of data/servers.yaml.
#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/identify.hpp>
#include <mastoscope/text.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

std::string_view to_string(document_kind kind) noexcept
{
    switch (kind) {
    case document_kind::nodeinfo: return "nodeinfo";
    case document_kind::nodeinfo_links: return "nodeinfo_links";
    case document_kind::instance_v1: return "instance_v1";
    case document_kind::instance_v2: return "instance_v2";
    case document_kind::oauth_metadata: return "oauth_metadata";
    }
    return "?";
}

namespace {

using json = nlohmann::json;

constexpr std::string_view nodeinfo_schema = "http://nodeinfo.diaspora.software/ns/schema/2.";

document_reading refused(std::string_view reason, std::size_t offset = 0) { return {false, reason, offset, {}}; }

// A string member: absent is "", a value of another type is an error.
bool read_string(json const& object, char const* key, std::string& out)
{
    auto const it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

document_reading read_nodeinfo(json const& root)
{
    document doc;
    auto const& software = root["software"];
    if (!software.is_object()) return refused("software is not an object");
    if (!software.contains("name")) return refused("software has no name");
    if (!read_string(software, "name", doc.software)) return refused("software.name is not a string");
    if (!read_string(software, "version", doc.version)) return refused("software.version is not a string");
    return {true, "", 0, std::move(doc)};
}

document_reading read_links(json const& root)
{
    auto const& links = root["links"];
    if (!links.is_array()) return refused("links is not an array");
    std::vector<std::pair<std::string, std::string>> found;  // schema version, href
    for (auto const& link : links) {
        std::string rel, href;
        if (!link.is_object() || !read_string(link, "rel", rel) || !read_string(link, "href", href))
            return refused("an entry of links is not an object with string rel and href");
        if (rel.starts_with(nodeinfo_schema) && !href.empty())
            found.emplace_back(rel.substr(nodeinfo_schema.size() - 2), href);
    }
    std::stable_sort(found.begin(), found.end(), [](auto const& a, auto const& b) { return a.first > b.first; });
    document doc;
    doc.kind = document_kind::nodeinfo_links;
    for (auto& [schema, href] : found) doc.links.push_back(std::move(href));
    return {true, "", 0, std::move(doc)};
}

document_reading read_instance(json const& root, document_kind kind)
{
    document doc;
    doc.kind = kind;
    if (!root["version"].is_string()) return refused("version is not a string");
    read_string(root, "version", doc.version);
    if (!read_string(root, "source_url", doc.source_url)) return refused("source_url is not a string");
    for (auto const& [key, value] : root.items()) doc.keys.push_back(key);
    return {true, "", 0, std::move(doc)};
}

document_reading read_oauth_metadata(json const& root)
{
    document doc;
    doc.kind = document_kind::oauth_metadata;
    if (!read_string(root, "issuer", doc.issuer)) return refused("issuer is not a string");
    if (auto const it = root.find("scopes_supported"); it != root.end() && !it->is_null()) {
        if (!it->is_array()) return refused("scopes_supported is not an array");
        std::vector<std::string> names;
        for (auto const& name : *it) {
            if (!name.is_string()) return refused("scopes_supported holds a value that is not a string");
            names.push_back(name.get<std::string>());
        }
        doc.scopes_supported = std::move(names);
    }
    return {true, "", 0, std::move(doc)};
}

}  // namespace

document_reading read_document(std::string_view json_text)
{
    if (json_text.size() > max_document_bytes) return refused("larger than 1 MiB");
    bool too_deep = false;
    json root;
    try {
        root = json::parse(json_text, [&](int depth, json::parse_event_t event, json&) {
            if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
                static_cast<std::size_t>(depth) >= max_document_depth) {
                too_deep = true;
                return false;  // keep nothing below; the parser still reads to the end
            }
            return !too_deep;
        });
    } catch (json::parse_error const& e) {
        return refused("invalid JSON", e.byte > 0 ? e.byte - 1 : 0);
    } catch (json::out_of_range const&) {
        return refused("a number too large to read");  // 8e888: nlohmann's number overflow
    } catch (json::exception const&) {
        return refused("invalid JSON");
    }
    if (too_deep) return refused("nested too deeply");
    if (!root.is_object()) return refused("not a JSON object");
    if (root.contains("software")) return read_nodeinfo(root);
    if (root.contains("links")) return read_links(root);
    if (root.contains("issuer") || root.contains("authorization_endpoint") || root.contains("token_endpoint"))
        return read_oauth_metadata(root);
    if (root.contains("version") && root.contains("domain")) return read_instance(root, document_kind::instance_v2);
    if (root.contains("version") && root.contains("uri")) return read_instance(root, document_kind::instance_v1);
    return refused("not a NodeInfo, instance or RFC 8414 document");
}

namespace {

using detail::dialects::dialects;
using detail::dialects::instance_rule;

// What one document claims: a software (known or not), its version as written, and how strongly.
struct claim {
    std::optional<software> known;
    std::string name;     // as the document names it
    std::string version;  // as written
    int strength = 0;     // 0 none; 1 a plain version; 2 a server's mark; 3 NodeInfo
};

std::optional<software> from_nodeinfo_name(std::string_view name)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), detail::bytes::ascii_lower);
    for (auto const& entry : detail::dialects::software_names)
        if (entry.name == lower) return entry.id;
    return std::nullopt;
}

// "2.7.2 (compatible; Akkoma 3.16.0)" -> "Akkoma 3.16.0"; "" if the version has no such part.
std::string_view compatible_part(std::string_view version)
{
    constexpr std::string_view opening = "(compatible; ";
    auto const at = version.find(opening);
    if (at == std::string_view::npos) return {};
    auto rest = version.substr(at + opening.size());
    return rest.substr(0, std::min(rest.find_first_of(";)"), rest.size()));
}

claim from_instance(document const& doc, std::string& says)
{
    claim c;
    c.version = doc.version;
    if (auto const part = compatible_part(doc.version); !part.empty()) {
        for (std::size_t i = 0; i < software_count; ++i) {
            auto const& d = dialects[i];
            if (d.instance_version == instance_rule::compatible && part.starts_with(d.instance_mark)) {
                c = {static_cast<software>(i), std::string(d.name), std::string(part.substr(d.instance_mark.size())),
                     2};
                says = fmt::format("version '{}': {}'s form", doc.version, d.display_name);
                return c;
            }
        }
        auto const cut = std::min(part.find_first_of(" /"), part.size());
        c = {std::nullopt, std::string(part.substr(0, cut)), std::string(part.substr(std::min(cut + 1, part.size()))),
             2};
        says = fmt::format("version '{}': compatible with Mastodon, but {}", doc.version,
                           "names software the data does not describe");
        return c;
    }
    for (std::size_t i = 0; i < software_count; ++i) {
        auto const& d = dialects[i];
        auto const s = static_cast<software>(i);
        for (auto k = d.first_sign; k < d.end_sign; ++k) {
            auto const& sign = detail::dialects::instance_signs[k];
            bool const has =
                sign.kind == detail::dialects::sign_kind::field
                    ? std::find(doc.keys.begin(), doc.keys.end(), sign.text) != doc.keys.end()
                    : doc.source_url == sign.text || doc.source_url.starts_with(std::string(sign.text) + "/");
            if (!has) continue;
            c = {s, std::string(d.name), doc.version, 2};
            if (!d.injected_version.empty() && doc.version.starts_with(d.injected_version))
                c.version = doc.version.substr(d.injected_version.size());
            says = sign.kind == detail::dialects::sign_kind::field
                       ? fmt::format("version '{}' and the key '{}', which only {}'s instance documents have",
                                     doc.version, sign.text, d.display_name)
                       : fmt::format("version '{}' and source_url '{}', {}'s repository", doc.version, doc.source_url,
                                     d.display_name);
            return c;
        }
        if (!d.injected_version.empty() && doc.version.starts_with(d.injected_version) &&
            parse_release(s, std::string_view(doc.version).substr(d.injected_version.size()))) {
            c = {s, std::string(d.name), doc.version.substr(d.injected_version.size()), 2};
            says = fmt::format("version '{}': {}'s own version after the Mastodon version it may be set to show ({})",
                               doc.version, d.display_name, d.injected_version);
            return c;
        }
    }
    c = {software::mastodon, "mastodon", doc.version, 1};
    says = fmt::format("version '{}': no other server's mark, so Mastodon's form", doc.version);
    return c;
}

claim from_document(document const& doc, std::string& says)
{
    switch (doc.kind) {
    case document_kind::nodeinfo:
        says = fmt::format("software.name '{}', software.version '{}'", doc.software, doc.version);
        return {from_nodeinfo_name(doc.software), doc.software, doc.version, 3};
    case document_kind::instance_v1:
    case document_kind::instance_v2: return from_instance(doc, says);
    case document_kind::nodeinfo_links:
        says = doc.links.empty() ? std::string("links no NodeInfo 2.x document")
                                 : fmt::format("links NodeInfo at {}", doc.links.front());
        return {};
    case document_kind::oauth_metadata:
        says = doc.scopes_supported
                   ? fmt::format("issuer '{}', {} scopes_supported", doc.issuer, doc.scopes_supported->size())
                   : fmt::format("issuer '{}', no scopes_supported", doc.issuer);
        return {};
    }
    return {};
}

}  // namespace

identification identify(std::span<document const> documents)
{
    identification out{false, "", std::nullopt, "", "", {}, std::nullopt, {}, {}};
    std::vector<claim> claims;
    std::size_t best = documents.size();
    for (std::size_t i = 0; i < documents.size(); ++i) {
        std::string says;
        claims.push_back(from_document(documents[i], says));
        out.evidence.push_back({documents[i].kind, std::move(says)});
        if (claims[i].strength > 0 && (best == documents.size() || claims[i].strength > claims[best].strength))
            best = i;
        if (documents[i].scopes_supported) {
            if (!out.scopes_supported) out.scopes_supported.emplace();
            for (auto const& name : *documents[i].scopes_supported)
                if (std::find(out.scopes_supported->begin(), out.scopes_supported->end(), name) ==
                    out.scopes_supported->end())
                    out.scopes_supported->push_back(name);
        }
    }
    if (best == documents.size()) {
        out.reason = "no document names the software";
        return out;
    }
    auto const& chosen = claims[best];
    for (std::size_t i = 0; i < claims.size(); ++i)
        if (i != best && claims[i].strength > 0 && claims[i].known != chosen.known)
            out.evidence[i].says += fmt::format(" (but the {} names {})", to_string(documents[best].kind), chosen.name);
    out.software = chosen.name;
    out.version = chosen.version;
    if (!chosen.known) {
        out.reason = "the software is not one the data describes";
        return out;
    }
    auto const name = *chosen.known;
    out.ok = true;
    auto const release = parse_release(name, chosen.version);
    out.server = release ? server{name, *release} : server{name};
    if (!release)
        out.evidence[best].says +=
            fmt::format(" (not a version {} writes: answering for {}, the newest the data describes)",
                        display_name(name), to_string(newest_release_of(name)));
    if (out.scopes_supported) {
        auto const known = vocabulary(*out.server);
        scope_set advertised;
        for (auto const& text : *out.scopes_supported) {
            auto const s = lookup(text);
            if (s && known.contains(*s))
                advertised.insert(*s);
            else
                out.not_in_data.push_back(text);
        }
        out.not_advertised = known - advertised;
    }
    return out;
}

MASTOSCOPE_END_NAMESPACE
