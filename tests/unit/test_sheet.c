/* Spreadsheets saved as CSV (sheet.c) and scenario skeletons built from them
 * (skeleton.c): quoting, line breaks inside cells, byte order marks, both
 * separators, row numbers as the spreadsheet shows them, located mistakes,
 * ids from names. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "keyaccounts/scenario.h"
#include "keyaccounts/sheet.h"
#include "keyaccounts/skeleton.h"

static int parse(const char *text, Sheet *s, Diagnostics *d)
{
    diags_init(d);
    return sheet_parse(text, strlen(text), s, d);
}

static void test_quotes_and_line_breaks(void)
{
    Sheet s;
    Diagnostics d;
    CHECK_EQ_INT(parse("name,note\n\"Berg, Anna\",\"says \"\"hi\"\"\"\n\"two\nlines\",x\nlast,y", &s, &d), 0);
    CHECK_EQ_INT(s.separator, ',');
    CHECK_EQ_INT(s.row_count, 4);
    CHECK_EQ_STR(sheet_cell(&s, 1, 0), "Berg, Anna");
    CHECK_EQ_STR(sheet_cell(&s, 1, 1), "says \"hi\"");
    CHECK_EQ_STR(sheet_cell(&s, 2, 0), "two\nlines");
    /* a line break inside a cell does not start a row */
    CHECK_EQ_INT(s.rows[2].number, 3);
    CHECK_EQ_INT(s.rows[3].number, 4);
    CHECK_EQ_STR(sheet_cell(&s, 3, 1), "y");  /* no line end after the last row */
    CHECK_EQ_STR(sheet_cell(&s, 3, 5), "");   /* past the end of a short row */
    CHECK_EQ_INT(d.count, 0);
    sheet_deinit(&s);
    diags_deinit(&d);
}

static void test_excel_bom_semicolons_crlf(void)
{
    Sheet s;
    Diagnostics d;
    const char *text = "\xEF\xBB\xBF" "ФИО;Отдел\r\nОльга;\"Цех; №2\"\r\n\r\n;;\r\nИван;Финансы\r\n";
    CHECK_EQ_INT(parse(text, &s, &d), 0);
    CHECK_EQ_INT(s.separator, ';');
    CHECK_EQ_STR(sheet_cell(&s, 0, 0), "ФИО"); /* the byte order mark is not part of the header */
    CHECK_EQ_STR(sheet_cell(&s, 1, 1), "Цех; №2");
    /* blank rows (and rows of empty cells) are left out but counted */
    CHECK_EQ_INT(s.row_count, 3);
    CHECK_EQ_INT(s.rows[1].number, 2);
    CHECK_EQ_INT(s.rows[2].number, 5);
    CHECK_EQ_STR(sheet_cell(&s, 2, 0), "Иван");
    sheet_deinit(&s);
    diags_deinit(&d);
}

static void test_separator_detection_ignores_quoted(void)
{
    Sheet s;
    Diagnostics d;
    CHECK_EQ_INT(parse("\"a;b;c\",d\n1,2\n", &s, &d), 0);
    CHECK_EQ_INT(s.separator, ',');
    CHECK_EQ_STR(sheet_cell(&s, 0, 0), "a;b;c");
    sheet_deinit(&s);
    diags_deinit(&d);
}

static void test_damaged(void)
{
    Sheet s;
    Diagnostics d;
    CHECK_EQ_INT(parse("a,b\n1,\"never closed\n2,3\n", &s, &d), -1);
    CHECK_EQ_INT(d.errors, 1);
    CHECK_EQ_STR(d.items[0].code, "KA601");
    CHECK_EQ_INT(d.items[0].line, 2);
    CHECK_EQ_INT(d.items[0].column, 2);
    CHECK(strstr(d.items[0].message, "never closed") != NULL);
    CHECK_EQ_INT(s.row_count, 0);
    diags_deinit(&d);

    CHECK_EQ_INT(parse("a,b\n1,2\n3,x\"y\n", &s, &d), -1);
    CHECK_EQ_INT(d.items[0].line, 3);
    CHECK_EQ_INT(d.items[0].column, 2);
    diags_deinit(&d);

    CHECK_EQ_INT(parse("name\nOlga \xC7\n", &s, &d), -1); /* Windows-1251 bytes */
    CHECK(strstr(d.items[0].message, "CSV UTF-8") != NULL);
    CHECK_EQ_INT(d.items[0].line, 2);
    diags_deinit(&d);

    CHECK_EQ_INT(parse("\n\r\n", &s, &d), -1);
    CHECK(strstr(d.items[0].message, "empty") != NULL);
    diags_deinit(&d);
}

static void test_column_letters(void)
{
    char buf[8];
    CHECK_EQ_STR(sheet_column_letters(1, buf, sizeof buf), "A");
    CHECK_EQ_STR(sheet_column_letters(26, buf, sizeof buf), "Z");
    CHECK_EQ_STR(sheet_column_letters(27, buf, sizeof buf), "AA");
    CHECK_EQ_STR(sheet_column_letters(53, buf, sizeof buf), "BA");
}

static void test_ids(void)
{
    char buf[48];
    CHECK_EQ_STR(skeleton_id_from_name("Anna Berg", buf, sizeof buf), "anna_berg");
    CHECK_EQ_STR(skeleton_id_from_name("Ольга Петрова", buf, sizeof buf), "olga_petrova");
    CHECK_EQ_STR(skeleton_id_from_name("Щукин Юрий Ёлкин", buf, sizeof buf), "shchukin_yuriy_elkin");
    CHECK_EQ_STR(skeleton_id_from_name("  O'Neil-Smith  ", buf, sizeof buf), "o_neil_smith");
    CHECK_EQ_STR(skeleton_id_from_name("2nd shift", buf, sizeof buf), "p_2nd_shift");
    CHECK_EQ_STR(skeleton_id_from_name("李", buf, sizeof buf), "person");
    skeleton_id_from_name("Alexandra Konstantinovna Rimskaya-Korsakova", buf, sizeof buf);
    CHECK(strlen(buf) <= 40);
    CHECK_EQ_STR(buf, "alexandra_konstantinovna_rimskaya");
}

/* A skeleton loads with no error, and its ids, roles and referrals are the sheet's. */
static void test_skeleton_loads(void)
{
    const char *csv = "Name,Title,Department,Roles,Influence,Knows,Main\n"
                      "Anna Berg,Buyer,Purchasing,coach,2,Tom Becker,yes\n"
                      "Tom Becker,Plant manager,Plant,\"economic buyer, technical_buyer\",5,Anna Berg2,\n"
                      "Anna Berg2,Clerk,purchasing,,1,,\n";
    Diagnostics d;
    diags_init(&d);
    SkeletonCounts counts;
    char *text = skeleton_from_sheet(csv, strlen(csv), "en", "people", &counts, &d);
    CHECK(text != NULL);
    CHECK_EQ_INT(d.count, 0);
    CHECK_EQ_INT(counts.people, 3);
    CHECK_EQ_INT(counts.departments, 2); /* "purchasing" is "Purchasing" */
    CHECK_EQ_INT(counts.referrals, 2);
    diags_deinit(&d);
    diags_init(&d);
    Scenario *s = text ? scn_parse(text, strlen(text), "people.json", &d) : NULL;
    CHECK(s != NULL);
    CHECK_EQ_INT(d.errors, 0);
    CHECK(d.warnings > 0); /* the TODO places */
    for (size_t i = 0; i < d.count; i++) {
        CHECK(strcmp(d.items[i].code, "KA414") == 0);
    }
    if (s) {
        const Account *a = &s->accounts[0];
        CHECK_EQ_STR(a->contacts[0].id, "anna_berg");
        CHECK(a->contacts[0].main && a->contacts[0].known);
        CHECK_EQ_INT(a->contacts[0].refer_count, 1);
        CHECK_EQ_INT(a->contacts[0].refers[0], 1);
        CHECK_EQ_INT(a->contacts[1].roles, ROLE_ECONOMIC | ROLE_TECHNICAL);
        CHECK_EQ_INT(a->contacts[1].influence, 5);
        CHECK_EQ_STR(a->contacts[2].id, "anna_berg2");
    }
    scenario_destroy(s);
    diags_deinit(&d);
    free(text);
}

static void test_skeleton_mistakes_located(void)
{
    const char *csv = "name;title;department;roles;influence;knows\n"
                      "Anna;Buyer;P;boss;2;Nobody\n"
                      "Tom;Chief;P;;3,5;\n";
    Diagnostics d;
    diags_init(&d);
    char *text = skeleton_from_sheet(csv, strlen(csv), "en", "x", NULL, &d);
    CHECK(text == NULL);
    CHECK_EQ_INT(d.errors, 4);
    if (d.count == 4) {
        CHECK_EQ_STR(d.items[0].code, "KA608"); /* the header row: nobody known at the start */
        CHECK_EQ_INT(d.items[0].line, 1);
        CHECK_EQ_STR(d.items[1].code, "KA604"); /* row 2, column D: roles */
        CHECK_EQ_INT(d.items[1].line, 2);
        CHECK_EQ_INT(d.items[1].column, 4);
        CHECK_EQ_STR(d.items[1].path, "roles");
        CHECK_EQ_STR(d.items[2].code, "KA606"); /* row 2, column F: knows */
        CHECK_EQ_INT(d.items[2].column, 6);
        CHECK_EQ_STR(d.items[3].code, "KA605"); /* row 3, column E: influence "3,5" */
        CHECK_EQ_INT(d.items[3].line, 3);
        CHECK_EQ_INT(d.items[3].column, 5);
    }
    diags_deinit(&d);
}

static void test_russian_gender(void)
{
    const char *ok = "ФИО;Должность;Отдел;Влияние;Основной\nОльга Сергеевна Петрова;Закупки;З;3;да\n"
                     "Иван Петрович Смирнов;Инженер;П;4;\n";
    const char *bad = "ФИО;Должность;Отдел;Влияние;Основной\nАнна Котова;Технолог;П;2;да\n";
    Diagnostics d;
    diags_init(&d);
    char *text = skeleton_from_sheet(ok, strlen(ok), "ru", "x", NULL, &d);
    CHECK(text && strstr(text, "\"gender\": \"f\"") && strstr(text, "\"gender\": \"m\""));
    free(text);
    diags_deinit(&d);
    diags_init(&d);
    text = skeleton_from_sheet(bad, strlen(bad), "ru", "x", NULL, &d);
    CHECK(text == NULL);
    CHECK(d.count == 1 && strstr(d.items[0].message, "'gender' (пол)") != NULL);
    free(text);
    diags_deinit(&d);
}

/* The example of `keyaccounts new` loads without a single warning. */
static void test_examples_clean(void)
{
    const char *langs[] = {"en", "ru"};
    for (int i = 0; i < 2; i++) {
        char *text = skeleton_example(langs[i]);
        Diagnostics d;
        diags_init(&d);
        Scenario *s = text ? scn_parse(text, strlen(text), "example.json", &d) : NULL;
        CHECK(s != NULL);
        CHECK_EQ_INT(d.count, 0);
        scenario_destroy(s);
        diags_deinit(&d);
        free(text);
    }
}

int main(void)
{
    test_quotes_and_line_breaks();
    test_excel_bom_semicolons_crlf();
    test_separator_detection_ignores_quoted();
    test_damaged();
    test_column_letters();
    test_ids();
    test_skeleton_loads();
    test_skeleton_mistakes_located();
    test_russian_gender();
    test_examples_clean();
    return check_result("scenario.sheet");
}
