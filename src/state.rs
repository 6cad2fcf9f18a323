//! The app's one view-model, `AppState`, provided as context: which screen is showing, the
//! answers, the locale and any storage notice. Components read it with `use_app()` and call its
//! methods; they hold no state of their own beyond transient UI.

use crate::adapters::location::{self, Route};
use crate::adapters::modules;
use crate::adapters::storage::{Notice, ProgressStore};
use leptos::prelude::*;
use overlap_core::config::Config;
pub use overlap_core::flow::Screen;
use overlap_core::flow::{self, Flow};
use overlap_core::i18n::Locale;
use overlap_core::instrument::Slot;
use overlap_core::progress::Progress;
use overlap_core::share::{self, LinkError};
use overlap_core::ui::{Module, View};
use overlap_core::{Answer, Instrument, Response, Role};

/// What the app as a whole shows, from the URL fragment.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    Assessment,
    /// A screen an on-demand module draws: a shared result (`r=...`, read-only; it never touches
    /// the visitor's own saved answers), the team view, or a team summary link (`t=...`).
    OnDemand(OnDemand),
    /// A link that does not open: checked here, so a bad one shows its error at once.
    LinkError(LinkError),
}

/// A screen for an on-demand module, and the fragment it shows (a result link's `r=...` for the
/// own and shared results, a team link's `t=...`, nothing for the team view).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnDemand {
    pub view: View,
    pub fragment: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub locale: RwSignal<Locale>,
    pub mode: RwSignal<Mode>,
    pub screen: RwSignal<Screen>,
    pub response: RwSignal<Response>,
    pub notice: RwSignal<Option<Notice>>,
    /// The round key results are sealed to (public half, base64url): from the invitation the
    /// person opened (kept with their progress), else the deployment's `facilitator_key`.
    pub round_key: RwSignal<Option<String>>,
    /// Counts "try again" on a results screen whose module did not load.
    pub results_retry: RwSignal<u32>,
    /// Set by navigation so the new screen's heading takes focus (not on first load).
    pub focus_request: RwSignal<u32>,
    /// An element id to focus instead of the heading (jump-to from the review list).
    focus_target: StoredValue<Option<String>>,
    /// The language last chosen in the switch; a slower earlier choice must not override it.
    chosen_locale: StoredValue<Locale>,
    store: StoredValue<ProgressStore>,
    /// The deploy-time configuration (`overlap.json`), validated.
    pub config: StoredValue<Config>,
    /// Kiosk mode (`#kiosk`): 0 when the app is not a kiosk, else 1 + whose turn it is, counted
    /// since the page loaded. Once set it stays for the page's life, whatever the fragment
    /// becomes: nothing is ever saved. (A `u32` signal, a type the app has already: a new one
    /// would cost the first load code of its own.)
    kiosk: RwSignal<u32>,
}

impl AppState {
    /// The state with the default configuration (tests, and a missing `overlap.json`).
    pub fn new() -> AppState {
        AppState::with_config(Config::default())
    }

    /// Builds the state from storage and the URL. Saved progress is loaded even when a shared
    /// link is open, so "start my own assessment" from a shared view resumes it. The language is
    /// the saved choice, else the browser's preferred one when shipped, else the configured
    /// default, else English.
    pub fn with_config(config: Config) -> AppState {
        let (mut store, mut notice) = ProgressStore::open();
        let kiosk = matches!(location::route(&location::current_hash()), Route::Kiosk);
        // A kiosk shows nobody's saved answers, and leaves none on the device.
        let (saved, load_notice) = if kiosk {
            store.clear();
            Default::default()
        } else {
            store.load()
        };
        notice = notice.or(load_notice);
        let instrument = Instrument::current();
        let wanted = wanted_locale(saved.as_ref().and_then(|p| p.locale), &config);
        // Start-up fetched the wanted language's text if the first load did not carry it; if
        // that failed, the app shows English and says so in the wanted language.
        let locale = if wanted.is_loaded() {
            wanted
        } else {
            notice = notice.or(Some(Notice::LocaleUnavailable(wanted)));
            Locale::En
        };
        let saved_key = saved.as_ref().and_then(|p| p.round_key.clone());
        let (response, screen) = match saved {
            Some(p) => {
                let screen = Flow::new(instrument, p.response.role).resolve(p.screen);
                (p.response, screen)
            }
            None => (Response::new(instrument, None), Screen::Welcome),
        };
        let round_key = saved_key.or_else(|| config.facilitator_key.clone());
        // Resumed on the review screen: fetch the results module now, as `go` would have.
        if screen == Screen::Review {
            modules::preload(Module::Results);
        }
        AppState {
            locale: RwSignal::new(locale),
            mode: RwSignal::new(mode_for(&location::current_hash())),
            screen: RwSignal::new(screen),
            response: RwSignal::new(response),
            notice: RwSignal::new(notice),
            round_key: RwSignal::new(round_key),
            results_retry: RwSignal::new(0),
            focus_request: RwSignal::new(0),
            focus_target: StoredValue::new(None),
            chosen_locale: StoredValue::new(locale),
            store: StoredValue::new(store),
            config: StoredValue::new(config),
            kiosk: RwSignal::new(u32::from(kiosk)),
        }
    }

    /// Kiosk mode's current turn, when the app runs as a kiosk.
    pub fn kiosk_turn(&self) -> Option<u32> {
        self.kiosk.get_untracked().checked_sub(1)
    }

    /// Kiosk mode: the person is done, or the countdown ran out. Their answers are dropped, the
    /// language goes back to the deployment's, and the welcome shows for the next person.
    pub fn kiosk_next(&self) {
        if self.kiosk_turn().is_none() {
            return;
        }
        self.kiosk.update(|n| *n += 1);
        self.notice.set(None);
        self.start_over();
    }

    /// Untracked text, for event handlers.
    pub fn t_now(&self, key: overlap_core::i18n::Key) -> &'static str {
        self.locale.get_untracked().t(key)
    }

    pub fn instrument(&self) -> &'static Instrument {
        Instrument::current()
    }

    /// The deployment's team threshold, which the welcome screen's promise names.
    pub fn threshold(&self) -> usize {
        self.config.with_value(|c| c.team_threshold)
    }

    /// The respondent's role, read without tracking: screens re-render on navigation, not on
    /// every answer (a role change happens on the role screen, which handles it itself).
    pub fn role(&self) -> Option<Role> {
        self.response.with_untracked(|r| r.role)
    }

    /// Records an answer to a slot and saves; an answer the slot's question does not offer (a
    /// stale page) changes nothing.
    pub fn answer(&self, slot: Slot, answer: Answer) {
        if !Response::answer_fits(self.instrument(), slot, answer) {
            return;
        }
        self.response.update(|r| r.set(slot, answer));
        self.save();
    }

    /// Takes an answer back (a menu set back to "choose") and saves.
    pub fn clear_answer(&self, slot: Slot) {
        self.response.update(|r| r.clear(slot));
        self.save();
    }

    /// Records the role; answers the new role is not shown are dropped (`flow::change_role`).
    pub fn set_role(&self, role: Role) {
        self.response.update(|r| {
            flow::change_role(Instrument::current(), r, role);
        });
        self.save();
    }

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
        self.save();
    }

    /// Shows the app in `locale`, fetching its text first when the first load did not carry it.
    /// Resolves to false when the text could not be loaded: the page stays as it was, with a
    /// notice in the language asked for. Answers are untouched either way.
    pub async fn choose_locale(self, locale: Locale) -> bool {
        self.chosen_locale.set_value(locale);
        let loaded = crate::adapters::locale::load(locale).await;
        if self.chosen_locale.get_value() != locale {
            // Another language was chosen while this one's text was on its way.
            return loaded;
        }
        if loaded {
            if self.notice.get_untracked().is_some_and(|n| n.locale().is_some()) {
                self.notice.set(None);
            }
            self.set_locale(locale);
        } else {
            self.notice.set(Some(Notice::LocaleUnavailable(locale)));
        }
        loaded
    }

    /// Moves to a screen, saves, and asks for focus on its heading.
    pub fn go(&self, screen: Screen) {
        // The results module loads while the person reads the review list, so "see my results"
        // shows them at once.
        if matches!(screen, Screen::Review | Screen::Results) {
            modules::preload(Module::Results);
        }
        self.screen.set(screen);
        self.focus_request.update(|n| *n += 1);
        self.save();
    }

    /// Goes to a section and focuses one item in it (the review list's jump-to).
    pub fn jump_to(&self, screen: Screen, element_id: String) {
        self.focus_target.set_value(Some(element_id));
        self.go(screen);
    }

    /// Focuses an element of the current screen (an error message, say) on the next frame.
    pub fn request_focus(&self, element_id: &str) {
        self.focus_target.set_value(Some(element_id.to_string()));
        self.focus_request.update(|n| *n += 1);
    }

    pub fn take_focus_target(&self) -> Option<String> {
        self.focus_target.try_update_value(|t| t.take()).flatten()
    }

    /// The flow for the current role: its sections, Back and Next, progress.
    pub fn flow(&self) -> Flow<'static> {
        Flow::new(Instrument::current(), self.role())
    }

    /// The person's own answers as a result fragment (`r=...`), for the results screen.
    pub fn own_fragment(&self) -> String {
        let payload = self.response.with_untracked(|r| share::encode_full(r).unwrap_or_default());
        format!("{}{payload}", share::FRAGMENT_PREFIX)
    }

    /// Wipes saved answers and returns to the welcome screen.
    pub fn start_over(&self) {
        self.store.update_value(|s| s.clear());
        self.response.set(Response::new(Instrument::current(), None));
        self.screen.set(Screen::Welcome);
        self.focus_request.update(|n| *n += 1);
    }

    /// Leaves a shared or team view for the visitor's own assessment (saved progress intact).
    pub fn open_own_assessment(&self) {
        location::set_hash("");
        self.mode.set(Mode::Assessment);
        self.focus_request.update(|n| *n += 1);
    }

    pub fn open_team(&self) {
        location::set_hash("team");
        self.mode.set(Mode::OnDemand(OnDemand { view: View::Team, fragment: String::new() }));
        self.focus_request.update(|n| *n += 1);
    }

    /// Follows the fragment after a `hashchange` (a pasted link opened in the same tab).
    pub fn follow_hash(&self) {
        self.mode.set(mode_for(&location::current_hash()));
        self.take_invitation_key();
        self.focus_request.update(|n| *n += 1);
    }

    /// An invitation's round key (`#k=...`): kept with the person's progress, so their result is
    /// sealed to it; the fragment is cleared, so the key is not left in the address bar's
    /// history. A key that does not read is ignored, and the person told.
    pub fn take_invitation_key(&self) {
        let Route::Invitation(text) = location::route(&location::current_hash()) else { return };
        location::set_hash("");
        match overlap_core::config::round_key(&text) {
            Some(key) => {
                self.round_key.set(Some(key));
                self.save();
            }
            None => self.notice.set(Some(Notice::KeyUnreadable)),
        }
    }

    fn save(&self) {
        if self.kiosk_turn().is_some() {
            return;
        }
        let progress = Progress {
            response: self.response.get_untracked(),
            screen: self.screen.get_untracked(),
            locale: Some(self.locale.get_untracked()),
            round_key: self.round_key.get_untracked(),
        };
        if let Some(problem) = self.store.try_update_value(|s| s.save(&progress)).flatten() {
            self.notice.set(Some(problem));
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

/// The language to show: the saved choice, else the browser's preferred one when this build
/// knows it, else the configured default, else English. Its text may still need loading.
pub fn wanted_locale(saved: Option<Locale>, config: &Config) -> Locale {
    let browser = location::preferred_languages().iter().find_map(|t| Locale::from_tag(t));
    saved.or(browser).filter(|l| l.is_available()).or(config.default_locale).unwrap_or_default()
}

fn mode_for(hash: &str) -> Mode {
    match location::route(hash) {
        // The key is taken by `take_invitation_key`; the invitation opens the assessment.
        Route::Assessment | Route::Invitation(_) | Route::Kiosk => Mode::Assessment,
        Route::Sealed => Mode::LinkError(LinkError::Sealed),
        Route::Team => Mode::OnDemand(OnDemand { view: View::Team, fragment: String::new() }),
        Route::Setup => Mode::OnDemand(OnDemand { view: View::Setup, fragment: String::new() }),
        Route::SharedResult(text) => match share::check(&text) {
            Ok(()) => Mode::OnDemand(OnDemand { view: View::Shared, fragment: text }),
            Err(e) => Mode::LinkError(e),
        },
        Route::TeamSummary(text) => match overlap_core::team_link::check(&text) {
            Ok(()) => Mode::OnDemand(OnDemand { view: View::TeamSummary, fragment: text }),
            Err(e) => Mode::LinkError(e),
        },
    }
}

pub fn provide_app(state: AppState) {
    provide_context(state);
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
