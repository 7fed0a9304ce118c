# frozen_string_literal: true

# The Ruby binding against the library it loads (MASTOSCOPE_LIBRARY) and, for broader agreement,
# against the build's scopecheck --json (SCOPECHECK). Expected values are either pinned facts of
# Mastodon the test means to pin, or asked of the library or scopecheck.

require "minitest/autorun"
require "json"
require "open3"
require "rbconfig"
require "tmpdir"

begin
  require "mastoscope"
rescue LoadError => e
  # Said plainly, since the usual cause is a missing package rather than a bug here.
  abort "cannot load the mastoscope binding: #{e.message}\n" \
        "(the binding needs ruby-ffi: apt-get install ruby-ffi; and MASTOSCOPE_LIBRARY=path/to/libmastoscope.so)"
end

# An object that is no String but converts implicitly to one, as Ruby's own String methods allow.
class ScopeText
  def initialize(text)
    @text = text
  end

  def to_str
    @text
  end
end

class TestLoading < Minitest::Test
  def test_versions
    assert_equal Mastoscope::VERSION, Mastoscope.library_version
    assert_equal 1, Mastoscope::Native.ms_abi_version
    assert_match(/\A\h{8,}\z/, Mastoscope.data_revision)
    assert Mastoscope::LoadError < ::LoadError
  end

  # A library of another ABI, an absent library and an absent ffi gem each stop the require with a
  # LoadError that says what to do; they are tried in a child ruby, as loading happens once.
  def require_in_child(env, *flags)
    lib = File.expand_path("../lib", __dir__)
    script = 'begin; require "mastoscope"; rescue LoadError => e; warn "#{e.class}: #{e.message}"; exit 3; end'
    _out, err, status = Open3.capture3(env, RbConfig.ruby, *flags, "-I", lib, "-e", script)
    [status.exitstatus, err]
  end

  def test_refuses_another_abi
    Dir.mktmpdir do |dir|
      File.write(File.join(dir, "abi2.c"), "unsigned ms_abi_version(void) { return 2; }\n")
      library = File.join(dir, "libabi2.so")
      _, _, built = Open3.capture3(ENV.fetch("CC", "cc"), "-shared", "-fPIC", "-o", library, File.join(dir, "abi2.c"))
      skip "no C compiler to build a library of another ABI" unless built.success?

      status, err = require_in_child({ "MASTOSCOPE_LIBRARY" => library })
      assert_equal 3, status, err
      assert_match(/Mastoscope::LoadError: .*ABI 2; this binding needs ABI 1/, err)
    end
  end

  def test_missing_library_and_missing_ffi
    status, err = require_in_child({ "MASTOSCOPE_LIBRARY" => "/nonexistent/libmastoscope.so" })
    assert_equal 3, status, err
    assert_match(/Mastoscope::LoadError: cannot load the mastoscope library.*MASTOSCOPE_LIBRARY/, err)
    Dir.mktmpdir do |dir|
      File.write(File.join(dir, "ffi.rb"), "raise LoadError, 'cannot load such file -- ffi'\n")
      status, err = require_in_child({}, "-I", dir)
      assert_equal 3, status, err
      assert_match(/install ruby-ffi/, err)
    end
  end

  def test_scope_names_in_id_order
    names = Mastoscope.scope_names
    assert_equal Mastoscope::Native.ms_scope_count, names.size
    assert_equal names.size, names.uniq.size
    %w[read write follow push profile read:mutes admin:read].each { |n| assert_includes names, n }
    names.each_with_index { |n, id| assert_equal id, Mastoscope::Native.ms_lookup(n, n.bytesize) }
    assert names.frozen?
  end

  def test_servers
    servers = Mastoscope.servers
    assert_equal "mastodon", servers.first.name
    gts = servers.find { |s| s.name == "gotosocial" }
    assert_equal "GoToSocial", gts.display_name
    assert_match(/\A\d+\.\d+\.\d+/, gts.newest_release)
    servers.each { |s| refute_empty Mastoscope.vocabulary(s.name), s.name }
    assert_equal Mastoscope.vocabulary, Mastoscope.vocabulary("mastodon")
  end

  def test_history_and_description
    follow = Mastoscope.history("follow")
    assert_equal "3.5.0", follow.deprecated
    assert_nil follow.removed
    assert_equal "4.3.0-rc.1", Mastoscope.history("crypto").removed
    assert_equal "4.3.0-beta.1", Mastoscope.history("profile").added
    assert_kind_of String, Mastoscope.description("read")
    error = assert_raises(Mastoscope::ScopeError) { Mastoscope.history("raed") }
    assert_equal "unknown_scope", error.kind
    assert_equal "read", error.suggestion
    assert_raises(Mastoscope::ScopeError) { Mastoscope.history("read write") }
    assert_raises(TypeError) { Mastoscope.history(nil) }
    assert_raises(TypeError) { Mastoscope.description(:read) }
  end
end

class TestParsing < Minitest::Test
  S = Mastoscope::Scopes

  def test_strict_parse
    scopes = S.new("read write")
    assert_equal %w[read write], scopes.to_a
    assert_equal "read write", scopes.to_s
    assert_equal 2, scopes.size
    assert_equal %w[push read], S.new("  push   read  ").to_a.sort
    assert_equal %w[read], S.new("read read").to_a
    assert S.new("follow").include?("follow") # deprecated is a warning, not an error
  end

  def test_error_has_every_field
    error = assert_raises(Mastoscope::ScopeError) { S.new("read raed") }
    assert_kind_of ArgumentError, error
    assert_equal "unknown_scope", error.kind
    assert_equal 6, error.column
    assert_equal "raed", error.token
    assert_equal "read", error.suggestion
    assert_equal "unknown scope 'raed'; did you mean 'read'?", error.message
  end

  def test_error_kinds
    {
      "" => ["empty", 1, nil, nil],
      "read\twrite" => ["bad_character", 5, "read\twrite", "read write"],
      "Read" => ["unknown_scope", 1, "Read", "read"],
      "read,write" => ["unknown_scope", 1, "read,write", "read write"],
      "read nope" => ["unknown_scope", 6, "nope", nil],
    }.each do |text, (kind, column, token, suggestion)|
      error = S.parse(text).error
      assert_equal [kind, column, token, suggestion], [error.kind, error.column, error.token, error.suggestion], text.inspect
    end
    assert_equal "removed", S.parse("crypto").error.kind
    assert_equal "not_yet_added", S.parse("read profile", server: "mastodon@4.2.0").error.kind
    assert_equal 6, S.parse("read profile", server: "mastodon@4.2.0").error.column
    assert_equal "too_long", S.parse("read write", max_length: 4).error.kind
    assert S.parse("read write", max_length: 10).valid?
  end

  def test_parse_result_does_not_raise
    result = S.parse("push raed")
    refute result.valid?
    assert_equal %w[push], result.scopes.to_a # the valid part, also when the whole is not
    assert_equal "raed", result.error.token
    assert_kind_of Mastoscope::ScopeError, result.error
    ok = S.parse("read")
    assert ok.valid?
    assert_nil ok.error
    assert_equal S.new("read"), ok.scopes
    assert_match(/unknown_scope/, result.inspect)
    case ok
    in { valid: true, scopes: } then assert_equal "read", scopes.to_s
    end
  end

  def test_modes
    assert_equal %w[read write:media], S.new("read+write%3Amedia", mode: :query).to_a
    assert_equal "unknown_scope", S.parse("read+write").error.kind
    assert_equal "bad_escape", S.parse("read%2", mode: :query).error.kind
    assert_equal %w[read write], S.new("read,write", mode: "lenient").to_a
    assert_equal %w[read], S.new("read, raed", mode: :lenient).to_a # an unknown name is a warning there
    assert_equal "empty", S.parse("raed", mode: :lenient).error.kind
    assert_raises(ArgumentError) { S.new("read", mode: :loose) }
    assert_raises(TypeError) { S.new("read", mode: 1) }
    assert_raises(TypeError) { S.parse("read", mode: nil) }
  end

  def test_servers
    assert_equal %w[read], S.new("read", server: "gotosocial").to_a
    assert_equal %w[read], S.new("read", server: :gotosocial).to_a
    assert S.parse("crypto", server: "mastodon@4.0.0").valid?
    mastodon = Mastoscope.vocabulary
    gts = Mastoscope.vocabulary("gotosocial")
    refute_equal mastodon, gts
    only_mastodon = (mastodon - gts).first
    assert only_mastodon, "a scope Mastodon has and GoToSocial lacks"
    refute S.parse(only_mastodon, server: "gotosocial").valid?
    assert S.parse(only_mastodon).valid?
    error = assert_raises(Mastoscope::Error) { S.new("read", server: "nope") }
    assert_equal "bad_server", error.kind
    assert_raises(Mastoscope::Error) { S.parse("read", server: "gotosocial@0.19") }
    assert_raises(Mastoscope::Error) { Mastoscope.vocabulary("nope") }
    assert_raises(ArgumentError) { S.new("read", server: "mastodon\0junk") }
    assert_raises(TypeError) { S.new("read", server: 4) }
  end
end

class TestAlgebra < Minitest::Test
  S = Mastoscope::Scopes

  def test_grants
    assert Mastoscope.grants?("follow", "read:mutes") # Mastodon's deprecated follow grants read:mutes
    assert Mastoscope.grants?("read", "read:statuses read:accounts")
    refute Mastoscope.grants?("read", "write")
    refute Mastoscope.grants?("read:statuses", "read")
    assert Mastoscope.grants?(S.new("write"), "write:media")
    assert Mastoscope.grants?("admin:read", S.new("admin:read:accounts"))
    assert S.new("read write").grants?("write:statuses")
    refute S.new("push").grants?(S.new("read"))
    assert Mastoscope.grants?(S.new("read") - "read", S.empty)
    assert_raises(Mastoscope::ScopeError) { Mastoscope.grants?("raed", "read") }
    assert_raises(Mastoscope::ScopeError) { Mastoscope.grants?("read", "") }
  end

  def test_set_operations
    a = S.new("read write push")
    b = S.new("write follow")
    assert_equal S.new("read write push follow"), a | b
    assert_equal S.new("write"), a & b
    assert_equal S.new("read push"), a - b
    assert_equal S.new("read write push profile"), a | "profile"
    assert_equal a, a + S.empty
    assert_empty a - a
    assert_equal 0, (a - a).size
    assert a.superset?("read push")
    assert S.new("read").subset?(a)
    assert S.new("read") <= a
    refute S.new("read:statuses") <= a # literally, not through the hierarchy
    assert_raises(TypeError) { a | nil }
    assert_raises(TypeError) { a & 3 }
    assert_raises(Mastoscope::ScopeError) { a - "raed" }
  end

  def test_closure_and_normalize
    closure = S.new("read").closure
    assert_includes closure.to_a, "read:statuses"
    assert_includes closure.to_a, "read"
    refute_includes closure.to_a, "write"
    assert_equal S.new("write push"), S.new("write write:media write:statuses push").normalize
    assert_includes S.new("follow").closure, "read:mutes"
    assert_equal S.new("read").closure, S.new("read read:statuses").closure
  end

  def test_value_object
    a = S.new("read write")
    b = S.new("write read")
    assert_equal a, b
    assert a.eql?(b)
    assert_equal a.hash, b.hash
    assert_equal 1, { a => 1, b => 2 }.size
    assert_equal [a], [a, b].uniq
    refute_equal a, "read write"
    assert a.frozen?
    assert_equal "#<Mastoscope::Scopes read write>", a.inspect
    assert_equal "#<Mastoscope::Scopes (empty)>", S.empty.inspect
  end

  def test_names_and_marshal
    scopes = S.new("read write:media push")
    assert_equal scopes, S.from_names(%w[push write:media read])
    assert_equal %w[crypto], S.from_names(%w[crypto]).to_a # any release's name, by exact name
    assert_equal "unknown_scope", assert_raises(Mastoscope::ScopeError) { S.from_names(%w[read raed]) }.kind
    copy = Marshal.load(Marshal.dump(scopes))
    assert_equal scopes, copy
    assert copy.frozen?
    assert_equal scopes, S.from_words(scopes.native_words)
    assert_raises(ArgumentError) { S.from_words("too short") }
    all = S.from_words("\xff".b * Mastoscope::Native::SCOPES_SIZE) # bits past the data are dropped
    assert_equal Mastoscope.scope_names, all.to_a
    assert_equal Mastoscope.scope_names.size, all.size
  end

  def test_enumerable_and_membership
    s = S.new("push read write:media")
    assert_equal s.to_a.sort_by { |n| Mastoscope.scope_names.index(n) }, s.to_a # id order
    assert_equal s.to_a, s.each.to_a
    assert_equal 3, s.each.size
    assert_equal %w[write:media], s.select { |n| n.include?(":") }
    assert_equal s.to_a.join(" "), s.to_s
    assert s.include?("push")
    refute s.include?("write") # literal membership: write:media is not write
    refute s.include?("nope")
    refute s.include?(nil)
    refute s.include?(:push)
    assert_equal Mastoscope.scope_names.select { |n| s.include?(n) }, s.to_a
    assert_equal S.new(s.to_s), s
  end
end

class TestChecks < Minitest::Test
  def test_register
    answer = Mastoscope.register("read write")
    assert answer.ok?
    assert_equal 200, answer.status
    assert_equal Mastoscope::Scopes.new("read write"), answer.scopes
    assert_equal %w[read], Mastoscope.register(nil).scopes.to_a # no parameter: the default scopes
    refused = Mastoscope.register("read:reports")
    refute refused.ok?
    assert_equal 422, refused.status
    assert_match(/doesn't match those configured/, refused.reason)
    assert_equal 400, Mastoscope.register("read\xff".b).status # Rails refuses non-UTF-8
    assert Mastoscope.register("read write", server: "gotosocial").ok?
    assert_raises(Mastoscope::Error) { Mastoscope.register("read", server: "nope") }
    assert_raises(TypeError) { Mastoscope.register(42) }
  end

  def test_authorize
    refused = Mastoscope.authorize("read", "read:accounts write")
    refute refused.ok?
    assert_equal 400, refused.status
    assert_equal "invalid_scope", refused.oauth_error
    accepted = Mastoscope.authorize("read write", "write")
    assert accepted.ok?
    assert_nil accepted.oauth_error
    assert_equal %w[write], accepted.scopes.to_a
    assert_equal %w[read], Mastoscope.authorize("read write", nil).scopes.to_a
    refute Mastoscope.authorize("read", "read:accounts", grant: :client_credentials).ok?
    assert Mastoscope.authorize("read write", "read", server: "gotosocial").ok?
    error = assert_raises(Mastoscope::Error) { Mastoscope.authorize("read:reports", "read") }
    assert_equal "bad_argument", error.kind
    assert_match(/no such app/, error.reason)
    assert_raises(ArgumentError) { Mastoscope.authorize("read", "read", grant: :password) }
    assert_raises(TypeError) { Mastoscope.authorize("read", "read", grant: 0) }
    assert_raises(TypeError) { Mastoscope.authorize("read", 1) }
  end

  def test_endpoint
    mutes = Mastoscope.endpoint("GET", "/api/v1/mutes", token: "follow")
    assert mutes.ok?
    assert_equal 200, mutes.status
    assert_includes mutes.scopes, "read:mutes"
    refused = Mastoscope.endpoint("GET", "/api/v1/accounts/relationships", token: Mastoscope::Scopes.new("follow"))
    refute refused.ok?
    assert_equal 403, refused.status
    assert_equal Mastoscope::Scopes.new("read read:follows"), refused.scopes
    no_token = Mastoscope.endpoint("GET", "/api/v1/timelines/home")
    refute no_token.ok?
    assert_equal 401, no_token.status
    assert Mastoscope.endpoint("GET", "/api/v1/reports", token: "read:reports", server: "mastodon@2.5.0").ok?
    assert_equal "no_route", assert_raises(Mastoscope::Error) { Mastoscope.endpoint("GET", "/api/v1/reports") }.kind
    assert_equal "no_route_table",
                 assert_raises(Mastoscope::Error) { Mastoscope.endpoint("GET", "/api/v1/mutes", server: "gotosocial") }.kind
    assert_raises(Mastoscope::ScopeError) { Mastoscope.endpoint("GET", "/api/v1/mutes", token: "raed") }
    assert_raises(TypeError) { Mastoscope.endpoint(nil, "/api/v1/mutes") }
    assert_raises(TypeError) { Mastoscope.endpoint("GET", :path) }
    assert_equal "no_route", assert_raises(Mastoscope::Error) { Mastoscope.endpoint("GET", "/api/v1/mutes\0x") }.kind
  end

  def test_plan
    plan = Mastoscope.plan(["GET /api/v1/accounts/relationships", "POST /api/v1/accounts/1/follow"])
    assert plan.ok?
    assert_nil plan.status
    assert_equal Mastoscope::Scopes.new("read:follows write:follows"), plan.scopes
    assert_empty Mastoscope.plan([]).scopes
    assert_equal %w[read:reports], Mastoscope.plan(["GET /api/v1/reports"], server: "mastodon@2.5.0").scopes.to_a
    error = assert_raises(Mastoscope::Error) { Mastoscope.plan(["GET /nope"]) }
    assert_equal "no_route", error.kind
    assert_match(%r{GET /nope}, error.reason)
    assert_raises(TypeError) { Mastoscope.plan("GET /api/v1/mutes") }
    assert_raises(TypeError) { Mastoscope.plan([nil]) }
    assert_raises(ArgumentError) { Mastoscope.plan(["GET /api/v1/mutes\0"]) }
    assert_raises(Mastoscope::Error) { Mastoscope.plan(["GET /api/v1/mutes"], server: "gotosocial") }
  end
end

class TestBadInputs < Minitest::Test
  S = Mastoscope::Scopes

  def test_wrong_types
    [nil, 42, :read, 1.5, %w[read], Object.new].each do |value|
      assert_raises(TypeError, value.inspect) { S.new(value) }
      assert_raises(TypeError, value.inspect) { S.parse(value) }
      assert_raises(TypeError, value.inspect) { Mastoscope.grants?(value, "read") }
      assert_raises(TypeError, value.inspect) { Mastoscope.grants?("read", value) }
    end
    assert_raises(ArgumentError) { S.new }
    assert_equal %w[read], S.new(ScopeText.new("read")).to_a
    assert_raises(TypeError) { S.new("read", max_length: "4") }
    assert_raises(ArgumentError) { S.new("read", max_length: -1) }
  end

  def test_embedded_nul
    error = S.parse("read\0write").error
    assert_equal "bad_character", error.kind
    assert_equal 5, error.column
    assert_equal "read\0write", error.token
    assert_equal "read\0", S.parse("push read\0 write").error.token
    assert_equal "\0", S.parse("\0").error.token
    refute Mastoscope::Scopes.parse("read\0").valid? # C would have stopped at the NUL and said yes
    assert_equal "read\0x", S.parse("read%00x", mode: :query).error.token
  end

  def test_binary_and_other_encodings
    error = S.parse("r\xC3\xA9ad".b).error
    assert_equal "bad_character", error.kind
    assert_equal 2, error.column
    assert_equal "réad", error.token
    assert_equal Encoding::UTF_8, error.token.encoding
    assert_equal "read", error.suggestion
    invalid = S.parse("read\xFF".b).error
    assert_equal 5, invalid.column
    assert_equal Encoding::BINARY, invalid.token.encoding # not UTF-8: the bytes as they are
    assert_equal "read\xFF".b, invalid.token
    assert_equal %w[read write], S.new("read write".encode(Encoding::US_ASCII)).to_a
    assert_equal %w[read write], S.new("read write".b).to_a
    # Bytes are bytes: UTF-16 "read" is r\0e\0a\0d\0, which no server reads as read.
    assert_equal "bad_character", S.parse("read".encode(Encoding::UTF_16LE)).error.kind
    assert_equal "bad_character", S.parse("\u3000read").error.kind
  end

  # Seeded random bytes and scope-like words, in every mode: an answer every time, and parse and
  # new agree on it.
  def test_random_inputs
    random = Random.new(20_240_601)
    words = Mastoscope.scope_names + ["", " ", "  ", ",", "+", "%", "%20", "%2", "\0", "\t", "\xC3\xA9", "\xFF", "Read", "raed"]
    2000.times do
      text = if random.rand < 0.5
               random.bytes(random.rand(12))
             else
               Array.new(random.rand(5)) { words.sample(random: random) }.join([" ", "", ",", "+"].sample(random: random)).b
             end
      %i[strict query lenient].each do |mode|
        result = S.parse(text, mode: mode)
        if result.valid?
          assert_equal result.scopes, S.new(text, mode: mode), text.inspect
        else
          error = assert_raises(Mastoscope::ScopeError, text.inspect) { S.new(text, mode: mode) }
          assert_equal result.error.kind, error.kind
          assert_includes 1..(text.bytesize + 1), error.column, text.inspect
          refute_empty error.message
        end
      end
    end
  end

  def test_inputs_are_left_alone
    text = +"read write"
    S.new(text)
    S.parse("#{text} raed")
    assert_equal "read write", text
    refute text.frozen?
    assert_equal %w[read], S.new("read".freeze).to_a
  end

  def test_long_and_many
    assert_equal "too_long", S.parse("read " * 20_000).error.kind
    huge = "#{'a' * 1000} read"
    error = S.parse(huge).error
    assert_equal "unknown_scope", error.kind
    assert error.token.end_with?("..."), "a token longer than its field is cut and says so"
    assert_operator error.token.bytesize, :<, 256
    many = Mastoscope.scope_names.select { |n| S.parse(n).valid? }
    assert_equal many.size, S.new(many.join(" ")).size
  end

  # Each fiber has its own out-buffers: threads parsing at once never read one another's answers.
  def test_threads_share_nothing
    texts = ["read write", "push follow", "admin:read", "write:media read:statuses"]
    expected = texts.map { |t| S.new(t).to_s }
    results = texts.map do |text|
      Thread.new { Array.new(3000) { (S.new(text) | S.new(text).normalize).to_s }.uniq }
    end.map(&:value)
    assert_equal expected.map { |e| [e] }, results
  end
end

# The binding and scopecheck --json (the same library through its command line) on the same strings.
class TestAgainstScopecheck < Minitest::Test
  S = Mastoscope::Scopes

  STRINGS = [
    "read", "read write", "read write follow", "read write push", "profile", "admin:read read", "follow",
    "read:statuses write:statuses", "  read   write  ", "read read", "read raed", "raed", "Read", "READ",
    "read,write", "read, write", "", " ", "crypto", "read:me", "write:media push", "admin:write:accounts",
    "read:mutes follow", "follow raed", "push r\xC3\xA9ad", "read\xFF", "r\xFFead write", "read\twrite",
    "read\x01", "read\rwrite", "read\nwrite", "read+write", "read%20write", "read+write%3Amedia", "read%2",
    "%72ead", "admin:read:accounts admin:write:reports", "read:filters write:filters", "write:conversations",
    "read:notifications write:notifications push", "a" * 300, "read write follow push admin:read admin:write",
    "read:search", "write:lists read:lists", "read:bookmarks write:bookmarks"
  ].map { |s| s.dup.force_encoding(Encoding::UTF_8) }.freeze

  def setup
    @scopecheck = ENV.fetch("SCOPECHECK", "")
    skip "SCOPECHECK is not set (the path of the build's scopecheck)" if @scopecheck.empty?
  end

  # assert_equal, where scopecheck's null is the binding's nil.
  def assert_same(expected, actual, context)
    expected.nil? ? assert_nil(actual, context) : assert_equal(expected, actual, context)
  end

  # scopecheck's JSON shows a byte that is not UTF-8 as U+FFFD, and no token as "".
  def as_json_text(text)
    text.to_s.dup.force_encoding(Encoding::UTF_8).scrub("\uFFFD")
  end

  def scopecheck(*args)
    out, err, = Open3.capture3(@scopecheck, "--json", *args)
    raise "scopecheck #{args.inspect} printed nothing: #{err}" if out.empty?

    JSON.parse(out)
  end

  def assert_same_validation(text, result, json, context)
    assert_equal json["valid"], result.valid?, context
    assert_equal json["scopes"].sort, result.scopes.to_a.sort, context
    return if result.valid?

    first = json["errors"].first
    error = result.error
    assert_equal first["kind"], error.kind, context
    assert_equal first["column"], error.column, context
    assert_equal first["message"], as_json_text(error.message), context
    assert_same first["suggestion"], error.suggestion, context
    token = as_json_text(error.token)
    if token.bytesize == Mastoscope::Native::TEXT_CAPACITY - 1 && token.end_with?("...")
      assert first["token"].start_with?(token.delete_suffix("...")), context # cut to fit ms_error's field
    else
      assert_equal first["token"], token, context
    end
  end

  def test_validate_in_every_mode_and_on_other_servers
    compared = 0
    STRINGS.each do |text|
      [[[], {}], [%w[--mode query], { mode: :query }], [%w[--mode lenient], { mode: :lenient }],
       [%w[--server gotosocial], { server: "gotosocial" }], [%w[--server-version 4.2.0], { server: "mastodon@4.2.0" }],
       [%w[--server akkoma], { server: "akkoma" }]].each do |flags, options|
        json = scopecheck(*flags, "validate", "--", text)
        assert_same_validation(text, S.parse(text, **options), json, "#{flags.join(' ')} validate #{text.inspect}")
        compared += 1
      end
    end
    assert_operator compared, :>=, 200
  end

  def test_expand_normalize_and_grants
    valid = STRINGS.select { |text| S.parse(text).valid? }
    newest = Mastoscope.vocabulary
    assert_operator valid.size, :>=, 20
    valid.each do |text|
      scopes = S.new(text)
      # ms_closure follows the data's hierarchy over every release; scopecheck expands at the
      # server's release, so only the scopes that release has are compared.
      assert_equal scopecheck("expand", "--", text)["scopes"].sort, (scopes.closure & newest).to_a.sort, text
      assert_equal scopecheck("normalize", "--", text)["scopes"].sort, scopes.normalize.to_a.sort, text
    end
    valid.first(8).product(valid.first(8)) do |granted, required|
      json = scopecheck("grants", "--", granted, required)
      assert_equal json["granted"], Mastoscope.grants?(granted, required), "#{granted.inspect} grants #{required.inspect}"
    end
  end

  def test_register_and_authorize
    STRINGS.each do |text|
      json = scopecheck("register", "--", text)
      answer = Mastoscope.register(text)
      assert_equal json["accepted"], answer.ok?, text.inspect
      assert_same json["status"], answer.status, text.inspect
      assert_equal json["stored"].sort, answer.scopes.to_a.sort, text.inspect
    end
    registered = ["read write", "read", "read write follow push", "", "admin:read read"]
    requested = ["read", "write", "read:accounts write", "push", "", "follow", "read write"]
    registered.product(requested, %w[authorization_code client_credentials]) do |app, wanted, grant|
      json = scopecheck("authorize", "--grant-type", grant, "--", app, wanted)
      answer = Mastoscope.authorize(app, wanted, grant: grant.to_sym)
      context = "#{grant} #{app.inspect} #{wanted.inspect}"
      assert_equal json["accepted"], answer.ok?, context
      assert_same json["status"], answer.status, context
      assert_same json["error"], answer.oauth_error, context
      assert_equal json["scopes"].sort, answer.scopes.to_a.sort, context
    end
  end

  def test_endpoint
    routes = ["GET /api/v1/timelines/home", "GET /api/v1/mutes", "GET /api/v1/accounts/relationships",
              "POST /api/v1/statuses", "GET /api/v1/apps/verify_credentials", "GET /oauth/applications",
              "POST /api/v1/accounts/1/follow", "GET /api/v1/accounts/109/statuses"]
    tokens = ["read", "follow", "write", "push", "read:statuses write:statuses", "read:follows"]
    routes.product(tokens) do |request, token|
      method, path = request.split(" ", 2)
      json = scopecheck("endpoint", method, path, "--token", token)
      answer = Mastoscope.endpoint(method, path, token: token)
      context = "#{request} with #{token.inspect}"
      assert_equal json["accepts"].sort, answer.scopes.to_a.sort, context
      assert_equal json["allowed"], answer.ok?, context
      assert_same json["status"], answer.status, context
      assert_same json["reason"], answer.reason, context
    end
  end
end
