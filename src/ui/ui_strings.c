/* The window's string table, English and Russian. Sentences about the game
 * itself (journal, refusals, coaching, sub-scores, roles) are in text.h. */
#include "ui_strings.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

static const char *const STR[S_COUNT][LANG_COUNT] = {
    [S_APP_TITLE] = {"Key Accounts", "Key Accounts — ключевые клиенты"},
    [S_PICKER_TITLE] = {"Choose a scenario", "Выберите сценарий"},
    [S_PICKER_SUB] = {"Each scenario is a client company to grow. Start with the tutorial if you are new.",
                      "Каждый сценарий — компания-клиент, которую нужно развить. Новичкам — начать с обучения."},
    [S_SHIPPED] = {"shipped", "встроенный"},
    [S_USER_FOLDER] = {"your folder", "ваша папка"},
    [S_WEEKS] = {"weeks", "нед."},
    [S_DIFFICULTY] = {"Difficulty", "Сложность"},
    [S_LANGUAGE] = {"Language", "Язык"},
    [S_ACCOUNTS] = {"Accounts", "Клиенты"},
    [S_PLAY] = {"Play", "Играть"},
    [S_OPEN_FILE] = {"Open a file…", "Открыть файл…"},
    [S_OPEN_FILE_HINT] = {"Type or paste the path of a scenario .json file, then press Enter.",
                          "Введите или вставьте путь к файлу сценария .json и нажмите Enter."},
    [S_OPEN] = {"Open", "Открыть"},
    [S_SETTINGS] = {"Settings", "Настройки"},
    [S_QUIT] = {"Quit", "Выход"},
    [S_CANNOT_OPEN] = {"This saved session does not match its scenario any more.",
                       "Сохранённая сессия больше не совпадает со своим сценарием."},
    [S_NO_SCENARIOS] = {"No scenarios found. Open a file by its path.",
                        "Сценарии не найдены. Откройте файл по пути."},
    [S_BRIEFING] = {"Briefing", "Вводная"},
    [S_OBJECTIVES] = {"Objectives", "Цели"},
    [S_SCORE_REWARDS] = {"What the score rewards", "За что начисляются очки"},
    [S_CONTROLS] = {"Controls", "Управление"},
    [S_CONTROLS_TEXT] = {"Click a person, or move with Tab and the arrow keys and press Enter. The number keys 1–8 "
                         "run the actions shown in the side panel. I opens the ideas, E ends the week, "
                         "Esc goes back. Every shortcut is written on its button.",
                         "Щёлкните по человеку или перемещайтесь клавишей Tab и стрелками, Enter — выбрать. "
                         "Цифры 1–8 запускают действия в боковой панели. I — идеи, E — завершить неделю, "
                         "Esc — назад. Каждая клавиша подписана на своей кнопке."},
    [S_START] = {"Start week 1", "Начать первую неделю"},
    [S_BACK] = {"Back", "Назад"},
    [S_WEEK_N_OF_M] = {"Week %d of %d", "Неделя %d из %d"},
    [S_HOURS_LEFT] = {"hours left", "ч осталось"},
    [S_SCORE] = {"Score", "Счёт"},
    [S_PASS_MARK] = {"pass mark %d", "проходной %d"},
    [S_IDEAS] = {"Ideas", "Идеи"},
    [S_END_WEEK] = {"End week", "Конец недели"},
    [S_MENU] = {"Menu", "Меню"},
    [S_HEARD_OF] = {"heard of: call to meet", "известно имя: позвоните"},
    [S_UNKNOWN_PERSON] = {"?", "?"},
    [S_ODDS] = {"Odds:", "Шансы:"},
    [S_MAIN_CONTACT] = {"main contact", "основной контакт"},
    [S_NEEDS_KNOWN] = {"Needs you know", "Известные потребности"},
    [S_NO_NEEDS_KNOWN] = {"No needs known yet: meet them to find out.",
                          "Потребности пока неизвестны: встретьтесь, чтобы узнать."},
    [S_SELECT_PERSON] = {"Select a person on the map to see what you know and what you can do.",
                         "Выберите человека на карте, чтобы увидеть, что о нём известно и что можно сделать."},
    [S_ACCOUNT_ACTIONS] = {"The account", "Клиент"},
    [S_PERSON_ACTIONS] = {"Actions", "Действия"},
    [S_HOURS_SHORT] = {"%d h", "%d ч"},
    [S_RELATIONSHIP] = {"Relationship", "Отношения"},
    [S_INFLUENCE] = {"Influence", "Влияние"},
    [S_MODE] = {"Mood", "Настрой"},
    [S_CAN_INTRODUCE] = {"can introduce %d more", "может познакомить ещё с %d"},
    [S_THIS_WEEK] = {"This week", "На этой неделе"},
    [S_NOTHING_YET] = {"Nothing has happened yet this week.", "На этой неделе пока ничего не произошло."},
    [S_CONFIRM_END_TITLE] = {"End the week with hours left?", "Завершить неделю, не потратив все часы?"},
    [S_CONFIRM_END_BODY] = {"You still have %d %s this week. Unspent hours are lost.",
                            "У вас ещё %d %s на этой неделе. Неизрасходованные часы сгорают."},
    [S_CONFIRM_QUIT_TITLE] = {"Leave this game?", "Выйти из игры?"},
    [S_CONFIRM_QUIT_BODY] = {"The session is saved at the last end of week; you can resume it from there "
                             "next time. Actions taken this week are lost.",
                             "Сессия сохранена на конец прошлой недели, в следующий раз её можно продолжить. "
                             "Действия этой недели будут потеряны."},
    [S_YES_END] = {"End the week", "Завершить неделю"},
    [S_YES_QUIT] = {"Leave the game", "Выйти из игры"},
    [S_CANCEL] = {"Keep playing", "Продолжить игру"},
    [S_WEEK_DONE] = {"End of week %d", "Итоги недели %d"},
    [S_WEEK_EVENTS] = {"What happened", "Что произошло"},
    [S_WEEK_SCORE_CHANGES] = {"Why the score moved", "Почему изменился счёт"},
    [S_REVENUE_RUN_RATE] = {"Yearly revenue now", "Годовая выручка сейчас"},
    [S_REVENUE_BOOKED] = {"Booked so far", "Начислено всего"},
    [S_CONTINUE] = {"Next week", "Следующая неделя"},
    [S_TO_DEBRIEF] = {"See the debrief", "К разбору"},
    [S_DEBRIEF] = {"Debrief", "Разбор"},
    [S_PASSED] = {"PASSED", "ЗАЧЁТ"},
    [S_FAILED] = {"NOT PASSED", "НЕЗАЧЁТ"},
    [S_TAB_SUMMARY] = {"Summary", "Итог"},
    [S_TAB_TIMELINE] = {"Timeline", "По неделям"},
    [S_TAB_STRATEGIES] = {"What was possible", "Что было возможно"},
    [S_SUBSCORES] = {"Sub-scores", "Составляющие счёта"},
    [S_COACHING] = {"Coaching notes", "Советы тренера"},
    [S_TIMELINE] = {"Week by week", "По неделям"},
    [S_REFERRAL_MAP] = {"Who introduced whom", "Кто кого представил"},
    [S_NO_REFERRALS] = {"Nobody introduced you to anyone.", "Вас ни с кем не познакомили."},
    [S_STRATEGIES] = {"The reference strategies on this scenario",
                      "Эталонные стратегии на этом сценарии"},
    [S_STRATEGIES_SUB] = {"Each played %d times with different seeds. The bar spans the middle 80%% of scores; "
                          "the mark is the median.",
                          "Каждая сыграна %d раз с разными зёрнами. Полоса — средние 80%% результатов, "
                          "отметка — медиана."},
    [S_MEDIAN] = {"median", "медиана"},
    [S_PASS_RATE] = {"pass", "зачёт"},
    [S_YOU] = {"You", "Вы"},
    [S_PLAY_AGAIN] = {"Play again", "Сыграть снова"},
    [S_NEW_SEED] = {"New seed", "Новый вариант"},
    [S_TO_PICKER] = {"Scenarios", "Сценарии"},
    [S_SETTINGS_TITLE] = {"Settings", "Настройки"},
    [S_UI_SCALE] = {"Interface scale", "Масштаб интерфейса"},
    [S_FULLSCREEN] = {"Full screen", "Полный экран"},
    [S_HIGH_CONTRAST] = {"High contrast", "Высокая контрастность"},
    [S_ON] = {"on", "вкл."},
    [S_OFF] = {"off", "выкл."},
    [S_LANG_SYSTEM] = {"as the system", "как в системе"},
    [S_SETTINGS_SAVED] = {"Settings are saved as you change them.", "Настройки сохраняются сразу."},
    [S_PITCH_TITLE] = {"Pitch an idea", "Предложить идею"},
    [S_PITCH_TO] = {"Pitch to %s", "Предложить: %s"},
    [S_CHOOSE_IDEA] = {"Choose the idea to pitch. Ideas that answer a need you know are marked.",
                       "Выберите идею. Идеи, отвечающие известной вам потребности, отмечены."},
    [S_CHOOSE_PERSON] = {"Choose the person to pitch “%s” to.", "Кому предложить «%s»?"},
    [S_PRODUCT] = {"Product", "Продукт"},
    [S_VALUE] = {"%s a year", "%s в год"},
    [S_LEVEL] = {"Level", "Уровень"},
    [S_ANSWERS] = {"Answers", "Отвечает на"},
    [S_APPROVALS] = {"Needs approval", "Согласование"},
    [S_ANY_SPONSOR] = {"any sponsor", "любой сторонник"},
    [S_SPONSORS] = {"Sponsors", "Поддерживают"},
    [S_ADOPTED] = {"adopted", "внедрена"},
    [S_FITS_KNOWN_NEED] = {"fits a need you know", "отвечает известной потребности"},
    [S_PITCH_ACTION] = {"Pitch…", "Предложить…"},
    [S_PROPOSE_ACTION] = {"Propose", "Оформить"},
    [S_REACTION] = {"Reaction", "Реакция"},
    [S_EFFECT] = {"Effect", "Результат"},
    [S_RESUME_TITLE] = {"Resume your game?", "Продолжить игру?"},
    [S_SETTINGS_DAMAGED] = {"The settings file was damaged; it was kept as %s and the defaults are used.",
                            "Файл настроек повреждён; он сохранён как %s, действуют настройки по умолчанию."},
    [S_SAVE_DAMAGED] = {"The saved game was damaged and could not be resumed; it was kept as %s.",
                        "Сохранённая игра повреждена и не может быть продолжена; файл сохранён как %s."},
    [S_RESUME_BODY] = {"An unfinished session of “%s” was saved at week %d with a score of %d.",
                       "Незаконченная сессия «%s» сохранена на неделе %d, счёт %d."},
    [S_RESUME] = {"Resume", "Продолжить"},
    [S_DISCARD] = {"Discard it", "Удалить"},
    [S_SCORE_TOTAL] = {"Score", "Счёт"},
    [S_ENGAGED_CONTACTS] = {"Engaged people", "Вовлечённые люди"},
    [S_REVENUE] = {"Yearly revenue", "Годовая выручка"},
    [S_WEEK] = {"Week", "Неделя"},
    [S_BUYS_NOW] = {"buys %s a year", "закупает на %s в год"},
    [S_PEOPLE] = {"people", "сотр."},
    [S_FREEZE] = {"budget freeze", "бюджет заморожен"},
    [S_COMPETITOR] = {"competitor active", "активен конкурент"},
    [S_KEYS_BOARD] = {"1–8 actions · I ideas · E end week · Tab/arrows move · Esc menu",
                      "1–8 действия · I идеи · E конец недели · Tab/стрелки · Esc меню"},
    [S_KEYS_LIST] = {"↑↓ choose · Enter open · Esc back", "↑↓ выбор · Enter открыть · Esc назад"},
    [S_KEYS_GENERIC] = {"Tab/arrows move · Enter choose · Esc back", "Tab/стрелки · Enter выбрать · Esc назад"},
    [S_SEED] = {"seed %llu", "вариант %llu"},
    [S_TREND] = {"this week", "за неделю"},
    [S_CLICK_TO] = {"Click: %s", "Щелчок: %s"},
    [S_SELECT] = {"Select %s", "Выбрать: %s"},
    [S_ACCOUNT_TAB] = {"Show the account %s", "Показать клиента %s"},
    [S_RESULT] = {"Last action", "Последнее действие"},
    [S_COMPANY_NEEDS] = {"Company needs found by research", "Потребности компании из исследования"},
    [S_DEPT_UNKNOWN] = {"Departments not yet found", "Отделы, которые ещё предстоит найти"},
    [S_NO_IDEAS_FIT] = {"none of their known needs", "ни одной известной потребности"},
    [S_SCALE_HINT] = {"Make everything larger or smaller (also --scale).",
                      "Увеличить или уменьшить всё (также --scale)."},
    [S_LANG_HINT] = {"The language of the window (also --lang). Scenario texts keep their own language.",
                     "Язык окна (также --lang). Тексты сценария остаются на своём языке."},
    [S_FULLSCREEN_HINT] = {"Fill the screen (F11).", "На весь экран (F11)."},
    [S_CONTRAST_HINT] = {"White on black with strong outlines.", "Белое на чёрном с чёткими контурами."},
    [S_PICK_HINT] = {"Open the briefing of %s", "Открыть вводную: %s"},
    [S_IDEA_FOR] = {"answers a need of %s", "отвечает потребности: %s"},
    [S_VALUE_LABEL] = {"Value", "Ценность"},
    [S_BACK_TO_BOARD] = {"Back to the board", "Вернуться к карте"},
    [S_BOT_RANDOM] = {"Random", "Случайная"},
    [S_BOT_SINGLE] = {"Single-threaded", "Один контакт"},
    [S_BOT_IDEA_FIRST] = {"Ideas, no referrals", "Идеи без рекомендаций"},
    [S_BOT_EXPANDER] = {"Expander", "Расширение"},
    [S_BOT_GREEDY] = {"Greedy", "Жадная"},
    [S_BOT_RANDOM_HELP] = {"any action that can be tried", "любое возможное действие"},
    [S_BOT_SINGLE_HELP] = {"works only with the main contact", "работает только с основным контактом"},
    [S_BOT_IDEA_FIRST_HELP] = {"pitches to whoever it knows, never asks for referrals",
                               "предлагает идеи знакомым, не просит рекомендаций"},
    [S_BOT_EXPANDER_HELP] = {"meets, pitches fitting ideas, asks for referrals, covers the roles",
                             "встречается, предлагает подходящие идеи, просит рекомендации, охватывает роли"},
    [S_BOT_GREEDY_HELP] = {"chases this week's revenue", "гонится за выручкой этой недели"},
    [S_WEIGHT] = {"weight %d", "вес %d"},
    [S_WEEK_SUB] = {"Score %d (%+d this week) · %s", "Счёт %d (%+d за неделю) · %s"},
    [S_NO_EVENTS] = {"A quiet week.", "Тихая неделя."},
    [S_NO_SCORE_CHANGE] = {"The score did not move this week.", "Счёт за неделю не изменился."},
    [S_PER_ACCOUNT] = {"By account", "По клиентам"},
    [S_KEYS_SETTINGS] = {"↑↓ choose · ←→ change · Esc back", "↑↓ выбор · ←→ изменить · Esc назад"},
    [S_LEGEND_SCORE] = {"Score (0–100)", "Счёт (0–100)"},
    [S_LEGEND_ENGAGED] = {"Engaged people", "Вовлечённые люди"},
    [S_LEGEND_REVENUE] = {"Yearly revenue", "Годовая выручка"},
    [S_NAME_TITLE] = {"Your name for the results",
        "Ваше имя для результатов"},
    [S_NAME_BODY] = {"Each finished session is saved as a result file with your name, for your history and your trainer's report. You are asked only once.",
        "Каждая завершённая сессия сохраняется в файл результата с вашим именем — для вашей истории и отчёта тренера. Имя спрашивается только один раз."},
    [S_NAME_HINT] = {"Type your name (Ctrl+V pastes); Enter saves it, Esc skips",
        "Введите имя (Ctrl+V — вставить); Enter — сохранить, Esc — пропустить"},
    [S_NAME_SAVE] = {"Save the name",
        "Сохранить имя"},
    [S_NAME_SAVE_HINT] = {"Remember this name and put it on every result",
        "Запомнить это имя и ставить его в каждый результат"},
    [S_NAME_SKIP] = {"Skip",
        "Пропустить"},
    [S_NAME_SKIP_HINT] = {"Results will carry no name; you will not be asked again",
        "Результаты будут без имени; больше спрашивать не будем"},
    [S_NAME_BAD] = {"That name cannot be used: at most 200 bytes, no control characters.",
        "Такое имя не подходит: не больше 200 байт и без управляющих символов."},
    [S_KEYS_NAME] = {"Enter save · Esc skip · Tab move",
        "Enter сохранить · Esc пропустить · Tab переход"},
    [S_RESULT_SAVED] = {"✓ Result saved: %s",
        "✓ Результат сохранён: %s"},
    [S_RESULT_FAILED] = {"✗ Could not save the result: %s. The game goes on; nothing else is lost.",
        "✗ Не удалось сохранить результат: %s. Игра продолжается, больше ничего не потеряно."},
    [S_RESULT_AUTHOR] = {"Started from a chosen state (--week/--known) or reloaded: a test session, so no result was saved.",
        "Сессия начата с выбранного состояния (--week/--known) или перезагружена: это проверка, результат не сохранён."},
    [S_TAB_NEXT] = {"Next time",
        "В следующий раз"},
    [S_NEXT_TRY] = {"Things to try next time",
        "Что попробовать в следующий раз"},
    [S_NEXT_REPEAT] = {"Repeat it on another scenario, or on this one with a new seed (N).",
        "Повторите успех на другом сценарии или на другом варианте этого (N)."},
    [S_NEXT_SCENARIO] = {"The scenario to play next",
        "Какой сценарий сыграть дальше"},
    [S_NEXT_PLAY] = {"Play next: %s",
        "Дальше: %s"},
    [S_NEXT_AGAIN] = {"Play this scenario again with these in mind",
        "Сыграть этот сценарий ещё раз с этими советами"},
    [S_NEXT_PASSED_WHY] = {"You passed: the next step is the easiest harder scenario.",
        "Вы прошли: следующий шаг — самый лёгкий из более сложных сценариев."},
    [S_NEXT_FAILED_WHY] = {"Not passed yet: play this one again before moving on.",
        "Пока не пройдено: сыграйте этот сценарий ещё раз, прежде чем идти дальше."},
    [S_NEXT_HARDEST] = {"You passed the hardest shipped scenario; try it with a new seed (N).",
        "Вы прошли самый сложный встроенный сценарий; попробуйте другой вариант (N)."},
    [S_NEXT_PLAY_HINT] = {"Opens the briefing of %s",
        "Открывает вводную: %s"},
    [S_HISTORY] = {"History",
        "История"},
    [S_HISTORY_HINT] = {"Your attempts per scenario: scores, best, latest, progress",
        "Ваши попытки по сценариям: счёт, лучшая, последняя, прогресс"},
    [S_HISTORY_TITLE] = {"Your attempts",
        "Ваши попытки"},
    [S_HISTORY_SUB] = {"From the result files in %s",
        "По файлам результатов в %s"},
    [S_HISTORY_NONE] = {"No results yet. Finish a session and it will be recorded here.",
        "Результатов пока нет. Завершите сессию, и она появится здесь."},
    [S_HISTORY_PASSED] = {"%d passed · pass mark %d",
        "пройдено: %d · проходной %d"},
    [S_HISTORY_FINISHED] = {"Finished (UTC)",
        "Завершена (UTC)"},
    [S_HISTORY_BEST] = {"best",
        "лучшая"},
    [S_HISTORY_LATEST] = {"latest",
        "последняя"},
    [S_HISTORY_CHANGE] = {"Change from the first attempt to the latest",
        "Изменение от первой попытки к последней"},
    [S_HISTORY_ONE] = {"One attempt so far: play it again to see your progress.",
        "Пока одна попытка: сыграйте ещё раз, чтобы увидеть прогресс."},
    [S_HISTORY_CHART] = {"Score by attempt",
        "Счёт по попыткам"},
    [S_HISTORY_UNREADABLE] = {"Files that could not be read (left out): %d",
        "Не удалось прочитать файлов (пропущены): %d"},
    [S_HISTORY_ROW_HINT] = {"Show the attempts at %s",
        "Показать попытки: %s"},
    [S_KEYS_HISTORY] = {"↑↓ scenario · PgUp/PgDn scroll · Esc back",
        "↑↓ сценарий · PgUp/PgDn прокрутка · Esc назад"},
    [S_SUB_SHORT] = {"Rev|Pen|Roles|Depth|Ref|Ideas|Res",
        "Выр|Охв|Роли|Глуб|Рек|Идеи|Уст"},
    [S_RELOADED] = {"Reloaded %s: the session was replayed to week %d.",
        "Сценарий %s перезагружен: сессия воспроизведена до недели %d."},
    [S_RELOAD_STOPPED] = {"Reloaded %s, but command %d of %d (%s) no longer applies: %s The session goes on from there.",
        "Сценарий %s перезагружен, но команда %d из %d (%s) больше не применима: %s Сессия продолжается с этого места."},
    [S_RELOAD_MISSING_ID] = {"it names an id the scenario no longer has.",
        "в ней id, которого в сценарии больше нет."},
    [S_RELOAD_ERRORS_TITLE] = {"The scenario file has errors: the last good version keeps running",
        "В файле сценария ошибки: работает последняя исправная версия"},
    [S_RELOAD_ERRORS_SUB] = {"Fix the file and save it: it reloads by itself (or press F5).",
        "Исправьте файл и сохраните: он перезагрузится сам (или нажмите F5)."},
    [S_DISMISS] = {"Dismiss",
        "Закрыть"},
    [S_KEYS_DIAGS] = {"↑↓ PgUp/PgDn scroll · Enter or Esc dismiss",
        "↑↓ PgUp/PgDn прокрутка · Enter или Esc закрыть"},
    [S_REPLAY_TITLE] = {"Replay",
        "Повтор"},
    [S_REPLAY_STEP] = {"Step %d of %d",
        "Шаг %d из %d"},
    [S_REPLAY_START] = {"The start, before the first command.",
        "Начало, до первой команды."},
    [S_REPLAY_NEXT] = {"Next step",
        "Следующий шаг"},
    [S_REPLAY_PREV] = {"Step back",
        "Шаг назад"},
    [S_REPLAY_LEAVE] = {"Leave",
        "Выйти"},
    [S_REPLAY_WHO] = {"%s · seed %s · %s",
        "%s · вариант %s · %s"},
    [S_KEYS_REPLAY] = {"Space/→ next · ← back · Home/End · Esc leave",
        "Пробел/→ дальше · ← назад · Home/End · Esc выход"},
    [S_REPLAY_ANON] = {"no name",
        "без имени"},
};

const char *ui_str(Lang lang, UiStr s)
{
    if ((int)s < 0 || s >= S_COUNT || (int)lang < 0 || lang >= LANG_COUNT || !STR[s][lang]) {
        return "";
    }
    return STR[s][lang];
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
/* Formats a table string; the tables hold printf formats whose conversions
 * match in both languages (checked by tests/ui/test_ui_strings.c). */
int ui_fmt(char *buf, size_t n, Lang lang, UiStr s, ...)
{
    va_list ap;
    va_start(ap, s);
    int r = vsnprintf(buf, n, ui_str(lang, s), ap);
    va_end(ap);
    return r;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

int ui_copy(char *dst, size_t n, const char *src)
{
    return snprintf(dst, n, "%s", src ? src : "");
}

int ui_join(char *dst, size_t n, const char *a, const char *b)
{
    return snprintf(dst, n, "%s%s", a, b);
}

int ui_hours(char *buf, size_t n, Lang lang, int hours, bool left)
{
    if (lang == LANG_RU) {
        const char *w = text_plural(lang, hours, "час", "часа", "часов");
        return left ? snprintf(buf, n, "%s %d %s", text_plural(lang, hours, "остался", "осталось", "осталось"),
                               hours, w)
                    : snprintf(buf, n, "%d %s", hours, w);
    }
    return snprintf(buf, n, left ? "%d %s left" : "%d %s", hours, hours == 1 ? "hour" : "hours");
}

int ui_attempts(char *buf, size_t n, Lang lang, int count)
{
    if (lang == LANG_RU) {
        return snprintf(buf, n, "%d %s", count, text_plural(lang, count, "попытка", "попытки", "попыток"));
    }
    return snprintf(buf, n, "%d %s", count, count == 1 ? "attempt" : "attempts");
}
