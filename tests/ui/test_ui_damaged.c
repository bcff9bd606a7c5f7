/* A damaged autosave or settings file is reported and set aside, never
 * silently overwritten, and the game still starts on the picker. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drive.h"

static int failures;

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_ui_damaged PREF_DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    mkdir(dir, 0700);
    char save[512], aside[600];
    snprintf(save, sizeof save, "%s/autosave.json", dir);
    snprintf(aside, sizeof aside, "%s.damaged", save);
    unlink(aside);
    FILE *f = fopen(save, "wb");
    if (!f) {
        fprintf(stderr, "test_ui_damaged: cannot write %s\n", save);
        return 1;
    }
    fputs("{\"format_version\": 1, \"kind\": \"keyaccounts-session\", \"scenario\": {\"id\": \"first-st", f);
    fclose(f);
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.pref_dir = dir;
    o.width = 1280;
    o.height = 720;
    o.hidden = true;
    o.scale = 1.0f;
    o.lang = "en";
    App *app = app_create(&o, stderr);
    if (!app) {
        fprintf(stderr, "test_ui_damaged: the window did not start\n");
        return 1;
    }
    app_pump(app, false);
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    CHECK(strstr(app->status, "damaged") != NULL);
    CHECK(strstr(app->status, "autosave.json.damaged") != NULL);
    CHECK(!exists(save));
    CHECK(exists(aside));
    app_destroy(app);

    /* A damaged settings file: the defaults hold, the file is kept aside. */
    char settings[512], settings_aside[600];
    snprintf(settings, sizeof settings, "%s/settings.txt", dir);
    snprintf(settings_aside, sizeof settings_aside, "%s.damaged", settings);
    unlink(settings_aside);
    f = fopen(settings, "wb");
    if (!f) {
        fprintf(stderr, "test_ui_damaged: cannot write %s\n", settings);
        return 1;
    }
    fputs("# Key Accounts settings\nscale=2.00\n\x01\x02garbage without an equals sign", f);
    fclose(f);
    app = app_create(&o, stderr);
    if (!app) {
        fprintf(stderr, "test_ui_damaged: the window did not start with damaged settings\n");
        return 1;
    }
    app_pump(app, false);
    CHECK(strcmp(drive_screen(app), "picker") == 0);
    CHECK(strstr(app->status, "settings.txt.damaged") != NULL);
    CHECK(app->set.scale == 1.0f); /* nothing from the damaged file */
    CHECK(exists(settings_aside));
    app_destroy(app);
    fprintf(stderr, "test_ui_damaged: %d failed\n", failures);
    return failures ? 1 : 0;
}
