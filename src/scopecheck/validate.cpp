// validate and lint: every diagnostic of a scope string, with its column and a caret under it.
#include <algorithm>

#include <fmt/format.h>

#include <mastoscope/dialect.hpp>
#include <mastoscope/format.hpp>
#include <mastoscope/lint.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;

answer validate(settings const& s, std::string_view text)
{
    auto const result =
        s.server.name == ms::software::mastodon ? ms::parse(text, s.parse) : ms::parse(text, s.server, s.parse);
    answer a;
    a.code = result ? yes : no;
    std::string_view const head = result ? "valid:" : "invalid:";
    if (s.json) {  // only what is printed is built: a batch of a million lines should not pay for both
        json_writer out;
        out.start_object().member("valid", static_cast<bool>(result)).key("scopes");
        write_names(out, result.scopes());
        for (bool const errors : {true, false}) {
            out.key(errors ? "errors" : "warnings").start_array();
            for (auto const& d : result.diagnostics()) {
                if (d.is_error() != errors) continue;
                out.start_object().member("kind", ms::to_string(d.kind()));
                if (errors) {
                    out.member("column", d.column())
                        .member("token", d.token())
                        .member("message", d.message())
                        .key("suggestion");
                    d.suggestion().empty() ? out.value(nullptr) : out.value(d.suggestion());
                } else {
                    out.member("scope", d.token()).member("message", d.message()).member("column", d.column());
                }
                out.end_object();
            }
            out.end_array();
        }
        a.object = out.end_object().take();
        return a;
    }
    a.line = paint(s, result ? tone::good : tone::bad, head);
    (a.line += ' ') += printable(text);
    if (result.diagnostics().empty()) return a;
    // A single answer shows every diagnostic under the input; the batch line names the first.
    a.text.push_back(a.line);
    for (auto const& d : result.diagnostics().first(std::min(max_carets, result.diagnostics().size()))) {
        auto const label = d.is_error() ? paint(s, tone::bad, "error") : paint(s, tone::warn, "warning");
        a.text.push_back(caret_line(text, d.column(), head.size() + 1, fmt::format("{}: {}", label, d.message())));
    }
    if (result.diagnostics().size() > max_carets)
        a.text.push_back(more_line(result.diagnostics().size() - max_carets, head.size() + 1));
    a.line += fmt::format("  ({}{})", result.diagnostics().front(), result.diagnostics().size() > 1 ? ", ..." : "");
    return a;
}

answer lint(settings const& s, std::string_view text)
{
    auto const result =
        s.server.name == ms::software::mastodon ? ms::lint(text, s.parse) : ms::lint(text, s.server, s.parse);
    if (!result) return error_answer(text, "SCOPES", result.errors.front());
    answer a;
    a.code = result.warnings.empty() ? yes : no;
    json warnings = json::array();
    std::string const head = result.warnings.empty() ? "clean: " : "lint: ";
    for (auto const& w : result.warnings) {
        warnings.push_back(
            {{"kind", ms::to_string(w.kind)}, {"scope", w.scope}, {"message", w.message}, {"column", w.column}});
        if (a.text.size() < max_carets)
            a.text.push_back(caret_line(text, w.column, head.size(),
                                        fmt::format("{} {}", paint(s, tone::warn, ms::to_string(w.kind)), w.message)));
    }
    if (result.warnings.size() > max_carets)
        a.text.push_back(more_line(result.warnings.size() - max_carets, head.size()));
    a.object = json_text({{"warnings", warnings}});
    a.line = paint(s, result.warnings.empty() ? tone::good : tone::warn, head.substr(0, head.size() - 1)) + ' ' +
             printable(text);
    a.text.insert(a.text.begin(), a.line);
    if (!result.warnings.empty()) {
        std::string kinds;
        for (auto const& w : result.warnings)
            kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", ms::to_string(w.kind), printable(w.scope));
        a.line += fmt::format("  ({})", kinds);
    }
    return a;
}

}  // namespace scopecheck
