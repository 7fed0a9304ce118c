// Tests for mastoscope/lint.hpp: each warning kind, its column, and what stops linting.
#include <mastoscope/lint.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "support.hpp"

namespace ms = mastoscope;

namespace {

// "kind scope@column" for each warning, in order.
std::vector<std::string> summary(ms::lint_result const& r)
{
    std::vector<std::string> out;
    for (auto const& w : r.warnings)
        out.push_back(std::string(to_string(w.kind)) + ' ' + w.scope + '@' + std::to_string(w.column));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lint_hpp)

BOOST_AUTO_TEST_CASE(clean_sets_have_no_warnings)
{
    for (auto text :
         {"read", "read write push", "read:statuses write:statuses write:media", "admin:read admin:write"}) {
        auto const r = ms::lint(text);
        BOOST_TEST_CONTEXT(text)
        {
            BOOST_TEST(static_cast<bool>(r));
            BOOST_TEST(r.warnings.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(redundant_scopes_and_the_registration_trap)
{
    auto const r = ms::lint("read read:statuses");
    BOOST_TEST(static_cast<bool>(r));
    std::vector<std::string> const want{"redundant read:statuses@6", "registration_trap read:statuses@6"};
    BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
    BOOST_TEST(r.warnings[0].message.find("fine to drop") != std::string::npos);
    BOOST_TEST(r.warnings[1].message.find("literally") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deprecated_duplicate_and_redundant_together)
{
    auto const r = ms::lint("follow read:mutes read:mutes");
    std::vector<std::string> const want{"deprecated follow@1", "redundant read:mutes@8",
                                        "registration_trap read:mutes@8", "duplicate read:mutes@19"};
    BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
    // The replacement leaves out what the set already has.
    BOOST_TEST(r.warnings[0].message.find("read:blocks read:follows write:blocks write:follows write:mutes") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(unavailable_scopes_are_warnings_not_errors)
{
    auto const r = ms::lint("read crypto");
    BOOST_TEST(static_cast<bool>(r));
    std::vector<std::string> const want{"unavailable crypto@6"};
    BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
    auto const old = ms::lint("profile", {ms::parse_mode::strict, ms::version{4, 2, 0}});
    BOOST_TEST(summary(old) == std::vector<std::string>{"unavailable profile@1"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unparseable_text_is_an_error)
{
    for (auto text : {"", "raed", "read\twrite"}) {
        auto const r = ms::lint(text);
        BOOST_TEST_CONTEXT(text)
        {
            BOOST_TEST(!r);
            BOOST_TEST(!r.errors.empty());
        }
    }
    auto const lenient = ms::lint("read,raed", {ms::parse_mode::lenient});
    BOOST_TEST(static_cast<bool>(lenient));
    BOOST_TEST(summary(lenient) == std::vector<std::string>{"unknown raed@6"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
