/* The trainee's remembered name (trainee.h). */
#include "trainee.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"

enum { TRAINEE_MAX_BYTES = 4096 };

bool trainee_load(char *buf, size_t n)
{
    char dir[4096], path[4200], why[256];
    if (n == 0 || !plat_data_dir(dir, sizeof dir)) {
        return false;
    }
    snprintf(path, sizeof path, "%s/trainee.txt", dir);
    size_t len;
    char *text = plat_read_file(path, TRAINEE_MAX_BYTES, &len, why, sizeof why);
    if (!text) {
        return false;
    }
    size_t k = 0;
    while (k < len && text[k] != '\n' && text[k] != '\r' && text[k] != '\0') {
        k++;
    }
    if (k >= n) {
        k = n - 1;
    }
    memcpy(buf, text, k);
    buf[k] = '\0';
    free(text);
    return true;
}

int trainee_save(const char *name, char *err, size_t errlen)
{
    char dir[4096], path[4200], line[1100];
    if (!plat_data_subdir(NULL, dir, sizeof dir, err, errlen)) {
        return -1;
    }
    snprintf(path, sizeof path, "%s/trainee.txt", dir);
    int w = snprintf(line, sizeof line, "%s\n", name);
    if (w < 0 || (size_t)w >= sizeof line) {
        snprintf(err, errlen, "the name is too long");
        return -1;
    }
    return plat_write_atomic(path, line, (size_t)w, err, errlen);
}
