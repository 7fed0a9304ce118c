// Tests for mastoscope/literals.hpp: what the consteval literals accept (rejections are compile-fail tests).
#include <mastoscope/literals.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

namespace ms = mastoscope;
using namespace ms::literals;
using ms::scope;
using ms::scope_set;

BOOST_AUTO_TEST_SUITE(literals_hpp)

BOOST_AUTO_TEST_CASE(single_scope)
{
    static_assert("read:mutes"_scope == scope::read_mutes);
    static_assert("admin:write:canonical_email_blocks"_scope == scope::admin_write_canonical_email_blocks);
    BOOST_TEST(("profile"_scope == *ms::lookup("profile")));
}

// Mastodon's strict reading: runs of spaces separate, edges may be spaces, duplicates collapse.
BOOST_AUTO_TEST_CASE(scope_strings)
{
    static_assert("read write"_scopes == scope_set{scope::read, scope::write});
    static_assert("  read    write  "_scopes == "read write"_scopes);
    static_assert("read read read"_scopes == scope_set{scope::read});
    static_assert("write read"_scopes == "read write"_scopes);
    static_assert("follow"_scopes.contains(scope::follow));  // deprecated, still accepted
    BOOST_TEST(("read:statuses write:media"_scopes).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
