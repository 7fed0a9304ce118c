// A separate program built only from the installed package: the README's snippet, verbatim.
#include <mastoscope/mastoscope.hpp>
using namespace mastoscope::literals;
namespace ms = mastoscope;
static_assert(ms::grants("follow"_scopes, "read:mutes"_scope));
static_assert(!ms::grants("read:mutes"_scopes, "follow"_scope));
static_assert(!ms::grants("write"_scopes, "read:statuses"_scope));
static_assert(!ms::grants("read write"_scopes, "admin:read"_scope));
static_assert(ms::grants("read write"_scopes, "read:statuses write:media"_scopes));
static_assert(ms::closure("follow"_scopes).size() == 7);
static_assert(ms::normalize("read read:statuses follow write:mutes"_scopes) == "read follow"_scopes);
static_assert(("read write"_scopes & "write push"_scopes) == "write"_scopes);

#include <cstdio>
#include <mastoscope/text.hpp>  // to_string lives outside the umbrella header
int main()  // links against the installed library, too
{
    return std::puts(ms::to_string(ms::closure("follow"_scopes)).c_str()) >= 0 ? 0 : 1;
}
