/* Printing what the host layer says (say.h). */
#include "say.h"

void say_msgs(FILE *f, Msgs *m)
{
    fputs(msgs_text(m), f);
    if (m->oom) {
        fputs("keyaccounts: out of memory: some messages were lost\n", f);
    }
    msgs_deinit(m);
    msgs_init(m);
}

HostScenario *say_open(const char *arg, FILE *f)
{
    Msgs m;
    msgs_init(&m);
    HostScenario *hs = host_open(arg, &m);
    say_msgs(f, &m);
    msgs_deinit(&m);
    return hs;
}
