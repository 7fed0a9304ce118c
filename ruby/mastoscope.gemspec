# frozen_string_literal: true

require_relative "lib/mastoscope/version"

Gem::Specification.new do |spec|
  spec.name = "mastoscope"
  spec.version = Mastoscope::VERSION
  spec.authors = ["The mastoscope authors"]
  spec.summary = "Mastodon's OAuth scopes, exactly: the Ruby binding of libmastoscope"
  spec.description = "Parses scope strings as Mastodon (or another fediverse server) reads them, " \
                     "with the error's column and a suggestion; checks what a token grants through " \
                     "Mastodon's hierarchy; and answers as the server's registration, authorization " \
                     "and API routes do. Calls the C library libmastoscope through ffi."
  spec.required_ruby_version = ">= 3.0"
  spec.files = Dir.chdir(__dir__) { Dir["lib/**/*.rb"] }
  spec.require_paths = ["lib"]
  spec.requirements << "libmastoscope (the C library, ABI 1)"
  spec.add_dependency "ffi", ">= 1.15"
end
