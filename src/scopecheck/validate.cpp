// validate and lint: every diagnostic of a scope string, with its column and a caret under it.
#include <fmt/format.h>

#include <mastoscope/format.hpp>
#include <mastoscope/lint.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;

answer validate(settings const& s, std::string_view text)
{
    auto const result = ms::parse(text, s.parse);
    answer a;
    a.code = result ? yes : no;
    json errors = json::array(), warnings = json::array();
    std::string const head = result ? "valid: " : "invalid: ";
    std::string first_problem;
    for (auto const& d : result.diagnostics()) {
        auto const kind = ms::to_string(d.kind());
        if (d.is_error()) {
            errors.push_back({{"kind", kind}, {"column", d.column()}, {"token", d.token()}, {"message", d.message()},
                              {"suggestion", d.suggestion().empty() ? json(nullptr) : json(d.suggestion())}});
        } else {
            warnings.push_back({{"kind", kind}, {"scope", d.token()}, {"message", d.message()}, {"column", d.column()}});
        }
        auto const label = d.is_error() ? paint(s, tone::bad, "error") : paint(s, tone::warn, "warning");
        a.text.push_back(caret_line(text, d.column(), head.size(), fmt::format("{}: {}", label, d.message())));
        if (first_problem.empty()) first_problem = fmt::format("{}", d);
    }
    a.object = {{"valid", static_cast<bool>(result)}, {"scopes", names_json(result.scopes())}, {"errors", errors},
                {"warnings", warnings}};
    a.line = paint(s, result ? tone::good : tone::bad, head.substr(0, head.size() - 1)) + ' ' + printable(text);
    // A single answer shows every diagnostic under the input; the batch line names the first.
    a.text.insert(a.text.begin(), a.line);
    if (!first_problem.empty()) a.line += fmt::format("  ({}{})", first_problem,
                                                      result.diagnostics().size() > 1 ? ", ..." : "");
    return a;
}

answer lint(settings const& s, std::string_view text)
{
    auto const result = ms::lint(text, s.parse);
    if (!result) return error_answer(text, "SCOPES", result.errors.front());
    answer a;
    a.code = result.warnings.empty() ? yes : no;
    json warnings = json::array();
    std::string const head = result.warnings.empty() ? "clean: " : "lint: ";
    for (auto const& w : result.warnings) {
        warnings.push_back({{"kind", ms::to_string(w.kind)}, {"scope", w.scope}, {"message", w.message}, {"column", w.column}});
        a.text.push_back(caret_line(text, w.column, head.size(),
                                    fmt::format("{} {}", paint(s, tone::warn, ms::to_string(w.kind)), w.message)));
    }
    a.object = {{"warnings", warnings}};
    a.line = paint(s, result.warnings.empty() ? tone::good : tone::warn, head.substr(0, head.size() - 1)) + ' ' + printable(text);
    a.text.insert(a.text.begin(), a.line);
    if (!result.warnings.empty()) {
        std::string kinds;
        for (auto const& w : result.warnings) kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", ms::to_string(w.kind), w.scope);
        a.line += fmt::format("  ({})", kinds);
    }
    return a;
}

}  // namespace scopecheck
