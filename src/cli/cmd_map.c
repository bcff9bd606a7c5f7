/* `keyaccounts map FILE [--out PATH] [--lang en|ru]`: draws the scenario as
 * its author wrote it into one self-contained HTML page (default map.html in
 * the current folder), with the warnings of validate on the things they name.
 * Exit 0 written (warnings or not), 1 the scenario has errors or the page
 * could not be written, 2 usage. */
#include <string.h>

#include "commands.h"
#include "map_html.h"
#include "say.h"
#include "scnfile.h"

static int usage(FILE *o)
{
    fputs("usage: keyaccounts map FILE [--out PATH] [--lang en|ru]\n"
          "Draws the scenario FILE (a path or a shipped id) as one HTML page: departments, people and\n"
          "their roles, who is known at the start, referrals, needs and the ideas that answer them,\n"
          "approvals, events by week, and the warnings of validate where they belong.\n"
          "  --out PATH   where to write the page (default: map.html in the current folder)\n"
          "  --lang L     the page's own words in en or ru (default: the scenario's language)\n",
          o);
    return 2;
}

int cmd_map(int argc, char **argv, FILE *out, FILE *err)
{
    const char *file = NULL, *dest = "map.html";
    int lang = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            dest = argv[++i];
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            const char *l = argv[++i];
            if (strcmp(l, "en") != 0 && strcmp(l, "ru") != 0) {
                fprintf(err, "keyaccounts map: --lang takes en or ru, not '%s'\n", l);
                return 2;
            }
            lang = (int)text_lang_from(l);
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(out);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(err, "keyaccounts map: unknown option '%s'\n", argv[i]);
            return usage(err);
        } else if (file) {
            fprintf(err, "keyaccounts map: one scenario at a time ('%s' and '%s')\n", file, argv[i]);
            return usage(err);
        } else {
            file = argv[i];
        }
    }
    if (!file || !dest[0]) {
        return usage(err);
    }
    char path[4096];
    const char *scn = scnfile_resolve(file, path, sizeof path);
    Diagnostics d;
    diags_init(&d);
    Msgs m;
    msgs_init(&m);
    int rc = map_write(scn, dest, lang, &d, &m);
    if (rc == 1) {
        diags_print(&d, scn, err);
        fprintf(err, "keyaccounts map: %s has errors (see above); no map written\n", scn);
    } else if (rc != 0) {
        say_msgs(err, &m);
    } else {
        fprintf(out, "wrote %s", dest);
        if (d.warnings) {
            fprintf(out, " (%zu warning%s, shown on the map)", d.warnings, d.warnings == 1 ? "" : "s");
        }
        fputc('\n', out);
    }
    diags_deinit(&d);
    msgs_deinit(&m);
    return rc == 0 ? 0 : 1;
}
