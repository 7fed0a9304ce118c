# frozen_string_literal: true

module Mastoscope
  # Out-parameters the library writes and the binding reads back at once. Each fiber has its own
  # (another thread may run between a call and the read), so a check on strings allocates no
  # native memory per call.
  class Buffers
    def self.current
      Thread.current[:mastoscope_buffers] ||= new
    end

    attr_reader :first, :second

    def initialize
      @first = FFI::MemoryPointer.new(Native::SCOPES_SIZE)
      @second = FFI::MemoryPointer.new(Native::SCOPES_SIZE)
    end

    # Room for ms_format of every scope at once, so one call always suffices.
    def text
      @text ||= FFI::MemoryPointer.new(Library.longest_format + 1)
    end

    def answer
      @answer ||= Native::Answer.new
    end
  end
end
