// Tests for mastoscope/text.hpp: the text forms of versions and scope sets.
#include <mastoscope/text.hpp>

#include <boost/test/unit_test.hpp>

#include <mastoscope/literals.hpp>

namespace ms = mastoscope;
using namespace ms::literals;

BOOST_AUTO_TEST_SUITE(text_hpp)

BOOST_AUTO_TEST_CASE(versions)
{
    BOOST_TEST(ms::to_string(ms::version{4, 3, 0}) == "4.3.0");
    BOOST_TEST(ms::to_string(ms::version{4, 8, 0, "alpha.1"}) == "4.8.0-alpha.1");
    BOOST_TEST(ms::to_string(ms::version{}) == "0.0.0");
    BOOST_TEST(ms::to_string(ms::version{4294967295u, 0, 0}) == "4294967295.0.0");
}

BOOST_AUTO_TEST_CASE(scope_sets_in_id_order)
{
    BOOST_TEST(ms::to_string("write:media read"_scopes) == "read write:media");
    BOOST_TEST(ms::to_string(ms::scope_set{}) == "");
    BOOST_TEST(ms::to_string(ms::scope_set::all()).size() > ms::scope_count * 4);  // every name, spaced
}

BOOST_AUTO_TEST_SUITE_END()
