// A main for fuzz targets built without libFuzzer: runs the target once on every file named (or found
// in a directory named) on the command line, so the seed corpora run under any compiler.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (auto const& entry : fs::directory_iterator(argv[i]))
                if (entry.is_regular_file()) files.push_back(entry.path());
        } else {
            files.emplace_back(argv[i]);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: %s FILE|DIRECTORY...: runs the fuzz target on each input\n", argv[0]);
        return 2;
    }
    for (auto const& path : files) {
        std::ifstream in{path, std::ios::binary};
        if (!in) {
            std::fprintf(stderr, "cannot read %s\n", path.c_str());
            return 2;
        }
        std::string const bytes{std::istreambuf_iterator<char>{in}, {}};
        LLVMFuzzerTestOneInput(reinterpret_cast<std::uint8_t const*>(bytes.data()), bytes.size());
    }
    std::printf("%zu inputs, every invariant held\n", files.size());
    return 0;
}
