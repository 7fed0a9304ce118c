// Which server of Mastodon's API family a client talks to, from the documents the server serves about
// itself: NodeInfo 2.x (and the /.well-known/nodeinfo links to it), /api/v1/instance, /api/v2/instance
// and RFC 8414 metadata. Documents are untrusted: read_document refuses what it cannot read, never
// more than max_document_bytes and never nested deeper than max_document_depth.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <mastoscope/scope_set.hpp>
#include <mastoscope/server.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

inline constexpr std::size_t max_document_bytes = std::size_t{1} << 20;  // 1 MiB
inline constexpr std::size_t max_document_depth = 32;                    // arrays and objects within each other

enum class document_kind : std::uint8_t {
    nodeinfo,        // NodeInfo 2.x: software.name and software.version
    nodeinfo_links,  // /.well-known/nodeinfo: where the NodeInfo documents are
    instance_v1,     // /api/v1/instance (has "uri")
    instance_v2,     // /api/v2/instance (has "domain")
    oauth_metadata,  // RFC 8414 /.well-known/oauth-authorization-server
};
// "nodeinfo", "nodeinfo_links", "instance_v1", "instance_v2", "oauth_metadata".
std::string_view to_string(document_kind kind) noexcept;

// What identify needs of one document.
struct document {
    document_kind kind = document_kind::nodeinfo;
    std::string software;                                      // nodeinfo: software.name as written
    std::string version;                                       // nodeinfo: software.version; instance: version
    std::string source_url;                                    // instance_v2: source_url ("" if absent)
    std::vector<std::string> keys;                             // instance: its top-level keys
    std::optional<std::vector<std::string>> scopes_supported;  // oauth_metadata, when it lists them
    std::string issuer;                                        // oauth_metadata
    std::vector<std::string> links;  // nodeinfo_links: NodeInfo 2.x hrefs, newest schema first
};

struct document_reading {
    bool ok;
    std::string_view reason;  // why not, a fixed text ("" when ok): "invalid JSON", "a number too large to
                              // read", "nested too deeply", ...
    std::size_t offset;       // for invalid JSON, the byte where reading stopped; else 0
    document doc;             // when ok
};

// Reads one JSON document and says which kind it is. Not ok for more than max_document_bytes, for
// invalid JSON, for a number past a double's range, for nesting deeper than max_document_depth, for a value of the
// wrong type where identify reads one, and for a document that is none of the kinds above.
document_reading read_document(std::string_view json_text);

// What one document said, for people.
struct evidence {
    document_kind document;
    std::string says;
};

struct identification {
    bool ok;                                     // the documents name a server the data describes
    std::string_view reason;                     // why not, a fixed text ("" when ok)
    std::optional<::mastoscope::server> server;  // when ok: the server, at the release it reports where it can be read
    std::string software;                        // the software as a document names it ("gotosocial", "Friendica")
    std::string version;                         // its version as written there ("0.19.1+git-6574dc8")
    std::vector<::mastoscope::evidence> evidence;              // one entry for each document, in order
    std::optional<std::vector<std::string>> scopes_supported;  // the RFC 8414 list, if a document had one
    std::vector<std::string> not_in_data;  // advertised names the server's vocabulary in the data lacks
    scope_set not_advertised;              // names of its vocabulary that a scopes_supported list lacks
};

// Names the server from the documents: NodeInfo's software.name first, then an instance document's
// version as the server writes it ("2.7.2 (compatible; Akkoma 3.16.0)", GoToSocial's "3.5.3+0.19.1"),
// its source_url or a key only one server has; a plain version with no other server's mark is
// Mastodon's. Where documents disagree, the stronger one wins and the evidence says so.
identification identify(std::span<document const> documents);

MASTOSCOPE_END_NAMESPACE
