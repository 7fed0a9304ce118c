/* The C API from C99, compiled with -std=c99 -Wall -Wextra -Werror -pedantic: every function once on
 * good input, and again on the inputs a careless caller gives it (NULL, lengths that do not match,
 * ids out of range, bytes that are not UTF-8). The facts pinned here are the few the library is
 * known by; the rest are checked for consistency across functions (tests/c_api_test.cpp compares
 * the C API with the C++ one over the whole data). */
#include <mastoscope/mastoscope.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(condition)                                                          \
    do {                                                                          \
        ++checks;                                                                 \
        if (!(condition)) {                                                       \
            ++failures;                                                           \
            fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #condition); \
        }                                                                         \
    } while (0)

static ms_scopes parsed(const char* text)
{
    ms_scopes out;
    ms_error error;
    int const status = ms_parse(text, strlen(text), NULL, &out, &error);
    if (status != MS_OK) fprintf(stderr, "parse '%s': %s\n", text, error.message);
    CHECK(status == MS_OK);
    return out;
}

static void library(void)
{
    CHECK(ms_abi_version() == MS_ABI_VERSION);
    CHECK(strlen(ms_library_version()) > 0);
    CHECK(strlen(ms_data_revision()) == 16);
    CHECK(strcmp(ms_status_name(MS_UNKNOWN_SCOPE), "unknown_scope") == 0);
    CHECK(strcmp(ms_status_name(MS_BAD_SERVER), "bad_server") == 0);
    CHECK(strcmp(ms_status_name(-1), "") == 0);
    CHECK(strcmp(ms_status_name(99), "") == 0);
}

static void names(void)
{
    int id;
    int const count = ms_scope_count();
    CHECK(count > 0 && count <= MS_SCOPE_WORDS * 64);
    for (id = 0; id < count; ++id) {
        const char* name = ms_name(id);
        CHECK(name != NULL && ms_lookup(name, strlen(name)) == id);
        CHECK(ms_description(id) != NULL);
    }
    CHECK(ms_name(-1) == NULL && ms_name(count) == NULL && ms_description(count) == NULL);
    CHECK(ms_lookup("read", 4) >= 0);
    CHECK(ms_lookup("read", 3) == -1);      /* "rea" */
    CHECK(ms_lookup("Read", 4) == -1);      /* case-sensitive */
    CHECK(ms_lookup("read\0x", 6) == -1);   /* a NUL is a byte like any other */
    CHECK(ms_lookup(NULL, 0) == -1 && ms_lookup(NULL, 4) == -1);
}

static void sets(void)
{
    ms_scopes a, b, out;
    char text[64];
    int const read = ms_lookup("read", 4), write = ms_lookup("write", 5);
    ms_clear(&a);
    CHECK(ms_count(&a) == 0);
    CHECK(ms_add(&a, read) == 1 && ms_add(&a, read) == 1 && ms_count(&a) == 1);
    CHECK(ms_add(&a, -1) == 0 && ms_add(&a, ms_scope_count()) == 0 && ms_add(NULL, read) == 0);
    CHECK(ms_has(&a, read) == 1 && ms_has(&a, write) == 0 && ms_has(&a, -7) == 0 && ms_has(NULL, read) == 0);
    b = parsed("write read");
    ms_union(&a, &b, &out);
    CHECK(ms_equal(&out, &b) == 1);
    ms_intersection(&a, &b, &out);
    CHECK(ms_equal(&out, &a) == 1);
    ms_difference(&b, &a, &out);
    CHECK(ms_count(&out) == 1 && ms_has(&out, write) == 1);
    CHECK(ms_subset(&a, &b) == 1 && ms_subset(&b, &a) == 0 && ms_subset(NULL, &a) == 0);
    ms_union(&a, &b, &a); /* out may be an input */
    CHECK(ms_equal(&a, &b) == 1);

    /* as snprintf: the whole length, a cut and terminated text */
    CHECK(ms_format(&b, text, sizeof text) == strlen("read write") && strcmp(text, "read write") == 0);
    CHECK(ms_format(&b, text, 5) == strlen("read write") && strcmp(text, "read") == 0);
    CHECK(ms_format(&b, NULL, 0) == strlen("read write"));
    CHECK(ms_format(NULL, text, sizeof text) == 0 && text[0] == '\0');

    /* bits past the data are no scope: dropped, and never granted */
    ms_clear(&a);
    a.words[MS_SCOPE_WORDS - 1] = (uint64_t)1 << 63;
    CHECK(ms_count(&a) == 0 || ms_scope_count() == MS_SCOPE_WORDS * 64);
    b = parsed("read write follow push");
    CHECK(ms_grants(&b, &a) == 0);
    CHECK(ms_subset(&a, &b) == 0);
}

static void hierarchy(void)
{
    ms_scopes follow = parsed("follow"), mutes = parsed("read:mutes"), read = parsed("read"), out;
    ms_scopes statuses = parsed("read:statuses");
    char text[256];
    CHECK(ms_grants(&follow, &mutes) == 1);
    CHECK(ms_grants(&mutes, &follow) == 0);
    CHECK(ms_grants(&read, &statuses) == 1);
    CHECK(ms_grants(NULL, &mutes) == 0 && ms_grants(&follow, NULL) == 0);
    ms_closure(&follow, &out);
    CHECK(ms_has(&out, ms_lookup("read:mutes", 10)) == 1 && ms_subset(&follow, &out) == 1);
    ms_format(&out, text, sizeof text);
    CHECK(strstr(text, "write:follows") != NULL);
    out = parsed("read read:statuses");
    ms_normalize(&out, &out);
    CHECK(ms_equal(&out, &read) == 1);
    ms_closure(NULL, &out); /* nothing happens */
    ms_normalize(&read, NULL);
}

static void parsing(void)
{
    ms_scopes out;
    ms_error error;
    ms_options options = {MS_MODE_STRICT, NULL, 0};
    const char* text = "read raed";
    char invalid[] = {'r', 'e', 'a', 'd', ' ', (char)0xff, (char)0xfe};
    char big[300];

    CHECK(ms_parse(text, strlen(text), NULL, &out, &error) == MS_UNKNOWN_SCOPE);
    CHECK(error.status == MS_UNKNOWN_SCOPE && error.column == 6);
    CHECK(strcmp(error.token, "raed") == 0 && strcmp(error.suggestion, "read") == 0);
    CHECK(strstr(error.message, "did you mean 'read'?") != NULL);
    CHECK(ms_count(&out) == 1); /* what was valid is kept */

    CHECK(ms_parse("read write", 10, NULL, NULL, NULL) == MS_OK);
    CHECK(ms_parse("read  write", 4, NULL, &out, &error) == MS_OK && ms_count(&out) == 1); /* the length counts */
    CHECK(ms_parse("", 0, NULL, &out, &error) == MS_EMPTY && error.column == 1);
    CHECK(ms_parse(NULL, 0, NULL, &out, &error) == MS_EMPTY);
    CHECK(ms_parse(NULL, 5, NULL, &out, &error) == MS_BAD_ARGUMENT && error.status == MS_BAD_ARGUMENT);
    CHECK(ms_parse("read,write", 10, NULL, &out, &error) == MS_UNKNOWN_SCOPE);
    CHECK(strcmp(error.suggestion, "read write") == 0);
    CHECK(ms_parse(invalid, sizeof invalid, NULL, &out, &error) == MS_BAD_CHARACTER && error.column == 6);
    CHECK(ms_parse("read\0write", 10, NULL, &out, &error) == MS_BAD_CHARACTER && error.column == 5);

    options.mode = MS_MODE_QUERY;
    CHECK(ms_parse("read+write%3Afollows", 20, &options, &out, &error) == MS_OK && ms_count(&out) == 2);
    CHECK(ms_parse("read%2", 6, &options, &out, &error) == MS_BAD_ESCAPE);
    options.mode = MS_MODE_LENIENT;
    CHECK(ms_parse("read,write", 10, &options, &out, &error) == MS_OK && ms_count(&out) == 2);
    options.mode = 3;
    CHECK(ms_parse("read", 4, &options, &out, &error) == MS_BAD_ARGUMENT);
    options.mode = -1;
    CHECK(ms_parse("read", 4, &options, &out, &error) == MS_BAD_ARGUMENT);

    options.mode = MS_MODE_STRICT;
    options.server = "mastodon@4.0.0";
    CHECK(ms_parse("profile", 7, &options, &out, &error) == MS_NOT_YET_ADDED);
    options.server = "mastodon@4.9999.0";
    CHECK(ms_parse("read", 4, &options, &out, &error) == MS_OK);
    options.server = "no such server";
    CHECK(ms_parse("read", 4, &options, &out, &error) == MS_BAD_SERVER && strlen(error.message) > 0);
    options.server = NULL;
    options.max_length = 3;
    CHECK(ms_parse("read", 4, &options, &out, &error) == MS_TOO_LONG);

    /* a long token is cut to its field, ending in "..." */
    memset(big, 'x', sizeof big);
    CHECK(ms_parse(big, sizeof big, NULL, &out, &error) == MS_UNKNOWN_SCOPE);
    CHECK(strlen(error.token) == MS_TEXT_CAPACITY - 1 && strcmp(error.token + MS_TEXT_CAPACITY - 4, "...") == 0);
}

static void history_and_servers(void)
{
    ms_history history;
    ms_options options = {MS_MODE_STRICT, NULL, 0};
    ms_scopes vocabulary;
    char release[32];
    int i, mastodon_found = 0;
    CHECK(ms_scope_history(ms_lookup("profile", 7), &history) == MS_OK);
    CHECK(strlen(history.added) > 0 && history.removed[0] == '\0');
    CHECK(ms_scope_history(ms_lookup("follow", 6), &history) == MS_OK && strlen(history.deprecated) > 0);
    CHECK(ms_scope_history(-1, &history) == MS_BAD_ARGUMENT);
    CHECK(ms_scope_history(0, NULL) == MS_BAD_ARGUMENT);

    CHECK(ms_server_count() > 1);
    for (i = 0; i < ms_server_count(); ++i) {
        size_t const length = ms_server_newest_release(i, release, sizeof release);
        CHECK(ms_server_name(i) != NULL && ms_server_display_name(i) != NULL);
        CHECK(length > 0 && length == strlen(release));
        options.server = ms_server_name(i);
        CHECK(ms_server_scopes(&options, &vocabulary) == MS_OK && ms_count(&vocabulary) > 0);
        if (strcmp(ms_server_name(i), "mastodon") == 0) mastodon_found = 1;
    }
    CHECK(mastodon_found && strcmp(ms_server_name(0), "mastodon") == 0);
    CHECK(ms_server_name(ms_server_count()) == NULL);
    CHECK(ms_server_newest_release(-1, release, sizeof release) == 0 && release[0] == '\0');
    CHECK(ms_server_newest_release(0, release, 2) > 1 && strlen(release) == 1);
}

static void checks_of_the_server(void)
{
    ms_answer answer;
    ms_options options = {MS_MODE_STRICT, NULL, 0};
    ms_scopes token = parsed("read");
    const char* requests[] = {"GET /api/v1/timelines/home", "POST /api/v1/statuses"};
    const char* bad_requests[] = {"GET /no/such/route"};

    /* registration: Mastodon stores what it reads; an unknown name is refused */
    CHECK(ms_register("read write", 10, NULL, &answer) == MS_OK && answer.ok == 1 && answer.status == 200);
    CHECK(ms_count(&answer.scopes) == 2);
    CHECK(ms_register("read raed", 9, NULL, &answer) == MS_OK && answer.ok == 0 && answer.status == 422);
    CHECK(strlen(answer.reason) > 0);
    CHECK(ms_register(NULL, 0, NULL, &answer) == MS_OK && answer.ok == 1 && ms_count(&answer.scopes) == 1);
    CHECK(ms_register("read", 4, NULL, NULL) == MS_BAD_ARGUMENT);

    /* authorization is a literal subset: "read" registered does not cover "read:statuses"... */
    CHECK(ms_authorize("read", 4, "read:statuses", 13, MS_GRANT_AUTHORIZATION_CODE, NULL, &answer) == MS_OK);
    CHECK(answer.ok == 0 && answer.status == 400 && strcmp(answer.oauth_error, "invalid_scope") == 0);
    CHECK(ms_authorize("read write", 10, "write", 5, MS_GRANT_AUTHORIZATION_CODE, NULL, &answer) == MS_OK);
    CHECK(answer.ok == 1 && ms_count(&answer.scopes) == 1 && answer.oauth_error[0] == '\0');
    CHECK(ms_authorize("read", 4, "read", 4, 2, NULL, &answer) == MS_BAD_ARGUMENT);
    CHECK(ms_authorize("raed", 4, "read", 4, MS_GRANT_CLIENT_CREDENTIALS, NULL, &answer) == MS_BAD_ARGUMENT);
    CHECK(strlen(answer.reason) > 0);

    /* another server of the family */
    options.server = "gotosocial";
    CHECK(ms_authorize("read", 4, "read:statuses", 13, MS_GRANT_AUTHORIZATION_CODE, &options, &answer) == MS_OK);
    CHECK(answer.ok == 1); /* GoToSocial checks through its hierarchy */

    /* Mastodon's routes: a literal check of the token's scopes */
    options.server = NULL;
    CHECK(ms_endpoint("GET", 3, "/api/v1/timelines/home", 22, &token, NULL, &answer) == MS_OK && answer.ok == 1);
    CHECK(ms_endpoint("GET", 3, "/api/v1/timelines/home", 22, NULL, NULL, &answer) == MS_OK && answer.ok == 0);
    CHECK(answer.status == 401 && ms_count(&answer.scopes) > 0);
    CHECK(ms_endpoint("GET", 3, "/no/such/route", 14, &token, NULL, &answer) == MS_NO_ROUTE);
    CHECK(ms_endpoint(NULL, 3, "/", 1, &token, NULL, &answer) == MS_BAD_ARGUMENT);
    options.server = "akkoma";
    CHECK(ms_endpoint("GET", 3, "/api/v1/timelines/home", 22, &token, &options, &answer) == MS_NO_ROUTE_TABLE);

    CHECK(ms_plan(requests, 2, NULL, &answer) == MS_OK && answer.ok == 1 && ms_count(&answer.scopes) >= 1);
    CHECK(ms_plan(bad_requests, 1, NULL, &answer) == MS_NO_ROUTE && strstr(answer.reason, "/no/such/route") != NULL);
    CHECK(ms_plan(NULL, 1, NULL, &answer) == MS_BAD_ARGUMENT);
    CHECK(ms_plan(NULL, 0, NULL, &answer) == MS_OK && answer.ok == 1 && ms_count(&answer.scopes) == 0);
}

int main(void)
{
    library();
    names();
    sets();
    hierarchy();
    parsing();
    history_and_servers();
    checks_of_the_server();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
