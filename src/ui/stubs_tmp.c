#include "app.h"
void screen_board_push(App *app) { (void)app; }
void screen_week_push(App *app, size_t a, size_t b) { (void)app; (void)a; (void)b; }
void screen_debrief_push(App *app) { (void)app; }
void screen_settings_push(App *app) { (void)app; }
void screen_ideas_push(App *app, int c) { (void)app; (void)c; }
