// Tests for mastoscope/mastodon.hpp against Mastodon's real behaviour: route
// matching, each literal-check exception, registration, authorization, the audit and the planner.
#include <mastoscope/mastodon.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "support.hpp"

namespace ms = mastoscope;
namespace md = mastoscope::mastodon;
using ms::scope;
using ms::scope_set;
using ms::version;

namespace {

md::route const& route_of(std::string_view method, std::string_view path, version const& v = ms::newest_release)
{
    auto const* r = md::match(method, path, v);
    BOOST_REQUIRE_MESSAGE(r != nullptr, "no route for " << method << ' ' << path);
    return *r;
}

bool allowed(std::string_view method, std::string_view path, std::string_view token)
{
    return md::allows(route_of(method, path), ms::parse(token).scopes()).ok;
}

int status(std::string_view method, std::string_view path, std::optional<std::string_view> token)
{
    std::optional<scope_set> scopes;
    if (token) scopes = ms::parse(*token).scopes();
    return md::allows(route_of(method, path), scopes).status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mastodon_hpp)

BOOST_AUTO_TEST_CASE(the_table)
{
    // The routes and the scopes were read from the same Mastodon revision.
    BOOST_TEST(md::routes_revision() == ms::detail::table::revision);
    for (auto const& r : md::routes()) {
        BOOST_TEST_CONTEXT(r.method << ' ' << r.path)
        {
            BOOST_TEST(!r.source.empty());  // every route says where its history was read
            BOOST_TEST(md::exists_at(r, r.added));
            if (r.removed) BOOST_TEST(!md::exists_at(r, *r.removed));
            BOOST_TEST((md::at(r, ms::newest_release).accepts == (r.accepts & ms::scopes_at(ms::newest_release))));
        }
    }
}

// Routes have versions: a route a version lacks is found, but does not exist there; its earlier checks
// apply before their change.
BOOST_AUTO_TEST_CASE(routes_have_versions)
{
    auto const& userinfo = route_of("GET", "/oauth/userinfo");
    BOOST_TEST(!md::exists_at(userinfo, version{4, 2, 0}));
    BOOST_TEST(md::exists_at(userinfo, userinfo.added));
    auto const& reports = route_of("GET", "/api/v1/reports", version{2, 5, 0});
    BOOST_REQUIRE(reports.removed.has_value());
    BOOST_TEST((*reports.removed == version{2, 6, 0}));
    BOOST_TEST(md::allows(md::at(reports, version{2, 5, 0}), scope_set{scope::read_reports}).ok);
    BOOST_TEST(!md::exists_at(reports, ms::newest_release));
    // follow, block and mute accepted only follow before 3.5.0 (#17678) among today's write scopes.
    auto const& follow = route_of("POST", "/api/v1/accounts/1/follow");
    BOOST_TEST(follow.first_change != follow.last_change);
    BOOST_TEST(!md::at(follow, version{3, 4, 0}).accepts.contains(scope::write));
    BOOST_TEST(md::at(follow, ms::newest_release).accepts.contains(scope::write));
    // Every earlier check comes before the next one, within the route's life.
    for (auto const& r : md::routes()) {
        auto after = r.added;
        for (auto const& change : md::earlier(r)) {
            BOOST_TEST((after < change.until));
            after = change.until;
        }
    }
}

BOOST_AUTO_TEST_CASE(route_matching_precedence)
{
    BOOST_TEST(route_of("GET", "/api/v1/accounts/verify_credentials").path == "/api/v1/accounts/verify_credentials");
    BOOST_TEST(route_of("GET", "/api/v1/accounts/relationships").path == "/api/v1/accounts/relationships");
    BOOST_TEST(route_of("GET", "/api/v1/accounts/109").path == "/api/v1/accounts/:id");
    BOOST_TEST(route_of("GET", "/api/v1/accounts/109/statuses").path == "/api/v1/accounts/:account_id/statuses");
    BOOST_TEST(route_of("GET", "/api/v1/streaming/user").path == "/api/v1/streaming/user");
    BOOST_TEST(route_of("GET", "/api/v1/streaming/foo/bar").path == "/api/v1/streaming/*any");
    BOOST_TEST(route_of("GET", "/api/v1/streaming").path == "/api/v1/streaming");
    BOOST_TEST(route_of("GET", "/api/v1/timelines/home?limit=5").path == "/api/v1/timelines/home");
    BOOST_TEST(md::match("get", "/api/v1/timelines/home") == nullptr);  // HTTP methods are upper case
    BOOST_TEST(route_of("GET", "//api//v1//timelines//home").path == "/api/v1/timelines/home");  // squeezed
    // Mastodon's API routes take no format suffix, and a :param never holds a dot.
    BOOST_TEST(md::match("GET", "/api/v1/statuses/1.json") == nullptr);
    BOOST_TEST(md::match("GET", "/api/v1/statuses/..") == nullptr);
    BOOST_TEST(md::match("GET", "/api/v1/statuses/.") == nullptr);
    BOOST_TEST(route_of("GET", "/api/v1/timelines/home/").path == "/api/v1/timelines/home");
    BOOST_TEST(route_of("HEAD", "/api/v1/instance").path == "/api/v1/instance");
    BOOST_TEST(route_of("POST", "https://mastodon.example/api/v1/statuses").path == "/api/v1/statuses");
    BOOST_TEST(md::match("GET", "/api/v1/nothing/here") == nullptr);
    BOOST_TEST(md::match("DELETE", "/api/v1/timelines/home") == nullptr);  // right path, wrong method
    BOOST_TEST(route_of("GET", "/api/v1/accounts//statuses").path == "/api/v1/accounts/:id");  // "//" is "/"
    BOOST_TEST(md::match("GET", "") == nullptr);
    BOOST_TEST(md::match("GET", "api/v1/instance") == nullptr);
}

// follow is accepted only where a controller names it (Mastodon's doorkeeper_authorize! lists).
BOOST_AUTO_TEST_CASE(follow_is_refused_where_no_controller_names_it)
{
    BOOST_TEST(!allowed("GET", "/api/v1/accounts/relationships", "follow"));
    BOOST_TEST(!allowed("GET", "/api/v1/accounts/familiar_followers", "follow"));
    BOOST_TEST(!allowed("POST", "/api/v1/statuses/1/mute", "follow"));
    BOOST_TEST(!allowed("POST", "/api/v1/statuses/1/unmute", "follow"));
    BOOST_TEST(allowed("GET", "/api/v1/accounts/relationships", "read:follows"));
    BOOST_TEST(allowed("GET", "/api/v1/accounts/relationships", "read"));
    BOOST_TEST(allowed("POST", "/api/v1/statuses/1/mute", "write:mutes"));
    for (auto path : {"/api/v1/accounts/1/follow", "/api/v1/accounts/1/unfollow", "/api/v1/accounts/1/block",
                      "/api/v1/accounts/1/unblock", "/api/v1/accounts/1/mute", "/api/v1/accounts/1/unmute",
                      "/api/v1/accounts/1/remove_from_followers"})
        BOOST_TEST_CONTEXT(path) { BOOST_TEST(allowed("POST", path, "follow")); }
    BOOST_TEST(allowed("GET", "/api/v1/mutes", "follow"));
    BOOST_TEST(allowed("GET", "/api/v1/follow_requests", "follow"));
    BOOST_TEST(status("GET", "/api/v1/accounts/relationships", "follow") == 403);
}

BOOST_AUTO_TEST_CASE(the_other_exceptions)
{
    BOOST_TEST(allowed("GET", "/oauth/userinfo", "profile"));  // profile ONLY
    BOOST_TEST(!allowed("GET", "/oauth/userinfo", "read"));
    BOOST_TEST(!allowed("GET", "/oauth/userinfo", "read:accounts"));
    BOOST_TEST(allowed("GET", "/api/v1_alpha/async_refreshes/1", "read"));  // bare read only
    BOOST_TEST(!allowed("GET", "/api/v1_alpha/async_refreshes/1", "read:statuses"));
    BOOST_TEST(allowed("GET", "/api/v1/admin/trends/tags", "admin:read"));  // bare admin scopes only
    BOOST_TEST(!allowed("GET", "/api/v1/admin/trends/tags", "admin:read:accounts"));
    BOOST_TEST(!allowed("POST", "/api/v1/admin/trends/links/1/approve", "admin:write:accounts"));
    BOOST_TEST(allowed("GET", "/api/v1/streaming/list", "read:statuses"));  // the list channel
    BOOST_TEST(!allowed("GET", "/api/v1/streaming/list", "read:lists"));
    BOOST_TEST(allowed("GET", "/api/v1/apps/verify_credentials", "push"));  // any valid token
    BOOST_TEST(status("GET", "/api/v1/apps/verify_credentials", std::nullopt) == 401);
    BOOST_TEST(allowed("GET", "/api/v1/announcements", "write:media"));  // a user, no scope
    BOOST_TEST(status("GET", "/api/v1/announcements", std::nullopt) == 401);
    BOOST_TEST(status("GET", "/api/v1/timelines/home", std::nullopt) == 401);
    BOOST_TEST(status("GET", "/api/v1/timelines/public", std::nullopt) == 200);  // optional: public
    BOOST_TEST(status("GET", "/api/v1/timelines/public", "write") == 403);       // ...but a token is checked
    BOOST_TEST(status("GET", "/api/v1/instance", "write") == 200);               // none: the token is not read
}

namespace {
std::vector<std::string> names_of(md::stored_scopes const& s) { return s.names; }
using name_list = std::vector<std::string>;
md::stored_scopes app(std::string_view registered) { return md::store_scopes(registered); }
}  // namespace

BOOST_AUTO_TEST_CASE(registration)
{
    auto const now = ms::newest_release;
    auto r = md::register_app(std::nullopt, now);  // absent: read
    BOOST_TEST((r.ok && r.status == 200 && r.stored.as_set == scope_set{scope::read}));
    r = md::register_app("read write follow read", now);
    BOOST_TEST((r.ok && r.stored.as_set == scope_set{scope::read, scope::write, scope::follow}));
    BOOST_TEST((names_of(r.stored) == name_list{"read", "write", "follow"}));
    r = md::register_app("push read", now);  // Mastodon keeps the order it was given
    BOOST_TEST((names_of(r.stored) == name_list{"push", "read"}));
    BOOST_TEST(r.stored.text() == "push read");
    r = md::register_app("\tpush\r\npush ", now);  // validated after Doorkeeper splits on whitespace
    BOOST_TEST((r.ok && names_of(r.stored) == name_list{"push"}));
    r = md::register_app("read\vwrite\fpush", now);  // Ruby's split: \v and \f separate too
    BOOST_TEST((r.ok && r.stored.as_set == scope_set{scope::read, scope::write, scope::push}));
    for (auto blank : {"", "   "}) {
        r = md::register_app(blank, now);  // an app with no scopes
        BOOST_TEST((r.ok && r.status == 200 && r.stored.empty()));
    }
    for (auto bad : {"read raed", "Read", "read,write", "crypto", "read:reports", "admin", "read\xc2\xa0write"}) {
        r = md::register_app(bad, now);
        BOOST_TEST_CONTEXT(bad)
        {
            BOOST_TEST((!r.ok && r.status == 422 && r.stored.empty()));
            BOOST_TEST(r.reason == "Validation failed: Scopes doesn't match those configured on the server.");
        }
    }
    r = md::register_app("read\xff", now);  // not UTF-8: Rails answers 400 before Doorkeeper
    BOOST_TEST((!r.ok && r.status == 400));
    BOOST_TEST(!md::register_app("profile", version{4, 2, 0}).ok);
    BOOST_TEST(md::register_app("crypto", version{4, 2, 0}).ok);
    BOOST_TEST(!md::register_app("crypto", version{4, 3, 0, "rc.1"}).ok);
}

// The data says when Mastodon changed: registration names checked from 3.4.0 (#16042), and the
// wording of the 422 from Doorkeeper 5.9.2 (4.6.0-rc.1).
BOOST_AUTO_TEST_CASE(registration_per_version)
{
    auto const checked = *ms::detail::table::registration_checked.start;
    BOOST_TEST((checked == version{3, 4, 0}));
    auto r = md::register_app("raed read", version{3, 3, 0});  // before: any name was stored
    BOOST_TEST((r.ok && r.status == 200 && names_of(r.stored) == name_list{"raed", "read"}));
    BOOST_TEST(r.stored.has_unknown());
    BOOST_TEST(!md::register_app("raed read", checked).ok);
    BOOST_TEST(md::register_app("raed", version{4, 5, 0}).reason ==
               "Validation failed: Scopes doesn't match configured on the server.");
    BOOST_TEST(md::register_app("raed", version{4, 6, 0, "beta.1"}).reason ==
               "Validation failed: Scopes doesn't match configured on the server.");
    BOOST_TEST(md::register_app("raed", version{4, 6, 0, "rc.1"}).reason ==
               "Validation failed: Scopes doesn't match those configured on the server.");
}

BOOST_AUTO_TEST_CASE(authorization_is_a_literal_subset)
{
    auto const now = ms::newest_release;
    for (auto grant : {md::grant_type::authorization_code, md::grant_type::client_credentials}) {
        BOOST_TEST_CONTEXT("grant " << static_cast<int>(grant))
        {
            auto a = md::authorize(app("read"), "read:accounts", grant, now);  // issue #22140
            BOOST_TEST((!a.ok && a.status == 400 && a.oauth_error == "invalid_scope"));
            BOOST_TEST((a.not_registered == name_list{"read:accounts"}));
            BOOST_TEST((a.covered_by_hierarchy == scope_set{scope::read_accounts}));
            a = md::authorize(app("read write"), "read", grant, now);
            BOOST_TEST((a.ok && a.status == 200 && a.scopes.as_set == scope_set{scope::read} && a.oauth_error.empty()));
            a = md::authorize(app("read write"), std::nullopt, grant, now);  // absent: default
            BOOST_TEST((a.ok && a.scopes.as_set == scope_set{scope::read}));
            // Blank as Ruby (ActiveSupport) sees it, Unicode spaces included, is absent: the default.
            for (auto blank :
                 {"  ", "\t", "\n", "\r\n", "\f", "\xc2\xa0", "\xc2\x85", "\xe2\x80\x83", "\xe3\x80\x80"}) {
                a = md::authorize(app("read write"), blank, grant, now);
                BOOST_TEST((a.ok && a.scopes.as_set == scope_set{scope::read}));
            }
            a = md::authorize(app("write"), std::nullopt, grant, now);  // read not registered
            BOOST_TEST((!a.ok && a.oauth_error == "invalid_scope"));
            a = md::authorize(app(""), std::nullopt, grant, now);  // an app with no scopes
            BOOST_TEST((a.ok && a.scopes.as_set == scope_set{scope::read}));
            a = md::authorize(app(""), "admin:read push", grant, now);
            BOOST_TEST((a.ok && names_of(a.scopes) == name_list{"admin:read", "push"}));
            a = md::authorize(app("write"), "write:media", grant, now);
            BOOST_TEST((!a.ok && a.covered_by_hierarchy == scope_set{scope::write_media}));
            a = md::authorize(app("read"), "read\xff", grant, now);  // not UTF-8: Rails refuses it
            BOOST_TEST((!a.ok && a.status == 400 && a.oauth_error == "invalid_request"));
            // REGISTERED is what the app stored: whitespace was normalised away at registration.
            a = md::authorize(app("\tpush\r\npush "), "push", grant, now);
            BOOST_TEST((a.ok && names_of(a.scopes) == name_list{"push"}));
        }
    }
}

// Where the grant type matters: client_credentials checks the split-and-joined string, so a tab, CR
// or LF only separates; authorization_code checks the raw parameter and refuses them.
BOOST_AUTO_TEST_CASE(grant_types_differ_where_doorkeeper_does)
{
    auto const now = ms::newest_release;
    auto a = md::authorize(app("write:blocks read"), "read\rread", md::grant_type::client_credentials, now);
    BOOST_TEST((a.ok && names_of(a.scopes) == name_list{"read"}));
    a = md::authorize(app("write:blocks read"), "read\rread", md::grant_type::authorization_code, now);
    BOOST_TEST((!a.ok && a.oauth_error == "invalid_scope"));
    a = md::authorize(app("read write"), "read\twrite", md::grant_type::authorization_code, now);
    BOOST_TEST(!a.ok);
    a = md::authorize(app("read write"), "read\vwrite", md::grant_type::authorization_code, now);  // not in [\n\r\t]
    BOOST_TEST((a.ok && a.scopes.as_set == scope_set{scope::read, scope::write}));
}

// No scope parameter and an app without the default scope: Doorkeeper's answer changed with versions.
BOOST_AUTO_TEST_CASE(empty_default_per_version)
{
    auto const& code = ms::detail::table::authorization_code_empty_token;
    auto const& credentials = ms::detail::table::client_credentials_empty_token;
    for (auto const& v : {version{2, 4, 3}, version{2, 5, 0}, version{2, 9, 2}, version{2, 9, 3}, version{3, 5, 0},
                          version{4, 0, 0}, ms::newest_release}) {
        BOOST_TEST_CONTEXT(to_string(v))
        {
            auto a = md::authorize(app("write"), std::nullopt, md::grant_type::authorization_code, v);
            BOOST_TEST(a.ok == code.contains(v));
            if (a.ok) BOOST_TEST(a.scopes.empty());
            a = md::authorize(app("write"), std::nullopt, md::grant_type::client_credentials, v);
            BOOST_TEST(a.ok == credentials.contains(v));
        }
    }
    BOOST_TEST(!code.contains(ms::newest_release));
    BOOST_TEST(credentials.contains(version{3, 5, 0}));
    BOOST_TEST(!credentials.contains(version{4, 0, 0}));
}

// Before 3.4.0 an app could register any name, and Doorkeeper checks requests against the app's own
// names: such a name could be granted (it grants nothing).
BOOST_AUTO_TEST_CASE(unknown_registered_names_before_3_4)
{
    auto const old = version{3, 3, 0};
    auto const registered = md::register_app("read raed", old).stored;
    auto a = md::authorize(registered, "raed", md::grant_type::authorization_code, old);
    BOOST_TEST((a.ok && names_of(a.scopes) == name_list{"raed"} && a.scopes.as_set.empty()));
    a = md::authorize(registered, "write", md::grant_type::authorization_code, old);
    BOOST_TEST((!a.ok && a.not_registered == name_list{"write"}));
    a = md::authorize(md::register_app("raed", old).stored, std::nullopt, md::grant_type::authorization_code, old);
    BOOST_TEST(!a.ok);  // the app's names replace the server's: read is not among them
}

BOOST_AUTO_TEST_CASE(audit_finds_the_documented_exceptions)
{
    auto const found = md::audit(ms::newest_release);
    auto has = [&](scope s, std::string_view method, std::string_view path) {
        return std::any_of(found.begin(), found.end(), [&](auto const& d) {
            return d.granted == s && d.where.method == method && d.where.path == path;
        });
    };
    BOOST_TEST(has(scope::follow, "GET", "/api/v1/accounts/relationships"));
    BOOST_TEST(has(scope::follow, "GET", "/api/v1/accounts/familiar_followers"));
    BOOST_TEST(has(scope::follow, "POST", "/api/v1/statuses/:status_id/mute"));
    BOOST_TEST(!has(scope::follow, "POST", "/api/v1/accounts/:id/mute"));
    for (auto const& d : found) {  // each one: the hierarchy says yes, the literal check says no
        BOOST_TEST(ms::closure(d.granted).intersects(d.where.accepts));
        BOOST_TEST(!md::allows(d.where, scope_set{d.granted}).ok);
    }
    auto const crossing = md::divergences(scope::follow, scope::read_follows, ms::newest_release);
    BOOST_TEST(!crossing.empty());
    for (auto const& d : crossing) BOOST_TEST(d.where.accepts.contains(scope::read_follows));
    BOOST_TEST(md::divergences(scope::read, scope::read_follows, ms::newest_release).empty());
}

BOOST_AUTO_TEST_CASE(planner_prefers_least_privilege_and_falls_back_by_version)
{
    std::vector<md::route const*> const wanted{&route_of("GET", "/api/v1/accounts/verify_credentials")};
    auto const now = md::plan(wanted, ms::newest_release);
    BOOST_TEST((now.ok && now.scopes == scope_set{scope::profile}));
    auto const old = md::plan(wanted, version{4, 2, 0});  // no profile before 4.3.0
    BOOST_TEST((old.ok && old.scopes == scope_set{scope::read_accounts}));
    auto const session =
        md::plan(std::vector<md::route const*>{&route_of("GET", "/oauth/authorize")}, ms::newest_release);
    BOOST_TEST(!session.ok);
    auto const none = md::plan(std::vector<md::route const*>{&route_of("GET", "/api/v1/instance")}, ms::newest_release);
    BOOST_TEST((none.ok && none.scopes.empty() && !none.routes[0].served_by.has_value()));
}

// Exact, not greedy: on random route sets the planner's cost equals the best over every subset of
// the candidate scopes.
BOOST_AUTO_TEST_CASE(planner_matches_brute_force)
{
    std::mt19937 rng{20261122};
    for (int round = 0; round < 150; ++round) {
        auto const server = round % 3 == 0 ? version{4, 2, 0} : ms::newest_release;
        std::vector<md::route const*> checked;  // routes of that version that check scopes
        for (auto const& r : md::routes())
            if (md::exists_at(r, server) && !md::at(r, server).accepts.empty()) checked.push_back(&r);
        auto const accepts = [&](md::route const* r) { return md::at(*r, server).accepts; };
        std::vector<md::route const*> wanted;
        std::size_t const n = 1 + rng() % 5;
        for (std::size_t i = 0; i < n; ++i) wanted.push_back(checked[rng() % checked.size()]);
        std::vector<scope> candidates;
        for (auto const* r : wanted)
            for (auto s : accepts(r))
                if (std::find(candidates.begin(), candidates.end(), s) == candidates.end()) candidates.push_back(s);
        BOOST_REQUIRE(candidates.size() <= 20);
        std::optional<std::pair<std::size_t, std::size_t>> best;
        for (std::uint32_t mask = 1; mask < (1u << candidates.size()); ++mask) {
            scope_set set;
            for (std::size_t i = 0; i < candidates.size(); ++i)
                if (mask & (1u << i)) set.insert(candidates[i]);
            bool const serves =
                std::all_of(wanted.begin(), wanted.end(), [&](auto const* r) { return accepts(r).intersects(set); });
            std::pair<std::size_t, std::size_t> const cost{md::unlocked_routes(set, server), set.size()};
            if (serves && (!best || cost < *best)) best = cost;
        }
        auto const result = md::plan(wanted, server);
        BOOST_TEST_INFO("round " << round << ": " << result.scopes);
        BOOST_TEST(result.ok == best.has_value());
        if (!best) continue;
        {
            BOOST_TEST(result.unlocks == best->first);
            BOOST_TEST(result.scopes.size() == best->second);
            for (std::size_t i = 0; i < wanted.size(); ++i) {
                BOOST_REQUIRE(result.routes[i].served_by.has_value());
                BOOST_TEST(accepts(wanted[i]).contains(*result.routes[i].served_by));
                BOOST_TEST(md::allows(md::at(*wanted[i], server), result.scopes).ok);
            }
        }
    }
}

// A refusal carries why each refused name is no scope, as parse() words it, so nobody parses again.
BOOST_AUTO_TEST_CASE(refusals_say_why)
{
    auto const app = md::register_app("read raed read,write", ms::newest_release);
    BOOST_TEST(!app);
    BOOST_TEST_REQUIRE(app.refused.size() == 2u);  // read is a scope: nothing to say
    BOOST_TEST(to_string(app.refused[0].kind()) == "unknown_scope");
    BOOST_TEST(app.refused[0].token() == "raed");
    BOOST_TEST(app.refused[0].suggestion() == "read");
    BOOST_TEST(app.refused[1].token() == "read,write");  // one name to Mastodon, which splits on whitespace only
    BOOST_TEST(md::register_app("read write", ms::newest_release).refused.empty());

    auto const registered = md::register_app("read", ms::newest_release).stored;
    auto const asked =
        md::authorize(registered, "read write crypto", md::grant_type::authorization_code, ms::newest_release);
    BOOST_TEST(!asked);
    BOOST_TEST(asked.not_registered.size() == 2u);  // write (a scope the app lacks) and crypto (removed)
    BOOST_TEST_REQUIRE(asked.refused.size() == 1u);
    BOOST_TEST(to_string(asked.refused[0].kind()) == "removed");
}

BOOST_AUTO_TEST_SUITE_END()
