#include <mastoscope/format.hpp>
#include <mastoscope/parse.hpp>

int main() {
    auto const text = "read raed write:statuses,write:media Follow";
    auto const result = mastoscope::parse(text);
    fmt::print("{}\n", text);
    for (auto const& d : result.diagnostics()) fmt::print("{:>{}} {}\n", '^', d.column(), d);
    fmt::print("valid: {}, kept: {}\n", static_cast<bool>(result), result.scopes());
}
