// The per-request check: a parsed token against a required scope known at compile time, over the
// stored tokens 100 times (600 checks a run).
#include "baselines.hpp"
#include "harness.hpp"

using namespace mastoscope::literals;
namespace ms = mastoscope;

int main(int argc, char** argv)
{
    static bench::naive const naive;
    static bench::floor const floor;
    static std::vector<ms::scope_set> ours;
    static std::vector<std::uint64_t> bits;
    static std::vector<bench::naive::token> sets;
    // The six stored tokens, 100 times over: six checks (a few ns) are within the jitter of the
    // harness's call around them, so a run of 600 checks measures the check itself.
    constexpr int copies = 100;
    for (int copy = 0; copy < copies; ++copy)
        for (auto const& t : bench::stored_tokens) {
            ours.push_back(ms::parse(t).scopes());
            bits.push_back(floor.parse(t));
            sets.push_back(bench::naive::parse(t));
        }
    static std::string const required_name{"read:statuses"};
    static auto const floor_mask = floor.granted_by("read:statuses"_scope);
    std::vector<bench::bench_case> cases{
        {"check",
         ours.size(),
         {{"mastoscope",
           [] {
               std::size_t s = 0;
               for (auto const& t : ours) s += ms::grants(bench::opaque(t), "read:statuses"_scope);
               return s;
           }},
          {"floor",
           [] {
               std::size_t s = 0;
               for (auto const& t : bits) s += (bench::opaque(t) & floor_mask) != 0;
               return s;
           }},
          {"naive",
           [] {
               std::size_t s = 0;
               for (auto const& t : sets) s += naive.grants(t, required_name);
               return s;
           }}}},
    };
    return bench::run_cases(cases, argc, argv);
}
