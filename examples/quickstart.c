#include <mastoscope/mastoscope.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    const char* token = "read:statuses follow";
    ms_scopes held, all, post;
    ms_error error;
    char text[256];
    ms_parse(token, strlen(token), NULL, &held, NULL);
    ms_closure(&held, &all);
    ms_format(&all, text, sizeof text);
    printf("grants: %s\n", text);
    ms_parse("write:statuses", 14, NULL, &post, NULL);
    printf("may post: %s\n", ms_grants(&held, &post) ? "yes" : "no");
    if (ms_parse("read raed", 9, NULL, NULL, &error) != MS_OK)
        printf("column %zu: %s\n", error.column, error.message);
    return 0;
}
