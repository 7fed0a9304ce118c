// The algebra on seeded random sets: closure, normalize and explain.
#include <bit>
#include <random>

#include "baselines.hpp"
#include "harness.hpp"

namespace ms = mastoscope;

namespace {

struct inputs {
    std::vector<ms::scope_set> ours;
    std::vector<std::uint64_t> bits;
    std::vector<bench::naive::token> sets;
    std::vector<ms::scope> required;  // one per set, for explain
};

inputs make_inputs()
{
    inputs in;
    std::mt19937 rng{42};
    for (int i = 0; i < 64; ++i) {
        ms::scope_set s;
        for (auto x : ms::mastodon_scopes())
            if (rng() % 8 == 0) s.insert(x);
        in.ours.push_back(s);
        in.bits.push_back(s.words()[0]);
        bench::naive::token t;
        for (auto x : s) t.emplace(ms::name(x));
        in.sets.push_back(t);
        in.required.push_back(static_cast<ms::scope>(rng() % ms::detail::table::mastodon_count));
    }
    return in;
}

// The floor's explain: breadth first over parent masks, remembering the child each parent was reached from.
std::size_t floor_explain(std::uint64_t token, ms::scope required,
                          std::array<std::uint64_t, ms::detail::table::mastodon_count> const& parents)
{
    auto const r = index(required);
    if (token >> r & 1) return 1;
    std::array<std::uint8_t, ms::detail::table::mastodon_count> via{};
    std::uint64_t frontier = std::uint64_t{1} << r, seen = frontier;
    while (frontier) {
        std::uint64_t next = 0;
        for (auto f = frontier; f; f &= f - 1) {
            auto const b = static_cast<std::size_t>(std::countr_zero(f));
            for (auto p = parents[b] & ~seen & ~next; p; p &= p - 1)
                via[static_cast<std::size_t>(std::countr_zero(p))] = static_cast<std::uint8_t>(b);
            next |= parents[b] & ~seen;
        }
        if (auto const hit = next & token) {
            std::size_t length = 1;
            for (auto at = static_cast<std::size_t>(std::countr_zero(hit)); at != r; at = via[at]) ++length;
            return length;
        }
        seen |= next;
        frontier = next;
    }
    return 0;
}

// The naive explain: depth first through the parent map, building the chain as strings.
std::vector<std::string> naive_explain(bench::naive const& n, bench::naive::token const& t, std::string const& required)
{
    if (t.count(required)) return {required};
    auto const it = n.parents.find(required);
    if (it != n.parents.end())
        for (auto const& p : it->second)
            if (auto chain = naive_explain(n, t, p); !chain.empty()) {
                chain.push_back(required);
                return chain;
            }
    return {};
}

}  // namespace

int main(int argc, char** argv)
{
    static bench::naive const naive;
    static bench::floor const floor;
    static inputs const in = make_inputs();
    static std::array<std::uint64_t, ms::detail::table::mastodon_count> floor_parents{}, floor_implied_by{};
    for (auto s : ms::mastodon_scopes()) {
        floor_parents[index(s)] = ms::parents(s).words()[0];
        floor_implied_by[index(s)] = ms::implied_by(s).words()[0];
    }
    static std::vector<std::string> required_names;
    for (auto r : in.required) required_names.emplace_back(ms::name(r));
    auto const n = in.ours.size();
    // One line per implementation, so that the three read as a table.
    // clang-format off
    std::vector<bench::bench_case> cases{
        {"closure", n,
         {{"mastoscope", [] { std::size_t s = 0; for (auto const& x : in.ours) s += ms::closure(bench::opaque(x)).size(); return s; }},
          {"floor", [] { std::size_t s = 0; for (auto const& x : in.bits) s += static_cast<std::size_t>(std::popcount(floor.close(bench::opaque(x)))); return s; }},
          {"naive", [] { std::size_t s = 0; for (auto const& x : in.sets) s += naive.close(x).size(); return s; }}}},
        {"normalize", n,
         {{"mastoscope", [] { std::size_t s = 0; for (auto const& x : in.ours) s += ms::normalize(bench::opaque(x)).size(); return s; }},
          {"floor", [] {
               std::size_t s = 0;
               for (auto const& each : in.bits) {
                   auto const x = bench::opaque(each);
                   std::uint64_t kept = 0;
                   for (auto b = x; b; b &= b - 1) {
                       auto const i = static_cast<std::size_t>(std::countr_zero(b));
                       if (!(floor_implied_by[i] & ~(std::uint64_t{1} << i) & x)) kept |= std::uint64_t{1} << i;
                   }
                   s += static_cast<std::size_t>(std::popcount(kept));
               }
               return s;
           }},
          {"naive", [] {
               std::size_t s = 0;
               for (auto const& x : in.sets)
                   for (auto const& name : x) {
                       bool implied = false;
                       for (auto const& other : x)
                           if (other != name && naive.grants(bench::naive::token{other}, name)) implied = true;
                       s += !implied;
                   }
               return s;
           }}}},
        {"explain", n,
         {{"mastoscope", [] {
               std::size_t s = 0;
               for (std::size_t i = 0; i < in.ours.size(); ++i)
                   if (auto chain = ms::explain(bench::opaque(in.ours[i]), in.required[i])) s += chain->size();
               return s;
           }},
          {"floor", [] {
               std::size_t s = 0;
               for (std::size_t i = 0; i < in.bits.size(); ++i) s += floor_explain(bench::opaque(in.bits[i]), in.required[i], floor_parents);
               return s;
           }},
          {"naive", [] {
               std::size_t s = 0;
               for (std::size_t i = 0; i < in.sets.size(); ++i) s += naive_explain(naive, in.sets[i], required_names[i]).size();
               return s;
           }}}},
    };
    // clang-format on
    return bench::run_cases(cases, argc, argv);
}
