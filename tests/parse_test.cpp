// Tests for mastoscope/parse.hpp: the case table in every mode, Mastodon's facts, literal agreement,
// query-equals-strict on decoded text, bounded input, no allocation on valid input, version parsing.
#include <mastoscope/history.hpp>
#include <mastoscope/lint.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/text.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "alloc_counter.hpp"
#include "parse_cases.hpp"
#include "support.hpp"

namespace ms = mastoscope;
namespace bdata = boost::unit_test::data;

namespace test {

std::ostream& operator<<(std::ostream& out, parse_case const& c)
{
    out << to_string(c.mode) << " \"";
    for (unsigned char ch : c.text) {
        if (ch >= 0x20 && ch < 0x7f)
            out << ch;
        else
            out << "\\x"
                << "0123456789abcdef"[ch >> 4] << "0123456789abcdef"[ch & 15];
    }
    return out << '"' << (c.server.empty() ? "" : " at ") << c.server;
}

ms::parse_options options_for(parse_case const& c)
{
    ms::parse_options options;
    options.mode = c.mode;
    if (!c.server.empty()) options.server_version = *ms::parse_version(c.server);
    return options;
}

// Query decoding as the reference describes it: '+' is a space, %XX a byte (valid escapes only).
std::string decode_query(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+')
            out += ' ';
        else if (text[i] == '%') {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else
            out += text[i];
    }
    return out;
}

}  // namespace test

BOOST_AUTO_TEST_SUITE(parse_hpp)

BOOST_DATA_TEST_CASE(case_table, bdata::make(test::parse_cases()), c)
{
    auto const result = ms::parse(c.text, test::options_for(c));
    BOOST_TEST(static_cast<bool>(result) == c.valid);
    BOOST_TEST(to_string(result.scopes()) == c.scopes);
    BOOST_TEST_REQUIRE(result.diagnostics().size() == c.diagnostics.size());
    for (std::size_t i = 0; i < c.diagnostics.size(); ++i) {
        auto const& got = result.diagnostics()[i];
        auto const& want = c.diagnostics[i];
        BOOST_TEST_CONTEXT("diagnostic " << i << ": " << got.message())
        {
            BOOST_TEST(to_string(got.kind()) == to_string(want.kind));
            BOOST_TEST(got.column() == want.column);
            BOOST_TEST(got.suggestion() == want.suggestion);
            BOOST_TEST(!got.message().empty());
            bool const warning_kind =
                want.kind == test::deprecated || want.kind == test::duplicate ||
                (c.mode == test::L && (want.kind == test::unknown || want.kind == test::bad_character));
            BOOST_TEST(got.is_error() == !warning_kind);
        }
    }
}

// The literals accept exactly the strings parse() accepts by default, with the same scopes.
BOOST_DATA_TEST_CASE(literals_agree_with_parse, bdata::make(test::parse_cases()), c)
{
    if (c.mode != test::S || !c.server.empty()) return;
    auto const literal = ms::detail::read_scope_string(c.text);
    auto const parsed = ms::parse(c.text);
    BOOST_TEST((literal.error == ms::detail::literal_error::none) == static_cast<bool>(parsed));
    if (parsed) BOOST_TEST((literal.scopes == parsed.scopes()));
}

// Query mode is strict mode on the decoded text (rows without a bad escape).
BOOST_DATA_TEST_CASE(query_is_strict_on_decoded_text, bdata::make(test::parse_cases()), c)
{
    if (c.mode != test::Q) return;
    auto const result = ms::parse(c.text, test::options_for(c));
    if (!result.diagnostics().empty() && result.diagnostics()[0].kind() == ms::diagnostic_kind::bad_escape) return;
    auto strict = test::options_for(c);
    strict.mode = ms::parse_mode::strict;
    auto const decoded = ms::parse(test::decode_query(c.text), strict);
    BOOST_TEST(static_cast<bool>(decoded) == static_cast<bool>(result));
    BOOST_TEST((decoded.scopes() == result.scopes()));
    BOOST_TEST(decoded.diagnostics().size() == result.diagnostics().size());
}

// Doorkeeper drops duplicates: 40 times read is read (one duplicate warning per repeat).
BOOST_AUTO_TEST_CASE(forty_reads_are_read)
{
    std::string text;
    for (int i = 0; i < 40; ++i) text += "read ";
    auto const result = ms::parse(text);
    BOOST_TEST(static_cast<bool>(result));
    BOOST_TEST((result.scopes() == ms::scope_set{ms::scope::read}));
    BOOST_TEST(result.diagnostics().size() == 39u);
    for (auto const& d : result.diagnostics()) BOOST_TEST(to_string(d.kind()) == "duplicate");
}

BOOST_AUTO_TEST_CASE(input_length_is_bounded)
{
    ms::parse_options options;
    options.max_length = 20;
    BOOST_TEST(static_cast<bool>(ms::parse("read write push read", options)));  // exactly 20 bytes
    auto const over = ms::parse("read write push read ", options);
    BOOST_TEST(!over);
    BOOST_TEST_REQUIRE(over.diagnostics().size() == 1u);
    BOOST_TEST(to_string(over.diagnostics()[0].kind()) == "too_long");
    BOOST_TEST(over.diagnostics()[0].column() == 21u);
    std::string const huge(ms::parse_options{}.max_length + 1, 'a');
    BOOST_TEST(to_string(ms::parse(huge).diagnostics()[0].kind()) == "too_long");
}

BOOST_AUTO_TEST_CASE(valid_input_allocates_nothing)
{
    for (auto text : {"read", "read write follow push", "read:statuses write:statuses write:media",
                      "admin:read admin:write", "profile", "  read   write  "}) {
        auto const before = test::allocation_count();
        auto const result = ms::parse(text);
        auto const after = test::allocation_count();
        BOOST_TEST_CONTEXT(text)
        {
            BOOST_TEST(static_cast<bool>(result));
            BOOST_TEST(after - before == 0u);  // a deprecation that the rest replaces is a fixed text
        }
    }
    auto const before = test::allocation_count();
    auto const query = ms::parse("read+write%20push", {ms::parse_mode::query});
    BOOST_TEST(static_cast<bool>(query));
    BOOST_TEST(test::allocation_count() - before == 0u);
}

// parse() words a deprecation itself when its checking policy read the string whole; lint reads every
// string with the diagnosing policy. Both must say the same, at the same column.
BOOST_AUTO_TEST_CASE(both_policies_word_deprecations_alike)
{
    auto const newest = ms::newest_release;
    for (auto s : ms::deprecated_scopes_at(newest)) {
        std::string const name{ms::name(s)};
        auto const children = ms::to_string(ms::children(s));
        for (auto const& text : {name, "  " + name + "  ", children + " " + name, name + " " + children}) {
            auto const parsed = ms::parse(text);
            auto const linted = ms::lint(text);
            BOOST_TEST_CONTEXT(text)
            {
                BOOST_TEST_REQUIRE(parsed.diagnostics().size() == 1u);
                auto const& d = parsed.diagnostics()[0];
                BOOST_TEST(to_string(d.kind()) == "deprecated");
                BOOST_TEST(d.column() == ms::column_of(text, s));
                std::size_t found = 0;
                for (auto const& w : linted.warnings)
                    if (w.kind == ms::lint_kind::deprecated) {
                        ++found;
                        BOOST_TEST(w.message == d.message());
                        BOOST_TEST(w.column == d.column());
                    }
                BOOST_TEST(found == 1u);
                BOOST_TEST(d.suggestion() == ms::to_string(ms::replacement(s, parsed.scopes())));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(messages_read_well)
{
    auto const result = ms::parse("read raed");
    BOOST_TEST(result.diagnostics()[0].message() == "unknown scope 'raed'; did you mean 'read'?");
    BOOST_TEST(result.diagnostics()[0].token() == "raed");
    auto const tab = ms::parse("read\twrite");
    BOOST_TEST(tab.diagnostics()[0].message().find("tab") != std::string::npos);
    auto const gone = ms::parse("crypto");
    BOOST_TEST(gone.diagnostics()[0].message() == "'crypto' was removed in 4.3.0-rc.1; the server runs 4.7.0");
    auto const early = ms::parse("profile", {ms::parse_mode::strict, ms::version{4, 2, 0}});
    BOOST_TEST(early.diagnostics()[0].message() == "'profile' was added in 4.3.0-beta.1; the server runs 4.2.0");
}

BOOST_AUTO_TEST_CASE(versions_parse)
{
    for (auto text : {"4.3.0", "4.8.0-alpha.1", "4.4.0-rc.2", "0.0.0", "10.20.30", "1.0.0-0.3.7", "1.0.0-x-y-z.--",
                      "4294967295.0.0", "4.3.0+glitch", "4.2.10+hometown-1.1.1", "4.3.0-rc.1+build.007"}) {
        auto const v = ms::parse_version(text);
        BOOST_TEST_CONTEXT(text)
        {
            BOOST_TEST_REQUIRE(v.has_value());
            BOOST_TEST(to_string(*v) == text);
        }
    }
    BOOST_TEST((*ms::parse_version("4.8.0-alpha.1") == ms::version{4, 8, 0, "alpha.1"}));
    // Build metadata is kept for display and ignored for order (SemVer item 10).
    auto const hometown = *ms::parse_version("4.2.10+hometown-1.1.1");
    BOOST_TEST(hometown.build_metadata() == "hometown-1.1.1");
    BOOST_TEST((hometown == ms::version{4, 2, 10}));
    BOOST_TEST(((hometown <=> ms::version{4, 2, 10}) == 0));
    BOOST_TEST((hometown < ms::version{4, 2, 11}));
    for (auto text : {"",
                      "4",
                      "4.3",
                      "4.3.0.1",
                      "v4.3.0",
                      " 4.3.0",
                      "4.3.0 ",
                      "04.3.0",
                      "4.03.0",
                      "4.3.00",
                      "4.3.0-",
                      "4.3.0-rc..1",
                      "4.3.0-01",
                      "4.3.0+",
                      "4.3.0+a..b",
                      "4.3.0+a+b",
                      "4.3.0+\xc3\xbc",
                      "4.3.0+abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
                      "4294967296.0.0",
                      "4.3.0-\xc3\xbc",
                      "4.3.-1",
                      "4.3.0-abcdefghijklmnopqrstuvwx",
                      "4.3.0\n",
                      "a.b.c"})
        BOOST_TEST_CONTEXT('"' << text << '"') { BOOST_TEST(!ms::parse_version(text).has_value()); }
}

BOOST_AUTO_TEST_CASE(mode_names)
{
    for (auto mode : {ms::parse_mode::strict, ms::parse_mode::query, ms::parse_mode::lenient})
        BOOST_TEST((ms::parse_mode_from(to_string(mode)) == mode));
    BOOST_TEST(!ms::parse_mode_from("Strict").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
