// The algebra invariants of invariants.hpp: set laws, and closure/normalize against parent edges alone.
#include "invariants.hpp"

#include <mastoscope/algebra.hpp>

#include "../support.hpp"

namespace invariants {
namespace {

namespace ms = mastoscope;
using ms::scope_set;

std::string check_set_laws(scope_set const& a, scope_set const& b, scope_set const& c)
{
    if ((a | b) != (b | a) || (a & b) != (b & a)) return "| or & is not commutative";
    if (((a | b) | c) != (a | (b | c)) || ((a & b) & c) != (a & (b & c))) return "| or & is not associative";
    if ((a | (a & b)) != a || (a & (a | b)) != a) return "absorption fails";
    if ((a & (b | c)) != ((a & b) | (a & c)) || (a | (b & c)) != ((a | b) & (a | c))) return "distributivity fails";
    if ((a | a) != a || (a & a) != a) return "| or & is not idempotent";
    if (!(a - b).is_subset_of(a) || !((a - b) & b).empty() || ((a - b) | (a & b)) != a) return "difference is wrong";
    if (a.is_subset_of(b) != ((a & b) == a)) return "is_subset_of disagrees with &";
    if (a.intersects(b) == (a & b).empty()) return "intersects disagrees with &";
    if ((a | b).size() + (a & b).size() != a.size() + b.size()) return "size is not additive";
    return "";
}

std::string check_closure(scope_set const& a, scope_set const& b)
{
    auto const ca = ms::closure(a);
    if (ca != test::reference_closure(a)) return "closure differs from the walk over documented parent edges";
    if (!a.is_subset_of(ca)) return "closure is not extensive";
    if (ms::closure(ca) != ca) return "closure is not idempotent";
    if (ms::closure(a | b) != (ca | ms::closure(b))) return "closure of a union is not the union of closures";
    if (a.is_subset_of(b) && !ca.is_subset_of(ms::closure(b))) return "closure is not monotone";
    return "";
}

// The smallest set with the same closure is the set of maximal elements of the closure: those that
// no other granted scope grants.
scope_set maximal_elements(scope_set const& granted)
{
    scope_set result;
    for (auto x : granted) {
        bool dominated = false;
        for (auto y : granted)
            if (y != x && test::reference_closure(scope_set{y}).contains(x)) dominated = true;
        if (!dominated) result.insert(x);
    }
    return result;
}

std::string check_normalize(scope_set const& a)
{
    auto const n = ms::normalize(a);
    if (ms::closure(n) != ms::closure(a)) return "normalize changes the closure";
    if (n != maximal_elements(ms::closure(a))) return "normalize is not the minimal generating set";
    if (ms::normalize(n) != n) return "normalize is not idempotent";
    for (auto s : n)
        if (ms::closure(n - scope_set{s}) == ms::closure(a)) return "normalize keeps a redundant scope";
    return "";
}

std::string check_relations(scope_set const& a, scope_set const& b)
{
    auto const ca = ms::closure(a);
    if (ms::literal_subset(a, b) != b.is_subset_of(a)) return "literal_subset is not the literal subset";
    if (ms::covers(a, b) != b.is_subset_of(ca)) return "covers is not the subset of the closure";
    if (ms::literal_subset(a, b) && !ms::covers(a, b)) return "literal_subset holds but covers does not";
    if (ms::grants(a, b) != b.is_subset_of(ca)) return "grants(set) is not the subset of the closure";
    if (ms::grants_any(a, b) != ca.intersects(b)) return "grants_any is not an intersection with the closure";
    for (auto s : b)
        if (ms::grants(a, s) != ca.contains(s)) return "grants(scope) disagrees with the closure";
    return "";
}

}  // namespace

std::string check_algebra(scope_set const& a, scope_set const& b, scope_set const& c)
{
    for (auto const& e : {check_set_laws(a, b, c), check_closure(a, b), check_closure(a & b, a), check_normalize(a),
                          check_relations(a, b), check_relations(a, a & b)})
        if (!e.empty()) return e;
    return "";
}

}  // namespace invariants
