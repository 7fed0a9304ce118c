// Tests for mastoscope/identify.hpp: reading untrusted documents, and naming the server from them with
// the facts of data/servers.yaml (NodeInfo names, instance version marks, signs).
#include <mastoscope/identify.hpp>
#include <mastoscope/text.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

#include <fmt/format.h>

namespace ms = mastoscope;
using ms::document_kind;
using ms::software;

namespace {
namespace dialects = ms::detail::dialects;

ms::document read(std::string const& text)
{
    auto r = ms::read_document(text);
    BOOST_TEST_REQUIRE(r.ok, "refused: " << r.reason << " in " << text);
    return r.doc;
}

std::string_view refusal(std::string const& text)
{
    auto const r = ms::read_document(text);
    BOOST_TEST(!r.ok);
    return r.reason;
}

ms::identification identify_one(std::string const& text)
{
    auto const doc = read(text);
    return ms::identify(std::span(&doc, 1));
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
}  // namespace

BOOST_AUTO_TEST_SUITE(identify_hpp)

BOOST_AUTO_TEST_CASE(every_kind_is_recognised)
{
    auto const nodeinfo = read(R"({"version":"2.1","software":{"name":"gotosocial","version":"0.19.1"}})");
    BOOST_TEST((nodeinfo.kind == document_kind::nodeinfo));
    BOOST_TEST(nodeinfo.software == "gotosocial");
    BOOST_TEST(nodeinfo.version == "0.19.1");
    auto const links =
        read(R"({"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.0","href":"https://a/2.0"},
        {"rel":"http://nodeinfo.diaspora.software/ns/schema/2.1","href":"https://a/2.1"},
        {"rel":"self","href":"https://a/other"}]})");
    BOOST_TEST((links.kind == document_kind::nodeinfo_links));
    BOOST_TEST(links.links == (std::vector<std::string>{"https://a/2.1", "https://a/2.0"}));  // newest schema first
    BOOST_TEST((read(R"({"uri":"a","version":"4.3.0"})").kind == document_kind::instance_v1));
    auto const v2 = read(R"({"domain":"a","version":"4.3.0","source_url":"https://github.com/mastodon/mastodon"})");
    BOOST_TEST((v2.kind == document_kind::instance_v2));
    BOOST_TEST(v2.source_url == "https://github.com/mastodon/mastodon");
    auto const metadata = read(R"({"issuer":"https://a/","scopes_supported":["read","write"]})");
    BOOST_TEST((metadata.kind == document_kind::oauth_metadata));
    BOOST_TEST_REQUIRE(metadata.scopes_supported.has_value());
    BOOST_TEST(metadata.scopes_supported->size() == 2u);
    BOOST_TEST(!read(R"({"issuer":"https://a/"})").scopes_supported.has_value());
}

BOOST_AUTO_TEST_CASE(untrusted_documents_are_refused_with_a_reason)
{
    BOOST_TEST(refusal("{\"uri\":") == "invalid JSON");
    BOOST_TEST(ms::read_document("{\"uri\": x}").offset == 8u);
    BOOST_TEST(refusal("\"a string\"") == "not a JSON object");
    BOOST_TEST(refusal(R"({"title":"no kind"})") == "not a NodeInfo, instance or RFC 8414 document");
    BOOST_TEST(refusal(R"({"software":"gotosocial"})") == "software is not an object");
    BOOST_TEST(refusal(R"({"software":{"version":"1"}})") == "software has no name");
    BOOST_TEST(refusal(R"({"software":{"name":7}})") == "software.name is not a string");
    BOOST_TEST(refusal(R"({"software":{"name":"x","version":[]}})") == "software.version is not a string");
    BOOST_TEST(refusal(R"({"uri":"a","version":4})") == "version is not a string");
    BOOST_TEST(refusal(R"({"domain":"a","version":"4","source_url":{}})") == "source_url is not a string");
    BOOST_TEST(refusal(R"({"issuer":"a","scopes_supported":"read write"})") == "scopes_supported is not an array");
    BOOST_TEST(refusal(R"({"issuer":"a","scopes_supported":["read",1]})") ==
               "scopes_supported holds a value that is not a string");
    BOOST_TEST(refusal(R"({"links":[{"rel":1,"href":"x"}]})") ==
               "an entry of links is not an object with string rel and href");
    BOOST_TEST(refusal("{\"uri\":\"a\",\"version\":\"\xff\"}") == "invalid JSON");  // not UTF-8
    // A number past a double's range (found by fuzz_document): refused, not thrown.
    BOOST_TEST(refusal(R"({"domain":"a","version":8e888})") == "a number too large to read");
    BOOST_TEST(refusal(R"({"domain":"a","version":"4.3.0","n":-1e999})") == "a number too large to read");
}

BOOST_AUTO_TEST_CASE(size_and_depth_are_limited)
{
    // The deepest document read has max_document_depth levels; one more is refused, and so is far more.
    auto const deepest = "{\"uri\":\"a\",\"version\":\"4.3.0\",\"x\":" + nested(ms::max_document_depth - 1) + "}";
    BOOST_TEST(ms::read_document(deepest).ok);
    auto const deeper = "{\"uri\":\"a\",\"version\":\"4.3.0\",\"x\":" + nested(ms::max_document_depth) + "}";
    BOOST_TEST(refusal(deeper) == "nested too deeply");
    BOOST_TEST(refusal(nested(100000)) == "nested too deeply");
    std::string padded = R"({"uri":"a","version":"4.3.0","pad":")";
    padded += std::string(ms::max_document_bytes - padded.size() - 2, 'x') + "\"}";
    BOOST_TEST(padded.size() == ms::max_document_bytes);
    BOOST_TEST(ms::read_document(padded).ok);
    BOOST_TEST(refusal(padded + " ") == "larger than 1 MiB");
}

BOOST_AUTO_TEST_CASE(nodeinfo_names_every_server_by_its_software_names)
{
    for (auto const& entry : dialects::software_names) {
        BOOST_TEST_CONTEXT(entry.name)
        {
            auto const release = ms::to_string(ms::newest_release_of(entry.id));
            auto const found = identify_one(
                fmt::format(R"({{"version":"2.0","software":{{"name":"{}","version":"{}"}}}})", entry.name, release));
            BOOST_TEST(found.ok);
            BOOST_TEST_REQUIRE(found.server.has_value());
            BOOST_TEST((found.server->name == entry.id));
            BOOST_TEST((found.server->release == ms::newest_release_of(entry.id)));
        }
    }
    // NodeInfo's names are compared without case: Iceshrimp.NET writes its name so.
    auto const iceshrimp =
        identify_one(R"({"software":{"name":"Iceshrimp.NET","version":"2025.1-beta5.patch2+abcdef1234"}})");
    BOOST_TEST_REQUIRE(iceshrimp.server.has_value());
    BOOST_TEST((iceshrimp.server->name == software::iceshrimp));
    BOOST_TEST((iceshrimp.server->release == (ms::version{2025, 1, 0, "beta5.patch2", "abcdef1234"})));
}

BOOST_AUTO_TEST_CASE(an_instance_version_names_the_server_by_its_mark)
{
    for (std::size_t i = 0; i < ms::software_count; ++i) {
        auto const& d = dialects::dialects[i];
        if (d.instance_version != dialects::instance_rule::compatible) continue;
        BOOST_TEST_CONTEXT(d.name)
        {
            auto const release = ms::to_string(d.newest_release);
            auto const found = identify_one(
                fmt::format(R"j({{"uri":"a","version":"3.0.0 (compatible; {}{}; more)"}})j", d.instance_mark, release));
            BOOST_TEST_REQUIRE(found.server.has_value());
            BOOST_TEST((found.server->name == static_cast<software>(i)));
            BOOST_TEST(found.version == release);
        }
    }
    // A compatible version of software the data does not describe: read, but not identified.
    auto const other = identify_one(R"j({"uri":"a","version":"2.8.0 (compatible; Friendica 2024.03-1557)"})j");
    BOOST_TEST(!other.ok);
    BOOST_TEST(!other.server.has_value());
    BOOST_TEST(other.software == "Friendica");
    BOOST_TEST(other.version == "2024.03-1557");
}

BOOST_AUTO_TEST_CASE(gotosocial_is_not_taken_for_mastodon_3_5_3)
{
    // With instance-inject-mastodon-version GoToSocial writes 3.5.3+<its version>.
    auto const injected = identify_one(R"({"uri":"a","version":"3.5.3+0.19.1+git-6574dc8"})");
    BOOST_TEST_REQUIRE(injected.server.has_value());
    BOOST_TEST((injected.server->name == software::gotosocial));
    BOOST_TEST((injected.server->release == (ms::version{0, 19, 1, "", "git-6574dc8"})));
    // Its v2 document names its repository, and its documents carry account_domain.
    for (auto const& sign : dialects::instance_signs) {
        BOOST_TEST_CONTEXT(sign.text)
        {
            auto const text = sign.kind == dialects::sign_kind::field
                                  ? fmt::format(R"({{"uri":"a","version":"0.19.1","{}":"a"}})", sign.text)
                                  : fmt::format(R"({{"domain":"a","version":"0.19.1","source_url":"{}"}})", sign.text);
            auto const found = identify_one(text);
            BOOST_TEST_REQUIRE(found.server.has_value());
            BOOST_TEST((found.server->name == software::gotosocial));
        }
    }
    // Mastodon's own build metadata stays Mastodon's.
    auto const glitch = identify_one(R"({"uri":"a","version":"4.3.0+glitch"})");
    BOOST_TEST_REQUIRE(glitch.server.has_value());
    BOOST_TEST((glitch.server->name == software::mastodon));
    BOOST_TEST((glitch.server->release == (ms::version{4, 3, 0, "", "glitch"})));
    // A fork that adds its own build metadata, as Hometown's +hometown-<its version> does.
    auto const fork = identify_one(R"({"uri":"a","version":"4.0.2+hometown-1.1.1"})");
    BOOST_TEST_REQUIRE(fork.server.has_value());
    BOOST_TEST((fork.server->name == software::mastodon));
    BOOST_TEST((fork.server->release == ms::version{4, 0, 2, "", "hometown-1.1.1"}));
    auto const mastodon_353 = identify_one(R"({"uri":"a","version":"3.5.3"})");
    BOOST_TEST((mastodon_353.server->name == software::mastodon));
}

BOOST_AUTO_TEST_CASE(nodeinfo_outweighs_an_instance_version_and_the_evidence_says_so)
{
    std::vector<ms::document> docs{read(R"({"uri":"a","version":"4.3.0"})"),
                                   read(R"({"software":{"name":"akkoma","version":"3.16.0"}})")};
    auto const found = ms::identify(docs);
    BOOST_TEST_REQUIRE(found.server.has_value());
    BOOST_TEST((found.server->name == software::akkoma));
    BOOST_TEST_REQUIRE(found.evidence.size() == 2u);
    BOOST_TEST(found.evidence[0].says.find("but the nodeinfo names akkoma") != std::string::npos);
    // Nothing that names software: not identified.
    auto const metadata = identify_one(R"({"issuer":"https://a/","scopes_supported":["read"]})");
    BOOST_TEST(!metadata.ok);
    BOOST_TEST(metadata.reason == "no document names the software");
}

BOOST_AUTO_TEST_CASE(advertised_scopes_are_compared_with_the_data)
{
    std::vector<ms::document> docs{read(R"({"software":{"name":"mastodon","version":"4.3.0"}})"),
                                   read(R"({"issuer":"https://a/","scopes_supported":["read","profile","made:up"]})")};
    auto const found = ms::identify(docs);
    BOOST_TEST_REQUIRE(found.server.has_value());
    BOOST_TEST(found.not_in_data == std::vector<std::string>{"made:up"});
    auto const expected = ms::vocabulary(*found.server) - ms::scope_set{ms::scope::read, ms::scope::profile};
    BOOST_TEST((found.not_advertised == expected));
    // An unreadable version is answered for the newest release, and the evidence says so.
    auto const odd = identify_one(R"({"software":{"name":"pixelfed","version":"nightly"}})");
    BOOST_TEST_REQUIRE(odd.server.has_value());
    BOOST_TEST((odd.server->release == ms::newest_release_of(software::pixelfed)));
    BOOST_TEST(odd.evidence[0].says.find("answering for") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
