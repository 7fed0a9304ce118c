// Tests for mastoscope/algebra.hpp: lattice and closure laws, normalize, grants, covers and explain.
#include <mastoscope/algebra.hpp>

#include <boost/test/unit_test.hpp>

#include <vector>

#include "support.hpp"

namespace ms = mastoscope;
using ms::scope;
using ms::scope_set;

namespace {

// Pairs of single scopes, then seeded random sets: the inputs of every law below.
std::vector<scope_set> law_inputs()
{
    std::vector<scope_set> sets{scope_set{}};
    for (auto s : test::every_scope()) sets.push_back(scope_set{s});
    for (auto a : test::every_scope())
        for (auto b : test::every_scope()) sets.push_back(scope_set{a, b});
    test::random_sets gen{2024};
    for (int i = 0; i < 400; ++i) sets.push_back(gen.next());
    return sets;
}

// Commutativity, associativity, absorption and idempotence of union and intersection.
void check_lattice_laws(scope_set const& a, scope_set const& b, scope_set const& c)
{
    BOOST_TEST(((a | b) == (b | a)));
    BOOST_TEST(((a & b) == (b & a)));
    BOOST_TEST((((a | b) | c) == (a | (b | c))));
    BOOST_TEST((((a & b) & c) == (a & (b & c))));
    BOOST_TEST(((a | (a & b)) == a));
    BOOST_TEST(((a & (a | b)) == a));
    BOOST_TEST(((a | a) == a));
    BOOST_TEST(((a & a) == a));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(algebra_hpp)

BOOST_AUTO_TEST_CASE(union_and_intersection_laws)
{
    auto const sets = law_inputs();
    test::random_sets gen{99};
    for (std::size_t i = 0; i < sets.size(); ++i) {
        auto const& a = sets[i];
        auto const b = sets[(i * 7 + 3) % sets.size()], c = gen.next();
        check_lattice_laws(a, b, c);
    }
}

// Every ordered pair of single scopes, with a third random set for associativity.
BOOST_AUTO_TEST_CASE(laws_over_all_pairs_of_single_scopes)
{
    test::random_sets gen{42};
    for (auto x : test::every_scope())
        for (auto y : test::every_scope()) {
            scope_set const a{x}, b{y}, c = gen.next();
            check_lattice_laws(a, b, c);
            BOOST_TEST(ms::closure(a).is_subset_of(ms::closure(a | b)));
            BOOST_TEST((ms::closure(ms::closure(a | b)) == ms::closure(a | b)));
            BOOST_TEST((ms::closure(ms::normalize(a | b)) == ms::closure(a | b)));
            BOOST_TEST(ms::normalize(a | b).size() ==
                       ((ms::grants(a, y) || ms::grants(b, x)) ? 1u : (x == y ? 1u : 2u)));
        }
}

BOOST_AUTO_TEST_CASE(closure_is_a_closure_operator)
{
    auto const sets = law_inputs();
    for (std::size_t i = 0; i < sets.size(); ++i) {
        auto const& a = sets[i];
        auto const ca = ms::closure(a);
        BOOST_TEST(a.is_subset_of(ca));                  // extensive
        BOOST_TEST((ms::closure(ca) == ca));             // idempotent
        BOOST_TEST((ca == test::reference_closure(a)));  // the table agrees with the parent edges
        auto const bigger = a | sets[(i * 13 + 5) % sets.size()];
        BOOST_TEST(ca.is_subset_of(ms::closure(bigger)));  // monotone
    }
}

BOOST_AUTO_TEST_CASE(normalize_is_the_smallest_equivalent_subset)
{
    for (auto const& a : law_inputs()) {
        auto const n = ms::normalize(a);
        BOOST_TEST(n.is_subset_of(a));
        BOOST_TEST((ms::closure(n) == ms::closure(a)));
        for (auto s : n) {  // minimal: dropping any member loses something
            auto smaller = n;
            smaller.erase(s);
            BOOST_TEST((ms::closure(smaller) != ms::closure(a)));
        }
        BOOST_TEST((ms::normalize(n) == n));
    }
}

BOOST_AUTO_TEST_CASE(grants_agrees_with_the_closure)
{
    test::random_sets gen{5};
    for (int i = 0; i < 500; ++i) {
        auto const written = gen.next(), required = gen.next();
        auto const granted = test::reference_closure(written);
        for (auto s : test::every_scope()) BOOST_TEST(ms::grants(written, s) == granted.contains(s));
        BOOST_TEST(ms::grants(written, required) == required.is_subset_of(granted));
        BOOST_TEST(ms::grants_any(written, required) == granted.intersects(required));
        BOOST_TEST(ms::covers(written, required) == ms::grants(written, required));
        if (ms::literal_subset(written, required)) BOOST_TEST(ms::covers(written, required));
    }
}

// Facts from the reference: the documented hierarchy, and what it does not say.
BOOST_AUTO_TEST_CASE(documented_hierarchy)
{
    BOOST_TEST(ms::grants(scope_set{scope::follow}, scope::read_mutes));
    BOOST_TEST(ms::grants(scope_set{scope::read}, scope::read_mutes));
    BOOST_TEST(!ms::grants(scope_set{scope::read_mutes}, scope::follow));
    BOOST_TEST(!ms::grants(scope_set{scope::write}, scope::read_statuses));  // write does not imply read
    BOOST_TEST(!ms::grants(scope_set{scope::read, scope::write}, scope::admin_read));
    BOOST_TEST((ms::implied_by(scope::push) == scope_set{scope::push}));  // push: granted by nothing else
    BOOST_TEST((ms::parents(scope::read_mutes) == scope_set{scope::read, scope::follow}));
    BOOST_TEST(ms::closure(scope::follow).size() == 7u);
    BOOST_TEST(!ms::literal_subset(scope_set{scope::read}, scope_set{scope::read_accounts}));
    BOOST_TEST(ms::covers(scope_set{scope::read}, scope_set{scope::read_accounts}));
}

// A chain starts at a written scope, follows parent->child edges and is as short as any other.
BOOST_AUTO_TEST_CASE(explain_gives_a_shortest_valid_chain)
{
    test::random_sets gen{17};
    for (int i = 0; i < 600; ++i) {
        auto const written = gen.next();
        for (auto required : test::every_scope()) {
            auto const chain = ms::explain(written, required);
            BOOST_TEST(chain.has_value() == ms::grants(written, required));
            if (!chain) continue;
            BOOST_TEST(written.contains(chain->front()));
            BOOST_TEST((chain->back() == required));
            for (std::size_t k = 1; k < chain->size(); ++k)
                BOOST_TEST(ms::parents((*chain)[k]).contains((*chain)[k - 1]));
            // Shortest: no written scope reaches `required` in fewer steps (breadth-first by depth).
            scope_set frontier{required}, reach = frontier;
            std::size_t depth = 1;
            while (!written.intersects(reach)) {
                scope_set next;
                for (auto s : frontier) next |= ms::parents(s);
                frontier = next - reach;
                reach |= next;
                ++depth;
            }
            BOOST_TEST(chain->size() == depth);
        }
    }
    auto const chain = ms::explain(scope_set{scope::follow, scope::write}, scope::write_mutes);
    BOOST_REQUIRE(chain.has_value());
    BOOST_TEST(chain->size() == 2u);
    BOOST_TEST((chain->front() == scope::write));  // tie broken toward the lower id
}

BOOST_AUTO_TEST_SUITE_END()
