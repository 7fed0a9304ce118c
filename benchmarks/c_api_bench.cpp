// A whole request through the C API, as a C program or an FFI binding makes it: parse the stored
// string (ms_parse) and check the required scope (ms_grants), beside the same floor and naive
// baselines as the C++ request case.
#include <mastoscope/mastoscope.h>

#include "baselines.hpp"
#include "harness.hpp"

using namespace mastoscope::literals;

int main(int argc, char** argv)
{
    static bench::naive const naive;
    static bench::floor const floor;
    static std::string const required_name{"read:statuses"};
    constexpr auto required = "read:statuses"_scope;
    static ms_scopes const required_set = [] {
        ms_scopes set{};
        ms_add(&set, ms_lookup(required_name.data(), required_name.size()));
        return set;
    }();
    auto const n = bench::stored_tokens.size();
    // clang-format off
    std::vector<bench::bench_case> cases{
        {"request_c_api", n,
         {{"mastoscope", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) { auto const text = bench::opaque(t); ms_scopes held; ms_parse(text.data(), text.size(), nullptr, &held, nullptr); s += static_cast<std::size_t>(ms_grants(&held, &required_set)); } return s; }},
          {"floor", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += (floor.close(floor.parse(bench::opaque(t))) & floor.mask(required)) != 0; return s; }},
          {"naive", [] { std::size_t s = 0; for (auto const& t : bench::stored_tokens) s += naive.grants(bench::naive::parse(bench::opaque(t)), required_name); return s; }}}},
    };
    // clang-format on
    return bench::run_cases(cases, argc, argv);
}
