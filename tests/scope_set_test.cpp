// Tests for mastoscope/scope_set.hpp: the value type against a std::set model on random sets.
#include <mastoscope/scope_set.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>

#include "support.hpp"

namespace ms = mastoscope;
using ms::scope;
using ms::scope_set;

namespace {
std::set<scope> model(scope_set const& s) { return {s.begin(), s.end()}; }
}  // namespace

BOOST_AUTO_TEST_SUITE(scope_set_hpp)

BOOST_AUTO_TEST_CASE(empty_set)
{
    scope_set const s;
    BOOST_TEST(s.empty());
    BOOST_TEST(s.size() == 0u);
    BOOST_TEST((s.begin() == s.end()));
    BOOST_TEST(to_string(s) == "");
}

BOOST_AUTO_TEST_CASE(insert_erase_contains_size)
{
    scope_set s;
    for (auto x : test::every_scope()) {
        BOOST_TEST(!s.contains(x));
        s.insert(x);
        BOOST_TEST(s.contains(x));
    }
    BOOST_TEST(s.size() == ms::scope_count);
    BOOST_TEST((s == scope_set::all()));
    s.erase(scope::follow);
    BOOST_TEST(!s.contains(scope::follow));
    BOOST_TEST(s.size() == ms::scope_count - 1);
    s.insert(scope::read);  // inserting twice keeps one
    BOOST_TEST(s.size() == ms::scope_count - 1);
    s.clear();
    BOOST_TEST(s.empty());
}

BOOST_AUTO_TEST_CASE(iterates_in_id_order)
{
    test::random_sets gen{7};
    for (int i = 0; i < 2000; ++i) {
        auto const s = gen.next();
        std::vector<scope> seen(s.begin(), s.end());
        BOOST_TEST(std::is_sorted(seen.begin(), seen.end()));
        BOOST_TEST(seen.size() == s.size());
        for (auto x : test::every_scope())
            BOOST_TEST(s.contains(x) == (std::find(seen.begin(), seen.end(), x) != seen.end()));
    }
}

BOOST_AUTO_TEST_CASE(operators_match_the_model)
{
    test::random_sets gen{11};
    for (int i = 0; i < 2000; ++i) {
        auto const a = gen.next(), b = gen.next();
        auto const ma = model(a), mb = model(b);
        std::set<scope> u, n, d;
        std::set_union(ma.begin(), ma.end(), mb.begin(), mb.end(), std::inserter(u, u.end()));
        std::set_intersection(ma.begin(), ma.end(), mb.begin(), mb.end(), std::inserter(n, n.end()));
        std::set_difference(ma.begin(), ma.end(), mb.begin(), mb.end(), std::inserter(d, d.end()));
        BOOST_TEST((model(a | b) == u));
        BOOST_TEST((model(a & b) == n));
        BOOST_TEST((model(a - b) == d));
        BOOST_TEST(a.is_subset_of(b) == std::includes(mb.begin(), mb.end(), ma.begin(), ma.end()));
        BOOST_TEST(a.intersects(b) == !n.empty());
        BOOST_TEST((a == b) == (ma == mb));
    }
}

BOOST_AUTO_TEST_CASE(text_form_is_space_separated_in_id_order)
{
    scope_set const s{scope::write_media, scope::read};
    BOOST_TEST(to_string(s) == "read write:media");
}

BOOST_AUTO_TEST_SUITE_END()
