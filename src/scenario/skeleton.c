/* A scenario skeleton from a spreadsheet of a client's people: see
 * keyaccounts/skeleton.h. The sheet is read by sheet.c; each column is
 * described once in COLUMNS (its key, whether it is required, the headers it
 * goes by in English and Russian); each cell is checked and every problem
 * reported with its row and column before anything is built. */
#include "keyaccounts/skeleton.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyaccounts/model.h"
#include "keyaccounts/sheet.h"
#include "textutil.h"

typedef enum Column {
    COL_NAME,
    COL_TITLE,
    COL_DEPARTMENT,
    COL_ROLES,
    COL_INFLUENCE,
    COL_KNOWS,
    COL_KNOWN,
    COL_MAIN,
    COL_FINDABLE,
    COL_MODE,
    COL_GENDER,
    COL_COUNT
} Column;

/* A column: its key (as the docs name it), whether the sheet must have it,
 * and the headers it goes by, lower case, '|' between them. A header's
 * words in brackets are left out ("Roles (coach, ...)" is "roles"). */
typedef struct ColumnSpec {
    const char *key;
    bool required;
    const char *headers;
} ColumnSpec;

static const ColumnSpec COLUMNS[COL_COUNT] = {
    [COL_NAME] = {"name", true, "name|full name|person|имя|фио|ф.и.о.|сотрудник"},
    [COL_TITLE] = {"title", true, "title|job title|position|role title|должность"},
    [COL_DEPARTMENT] = {"department", true, "department|dept|unit|отдел|подразделение|департамент|служба"},
    [COL_ROLES] = {"roles", false, "roles|role|buying role|роли|роль|роль в закупке"},
    [COL_INFLUENCE] = {"influence", true, "influence|влияние"},
    [COL_KNOWS] = {"knows", false, "knows|refers|introduces|can introduce|знает|рекомендует|может представить|"
                                   "может познакомить"},
    [COL_KNOWN] = {"known", false, "known|known at start|we know|известен|знаком|знакомы|знаком с начала"},
    [COL_MAIN] = {"main", false, "main|main contact|основной|основной контакт|главный контакт"},
    [COL_FINDABLE] = {"findable", false, "findable|can be found|можно найти|найти исследованием"},
    [COL_MODE] = {"mode", false, "mode|response mode|режим|настрой"},
    [COL_GENDER] = {"gender", false, "gender|sex|пол"},
};

enum {
    NAME_MAX_CHARS = 60,       /* a contact's name in the scenario format */
    TITLE_MAX_CHARS = 80,
    DEPARTMENT_MAX_CHARS = 60,
    ID_ROOM = 41,              /* an id of at most 40 characters, + NUL */
    NAME_KEY_MAX = 256,        /* a name lower-cased, for lookups */
};

/* One row of the sheet as the scenario will hold it. */
typedef struct Person {
    int row;                  /* sheet row index (0 is the header) */
    const char *name;
    const char *title;
    int department;           /* index into the departments */
    unsigned roles;
    int influence;
    ResponseMode mode;
    char gender;              /* 'f', 'm' or 0 */
    bool known, main, findable;
    int *refers;              /* indices of people */
    int refer_count;
    char key[NAME_KEY_MAX];   /* the name lower-cased, for lookups */
    char id[ID_ROOM + 4];
} Person;

typedef struct SheetDepartment {
    const char *name;
    char key[NAME_KEY_MAX];   /* the name lower-cased, for lookups */
    char id[ID_ROOM + 4];
} SheetDepartment;

typedef struct Build {
    const Sheet *sheet;
    Diagnostics *d;
    const char *lang;
    int col[COL_COUNT];       /* sheet column of each, or -1 */
    Person *people;
    int people_count;
    SheetDepartment *depts;
    int dept_count;
    bool failed;
} Build;

/* ---- words -------------------------------------------------------------- */

/* The placeholders, per language: each starts with "TODO:" (KA414). */
typedef struct Placeholders {
    const char *title, *summary, *briefing, *objective, *seller, *product;
    const char *client, *industry, *description;
    const char *need_f;        /* %s: the person's name */
    const char *idea_f;        /* %s: the department's name */
    const char *idea_description;
    const char *greeting_f;    /* %s: the person's name */
} Placeholders;

static const Placeholders WORDS_EN = {
    "TODO: the scenario's title",
    "TODO: one or two sentences for the scenario picker",
    "TODO: the situation the trainee reads before play: whom you sell for, what this client buys "
    "today, whom you know there",
    "TODO: what the trainee should achieve",
    "TODO: the trainee's company",
    "TODO: a product you sell",
    "TODO: the client's name",
    "TODO: the client's industry",
    "TODO: the company profile (and set employees, baseline, potential and growth_target)",
    "TODO: a need of %s that an idea answers",
    "TODO: an idea for %s",
    "TODO: the application, concretely: which product, and what it changes for them",
    "TODO: what %s says when you meet",
};

static const Placeholders WORDS_RU = {
    "TODO: название сценария",
    "TODO: одно-два предложения для выбора сценария",
    "TODO: обстановка, которую стажёр читает перед игрой: чью продукцию вы продаёте, что клиент "
    "покупает сейчас, кого вы там знаете",
    "TODO: чего должен добиться стажёр",
    "TODO: компания стажёра",
    "TODO: продукт, который вы продаёте",
    "TODO: название клиента",
    "TODO: отрасль клиента",
    "TODO: профиль компании (и задайте employees, baseline, potential и growth_target)",
    "TODO: потребность, на которую отвечает идея (%s)",
    "TODO: идея (%s)",
    "TODO: применение, конкретно: какой продукт и что он меняет для клиента",
    "TODO: что говорит %s при встрече",
};

/* ---- text helpers ---------------------------------------------------------- */

static void put_utf8(char *out, size_t n, size_t *at, uint32_t cp)
{
    unsigned char b[4];
    size_t k;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        k = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | cp >> 6);
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        k = 2;
    } else if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | cp >> 12);
        b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        k = 3;
    } else {
        b[0] = (unsigned char)(0xF0 | cp >> 18);
        b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        b[3] = (unsigned char)(0x80 | (cp & 0x3F));
        k = 4;
    }
    if (*at + k < n) {
        memcpy(out + *at, b, k);
        *at += k;
    }
}

static uint32_t lower_cp(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z') {
        return cp + 32;
    }
    if (cp >= 0x410 && cp <= 0x42F) { /* А..Я */
        return cp + 0x20;
    }
    if (cp >= 0x400 && cp <= 0x40F) { /* Ѐ..Џ, Ё among them */
        return cp + 0x50;
    }
    return cp;
}

/* s lower-cased (ASCII and Cyrillic), runs of spaces as one, trimmed, and
 * cut at a '(' when `brackets` (a header's explanation). */
static const char *text_key(const char *s, bool brackets, char *out, size_t n)
{
    size_t at = 0, len = strlen(s);
    bool space = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = tu_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (k <= 0) {
            break;
        }
        i += (size_t)k;
        if (brackets && cp == '(') {
            break;
        }
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
            space = at > 0;
            continue;
        }
        if (space) {
            put_utf8(out, n, &at, ' ');
            space = false;
        }
        put_utf8(out, n, &at, lower_cp(cp));
    }
    out[at] = '\0';
    return out;
}

/* Whether key is one of the '|'-separated words of list. */
static bool one_of(const char *key, const char *list)
{
    size_t n = strlen(key);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, '|');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, key, n) == 0) {
            return true;
        }
        p = end ? end + 1 : p + len;
    }
    return false;
}

/* The Latin letters of a lower-case Cyrillic letter (GOST-like, as on
 * passports: "ж" zh, "х" kh, "щ" shch), or NULL. */
static const char *translit(uint32_t cp)
{
    static const char *const RU[32] = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    };
    if (cp >= 0x430 && cp <= 0x44F) {
        return RU[cp - 0x430];
    }
    if (cp == 0x451) { /* ё */
        return "e";
    }
    return NULL;
}

const char *skeleton_id_from_name(const char *name, char *buf, size_t n)
{
    char tmp[128];
    size_t at = 0, len = strlen(name);
    bool gap = false;
    for (size_t i = 0; i < len && at + 8 < sizeof tmp;) {
        uint32_t cp;
        int k = tu_utf8_decode((const unsigned char *)name + i, len - i, &cp);
        if (k <= 0) {
            k = 1;
            cp = '_';
        }
        i += (size_t)k;
        cp = lower_cp(cp);
        const char *latin = translit(cp);
        char one[2] = {(char)cp, '\0'};
        if (!latin && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))) {
            latin = one;
        }
        if (!latin) {
            gap = at > 0;
            continue;
        }
        if (!*latin) {
            continue; /* ъ, ь */
        }
        if (gap) {
            tmp[at++] = '_';
            gap = false;
        }
        size_t m = strlen(latin);
        memcpy(tmp + at, latin, m);
        at += m;
    }
    tmp[at] = '\0';
    const char *prefix = at == 0 ? "person" : (tmp[0] >= 'a' && tmp[0] <= 'z') ? "" : "p_";
    size_t max = 40 - strlen(prefix);
    if (at > max) { /* cut at a word's end when there is one */
        size_t cut = max;
        while (cut > max / 2 && tmp[cut] != '_') {
            cut--;
        }
        tmp[tmp[cut] == '_' ? cut : max] = '\0';
    }
    snprintf(buf, n, "%s%s", prefix, tmp);
    return buf;
}

/* ---- reporting ------------------------------------------------------------ */

static const char *header_of(const Build *b, Column c)
{
    return b->col[c] >= 0 ? sheet_cell(b->sheet, 0, b->col[c]) : COLUMNS[c].key;
}

static void cell_error(Build *b, int r, Column c, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* An error about the cell of row r (sheet index) in column c. */
static void cell_error(Build *b, int r, Column c, const char *code, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diags_add(b->d, SEV_ERROR, code, b->sheet->rows[r].number, b->col[c] + 1, header_of(b, c), "%s", msg);
    b->failed = true;
}

/* ---- the header ------------------------------------------------------------ */

static void read_header(Build *b)
{
    const Sheet *s = b->sheet;
    for (int c = 0; c < COL_COUNT; c++) {
        b->col[c] = -1;
    }
    for (int i = 0; i < s->rows[0].cell_count; i++) {
        char key[NAME_KEY_MAX];
        text_key(s->rows[0].cells[i], true, key, sizeof key);
        int found = -1;
        for (int c = 0; c < COL_COUNT && found < 0; c++) {
            found = one_of(key, COLUMNS[c].headers) ? c : -1;
        }
        if (found < 0) {
            if (key[0] != '\0') {
                diags_add(b->d, SEV_WARNING, "KA607", s->rows[0].number, i + 1, s->rows[0].cells[i],
                          "this column is not used; the columns are name, title, department, roles, "
                          "influence, knows, known, main, findable, mode, gender (docs/authoring.md)");
            }
            continue;
        }
        if (b->col[found] >= 0) {
            char first[16];
            diags_add(b->d, SEV_ERROR, "KA602", s->rows[0].number, i + 1, s->rows[0].cells[i],
                      "a second '%s' column (the first is column %s); keep one", COLUMNS[found].key,
                      sheet_column_letters(b->col[found] + 1, first, sizeof first));
            b->failed = true;
            continue;
        }
        b->col[found] = i;
    }
    for (int c = 0; c < COL_COUNT; c++) {
        if (COLUMNS[c].required && b->col[c] < 0) {
            const char *ru = strrchr(COLUMNS[c].headers, '|');
            diags_add(b->d, SEV_ERROR, "KA602", s->rows[0].number, 0, "",
                      "the header row has no '%s' column (in Russian '%s'); every person needs one",
                      COLUMNS[c].key, ru ? ru + 1 : COLUMNS[c].key);
            b->failed = true;
        }
    }
}

/* ---- cells ------------------------------------------------------------------ */

static const char *cell(const Build *b, int r, Column c)
{
    return b->col[c] >= 0 ? sheet_cell(b->sheet, r, b->col[c]) : "";
}

/* yes / no: 1 yes, 0 no (or empty), -1 neither. */
static int yes_no(const char *text)
{
    char key[32];
    text_key(text, false, key, sizeof key);
    if (one_of(key, "|no|n|false|0|нет|н|-")) {
        return 0;
    }
    return one_of(key, "yes|y|true|1|x|+|да|д|✓|✔") ? 1 : -1;
}

static bool read_flag(Build *b, int r, Column c, bool *out)
{
    int v = yes_no(cell(b, r, c));
    if (v < 0) {
        cell_error(b, r, c, "KA608", "'%s' is not yes or no (yes, no, 1, 0, x, да, нет; empty is no)",
                   cell(b, r, c));
        return false;
    }
    *out = v == 1;
    return true;
}

static void read_text(Build *b, int r, Column c, int max, const char **out)
{
    const char *t = cell(b, r, c);
    *out = t;
    if (tu_is_blank(t)) {
        cell_error(b, r, c, "KA608", "empty; every person needs a %s", COLUMNS[c].key);
    } else if (tu_utf8_length(t) > (size_t)max) {
        cell_error(b, r, c, "KA608", "%zu characters; a %s has at most %d", tu_utf8_length(t), COLUMNS[c].key, max);
    } else if (strpbrk(t, "\r\n")) {
        cell_error(b, r, c, "KA608", "a line break inside a %s; write it on one line", COLUMNS[c].key);
    }
}

static void read_influence(Build *b, int r, Person *p)
{
    const char *t = cell(b, r, COL_INFLUENCE);
    char key[32];
    text_key(t, false, key, sizeof key);
    char *end = NULL;
    long v = key[0] ? strtol(key, &end, 10) : 0;
    if (!key[0]) {
        cell_error(b, r, COL_INFLUENCE, "KA605", "empty; write how much this person weighs in the decision, 1 to 5");
    } else if (*end != '\0') {
        cell_error(b, r, COL_INFLUENCE, "KA605", "'%s' is not a number; write 1 (little) to 5 (decides)", t);
    } else if (v < 1 || v > 5) {
        cell_error(b, r, COL_INFLUENCE, "KA605", "%ld is out of range; influence is 1 (little) to 5 (decides)", v);
    } else {
        p->influence = (int)v;
    }
}

/* The roles a cell may name, beyond the format's own keys. */
static const char *const ROLE_WORDS[ROLE_KIND_COUNT] = {
    "economic buyer|economic|eb|decision maker|экономический покупатель|лпр|лицо принимающее решение|"
    "экономический",
    "technical buyer|technical|tb|технический покупатель|технический эксперт|технический",
    "user buyer|user|ub|пользователь|покупатель-пользователь",
    "coach|ally|коуч|наставник|союзник",
};

/* Splits a list cell at ',', ';' and line breaks; calls each(item) for each
 * non-empty item; stops when it returns false. */
typedef bool (*ItemFn)(Build *b, int r, Person *p, const char *item);

static bool each_item(Build *b, int r, Person *p, const char *text, ItemFn each)
{
    char item[NAME_KEY_MAX];
    for (const char *s = text; *s;) {
        size_t n = strcspn(s, ",;\r\n");
        size_t lo = 0, hi = n;
        while (lo < hi && (s[lo] == ' ' || s[lo] == '\t')) {
            lo++;
        }
        while (hi > lo && (s[hi - 1] == ' ' || s[hi - 1] == '\t')) {
            hi--;
        }
        if (hi > lo) {
            size_t len = hi - lo < sizeof item - 1 ? hi - lo : sizeof item - 1;
            memcpy(item, s + lo, len);
            item[len] = '\0';
            if (!each(b, r, p, item)) {
                return false;
            }
        }
        s += n;
        s += *s ? 1 : 0;
    }
    return true;
}

static bool add_role(Build *b, int r, Person *p, const char *item)
{
    char key[NAME_KEY_MAX];
    text_key(item, false, key, sizeof key);
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        if (strcmp(key, ROLE_KEYS[i]) == 0 || one_of(key, ROLE_WORDS[i])) {
            p->roles |= (unsigned)role_from_index(i);
            return true;
        }
    }
    TuSuggest sg;
    tu_suggest_init(&sg, key);
    for (int i = 0; i < ROLE_KIND_COUNT; i++) {
        tu_suggest_offer(&sg, ROLE_KEYS[i]);
    }
    char hint[96] = "";
    if (sg.best) {
        snprintf(hint, sizeof hint, "did you mean '%s'? ", sg.best);
    }
    cell_error(b, r, COL_ROLES, "KA604", "'%s' is not a buying role; %sthe roles are economic_buyer, technical_buyer, "
               "user_buyer and coach (or in Russian: ЛПР, технический эксперт, пользователь, коуч)", item, hint);
    return false;
}

static void read_mode(Build *b, int r, Person *p)
{
    static const char *const WORDS[MODE_COUNT] = {
        "growth|рост", "trouble|проблема|беда", "even_keel|even keel|steady|ровный|спокойный|стабильный",
        "overconfident|самоуверенный|самоуверенность",
    };
    char key[64];
    text_key(cell(b, r, COL_MODE), false, key, sizeof key);
    p->mode = MODE_EVEN_KEEL; /* an empty cell: the docs say so, and the skeleton shows it */
    if (!key[0]) {
        return;
    }
    for (int i = 0; i < MODE_COUNT; i++) {
        if (one_of(key, WORDS[i])) {
            p->mode = (ResponseMode)i;
            return;
        }
    }
    cell_error(b, r, COL_MODE, "KA608", "'%s' is not a response mode: growth, trouble, even_keel or overconfident",
               cell(b, r, COL_MODE));
}

/* Whether a word ends with suffix (UTF-8 bytes). */
static bool ends_with(const char *word, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(word + n - k, suffix, k) == 0;
}

/* A Russian patronymic tells the gender: "Сергеевна" f, "Сергеевич" m. */
static char gender_from_patronymic(const char *name)
{
    char key[NAME_KEY_MAX];
    text_key(name, false, key, sizeof key);
    for (const char *w = key; *w;) {
        size_t n = strcspn(w, " ");
        if (ends_with(w, n, "вна") || ends_with(w, n, "чна") || ends_with(w, n, "кызы")) {
            return 'f';
        }
        if (ends_with(w, n, "вич") || ends_with(w, n, "ьич") || ends_with(w, n, "оглы")) {
            return 'm';
        }
        w += n;
        w += *w ? 1 : 0;
    }
    return 0;
}

static void read_gender(Build *b, int r, Person *p)
{
    char key[32];
    text_key(cell(b, r, COL_GENDER), false, key, sizeof key);
    if (one_of(key, "f|female|woman|ж|жен|женский|женщина")) {
        p->gender = 'f';
    } else if (one_of(key, "m|male|man|м|муж|мужской|мужчина")) {
        p->gender = 'm';
    } else if (key[0]) {
        cell_error(b, r, COL_GENDER, "KA608", "'%s' is not f or m (ж or м)", cell(b, r, COL_GENDER));
        return;
    }
    if (!p->gender && strcmp(b->lang, "ru") == 0) {
        p->gender = gender_from_patronymic(p->name);
        if (!p->gender) {
            if (b->col[COL_GENDER] >= 0) {
                cell_error(b, r, COL_GENDER, "KA608", "empty; a Russian scenario needs each person's grammatical gender: "
                           "f or m (ж or м)");
            } else {
                cell_error(b, r, COL_NAME, "KA608", "a Russian scenario needs each person's grammatical gender and the "
                           "name has no patronymic to tell it; add a column 'gender' (пол) with f or m (ж or м)");
            }
        }
    }
}

/* ---- people and departments ------------------------------------------------- */

static int department_of(Build *b, int r, const char *name)
{
    char key[NAME_KEY_MAX];
    text_key(name, false, key, sizeof key);
    for (int i = 0; i < b->dept_count; i++) {
        if (strcmp(b->depts[i].key, key) == 0) {
            return i;
        }
    }
    if (b->dept_count == SCN_MAX_DEPARTMENTS) {
        cell_error(b, r, COL_DEPARTMENT, "KA608", "a %dth department; an account has at most %d",
                   SCN_MAX_DEPARTMENTS + 1, SCN_MAX_DEPARTMENTS);
        return 0;
    }
    b->depts[b->dept_count].name = name;
    memcpy(b->depts[b->dept_count].key, key, sizeof key);
    return b->dept_count++;
}

static void read_person(Build *b, int r, Person *p)
{
    memset(p, 0, sizeof *p);
    p->row = r;
    read_text(b, r, COL_NAME, NAME_MAX_CHARS, &p->name);
    text_key(p->name, false, p->key, sizeof p->key);
    read_text(b, r, COL_TITLE, TITLE_MAX_CHARS, &p->title);
    const char *dept;
    read_text(b, r, COL_DEPARTMENT, DEPARTMENT_MAX_CHARS, &dept);
    p->department = department_of(b, r, dept);
    read_influence(b, r, p);
    each_item(b, r, p, cell(b, r, COL_ROLES), add_role);
    read_flag(b, r, COL_KNOWN, &p->known);
    read_flag(b, r, COL_MAIN, &p->main);
    read_flag(b, r, COL_FINDABLE, &p->findable);
    read_mode(b, r, p);
    read_gender(b, r, p);
}

/* The person whose name is `name` (any case, spaces as one), or -1. */
static int person_named(const Build *b, const char *name)
{
    char key[NAME_KEY_MAX];
    text_key(name, false, key, sizeof key);
    for (int i = 0; i < b->people_count; i++) {
        if (strcmp(b->people[i].key, key) == 0) {
            return i;
        }
    }
    return -1;
}

static void check_duplicates(Build *b)
{
    for (int i = 1; i < b->people_count; i++) {
        const Person *p = &b->people[i];
        int first = person_named(b, p->name);
        if (first >= 0 && first < i) {
            cell_error(b, p->row, COL_NAME, "KA603", "'%s' is in the sheet twice (first in row %d); one row per person",
                       p->name, b->sheet->rows[b->people[first].row].number);
        }
    }
}

static bool add_referral(Build *b, int r, Person *p, const char *item)
{
    int who = person_named(b, item);
    if (who < 0) {
        TuSuggest sg;
        tu_suggest_init(&sg, item);
        for (int i = 0; i < b->people_count; i++) {
            tu_suggest_offer(&sg, b->people[i].name);
        }
        char hint[128] = "";
        if (sg.best) {
            snprintf(hint, sizeof hint, "; did you mean '%s'?", sg.best);
        }
        cell_error(b, r, COL_KNOWS, "KA606", "'%s' is nobody in the sheet%s", item, hint);
        return true;
    }
    if (&b->people[who] == p) {
        cell_error(b, r, COL_KNOWS, "KA606", "'%s' is this row's own person; list the colleagues they can introduce",
                   item);
        return true;
    }
    for (int k = 0; k < p->refer_count; k++) {
        if (p->refers[k] == who) {
            cell_error(b, r, COL_KNOWS, "KA606", "'%s' is listed twice", item);
            return true;
        }
    }
    if (p->refer_count >= SCN_MAX_REFERS) {
        cell_error(b, r, COL_KNOWS, "KA606", "more than %d people; a person can introduce at most %d",
                   SCN_MAX_REFERS, SCN_MAX_REFERS);
        return false;
    }
    p->refers[p->refer_count++] = who;
    return true;
}

/* Exactly one main contact, known at the start: the one marked main, else
 * the first person marked known. */
static void settle_main(Build *b)
{
    int main_at = -1, first_known = -1;
    for (int i = 0; i < b->people_count; i++) {
        Person *p = &b->people[i];
        if (p->known && first_known < 0) {
            first_known = i;
        }
        if (!p->main) {
            continue;
        }
        if (main_at >= 0) {
            cell_error(b, p->row, COL_MAIN, "KA608", "a second main contact (the first is '%s', row %d); mark only one",
                       b->people[main_at].name, b->sheet->rows[b->people[main_at].row].number);
            continue;
        }
        main_at = i;
        p->known = true;
    }
    if (main_at < 0 && first_known >= 0) {
        b->people[first_known].main = true;
        return;
    }
    if (main_at < 0) {
        diags_add(b->d, SEV_ERROR, "KA608", b->sheet->rows[0].number, 0, "",
                  "no one is known at the start: mark the person the trainee already knows with yes in a "
                  "'main' (основной) or 'known' (известен) column");
        b->failed = true;
    }
}

/* Unique ids: the second "Anna Berg"-like id gets _2, and so on. */
static void make_ids(Build *b)
{
    for (int i = 0; i < b->people_count; i++) {
        Person *p = &b->people[i];
        char base[ID_ROOM];
        skeleton_id_from_name(p->name, base, sizeof base);
        snprintf(p->id, sizeof p->id, "%s", base);
        for (int n = 2, j = 0; j < i; j++) {
            if (strcmp(b->people[j].id, p->id) == 0) {
                snprintf(p->id, sizeof p->id, "%s_%d", base, n++);
                j = -1;
            }
        }
    }
    for (int i = 0; i < b->dept_count; i++) {
        SheetDepartment *dp = &b->depts[i];
        char base[ID_ROOM];
        skeleton_id_from_name(dp->name, base, sizeof base);
        if (strcmp(base, "person") == 0) {
            snprintf(base, sizeof base, "department");
        }
        snprintf(dp->id, sizeof dp->id, "%s", base);
        for (int n = 2, j = 0; j < i; j++) {
            if (strcmp(b->depts[j].id, dp->id) == 0) {
                snprintf(dp->id, sizeof dp->id, "%s_%d", base, n++);
                j = -1;
            }
        }
    }
}

/* ---- the scenario ------------------------------------------------------------ */

static cJSON *add_text(cJSON *obj, const char *key, const char *text)
{
    return cJSON_AddStringToObject(obj, key, text);
}

/* The placeholder tmpl with its "%s" replaced by arg (the templates are
 * data, so not a printf format). */
static bool add_formatted(cJSON *obj, const char *key, const char *tmpl, const char *arg)
{
    char buf[512];
    const char *at = strstr(tmpl, "%s");
    size_t head = at ? (size_t)(at - tmpl) : strlen(tmpl);
    snprintf(buf, sizeof buf, "%.*s%s%s", (int)head, tmpl, at ? arg : "", at ? at + 2 : "");
    return add_text(obj, key, buf) != NULL;
}

static bool build_contact(const Build *b, const Placeholders *w, const Person *p, cJSON *list)
{
    cJSON *c = cJSON_CreateObject();
    if (!c || !cJSON_AddItemToArray(list, c)) {
        cJSON_Delete(c);
        return false;
    }
    char need[ID_ROOM + 16];
    snprintf(need, sizeof need, "%s_need", p->id);
    bool ok = add_text(c, "id", p->id) && add_text(c, "name", p->name) && add_text(c, "title", p->title)
              && add_text(c, "department", b->depts[p->department].id);
    cJSON *roles = ok ? cJSON_AddArrayToObject(c, "roles") : NULL;
    ok = roles != NULL;
    for (int i = 0; ok && i < ROLE_KIND_COUNT; i++) {
        if (p->roles & (unsigned)role_from_index(i)) {
            ok = cJSON_AddItemToArray(roles, cJSON_CreateString(ROLE_KEYS[i]));
        }
    }
    ok = ok && cJSON_AddNumberToObject(c, "influence", p->influence) && add_text(c, "mode", MODE_KEYS[p->mode]);
    if (ok && p->gender) {
        ok = add_text(c, "gender", p->gender == 'f' ? "f" : "m") != NULL;
    }
    if (ok && p->known) {
        ok = cJSON_AddTrueToObject(c, "known") != NULL;
    }
    if (ok && p->main) {
        ok = cJSON_AddTrueToObject(c, "main") != NULL;
    }
    if (ok && p->findable) {
        ok = cJSON_AddTrueToObject(c, "findable") != NULL;
    }
    cJSON *needs = ok ? cJSON_AddArrayToObject(c, "needs") : NULL;
    ok = needs && cJSON_AddItemToArray(needs, cJSON_CreateString(need));
    cJSON *refers = ok ? cJSON_AddArrayToObject(c, "refers") : NULL;
    ok = refers != NULL;
    for (int k = 0; ok && k < p->refer_count; k++) {
        ok = cJSON_AddItemToArray(refers, cJSON_CreateString(b->people[p->refers[k]].id));
    }
    cJSON *lines = ok ? cJSON_AddObjectToObject(c, "lines") : NULL;
    return lines && add_formatted(lines, "greeting", w->greeting_f, p->name);
}

static bool build_idea(const Build *b, const Placeholders *w, int d, cJSON *list)
{
    cJSON *idea = cJSON_CreateObject();
    if (!idea || !cJSON_AddItemToArray(list, idea)) {
        cJSON_Delete(idea);
        return false;
    }
    char id[ID_ROOM + 16];
    snprintf(id, sizeof id, "idea_%s", b->depts[d].id);
    bool ok = add_text(idea, "id", id) && add_formatted(idea, "title", w->idea_f, b->depts[d].name)
              && add_text(idea, "description", w->idea_description) && add_text(idea, "product", "product");
    cJSON *needs = ok ? cJSON_AddArrayToObject(idea, "needs") : NULL;
    ok = needs != NULL;
    int count = 0;
    for (int i = 0; ok && i < b->people_count && count < SCN_MAX_IDEA_NEEDS; i++) {
        if (b->people[i].department == d) {
            char need[ID_ROOM + 16];
            snprintf(need, sizeof need, "%s_need", b->people[i].id);
            ok = cJSON_AddItemToArray(needs, cJSON_CreateString(need));
            count++;
        }
    }
    return ok && cJSON_AddNumberToObject(idea, "value", 10000) && add_text(idea, "level", "product");
}

static bool build_account(const Build *b, const Placeholders *w, cJSON *accounts)
{
    cJSON *a = cJSON_CreateObject();
    if (!a || !cJSON_AddItemToArray(accounts, a)) {
        cJSON_Delete(a);
        return false;
    }
    bool ok = add_text(a, "id", "client") && add_text(a, "name", w->client) && add_text(a, "industry", w->industry)
              && cJSON_AddNumberToObject(a, "employees", 1000) && add_text(a, "description", w->description)
              && cJSON_AddNumberToObject(a, "baseline", 100000) && cJSON_AddNumberToObject(a, "potential", 500000)
              && cJSON_AddNumberToObject(a, "growth_target", 100000);
    cJSON *depts = ok ? cJSON_AddArrayToObject(a, "departments") : NULL;
    ok = depts != NULL;
    for (int i = 0; ok && i < b->dept_count; i++) {
        cJSON *dp = cJSON_CreateObject();
        ok = dp && cJSON_AddItemToArray(depts, dp) && add_text(dp, "id", b->depts[i].id)
             && add_text(dp, "name", b->depts[i].name);
    }
    cJSON *needs = ok ? cJSON_AddArrayToObject(a, "needs") : NULL;
    ok = needs != NULL;
    for (int i = 0; ok && i < b->people_count; i++) {
        cJSON *n = cJSON_CreateObject();
        char id[ID_ROOM + 16];
        snprintf(id, sizeof id, "%s_need", b->people[i].id);
        ok = n && cJSON_AddItemToArray(needs, n) && add_text(n, "id", id)
             && add_formatted(n, "text", w->need_f, b->people[i].name);
    }
    cJSON *contacts = ok ? cJSON_AddArrayToObject(a, "contacts") : NULL;
    ok = contacts != NULL;
    for (int i = 0; ok && i < b->people_count; i++) {
        ok = build_contact(b, w, &b->people[i], contacts);
    }
    cJSON *ideas = ok ? cJSON_AddArrayToObject(a, "ideas") : NULL;
    ok = ideas != NULL;
    for (int i = 0; ok && i < b->dept_count; i++) {
        ok = build_idea(b, w, i, ideas);
    }
    return ok;
}

/* cJSON indents with tabs and puts one after each ':'; the shipped files
 * use two spaces and one space. Every raw tab is layout (tabs in text are
 * written \t), so the change is safe. */
static char *two_space_indent(char *text)
{
    size_t tabs = 0, len = strlen(text);
    for (size_t i = 0; i < len; i++) {
        tabs += text[i] == '\t';
    }
    char *out = malloc(len + tabs + 2);
    if (!out) {
        return NULL;
    }
    size_t at = 0;
    bool line_start = true;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\t') {
            if (line_start) {
                out[at++] = ' ';
            }
            out[at++] = ' ';
            continue;
        }
        line_start = c == '\n';
        out[at++] = c;
    }
    out[at++] = '\n';
    out[at] = '\0';
    return out;
}

static char *build_scenario(const Build *b, const char *id)
{
    const Placeholders *w = strcmp(b->lang, "ru") == 0 ? &WORDS_RU : &WORDS_EN;
    cJSON *root = cJSON_CreateObject();
    bool ok = root && cJSON_AddNumberToObject(root, "format_version", 1) && add_text(root, "id", id)
              && add_text(root, "title", w->title) && add_text(root, "language", b->lang)
              && add_text(root, "summary", w->summary) && add_text(root, "briefing", w->briefing);
    cJSON *objectives = ok ? cJSON_AddArrayToObject(root, "objectives") : NULL;
    ok = objectives && cJSON_AddItemToArray(objectives, cJSON_CreateString(w->objective))
         && add_text(root, "seller", w->seller);
    cJSON *products = ok ? cJSON_AddArrayToObject(root, "products") : NULL;
    cJSON *product = products ? cJSON_CreateObject() : NULL;
    ok = product && cJSON_AddItemToArray(products, product) && add_text(product, "id", "product")
         && add_text(product, "name", w->product);
    cJSON *accounts = ok ? cJSON_AddArrayToObject(root, "accounts") : NULL;
    ok = accounts && build_account(b, w, accounts);
    char *raw = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    char *text = raw ? two_space_indent(raw) : NULL;
    cJSON_free(raw);
    return text;
}

/* Reads every person, then the referrals (which name people of any row),
 * then settles the main contact: every problem is reported. */
static void read_people(Build *b, int n, int *refers)
{
    for (int r = 1; r <= n; r++) {
        Person *p = &b->people[b->people_count++];
        read_person(b, r, p);
        p->refers = refers + (size_t)(r - 1) * SCN_MAX_REFERS;
    }
    check_duplicates(b);
    for (int i = 0; i < b->people_count; i++) {
        each_item(b, b->people[i].row, &b->people[i], cell(b, b->people[i].row, COL_KNOWS), add_referral);
    }
    settle_main(b);
}

static char *build_from(Build *b, const char *id, SkeletonCounts *counts)
{
    const Sheet *sheet = b->sheet;
    int n = sheet->row_count - 1;
    read_header(b);
    if (b->failed) {
        return NULL;
    }
    if (n == 0 || n > SCN_MAX_NEEDS) {
        diags_add(b->d, SEV_ERROR, "KA608", sheet->rows[n == 0 ? 0 : SCN_MAX_NEEDS + 1].number, 0, "",
                  n == 0 ? "the sheet has a header row but no people; add one row per person"
                         : "more than 1024 people; an account holds at most 1024 (one need each)");
        return NULL;
    }
    b->people = calloc((size_t)n, sizeof *b->people);
    b->depts = calloc((size_t)n, sizeof *b->depts);
    int *refers = calloc((size_t)n * SCN_MAX_REFERS, sizeof *refers);
    char *text = NULL;
    if (!b->people || !b->depts || !refers) {
        diags_add(b->d, SEV_ERROR, "KA601", 0, 0, "", "out of memory while reading the sheet");
    } else {
        read_people(b, n, refers);
    }
    if (refers && !b->failed) {
        make_ids(b);
        text = build_scenario(b, id);
        if (!text) {
            diags_add(b->d, SEV_ERROR, "KA601", 0, 0, "", "out of memory while writing the scenario");
        }
    }
    if (text && counts) {
        counts->people = b->people_count;
        counts->departments = b->dept_count;
        counts->referrals = 0;
        for (int i = 0; i < b->people_count; i++) {
            counts->referrals += b->people[i].refer_count;
        }
    }
    free(refers);
    return text;
}

char *skeleton_from_sheet(const char *csv, size_t len, const char *lang, const char *id,
                          SkeletonCounts *counts, Diagnostics *d)
{
    Sheet sheet;
    if (sheet_parse(csv, len, &sheet, d) != 0) {
        return NULL;
    }
    Build b;
    memset(&b, 0, sizeof b);
    b.sheet = &sheet;
    b.d = d;
    b.lang = lang;
    char *text = build_from(&b, id, counts);
    free(b.people);
    free(b.depts);
    sheet_deinit(&sheet);
    diags_sort(d);
    return text;
}
