// Tests for mastoscope/server.hpp: server values, and each dialect's vocabulary and hierarchy.
#include <mastoscope/server.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

#include "support.hpp"

namespace ms = mastoscope;
using ms::scope;
using ms::scope_set;
using ms::server;
using ms::software;
using ms::version;

namespace {
std::vector<software> every_server()
{
    std::vector<software> all;
    for (std::size_t i = 0; i < ms::software_count; ++i) all.push_back(static_cast<software>(i));
    return all;
}
bool grants_on(software sw, scope_set held, scope wanted) { return ms::grants(held, wanted, server{sw}); }
}  // namespace

// Compile-time answers: the dialects are constexpr tables.
static_assert(!ms::grants({scope::follow}, scope::read_blocks, server{software::gotosocial, version{0, 19, 1}}));
static_assert(ms::grants({scope::admin}, scope::admin_read_accounts, server{software::gotosocial}));
static_assert(ms::server{}.name == software::mastodon && ms::server{}.release == ms::newest_release);

BOOST_AUTO_TEST_SUITE(server_hpp)

BOOST_AUTO_TEST_CASE(server_values_read_and_write)
{
    for (auto sw : every_server()) {
        BOOST_TEST_CONTEXT(ms::to_string(sw))
        {
            auto const plain = ms::parse_server(ms::to_string(sw));
            BOOST_TEST_REQUIRE(plain.has_value());
            BOOST_TEST((plain->name == sw));
            BOOST_TEST((plain->release == ms::newest_release_of(sw)));
            BOOST_TEST((ms::parse_server(ms::to_string(*plain)) == plain));
            BOOST_TEST(!ms::display_name(sw).empty());
        }
    }
    auto const gts = ms::parse_server("gotosocial@0.19.1");
    BOOST_TEST_REQUIRE(gts.has_value());
    BOOST_TEST((*gts == server{software::gotosocial, version{0, 19, 1}}));
    auto const glitch = ms::parse_server("mastodon@4.3.0+glitch");
    BOOST_TEST_REQUIRE(glitch.has_value());
    BOOST_TEST(ms::to_string(*glitch) == "mastodon@4.3.0+glitch");
    BOOST_TEST(ms::parse_server("iceshrimp@2025.1.0-beta5.patch2").has_value());
    for (auto bad : {"", "GoToSocial", "gotosocial@", "gotosocial@0.19", "gotosocial@v0.19.1", "nope@1.0.0", "@1.0.0",
                     "gotosocial@0.19.1@x", " mastodon", "mastodon "})
        BOOST_TEST_CONTEXT('"' << bad << '"') { BOOST_TEST(!ms::parse_server(bad).has_value()); }
}

// Each server's own version format, from its code (data/servers.yaml, version_format).
BOOST_AUTO_TEST_CASE(versions_as_each_server_writes_them)
{
    auto const read = [](software sw, std::string_view text) { return ms::parse_release(sw, text); };
    BOOST_TEST((read(software::gotosocial, "0.19.1+git-6574dc8") == version{0, 19, 1}));
    BOOST_TEST(read(software::gotosocial, "0.19.1+git-6574dc8")->build_metadata() == "git-6574dc8");
    BOOST_TEST((read(software::gotosocial, "0.13.0 git-abc1234") == version{0, 13, 0}));
    BOOST_TEST((read(software::gotosocial, "0.20.0-rc1") == version{0, 20, 0, "rc1"}));
    // git describe's part is build metadata: a build after 3.9.3, not a pre-release before it
    auto const akkoma = read(software::akkoma, "3.9.3-232-g6fde75e1-develop");
    BOOST_TEST_REQUIRE(akkoma.has_value());
    BOOST_TEST((*akkoma == version{3, 9, 3}));
    BOOST_TEST(akkoma->build_metadata() == "232-g6fde75e1-develop");
    BOOST_TEST((read(software::pleroma, "2.7.0") == version{2, 7, 0}));
    BOOST_TEST((read(software::akkoma, "3.16.0-0-gabcdef01+prod.env") == version{3, 16, 0}));
    // Iceshrimp.NET's two numbers get a third
    auto const is = read(software::iceshrimp, "2025.1-beta5.patch2+abcdef1234");
    BOOST_TEST_REQUIRE(is.has_value());
    BOOST_TEST((*is == version{2025, 1, 0, "beta5.patch2"}));
    BOOST_TEST((read(software::iceshrimp, "2025.1.0-beta5.patch2") == *is));
    BOOST_TEST((read(software::sharkey, "2025.5.2-dev") == version{2025, 5, 2, "dev"}));
    BOOST_TEST((read(software::mastodon, "4.2.10+hometown-1.1.1") == version{4, 2, 10}));
    // what no format reads
    for (auto sw : every_server())
        for (auto bad : {"", "v4.3.0", "4.3", "4.3.0 ", " 4.3.0", "4.3.0+", "latest", "4.3.0-"})
            BOOST_TEST_CONTEXT(ms::to_string(sw) << " '" << bad << "'")
            {
                if (!(sw == software::iceshrimp && std::string_view{bad} == "4.3"))
                    BOOST_TEST(!read(sw, bad).has_value());
            }
    BOOST_TEST((read(software::iceshrimp, "4.3") == version{4, 3, 0}));
    BOOST_TEST((ms::parse_server("akkoma@3.9.3-232-g6fde75e1-develop")->release == version{3, 9, 3}));
}

// Laws every hierarchy rule keeps: a held scope grants itself, and closure is monotone.
BOOST_AUTO_TEST_CASE(every_dialect_is_extensive_and_monotone)
{
    test::random_sets sets{7};
    for (auto sw : every_server()) {
        BOOST_TEST_CONTEXT(ms::to_string(sw))
        {
            for (auto s : scope_set::all()) BOOST_TEST(ms::grants_on(sw, s).contains(s));
            for (int i = 0; i < 2000; ++i) {
                auto const a = sets.next(), b = sets.next();
                auto const here = server{sw};
                BOOST_TEST(a.is_subset_of(ms::closure(a, here)));
                BOOST_TEST(ms::closure(a, here).is_subset_of(ms::closure(a | b, here)));
            }
        }
    }
}

// normalize on a server keeps what the set grants there, and keeps only written scopes.
BOOST_AUTO_TEST_CASE(normalize_on_every_server)
{
    test::random_sets sets{17};
    for (auto sw : every_server()) {
        auto const here = server{sw};
        for (int i = 0; i < 500; ++i) {
            // (Mastodon's normalize follows the documented hierarchy of every release: a removed
            // scope's parent drops it, so compare on what the newest release has)
            auto const a = sw == software::mastodon ? sets.next() & ms::scopes_at(ms::newest_release) : sets.next();
            auto const n = ms::normalize(a, here);
            BOOST_TEST_CONTEXT(ms::to_string(sw) << ": " << ms::to_string(a))
            {
                BOOST_TEST(n.is_subset_of(a));
                BOOST_TEST((ms::closure(n, here) == ms::closure(a, here)));
                if (sw == software::mastodon) BOOST_TEST((n == ms::normalize(a)));
            }
        }
    }
    BOOST_TEST((ms::normalize({scope::read, scope::read_statuses, scope::admin, scope::admin_read_accounts},
                              server{software::akkoma}) == scope_set{scope::read, scope::admin}));
    // Pixelfed has no hierarchy: nothing is dropped
    BOOST_TEST((ms::normalize({scope::read, scope::write}, server{software::pixelfed}) ==
                scope_set{scope::read, scope::write}));
}

// For Mastodon the server functions answer as the Mastodon core does.
BOOST_AUTO_TEST_CASE(mastodon_is_the_core)
{
    test::random_sets sets{11};
    for (auto const& v : test::boundary_versions()) {
        BOOST_TEST((ms::vocabulary(server{software::mastodon, v}) == ms::scopes_at(v)));
        for (int i = 0; i < 200; ++i) {
            auto const held = sets.next() & ms::scopes_at(v);
            BOOST_TEST((ms::closure(held, server{software::mastodon, v}) == ms::closure_at(held, v)));
        }
    }
}

BOOST_AUTO_TEST_CASE(gotosocial)
{
    auto const gts = software::gotosocial;
    auto const v0191 = server{gts, version{0, 19, 1}};
    // follow is no GoToSocial scope: it grants nothing but itself
    BOOST_TEST(!ms::grants({scope::follow}, scope::read_blocks, v0191));
    BOOST_TEST(!ms::vocabulary(v0191).contains(scope::follow));
    // its seven roots grant by prefix; admin covers the admin scopes, read does not
    BOOST_TEST(ms::grants({scope::admin}, scope::admin_read_accounts, v0191));
    BOOST_TEST(ms::grants({scope::read}, scope::read_applications, v0191));
    BOOST_TEST(!ms::grants({scope::read}, scope::admin_read_accounts, v0191));
    BOOST_TEST(!ms::grants({scope::read_statuses}, scope::read, v0191));
    // a granular scope grants only itself, even where a name starts with it
    BOOST_TEST((ms::grants_on(gts, scope::read_accounts) == scope_set{scope::read_accounts}));
    // read:custom_emojis came with 0.20.0-rc1
    BOOST_TEST(!ms::vocabulary(v0191).contains(scope::read_custom_emojis));
    BOOST_TEST(ms::vocabulary(server{gts, version{0, 20, 0, "rc1"}}).contains(scope::read_custom_emojis));
    BOOST_TEST(!ms::grants({scope::read}, scope::read_custom_emojis, v0191));
    // before 0.19.0 no endpoint checked scopes
    BOOST_TEST(!ms::enforces_scopes(server{gts, version{0, 18, 3}}));
    BOOST_TEST(ms::grants({scope::follow}, scope::admin_write_accounts, server{gts, version{0, 18, 3}}));
    BOOST_TEST(ms::enforces_scopes(server{gts, version{0, 19, 0}}));
    BOOST_TEST((ms::stands_for(gts, scope::follow) == scope::write_follows));
}

BOOST_AUTO_TEST_CASE(akkoma_and_pleroma)
{
    for (auto sw : {software::akkoma, software::pleroma}) {
        BOOST_TEST_CONTEXT(ms::to_string(sw))
        {
            // every held scope grants by prefix; follow covers only follow:..., which no scope is
            BOOST_TEST(!grants_on(sw, {scope::follow}, scope::read_follows));
            BOOST_TEST(grants_on(sw, {scope::read}, scope::read_backups));
            BOOST_TEST(grants_on(sw, {scope::admin}, scope::admin_write_follows));
            BOOST_TEST(grants_on(sw, {scope::admin_read}, scope::admin_read_reports));
            BOOST_TEST(!grants_on(sw, {scope::read}, scope::admin_read_reports));
            BOOST_TEST(!grants_on(sw, {scope::read}, scope::read_collections));  // no such scope there
        }
    }
    BOOST_TEST(ms::vocabulary(server{software::akkoma}).contains(scope::admin_metrics));
    BOOST_TEST(!ms::vocabulary(server{software::pleroma}).contains(scope::admin_metrics));
    BOOST_TEST(ms::vocabulary(server{software::pleroma}).contains(scope::read_chats));
}

BOOST_AUTO_TEST_CASE(pixelfed)
{
    auto const pf = server{software::pixelfed};
    BOOST_TEST(!ms::vocabulary(pf).contains(scope::read_statuses));  // no granular scopes
    BOOST_TEST((ms::grants_on(software::pixelfed, scope::read) == scope_set{scope::read}));
    BOOST_TEST((ms::stands_for(software::pixelfed, scope::read_statuses) == scope::read));
    BOOST_TEST(
        !ms::vocabulary(server{software::pixelfed, version{0, 12, 3}}).contains(scope::admin_read_domain_blocks));
    BOOST_TEST(ms::vocabulary(server{software::pixelfed, version{0, 12, 4}}).contains(scope::admin_read_domain_blocks));
    BOOST_TEST(!ms::vocabulary(server{software::pixelfed, version{0, 10, 3}}).contains(scope::push));
}

BOOST_AUTO_TEST_CASE(iceshrimp)
{
    auto const is = server{software::iceshrimp};
    BOOST_TEST(ms::grants({scope::follow}, scope::write_mutes, is));
    BOOST_TEST(!ms::grants({scope::follow}, scope::read_lists, is));
    BOOST_TEST(!ms::vocabulary(is).contains(scope::profile));
    BOOST_TEST(ms::grants({scope::write}, scope::write_bites, is));
    BOOST_TEST((ms::closure({scope::push}, is) == scope_set{scope::push}));  // push expands to itself
    BOOST_TEST((ms::stands_for(software::iceshrimp, scope::profile) == scope::read_accounts));
}

BOOST_AUTO_TEST_CASE(sharkey)
{
    auto const sk = server{software::sharkey};
    // any scope starting with read is every read permission: read:statuses gives read:accounts
    BOOST_TEST(ms::grants({scope::read_statuses}, scope::read_accounts, sk));
    BOOST_TEST(ms::grants({scope::read_statuses}, scope::read, sk));
    BOOST_TEST(!ms::grants({scope::read_statuses}, scope::write_statuses, sk));
    // follow, push, profile and admin give a Sharkey token nothing
    for (auto s : {scope::follow, scope::push, scope::profile, scope::admin_read}) BOOST_TEST_CONTEXT(ms::name(s))
        {
            BOOST_TEST((ms::closure({s}, sk) == scope_set{s}));
        }
}

// What to request elsewhere for what a Mastodon token allows.
BOOST_AUTO_TEST_CASE(translate_to_each_server)
{
    // Pixelfed has no granular scopes: its read and write stand for read:statuses and write:media,
    // and allow more (what they also stand for)
    auto const pf = ms::translate({scope::read_statuses, scope::write_media}, server{software::pixelfed});
    BOOST_TEST((pf.request == scope_set{scope::read, scope::write}));
    BOOST_TEST(pf.unavailable.empty());
    BOOST_TEST(pf.wider.contains(scope::read_accounts));
    BOOST_TEST(!pf.wider.contains(scope::read_statuses));
    // GoToSocial has no follow: what it grants on Mastodon, its granular scopes, are requested
    auto const gts = ms::translate({scope::follow}, server{software::gotosocial, version{0, 19, 1}});
    BOOST_TEST((gts.request == ms::children(scope::follow)));
    BOOST_TEST(gts.unavailable.empty());
    // a Mastodon feature GoToSocial lacks is unavailable, though its read would cover the name
    auto const read = ms::translate({scope::read}, server{software::gotosocial, version{0, 19, 1}});
    BOOST_TEST((read.request == scope_set{scope::read}));
    BOOST_TEST(read.unavailable.contains(scope::read_collections));
    BOOST_TEST(read.wider.contains(scope::read_applications));
    // Iceshrimp.NET lacks profile: read:accounts guards the same
    auto const is = ms::translate({scope::profile}, server{software::iceshrimp});
    BOOST_TEST((is.request == scope_set{scope::read_accounts}));
    // Sharkey gives every read permission for any read scope
    auto const sk = ms::translate({scope::read_statuses}, server{software::sharkey});
    BOOST_TEST((sk.request == scope_set{scope::read_statuses}));
    BOOST_TEST(sk.wider.contains(scope::read_notifications));
    // to Mastodon itself: the normal form, nothing wider, nothing unavailable
    test::random_sets sets{5};
    for (int i = 0; i < 500; ++i) {
        auto const wanted = sets.next() & ms::scopes_at(ms::newest_release);
        auto const t = ms::translate(wanted, server{});
        BOOST_TEST_CONTEXT(ms::to_string(wanted))
        {
            BOOST_TEST((t.request == ms::normalize(ms::closure_at(wanted, ms::newest_release))));
            BOOST_TEST(t.unavailable.empty());
            BOOST_TEST(t.wider.empty());
        }
    }
}

// Laws of translate on every server: the request grants there what is needed, and is minimal.
BOOST_AUTO_TEST_CASE(translate_laws)
{
    test::random_sets sets{13};
    for (auto sw : every_server()) {
        auto const to = server{sw};
        for (int i = 0; i < 300; ++i) {
            auto const wanted = sets.next() & ms::scopes_at(ms::newest_release);
            auto const t = ms::translate(wanted, to);
            BOOST_TEST_CONTEXT(ms::to_string(sw) << ": " << ms::to_string(wanted))
            {
                BOOST_TEST(t.request.is_subset_of(ms::vocabulary(to)));
                for (auto s : t.request) {
                    auto without = t.request;
                    without.erase(s);
                    scope_set granted = without;
                    for (auto h : without) granted |= ms::grants_on(sw, h);
                    BOOST_TEST(!granted.contains(s));  // nothing in the request is granted by the rest
                }
                for (auto m : ms::closure_at(wanted, ms::newest_release)) {
                    bool const had =
                        t.unavailable.contains(m) || ms::closure(t.request, to).contains(m) ||
                        (ms::stands_for(sw, m) && ms::closure(t.request, to).contains(*ms::stands_for(sw, m)));
                    BOOST_TEST(had);  // every wanted scope is granted, stood in for, or unavailable
                }
            }
        }
    }
}

// Each dialect's names are scopes of the enum, and Mastodon's names keep their ids.
BOOST_AUTO_TEST_CASE(vocabularies_are_scopes)
{
    for (auto sw : every_server()) {
        auto const v = ms::vocabulary(server{sw});
        BOOST_TEST_CONTEXT(ms::to_string(sw)) { BOOST_TEST(!v.empty()); }
    }
    BOOST_TEST(ms::index(scope::read) == 0u);
    BOOST_TEST(ms::mastodon_scopes().size() == ms::detail::table::mastodon_count);
}

BOOST_AUTO_TEST_SUITE_END()
