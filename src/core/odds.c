/* Odds as the trainee can judge them: see keyaccounts/odds.h. */
#include "keyaccounts/odds.h"

#include "sim_internal.h"

OddsKind odds_kind(int percent)
{
    if (percent < 20) {
        return ODDS_LONG_SHOT;
    }
    if (percent < 40) {
        return ODDS_UNLIKELY;
    }
    if (percent < 60) {
        return ODDS_EVEN;
    }
    if (percent < 80) {
        return ODDS_LIKELY;
    }
    return ODDS_VERY_LIKELY;
}

/* Whether the trainee has found a need of this contact that the idea answers. */
static bool known_fit(const Sim *sim, int a, int c, int i)
{
    const Idea *idea = &sim_scenario(sim)->accounts[a].ideas[i];
    for (int k = 0; k < idea->need_count; k++) {
        if (sim_contact_has_need(sim, a, c, idea->needs[k]) && sim_need_known(sim, a, c, idea->needs[k])) {
            return true;
        }
    }
    return false;
}

PitchOutlook odds_pitch(const Sim *sim, int a, int c, int i)
{
    PitchOutlook o = {0};
    int rel = sim_relationship(sim, a, c);
    o.fit_known = known_fit(sim, a, c, i);
    if (o.fit_known) {
        o.low = o.high = pitch_chance(true, true, rel, 0);
    } else {
        o.low = pitch_chance(false, false, rel, 0);
        o.high = pitch_chance(true, false, rel, 0);
    }
    o.low_kind = odds_kind(o.low);
    o.high_kind = odds_kind(o.high);
    return o;
}

int odds_no_fit_ceiling(const Contact *c, int weeks, int *rel_out)
{
    int rel = c->relationship;
    for (int w = 0; w < weeks; w++) {
        int gain = meet_gain(c->mode, rel);
        rel = rel + (gain < 1 ? 1 : gain) > 100 ? 100 : rel + (gain < 1 ? 1 : gain);
    }
    if (rel_out) {
        *rel_out = rel;
    }
    return pitch_chance(false, false, rel, pitch_mode_bonus(c->mode, false));
}

ReferralOutlook odds_referral(const Sim *sim, int a, int c)
{
    ReferralOutlook o;
    o.percent = sim_referral_odds(sim, a, c);
    o.kind = odds_kind(o.percent);
    o.too_early = sim_relationship(sim, a, c) < sim_scenario(sim)->rules.referral_at;
    return o;
}
