// Tests for mastoscope/history.hpp: availability at every version boundary, min_version, replacement.
#include <mastoscope/history.hpp>

#include <optional>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

namespace ms = mastoscope;
using ms::scope;
using ms::scope_set;
using ms::version;

namespace {
// A version just before `v`: its first possible pre-release ("0" is the lowest SemVer identifier).
version just_before(version const& v) { return version{v.major(), v.minor(), v.patch(), "0"}; }
version next_patch(version const& v) { return version{v.major(), v.minor(), v.patch() + 1}; }
}  // namespace

BOOST_AUTO_TEST_SUITE(history_hpp)

// Every version event of every scope in the data, on both sides of the boundary.
BOOST_AUTO_TEST_CASE(every_boundary_of_every_scope)
{
    for (auto s : test::every_mastodon_scope()) {
        BOOST_TEST_CONTEXT(ms::name(s))
        {
            auto const from = *ms::added_in(s);
            BOOST_TEST(!ms::available_at(s, just_before(from)));
            BOOST_TEST(ms::available_at(s, from));
            BOOST_TEST(ms::scopes_at(from).contains(s));
            BOOST_TEST(!ms::scopes_at(just_before(from)).contains(s));
            if (auto const gone = ms::removed_in(s)) {
                BOOST_TEST(ms::available_at(s, just_before(*gone)));
                BOOST_TEST(!ms::available_at(s, *gone));
                BOOST_TEST(!ms::available_at(s, next_patch(*gone)));
            } else {
                BOOST_TEST(ms::available_at(s, ms::newest_release));
            }
            if (auto const since = ms::deprecated_in(s)) {
                BOOST_TEST(!ms::deprecated_at(s, just_before(*since)));
                BOOST_TEST(ms::deprecated_at(s, *since));
                BOOST_TEST(*since > from);
            } else {
                BOOST_TEST(!ms::deprecated_at(s, ms::newest_release));
            }
        }
    }
}

// A name only other servers define has no Mastodon history and no Mastodon release accepts it.
BOOST_AUTO_TEST_CASE(names_of_other_servers_are_never_available)
{
    auto const others = scope_set::all() - ms::mastodon_scopes();
    BOOST_TEST(!others.empty());
    for (auto s : others) {
        BOOST_TEST_CONTEXT(ms::name(s))
        {
            BOOST_TEST(!ms::added_in(s).has_value());
            BOOST_TEST(!ms::deprecated_in(s).has_value());
            BOOST_TEST(!ms::removed_in(s).has_value());
            for (auto const& v : test::boundary_versions()) BOOST_TEST(!ms::available_at(s, v));
            BOOST_TEST(!ms::min_version({s}).has_value());
        }
    }
}

// Boundaries read from Mastodon's history: read:reports went with #9009 in 2.6.0; profile came in
// 4.3.0-beta.1, crypto went in 4.3.0-rc.1 (so both exist in the betas); collections in 4.6.0-beta.1.
BOOST_AUTO_TEST_CASE(named_boundaries)
{
    BOOST_TEST(ms::available_at(scope::read_reports, version{2, 4, 3}));
    BOOST_TEST(ms::available_at(scope::read_reports, version{2, 5, 2}));
    BOOST_TEST(!ms::available_at(scope::read_reports, version{2, 6, 0}));
    BOOST_TEST(!ms::deprecated_in(scope::read_reports).has_value());  // removed outright, never deprecated
    BOOST_TEST(ms::available_at(scope::crypto, version{3, 2, 0}));
    BOOST_TEST(ms::available_at(scope::crypto, version{4, 2, 12}));
    BOOST_TEST(ms::available_at(scope::crypto, version{4, 3, 0, "beta.2"}));
    BOOST_TEST(!ms::available_at(scope::crypto, version{4, 3, 0, "rc.1"}));
    BOOST_TEST(!ms::available_at(scope::crypto, version{4, 3, 0}));
    BOOST_TEST(!ms::available_at(scope::profile, version{4, 2, 12}));
    BOOST_TEST(!ms::available_at(scope::profile, version{4, 3, 0, "alpha.5"}));
    BOOST_TEST(ms::available_at(scope::profile, version{4, 3, 0, "beta.1"}));
    BOOST_TEST(ms::available_at(scope::profile, version{4, 3, 0, "rc.1"}));
    BOOST_TEST(ms::available_at(scope::profile, version{4, 3, 0}));
    BOOST_TEST(!ms::available_at(scope::read_collections, version{4, 5, 9}));
    BOOST_TEST(ms::available_at(scope::read_collections, version{4, 6, 0, "beta.1"}));
    BOOST_TEST(ms::available_at(scope::write_collections, version{4, 6, 0}));
    BOOST_TEST((version{4, 3, 0, "rc.1"} < version{4, 3, 0}));
    BOOST_TEST(ms::deprecated_at(scope::follow, ms::newest_release));
}

// Build metadata, as servers report versions, is kept but does not change what a version has.
BOOST_AUTO_TEST_CASE(build_metadata_is_ignored)
{
    version const glitch{4, 3, 0, "", "glitch"};
    BOOST_TEST(ms::available_at(scope::profile, glitch));
    BOOST_TEST(!ms::available_at(scope::crypto, glitch));
    BOOST_TEST((ms::scopes_at(glitch) == ms::scopes_at(version{4, 3, 0})));
    BOOST_TEST(glitch.build_metadata() == "glitch");
}

BOOST_AUTO_TEST_CASE(scopes_at_matches_available_at)
{
    // Every version event of the data, the releases just around it, and a few others.
    std::vector<version> versions{version{0, 8, 0}, version{3, 5, 0}, ms::newest_release, version{99, 0, 0}};
    for (auto s : test::every_scope()) {
        for (auto const& v : {std::optional<version>{ms::added_in(s)}, ms::deprecated_in(s), ms::removed_in(s)}) {
            if (!v) continue;
            versions.push_back(*v);
            versions.push_back(version{v->major(), v->minor(), v->patch(), "0"});  // before it, or equal
            versions.push_back(version{v->major(), v->minor(), v->patch() + 1});
        }
    }
    for (auto const& v : versions) {
        auto const set = ms::scopes_at(v);
        auto const deprecated = ms::deprecated_scopes_at(v);
        for (auto s : test::every_scope()) {
            BOOST_TEST(set.contains(s) == ms::available_at(s, v));
            BOOST_TEST(deprecated.contains(s) == (ms::available_at(s, v) && ms::deprecated_at(s, v)));
        }
    }
    BOOST_TEST(ms::scopes_at(version{0, 8, 0}).empty());
}

BOOST_AUTO_TEST_CASE(min_version)
{
    BOOST_TEST((ms::min_version(scope_set{}) == version{}));
    BOOST_TEST((ms::min_version(scope_set{scope::read, scope::profile}) == ms::added_in(scope::profile)));
    BOOST_TEST((ms::min_version(scope_set{scope::crypto, scope::profile}) == version{4, 3, 0, "beta.1"}));
    BOOST_TEST(!ms::min_version(scope_set{scope::crypto, scope::read_collections}).has_value());
    BOOST_TEST(!ms::min_version(scope_set{scope::read_reports, scope::read_bookmarks}).has_value());
    test::random_sets gen{3};
    for (int i = 0; i < 500; ++i) {  // whenever it answers, the answer accepts the whole set
        auto const set = gen.next();
        if (auto const v = ms::min_version(set))
            for (auto s : set) BOOST_TEST(ms::available_at(s, *v));
    }
}

BOOST_AUTO_TEST_CASE(replacement)
{
    auto const follow = scope_set{scope::follow};
    BOOST_TEST((ms::replacement(scope::follow) == ms::children(scope::follow)));
    BOOST_TEST(ms::replacement(scope::follow, follow).size() == 6u);
    auto const with_read = ms::replacement(scope::follow, scope_set{scope::follow, scope::read});
    BOOST_TEST((with_read == scope_set{scope::write_blocks, scope::write_follows, scope::write_mutes}));
    BOOST_TEST(ms::replacement(scope::follow, scope_set{scope::read, scope::write}).empty());
    BOOST_TEST(ms::replacement(scope::read).empty());  // not deprecated
    BOOST_TEST(!ms::deprecation_note(scope::follow).empty());
}

BOOST_AUTO_TEST_SUITE_END()
