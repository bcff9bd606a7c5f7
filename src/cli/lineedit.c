/* libedit's own API (histedit.h) rather than its readline emulation: it
 * reads through our function (el_getc_fn below), so a stop signal ends a
 * waiting read instead of being retried, and it keeps no global state. */
#include "lineedit.h"

#include <histedit.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "platform.h"

enum { HISTORY_LINES = 500 };

struct LineReader {
    FILE *in, *out;
    EditLine *el;
    History *hist;
    LineCompleter complete;
    void *ctx;
    char prompt[64];
};

static char *prompt_of(EditLine *el)
{
    LineReader *r = NULL;
    el_get(el, EL_CLIENTDATA, &r);
    return r->prompt;
}

/* One character, decoded from UTF-8 (libedit's own reader would retry a read
 * that a signal interrupted). 1, 0 at the end, -1 on an error or a stop. */
static int el_getc_fn(EditLine *el, wchar_t *wc)
{
    LineReader *r = NULL;
    el_get(el, EL_CLIENTDATA, &r);
    unsigned char b[4];
    if (plat_read_some(r->in, b, 1) != 1) {
        return plat_stop_requested() ? -1 : 0;
    }
    int need = b[0] < 0x80 ? 0 : (b[0] & 0xE0) == 0xC0 ? 1 : (b[0] & 0xF0) == 0xE0 ? 2 : (b[0] & 0xF8) == 0xF0 ? 3 : -1;
    if (need < 0) {
        *wc = 0xFFFD;
        return 1;
    }
    unsigned long cp = need == 0 ? b[0] : need == 1 ? (b[0] & 0x1Fu) : need == 2 ? (b[0] & 0x0Fu) : (b[0] & 0x07u);
    for (int k = 1; k <= need; k++) {
        if (plat_read_some(r->in, b + k, 1) != 1) {
            return plat_stop_requested() ? -1 : 0;
        }
        if ((b[k] & 0xC0) != 0x80) {
            *wc = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (b[k] & 0x3Fu);
    }
    *wc = (wchar_t)cp;
    return 1;
}

/* Tab: completes the word to what all candidates share, or lists them. */
static unsigned char complete_fn(EditLine *el, int ch)
{
    (void)ch;
    LineReader *r = NULL;
    el_get(el, EL_CLIENTDATA, &r);
    const LineInfo *li = el_line(el);
    char typed[1024];
    size_t len = (size_t)(li->cursor - li->buffer);
    if (!r->complete || len >= sizeof typed) {
        return CC_ERROR;
    }
    memcpy(typed, li->buffer, len);
    typed[len] = '\0';
    const char *word = typed + len;
    while (word > typed && word[-1] != ' ' && word[-1] != '\t') {
        word--;
    }
    Completions c;
    r->complete(r->ctx, typed, &c);
    if (c.count == 0) {
        return CC_REFRESH_BEEP;
    }
    char common[COMPLETE_WORD_BYTES];
    complete_common(&c, common, sizeof common);
    size_t wlen = strlen(word);
    if (c.count == 1 || strlen(common) > wlen) {
        el_deletestr(el, (int)wlen);
        el_insertstr(el, common);
        if (c.count == 1) {
            el_insertstr(el, " ");
        }
        return CC_REFRESH;
    }
    fputc('\n', r->out);
    for (int k = 0; k < c.count; k++) {
        fprintf(r->out, "%s%s", k ? "  " : "", c.words[k]);
    }
    fputs(c.more ? "  ...\n" : "\n", r->out);
    return CC_REDISPLAY;
}

LineReader *lineedit_create(FILE *in, FILE *out, LineCompleter complete, void *ctx)
{
    LineReader *r = calloc(1, sizeof *r);
    if (!r) {
        return NULL;
    }
    r->in = in;
    r->out = out;
    r->complete = complete;
    r->ctx = ctx;
    if (!plat_is_terminal(in)) {
        return r;
    }
    setlocale(LC_CTYPE, ""); /* libedit measures UTF-8 names by the locale */
    r->el = el_init("keyaccounts", in, out, stderr);
    r->hist = history_init();
    if (!r->el || !r->hist) {
        lineedit_destroy(r);
        return NULL;
    }
    HistEvent ev;
    history(r->hist, &ev, H_SETSIZE, HISTORY_LINES);
    history(r->hist, &ev, H_SETUNIQUE, 1);
    el_set(r->el, EL_CLIENTDATA, r);
    el_set(r->el, EL_EDITOR, "emacs");
    el_set(r->el, EL_PROMPT, prompt_of);
    el_set(r->el, EL_HIST, history, r->hist);
    el_set(r->el, EL_GETCFN, el_getc_fn);
    el_set(r->el, EL_ADDFN, "ka-complete", "complete a command word, a person or an idea", complete_fn);
    el_set(r->el, EL_BIND, "^I", "ka-complete", NULL);
    /* Home, End, Delete and Ctrl-arrows as terminals send them; libedit binds
     * only the terminfo entry of the terminal it was told, so the console's
     * and tmux's Home (ESC [ 1 ~) printed "[1~" */
    static const char *const KEYS[][2] = {
        {"\\e[1~", "ed-move-to-beg"}, {"\\e[7~", "ed-move-to-beg"}, {"\\e[H", "ed-move-to-beg"},
        {"\\eOH", "ed-move-to-beg"},  {"\\e[4~", "ed-move-to-end"}, {"\\e[8~", "ed-move-to-end"},
        {"\\e[F", "ed-move-to-end"},  {"\\eOF", "ed-move-to-end"},  {"\\e[3~", "ed-delete-next-char"},
        {"\\e[1;5D", "ed-prev-word"}, {"\\e[1;5C", "em-next-word"},
    };
    for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++) {
        el_set(r->el, EL_BIND, KEYS[k][0], KEYS[k][1], NULL);
    }
    el_source(r->el, NULL); /* the user's ~/.editrc, as every libedit program */
    return r;
}

void lineedit_destroy(LineReader *r)
{
    if (!r) {
        return;
    }
    if (r->el) {
        el_end(r->el);
    }
    if (r->hist) {
        history_end(r->hist);
    }
    free(r);
}

bool lineedit_is_editing(const LineReader *r)
{
    return r->el != NULL;
}

bool lineedit_read(LineReader *r, const char *prompt, char *buf, size_t n)
{
    if (!r->el) {
        fputs(prompt, r->out);
        fflush(r->out);
        if (!fgets(buf, (int)n, r->in)) {
            return false;
        }
        buf[strcspn(buf, "\n")] = '\0';
        return true;
    }
    snprintf(r->prompt, sizeof r->prompt, "%s", prompt);
    int count = 0;
    const char *line = el_gets(r->el, &count);
    if (!line || count <= 0 || plat_stop_requested()) {
        return false;
    }
    snprintf(buf, n, "%s", line);
    buf[strcspn(buf, "\r\n")] = '\0';
    if (buf[strspn(buf, " \t")] != '\0') {
        HistEvent ev;
        history(r->hist, &ev, H_ENTER, buf);
    }
    return true;
}
