// A separate program built only from the installed package (and the shared compile-time facts).
#include "compile_time_facts.hpp"

#include <cstdio>
#include <mastoscope/text.hpp>  // to_string lives outside the umbrella header
int main()                      // links against the installed library, too
{
    return std::puts(ms::to_string(ms::closure("follow"_scopes)).c_str()) >= 0 ? 0 : 1;
}
