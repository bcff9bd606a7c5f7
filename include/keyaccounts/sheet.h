/* A spreadsheet saved as CSV (as Excel and LibreOffice save it): UTF-8 with
 * or without a byte order mark, `,` or `;` between fields (whichever the
 * header row uses), CRLF or LF line ends, quoted fields with the separator,
 * quotes ("") or line breaks inside. Parsed from a buffer (no I/O) with
 * libcsv. Part of the scenario layer. */
#ifndef KEYACCOUNTS_SHEET_H
#define KEYACCOUNTS_SHEET_H

#include <stddef.h>

#include "keyaccounts/diag.h"

enum {
    SHEET_MAX_BYTES = 4 * 1024 * 1024,
    SHEET_MAX_ROWS = 10000,
    SHEET_MAX_COLUMNS = 64,
};

/* One record of the sheet. `number` is the row as the spreadsheet shows it
 * (the header is row 1; a blank line is a row too; a cell with a line break
 * does not start a new row). */
typedef struct SheetRow {
    int number;
    int cell_count;
    char **cells;  /* NUL-terminated UTF-8, spaces around unquoted text removed */
} SheetRow;

typedef struct Sheet {
    char separator;   /* ',' or ';' */
    SheetRow *rows;   /* rows[0] is the header; blank rows are left out */
    int row_count;
} Sheet;

/* Parses buf[0..len). On success returns 0 and fills sheet (free it with
 * sheet_deinit). On a damaged file returns -1 with a located KA601 error in
 * diags (line = the sheet's row, column = the field's column, 1-based) and
 * leaves sheet empty. */
int sheet_parse(const char *buf, size_t len, Sheet *sheet, Diagnostics *diags);
void sheet_deinit(Sheet *sheet);

/* The cell at row r, column c (0-based), or "" past the end of a short row. */
const char *sheet_cell(const Sheet *sheet, int r, int c);

/* A column's letters as the spreadsheet names them: 1 -> "A", 27 -> "AA". */
const char *sheet_column_letters(int column, char *buf, size_t n);

#endif
