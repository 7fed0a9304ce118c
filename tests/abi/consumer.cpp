// A program that compiles scope ids into itself: it parses a string and asks for one scope by id.
// Against a library built from other data, the id would name another scope; it must not link.
#include <cstdio>

#include <mastoscope/parse.hpp>

int main()
{
    auto const result = mastoscope::parse("read write:media");
    bool const ok = result && result.scopes().contains(mastoscope::scope::write_media);
    std::puts(ok ? "write:media found" : "write:media missing");
    return ok ? 0 : 1;
}
