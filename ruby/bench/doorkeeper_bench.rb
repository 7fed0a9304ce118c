# frozen_string_literal: true

# Per-request scope check, on the same inputs:
#   (a) Doorkeeper's real AccessTokenMixin#includes_scope?, as Mastodon's request path calls it
#       (doorkeeper_authorize! :read, :'read:statuses' -> token.acceptable?(scopes) ->
#       includes_scope?, which is Models::Scopes#scopes, i.e. OAuth::Scopes.from_string of the
#       token's scopes column, then exists? for each accepted scope until one is there);
#   (b) mastoscope through this binding: the token's scope string parsed, then the grants check;
#   (c) the binding with the token parsed once beforehand: the check alone.
# Doorkeeper is Debian's ruby-doorkeeper, loaded with ActiveSupport alone, as
# tests/doorkeeper/doorkeeper_oracle.rb loads it (its glue G1 and G8; no Rails, no database).
#
#   MASTOSCOPE_LIBRARY=build/src/libmastoscope.so ruby -I ruby/lib ruby/bench/doorkeeper_bench.rb
#
# BENCH_ROUNDS (default 7) and BENCH_BATCHES (default 15) set how long it runs.

require "benchmark"
require "active_support"
require "active_support/core_ext" # what a Rails app has loaded when Doorkeeper's code runs
require "mastoscope"

# DOORKEEPER_LIB, as for the oracle, loads another Doorkeeper source tree than the installed gem.
doorkeeper_lib = ENV.fetch("DOORKEEPER_LIB") { File.join(Gem::Specification.find_by_name("doorkeeper").gem_dir, "lib") }
doorkeeper_lib = File.expand_path(doorkeeper_lib)
$LOAD_PATH.unshift(doorkeeper_lib)

# The oracle's G8: doorkeeper/config.rb reads Rails.env when it loads.
module Rails
  def self.env = ActiveSupport::StringInquirer.new("production")
end

# The oracle's G1: the Rails engine and the ActiveRecord adapter are not loaded.
$LOADED_FEATURES << File.join(doorkeeper_lib, "doorkeeper/engine.rb")
$LOADED_FEATURES << File.join(doorkeeper_lib, "doorkeeper/orm/active_record.rb")
require "doorkeeper"
require "doorkeeper/version"

# An access token as Mastodon's request path has it: a record with a scopes column, under the
# real AccessTokenMixin (which brings Models::Scopes#scopes and #includes_scope?). Class-level
# declarations of the mixins (ActiveRecord's) are no-ops here; none runs on the checking path.
class BenchToken
  class << self
    def method_missing(*) = nil
    def respond_to_missing?(*) = true
  end

  include Doorkeeper::AccessTokenMixin

  def initialize(scopes)
    @attributes = { scopes: scopes }
  end

  # ActiveRecord's attribute reader, which Models::Scopes#scopes_string calls.
  def [](name)
    @attributes[name.to_sym]
  end
end

# Token scope strings as Mastodon's oauth_access_tokens.scopes column holds them.
TOKENS = ["read write follow", "read:statuses write:statuses", "read write push", "profile", "admin:read read"].freeze

# Real routes with the scope a client needs there: Doorkeeper is asked with the route's accepted
# scopes (its doorkeeper_authorize! list, from the library's route table), mastoscope with the
# scope itself, which the hierarchy grants.
ROUTES = [
  ["GET /api/v1/timelines/home", "read:statuses"],
  ["POST /api/v1/statuses", "write:statuses"],
  ["GET /api/v1/mutes", "read:mutes"],
  ["GET /api/v1/notifications", "read:notifications"],
  ["POST /api/v2/media", "write:media"],
  ["GET /api/v1/favourites", "read:favourites"],
  ["GET /api/v1/push/subscription", "push"],
  ["GET /api/v1/admin/accounts", "admin:read:accounts"],
].freeze

Case = Struct.new(:token_string, :doorkeeper_token, :accepted, :required, :token_scopes, :route, keyword_init: true)

CASES = TOKENS.product(ROUTES).map do |token, (route, scope)|
  method, path = route.split(" ", 2)
  Case.new(token_string: token, doorkeeper_token: BenchToken.new(token),
           accepted: Mastoscope.endpoint(method, path).scopes.map(&:to_sym).freeze,
           required: Mastoscope::Scopes.new(scope), token_scopes: Mastoscope::Scopes.new(token), route: route)
end.freeze

CHECKS = {
  "(a) Doorkeeper includes_scope? (from_string + exists?)" =>
    ->(c) { c.doorkeeper_token.includes_scope?(*c.accepted) },
  "(b) Mastoscope.grants?(token string, required)" =>
    ->(c) { Mastoscope.grants?(c.token_string, c.required) },
  "(b') Scopes.new(token string).grants?(required)" =>
    ->(c) { Mastoscope::Scopes.new(c.token_string).grants?(c.required) },
  "(c) pre-parsed token: Scopes#grants?(required)" =>
    ->(c) { c.token_scopes.grants?(c.required) },
}.freeze

ROUNDS = Integer(ENV.fetch("BENCH_ROUNDS", "7"))
BATCHES = Integer(ENV.fetch("BENCH_BATCHES", "15"))
REPEATS = 50 # passes over the cases per batch: 40 cases x 50 = 2000 checks

def median(values)
  sorted = values.sort
  mid = sorted.size / 2
  sorted.size.odd? ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0
end

# One batch: every case REPEATS times; ns per check.
def batch(check)
  seconds = Benchmark.realtime do
    REPEATS.times { CASES.each { |c| check.call(c) } }
  end
  seconds * 1e9 / (REPEATS * CASES.size)
end

def objects_per_check(check)
  GC.start
  before = GC.stat(:total_allocated_objects)
  REPEATS.times { CASES.each { |c| check.call(c) } }
  (GC.stat(:total_allocated_objects) - before).fdiv(REPEATS * CASES.size)
end

answers = CHECKS.transform_values { |check| CASES.map { |c| check.call(c) } }
reference = answers.values.first
disagreements = CASES.each_index.reject { |i| answers.values.all? { |a| a[i] == reference[i] } }

results = CHECKS.map do |name, check|
  batch(check) # warm up: method caches, the binding's buffers, Doorkeeper's autoloads
  round_medians = Array.new(ROUNDS) { median(Array.new(BATCHES) { batch(check) }) }
  [name, round_medians.min, median(round_medians), objects_per_check(check)]
end

puts "Per-request scope check: #{CASES.size} token/route pairs (#{TOKENS.size} tokens x #{ROUTES.size} routes)"
puts "ruby #{RUBY_VERSION}, doorkeeper #{Doorkeeper::VERSION::STRING} (#{doorkeeper_lib}), ffi #{FFI::VERSION}, " \
     "libmastoscope #{Mastoscope.library_version} (#{Mastoscope::Native.ffi_libraries.map(&:name).join})"
puts "ns per check: best of #{ROUNDS} rounds, each round the median of #{BATCHES} batches of " \
     "#{REPEATS * CASES.size} checks (Benchmark.realtime, Process.clock_gettime monotonic)"
puts
width = results.map { |r| r[0].size }.max
baseline = results.first[1]
puts format("%-#{width}s  %9s  %11s  %13s  %s", "check", "best ns", "median ns", "objects/check", "vs (a)")
results.each do |name, best, typical, objects|
  puts format("%-#{width}s  %9.0f  %11.0f  %13.1f  %.1fx", name, best, typical, objects, baseline / best)
end
puts
if disagreements.empty?
  puts "All #{CHECKS.size} checks give the same answer on all #{CASES.size} pairs " \
       "(#{reference.count(true)} allowed, #{reference.count(false)} refused)."
else
  puts "The checks disagree on #{disagreements.size} of #{CASES.size} pairs:"
  disagreements.each do |i|
    c = CASES[i]
    puts "  #{c.token_string.inspect} #{c.route}: #{CHECKS.keys.zip(answers.values.map { |a| a[i] }).to_h}"
  end
end
