#!/usr/bin/env ruby
# frozen_string_literal: true

# doorkeeper_oracle.rb — asks the REAL Doorkeeper gem how it treats OAuth scope strings,
# the way Mastodon configures it. JSON Lines in (stdin), JSON Lines out (stdout), one answer
# per request line, same order. No Rails, no ActiveRecord, no database.
#
# ---------------------------------------------------------------------------------------
# WHAT IS LOADED FROM THE GEM (real code, called as Mastodon's request path calls it)
#   lib/doorkeeper.rb itself (its autoload table; its `require "doorkeeper/engine"` is made a
#     no-op, see glue G1), and through it, unmodified:
#   Doorkeeper::Config + Config::Builder      doorkeeper/config.rb   (default/optional scopes,
#                                             enforce_configured_scopes, grant flows, ...)
#   Doorkeeper::OAuth::Scopes                 doorkeeper/oauth/scopes.rb
#   Doorkeeper::OAuth::Helpers::ScopeChecker  doorkeeper/oauth/helpers/scope_checker.rb
#   Doorkeeper::Models::Scopes                doorkeeper/models/concerns/scopes.rb (scopes=, scopes)
#   Doorkeeper::ApplicationMixin              doorkeeper/models/application_mixin.rb
#   Doorkeeper::Orm::ActiveRecord::Mixins::Application
#                                             doorkeeper/orm/active_record/mixins/application.rb
#                                             (its private #scopes_match_configured and
#                                             #enforce_scopes?, and its `validate ... if:` line)
#   Doorkeeper::OAuth::Client, PreAuthorization (full #authorizable? validation chain),
#   BaseRequest, ClientCredentialsRequest, ClientCredentials::Validator, Validations,
#   GrantFlow, Helpers::URIChecker, Errors.
#
# WHAT IS GLUE (typed here; each piece cites the gem or Mastodon line it stands in for)
#   G1  $LOADED_FEATURES entries for doorkeeper/engine.rb (Rails engine) and
#       doorkeeper/orm/active_record.rb (requires ActiveRecord), so neither is loaded.
#   G2  Doorkeeper.config is set from Config::Builder.new(&block).build instead of
#       Doorkeeper.configure, which would also set up the ActiveRecord ORM adapter
#       (5.5: lib/doorkeeper/config.rb:23-29; 5.9.x: lib/doorkeeper.rb `def configure`).
#   G3  The configure block: the scope-relevant lines of Mastodon's
#       config/initializers/doorkeeper.rb (default_scopes :read, optional_scopes ...,
#       enforce_configured_scopes, grant_flows, enable_application_owner, reuse_access_token,
#       force_ssl_in_redirect_uri false), plus application_class/access_grant_class/
#       access_token_class pointing at the stand-ins below.
#   G4  FakeRecord: a stand-in for ActiveRecord::Base under the real mixins. Class-level
#       declarations (has_many, validates, before_validation, ...) are no-ops, except
#       `validate`, which is recorded so the real `validate :scopes_match_configured,
#       if: :enforce_scopes?` line is honoured; the attribute writer `scopes=` that the real
#       Models::Scopes#scopes= calls via `super` just stores the String (ActiveModel's
#       String type casts a String to an equal String; PostgreSQL stores it unchanged).
#   G5  Mastodon's app registration default: Api::V1::AppsController#app_scopes_or_default
#       is `app_params[:scopes] || Doorkeeper.configuration.default_scopes` (one line).
#   G6  The access-token scopes writer: Doorkeeper stores `scopes.to_s` through the same
#       Models::Scopes#scopes= (access_token_mixin.rb create_for; authorization/code.rb:39
#       `scopes: pre_auth.scopes.to_s`); modelled by a FakeRecord including Models::Scopes.
#   G7  Doorkeeper::AccessGrant stand-in answering pkce_supported? = true (Mastodon's
#       oauth_access_grants table has the PKCE columns), needed by PreAuthorization's
#       validate_code_challenge_method.
#   G8  A ::Rails module answering Rails.env ("production"): doorkeeper/config.rb reads it at
#       load time for the force_ssl_in_redirect_uri default (5.5 config.rb:352), which
#       Mastodon overrides anyway (force_ssl_in_redirect_uri false).
#   G9  An array-valued scope parameter (scope[]=a&scope[]=b; a JSON array in a request) is
#       dropped for authorization_code, as AuthorizationsController#pre_auth_params permits
#       only scalars; client_credentials passes it through unfiltered (Server#parameters is
#       request.parameters), so Doorkeeper's own code meets the Array.
#
# PROTOCOL (see also tests/doorkeeper/README.md)
#   Each request line is a JSON object with "op". Each answer is one JSON object.
#   Every scope-string field may be a JSON string (any code points) or {"hex":"7265 6164"}
#   or (requested/scopes/registered only) a JSON array of those = an array parameter (G9)
#   (arbitrary bytes, whitespace ignored) — the bytes are tagged UTF-8, as Rack/Rails tag
#   parameters. A JSON lone-surrogate escape ("\udc80") yields the 3 bytes ED B2 80, i.e. an
#   invalid UTF-8 string, exactly like {"hex":"edb280"}.
#   Strings in answers are JSON strings when valid UTF-8, else {"hex":"..."}.
#   An optional "id" field in a request is echoed in its answer.
#
#   {"op":"config", "default_scopes":[..], "optional_scopes":[..],
#    "enforce_configured_scopes":true}
#       Replaces the server configuration for all later lines (every field optional; the
#       defaults are Mastodon's HEAD config: default ["read"], the optional list below,
#       enforce true). Answer: {"ok":true,"doorkeeper":VERSION,"server_scopes":[..],...}.
#   {"op":"info"}  → doorkeeper version, gem path, current config.
#   {"op":"validate","scope":S}
#       ScopeChecker.valid?(scope_str: S, server_scopes: config.scopes) (no app scopes,
#       no grant type). Answer: {"valid":bool,"parsed":[...Scopes.from_string(S)...]}.
#   {"op":"register","scopes":S|null}
#       POST /api/v1/apps. null = parameter absent → default_scopes (G5). The real
#       Models::Scopes#scopes= normalises, then the real scopes_match_configured runs when
#       enforce_scopes? (config). Answer: {"accepted":bool,"stored":STR,"stored_scopes":[..],
#       "errors":[..]} (accepted false = Mastodon answers 422 ActiveRecord::RecordInvalid).
#       "enforce_configured_scopes":false in the request overrides the config for this line.
#   {"op":"authorize","grant":"authorization_code"|"client_credentials",
#    "registered":S|null, "requested":S|null}
#       The app is what "register" stores from S ("app_scopes":STR instead gives the stored
#       column value directly, bypassing registration — e.g. apps of Mastodon < 3.4.0).
#       If registration is rejected the answer is {"registered":false, ...} and nothing else.
#       requested null = no scope parameter. authorization_code runs the real
#       PreAuthorization#authorizable? (GET /oauth/authorize, response_type=code, a matching
#       redirect_uri); client_credentials runs the real ClientCredentialsRequest +
#       ClientCredentials::Validator (POST /oauth/token). Answer: {"accepted":bool,
#       "error":"invalid_scope"|..., "token_scopes":[..], "token_scopes_string":STR,
#       "app_scopes":STR}. token_scopes are what the grant/token would store.
#   Any Ruby exception raised by Doorkeeper (e.g. ArgumentError "invalid byte sequence in
#   UTF-8" from String#split / =~ / blank?) is answered {"error":"Class: message",
#   "raised_in":"doorkeeper", ...}; malformed requests get {"error":..., "bad_request":true}.
#   When any input string is not valid UTF-8, answers carry
#   "rails":"400 ..." — Rails (>= 6.1, ActionDispatch::Request::Utils.check_param_encoding)
#   rejects such query/form parameters with ActionController::BadRequest before any
#   controller runs, so real Mastodon never reaches Doorkeeper with them.
#
# ENV: DOORKEEPER_LIB=/path/to/doorkeeper/lib loads another Doorkeeper source tree (e.g. an
#   unpacked v5.9.6) instead of the installed gem.
# ---------------------------------------------------------------------------------------

require "json"
require "active_support"
require "active_support/core_ext" # what lib/doorkeeper.rb's Rails app would have loaded

lib = ENV["DOORKEEPER_LIB"]
lib ||= File.join(Gem::Specification.find_by_name("doorkeeper").gem_dir, "lib")
lib = File.expand_path(lib)
$LOAD_PATH.unshift(lib)

# G8
module Rails
  def self.env = ActiveSupport::StringInquirer.new("production")
end

# G1: Rails engine and ActiveRecord ORM adapter are not loaded.
$LOADED_FEATURES << File.join(lib, "doorkeeper/engine.rb")
$LOADED_FEATURES << File.join(lib, "doorkeeper/orm/active_record.rb")
require "doorkeeper" # real lib/doorkeeper.rb: autoload table
require "doorkeeper/version"
module Doorkeeper
  module Orm
    module ActiveRecord # namespace the real mixin file reopens (orm/active_record.rb defines it)
      module Mixins; end
    end
  end
end
# 5.9.x: Models::Ownership is autoloaded by the skipped orm/active_record.rb (line 10 there)
ownership = File.join(lib, "doorkeeper/models/concerns/ownership.rb")
require ownership if File.exist?(ownership)
# G4: the 5.9.x mixin names Doorkeeper::RedirectUriValidator (app/validators, needs
# ActiveModel) in a `validates_with` line that FakeRecord ignores.
Doorkeeper.const_set(:RedirectUriValidator, Class.new) unless Doorkeeper.const_defined?(:RedirectUriValidator)
require "doorkeeper/orm/active_record/mixins/application"

MASTODON_OPTIONAL_SCOPES = %w[
  profile write write:accounts write:blocks write:bookmarks write:collections
  write:conversations write:favourites write:filters write:follows write:lists write:media
  write:mutes write:notifications write:reports write:statuses read read:accounts read:blocks
  read:bookmarks read:collections read:favourites read:filters read:follows read:lists
  read:mutes read:notifications read:search read:statuses follow push admin:read
  admin:read:accounts admin:read:reports admin:read:domain_allows admin:read:domain_blocks
  admin:read:ip_blocks admin:read:email_domain_blocks admin:read:canonical_email_blocks
  admin:write admin:write:accounts admin:write:reports admin:write:domain_allows
  admin:write:domain_blocks admin:write:ip_blocks admin:write:email_domain_blocks
  admin:write:canonical_email_blocks
].freeze

module Oracle
  class << self
    attr_accessor :current

    def apps = (@apps ||= {})

    def configure(opts = {})
      ds = opts.fetch(:default_scopes, ["read"])
      os = opts.fetch(:optional_scopes, MASTODON_OPTIONAL_SCOPES)
      enforce = opts.fetch(:enforce_configured_scopes, true)
      # G3: scope-relevant lines of Mastodon's config/initializers/doorkeeper.rb
      config = ::Doorkeeper::Config::Builder.new do
        orm :active_record
        reuse_access_token
        enforce_configured_scopes() if enforce
        enable_application_owner
        default_scopes(*ds)
        optional_scopes(*os)
        grant_flows %w[authorization_code client_credentials]
        force_ssl_in_redirect_uri false
        application_class "Oracle::Application"
        access_grant_class "Oracle::AccessGrant"
        access_token_class "Oracle::TokenRecord"
      end.build
      ::Doorkeeper.instance_variable_set(:@config, config) # G2
      config
    end
  end
end

Oracle.current = {}
Oracle.configure # the mixins read the config when included

module Oracle
  REDIRECT = "https://app.example/callback"

  # G4: stand-in for ActiveRecord::Base under the real Doorkeeper mixins.
  class FakeRecord
    class << self
      def validations = (@validations ||= [])
      def validate(*names, **opts) = validations.concat(names.map { |n| [n, opts] })
      def compute_doorkeeper_table_name = "oauth_applications"
      def find_by(uid:) = Oracle.apps[uid]
      def method_missing(*) = nil # table_name=, has_many, belongs_to, validates, before_*, ...
      def respond_to_missing?(*) = true
    end

    attr_accessor :uid, :redirect_uri, :confidential, :name, :secret

    def initialize = (@attributes = {})
    def [](key) = @attributes[key.to_sym]
    def errors = (@errors ||= ErrorList.new)
    def confidential? = !!confidential
    # the ActiveRecord attribute writer reached by `super` in Models::Scopes#scopes=
    define_method(:scopes=) { |value| @attributes[:scopes] = value.to_s }

    # runs the recorded `validate NAME, if: COND` declarations (only real gem methods)
    def run_validations
      self.class.validations.each do |name, opts|
        cond = opts[:if]
        next if cond && !send(cond)
        send(name)
      end
      errors
    end
  end

  class ErrorList < Array
    def add(attr, type, **) = push("#{attr}: #{type}")
  end

  # The Doorkeeper application model (what Doorkeeper.config.application_model constantizes).
  class Application < FakeRecord
    include ::Doorkeeper::Orm::ActiveRecord::Mixins::Application
  end

  # G6: token / grant record: the same real Models::Scopes concern as AccessTokenMixin.
  class TokenRecord < FakeRecord
    include ::Doorkeeper::Models::Scopes
  end

  # G7
  class AccessGrant
    def self.pkce_supported? = true
  end

end

# ------------------------------------------------------------------ protocol helpers
class BadRequest < StandardError; end

def decode_str(value, field)
  case value
  when nil then nil
  when Array then value.map { |v| decode_str(v, field) } # a repeated/array parameter (scope[]=...)
  when String then value.dup.force_encoding(Encoding::UTF_8)
  when Hash
    hex = value["hex"]
    raise BadRequest, "#{field}: {\"hex\":...} expected" unless hex.is_a?(String)

    hex = hex.gsub(/\s+/, "")
    raise BadRequest, "#{field}: bad hex" unless hex.match?(/\A(?:[0-9a-fA-F]{2})*\z/)

    [hex].pack("H*").force_encoding(Encoding::UTF_8)
  else
    raise BadRequest, "#{field}: string, {\"hex\":...} or null expected"
  end
end

def enc(value)
  case value
  when String
    s = value.dup.force_encoding(Encoding::UTF_8)
    s.valid_encoding? ? s : { "hex" => s.unpack1("H*") }
  when Array then value.map { |v| enc(v) }
  when Hash then value.transform_values { |v| enc(v) }
  else value
  end
end

def error_name(err)
  case err
  when nil then nil
  when Symbol, String then err.to_s
  when Class then err.name.demodulize.underscore # 5.6+: Doorkeeper::Errors::InvalidScope
  else err.to_s
  end
end

RAILS_400 = "400 ActionController::BadRequest: Rails rejects non-UTF-8 parameter values " \
            "(ActionDispatch::Request::Utils.check_param_encoding) before the controller runs"

def register(scopes_param, enforce)
  Oracle.configure(Oracle.current.merge(enforce_configured_scopes: enforce)) unless enforce.nil?
  app = Oracle::Application.new
  # G5: Api::V1::AppsController#app_scopes_or_default
  app.scopes = scopes_param || Doorkeeper.configuration.default_scopes
  app.run_validations
  app
ensure
  Oracle.configure(Oracle.current) unless enforce.nil?
end

def op_validate(req)
  s = decode_str(req["scope"], "scope")
  valid = Doorkeeper::OAuth::Helpers::ScopeChecker.valid?(scope_str: s, server_scopes: Doorkeeper.config.scopes)
  { "valid" => valid, "parsed" => Doorkeeper::OAuth::Scopes.from_string(s).all }
end

def op_register(req)
  s = decode_str(req["scopes"], "scopes")
  s = nil if s.is_a?(Array) # G5: params.permit(:scopes, ...) drops a non-scalar value (apps_controller.rb)
  app = register(s, req["enforce_configured_scopes"])
  { "accepted" => app.errors.empty?, "stored" => app.scopes_string, "stored_scopes" => app.scopes.all,
    "errors" => app.errors.to_a }
end

def build_app(req)
  if req.key?("app_scopes")
    app = Oracle::Application.new
    app.instance_variable_get(:@attributes)[:scopes] = decode_str(req["app_scopes"], "app_scopes").to_s
    return app
  end
  reg = decode_str(req["registered"], "registered")
  reg = nil if reg.is_a?(Array) # G5, as in op_register
  register(reg, req["enforce_configured_scopes"])
end

def token_scopes(scopes)
  rec = Oracle::TokenRecord.new
  rec.scopes = scopes.to_s # G6
  rec
end

def op_authorize(req)
  app = build_app(req)
  unless app.errors.empty?
    return { "registered" => false, "app_scopes" => app.scopes_string, "errors" => app.errors.to_a }
  end

  app.uid = "oracle-client"
  app.redirect_uri = Oracle::REDIRECT
  app.confidential = true
  Oracle.apps.clear
  Oracle.apps[app.uid] = app
  requested = decode_str(req["requested"], "requested")
  params = {}
  params[:scope] = requested unless requested.nil?

  case req["grant"]
  when "authorization_code"
    # G9: AuthorizationsController#pre_auth_params is params.slice(...).permit(..., :scope, ...)
    # (app/controllers/doorkeeper/authorizations_controller.rb:85 in 5.5): an array is dropped.
    params.delete(:scope) if params[:scope].is_a?(Array)
    pre = Doorkeeper::OAuth::PreAuthorization.new(
      Doorkeeper.configuration,
      params.merge(client_id: app.uid, response_type: "code", redirect_uri: Oracle::REDIRECT),
      Object.new,
    )
    ok = pre.authorizable?
    out = { "accepted" => ok, "error" => error_name(pre.error) }
    scopes = pre.scopes # the grant stores pre_auth.scopes.to_s (authorization/code.rb)
  when "client_credentials"
    client = Doorkeeper::OAuth::Client.new(app)
    request = Doorkeeper::OAuth::ClientCredentialsRequest.new(Doorkeeper.config, client, params)
    validator = Doorkeeper::OAuth::ClientCredentials::Validator.new(Doorkeeper.config, request)
    ok = validator.valid?
    out = { "accepted" => ok, "error" => error_name(validator.error) }
    scopes = request.scopes # Issuer#create(client, scopes) → token
  else
    raise BadRequest, "grant must be authorization_code or client_credentials"
  end
  rec = token_scopes(scopes)
  out.merge("token_scopes" => ok ? rec.scopes.all : nil,
            "token_scopes_string" => ok ? rec.scopes_string : nil,
            "would_be_scopes" => ok ? nil : rec.scopes.all,
            "app_scopes" => app.scopes_string)
end

def op_config(req)
  cur = {
    default_scopes: req.fetch("default_scopes", ["read"]),
    optional_scopes: req.fetch("optional_scopes", MASTODON_OPTIONAL_SCOPES),
    enforce_configured_scopes: req.fetch("enforce_configured_scopes", true),
  }
  Oracle.current = cur
  Oracle.configure(cur)
  op_info
end

def op_info(_req = nil)
  c = Doorkeeper.config
  { "ok" => true, "doorkeeper" => Doorkeeper::VERSION::STRING, "lib" => $LOAD_PATH.first,
    "default_scopes" => c.default_scopes.all, "optional_scopes" => c.optional_scopes.all,
    "server_scopes" => c.scopes.all, "enforce_configured_scopes" => c.enforce_configured_scopes? }
end


def invalid_inputs?(req)
  %w[scope scopes registered requested app_scopes].any? do |f|
    v = (decode_str(req[f], f) rescue nil)
    Array(v).any? { |x| x.is_a?(String) && !x.valid_encoding? }
  end
end

$stdout.sync = true
$stdin.each_line do |line|
  line = line.chomp
  next if line.strip.empty?

  answer =
    begin
      req = JSON.parse(line)
      raise BadRequest, "request must be a JSON object" unless req.is_a?(Hash)

      base = req.key?("id") ? { "id" => req["id"] } : {}
      begin
        res = case req["op"]
              when "config" then op_config(req)
              when "info" then op_info(req)
              when "validate" then op_validate(req)
              when "register" then op_register(req)
              when "authorize" then op_authorize(req)
              else raise BadRequest, "unknown op #{req['op'].inspect}"
              end
        base.merge(res)
      rescue BadRequest => e
        base.merge("error" => e.message, "bad_request" => true)
      rescue StandardError => e
        base.merge("error" => "#{e.class}: #{e.message}", "raised_in" => "doorkeeper")
      end.tap { |a| a["rails"] = RAILS_400 if invalid_inputs?(req) }
    rescue JSON::ParserError, BadRequest => e
      { "error" => "#{e.class}: #{e.message}", "bad_request" => true }
    end
  $stdout.puts JSON.generate(enc(answer))
end
