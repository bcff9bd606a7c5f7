/* Printing what the host layer says (say.h). */
#include "say.h"

void say(FILE *f, Msgs *m)
{
    fputs(msgs_text(m), f);
    if (m->oom) {
        fputs("keyaccounts: out of memory: some messages were lost\n", f);
    }
    msgs_deinit(m);
    msgs_init(m);
}
