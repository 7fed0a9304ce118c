require "mastoscope"

p Mastoscope.grants?("follow", "read:mutes")
token = Mastoscope::Scopes.new("read write:media push")
p token.grants?("read:statuses"), token.normalize.to_s
begin
  Mastoscope::Scopes.new("read raed")
rescue Mastoscope::ScopeError => e
  puts "#{e.kind} at column #{e.column}: #{e.message}"
end
p Mastoscope.authorize("read", "read write").oauth_error
