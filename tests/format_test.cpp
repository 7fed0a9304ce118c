// Tests for mastoscope/format.hpp: the fmt formatters.
#include <mastoscope/format.hpp>

#include <boost/test/unit_test.hpp>

#include <mastoscope/literals.hpp>

namespace ms = mastoscope;
using namespace ms::literals;

BOOST_AUTO_TEST_SUITE(format_hpp)

BOOST_AUTO_TEST_CASE(formats_values)
{
    BOOST_TEST(fmt::format("{}", "read:mutes"_scope) == "read:mutes");
    BOOST_TEST(fmt::format("{}", "write:media read"_scopes) == "read write:media");
    BOOST_TEST(fmt::format("[{}]", ms::scope_set{}) == "[]");
    BOOST_TEST(fmt::format("{}", ms::version{4, 4, 0, "rc.2"}) == "4.4.0-rc.2");
    BOOST_TEST(fmt::format("{:>8}", "push"_scope) == "    push");  // width and alignment pass through
}

BOOST_AUTO_TEST_CASE(formats_diagnostics)
{
    auto const result = ms::parse("read raed");
    BOOST_TEST(fmt::format("{}", result.diagnostics()[0]) == "column 6: unknown scope 'raed'; did you mean 'read'?");
}

BOOST_AUTO_TEST_SUITE_END()
