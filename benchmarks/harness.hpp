// What every benchmark binary shares: registering a case's three implementations under one name, and
// a main that first checks that the three compute the same checksum (the same work), then runs them.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace bench {

// One implementation of a case: `once` runs the whole workload one time and returns its checksum.
struct implementation {
    std::string name;  // "mastoscope", "floor" or "naive"
    std::function<std::size_t()> once;
};

struct bench_case {
    std::string name;   // "parse", "check", ...
    std::size_t items;  // operations in one run of the workload
    std::vector<implementation> implementations;
};

inline int run_cases(std::vector<bench_case> const& cases, int argc, char** argv)
{
    for (auto const& c : cases) {
        std::size_t const expected = c.implementations.front().once();
        for (auto const& impl : c.implementations) {
            if (impl.once() != expected) {
                std::fprintf(stderr, "%s/%s computes checksum %zu, %s/%s %zu: they do not do the same work\n",
                             c.name.c_str(), impl.name.c_str(), impl.once(), c.name.c_str(),
                             c.implementations.front().name.c_str(), expected);
                return 1;
            }
            benchmark::RegisterBenchmark((c.name + "/" + impl.name).c_str(), [&c, &impl](benchmark::State& state) {
                std::size_t sum = 0;
                for (auto _ : state) {
                    sum += impl.once();
                    benchmark::DoNotOptimize(sum);
                }
                state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.items));
            });
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

// Reads a value through a pointer that DoNotOptimize hides: the compiler cannot fold a constant input,
// and no implementation pays for a copy through memory (a two-word scope_set passed by value through
// DoNotOptimize is stored and reloaded; a uint64_t stays in a register). Iterate inputs by reference.
template <class T>
T const& opaque(T const& value)
{
    auto const* hidden = &value;
    benchmark::DoNotOptimize(hidden);
    return *hidden;
}

}  // namespace bench
