/* A spreadsheet saved as CSV: see keyaccounts/sheet.h. libcsv does the
 * quoting (separators, "" and line breaks inside quotes, CRLF); this file
 * finds the separator, skips the byte order mark, numbers the rows as the
 * spreadsheet shows them and checks the text is UTF-8. */
#include "keyaccounts/sheet.h"

#include <csv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textutil.h"

/* What the callbacks build, row by row. */
typedef struct SheetBuild {
    Sheet *sheet;
    SheetRow cur;          /* the row being read */
    int cur_capacity;
    int row_capacity;
    int number;            /* the spreadsheet row of `cur` */
    int last_end;          /* the character that ended the previous row, or 0 */
    const char *problem;   /* static text: why the build stopped, or NULL */
    bool oom;
} SheetBuild;

static void row_free(SheetRow *r)
{
    for (int i = 0; i < r->cell_count; i++) {
        free(r->cells[i]);
    }
    free(r->cells);
    r->cells = NULL;
    r->cell_count = 0;
}

void sheet_deinit(Sheet *sheet)
{
    if (!sheet) {
        return;
    }
    for (int i = 0; i < sheet->row_count; i++) {
        row_free(&sheet->rows[i]);
    }
    free(sheet->rows);
    sheet->rows = NULL;
    sheet->row_count = 0;
}

const char *sheet_cell(const Sheet *sheet, int r, int c)
{
    if (r < 0 || r >= sheet->row_count || c < 0 || c >= sheet->rows[r].cell_count) {
        return "";
    }
    return sheet->rows[r].cells[c];
}

const char *sheet_column_letters(int column, char *buf, size_t n)
{
    char tmp[16];
    size_t len = 0;
    for (int c = column; c > 0 && len < sizeof tmp; c = (c - 1) / 26) {
        tmp[len++] = (char)('A' + (c - 1) % 26);
    }
    size_t i = 0;
    for (; i < len && i + 1 < n; i++) {
        buf[i] = tmp[len - 1 - i];
    }
    if (n > 0) {
        buf[i] = '\0';
    }
    return buf;
}

static void on_field(void *text, size_t len, void *data)
{
    SheetBuild *b = data;
    if (b->problem || b->oom) {
        return;
    }
    if (b->cur.cell_count >= SHEET_MAX_COLUMNS) {
        b->problem = "more columns than a sheet of people can have (at most 64)";
        return;
    }
    if (b->cur.cell_count == b->cur_capacity) {
        int cap = b->cur_capacity ? b->cur_capacity * 2 : 8;
        char **cells = realloc(b->cur.cells, (size_t)cap * sizeof *cells);
        if (!cells) {
            b->oom = true;
            return;
        }
        b->cur.cells = cells;
        b->cur_capacity = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        b->oom = true;
        return;
    }
    if (len > 0) {
        memcpy(copy, text, len);
    }
    copy[len] = '\0';
    b->cur.cells[b->cur.cell_count++] = copy;
}

static bool row_is_blank(const SheetRow *r)
{
    for (int i = 0; i < r->cell_count; i++) {
        if (r->cells[i][0] != '\0') {
            return false;
        }
    }
    return true;
}

/* Called at every line end (CSV_REPALL_NL), so that blank lines count as
 * rows; the '\n' of a CRLF that ended a row is not a row of its own. */
static void on_row_end(int c, void *data)
{
    SheetBuild *b = data;
    if (b->cur.cell_count == 0 && c == '\n' && b->last_end == '\r') {
        b->last_end = c;
        return;
    }
    b->last_end = c;
    if (b->problem || b->oom) {
        return;
    }
    if (row_is_blank(&b->cur)) {
        row_free(&b->cur);
    } else {
        Sheet *s = b->sheet;
        if (s->row_count >= SHEET_MAX_ROWS) {
            b->problem = "more rows than a sheet of people can have (at most 10000)";
            return;
        }
        if (s->row_count == b->row_capacity) {
            int cap = b->row_capacity ? b->row_capacity * 2 : 16;
            SheetRow *rows = realloc(s->rows, (size_t)cap * sizeof *rows);
            if (!rows) {
                b->oom = true;
                return;
            }
            s->rows = rows;
            b->row_capacity = cap;
        }
        b->cur.number = b->number;
        s->rows[s->row_count++] = b->cur;
        b->cur.cells = NULL;
        b->cur.cell_count = 0;
    }
    b->cur_capacity = 0;
    b->number++;
}

/* The separator the header row uses most, outside quotes: ';' (Excel in
 * much of Europe and in Russia) or ','. */
static char detect_separator(const char *buf, size_t len)
{
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted && c == ',') {
            commas++;
        } else if (!quoted && c == ';') {
            semicolons++;
        }
    }
    return semicolons > commas ? ';' : ',';
}

/* The first cell that is not UTF-8, as a KA601 error; false when all are. */
static bool check_utf8(const Sheet *s, Diagnostics *d)
{
    for (int r = 0; r < s->row_count; r++) {
        for (int c = 0; c < s->rows[r].cell_count; c++) {
            const unsigned char *t = (const unsigned char *)s->rows[r].cells[c];
            size_t n = strlen((const char *)t);
            for (size_t i = 0; i < n;) {
                uint32_t cp;
                int k = tu_utf8_decode(t + i, n - i, &cp);
                if (k <= 0) {
                    diags_add(d, SEV_ERROR, "KA601", s->rows[r].number, c + 1, "",
                              "this cell is not UTF-8 text (byte 0x%02X); save the sheet as \"CSV UTF-8\"",
                              t[i]);
                    return false;
                }
                i += (size_t)k;
            }
        }
    }
    return true;
}

int sheet_parse(const char *buf, size_t len, Sheet *sheet, Diagnostics *d)
{
    memset(sheet, 0, sizeof *sheet);
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    if (len > SHEET_MAX_BYTES) {
        diags_add(d, SEV_ERROR, "KA601", 0, 0, "", "the sheet is larger than 4 MiB");
        return -1;
    }
    if (memchr(buf, '\0', len)) {
        diags_add(d, SEV_ERROR, "KA601", 0, 0, "",
                  "the file holds NUL bytes: it is not a CSV sheet (an .xlsx? save it as \"CSV UTF-8\")");
        return -1;
    }
    sheet->separator = detect_separator(buf, len);
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        diags_add(d, SEV_ERROR, "KA601", 0, 0, "", "out of memory while reading the sheet");
        return -1;
    }
    csv_set_delim(&p, (unsigned char)sheet->separator);
    SheetBuild b;
    memset(&b, 0, sizeof b);
    b.sheet = sheet;
    b.number = 1;
    size_t done = csv_parse(&p, buf, len, on_field, on_row_end, &b);
    bool parsed = done == len && csv_fini(&p, on_field, on_row_end, &b) == 0;
    int err = csv_error(&p);
    csv_free(&p);
    if (b.oom || err == CSV_ENOMEM) {
        diags_add(d, SEV_ERROR, "KA601", 0, 0, "", "out of memory while reading the sheet");
    } else if (b.problem) {
        diags_add(d, SEV_ERROR, "KA601", b.number, 0, "", "%s", b.problem);
    } else if (!parsed) {
        bool at_end = done == len;
        diags_add(d, SEV_ERROR, "KA601", b.number, b.cur.cell_count + 1, "",
                  at_end ? "a quoted cell is never closed: a '\"' is missing"
                         : "a '\"' inside a cell that does not start with one; write the cell in quotes and "
                           "double the quote (\"\")");
    }
    if (b.oom || b.problem || !parsed) {
        row_free(&b.cur);
        sheet_deinit(sheet);
        return -1;
    }
    row_free(&b.cur);
    if (sheet->row_count == 0) {
        diags_add(d, SEV_ERROR, "KA601", 0, 0, "", "the sheet is empty: it needs a header row and one row per person");
        return -1;
    }
    if (!check_utf8(sheet, d)) {
        sheet_deinit(sheet);
        return -1;
    }
    return 0;
}
