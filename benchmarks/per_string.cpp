// One implementation of a case over one stored string, many times, for instruction counts under
// callgrind (callgrind.py subtracts two pass counts, so start-up and the baselines' set-up cancel out).
// Usage: per_string parse|request mastoscope|floor|naive INDEX PASSES, or per_string strings (the
// stored strings, one per line, in INDEX order)
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <benchmark/benchmark.h>

#include "baselines.hpp"

using namespace mastoscope::literals;
namespace ms = mastoscope;

namespace {

std::size_t run(std::size_t passes, std::string_view stored, std::size_t (*once)(std::string_view))
{
    std::size_t sum = 0;
    for (std::size_t i = 0; i < passes; ++i) {
        auto text = stored;
        benchmark::DoNotOptimize(text);
        sum += once(text);
        benchmark::DoNotOptimize(sum);
    }
    return sum;
}

bench::naive const naive;
bench::floor const floor;
std::string const required_name{"read:statuses"};
constexpr auto required = "read:statuses"_scope;

}  // namespace

int main(int argc, char** argv)
{
    if (argc == 2 && std::string_view{argv[1]} == "strings") {
        for (auto t : bench::stored_tokens) std::printf("%.*s\n", static_cast<int>(t.size()), t.data());
        return 0;
    }
    if (argc != 5) {
        std::fprintf(stderr,
                     "usage: per_string parse|request mastoscope|floor|naive INDEX PASSES | per_string strings\n");
        return 2;
    }
    std::string_view const which = argv[1], impl = argv[2];
    auto const index = std::strtoul(argv[3], nullptr, 10);
    auto const passes = std::strtoul(argv[4], nullptr, 10);
    if (index >= bench::stored_tokens.size() || (which != "parse" && which != "request")) return 2;
    bool const parse = which == "parse";
    std::size_t (*once)(std::string_view) = nullptr;
    if (impl == "mastoscope")
        once = parse ? +[](std::string_view t) { return ms::parse(t).scopes().size(); } : +[](std::string_view t) {
            return std::size_t{ms::closure(ms::parse(t).scopes()).contains(required)};
        };
    else if (impl == "floor")
        once = parse
                   ? +[](std::string_view t) { return static_cast<std::size_t>(__builtin_popcountll(floor.parse(t))); }
                   : +[](std::string_view t) {
                         return std::size_t{(floor.close(floor.parse(t)) & floor.mask(required)) != 0};
                     };
    else if (impl == "naive")
        once = parse ? +[](std::string_view t) { return bench::naive::parse(t).size(); } : +[](std::string_view t) {
            return std::size_t{naive.grants(bench::naive::parse(t), required_name)};
        };
    else
        return 2;
    std::printf("%zu\n", run(passes, bench::stored_tokens[index], once));
    return 0;
}
