// Parsing stored token strings, and a whole request: parse the stored string, close it, check a scope.
#include <bit>

#include "baselines.hpp"
#include "harness.hpp"

using namespace mastoscope::literals;
namespace ms = mastoscope;

int main(int argc, char** argv)
{
    static bench::naive const naive;
    static bench::floor const floor;
    static std::string const required_name{"read:statuses"};
    constexpr auto required = "read:statuses"_scope;
    auto const n = bench::stored_tokens.size();
    // One line per implementation, so that the three read as a table.
    // clang-format off
    std::vector<bench::bench_case> cases{
        {"parse", n,
         {{"mastoscope", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += ms::parse(bench::opaque(t)).scopes().size(); return s; }},
          {"floor", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += static_cast<std::size_t>(std::popcount(floor.parse(bench::opaque(t)))); return s; }},
          {"naive", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += bench::naive::parse(bench::opaque(t)).size(); return s; }}}},
        {"request", n,
         {{"mastoscope", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += ms::closure(ms::parse(bench::opaque(t)).scopes()).contains(required); return s; }},
          {"floor", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += (floor.close(floor.parse(bench::opaque(t))) & floor.mask(required)) != 0; return s; }},
          {"naive", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += naive.grants(bench::naive::parse(bench::opaque(t)), required_name); return s; }}}},
    };
    // clang-format on
    return bench::run_cases(cases, argc, argv);
}
