#include <mastoscope/mastoscope.hpp>
#include <mastoscope/text.hpp>
#include <cstdio>
using namespace mastoscope::literals;
namespace ms = mastoscope;

int main() {
    static_assert(ms::grants("follow"_scopes, "read:mutes"_scope));  // checked by the compiler
    auto const token = "read:statuses follow"_scopes;
    std::printf("grants: %s\n", ms::to_string(ms::closure(token)).c_str());
    std::printf("may post: %s\n", ms::grants(token, "write:statuses"_scope) ? "yes" : "no");
}
