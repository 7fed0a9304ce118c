// Tests for mastoscope/scope.hpp: names, lookup and the server facts of the generated table.
#include <mastoscope/history.hpp>
#include <mastoscope/scope.hpp>
#include <mastoscope/detail/scope_hash.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "support.hpp"

namespace ms = mastoscope;

BOOST_AUTO_TEST_SUITE(scope_hpp)

BOOST_AUTO_TEST_CASE(every_name_looks_up_to_its_scope)
{
    std::set<std::string_view> names;
    for (auto s : test::every_scope()) {
        BOOST_TEST_CONTEXT(ms::name(s))
        {
            BOOST_TEST((ms::lookup(ms::name(s)) == s));
            BOOST_TEST(!ms::description(s).empty());
            names.insert(ms::name(s));
        }
    }
    BOOST_TEST(names.size() == ms::scope_count);
}

// Mastodon compares names exactly: no case folding, trimming, aliases or prefixes.
BOOST_AUTO_TEST_CASE(lookup_is_exact)
{
    for (auto text : {"Read", "READ", " read", "read ", "read,write", "Admin", "read:", "read:statuses:x", "", ":read",
                      "read::statuses", "read:me", "read:collection", "readwrite"})
        BOOST_TEST_CONTEXT('"' << text << '"') { BOOST_TEST(!ms::lookup(text).has_value()); }
    BOOST_TEST((ms::lookup("read:statuses") == ms::scope::read_statuses));
    BOOST_TEST((ms::lookup("admin:write:ip_blocks") == ms::scope::admin_write_ip_blocks));
    // `admin` is a scope of other servers, never of Mastodon
    BOOST_TEST((ms::lookup("admin") == ms::scope::admin));
    BOOST_TEST(!ms::lookup_mastodon("admin").has_value());
    BOOST_TEST((ms::lookup_mastodon("read") == ms::scope::read));
}

// Every name with one byte changed, one byte short or one byte longer is no scope (or the scope so named).
BOOST_AUTO_TEST_CASE(lookup_compares_every_byte)
{
    for (auto s : test::every_scope()) {
        std::string const name{ms::name(s)};
        std::vector<std::string> near{name.substr(0, name.size() - 1), name + "s", name + ' '};
        for (std::size_t i = 0; i < name.size(); ++i) {
            auto changed = name;
            changed[i] = static_cast<char>(changed[i] ^ 0x01);
            near.push_back(changed);
        }
        for (auto const& text : near) {
            auto const found = ms::lookup(text);
            BOOST_TEST_CONTEXT('"' << text << '"') { BOOST_TEST((!found || ms::name(*found) == text)); }
        }
    }
}

// The inline comparison behind lookup, at every length and every differing position.
BOOST_AUTO_TEST_CASE(same_bytes_finds_every_difference)
{
    std::string const a(40, 'x');
    for (std::size_t n = 0; n <= a.size(); ++n) {
        BOOST_TEST(ms::detail::same_bytes(a.data(), a.data(), n));
        for (std::size_t i = 0; i < n; ++i) {
            auto b = a;
            b[i] = 'y';
            BOOST_TEST_CONTEXT("n " << n << ", difference at " << i)
            {
                BOOST_TEST(!ms::detail::same_bytes(a.data(), b.data(), n));
            }
        }
    }
}

// The server facts hang together; their values are checked against data/scopes.yaml by the
// reference model (tests/reference_model.py lists every scope at five versions).
BOOST_AUTO_TEST_CASE(server_facts)
{
    BOOST_TEST(ms::scope_set::all().size() == ms::scope_count);
    BOOST_TEST(ms::available_at(ms::default_scope, ms::newest_release));
    BOOST_TEST(!ms::deprecated_scopes_at(ms::newest_release).contains(ms::default_scope));
    for (auto s : ms::scope_set::all()) {
        BOOST_TEST_CONTEXT(ms::name(s))
        {
            BOOST_TEST((ms::lookup(ms::name(s)) == s));
            // the data describes no Mastodon release after its newest; the other servers' names have none
            BOOST_TEST(ms::added_in(s).has_value() == ms::mastodon_scopes().contains(s));
            if (auto const added = ms::added_in(s)) BOOST_TEST((*added <= ms::newest_release));
        }
    }
}

BOOST_AUTO_TEST_CASE(refs_come_from_the_data)
{
    auto const follow = ms::refs(ms::scope::follow);
    BOOST_TEST((std::find(follow.begin(), follow.end(), 17678u) != follow.end()));  // its deprecation
    BOOST_TEST(ms::refs(ms::scope::read).empty());
    BOOST_TEST(ms::refs(ms::scope::read_reports).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
