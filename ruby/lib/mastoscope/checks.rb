# frozen_string_literal: true

module Mastoscope
  # A server's answer to a request (ms_answer). `ok?` when the server lets it through; `status`
  # is the HTTP status it answers (nil for plan, which is no request); `reason` says why not
  # (nil when ok); `oauth_error` is the OAuth error code where the server names one
  # ("invalid_scope"), else nil. `scopes` is what the answer holds: register, the app's scopes;
  # authorize, the token's; endpoint, the scopes the route accepts (any one of them, held
  # literally, passes); plan, the least-privilege set. `unknown` counts names the server keeps
  # that are no scope of the data.
  Answer = Struct.new(:ok, :status, :oauth_error, :reason, :scopes, :unknown, keyword_init: true) do
    def ok?
      ok
    end
  end

  class << self
    # Does a token with `granted` hold every scope of `required`, through Mastodon's hierarchy?
    # Either may be a Scopes or a scope string (parsed strictly at Mastodon's newest release).
    #
    #   Mastoscope.grants?("follow", "read:mutes") # => true
    def grants?(granted, required)
      buffers = Buffers.current
      Native.ms_grants(Scopes.native_words_of(granted, buffers.first),
                       Scopes.native_words_of(required, buffers.second)) == 1
    end

    # POST /api/v1/apps with the `scopes` parameter as the server's framework decoded it; nil
    # for a request without the parameter.
    def register(scopes, server: nil)
      text = Arguments.optional_text(scopes, "scopes")
      options = Arguments.options(server: server)
      answer_of(Buffers.current.answer) do |out|
        Native.ms_register(text, text ? text.bytesize : 0, options, out)
      end
    end

    # GET /oauth/authorize (grant: :authorization_code) or POST /oauth/token (grant:
    # :client_credentials) for an app that registered `registered` (the text it sent to
    # register), with the `scope` parameter `requested` (nil: none).
    def authorize(registered, requested, grant: :authorization_code, server: nil)
      app = Arguments.optional_text(registered, "registered")
      wanted = Arguments.optional_text(requested, "requested")
      grant = Arguments.grant_of(grant)
      options = Arguments.options(server: server)
      answer_of(Buffers.current.answer) do |out|
        Native.ms_authorize(app, app ? app.bytesize : 0, wanted, wanted ? wanted.bytesize : 0, grant, options, out)
      end
    end

    # A request to Mastodon's API ("GET", "/api/v1/accounts/1/statuses?limit=5") with a token
    # holding `token` (a Scopes, a scope string read as `server` reads it, or nil for no token).
    def endpoint(method, path, token: nil, server: nil)
      verb = Arguments.text(method, "method")
      where = Arguments.text(path, "path")
      options = Arguments.options(server: server)
      held = token.nil? || token.is_a?(Scopes) ? token : Scopes.new(token, server: server)
      answer_of(Buffers.current.answer) do |out|
        Native.ms_endpoint(verb, verb.bytesize, where, where.bytesize, held&.native_words, options, out)
      end
    end

    # The least-privilege scopes for one token that calls every request of `requests`
    # (["GET /api/v1/timelines/home", "POST /api/v1/statuses"]). `ok?` is false when some request
    # cannot be served at the release.
    def plan(requests, server: nil)
      unless requests.is_a?(Array)
        raise TypeError, "requests must be an Array of \"METHOD /path\" Strings, not #{requests.class}"
      end

      texts = requests.map do |request|
        text = Arguments.text(request, "a request")
        raise ArgumentError, "a request must not contain a NUL byte: #{request.inspect}" if text.include?("\0")

        FFI::MemoryPointer.from_string(text)
      end
      list = FFI::MemoryPointer.new(:pointer, [texts.size, 1].max)
      list.put_array_of_pointer(0, texts)
      options = Arguments.options(server: server)
      answer_of(Buffers.current.answer) { |out| Native.ms_plan(list, texts.size, options, out) }
    end

    private

    # Runs one C call that fills an ms_answer and reads the answer; a status other than MS_OK
    # is an Error with the library's reason.
    def answer_of(out)
      status = yield out
      reason = Library.field(out, :reason)
      raise Error.new(Library.status_name(status), reason) unless status == Native::MS_OK

      Answer.new(ok: out[:ok] == 1, status: out[:status].zero? ? nil : out[:status],
                 oauth_error: Library.field(out, :oauth_error), reason: reason,
                 scopes: Scopes.from_words(out.pointer + out.offset_of(:scopes)),
                 unknown: out[:unknown]).freeze
    end
  end
end
