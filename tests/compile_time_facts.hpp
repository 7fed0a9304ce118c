// Ten facts of the algebra that hold at compile time. One file for the three places that compile
// them: static_checks.cpp, the installed-package consumer (tests/install/) and the compile-cost
// measurement of benchmarks/report.py (the umbrella header and ten static_asserts).
#include <mastoscope/mastoscope.hpp>
using namespace mastoscope::literals;
namespace ms = mastoscope;
static_assert(ms::grants("follow"_scopes, "read:mutes"_scope));
static_assert(!ms::grants("read:mutes"_scopes, "follow"_scope));
static_assert(!ms::grants("write"_scopes, "read:statuses"_scope));
static_assert(!ms::grants("read write"_scopes, "admin:read"_scope));
static_assert(ms::grants("read write"_scopes, "read:statuses write:media"_scopes));
static_assert(ms::closure("follow"_scopes) == ("follow"_scopes | ms::children("follow"_scope)));
static_assert(ms::normalize("read read:statuses follow write:mutes"_scopes) == "read follow"_scopes);
static_assert(("read write"_scopes & "write push"_scopes) == "write"_scopes);
static_assert(ms::literal_subset("read write"_scopes, "read"_scopes));
static_assert(ms::explain("follow"_scopes, "read:mutes"_scope)->size() == 2);
