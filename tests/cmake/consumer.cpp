// Prints what a scope string grants, one name a line: parsed and expanded by the installed library,
// printed through format.hpp's fmt formatter, so that both links come from mastoscope::mastoscope.
#include <fmt/format.h>

#include <mastoscope/format.hpp>
#include <mastoscope/mastoscope.hpp>
#include <mastoscope/parse.hpp>

int main(int argc, char** argv)
{
    auto const parsed = mastoscope::parse(argc > 1 ? argv[1] : "follow");
    if (!parsed) return 2;
    for (auto const scope : mastoscope::closure(parsed.scopes())) fmt::print("{}\n", scope);
    return 0;
}
