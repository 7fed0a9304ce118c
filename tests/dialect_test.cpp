// Tests for mastoscope/dialect.hpp: each server's separators and vocabulary, read from the data.
#include <mastoscope/dialect.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

#include <mastoscope/text.hpp>

namespace ms = mastoscope;
using ms::diagnostic_kind;
using ms::scope;
using ms::server;
using ms::software;
namespace dialects = ms::detail::dialects;

namespace {
std::vector<software> other_servers()
{
    std::vector<software> all;
    for (std::size_t i = 1; i < ms::software_count; ++i) all.push_back(static_cast<software>(i));
    return all;
}
ms::parse_result read_on(std::string const& text, server const& on, ms::parse_mode mode = ms::parse_mode::strict)
{
    ms::parse_options options;
    options.mode = mode;
    return ms::parse(text, on, options);
}
std::vector<diagnostic_kind> kinds(ms::parse_result const& r)
{
    std::vector<diagnostic_kind> out;
    for (auto const& d : r.diagnostics()) out.push_back(d.kind());
    return out;
}
bool same_kinds(ms::parse_result const& r, std::vector<diagnostic_kind> const& expected)
{
    return kinds(r) == expected;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(dialect_hpp)

BOOST_AUTO_TEST_CASE(every_name_a_server_defines_is_valid_there_and_no_other)
{
    for (auto sw : other_servers()) {
        server const on{sw};
        auto const defined = ms::vocabulary(on);
        for (std::size_t i = 0; i < ms::scope_count; ++i) {
            auto const s = static_cast<scope>(i);
            BOOST_TEST_CONTEXT(ms::to_string(sw) << " " << ms::name(s))
            {
                auto const r = read_on(std::string(ms::name(s)), on);
                BOOST_TEST(static_cast<bool>(r) == defined.contains(s));
                if (r) {
                    BOOST_TEST((r.scopes() == ms::scope_set{s}));
                } else {
                    BOOST_TEST_REQUIRE(r.diagnostics().size() == 1u);
                    auto const later = ms::added_on(sw, s).has_value();
                    BOOST_TEST((r.diagnostics()[0].kind() ==
                                (later ? diagnostic_kind::not_yet_added : diagnostic_kind::unknown_scope)));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_name_added_later_is_not_yet_added_before_it)
{
    for (auto sw : other_servers()) {
        auto const& d = dialects::dialects[static_cast<std::size_t>(sw)];
        for (auto i = d.first_step; i < d.end_step; ++i) {
            auto const& step = dialects::vocabulary_steps[i];
            for (scope s : ms::scope_set::from_words(step.scopes)) {
                BOOST_TEST_CONTEXT(ms::to_string(sw) << " " << ms::name(s))
                {
                    BOOST_TEST((ms::added_on(sw, s) == step.since));
                    BOOST_TEST(static_cast<bool>(read_on(std::string(ms::name(s)), server{sw, step.since})));
                    // The pre-release "0" sorts before every other release of the same numbers.
                    ms::version const before{step.since.major(), step.since.minor(), step.since.patch(), "0"};
                    BOOST_TEST(same_kinds(read_on(std::string(ms::name(s)), server{sw, before}),
                                          {diagnostic_kind::not_yet_added}));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(separators_follow_each_servers_rule)
{
    using rule = dialects::separator_rule;
    for (auto sw : other_servers()) {
        server const on{sw};
        auto const separators = dialects::dialects[static_cast<std::size_t>(sw)].separators;
        BOOST_TEST_CONTEXT(ms::to_string(sw))
        {
            // Two names the server defines, written with each separator a server may use.
            auto const r_comma = read_on("read,write", on);
            auto const r_two_spaces = read_on("read  write", on);
            auto const r_plus = read_on("read+write", on);
            auto const r_tab = read_on("read\twrite", on);
            ms::scope_set const both{scope::read, scope::write};
            BOOST_TEST(static_cast<bool>(r_comma) ==
                       (separators == rule::whitespace_commas || separators == rule::spaces_else_commas));
            BOOST_TEST(static_cast<bool>(r_plus) == (separators == rule::spaces_plus));
            BOOST_TEST(static_cast<bool>(r_tab) == (separators == rule::whitespace_commas));
            // Two spaces leave an empty name where the server keeps one.
            bool const keeps_empty = separators == rule::single_space || separators == rule::spaces_else_commas ||
                                     separators == rule::spaces_plus;
            BOOST_TEST(static_cast<bool>(r_two_spaces) == !keeps_empty);
            if (r_comma) BOOST_TEST((r_comma.scopes() == both));
            if (keeps_empty) {
                BOOST_TEST_REQUIRE(r_two_spaces.diagnostics().size() == 1u);
                BOOST_TEST(r_two_spaces.diagnostics()[0].column() == 6u);
                BOOST_TEST(r_two_spaces.diagnostics()[0].token().empty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_facts_the_issue_names)
{
    // Akkoma reads "read,write" as two scopes; Mastodon as one unknown name.
    BOOST_TEST((read_on("read,write", server{software::akkoma}).scopes() == ms::scope_set{scope::read, scope::write}));
    BOOST_TEST(!read_on("read,write", server{software::mastodon}));
    // Pixelfed refuses read:statuses, and suggests the scope that stands for it there.
    auto const pixelfed = read_on("read:statuses", server{software::pixelfed});
    BOOST_TEST(!pixelfed);
    BOOST_TEST(pixelfed.diagnostics()[0].suggestion() == "read");
    // Iceshrimp.NET refuses profile.
    BOOST_TEST(!read_on("profile", server{software::iceshrimp}));
    // GoToSocial keeps the empty name of two spaces.
    BOOST_TEST(!read_on("read  write", server{software::gotosocial}));
}

BOOST_AUTO_TEST_CASE(modes_and_limits)
{
    server const gts{software::gotosocial};
    // Query mode decodes first; columns are those of the text as written.
    auto const query = read_on("read%20write+follow", gts, ms::parse_mode::query);
    BOOST_TEST(same_kinds(query, {diagnostic_kind::unknown_scope}));
    BOOST_TEST(query.diagnostics()[0].column() == 14u);
    BOOST_TEST(same_kinds(read_on("read%2", gts, ms::parse_mode::query),
                          {diagnostic_kind::unknown_scope, diagnostic_kind::bad_escape}));
    // Lenient mode: unknown names are warnings; valid while a known one remains.
    auto const lenient = read_on("read, bogus", gts, ms::parse_mode::lenient);
    BOOST_TEST(static_cast<bool>(lenient));
    BOOST_TEST(same_kinds(lenient, {diagnostic_kind::unknown_scope}));
    BOOST_TEST(same_kinds(read_on("bogus", gts, ms::parse_mode::lenient),
                          {diagnostic_kind::unknown_scope, diagnostic_kind::empty}));
    BOOST_TEST(same_kinds(read_on("", gts), {diagnostic_kind::empty}));
    BOOST_TEST(same_kinds(read_on("read read", gts), {diagnostic_kind::duplicate}));
    BOOST_TEST(
        same_kinds(read_on(std::string(ms::parse_options{}.max_length + 1, 'r'), gts), {diagnostic_kind::too_long}));
    // Mastodon's answer is parse() at the release.
    ms::version const v420{4, 2, 0};
    ms::parse_options at420;
    at420.server_version = v420;
    BOOST_TEST(kinds(read_on("profile", server{software::mastodon, v420})) == kinds(ms::parse("profile", at420)));
}

BOOST_AUTO_TEST_CASE(registration_follows_each_servers_facts)
{
    using missing = dialects::missing_rule;
    for (auto sw : other_servers()) {
        auto const& d = dialects::dialects[static_cast<std::size_t>(sw)];
        server const on{sw};
        BOOST_TEST_CONTEXT(ms::to_string(sw))
        {
            auto const defaults = [&] {
                std::vector<std::string> out;
                for (scope x : ms::scope_set::from_words(d.default_scopes)) out.emplace_back(ms::name(x));
                return out;
            }();
            auto const plain = ms::register_on(on, "read write");
            BOOST_TEST(plain.ok);
            if (d.registration == dialects::registration_rule::ignored) {
                BOOST_TEST(!plain.scopes_read);
                BOOST_TEST(plain.stored.empty());
                continue;
            }
            BOOST_TEST((plain.stored == std::vector<std::string>{"read", "write"}));
            for (auto [given, rule] : {std::pair{std::optional<std::string_view>{}, d.registration_missing},
                                       std::pair{std::optional<std::string_view>{""}, d.registration_blank}}) {
                auto const r = ms::register_on(on, given);
                BOOST_TEST(r.ok == (rule != missing::refused));
                if (rule == missing::refused) BOOST_TEST(r.status == d.registration_refusal.status);
                if (rule == missing::default_scopes) BOOST_TEST(r.stored == defaults);
                if (rule == missing::none) BOOST_TEST(r.stored.empty());
            }
            // A name no server defines: refused by a vocabulary rule, stored by the others.
            auto const unknown = ms::register_on(on, "read bogus");
            bool const checks = d.registration == dialects::registration_rule::vocabulary;
            BOOST_TEST(unknown.ok == !checks);
            if (checks) BOOST_TEST(unknown.refused == std::vector<std::string>{"bogus"});
            auto const twice = ms::register_on(on, "read read");
            BOOST_TEST(twice.ok == !d.refuses_duplicates);
            if (d.max_length) {
                BOOST_TEST(ms::register_on(on, std::string(d.max_length, 'r')).ok);
                auto const longer = ms::register_on(on, std::string(d.max_length + 1, 'r'));
                BOOST_TEST(!longer.ok);
                BOOST_TEST(longer.status == d.registration_refusal.status);
                BOOST_TEST(longer.length == d.max_length + 1);
            }
        }
    }
    // GoToSocial keeps the empty name of two spaces; Iceshrimp.NET refuses it.
    BOOST_TEST((ms::register_on(server{software::gotosocial}, "read  write").stored ==
                std::vector<std::string>{"read", "", "write"}));
    BOOST_TEST(!ms::register_on(server{software::iceshrimp}, "read  write"));
    BOOST_TEST(!ms::register_on(server{software::iceshrimp}, "profile"));
}

BOOST_AUTO_TEST_CASE(token_requests_follow_each_servers_rule)
{
    using token = dialects::token_rule;
    for (auto sw : other_servers()) {
        auto const& d = dialects::dialects[static_cast<std::size_t>(sw)];
        server const on{sw};
        BOOST_TEST_CONTEXT(ms::to_string(sw))
        {
            std::vector<std::string> const app{"read"};
            // A child of the app's read, and a name beside it.
            auto const child = ms::authorize_on(on, app, "read:accounts");
            auto const beside = ms::authorize_on(on, app, "write");
            auto const same = ms::authorize_on(on, app, "read");
            bool const read_accounts_defined = ms::vocabulary(on).contains(scope::read_accounts);
            switch (d.token_request) {
            case token::literal: BOOST_TEST(!child.ok); break;
            case token::hierarchical:
                BOOST_TEST(child.ok == ms::grants_on(sw, scope::read).contains(scope::read_accounts));
                BOOST_TEST(!beside.ok);
                BOOST_TEST(beside.not_covered == std::vector<std::string>{"write"});
                BOOST_TEST(beside.status == d.token_refusal.status);
                break;
            case token::vocabulary:
                BOOST_TEST(child.ok == read_accounts_defined);
                BOOST_TEST(beside.ok);  // the app holds no scopes to check against
                break;
            case token::unchecked:
                BOOST_TEST(child.ok);
                BOOST_TEST(beside.ok);
                BOOST_TEST(beside.scopes == app);  // the token holds the app's names
                break;
            }
            BOOST_TEST(same.ok);
        }
    }
    // client_credentials, by each server's rule for that grant.
    for (auto sw : other_servers()) {
        auto const& c = dialects::dialects[static_cast<std::size_t>(sw)].client_credentials;
        BOOST_TEST_CONTEXT(ms::to_string(sw) << " client_credentials")
        {
            auto const beside =
                ms::authorize_on(server{sw}, {"read"}, "write", ms::mastodon::grant_type::client_credentials);
            switch (c.rule) {
            case token::unchecked:
                BOOST_TEST(beside.ok);
                BOOST_TEST(beside.scopes == (c.missing == dialects::missing_rule::app ? std::vector<std::string>{"read"}
                                                                                      : std::vector<std::string>{}));
                break;
            case token::vocabulary: BOOST_TEST(beside.ok); break;
            case token::hierarchical:
            case token::literal:
                BOOST_TEST(!beside.ok);
                BOOST_TEST(beside.status == c.refused.status);
                break;
            }
        }
    }
    // GoToSocial: no scope means read, not the app's scopes.
    BOOST_TEST(!ms::authorize_on(server{software::gotosocial}, {"write"}, std::nullopt));
    // Akkoma: no scope means the app's scopes.
    BOOST_TEST((ms::authorize_on(server{software::akkoma}, {"write"}, std::nullopt).scopes ==
                std::vector<std::string>{"write"}));
    // Iceshrimp.NET: no scope gives a token with none; its follow grants write:mutes.
    BOOST_TEST(ms::authorize_on(server{software::iceshrimp}, {"read"}, std::nullopt).scopes.empty());
    BOOST_TEST(ms::authorize_on(server{software::iceshrimp}, {"follow"}, "write:mutes").ok);
    // Akkoma checks names as text: a child of an app's scope passes even where the data lacks it.
    BOOST_TEST(ms::authorize_on(server{software::akkoma}, {"read"}, "read:made_up").ok);
    BOOST_TEST(!ms::authorize_on(server{software::gotosocial}, {"follow"}, "read:blocks"));
}

BOOST_AUTO_TEST_CASE(lint_finds_what_the_servers_hierarchy_makes_redundant)
{
    for (auto sw : other_servers()) {
        server const on{sw};
        auto const defined = ms::vocabulary(on);
        for (scope held : defined) {
            for (scope other : defined) {
                if (held == other) continue;
                auto const text = std::string(ms::name(held)) + " " + std::string(ms::name(other));
                BOOST_TEST_CONTEXT(ms::to_string(sw) << " " << text)
                {
                    auto const result = ms::lint(text, on, ms::parse_options{});
                    BOOST_TEST_REQUIRE(static_cast<bool>(result));
                    bool const granted = ms::grants_on(sw, held).contains(other);
                    bool const reverse = ms::grants_on(sw, other).contains(held);
                    std::size_t redundant = 0;
                    for (auto const& w : result.warnings) redundant += w.kind == ms::lint_kind::redundant;
                    BOOST_TEST(redundant == std::size_t{granted} + std::size_t{reverse});
                }
            }
        }
    }
    BOOST_TEST(!ms::lint("read bogus", server{software::akkoma}, ms::parse_options{}));
    auto const later = ms::lint("read:custom_emojis", server{software::gotosocial, ms::version{0, 19, 1}}, {});
    BOOST_TEST_REQUIRE(later.warnings.size() == 1u);
    BOOST_TEST((later.warnings[0].kind == ms::lint_kind::unavailable));
}

BOOST_AUTO_TEST_SUITE_END()
