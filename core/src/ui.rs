//! The names the markup and the browser code share: button actions, element ids, data
//! attributes and the screens of the on-demand modules, as types rather than repeated string
//! literals.
//!
//! The markup (in this crate) writes these names into HTML; the app (`src/`), the results module
//! (`results/`) and the team module (`team/`) read them back from the DOM. An [`Action`] is an
//! [`AppAction`], a [`ResultsAction`] or a [`TeamAction`]: each module's click handler matches its
//! own kind exhaustively, so a new button does not compile until the module that owns it has
//! decided what it does, and no action can belong to no module. A name the markup writes always
//! parses (a native test renders every screen and parses every `data-action` it finds).

use std::fmt;

/// What a button of the survey or of the app's own pieces does: the app carries it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppAction {
    Start,
    Team,
    Back,
    Next,
    Results,
    Jump,
    EditAnswers,
    StartOver,
    KeepAnswers,
    ConfirmStartOver,
    StartOwn,
    Dismiss,
    ResultsRetry,
    /// Kiosk mode: the person is done (or the idle countdown ran out); drop their answers and
    /// show the welcome for the next person.
    KioskNext,
}

/// What a control around a report does: the results module carries it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResultsAction {
    Print,
    ExportJson,
    ExportCsv,
    CopyLink,
    /// Send the result to the facilitator: the share sheet, or copying where there is none.
    SendLink,
    /// Kiosk mode (the results module draws its screens): full screen, the facilitator's way to
    /// end the session (ask, unlock, back), the collected links (copy, download, clear), and
    /// "I'm still here" in the idle countdown.
    KioskFullscreen,
    KioskEnd,
    KioskUnlock,
    KioskCancel,
    KioskCopy,
    KioskDownload,
    KioskClear,
    KioskContinue,
}

/// What a control of the team view does: the team module carries it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TeamAction {
    Analyse,
    Print,
    Csv,
    /// The workshop: the handout, the pack and the ownership register.
    PrintHandout,
    PrintPack,
    RegisterCsv,
    /// Present mode: the pack's pages full screen, one at a time, for a projector.
    Present,
    PresentNext,
    PresentPrevious,
    PresentExit,
    /// Round keys: make one, add a pasted one, save one as a file, remove one (the last two
    /// name the key by [`names::KEY_ATTR`]).
    CreateKey,
    AddKey,
    SaveKey,
    RemoveKey,
    /// Run the current round on this device as a kiosk.
    StartKiosk,
}

/// What a control of the setup screen does: the setup module carries it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetupAction {
    /// Put the nearest accent that passes the contrast rule into the field.
    UseLightAccent,
    UseDarkAccent,
    DownloadJson,
    DownloadHeaders,
    CopySnippet,
}

/// What a button does, and so which module carries it out. Written as
/// `data-action="<as_str>"`; one click handler per module reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    App(AppAction),
    Results(ResultsAction),
    Team(TeamAction),
    Setup(SetupAction),
}

impl From<AppAction> for Action {
    fn from(a: AppAction) -> Action {
        Action::App(a)
    }
}

impl From<ResultsAction> for Action {
    fn from(a: ResultsAction) -> Action {
        Action::Results(a)
    }
}

impl From<TeamAction> for Action {
    fn from(a: TeamAction) -> Action {
        Action::Team(a)
    }
}

impl AppAction {
    pub const ALL: [AppAction; 14] = [
        AppAction::Start,
        AppAction::Team,
        AppAction::Back,
        AppAction::Next,
        AppAction::Results,
        AppAction::Jump,
        AppAction::EditAnswers,
        AppAction::StartOver,
        AppAction::KeepAnswers,
        AppAction::ConfirmStartOver,
        AppAction::StartOwn,
        AppAction::Dismiss,
        AppAction::ResultsRetry,
        AppAction::KioskNext,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AppAction::Start => "start",
            AppAction::Team => "team",
            AppAction::Back => "back",
            AppAction::Next => "next",
            AppAction::Results => "results",
            AppAction::Jump => "jump",
            AppAction::EditAnswers => "edit-answers",
            AppAction::StartOver => "start-over",
            AppAction::KeepAnswers => "keep-answers",
            AppAction::ConfirmStartOver => "confirm-start-over",
            AppAction::StartOwn => "start-own",
            AppAction::Dismiss => "dismiss",
            AppAction::ResultsRetry => "results-retry",
            AppAction::KioskNext => "kiosk-next",
        }
    }
}

impl ResultsAction {
    pub const ALL: [ResultsAction; 13] = [
        ResultsAction::Print,
        ResultsAction::ExportJson,
        ResultsAction::ExportCsv,
        ResultsAction::CopyLink,
        ResultsAction::SendLink,
        ResultsAction::KioskFullscreen,
        ResultsAction::KioskEnd,
        ResultsAction::KioskUnlock,
        ResultsAction::KioskCancel,
        ResultsAction::KioskCopy,
        ResultsAction::KioskDownload,
        ResultsAction::KioskClear,
        ResultsAction::KioskContinue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResultsAction::Print => "print",
            ResultsAction::ExportJson => "export-json",
            ResultsAction::ExportCsv => "export-csv",
            ResultsAction::CopyLink => "copy-link",
            ResultsAction::SendLink => "send-link",
            ResultsAction::KioskFullscreen => "kiosk-fullscreen",
            ResultsAction::KioskEnd => "kiosk-end",
            ResultsAction::KioskUnlock => "kiosk-unlock",
            ResultsAction::KioskCancel => "kiosk-cancel",
            ResultsAction::KioskCopy => "kiosk-copy",
            ResultsAction::KioskDownload => "kiosk-download",
            ResultsAction::KioskClear => "kiosk-clear",
            ResultsAction::KioskContinue => "kiosk-continue",
        }
    }
}

impl TeamAction {
    pub const ALL: [TeamAction; 15] = [
        TeamAction::Analyse,
        TeamAction::Print,
        TeamAction::Csv,
        TeamAction::PrintHandout,
        TeamAction::PrintPack,
        TeamAction::RegisterCsv,
        TeamAction::Present,
        TeamAction::PresentNext,
        TeamAction::PresentPrevious,
        TeamAction::PresentExit,
        TeamAction::CreateKey,
        TeamAction::AddKey,
        TeamAction::SaveKey,
        TeamAction::RemoveKey,
        TeamAction::StartKiosk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TeamAction::Analyse => "team-analyse",
            TeamAction::Print => "team-print",
            TeamAction::Csv => "team-csv",
            TeamAction::PrintHandout => "print-handout",
            TeamAction::PrintPack => "print-pack",
            TeamAction::RegisterCsv => "register-csv",
            TeamAction::Present => "present",
            TeamAction::PresentNext => "present-next",
            TeamAction::PresentPrevious => "present-previous",
            TeamAction::PresentExit => "present-exit",
            TeamAction::CreateKey => "create-key",
            TeamAction::AddKey => "add-key",
            TeamAction::SaveKey => "save-key",
            TeamAction::RemoveKey => "remove-key",
            TeamAction::StartKiosk => "start-kiosk",
        }
    }
}

impl SetupAction {
    pub const ALL: [SetupAction; 5] = [
        SetupAction::UseLightAccent,
        SetupAction::UseDarkAccent,
        SetupAction::DownloadJson,
        SetupAction::DownloadHeaders,
        SetupAction::CopySnippet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SetupAction::UseLightAccent => "setup-use-accent",
            SetupAction::UseDarkAccent => "setup-use-accent-dark",
            SetupAction::DownloadJson => "setup-download-json",
            SetupAction::DownloadHeaders => "setup-download-headers",
            SetupAction::CopySnippet => "setup-copy-snippet",
        }
    }
}

impl Action {
    /// Every action of every module (tests; the markup writes only these).
    pub fn all() -> impl Iterator<Item = Action> {
        let app = AppAction::ALL.into_iter().map(Action::App);
        let results = ResultsAction::ALL.into_iter().map(Action::Results);
        let team = TeamAction::ALL.into_iter().map(Action::Team);
        app.chain(results).chain(team).chain(SetupAction::ALL.into_iter().map(Action::Setup))
    }

    /// The name written as `data-action`. The first load (the core without `results`) draws only
    /// the app's own buttons and knows only their names: a module's name would be text the
    /// survey never writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::App(a) => a.as_str(),
            #[cfg(feature = "results")]
            Action::Results(a) => a.as_str(),
            #[cfg(feature = "results")]
            Action::Team(a) => a.as_str(),
            #[cfg(feature = "results")]
            Action::Setup(a) => a.as_str(),
            #[cfg(not(feature = "results"))]
            Action::Results(_) | Action::Team(_) | Action::Setup(_) => "",
        }
    }

    /// The action a `data-action` names. The first load reads only the app's own: a module's
    /// button is `None` to it, and the module that drew it answers it.
    pub fn parse(s: &str) -> Option<Action> {
        let app = AppAction::ALL.into_iter().find(|a| a.as_str() == s).map(Action::App);
        #[cfg(feature = "results")]
        let app = app.or_else(|| Action::all().find(|a| a.as_str() == s));
        app
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An on-demand WebAssembly module: the report (the person's own and shared results) or the
/// team view (the facilitator's figures and workshop). The app loads the one a screen needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Module {
    Results,
    Team,
    Setup,
}

impl Module {
    /// The module's name: its JavaScript is `overlap-<name>.js`, and boot.js loads it by this name.
    pub fn as_str(self) -> &'static str {
        match self {
            Module::Results => "results",
            Module::Team => "team",
            Module::Setup => "setup",
        }
    }
}

/// A screen an on-demand module draws. The app names it in a [`crate::request::Request`]; the
/// module refuses (draws nothing) a view that is not its own, rather than guessing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// The person's own results (editable answers, share panel).
    Own,
    /// Someone else's result link, read-only.
    Shared,
    /// The facilitator's team view.
    Team,
    /// A team summary link, read-only.
    TeamSummary,
    /// Kiosk mode's welcome for the next person, and the facilitator's end of the session.
    Kiosk,
    /// The consultant's setup screen (`#setup`).
    Setup,
}

impl View {
    pub const ALL: [View; 6] = [View::Own, View::Shared, View::Team, View::TeamSummary, View::Kiosk, View::Setup];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Own => "own",
            View::Shared => "shared",
            View::Team => "team",
            View::TeamSummary => "team_summary",
            View::Kiosk => "kiosk",
            View::Setup => "setup",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The module that draws the view.
    pub fn module(self) -> Module {
        match self {
            View::Own | View::Shared | View::Kiosk => Module::Results,
            View::Team | View::TeamSummary => Module::Team,
            View::Setup => Module::Setup,
        }
    }
}

/// A file the results module offers under a report, made when the person asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFile {
    /// Every answer and score (not for a summary link, which carries no answers).
    Json,
    /// The scores.
    Csv,
}

/// A file the team module offers, made from the links when the facilitator asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamFile {
    /// The team's figures.
    Csv,
    /// The workshop's ownership register.
    Register,
}

/// What a downloaded file is called and what it holds.
pub trait Download: Copy {
    fn name(self) -> &'static str;
    fn mime(self) -> &'static str;
}

impl Download for ReportFile {
    fn name(self) -> &'static str {
        match self {
            ReportFile::Json => "overlap-result.json",
            ReportFile::Csv => "overlap-scores.csv",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            ReportFile::Json => "application/json",
            ReportFile::Csv => "text/csv",
        }
    }
}

impl Download for TeamFile {
    fn name(self) -> &'static str {
        match self {
            TeamFile::Csv => "overlap-team.csv",
            TeamFile::Register => "overlap-ownership-register.csv",
        }
    }

    fn mime(self) -> &'static str {
        "text/csv"
    }
}

/// What an on-demand module did when asked to draw a screen, sent back to the app as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Nothing drawn: the link does not decode, or the view is one the module does not know. The
    /// app shows its link error.
    LinkUnread,
    /// Drawn in the language asked for.
    Drawn,
    /// Drawn in English, because the language's text files could not be fetched or were refused.
    /// The app says so, in the language asked for, as it does when its own text is missing.
    InEnglish,
}

impl Shown {
    pub const ALL: [Shown; 3] = [Shown::LinkUnread, Shown::Drawn, Shown::InEnglish];

    pub fn code(self) -> u32 {
        self as u32
    }

    /// `None` for a number no release of the module sends (a module from another release).
    pub fn from_code(code: u32) -> Option<Shown> {
        Shown::ALL.get(code as usize).copied()
    }
}

/// What a print button prints: the module that owns the button sets it on the document element as
/// [`names::PRINT_ATTR`] before printing, and the print stylesheet shows only that part. Without
/// the attribute (the browser's own print command) the screen on show prints as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintMode {
    /// The report or the team view, as on screen.
    Screen,
    /// The one-page invitation handout.
    Handout,
    /// The workshop pack.
    Pack,
}

/// On the document element while the pack is presented on screen ([`names::PRESENT_ATTR`]):
/// the present stylesheet shows the page marked [`names::CURRENT_PAGE_ATTR`] alone.
pub const PRESENTING: &str = "on";

impl PrintMode {
    pub const ALL: [PrintMode; 3] = [PrintMode::Screen, PrintMode::Handout, PrintMode::Pack];

    pub fn as_str(self) -> &'static str {
        match self {
            PrintMode::Screen => "screen",
            PrintMode::Handout => "handout",
            PrintMode::Pack => "pack",
        }
    }
}

/// Element ids that code looks up (focus, text set in place, values read). Ids only the markup
/// uses (`aria-labelledby` targets inside one card) stay beside their markup.
pub mod ids {
    /// The element the app mounts on (index.html provides it; an embedder may too).
    pub const HOST: &str = "overlap";
    /// Every screen's heading: focus moves here after navigation.
    pub const TITLE: &str = "ov-title";
    /// The role screen's error, filled in place when Next is pressed without a role.
    pub const ROLE_ERROR: &str = "ov-role-error";
    /// The header's texts and language switch, updated in place on a change of language.
    pub const BRAND_TEXT: &str = "ov-brand-text";
    pub const LANG_LABEL: &str = "ov-lang-label";
    pub const LANG_SELECT: &str = "ov-lang-select";
    /// "Start over", its confirmation, and the confirmation's safe choice: shown in place of each
    /// other, focus moving between them.
    pub const START_OVER: &str = "ov-start-over";
    pub const START_OVER_CONFIRM: &str = "ov-start-over-confirm";
    pub const KEEP_ANSWERS: &str = "ov-keep-answers";
    /// The element an on-demand module draws into.
    pub const RESULTS_HOST: &str = "ov-results-host";
    /// The share panel's link field and its status line.
    pub const SHARE_LINK: &str = "ov-share-link";
    pub const COPY_STATUS: &str = "ov-copy-status";
    /// The send button (the share sheet), which carries the sheet's title and text.
    pub const SEND_BUTTON: &str = "ov-send-button";
    /// The email to the facilitator (when configured); its address follows the share level.
    pub const SEND_EMAIL: &str = "ov-send-email";
    /// The team view's boxes, and the place "combine" fills.
    pub const TEAM_LINKS: &str = "ov-team-links";
    pub const TEAM_BASELINE: &str = "ov-team-baseline";
    pub const TEAM_RESULT: &str = "ov-team-result";
    pub const TEAM_LINK: &str = "ov-team-link";
    pub const TEAM_FILE: &str = "ov-team-file";
    /// The printed workshop pack, whose pages present mode shows one at a time, and the button
    /// that starts present mode (focus returns to it after).
    pub const PACK: &str = "ov-pack";
    pub const PRESENT: &str = "ov-present";
    /// The round keys' inputs: a new key's label, a key file, a pasted secret key, and the
    /// status line that says what happened.
    pub const KEY_LABEL: &str = "ov-key-label";
    pub const KEY_FILE: &str = "ov-key-file";
    pub const KEY_PASTE: &str = "ov-key-paste";
    pub const KEY_STATUS: &str = "ov-key-status";
    /// Kiosk mode: the welcome (the idle timer sleeps while it shows), the idle countdown (an
    /// element of its own, over any screen) with its seconds and its "start over now" button, the
    /// facilitator's unlock field and key file, the status line, and the collected links.
    pub const KIOSK_WELCOME: &str = "ov-kiosk";
    pub const KIOSK_IDLE: &str = "ov-kiosk-idle";
    pub const KIOSK_IDLE_SECONDS: &str = "ov-kiosk-idle-seconds";
    pub const KIOSK_IDLE_ANNOUNCE: &str = "ov-kiosk-idle-announce";
    pub const KIOSK_CONTINUE: &str = "ov-kiosk-continue";
    pub const KIOSK_RESET: &str = "ov-kiosk-reset";
    pub const KIOSK_UNLOCK: &str = "ov-kiosk-unlock";
    pub const KIOSK_UNLOCK_FILE: &str = "ov-kiosk-unlock-file";
    pub const KIOSK_STATUS: &str = "ov-kiosk-status";
    pub const KIOSK_LINKS: &str = "ov-kiosk-links";
    /// The team view's "run this round on this device": PIN, idle time, the key file check.
    pub const KIOSK_PIN: &str = "ov-kiosk-pin";
    pub const KIOSK_IDLE_INPUT: &str = "ov-kiosk-idle-input";
    pub const KIOSK_KEY_SAVED: &str = "ov-kiosk-key-saved";
    pub const KIOSK_START_STATUS: &str = "ov-kiosk-start-status";
    /// The setup screen: loading a file and its status, the logo upload, the preview box, the
    /// JSON on show, the snippet with its copy button and status line.
    pub const SETUP_LOAD: &str = "ov-setup-load";
    pub const SETUP_LOAD_STATUS: &str = "ov-setup-load-status";
    pub const SETUP_LOGO_FILE: &str = "ov-setup-logo-file";
    pub const SETUP_PREVIEW: &str = "ov-setup-preview";
    pub const SETUP_JSON: &str = "ov-setup-json";
    pub const SETUP_SNIPPET: &str = "ov-setup-snippet";
    pub const SETUP_COPY: &str = "ov-setup-copy";
    pub const SETUP_STATUS: &str = "ov-setup-status";
}

/// Names of form controls and data attributes that code reads.
pub mod names {
    /// The role radios' name.
    pub const ROLE_INPUT: &str = "role";
    /// Answer radios are named `q:<slot index>` (`Instrument::input_slot` reads them back).
    pub const ANSWER_PREFIX: &str = "q:";
    /// The share level radios' name; their values are `full` and `summary`.
    pub const SHARE_LEVEL: &str = "ov-share-level";
    /// A button's action.
    pub const ACTION_ATTR: &str = "data-action";
    /// The review list's jump buttons: the section to open and the element to focus.
    pub const SECTION_ATTR: &str = "data-section";
    pub const PAGE_ATTR: &str = "data-page";
    pub const TARGET_ATTR: &str = "data-target";
    /// The share link field carries both links; the level radios swap between them.
    pub const FULL_LINK_ATTR: &str = "data-full";
    pub const SUMMARY_LINK_ATTR: &str = "data-summary";
    /// The copy status line carries its messages: copied, copy by hand ...
    pub const COPIED_ATTR: &str = "data-copied";
    pub const MANUAL_ATTR: &str = "data-manual";
    /// ... and the one for a link copied because the browser has no share sheet.
    pub const SENT_COPIED_ATTR: &str = "data-sent-copied";
    /// The share sheet's title and text, carried by the send button.
    pub const SHARE_TITLE_ATTR: &str = "data-share-title";
    pub const SHARE_TEXT_ATTR: &str = "data-share-text";
    /// On the document element while printing: a [`super::PrintMode`].
    pub const PRINT_ATTR: &str = "data-print";
    /// On the document element in present mode; on the pack page on show.
    pub const PRESENT_ATTR: &str = "data-present";
    pub const CURRENT_PAGE_ATTR: &str = "data-current";
    /// Which held round key a key button is for (its position in the list).
    pub const KEY_ATTR: &str = "data-key";
    /// The question to confirm before removing a key.
    pub const CONFIRM_ATTR: &str = "data-confirm";
    /// The radios choosing whose invitation is shown; their values are positions in the list.
    pub const ROUND_INPUT: &str = "ov-round";
    /// The key status line carries its messages.
    pub const KEY_ADDED_ATTR: &str = "data-added";
    pub const KEY_BAD_ATTR: &str = "data-bad";
    pub const KEY_UNSAVED_ATTR: &str = "data-unsaved";
    /// Kiosk mode: the countdown sentence's template (with `{seconds}`), and the unlock status
    /// line's message for a wrong PIN or key.
    pub const TEMPLATE_ATTR: &str = "data-template";
    pub const WRONG_ATTR: &str = "data-wrong";
    /// The setting a setup field's problem line is about.
    pub const SETUP_KEY_ATTR: &str = "data-setting";
    /// The accent a setup field's "use the nearest colour" button would put in.
    pub const SUGGESTION_ATTR: &str = "data-suggestion";
}

#[cfg(test)]
pub(crate) mod tests;
