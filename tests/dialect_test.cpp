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

BOOST_AUTO_TEST_SUITE_END()
