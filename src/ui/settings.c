#define _POSIX_C_SOURCE 200809L
/* Settings remembered between runs: key=value lines in settings.txt in the
 * user's data folder, written atomically. Unknown keys are ignored so that an
 * older game reads a newer file. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ui_strings.h"
#include "platform.h"

static const char FILE_NAME[] = "settings.txt";

void settings_defaults(Settings *s)
{
    memset(s, 0, sizeof *s);
    s->scale = 1.0f;
    s->lang = LANG_EN;
    s->lang_set = false;
    s->win_w = 1280;
    s->win_h = 720;
}

static bool on(const char *v)
{
    return strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "on") == 0;
}

void settings_path(char *buf, size_t n, const char *dir)
{
    ui_join(buf, n, dir, FILE_NAME);
}

/* A file this program wrote holds only comments and key=value lines of
 * printable text; anything else means it was damaged (cut short, overwritten). */
static bool damaged_line(const char *line)
{
    for (const unsigned char *p = (const unsigned char *)line; *p; p++) {
        if (*p < 0x20 && *p != '\t' && *p != '\r') {
            return true;
        }
    }
    return line[0] != '#' && line[0] != '\0' && line[0] != '\r' && !strchr(line, '=');
}

bool settings_load(Settings *s, const char *dir)
{
    if (!dir || !dir[0]) {
        return false;
    }
    char path[UI_PATH_BYTES], why[128];
    settings_path(path, sizeof path, dir);
    size_t len = 0;
    char *buf = plat_read_file(path, 65536, &len, why, sizeof why);
    if (!buf) {
        return false;
    }
    bool damaged = memchr(buf, '\0', len) != NULL;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line && !damaged; line = strtok_r(NULL, "\n", &save)) {
        damaged = damaged_line(line);
        char *eq = strchr(line, '=');
        if (line[0] == '#' || !eq) {
            continue;
        }
        *eq = '\0';
        const char *k = line, *v = eq + 1;
        if (strcmp(k, "scale") == 0) {
            float f = strtof(v, NULL);
            if (f >= 0.5f && f <= 4.0f) {
                s->scale = f;
            }
        } else if (strcmp(k, "lang") == 0) {
            if (strcmp(v, "en") == 0 || strcmp(v, "ru") == 0) {
                s->lang = text_lang_from(v);
                s->lang_set = true;
            }
        } else if (strcmp(k, "fullscreen") == 0) {
            s->fullscreen = on(v);
        } else if (strcmp(k, "high_contrast") == 0) {
            s->high_contrast = on(v);
        } else if (strcmp(k, "width") == 0) {
            int w = atoi(v);
            if (w >= 1024 && w <= 16384) {
                s->win_w = w;
            }
        } else if (strcmp(k, "height") == 0) {
            int h = atoi(v);
            if (h >= 640 && h <= 16384) {
                s->win_h = h;
            }
        }
    }
    free(buf);
    if (damaged) {
        settings_defaults(s); /* nothing read from a damaged file is trusted */
    }
    return damaged;
}

int settings_save(const Settings *s, const char *dir)
{
    if (!dir || !dir[0]) {
        return -1;
    }
    char path[UI_PATH_BYTES], why[256], body[512];
    ui_join(path, sizeof path, dir, FILE_NAME);
    int n = snprintf(body, sizeof body,
                     "# Key Accounts settings\nscale=%.2f\nlang=%s\nfullscreen=%d\nhigh_contrast=%d\n"
                     "width=%d\nheight=%d\n",
                     (double)s->scale, s->lang_set ? text_lang_key(s->lang) : "system", s->fullscreen ? 1 : 0,
                     s->high_contrast ? 1 : 0, s->win_w, s->win_h);
    if (plat_write_atomic(path, body, (size_t)n, why, sizeof why) != 0) {
        fprintf(stderr, "keyaccounts: cannot save the settings to %s: %s\n", path, why);
        return -1;
    }
    return 0;
}
