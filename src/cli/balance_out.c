#include "balance_out.h"

#include <string.h>

static const char *const RULE_KEYS[] = {"constrained", "constrained_optimum", "too_easy", "too_hard"};

/* "expander under never_propose", "optimum", "optimum under one_action". */
static void strategy_name(char *out, size_t size, const StrategyStats *st)
{
    if (st->optimised) {
        snprintf(out, size, st->constraint == CONSTRAINT_NONE ? "optimum" : "optimum under %s",
                 constraint_key(st->constraint));
    } else if (st->constraint != CONSTRAINT_NONE) {
        snprintf(out, size, "%s under %s", bot_key(st->bot), constraint_key(st->constraint));
    } else {
        snprintf(out, size, "%s", bot_key(st->bot));
    }
}

static void row(FILE *o, const StrategyStats *st)
{
    char name[64];
    strategy_name(name, sizeof name, st);
    int permille = (int)((int64_t)st->passes * 1000 / st->runs);
    fprintf(o, "%-30s %5d  %3d.%d  %6d  %3d  %3d  %5d.%d%%", name, st->runs, st->mean_x10 / 10, st->mean_x10 % 10,
            st->median, st->p10, st->p90, permille / 10, permille % 10);
    for (int i = 0; i < SUB_COUNT; i++) {
        fprintf(o, " %4d", st->sub_median[i]);
    }
    fputc('\n', o);
}

void balance_print_table(FILE *o, const Balance *b, const bool shown[BOT_COUNT])
{
    fprintf(o, "%-30s %5s  %5s  %6s  %3s  %3s  %7s", "strategy", "runs", "mean", "median", "p10", "p90",
            "passes");
    for (int i = 0; i < SUB_COUNT; i++) {
        fprintf(o, " %4.3s", subscore_key((SubScore)i)); /* rev pen cov ... */
    }
    fputc('\n', o);
    for (int k = 0; k < BOT_COUNT; k++) {
        if (shown[k] && b->bots[k].runs > 0) {
            row(o, &b->bots[k]);
        }
    }
    for (int k = CONSTRAINT_NONE + 1; k < CONSTRAINT_COUNT; k++) {
        if (b->constrained[k].runs > 0) {
            row(o, &b->constrained[k]);
        }
    }
    for (int k = 0; k < CONSTRAINT_COUNT; k++) {
        if (b->optimum[k].runs > 0) {
            row(o, &b->optimum[k]);
        }
    }
    fprintf(o, "(sub-score columns: the median of each sub-score)\n");
}

cJSON *balance_strategy_json(const StrategyStats *st)
{
    char name[64];
    strategy_name(name, sizeof name, st);
    cJSON *j = cJSON_CreateObject();
    cJSON *subs = j ? cJSON_AddObjectToObject(j, "subscores") : NULL;
    bool ok = subs && cJSON_AddStringToObject(j, "name", name)
              && cJSON_AddStringToObject(j, "strategy", bot_key(st->bot))
              && cJSON_AddStringToObject(j, "constraint", constraint_key(st->constraint))
              && cJSON_AddBoolToObject(j, "optimised", st->optimised)
              && cJSON_AddNumberToObject(j, "runs", st->runs)
              && cJSON_AddNumberToObject(j, "mean", st->mean_x10 / 10.0)
              && cJSON_AddNumberToObject(j, "median", st->median) && cJSON_AddNumberToObject(j, "p10", st->p10)
              && cJSON_AddNumberToObject(j, "p90", st->p90)
              && cJSON_AddNumberToObject(j, "passes", st->passes)
              && cJSON_AddNumberToObject(j, "pass_rate", st->runs ? (double)st->passes / st->runs : 0.0);
    for (int i = 0; ok && i < SUB_COUNT; i++) {
        ok = cJSON_AddNumberToObject(subs, subscore_key((SubScore)i), st->sub_median[i]) != NULL;
    }
    if (!ok) {
        cJSON_Delete(j);
        return NULL;
    }
    return j;
}

static bool add_list(cJSON *obj, const char *key, const StrategyStats *list, int n, const bool *shown)
{
    cJSON *arr = cJSON_AddArrayToObject(obj, key);
    if (!arr) {
        return false;
    }
    for (int k = 0; k < n; k++) {
        if (list[k].runs <= 0 || (shown && !shown[k])) {
            continue;
        }
        cJSON *item = balance_strategy_json(&list[k]);
        if (!item || !cJSON_AddItemToArray(arr, item)) {
            cJSON_Delete(item);
            return false;
        }
    }
    return true;
}

bool balance_add_strategies(cJSON *obj, const Balance *b, const bool shown[BOT_COUNT])
{
    return add_list(obj, "strategies", b->bots, BOT_COUNT, shown)
           && add_list(obj, "constrained", b->constrained, CONSTRAINT_COUNT, NULL)
           && add_list(obj, "optimum", b->optimum, CONSTRAINT_COUNT, NULL);
}

void balance_verdict_words(Lang lang, const Scenario *s, const BalanceVerdict *v, VerdictWords *out)
{
    text_verdict_reason(lang, s, v, out->reason, sizeof out->reason);
    for (int i = 0; i < v->line_count && i < VERDICT_MAX_LINES; i++) {
        text_verdict_line(lang, s, &v->lines[i], out->lines[i], sizeof out->lines[i]);
    }
}

cJSON *balance_verdict_json(const BalanceVerdict *v, const VerdictWords *w)
{
    cJSON *j = cJSON_CreateObject();
    cJSON *lines = j ? cJSON_AddArrayToObject(j, "lines") : NULL;
    bool ok = lines && cJSON_AddBoolToObject(j, "passed", v->passed)
              && cJSON_AddStringToObject(j, "reason", w->reason)
              && cJSON_AddNumberToObject(j, "expander_median", v->expander_median)
              && (v->optimum_median >= 0 ? cJSON_AddNumberToObject(j, "optimum_median", v->optimum_median)
                                         : cJSON_AddNullToObject(j, "optimum_median"))
              && (v->optimum_pct >= 0 ? cJSON_AddNumberToObject(j, "expander_of_optimum_pct", v->optimum_pct)
                                      : cJSON_AddNullToObject(j, "expander_of_optimum_pct"));
    for (int i = 0; ok && i < v->line_count; i++) {
        const VerdictLine *l = &v->lines[i];
        cJSON *item = cJSON_CreateObject();
        if (!item || !cJSON_AddItemToArray(lines, item)) {
            cJSON_Delete(item);
            ok = false;
            break;
        }
        ok = cJSON_AddStringToObject(item, "rule", RULE_KEYS[l->rule])
             && cJSON_AddBoolToObject(item, "failed", l->failed)
             && cJSON_AddStringToObject(item, "strategy", bot_key(l->bot))
             && cJSON_AddStringToObject(item, "constraint", constraint_key(l->constraint))
             && cJSON_AddNumberToObject(item, "passes", l->passes) && cJSON_AddNumberToObject(item, "runs", l->runs)
             && cJSON_AddNumberToObject(item, "median", l->median)
             && cJSON_AddNumberToObject(item, "limit_pct", l->limit_pct)
             && (l->holds_back >= 0
                     ? cJSON_AddStringToObject(item, "holds_back", subscore_key((SubScore)l->holds_back)) != NULL
                     : cJSON_AddNullToObject(item, "holds_back") != NULL)
             && cJSON_AddStringToObject(item, "text", w->lines[i]);
    }
    if (!ok) {
        cJSON_Delete(j);
        return NULL;
    }
    return j;
}
